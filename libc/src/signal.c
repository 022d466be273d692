/*
 * Signals over rt_sigaction/rt_sigprocmask. The kernel wants its own struct (handler, flags,
 * restorer, mask) with SA_RESTORER pointing at __restore_rt, which issues rt_sigreturn.
 */
#include <signal.h>
#include <string.h>
#include <errno.h>
#include "syscall.h"

/* struct kernel_sigaction has a plain sa_handler field: use the user struct's union by its name. */
#undef sa_handler

void __restore_rt(void);

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	struct kernel_sigaction kact, kold;
	long ret;

	if (act) {
		kact.sa_handler = act->__sa_handler.sa_handler;
		kact.sa_flags = (unsigned long)(unsigned int)act->sa_flags | SA_RESTORER;
		kact.sa_restorer = __restore_rt;
		kact.sa_mask = act->sa_mask;
	}
	ret = syscall4(__NR_rt_sigaction, sig, act ? &kact : NULL, old ? &kold : NULL, sizeof(sigset_t));
	if (ret == 0 && old) {
		memset(old, 0, sizeof(*old));
		old->__sa_handler.sa_handler = kold.sa_handler;
		old->sa_flags = (int)kold.sa_flags;
		old->sa_restorer = kold.sa_restorer;
		old->sa_mask = kold.sa_mask;
	}
	return (int)ret;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = { 0 }, old;

	sa.__sa_handler.sa_handler = handler;
	sa.sa_flags = SA_RESTART;	/* BSD semantics, as glibc's signal() */
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.__sa_handler.sa_handler;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return (int)syscall4(__NR_rt_sigprocmask, how, set, old, sizeof(sigset_t));
}

int sigpending(sigset_t *set)
{
	return (int)syscall2(__NR_rt_sigpending, set, sizeof(sigset_t));
}

int sigsuspend(const sigset_t *mask)
{
	return (int)syscall2(__NR_rt_sigsuspend, mask, sizeof(sigset_t));
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~0UL;
	return 0;
}

static int sig_valid(int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	*set |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	*set &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	return (*set >> (sig - 1)) & 1;
}
