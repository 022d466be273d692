/*
 * Signal frames on x86_64 (Linux: arch/x86/kernel/signal.c, signal_64.c).
 *
 * To run a handler, the user registers and the SSE state are saved on the user stack in Linux's
 * struct rt_sigframe layout (return address = sa_restorer, ucontext with sigcontext, siginfo,
 * then the fxsave image), and the task returns to the handler with rdi = signal, rsi = &info,
 * rdx = &uc. The handler's return lands in sa_restorer, which calls rt_sigreturn: the saved
 * registers come back, checked so user space cannot gain a kernel CS or a non-canonical RIP.
 * A system call interrupted by the signal is restarted or fails with EINTR as Linux decides it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <uapi/asm/signal.h>

#define X86_EFLAGS_CF	0x0001UL
#define X86_EFLAGS_PF	0x0004UL
#define X86_EFLAGS_AF	0x0010UL
#define X86_EFLAGS_ZF	0x0040UL
#define X86_EFLAGS_SF	0x0080UL
#define X86_EFLAGS_TF	0x0100UL
#define X86_EFLAGS_DF	0x0400UL
#define X86_EFLAGS_OF	0x0800UL
#define X86_EFLAGS_RF	0x10000UL
#define X86_EFLAGS_AC	0x40000UL
/* The flags sigreturn may restore; IF, IOPL and the rest stay the kernel's. */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_SF | \
			 X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | X86_EFLAGS_RF)

#define FPSTATE_SIZE	512

struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;		/* user address of the fxsave image, 0 if none */
	u64 reserved1[8];
};

struct ucontext {
	unsigned long uc_flags;
	u64 uc_link;
	struct {
		u64 ss_sp;
		int ss_flags;
		u64 ss_size;
	} uc_stack;
	struct sigcontext_64 uc_mcontext;
	unsigned long uc_sigmask;
};

struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int pad;
	union {
		struct {
			int pid;	/* kill(): the sender */
			unsigned int uid;
		} kill;
		u64 addr;		/* SIGSEGV/SIGBUS/SIGILL/SIGFPE: the fault address */
	} fields;
	char rest[128 - 24];
};

struct rt_sigframe {
	u64 pretcode;			/* the handler's return address: sa_restorer */
	struct ucontext uc;
	struct siginfo info;
};

static void setup_sigcontext(struct sigcontext_64 *sc, const struct pt_regs *regs, unsigned long mask,
			     unsigned long fpstate)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->oldmask = mask;
	sc->fpstate = fpstate;
}

/* Builds the frame and points regs at the handler; -EFAULT if the user stack cannot take it. */
static int setup_rt_frame(int sig, const struct kernel_sigaction *ka, struct pt_regs *regs,
			  unsigned long oldmask)
{
	struct task_struct *tsk = current;
	unsigned long sp = regs->sp - 128;	/* skip the red zone of the interrupted function */
	unsigned long fpstate;
	struct rt_sigframe frame;
	u8 fx[FPSTATE_SIZE] __aligned(16);
	u64 frame_addr;

	fpstate = ALIGN_DOWN(sp - FPSTATE_SIZE, 64);
	/* At the handler's first instruction (sp + 8) is 16-byte aligned, as after a call. */
	frame_addr = ALIGN_DOWN(fpstate - sizeof(frame), 16) - 8;

	__asm__ __volatile__("fxsave64 %0" : "=m"(fx));
	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (u64)(unsigned long)ka->sa_restorer;
	setup_sigcontext(&frame.uc.uc_mcontext, regs, oldmask, fpstate);
	frame.uc.uc_stack.ss_flags = 2;		/* SS_DISABLE: no sigaltstack */
	frame.uc.uc_sigmask = oldmask;
	frame.info.si_signo = sig;
	frame.info.si_code = tsk->siginfo[sig - 1].code;
	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE)
		frame.info.fields.addr = tsk->siginfo[sig - 1].addr;
	else
		frame.info.fields.kill.pid = tsk->siginfo[sig - 1].pid;

	if (copy_to_user((void __user *)fpstate, fx, sizeof(fx)) ||
	    copy_to_user((void __user *)frame_addr, &frame, sizeof(frame)))
		return -EFAULT;

	regs->di = sig;
	regs->si = frame_addr + offsetof(struct rt_sigframe, info);
	regs->dx = frame_addr + offsetof(struct rt_sigframe, uc);
	regs->ax = 0;
	regs->sp = frame_addr;
	regs->ip = (unsigned long)ka->sa_handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	return 0;
}

