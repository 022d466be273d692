/*
 * sys_call_table: Linux x86_64 system call numbers -> __x64_sys_<name> (Linux generates this from
 * arch/x86/entry/syscalls/syscall_64.tbl). Every entry is a WEAK reference: a subsystem provides a
 * system call just by defining it with SYSCALL_DEFINEn (net/socket.c defines the socket calls), and
 * a number nobody defines stays NULL, which do_syscall_64 answers with -ENOSYS.
 * Symbol names are Linux's: stat is newstat, uname is newuname, sendfile is sendfile64.
 *
 * Also syscall_init(): the MSRs that route the `syscall` instruction to entry_SYSCALL_64.
 */
#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include "syscall.h"

#define SYSCALL_LIST(X)								\
	X(0, read) X(1, write) X(2, open) X(3, close) X(4, newstat) X(5, newfstat)	\
	X(6, newlstat) X(7, poll) X(8, lseek) X(9, mmap) X(10, mprotect)		\
	X(11, munmap) X(12, brk) X(13, rt_sigaction) X(14, rt_sigprocmask)		\
	X(15, rt_sigreturn) X(16, ioctl) X(17, pread64) X(18, pwrite64) X(19, readv)	\
	X(20, writev) X(21, access) X(22, pipe) X(23, select) X(24, sched_yield)	\
	X(25, mremap) X(26, msync) X(27, mincore) X(28, madvise) X(32, dup)		\
	X(33, dup2) X(34, pause) X(35, nanosleep) X(36, getitimer) X(37, alarm)		\
	X(38, setitimer) X(39, getpid) X(40, sendfile64) X(41, socket) X(42, connect)	\
	X(43, accept) X(44, sendto) X(45, recvfrom) X(46, sendmsg) X(47, recvmsg)	\
	X(48, shutdown) X(49, bind) X(50, listen) X(51, getsockname)			\
	X(52, getpeername) X(53, socketpair) X(54, setsockopt) X(55, getsockopt)	\
	X(56, clone) X(57, fork) X(58, vfork) X(59, execve) X(60, exit) X(61, wait4)	\
	X(62, kill) X(63, newuname) X(72, fcntl) X(73, flock) X(74, fsync)		\
	X(75, fdatasync) X(76, truncate) X(77, ftruncate) X(78, getdents)		\
	X(79, getcwd) X(80, chdir) X(81, fchdir) X(82, rename) X(83, mkdir)		\
	X(84, rmdir) X(85, creat) X(86, link) X(87, unlink) X(88, symlink)		\
	X(89, readlink) X(90, chmod) X(91, fchmod) X(92, chown) X(93, fchown)		\
	X(94, lchown) X(95, umask) X(96, gettimeofday) X(97, getrlimit)			\
	X(98, getrusage) X(99, sysinfo) X(100, times) X(101, ptrace) X(102, getuid)	\
	X(103, syslog) X(104, getgid) X(105, setuid) X(106, setgid) X(107, geteuid)	\
	X(108, getegid) X(109, setpgid) X(110, getppid) X(111, getpgrp)			\
	X(112, setsid) X(115, getgroups) X(121, getpgid) X(124, getsid)			\
	X(127, rt_sigpending) X(128, rt_sigtimedwait) X(130, rt_sigsuspend)		\
	X(131, sigaltstack) X(137, statfs) X(138, fstatfs) X(140, getpriority)		\
	X(141, setpriority) X(157, prctl) X(158, arch_prctl) X(160, setrlimit)		\
	X(162, sync) X(164, settimeofday) X(169, reboot) X(170, sethostname)		\
	X(171, setdomainname) X(186, gettid) X(200, tkill) X(201, time)			\
	X(202, futex) X(217, getdents64) X(218, set_tid_address)			\
	X(227, clock_settime) X(228, clock_gettime) X(229, clock_getres)		\
	X(230, clock_nanosleep) X(231, exit_group) X(234, tgkill) X(247, waitid)	\
	X(257, openat) X(262, newfstatat) X(270, pselect6) X(271, ppoll)		\
	X(288, accept4) X(292, dup3) X(293, pipe2) X(299, recvmmsg)			\
	X(302, prlimit64) X(307, sendmmsg) X(318, getrandom)

#define __SYSCALL_DECLARE(nr, name) \
	extern long __x64_sys_##name(const struct pt_regs *regs) __attribute__((weak));
SYSCALL_LIST(__SYSCALL_DECLARE)

#define __SYSCALL_ENTRY(nr, name) [nr] = __x64_sys_##name,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
	SYSCALL_LIST(__SYSCALL_ENTRY)
};

extern char entry_SYSCALL_64[];

#define X86_EFLAGS_TF	0x00000100UL
#define X86_EFLAGS_DF	0x00000400UL
#define X86_EFLAGS_IOPL	0x00003000UL
#define X86_EFLAGS_NT	0x00004000UL
#define X86_EFLAGS_AC	0x00040000UL

void syscall_init(void)
{
	/*
	 * STAR[47:32]: SYSCALL loads CS = __KERNEL_CS, SS = __KERNEL_CS + 8.
	 * STAR[63:48]: SYSRET loads CS = base + 16 = __USER_CS, SS = base + 8 = __USER_DS (RPL 3).
	 */
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)(unsigned long)entry_SYSCALL_64);
	/* Cleared on entry: interrupts stay off until the kernel stack is set up. */
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
				X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
