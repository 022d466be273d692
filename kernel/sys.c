/*
 * Small system calls about the system and the process (Linux: kernel/sys.c, kernel/sched/core.c's
 * sched_yield, drivers/char/random.c's getrandom, arch/x86/kernel/process_64.c's arch_prctl):
 * uname, getpid and friends, process groups, sysinfo, reboot, getrandom, limits.
 * There are no users: everyone is root (uid 0).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/random.h>
#include <linux/reboot.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/utsname.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <asm/processor.h>
#include <uapi/linux/reboot.h>
#include <uapi/linux/sysinfo.h>
#include <uapi/linux/random.h>

#define UTS_RELEASE	"0.1.0"

struct new_utsname init_uts_ns = {
	.sysname = "Linux",
	.nodename = "localhost",
	.release = UTS_RELEASE,
	.version = "#1 teaching kernel",
	.machine = "x86_64",
	.domainname = "(none)",
};

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &init_uts_ns, sizeof(init_uts_ns)) ? -EFAULT : 0;
}

static long set_uts_field(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN + 1];

	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	return 0;
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	return set_uts_field(init_uts_ns.nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	return set_uts_field(init_uts_ns.domainname, name, len);
}

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->pid : 0;
}

SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

SYSCALL_DEFINE1(setuid, unsigned int, uid)
{
	return uid == 0 ? 0 : -EPERM;
}

SYSCALL_DEFINE1(setgid, unsigned int, gid)
{
	return gid == 0 ? 0 : -EPERM;
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, unsigned int __user *, grouplist)
{
	return gidsetsize < 0 ? -EINVAL : 0;
}

static struct task_struct *find_process(pid_t pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	if (!p || (p->flags & PF_KTHREAD) || p->exit_state)
		return NULL;
	return p;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;

	if (pid < 0 || pgid < 0)
		return -EINVAL;
	p = find_process(pid);
	if (!p || (p != current && p->parent != current))
		return -ESRCH;
	p->pgid = pgid ? pgid : p->pid;
	return 0;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *p = find_process(pid);

	return p ? p->pgid : -ESRCH;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgid;
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task_struct *p = find_process(pid);

	return p ? p->sid : -ESRCH;
}

SYSCALL_DEFINE0(setsid)
{
	if (current->pgid == current->pid)
		return -EPERM;		/* already a group leader */
	current->sid = current->pgid = current->pid;
	return current->sid;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	return 022;	/* the file system is read-only: the mask changes nothing */
}

SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	memset(&val, 0, sizeof(val));
	val.uptime = ktime_get_ns() / 1000000000ULL;
	val.totalram = totalram_pages();
	val.freeram = nr_free_pages();
	val.procs = nr_tasks;
	val.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

/*
 * reboot(2) with Linux's magic numbers. POWER_OFF and HALT end QEMU with success (status 0),
 * RESTART resets the machine.
 */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		pr_notice("reboot: Power down\n");
		machine_power_off(0);
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		pr_notice("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}

#define GETRANDOM_MAX	(32 * 1024 * 1024)

SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count, unsigned int, flags)
{
	char chunk[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	count = min_t(size_t, count, GETRANDOM_MAX);
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
		if (signal_pending(current))
			break;
	}
	memset(chunk, 0, sizeof(chunk));
	return done;
}

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

/* FS for thread-local storage; GS stays the kernel's business. */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.fsbase = arg2;
		wrmsr(MSR_FS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}

/* No threads: the address is remembered by nobody, the caller's tid is its pid. */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	return current->pid;
}

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

#define RLIM_NLIMITS	16
#define RLIMIT_STACK	3
#define RLIMIT_NOFILE	7
#define RLIM_INFINITY	(~0ULL)

static void get_rlimit(unsigned int resource, struct rlimit64 *r)
{
	r->rlim_cur = r->rlim_max = RLIM_INFINITY;
	if (resource == RLIMIT_NOFILE)
		r->rlim_cur = r->rlim_max = 64;
	else if (resource == RLIMIT_STACK)
		r->rlim_cur = r->rlim_max = USER_STACK_SIZE;
}

/* Limits are fixed by the kernel: reading works, raising is refused, lowering is ignored. */
SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource, const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && !find_process(pid))
		return -ESRCH;
	get_rlimit(resource, &r);
	if (old_rlim && copy_to_user(old_rlim, &r, sizeof(r)))
		return -EFAULT;
	if (new_rlim) {
		struct rlimit64 want;

		if (copy_from_user(&want, new_rlim, sizeof(want)))
			return -EFAULT;
		if (want.rlim_cur > want.rlim_max)
			return -EINVAL;
		if (want.rlim_max > r.rlim_max)
			return -EPERM;
	}
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit64 __user *, rlim)
{
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	get_rlimit(resource, &r);
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct tms t = {
		.tms_utime = current->utime / (HZ / 100),
		.tms_stime = current->stime / (HZ / 100),
	};

	if (tbuf && copy_to_user(tbuf, &t, sizeof(t)))
		return -EFAULT;
	return jiffies / (HZ / 100);
}

#define PR_SET_NAME	15
#define PR_GET_NAME	16

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4,
		unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		strscpy(current->comm, comm, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm, sizeof(current->comm)) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
}
