/*
 * ps: list processes from /proc/<pid>/stat (Linux format: "pid (comm) state ppid ... utime stime
 * ... vsize rss", times in USER_HZ ticks) and /proc/<pid>/cmdline, sorted by pid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <dirent.h>
#include "procfile.h"

#define USER_HZ		100
#define MAX_PROCS	1024

struct proc_info {
	int pid, ppid;
	char state;
	unsigned long utime, stime, vsize;
	long rss;
	char comm[64];
	char cmd[128];
};

static int read_proc(int pid, struct proc_info *p)
{
	char path[64], buf[1024], *open_paren, *close_paren, *q;
	ssize_t n;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text_file(path, buf, sizeof(buf)) <= 0)
		return -1;	/* gone since we listed /proc */
	/* comm may contain spaces and ')': it ends at the last ')'. */
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	snprintf(p->comm, sizeof(p->comm), "%.*s", (int)(close_paren - open_paren - 1), open_paren + 1);
	/* Fields after comm: 3 state, 4 ppid, ..., 14 utime, 15 stime, ..., 23 vsize, 24 rss. */
	if (sscanf(close_paren + 2, "%c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %*d %*d %*d %*d %*d %*d %*u %lu %ld",
		   &p->state, &p->ppid, &p->utime, &p->stime, &p->vsize, &p->rss) < 2)
		return -1;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	n = read_text_file(path, buf, sizeof(p->cmd));
	if (n > 0) {
		for (i = 0; i < n - 1; i++)
			if (!buf[i])
				buf[i] = ' ';
		snprintf(p->cmd, sizeof(p->cmd), "%s", buf);
	} else {
		snprintf(p->cmd, sizeof(p->cmd), "[%s]", p->comm);	/* kernel threads have no cmdline */
	}
	for (q = p->cmd; *q; q++)
		if (!isprint((unsigned char)*q))
			*q = '?';
	return 0;
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc_info *)a)->pid - ((const struct proc_info *)b)->pid;
}

int main(int argc, char **argv)
{
	static struct proc_info procs[MAX_PROCS];
	struct dirent *de;
	unsigned long t;
	char *end;
	DIR *dir;
	int n = 0, i;
	long pid;

	if (argc > 1) {
		fprintf(stderr, "usage: ps\n");
		return 2;
	}
	dir = opendir("/proc");
	if (!dir) {
		perror("ps: /proc");
		return 1;
	}
	while ((de = readdir(dir)) && n < MAX_PROCS) {
		pid = strtol(de->d_name, &end, 10);
		if (!isdigit((unsigned char)de->d_name[0]) || *end)
			continue;
		if (read_proc((int)pid, &procs[n]) == 0)
			n++;
	}
	closedir(dir);
	qsort(procs, (size_t)n, sizeof(procs[0]), by_pid);

	printf("%5s %5s %s %8s %7s %s\n", "PID", "PPID", "S", "TIME", "RSS", "CMD");
	for (i = 0; i < n; i++) {
		t = (procs[i].utime + procs[i].stime) / USER_HZ;
		printf("%5d %5d %c %5lu:%02lu %6ldK %s\n", procs[i].pid, procs[i].ppid, procs[i].state, t / 60, t % 60,
		       procs[i].rss * 4, procs[i].cmd);
	}
	return 0;
}
