/*
 * Kernel symbol table for backtraces: function name + offset for a code address, as Linux prints
 * "tcp_v4_rcv+0x1c/0x2f0". The table is generated from `nm` between two links of kernel.elf
 * (tools/make/kernel.mk, tools/gen-kallsyms.sh) and lives in section .kallsyms.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN	128

/* The function containing addr, or NULL; *size and *offset describe where addr lies in it. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize, unsigned long *offset);
/* "name+0xoff/0xsize", or the bare hex address when no symbol covers it. */
int sprint_symbol(char *buffer, size_t size, unsigned long address);

/* Backtraces (kernel/panic.c). */
void print_ip_sym(const char *prefix, unsigned long ip);
void show_stack_from(unsigned long bp);
void dump_stack(void);

#endif
