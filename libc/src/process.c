/* Processes: fork, exec, wait, exit status, ids, kill. */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <signal.h>
#include <sys/wait.h>
#include "syscall.h"

pid_t fork(void)
{
	return (pid_t)syscall0(__NR_fork);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)syscall3(__NR_execve, path, argv, envp);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* Search PATH (default "/bin:/usr/bin") for a name without a slash, as the shell does. */
int execvp(const char *file, char *const argv[])
{
	const char *path, *p, *end;
	char buf[PATH_MAX];
	size_t dlen, flen;
	int saved = ENOENT;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, environ);
	path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";
	flen = strlen(file);
	for (p = path; ; p = end + 1) {
		end = strchrnul(p, ':');
		dlen = (size_t)(end - p);
		if (dlen + flen + 2 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			execve(buf, argv, environ);
			/* Keep a more telling error than "not found" from a later directory. */
			if (errno != ENOENT && errno != ENOTDIR)
				saved = errno;
		}
		if (!*end)
			break;
	}
	errno = saved;
	return -1;
}

#define EXECL_MAX_ARGS	64

static int execl_common(const char *path, const char *arg, va_list ap, int search)
{
	char *argv[EXECL_MAX_ARGS + 1];
	int i = 0;

	argv[i++] = (char *)arg;
	while (arg) {
		if (i == EXECL_MAX_ARGS) {
			errno = E2BIG;
			return -1;
		}
		arg = va_arg(ap, const char *);
		argv[i++] = (char *)arg;
	}
	return search ? execvp(path, argv) : execv(path, argv);
}

int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	int ret;

	va_start(ap, arg);
	ret = execl_common(path, arg, ap, 0);
	va_end(ap);
	return ret;
}

int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	int ret;

	va_start(ap, arg);
	ret = execl_common(file, arg, ap, 1);
	va_end(ap);
	return ret;
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return (pid_t)syscall4(__NR_wait4, pid, status, options, ru);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int getrusage(int who, struct rusage *usage)
{
	return (int)syscall2(__NR_getrusage, who, usage);
}

int kill(pid_t pid, int sig)
{
	return (int)syscall2(__NR_kill, pid, sig);
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

pid_t getpid(void)
{
	return (pid_t)__syscall0(__NR_getpid);
}

pid_t getppid(void)
{
	return (pid_t)__syscall0(__NR_getppid);
}

pid_t gettid(void)
{
	return (pid_t)__syscall0(__NR_gettid);
}

uid_t getuid(void)
{
	return (uid_t)__syscall0(__NR_getuid);
}

uid_t geteuid(void)
{
	return (uid_t)__syscall0(__NR_geteuid);
}

gid_t getgid(void)
{
	return (gid_t)__syscall0(__NR_getgid);
}

gid_t getegid(void)
{
	return (gid_t)__syscall0(__NR_getegid);
}

pid_t setsid(void)
{
	return (pid_t)syscall0(__NR_setsid);
}

pid_t getsid(pid_t pid)
{
	return (pid_t)syscall1(__NR_getsid, pid);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return (int)syscall2(__NR_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
	return (pid_t)syscall1(__NR_getpgid, pid);
}

pid_t getpgrp(void)
{
	return (pid_t)__syscall0(__NR_getpgrp);
}
