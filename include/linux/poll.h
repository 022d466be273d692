/*
 * poll() plumbing: a file's ->poll() calls poll_wait() on each wait queue that can signal readiness,
 * then returns the current event mask (EPOLLIN...). do_sys_poll sleeps until one of those queues wakes.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>
#include <uapi/asm-generic/poll.h>

#define EPOLLIN		((__poll_t)POLLIN)
#define EPOLLPRI	((__poll_t)POLLPRI)
#define EPOLLOUT	((__poll_t)POLLOUT)
#define EPOLLERR	((__poll_t)POLLERR)
#define EPOLLHUP	((__poll_t)POLLHUP)
#define EPOLLNVAL	((__poll_t)POLLNVAL)
#define EPOLLRDNORM	((__poll_t)POLLRDNORM)
#define EPOLLRDBAND	((__poll_t)POLLRDBAND)
#define EPOLLWRNORM	((__poll_t)POLLWRNORM)
#define EPOLLWRBAND	((__poll_t)POLLWRBAND)
#define EPOLLRDHUP	((__poll_t)POLLRDHUP)

typedef struct poll_table_struct {
	void (*_qproc)(struct file *filp, wait_queue_head_t *wait_address, struct poll_table_struct *p);
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

#endif
