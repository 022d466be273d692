/*
 * poll() and select() (Linux: fs/select.c). Each pass asks every file's ->poll() for its ready
 * mask; on the first pass ->poll() also registers this task on the file's wait queues through
 * poll_wait() -> __pollwait(). If nothing is ready the task sleeps until one of those queues is
 * woken (pollwake), the timeout runs out or a signal arrives, then polls again.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/poll.h>
#include <linux/jiffies.h>
#include <linux/sched/task.h>
#include <linux/fdtable.h>
#include <uapi/linux/time_types.h>

#define MAX_POLL_FDS	(NR_OPEN_DEFAULT * 16)	/* entries; Linux's limit is RLIMIT_NOFILE */
#define POLL_TABLE_ENTRIES	64

struct poll_table_entry {
	struct file *filp;
	wait_queue_head_t *wait_address;
	struct wait_queue_entry wait;
};

struct poll_table_page {
	struct poll_table_page *next;
	unsigned int nr;
	struct poll_table_entry entries[POLL_TABLE_ENTRIES];
};

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	struct task_struct *polling_task;
	bool triggered;
	int error;
};

static int pollwake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	struct poll_wqueues *pwq = wait->private;

	pwq->triggered = true;
	return wake_up_state(pwq->polling_task, mode);
}

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_page *table = pwq->table;
	struct poll_table_entry *entry;

	if (!table || table->nr == POLL_TABLE_ENTRIES) {
		struct poll_table_page *new = kmalloc(sizeof(*new), GFP_KERNEL);

		if (!new) {
			pwq->error = -ENOMEM;
			return;
		}
		new->nr = 0;
		new->next = table;
		pwq->table = table = new;
	}
	entry = &table->entries[table->nr++];
	filp->f_count++;		/* the queue must outlive this poll even if the fd is closed */
	entry->filp = filp;
	entry->wait_address = wait_address;
	entry->wait.flags = 0;
	entry->wait.private = pwq;
	entry->wait.func = pollwake;
	INIT_LIST_HEAD(&entry->wait.entry);
	add_wait_queue(wait_address, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->table = NULL;
	pwq->polling_task = current;
	pwq->triggered = false;
	pwq->error = 0;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *table = pwq->table;

	while (table) {
		struct poll_table_page *next = table->next;

		for (unsigned int i = 0; i < table->nr; i++) {
			remove_wait_queue(table->entries[i].wait_address, &table->entries[i].wait);
			fput(table->entries[i].filp);
		}
		kfree(table);
		table = next;
	}
}

/* Sleeps until woken by a registered queue or the deadline (0 = none); false when it expired. */
static bool poll_schedule_timeout(struct poll_wqueues *pwq, unsigned long deadline, bool has_deadline)
{
	long timeout = MAX_SCHEDULE_TIMEOUT;
	bool expired = false;

	if (has_deadline) {
		if (time_after_eq(jiffies, deadline))
			return false;
		timeout = deadline - jiffies;
	}
	set_current_state(TASK_INTERRUPTIBLE);
	if (!pwq->triggered)
		expired = schedule_timeout(timeout) == 0 && has_deadline;
	set_current_state(TASK_RUNNING);
	pwq->triggered = false;
	return !expired;
}

static __poll_t vfs_poll(struct file *file, poll_table *pt)
{
	if (!file->f_op->poll)
		return EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM;	/* always ready, as Linux */
	return file->f_op->poll(file, pt);
}

static noinline int do_sys_poll(struct pollfd *fds, unsigned int nfds, long timeout_ms)
{
	struct poll_wqueues table;
	unsigned long deadline = 0;
	bool has_deadline = timeout_ms >= 0;
	poll_table *pt;
	int count;

	if (has_deadline)
		deadline = jiffies + msecs_to_jiffies(min_t(long, timeout_ms, INT_MAX)) + (timeout_ms ? 1 : 0);
	poll_initwait(&table);
	pt = &table.pt;
	for (;;) {
		count = 0;
		for (unsigned int i = 0; i < nfds; i++) {
			struct pollfd *pfd = &fds[i];
			struct file *file;
			__poll_t mask;

			pfd->revents = 0;
			if (pfd->fd < 0)
				continue;
			file = fget(pfd->fd);
			if (!file) {
				mask = EPOLLNVAL;
			} else {
				mask = vfs_poll(file, pt);
				fput(file);
				mask &= (__poll_t)(pfd->events | EPOLLERR | EPOLLHUP);
			}
			pfd->revents = mask;
			if (mask) {
				count++;
				pt = NULL;	/* something is ready: no need to queue on the rest */
			}
		}
		pt = NULL;
		if (count || table.error)
			break;
		if (has_deadline && !timeout_ms)
			break;
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;	/* Linux: EINTR once a handler ran */
			break;
		}
		if (!poll_schedule_timeout(&table, deadline, has_deadline))
			break;
	}
	poll_freewait(&table);
	return table.error && !count ? table.error : count;
}

