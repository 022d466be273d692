/*
 * The command table: every command the shell knows, built-in or bundled program, with the one
 * line `help` prints. Built-ins that change the shell (exit, wait, jobs, history) or are used in
 * scripts (echo, true, false, kill) run inside it; the rest are programs in /bin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include "shell.h"

static int builtin_help(int argc, char **argv);
static int builtin_echo(int argc, char **argv);
static int builtin_exit(int argc, char **argv);
static int builtin_true(int argc, char **argv);
static int builtin_false(int argc, char **argv);
static int builtin_kill(int argc, char **argv);
static int builtin_cd(int argc, char **argv);
static int builtin_pwd(int argc, char **argv);
static int builtin_export(int argc, char **argv);
static int builtin_unset(int argc, char **argv);
static int builtin_time(int argc, char **argv);
static int builtin_poweroff(int argc, char **argv);
static int builtin_reboot(int argc, char **argv);

const struct builtin command_table[] = {
	/* built-ins */
	{ "help", builtin_help, "list the commands (help NAME: just that one)" },
	{ "echo", builtin_echo, "print the arguments (-n: no newline, -e: \\n \\t \\r \\xHH escapes); $? is the last status" },
	{ "exit", builtin_exit, "leave the shell with a status (init: the machine powers off)" },
	{ "true", builtin_true, "do nothing, successfully (exit status 0)" },
	{ "false", builtin_false, "do nothing, unsuccessfully (exit status 1)" },
	{ "kill", builtin_kill, "send a signal: kill [-SIG] PID|%JOB ... (kill -l lists signals)" },
	{ "jobs", builtin_jobs, "list background jobs (started with &)" },
	{ "wait", builtin_wait, "wait for background jobs: wait [PID|%JOB ...]" },
	{ "history", builtin_history, "list the command history (up/down arrows recall it)" },
	{ "cd", builtin_cd, "change the working directory (cd /proc; cat uptime)" },
	{ "pwd", builtin_pwd, "print the working directory" },
	{ "export", builtin_export, "set environment variables: export NAME=VALUE ... (no argument: list them)" },
	{ "unset", builtin_unset, "remove environment variables: unset NAME ..." },
	{ "time", builtin_time, "run a program and print how long it took: time PROGRAM ARGS..." },
	{ "poweroff", builtin_poweroff, "power the machine off" },
	{ "reboot", builtin_reboot, "restart the machine" },
	/* programs in /bin (userland/) */
	{ "uname", NULL, "print system information (-a: everything)" },
	{ "uptime", NULL, "time since boot, process count and load" },
	{ "ps", NULL, "list processes (from /proc)" },
	{ "meminfo", NULL, "memory in use: pages and kernel object caches (/proc/meminfo, /proc/slabinfo)" },
	{ "dmesg", NULL, "print the kernel log" },
	{ "cat", NULL, "print files, e.g. cat /proc/uptime" },
	{ "ls", NULL, "list a directory: ls /bin, ls -l /proc" },
	{ "grep", NULL, "lines containing a string: dmesg | grep e1000 (-i -v -c -n)" },
	{ "head", NULL, "the first lines of a file or pipe: head -n 5 /proc/net/tcp" },
	{ "wc", NULL, "count lines, words and bytes (-l -w -c)" },
	{ "sleep", NULL, "wait N seconds (fractions allowed)" },
	{ "usertests", NULL, "system call tests: bad fds, bad pointers, fork/exec/wait, memory (xv6 style)" },
	{ "crash", NULL, "fault on purpose (null, kernel, ud2, div0 ...) to show the process dies, not the kernel" },
	{ "init", NULL, "the shell itself, as a program: init -c 'CMD; CMD'" },
	{ "lspci", NULL, "list PCI devices" },
	{ "ifconfig", NULL, "show or set network interfaces" },
	{ "route", NULL, "show or change the routing table" },
	{ "arp", NULL, "show or change the ARP cache" },
	{ "ping", NULL, "send ICMP echo requests" },
	{ "netstat", NULL, "network sockets (-t) and protocol counters (-s)" },
	{ "nc", NULL, "netcat: TCP/UDP client and server" },
	{ "udpecho", NULL, "UDP echo server/client" },
	{ "replyhi", NULL, "TCP server on 127.0.0.1:5001 answering every message with \"hi\"" },
	{ "hello", NULL, "TCP client: send \"hello\" to replyhi and print the reply" },
	{ "ttcp", NULL, "TCP throughput test: ttcp -t HOST PORT / ttcp -r, with sha256 of the stream" },
	{ "httpd", NULL, "HTTP/1.1 server (built-in page, /bytes/N)" },
	{ NULL, NULL, NULL },
};

const struct builtin *find_builtin(const char *name)
{
	const struct builtin *b;

	for (b = command_table; b->name; b++)
		if (!strcmp(b->name, name))
			return b->fn ? b : NULL;
	return NULL;
}

