; System call entry and the context switch (Linux: arch/x86/entry/entry_64.S).
;
; entry_SYSCALL_64: the `syscall` instruction lands here (MSR_LSTAR, set in syscall_64.c) with
; RCX = user RIP, R11 = user RFLAGS, RSP still the user stack and interrupts off (MSR_SYSCALL_MASK).
; One CPU, so the user RSP is parked in a plain variable and the kernel stack top of the current task
; comes from cpu_current_top_of_stack (the scheduler keeps it equal to tss.rsp0); no swapgs needed.
; We build a struct pt_regs (include/asm/ptrace.h order) at the top of the kernel stack and call
;     bool do_syscall_64(unsigned long nr, struct pt_regs *regs)      (common.c)
; which returns true when SYSRET may be used to go back, false when the IRET path is required
; (RIP non-canonical or registers rewritten in a way SYSRET cannot restore).
;
; __switch_to_asm(prev, next): saves the callee-saved registers on prev's kernel stack, switches
; stacks, restores next's and returns prev (in RAX) to the C code after the switch (schedule()).
; A new task's stack is prepared by copy_thread() (fork.c) so that this "returns" into
; ret_from_fork_asm, which finishes the switch, runs a kernel thread body if RBX holds one, and then
; leaves to user mode through the pt_regs at the top of the stack.

%define __KERNEL_CS	0x10
%define __USER_DS	0x2b
%define __USER_CS	0x33
%define ENOSYS		38

; Offset of task_struct.thread.sp (checked by a BUILD_BUG_ON in kernel/sched/core.c).
%define TASK_THREAD_SP	24

global entry_SYSCALL_64
global __switch_to_asm
global ret_from_fork_asm
global cpu_current_top_of_stack
extern do_syscall_64
extern schedule_tail
extern syscall_exit_to_user_mode

section .bss
align 8
cpu_current_top_of_stack:	resq 1	; top of the running task's kernel stack
rsp_scratch:			resq 1	; user RSP between entry and the first push

section .text

; Pops the fifteen general registers of a struct pt_regs (RSP at pt_regs->r15 on entry).
%macro POP_REGS 0
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	pop r11
	pop r10
	pop r9
	pop r8
	pop rax
	pop rcx
	pop rdx
	pop rsi
	pop rdi
%endmacro

align 16
entry_SYSCALL_64:
	mov [rel rsp_scratch], rsp
	mov rsp, [rel cpu_current_top_of_stack]

	; struct pt_regs, from the top (ss) down to r15
	push qword __USER_DS		; ss
	push qword [rel rsp_scratch]	; sp
	push r11			; flags
	push qword __USER_CS		; cs
	push rcx			; ip
	push rax			; orig_ax: the system call number
	push rdi
	push rsi
	push rdx
	push rcx
	push qword -ENOSYS		; ax: the result unless a handler runs
	push r8
	push r9
	push r10
	push r11
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15

	mov rdi, rax			; nr
	mov rsi, rsp			; regs
	xor ebp, ebp			; end of the kernel frame-pointer chain
	sub rsp, 8			; pt_regs is 168 bytes: realign to 16 for the C call
	call do_syscall_64
	add rsp, 8
	test al, al
	jz syscall_return_via_iret

	; SYSRET: RIP from RCX, RFLAGS from R11, user CS/SS from MSR_STAR.
	POP_REGS
	mov rcx, [rsp + 8]		; pt_regs->ip (RSP is at orig_ax now)
	mov r11, [rsp + 24]		; pt_regs->flags
	mov rsp, [rsp + 32]		; pt_regs->sp
	o64 sysret

syscall_return_via_iret:
	POP_REGS
	add rsp, 8			; orig_ax
	iretq

; struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next)
align 16
__switch_to_asm:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi + TASK_THREAD_SP], rsp
	mov rsp, [rsi + TASK_THREAD_SP]
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	mov rax, rdi
	ret

; First instruction of every new task. RAX = prev (from __switch_to_asm), RBX = kernel thread
; body or 0, R12 = its argument. RSP points at the task's struct pt_regs.
align 16
ret_from_fork_asm:
	sub rsp, 8			; pt_regs is 168 bytes: realign to 16 for the C calls
	mov rdi, rax
	call schedule_tail
	test rbx, rbx
	jz .to_user
	mov rdi, r12
	call rbx			; a kernel thread; only kernel_init returns (after execve)
.to_user:
	lea rdi, [rsp + 8]		; regs
	call syscall_exit_to_user_mode	; pending signals, rescheduling; returns with IRQs off
	add rsp, 8
	jmp syscall_return_via_iret
