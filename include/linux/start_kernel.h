/*
 * Boot hand-over between kernel/main.c and the process code (kernel/sched): start_kernel calls
 * sched_init() before enabling interrupts and rest_init() at the end (weak defaults idle).
 */
#ifndef _LINUX_START_KERNEL_H
#define _LINUX_START_KERNEL_H

#include <linux/types.h>

void sched_init(void);
void rest_init(void) __attribute__((noreturn));

/* The first multiboot2 module (build/initrd.tar), direct-map addresses; 0 when none. */
extern unsigned long initrd_start, initrd_end;

#endif
