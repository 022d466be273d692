/*
 * Time system calls (Linux: kernel/time/posix-timers.c, hrtimer.c's nanosleep, time.c).
 * CLOCK_MONOTONIC and CLOCK_BOOTTIME count from boot (ktime_get_ns: the TSC); CLOCK_REALTIME adds
 * the wall-clock time read from the CMOS clock at boot, or can be set with clock_settime.
 * Sleeps are in jiffies (1 ms), cut short by a signal with -EINTR and the time left.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/jiffies.h>
#include <linux/timekeeping.h>
#include <linux/sched/task.h>
#include <uapi/linux/time.h>
#include <uapi/linux/time_types.h>

#define NSEC_PER_SEC	1000000000LL
#define NSEC_PER_USEC	1000LL

/* Nanoseconds between 1970 and boot; set by the CMOS clock at boot or clock_settime(CLOCK_REALTIME). */
static s64 realtime_offset_ns;

s64 ktime_get_real_ns(void)
{
	return realtime_offset_ns + (s64)ktime_get_ns();
}

void set_boot_wallclock(s64 seconds)
{
	realtime_offset_ns = seconds * NSEC_PER_SEC - (s64)ktime_get_ns();
}

static int clock_get_ns(int which, s64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = (s64)(current->utime + current->stime) * (NSEC_PER_SEC / HZ);
		return 0;
	default:
		return -EINVAL;
	}
}

static void ns_to_timespec(s64 ns, struct __kernel_timespec *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

static bool timespec_valid(const struct __kernel_timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

SYSCALL_DEFINE2(clock_gettime, int, which_clock, struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts;
	s64 ns;
	int err = clock_get_ns(which_clock, &ns);

	if (err)
		return err;
	ns_to_timespec(ns, &ts);
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_getres, int, which_clock, struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 1 };
	s64 ns;
	int err = clock_get_ns(which_clock, &ns);

	if (err)
		return err;
	if (which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE)
		ts.tv_nsec = NSEC_PER_SEC / HZ;
	if (tp && copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(clock_settime, int, which_clock, const struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	if (which_clock != CLOCK_REALTIME)
		return -EINVAL;
	if (!timespec_valid(&ts))
		return -EINVAL;
	realtime_offset_ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec - (s64)ktime_get_ns();
	return 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv, void __user *, tz)
{
	static const int zero_tz[2];
	s64 ns = ktime_get_real_ns();

	if (tv) {
		struct __kernel_old_timeval v = {
			.tv_sec = ns / NSEC_PER_SEC,
			.tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC,
		};

		if (copy_to_user(tv, &v, sizeof(v)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, zero_tz, sizeof(zero_tz)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv, void __user *, tz)
{
	struct __kernel_old_timeval v;

	if (!tv)
		return 0;
	if (copy_from_user(&v, tv, sizeof(v)))
		return -EFAULT;
	if (v.tv_sec < 0 || v.tv_usec < 0 || v.tv_usec >= 1000000)
		return -EINVAL;
	realtime_offset_ns = v.tv_sec * NSEC_PER_SEC + v.tv_usec * NSEC_PER_USEC - (s64)ktime_get_ns();
	return 0;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = ktime_get_real_ns() / NSEC_PER_SEC;

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/* Sleeps until the clock reads deadline_ns; on a signal stores the time left in rmtp. */
static long do_nanosleep(int clock, s64 deadline_ns, struct __kernel_timespec __user *rmtp)
{
	for (;;) {
		s64 now, left;
		unsigned long timeout;

		clock_get_ns(clock, &now);
		left = deadline_ns - now;
		if (left <= 0)
			return 0;
		if (signal_pending(current)) {
			struct __kernel_timespec ts;

			ns_to_timespec(left, &ts);
			if (rmtp && copy_to_user(rmtp, &ts, sizeof(ts)))
				return -EFAULT;
			return -EINTR;
		}
		/* Round up: never wake before the deadline. */
		timeout = (left + (NSEC_PER_SEC / HZ) - 1) / (NSEC_PER_SEC / HZ);
		schedule_timeout_interruptible(timeout > (unsigned long)MAX_JIFFY_OFFSET ?
					       MAX_JIFFY_OFFSET : timeout);
	}
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp, struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec ts;
	s64 now;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	clock_get_ns(CLOCK_MONOTONIC, &now);
	return do_nanosleep(CLOCK_MONOTONIC, now + ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp, struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec ts;
	s64 now, deadline;
	int err;

	if (which_clock == CLOCK_PROCESS_CPUTIME_ID || which_clock == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	err = clock_get_ns(which_clock, &now);
	if (err)
		return err;
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	deadline = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (!(flags & TIMER_ABSTIME))
		deadline += now;
	return do_nanosleep(which_clock, deadline, (flags & TIMER_ABSTIME) ? NULL : rmtp);
}
