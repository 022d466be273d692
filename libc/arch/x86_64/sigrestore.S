/*
 * Signal return trampoline. x86_64 requires SA_RESTORER: when a handler returns, it returns here,
 * and rt_sigreturn restores the registers the kernel saved in the signal frame.
 */
#include <asm/unistd_64.h>

	.text
	.globl	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movq	$__NR_rt_sigreturn, %rax
	syscall
	hlt
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
