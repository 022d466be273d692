/*
 * Children and jobs. The shell is also init, the parent of every orphan, so every wait here is
 * waitpid(-1): a pid we do not know is an orphan being reaped. Background jobs are reported when
 * they end ("[1]+ Done  cmd"), before the next prompt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include "shell.h"

struct job {
	int id;			/* 0: slot free */
	pid_t pids[MAX_PIPE];
	int npids;
	pid_t last_pid;		/* what `wait PID` and "[1] PID" refer to */
	int alive;		/* processes not yet reaped */
	int status;		/* wait status of the last process */
	char text[128];
};

static struct job jobs[MAX_JOBS];

/* Exit status as the shell reports it: the code, or 128 + signal. */
static int shell_status(int wstatus)
{
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return WEXITSTATUS(wstatus);
}

static void report_signal(pid_t pid, int wstatus)
{
	int sig;

	if (!WIFSIGNALED(wstatus))
		return;
	sig = WTERMSIG(wstatus);
	if (sig == SIGINT || sig == SIGPIPE)
		return;		/* the user pressed Ctrl-C, or a pipe reader went away: no news */
	fprintf(stderr, "[pid %d] killed by signal %d (%s)\n", (int)pid, sig, strsignal(sig));
}

int job_add(const pid_t *pids, int npids, const char *text)
{
	int i, id = 1;

	for (i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id >= id)
			id = jobs[i].id + 1;
	for (i = 0; i < MAX_JOBS; i++) {
		if (!jobs[i].id) {
			jobs[i].id = id;
			memcpy(jobs[i].pids, pids, (size_t)npids * sizeof(pid_t));
			jobs[i].npids = jobs[i].alive = npids;
			jobs[i].last_pid = pids[npids - 1];
			jobs[i].status = 0;
			snprintf(jobs[i].text, sizeof(jobs[i].text), "%s", text);
			return id;
		}
	}
	/* Table full: the processes still run and get reaped as orphans. */
	return 0;
}

/* Account a reaped child to its job; returns 1 if it belonged to one. */
static int job_reaped(pid_t pid, int wstatus)
{
	int i, k;

	for (i = 0; i < MAX_JOBS; i++) {
		for (k = 0; jobs[i].id && k < jobs[i].npids; k++) {
			if (jobs[i].pids[k] != pid)
				continue;
			jobs[i].pids[k] = -1;
			jobs[i].alive--;
			if (k == jobs[i].npids - 1)
				jobs[i].status = wstatus;
			return 1;
		}
	}
	return 0;
}

static void jobs_report_done(void)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++) {
		if (!jobs[i].id || jobs[i].alive)
			continue;
		if (WIFSIGNALED(jobs[i].status))
			printf("[%d]+ %s  %s\n", jobs[i].id, strsignal(WTERMSIG(jobs[i].status)), jobs[i].text);
		else if (WEXITSTATUS(jobs[i].status))
			printf("[%d]+ Exit %d  %s\n", jobs[i].id, WEXITSTATUS(jobs[i].status), jobs[i].text);
		else
			printf("[%d]+ Done  %s\n", jobs[i].id, jobs[i].text);
		jobs[i].id = 0;
	}
}

/* Reap whatever has ended without blocking (orphans included); report finished jobs if asked. */
void jobs_reap(int report)
{
	int wstatus;
	pid_t pid;

	while ((pid = waitpid(-1, &wstatus, WNOHANG)) > 0)
		job_reaped(pid, wstatus);
	if (report)
		jobs_report_done();
}

/* Wait for a foreground pipeline; returns the shell status of its last command. */
int job_wait_fg(const pid_t *pids, int npids)
{
	int wstatus, status = 0, left = npids, i;
	pid_t pid;

	while (left > 0) {
		pid = waitpid(-1, &wstatus, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;		/* ECHILD: nothing left to wait for */
		}
		for (i = 0; i < npids; i++) {
			if (pids[i] == pid) {
				left--;
				report_signal(pid, wstatus);
				if (i == npids - 1)
					status = shell_status(wstatus);
				break;
			}
		}
		if (i == npids)
			job_reaped(pid, wstatus);
	}
	return status;
}

static struct job *find_job(int id)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id && jobs[i].id == id)
			return &jobs[i];
	return NULL;
}

/* "%N": the last live process of job N. Returns 0, or -1 if there is no such job. */
int job_lookup(const char *spec, pid_t *pid)
{
	struct job *j = find_job(atoi(spec + 1));
	int k;

	if (!j)
		return -1;
	for (k = j->npids - 1; k >= 0; k--) {
		if (j->pids[k] > 0) {
			*pid = j->pids[k];
			return 0;
		}
	}
	return -1;
}

int builtin_jobs(int argc, char **argv)
{
	int i;

	jobs_reap(0);
	for (i = 0; i < MAX_JOBS; i++) {
		if (!jobs[i].id)
			continue;
		printf("[%d] %-8s %s\n", jobs[i].id, jobs[i].alive ? "Running" : "Done", jobs[i].text);
	}
	jobs_report_done();
	return 0;
}

/* wait: every job, or the given pids / %jobs. Status of the last one waited for. */
int builtin_wait(int argc, char **argv)
{
	int i, k, status = 0, wstatus;
	struct job *j;
	pid_t pid;

	if (argc == 1) {
		for (i = 0; i < MAX_JOBS; i++) {
			while (jobs[i].id && jobs[i].alive) {
				pid = waitpid(-1, &wstatus, 0);
				if (pid < 0)
					break;
				job_reaped(pid, wstatus);
			}
			if (jobs[i].id)
				status = shell_status(jobs[i].status);
		}
		jobs_report_done();
		return status;
	}
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '%') {
			j = find_job(atoi(argv[i] + 1));
			if (!j) {
				fprintf(stderr, "wait: %s: no such job\n", argv[i]);
				status = 127;
				continue;
			}
			while (j->alive && (pid = waitpid(-1, &wstatus, 0)) > 0)
				job_reaped(pid, wstatus);
			status = shell_status(j->status);
			continue;
		}
		pid = (pid_t)strtol(argv[i], NULL, 10);
		for (k = 0; k < MAX_JOBS; k++)
			if (jobs[k].id && jobs[k].last_pid == pid)
				break;
		if (pid <= 0 || k == MAX_JOBS) {
			fprintf(stderr, "wait: pid %s is not a child of this shell\n", argv[i]);
			status = 127;
			continue;
		}
		while (jobs[k].alive && (pid = waitpid(-1, &wstatus, 0)) > 0)
			job_reaped(pid, wstatus);
		status = shell_status(jobs[k].status);
	}
	jobs_report_done();
	return status;
}
