/*
 * Running parsed command lines. A pipeline of one built-in runs inside the shell (with its
 * redirections applied to the shell's own descriptors and undone after); everything else is
 * forked: each command of a pipeline gets its pipe ends and redirections, then either runs the
 * built-in and exits or execve()s the program found on PATH (default /bin). The terminal is in
 * cooked mode while programs run and in raw mode while the line editor has it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <termios.h>
#include <sys/wait.h>
#include "shell.h"

int last_status;
pid_t last_bg_pid;

static struct termios cooked;
static int have_termios = -1;	/* unknown until first use */

/* editing: raw input (no echo, no line discipline, no signals from keys); else what we started with. */
void shell_set_tty_mode(int editing)
{
	struct termios raw;

	if (have_termios < 0)
		have_termios = tcgetattr(0, &cooked) == 0;
	if (!have_termios)
		return;
	if (!editing) {
		tcsetattr(0, TCSADRAIN, &cooked);
		return;
	}
	raw = cooked;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
	raw.c_iflag &= ~(tcflag_t)(ICRNL | INLCR | IGNCR | IXON);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(0, TCSADRAIN, &raw);
}

/* Open the redirection target onto fd; prints the error and returns -1 on failure. */
static int redirect(const char *path, int flags, int fd)
{
	int nfd = open(path, flags, 0644);

	if (nfd < 0) {
		fprintf(stderr, "init: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (nfd != fd) {
		dup2(nfd, fd);
		close(nfd);
	}
	return 0;
}

static int apply_redirections(const struct command *cmd)
{
	if (cmd->in && redirect(cmd->in, O_RDONLY, 0))
		return -1;
	if (cmd->out && redirect(cmd->out, O_WRONLY | O_CREAT | (cmd->append ? O_APPEND : O_TRUNC), 1))
		return -1;
	if (cmd->err && redirect(cmd->err, O_WRONLY | O_CREAT | O_TRUNC, 2))
		return -1;
	if (cmd->err_to_out)
		dup2(1, 2);
	return 0;
}

/* Child side: become the command. Never returns. */
static void exec_command(const struct command *cmd)
{
	const struct builtin *b = find_builtin(cmd->argv[0]);

	if (apply_redirections(cmd))
		_exit(1);
	if (b && b->fn) {
		int status = b->fn(cmd->argc, (char **)cmd->argv);

		fflush(NULL);
		_exit(status);
	}
	execvp(cmd->argv[0], (char *const *)cmd->argv);
	if (errno == ENOENT)
		fprintf(stderr, "%s: command not found (try 'help')\n", cmd->argv[0]);
	else
		fprintf(stderr, "%s: %s\n", cmd->argv[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* Run a built-in in the shell process, redirections applied to our own descriptors meanwhile. */
static int run_builtin_here(const struct builtin *b, const struct command *cmd)
{
	int saved[3], i, status;

	fflush(NULL);
	for (i = 0; i < 3; i++)
		saved[i] = dup(i);
	if (apply_redirections(cmd)) {
		status = 1;
	} else {
		status = b->fn(cmd->argc, (char **)cmd->argv);
		fflush(NULL);
	}
	for (i = 0; i < 3; i++) {
		if (saved[i] >= 0) {
			dup2(saved[i], i);
			close(saved[i]);
		}
	}
	return status;
}

static int run_pipeline(struct pipeline *pl)
{
	const struct builtin *b = find_builtin(pl->cmds[0].argv[0]);
	pid_t pids[MAX_PIPE];
	int i, in_fd = -1, fds[2], npids = 0;
	pid_t pid;

	if (pl->ncmds == 1 && !pl->background && b && b->fn)
		return run_builtin_here(b, &pl->cmds[0]);

	fflush(NULL);
	shell_set_tty_mode(0);
	for (i = 0; i < pl->ncmds; i++) {
		fds[0] = fds[1] = -1;
		if (i + 1 < pl->ncmds && pipe(fds) < 0) {
			fprintf(stderr, "init: pipe: %s\n", strerror(errno));
			break;
		}
		pid = fork();
		if (pid < 0) {
			fprintf(stderr, "init: fork: %s\n", strerror(errno));
			if (fds[0] >= 0) {
				close(fds[0]);
				close(fds[1]);
			}
			break;
		}
		if (pid == 0) {
			/* Foreground programs get Ctrl-C; background ones ignore it, as in sh without job control. */
			signal(SIGINT, pl->background ? SIG_IGN : SIG_DFL);
			signal(SIGQUIT, pl->background ? SIG_IGN : SIG_DFL);
			/* What init ignores for itself must not stay ignored in its children (SIG_IGN survives exec). */
			signal(SIGPIPE, SIG_DFL);
			signal(SIGTERM, SIG_DFL);
			signal(SIGHUP, SIG_DFL);
			if (in_fd >= 0) {
				dup2(in_fd, 0);
				close(in_fd);
			} else if (pl->background) {
				/* A background job must not steal the terminal's input. */
				int null_fd = open("/dev/null", O_RDONLY);

				if (null_fd >= 0) {
					dup2(null_fd, 0);
					close(null_fd);
				}
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			exec_command(&pl->cmds[i]);
		}
		pids[npids++] = pid;
		if (in_fd >= 0)
			close(in_fd);
		if (fds[1] >= 0)
			close(fds[1]);
		in_fd = fds[0];
	}
	if (in_fd >= 0)
		close(in_fd);
	if (!npids)
		return 1;
	if (pl->background) {
		int id = job_add(pids, npids, pl->text);

		last_bg_pid = pids[npids - 1];
		printf("[%d] %d\n", id, (int)pids[npids - 1]);
		return 0;
	}
	return job_wait_fg(pids, npids);
}

static struct script script;	/* big: keep it off the stack */

/*
 * The whole line is checked for syntax first; then each pipeline is parsed again just before it
 * runs, so that $? in "false; echo $?" sees the status of the command before it.
 */
int run_line(const char *line)
{
	const char *p = line;
	struct pipeline *pl;

	script.next_join = JOIN_ALWAYS;
	if (parse_line(line, &script, MAX_PIPELINES, &p) < 0) {
		last_status = 2;
		return last_status;
	}
	if (*p) {
		fprintf(stderr, "init: too many commands on one line\n");
		last_status = 2;
		return last_status;
	}
	p = line;
	script.next_join = JOIN_ALWAYS;
	for (;;) {
		if (parse_line(p, &script, 1, &p) < 0 || !script.n)
			break;
		pl = &script.pl[0];
		if ((pl->join == JOIN_AND && last_status != 0) || (pl->join == JOIN_OR && last_status == 0))
			continue;
		last_status = run_pipeline(pl);
	}
	return last_status;
}
