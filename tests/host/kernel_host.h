/*
 * Host support for the kernel-host tests (tests/host/test_kernel_*.c): the few kernel services the
 * kernel files under test call (panic, printk, interrupt masking, softirq registration) and a page
 * source for kernel/mm/slab.c. A BUG_ON/panic fails the test, unless the test announced it with
 * EXPECT_PANIC(), which then returns true once the panic happened.
 */
#ifndef _TESTS_HOST_KERNEL_HOST_H
#define _TESTS_HOST_KERNEL_HOST_H

#include <setjmp.h>
#include <stdbool.h>
#include <linux/types.h>

struct softirq_action;

extern jmp_buf kernel_host_panic_jmp;
extern bool kernel_host_panic_armed;
extern char kernel_host_panic_msg[256];
extern unsigned long kernel_host_warnings;

/* if (EXPECT_PANIC()) { the code panicked } else { run the code that must panic } */
#define EXPECT_PANIC() (kernel_host_panic_armed = true, setjmp(kernel_host_panic_jmp) != 0)
/* After the code that must panic: fails the test if it did not. */
void kernel_host_panic_missed(void);

/* Page arena for alloc_pages: npages pages, aligned to the largest block. */
void kernel_host_pages_init(unsigned long npages);
void kernel_host_pages_exit(void);
unsigned long kernel_host_pages_in_use(void);

/* Softirq registered by the code under test (TIMER_SOFTIRQ's handler). */
void (*kernel_host_softirq_action(int nr))(struct softirq_action *);

#endif
