/*
 * crash: fault on purpose, so a student (and the QEMU tests) can see that the kernel kills the
 * faulting process with a message and everything else, the shell included, carries on.
 *   crash null      read from address 0                      -> SIGSEGV
 *   crash write0    write to address 0                       -> SIGSEGV
 *   crash kernel    read the kernel text (0xffffffff80000000) -> SIGSEGV (user mode cannot)
 *   crash kwrite    write the direct map (0xffff888000000000) -> SIGSEGV
 *   crash kjump     jump to a kernel address                 -> SIGSEGV
 *   crash ud2       execute an invalid opcode                -> SIGILL
 *   crash div0      divide by zero                           -> SIGFPE
 *   crash hlt       a privileged instruction (#GP)           -> SIGSEGV
 *   crash stack     recurse until the stack runs out         -> SIGSEGV
 *   crash abort     abort()                                  -> SIGABRT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>

#define KERNEL_TEXT	0xffffffff80000000UL
#define DIRECT_MAP	0xffff888000000000UL

static volatile uintptr_t addr_zero;	/* volatile: the compiler must not see the NULL */

static void do_null(void)
{
	printf("value %d\n", *(volatile int *)addr_zero);
}

static void do_write0(void)
{
	*(volatile int *)addr_zero = 42;
}

static void do_kernel(void)
{
	printf("value %lx\n", *(volatile unsigned long *)KERNEL_TEXT);
}

static void do_kwrite(void)
{
	*(volatile unsigned long *)DIRECT_MAP = 0xdead;
}

static void do_kjump(void)
{
	void (*fn)(void) = (void (*)(void))(KERNEL_TEXT + addr_zero);

	fn();
}

static void do_ud2(void)
{
	__asm__ __volatile__("ud2");
}

static void do_div0(void)
{
	volatile int zero = (int)addr_zero;
	int x = 1;

	__asm__ __volatile__("cltd; idivl %1" : "+a"(x) : "r"(zero) : "rdx");
	printf("value %d\n", x);
}

static void do_hlt(void)
{
	__asm__ __volatile__("hlt");
}

static int recurse(int depth)
{
	volatile char pad[4096];

	pad[0] = (char)depth;
	if (addr_zero == 1)	/* never true: without an exit, gcc refuses infinite recursion */
		return 0;
	return recurse(depth + 1) + pad[0];
}

static void do_stack(void)
{
	printf("value %d\n", recurse(0));
}

static void do_abort(void)
{
	abort();
}

static const struct {
	const char *name;
	void (*fn)(void);
	const char *what;
} faults[] = {
	{ "null", do_null, "read from address 0" },
	{ "write0", do_write0, "write to address 0" },
	{ "kernel", do_kernel, "read kernel text at 0xffffffff80000000" },
	{ "kwrite", do_kwrite, "write the kernel direct map at 0xffff888000000000" },
	{ "kjump", do_kjump, "jump to kernel address 0xffffffff80000000" },
	{ "ud2", do_ud2, "execute an invalid opcode (ud2)" },
	{ "div0", do_div0, "divide by zero" },
	{ "hlt", do_hlt, "execute a privileged instruction (hlt)" },
	{ "stack", do_stack, "overflow the stack" },
	{ "abort", do_abort, "call abort()" },
};

static void usage(void)
{
	size_t i;

	fprintf(stderr, "usage: crash FAULT\n");
	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		fprintf(stderr, "  %-7s %s\n", faults[i].name, faults[i].what);
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc != 2) {
		usage();
		return 2;
	}
	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
		if (strcmp(argv[1], faults[i].name))
			continue;
		printf("crash: pid %d: about to %s\n", (int)getpid(), faults[i].what);
		fflush(stdout);
		faults[i].fn();
		printf("crash: survived %s -- the kernel should have killed this process\n", faults[i].name);
		return 1;
	}
	fprintf(stderr, "crash: unknown fault '%s'\n", argv[1]);
	usage();
	return 2;
}
