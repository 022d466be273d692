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

void machine_power_off(int status) __noreturn;
/* Reset through the keyboard controller; QEMU -no-reboot then exits with status 0. */
void machine_restart(void) __noreturn;

#endif