static void force_sigsegv_exit(const char *why)
{
	pr_info("%s[%d]: %s, killed by SIGSEGV\n", current->comm, current->pid, why);
	do_exit(SIGSEGV);
}

void arch_do_signal_or_restart(struct pt_regs *regs, bool in_syscall)
{
	struct task_struct *tsk = current;
	struct kernel_sigaction ka;
	unsigned long oldmask;
	int sig = get_signal(&ka);	/* a default action never comes back */

	/* rt_sigreturn sets orig_ax to -1: the registers it restored are not a syscall result. */
	if ((long)regs->orig_ax < 0)
		in_syscall = false;
	if (sig) {
		if (in_syscall) {
			switch ((long)regs->ax) {
			case -ERESTARTNOHAND:
				regs->ax = -EINTR;
				break;
			case -ERESTARTSYS:
				if (!(ka.sa_flags & SA_RESTART)) {
					regs->ax = -EINTR;
					break;
				}
				__attribute__((fallthrough));
			case -ERESTARTNOINTR:
				regs->ax = regs->orig_ax;
				regs->ip -= 2;	/* back onto the syscall instruction */
				break;
			}
		}
		oldmask = tsk->restore_sigmask ? tsk->saved_sigmask : tsk->blocked;
		tsk->restore_sigmask = false;
		if (setup_rt_frame(sig, &ka, regs, oldmask))
			force_sigsegv_exit("cannot build a signal frame");
		tsk->blocked = oldmask | ka.sa_mask;
		if (!(ka.sa_flags & SA_NODEFER))
			tsk->blocked |= sigmask(sig);
		tsk->blocked &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		return;
	}

	if (in_syscall) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		}
	}
	if (tsk->restore_sigmask) {
		tsk->restore_sigmask = false;
		tsk->blocked = tsk->saved_sigmask;
	}
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long frame_addr = regs->sp - sizeof(u64);	/* the handler's ret popped pretcode */
	struct ucontext uc;
	struct sigcontext_64 *sc = &uc.uc_mcontext;
	u8 fx[FPSTATE_SIZE] __aligned(16);
	u8 cur[FPSTATE_SIZE] __aligned(16);
	u32 mxcsr_mask;

	if (copy_from_user(&uc, (void __user *)(frame_addr + offsetof(struct rt_sigframe, uc)), sizeof(uc)))
		force_sigsegv_exit("bad signal frame");
	/* IRET to a non-canonical RIP would fault in the kernel: refuse it here. */
	if (sc->ip >= TASK_SIZE_MAX)
		force_sigsegv_exit("sigreturn to a kernel or non-canonical address");
	if (sc->fpstate) {
		if (copy_from_user(fx, (void __user *)sc->fpstate, sizeof(fx)))
			force_sigsegv_exit("bad FPU state in signal frame");
		/* Reserved MXCSR bits would make fxrstor fault in the kernel. */
		__asm__ __volatile__("fxsave64 %0" : "=m"(cur));
		memcpy(&mxcsr_mask, cur + 28, sizeof(mxcsr_mask));
		if (!mxcsr_mask)
			mxcsr_mask = 0xffbf;
		*(u32 *)(fx + 24) &= mxcsr_mask;
		__asm__ __volatile__("fxrstor64 %0" : : "m"(fx));
	}

	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->cx = sc->cx;
	regs->sp = sc->sp;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS) | X86_EFLAGS_IF;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;		/* not a system call any more: no restart */
	current->blocked = uc.uc_sigmask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	return sc->ax;
}
