/*
 * init: the first user process and the MenuOS shell.
 *
 *   init                 interactive shell on the console (prompt "MenuOS>> ")
 *   init -c 'CMD; CMD'   run the commands, exit with the last status (the kernel's --run path:
 *                        when init exits, the machine powers off with that status)
 *   init FILE            run the commands in FILE, one line at a time
 *
 * As pid 1 it also reaps orphans (jobs.c) and ignores Ctrl-C and SIGTERM, which belong to the
 * programs it runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <termios.h>
#include "shell.h"

static int run_stream(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) >= 0) {
		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n >= MAX_LINE) {
			fprintf(stderr, "init: line too long (%zd characters, at most %d)\n", n, MAX_LINE - 1);
			last_status = 2;
			continue;
		}
		run_line(line);
		jobs_reap(1);
	}
	free(line);
	return last_status;
}

/* A terminal, or the console of our kernel even if it knew no termios (pid 1 owns the console). */
static int interactive(void)
{
	struct termios t;

	if (tcgetattr(0, &t) == 0)
		return 1;
	return getpid() == 1 && errno != EBADF;
}

static int run_interactive(void)
{
	char line[MAX_LINE];
	int n;

	for (;;) {
		jobs_reap(1);
		fflush(stdout);
		shell_set_tty_mode(1);
		n = lineedit_read(PROMPT, line, sizeof(line));
		shell_set_tty_mode(0);
		if (n == LINE_CTRL_C) {
			last_status = 130;
			continue;
		}
		if (n == LINE_CTRL_D && getpid() == 1) {
			/* Leaving init powers the machine off: not on a stray Ctrl-D. */
			printf("(init does not exit on Ctrl-D: use 'exit' or 'poweroff')\n");
			continue;
		}
		if (n < 0)
			break;
		history_add(line);
		run_line(line);
	}
	return last_status;
}

static void usage(void)
{
	fprintf(stderr, "usage: init [-c 'COMMANDS'] [FILE]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	FILE *f;

	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	/* A write to a pipe nobody reads must fail with EPIPE here, not kill the shell. */
	signal(SIGPIPE, SIG_IGN);
	if (getpid() == 1) {
		signal(SIGTERM, SIG_IGN);
		signal(SIGHUP, SIG_IGN);
		if (!getenv("PATH"))
			setenv("PATH", "/bin", 1);
	}

	if (argc >= 2 && !strcmp(argv[1], "-c")) {
		if (argc != 3)
			usage();
		run_line(argv[2]);
		jobs_reap(0);
		fflush(NULL);
		return last_status;
	}
	if (argc == 2 && argv[1][0] != '-') {
		f = fopen(argv[1], "r");
		if (!f) {
			fprintf(stderr, "init: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
		return run_stream(f);
	}
	if (argc != 1)
		usage();

	if (!interactive())
		return run_stream(stdin);
	if (getpid() == 1)
		printf("\nWelcome to MenuOS. Type 'help' for the list of commands.\n");
	return run_interactive();
}
