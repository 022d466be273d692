/* The system call table (syscall_64.c) as the entry code sees it. */
#ifndef _ARCH_X86_ENTRY_SYSCALL_H
#define _ARCH_X86_ENTRY_SYSCALL_H

#include <asm/ptrace.h>

#define NR_syscalls	335

#ifndef __visible
#define __visible	__attribute__((externally_visible))
#endif

typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);
extern const sys_call_ptr_t sys_call_table[NR_syscalls];

void syscall_init(void);
bool do_syscall_64(unsigned long nr, struct pt_regs *regs);
void syscall_exit_to_user_mode(struct pt_regs *regs);
void irqentry_exit_to_user_mode(struct pt_regs *regs);

#endif
