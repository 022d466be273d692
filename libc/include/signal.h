/* Signals: numbers and flags are the kernel's (asm/signal.h); sigaction() installs handlers with rt_sigaction. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <features.h>
#include <sys/types.h>
#include <asm/signal.h>
#include <linux/time.h>

__BEGIN_DECLS

#define NSIG		(_NSIG + 1)

typedef unsigned long sigset_t;		/* the kernel's sigset: one bit per signal, 64 signals */
typedef int sig_atomic_t;
typedef __signalfn_t *sighandler_t;

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* What SA_SIGINFO handlers receive; 128 bytes, the common fields as Linux lays them out. */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		struct {
			pid_t si_pid;
			uid_t si_uid;
			int si_status;
		} __kill;
		void *si_addr;			/* faulting address for SIGSEGV/SIGBUS */
		char __pad[128 - 16];
	} __u;
} siginfo_t;

#define si_pid		__u.__kill.si_pid
#define si_uid		__u.__kill.si_uid
#define si_status	__u.__kill.si_status
#define si_addr		__u.si_addr

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler	__sa_handler.sa_handler
#define sa_sigaction	__sa_handler.sa_sigaction

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old);
sighandler_t signal(int sig, sighandler_t handler);
int kill(pid_t pid, int sig);
int raise(int sig);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
void psignal(int sig, const char *s);

__END_DECLS

#endif
