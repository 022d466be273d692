/* Process exit: atexit handlers, stdio flush, then exit_group(2). abort() raises SIGABRT. */
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include "syscall.h"
#include "stdio_impl.h"

#define ATEXIT_MAX	32

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

__libc_noreturn void exit(int status)
{
	/* Handlers run in reverse order of registration; one may register another. */
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	__stdio_flush_all();
	_exit(status);
}

__libc_noreturn void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

__libc_noreturn void _Exit(int status)
{
	_exit(status);
}

__libc_noreturn void abort(void)
{
	struct sigaction sa = { 0 };
	sigset_t set;

	__stdio_flush_all();
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	/* A handler returned or SIGABRT is ignored: force the default action. */
	sa.sa_handler = SIG_DFL;
	sigaction(SIGABRT, &sa, NULL);
	raise(SIGABRT);
	_exit(127);
}