/* Is there a file NAME in one of the PATH directories? (open, not access: fewer system calls needed) */
static int on_path(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	char buf[512];
	int fd;

	if (!path)
		path = "/bin";
	for (p = path; ; p = end + 1) {
		end = strchrnul(p, ':');
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)(end - p), p, name);
		fd = open(buf, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			close(fd);
			return 1;
		}
		if (!*end)
			return 0;
	}
}

/*
 * The n-th command `help` would list: built-ins, then the programs that are installed; NULL after
 * the last. The list is worked out once per PATH (Tab completion asks for every name on each key).
 */
const char *command_name(int n)
{
	static const char *names[sizeof(command_table) / sizeof(command_table[0])];
	static char path_seen[256];
	static int count = -1;
	const char *path = getenv("PATH");
	const struct builtin *b;

	if (!path)
		path = "";
	if (count < 0 || strcmp(path, path_seen)) {
		snprintf(path_seen, sizeof(path_seen), "%s", path);
		count = 0;
		for (b = command_table; b->name; b++)
			if (b->fn || on_path(b->name))
				names[count++] = b->name;
	}
	return n < count ? names[n] : NULL;
}

static int table_has(const char *name)
{
	const struct builtin *b;

	for (b = command_table; b->name; b++)
		if (!strcmp(b->name, name))
			return 1;
	return 0;
}

/* help: built-ins, then the bundled programs that are installed, then installed ones we have no line for. */
static int builtin_help(int argc, char **argv)
{
	const struct builtin *b;
	struct dirent *de;
	DIR *dir;
	int found = 0, i;

	for (i = 1; i < argc; i++) {
		for (b = command_table; b->name; b++)
			if (!strcmp(b->name, argv[i]))
				break;
		if (!b->name) {
			fprintf(stderr, "help: no such command: %s\n", argv[i]);
			return 1;
		}
		printf("%s - %s\n", b->name, b->help);
	}
	if (argc > 1)
		return 0;
	printf("Commands (CMD &: run in background; CMD1; CMD2; CMD1 | CMD2; > file; Ctrl-C cancels):\n");
	for (b = command_table; b->name; b++) {
		if (b->fn || on_path(b->name)) {
			printf("%s - %s\n", b->name, b->help);
			found++;
		}
	}
	dir = opendir("/bin");
	if (dir && (!getenv("PATH") || !strcmp(getenv("PATH"), "/bin"))) {
		while ((de = readdir(dir)))
			if (de->d_name[0] != '.' && !table_has(de->d_name))
				printf("%s - (program in /bin)\n", de->d_name);
	}
	if (dir)
		closedir(dir);
	return found ? 0 : 1;
}

/* echo -e: print s with backslash escapes (\n \t \r \\ \a \b \e \0NNN \xHH); \c stops all output. */
static int echo_escaped(const char *s)
{
	int c, k, v;

	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			putchar(*s);
			continue;
		}
		switch (c = *++s) {
		case 'n': putchar('\n'); break;
		case 't': putchar('\t'); break;
		case 'r': putchar('\r'); break;
		case 'a': putchar('\a'); break;
		case 'b': putchar('\b'); break;
		case 'e': putchar('\033'); break;
		case '\\': putchar('\\'); break;
		case 'c': return 1;
		case '0':
			for (v = 0, k = 0; k < 3 && s[1] >= '0' && s[1] <= '7'; k++)
				v = v * 8 + (*++s - '0');
			putchar(v);
			break;
		case 'x':
			for (v = 0, k = 0; k < 2 && isxdigit((unsigned char)s[1]); k++) {
				c = *++s;
				v = v * 16 + (isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
			}
			if (k)
				putchar(v);
			else
				fputs("\\x", stdout);
			break;
		default:
			putchar('\\');
			putchar(c);
			break;
		}
	}
	return 0;
}

/* echo [-n] [-e] ARGS: as bash's built-in (options may be combined, e.g. -ne). */
static int builtin_echo(int argc, char **argv)
{
	int i = 1, newline = 1, escapes = 0;
	const char *p;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (p = argv[i] + 1; *p == 'n' || *p == 'e' || *p == 'E'; p++)
			;
		if (*p)
			break;		/* not an option: print it */
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (escapes ? echo_escaped(argv[i]) : (fputs(argv[i], stdout), 0))
			return 0;
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return 0;
}

static int builtin_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");
	char cwd[256];

	if (argc > 2) {
		fprintf(stderr, "cd: too many arguments\n");
		return 2;
	}
	if (!dir)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (getcwd(cwd, sizeof(cwd)))
		setenv("PWD", cwd, 1);
	return 0;
}

static int builtin_pwd(int argc, char **argv)
{
	char cwd[256];

	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(cwd);
	return 0;
}

