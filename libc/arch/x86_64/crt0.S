/*
 * Program entry. The kernel starts a process at _start with rsp pointing at argc, followed by
 * argv[0..argc-1], NULL, envp[...], NULL, auxv (x86_64 System V ABI, 3.4.1). We pass that pointer
 * to C with the stack 16-byte aligned, as a call requires, and never return.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* outermost frame: backtraces stop here */
	movq	%rsp, %rdi		/* argument: the initial stack (argc, argv, envp) */
	andq	$-16, %rsp
	call	__libc_start_main
	hlt				/* not reached: __libc_start_main calls exit */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
