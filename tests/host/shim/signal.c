/*
 * Host shim: signals sent to the test task. The stack sends SIGPIPE to a writer of a closed stream
 * (sk_stream_error); here each signal is counted so a test can assert it was (or was not) sent.
 */
#include <linux/sched.h>
#include <linux/errno.h>
#include "host.h"

static unsigned int host_signals[65];

int send_sig(int sig, struct task_struct *p, int priv)
{
	if (sig < 1 || sig > 64)
		return -EINVAL;
	host_signals[sig]++;
	return 0;
}

unsigned int host_signal_count(int sig)
{
	return sig >= 1 && sig <= 64 ? host_signals[sig] : 0;
}
