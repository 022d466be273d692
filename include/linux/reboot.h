/*
 * Leaving the machine. Under QEMU, machine_power_off writes the status to the isa-debug-exit port
 * (0xf4), which ends QEMU with exit code (status << 1) | 1; run-qemu.sh turns that back into status.
 * On real hardware (or QEMU without the device) it halts forever.
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/* Status the kernel reports for a panic: run-qemu.sh exits 127 and says "kernel panic". */
#define PANIC_EXIT_STATUS	0x7f
/* Highest status machine_power_off passes on; more (the shell's 127 "not found", 128+signal) is
 * reported as this, so 127 always means a panic. */
#define POWER_OFF_MAX_STATUS	0x7e

void machine_power_off(int status) __noreturn;
/* The end of panic(): QEMU exits with PANIC_EXIT_STATUS. */
void machine_panic_exit(void) __noreturn;
/* Reset through the keyboard controller; QEMU -no-reboot then exits with status 0. */
void machine_restart(void) __noreturn;

#endif