static int builtin_export(int argc, char **argv)
{
	char **e;
	char *eq;
	int i, status = 0;

	if (argc == 1) {
		for (e = environ; e && *e; e++)
			printf("export %s\n", *e);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		eq = strchr(argv[i], '=');
		if (!eq || eq == argv[i]) {
			fprintf(stderr, "export: '%s': expected NAME=VALUE\n", argv[i]);
			status = 1;
			continue;
		}
		*eq = '\0';
		if (setenv(argv[i], eq + 1, 1) < 0) {
			fprintf(stderr, "export: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		*eq = '=';
	}
	return status;
}

static int builtin_unset(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		if (unsetenv(argv[i]) < 0) {
			fprintf(stderr, "unset: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}

static double seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + tv->tv_usec / 1e6;
}

/* time PROGRAM ARGS: elapsed (CLOCK_MONOTONIC) and the child's CPU time (wait4's rusage). */
static int builtin_time(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int wstatus;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: time PROGRAM [ARGS...]\n");
		return 2;
	}
	fflush(NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "time: fork: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[1], argv + 1);
		fprintf(stderr, "%s: %s\n", argv[1], errno == ENOENT ? "command not found (try 'help')" : strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	memset(&ru, 0, sizeof(ru));
	while (wait4(pid, &wstatus, 0, &ru) < 0)
		if (errno != EINTR)
			return 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "\nreal\t%.3fs\nuser\t%.3fs\nsys\t%.3fs\n",
		(double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, seconds(&ru.ru_utime),
		seconds(&ru.ru_stime));
	return WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : WEXITSTATUS(wstatus);
}

static int parse_status(const char *s, int *status)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end)
		return -1;
	*status = (int)(v & 0xff);
	return 0;
}

static int builtin_exit(int argc, char **argv)
{
	int status = last_status;

	if (argc > 2) {
		fprintf(stderr, "exit: too many arguments\n");
		return 2;
	}
	if (argc == 2 && parse_status(argv[1], &status)) {
		fprintf(stderr, "exit: %s: numeric argument required\n", argv[1]);
		return 2;
	}
	shell_set_tty_mode(0);
	fflush(NULL);
	exit(status);
}

static int builtin_true(int argc, char **argv)
{
	return 0;
}

static int builtin_false(int argc, char **argv)
{
	return 1;
}

static const char *const signal_names[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL", [SIGTRAP] = "TRAP",
	[SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE", [SIGKILL] = "KILL", [SIGUSR1] = "USR1",
	[SIGSEGV] = "SEGV", [SIGUSR2] = "USR2", [SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM",
	[SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD", [SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU", [SIGXFSZ] = "XFSZ",
	[SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF", [SIGWINCH] = "WINCH", [SIGIO] = "IO", [SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

static int signal_number(const char *s)
{
	char *end;
	long v;
	int i;

	if (!strncmp(s, "SIG", 3))
		s += 3;
	v = strtol(s, &end, 10);
	if (*s && !*end)
		return v > 0 && v < 65 ? (int)v : -1;
	for (i = 1; i < (int)(sizeof(signal_names) / sizeof(signal_names[0])); i++)
		if (signal_names[i] && !strcasecmp(signal_names[i], s))
			return i;
	return -1;
}

static int builtin_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;
	char *end;
	pid_t pid;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (i = 1; i < (int)(sizeof(signal_names) / sizeof(signal_names[0])); i++)
			printf("%2d) SIG%s\n", i, signal_names[i]);
		return 0;
	}
	if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		const char *name = argv[i] + 1;

		if (!strcmp(argv[i], "-s")) {
			if (++i == argc)
				goto usage;
			name = argv[i];
		}
		sig = signal_number(name);
		if (sig < 0) {
			fprintf(stderr, "kill: %s: invalid signal specification\n", name);
			return 1;
		}
		i++;
	}
	if (i == argc)
		goto usage;
	for (; i < argc; i++) {
		if (argv[i][0] == '%') {
			if (job_lookup(argv[i], &pid)) {
				fprintf(stderr, "kill: %s: no such job\n", argv[i]);
				status = 1;
				continue;
			}
		} else {
			pid = (pid_t)strtol(argv[i], &end, 10);
			if (!argv[i][0] || *end) {
				fprintf(stderr, "kill: %s: arguments must be process or job IDs\n", argv[i]);
				status = 1;
				continue;
			}
		}
		if (kill(pid, sig) < 0) {
			fprintf(stderr, "kill: (%d) - %s\n", (int)pid, strerror(errno));
			status = 1;
		}
	}
	return status;
usage:
	fprintf(stderr, "usage: kill [-SIGNAL | -s SIGNAL] PID|%%JOB ...; kill -l\n");
	return 2;
}

/*
 * Only init (pid 1) turns the machine off: a shell started as a program (or this shell run on a
 * development host) must not, so it says what to do instead.
 */
static int machine_command(const char *name, int cmd)
{
	if (getpid() != 1) {
		fprintf(stderr, "%s: only init (pid 1) can do that; this shell is pid %d (use exit)\n", name,
			(int)getpid());
		return 1;
	}
	shell_set_tty_mode(0);
	fflush(NULL);
	sync();
	reboot(cmd);
	fprintf(stderr, "%s: %s\n", name, strerror(errno));
	return 1;
}

static int builtin_poweroff(int argc, char **argv)
{
	return machine_command("poweroff", RB_POWER_OFF);
}

static int builtin_reboot(int argc, char **argv)
{
	return machine_command("reboot", RB_AUTOBOOT);
}
