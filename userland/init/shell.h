/*
 * init: the MenuOS shell, the first user process. It reads command lines (with a line editor on a
 * terminal, or from -c), parses them into pipelines (parse.c), runs built-ins in-process and
 * programs by fork + execve (run.c), and keeps track of background jobs (jobs.c).
 */
#ifndef _INIT_SHELL_H
#define _INIT_SHELL_H

#include <sys/types.h>

#define MAX_LINE	1024
#define MAX_ARGS	64
#define MAX_PIPE	8
#define MAX_PIPELINES	32
#define MAX_JOBS	16

#define PROMPT		"MenuOS>> "

/* One command of a pipeline, with its redirections (NULL when absent). */
struct command {
	int argc;
	char *argv[MAX_ARGS + 1];
	char *in;		/* < file */
	char *out;		/* > file or >> file */
	int append;
	char *err;		/* 2> file */
	int err_to_out;		/* 2>&1 */
};

/* How a pipeline is joined to the one before it. */
enum joiner { JOIN_ALWAYS, JOIN_AND, JOIN_OR };

struct pipeline {
	struct command cmds[MAX_PIPE];
	int ncmds;
	int background;		/* ended by '&' */
	enum joiner join;
	char text[128];		/* the source text, for `jobs` */
};

struct script {
	struct pipeline pl[MAX_PIPELINES];
	int n;
	enum joiner next_join;	/* how the text after *rest joins (set when limit stopped parsing) */
	char words[MAX_LINE * 2];	/* storage for expanded words */
};

/*
 * parse.c: parse at most limit pipelines of line into sc (sc->next_join: how the first one joins
 * the previous); *rest = where parsing stopped. 0 on success, -1 with a message on a syntax error.
 */
int parse_line(const char *line, struct script *sc, int limit, const char **rest);

/* run.c */
extern int last_status;		/* $? */
extern pid_t last_bg_pid;	/* $!: the last process started in the background */
int run_line(const char *line);
void shell_set_tty_mode(int editing);

/* jobs.c */
int job_add(const pid_t *pids, int npids, const char *text);
void jobs_reap(int report);
int job_wait_fg(const pid_t *pids, int npids);
int job_lookup(const char *spec, pid_t *pid);
int builtin_jobs(int argc, char **argv);
int builtin_wait(int argc, char **argv);

/* builtins.c */
struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);	/* NULL: a program in /bin */
	const char *help;
};
const struct builtin *find_builtin(const char *name);
const char *command_name(int n);
extern const struct builtin command_table[];

/* lineedit.c */
#define LINE_EOF	(-1)
#define LINE_CTRL_C	(-2)
#define LINE_CTRL_D	(-3)
int lineedit_read(const char *prompt, char *buf, size_t size);
void history_add(const char *line);
int builtin_history(int argc, char **argv);

#endif