static long ksys_poll(struct pollfd __user *ufds, unsigned int nfds, long timeout_ms)
{
	struct pollfd *fds;
	long ret;

	if (nfds > MAX_POLL_FDS)
		return -EINVAL;
	fds = kcalloc(nfds ? nfds : 1, sizeof(struct pollfd), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds)))
		goto out;
	ret = do_sys_poll(fds, nfds, timeout_ms);
	if (ret >= 0) {
		for (unsigned int i = 0; i < nfds; i++)
			if (put_user(fds[i].revents, &ufds[i].revents)) {
				ret = -EFAULT;
				break;
			}
	}
out:
	kfree(fds);
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	return ksys_poll(ufds, nfds, timeout_msecs < 0 ? -1 : timeout_msecs);
}

/* A timespec as a poll timeout in ms (-1 for NULL = forever); -EINVAL if malformed. */
static long timespec_to_poll_ms(const struct __kernel_timespec __user *tsp, long *ms)
{
	struct __kernel_timespec ts;

	if (!tsp) {
		*ms = -1;
		return 0;
	}
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	*ms = ts.tv_sec > INT_MAX / 1000 ? INT_MAX : ts.tv_sec * 1000 + DIV_ROUND_UP(ts.tv_nsec, 1000000);
	return 0;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const void __user *, sigmask, size_t, sigsetsize)
{
	long ms, err = timespec_to_poll_ms(tsp, &ms);

	if (err)
		return err;
	return ksys_poll(ufds, nfds, ms);
}

#define FD_SETSIZE_BITS	(NR_OPEN_DEFAULT)
typedef struct {
	unsigned long fds_bits[FD_SETSIZE_BITS / 64];
} kernel_fd_set;

static int get_fd_set(unsigned int n, unsigned long __user *ufdset, unsigned long *fdset)
{
	size_t bytes = DIV_ROUND_UP(n, 64) * sizeof(unsigned long);

	memset(fdset, 0, FD_SETSIZE_BITS / 8);
	if (!ufdset)
		return 0;
	return copy_from_user(fdset, ufdset, bytes) ? -EFAULT : 0;
}

static int set_fd_set(unsigned int n, unsigned long __user *ufdset, const unsigned long *fdset)
{
	size_t bytes = DIV_ROUND_UP(n, 64) * sizeof(unsigned long);

	if (!ufdset)
		return 0;
	return copy_to_user(ufdset, fdset, bytes) ? -EFAULT : 0;
}

#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	(EPOLLPRI)

/* select() as a poll over the descriptors named in the three sets (Linux does the same walk). */
static long core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			    unsigned long __user *exp, long timeout_ms)
{
	unsigned long in[FD_SETSIZE_BITS / 64], out[FD_SETSIZE_BITS / 64], ex[FD_SETSIZE_BITS / 64];
	unsigned long rin[FD_SETSIZE_BITS / 64] = { 0 }, rout[FD_SETSIZE_BITS / 64] = { 0 };
	unsigned long rex[FD_SETSIZE_BITS / 64] = { 0 };
	struct pollfd *fds;
	unsigned int nfds = 0;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (n > FD_SETSIZE_BITS)
		n = FD_SETSIZE_BITS;	/* descriptors above the table cannot be open */
	if (get_fd_set(n, inp, in) || get_fd_set(n, outp, out) || get_fd_set(n, exp, ex))
		return -EFAULT;

	fds = kcalloc(FD_SETSIZE_BITS, sizeof(struct pollfd), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	for (int fd = 0; fd < n; fd++) {
		unsigned long bit = 1UL << (fd % 64);
		short events = 0;

		if (in[fd / 64] & bit)
			events |= POLLIN_SET;
		if (out[fd / 64] & bit)
			events |= POLLOUT_SET;
		if (ex[fd / 64] & bit)
			events |= POLLEX_SET;
		if (!events)
			continue;
		fds[nfds].fd = fd;
		fds[nfds].events = events;
		nfds++;
	}
	ret = do_sys_poll(fds, nfds, timeout_ms);
	if (ret < 0)
		goto out;
	ret = 0;
	for (unsigned int i = 0; i < nfds; i++) {
		int fd = fds[i].fd;
		unsigned long bit = 1UL << (fd % 64);
		short rev = fds[i].revents;

		if (rev & EPOLLNVAL) {
			ret = -EBADF;
			goto out;
		}
		if ((in[fd / 64] & bit) && (rev & POLLIN_SET)) {
			rin[fd / 64] |= bit;
			ret++;
		}
		if ((out[fd / 64] & bit) && (rev & POLLOUT_SET)) {
			rout[fd / 64] |= bit;
			ret++;
		}
		if ((ex[fd / 64] & bit) && (rev & POLLEX_SET)) {
			rex[fd / 64] |= bit;
			ret++;
		}
	}
	if (set_fd_set(n, inp, rin) || set_fd_set(n, outp, rout) || set_fd_set(n, exp, rex))
		ret = -EFAULT;
out:
	kfree(fds);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	struct __kernel_old_timeval tv;
	long ms = -1;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return -EINVAL;
		ms = tv.tv_sec > INT_MAX / 1000 ? INT_MAX : tv.tv_sec * 1000 + DIV_ROUND_UP(tv.tv_usec, 1000);
	}
	return core_sys_select(n, inp, outp, exp, ms);
}

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_timespec __user *, tsp, void __user *, sig)
{
	long ms, err = timespec_to_poll_ms(tsp, &ms);

	if (err)
		return err;
	return core_sys_select(n, inp, outp, exp, ms);
}
