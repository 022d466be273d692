/* x86 exception vector numbers (Linux: arch/x86/include/asm/trapnr.h). */
#ifndef _ASM_X86_TRAPNR_H
#define _ASM_X86_TRAPNR_H

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1	/* debug */
#define X86_TRAP_NMI	2	/* non-maskable interrupt */
#define X86_TRAP_BP	3	/* int3 */
#define X86_TRAP_OF	4	/* overflow */
#define X86_TRAP_BR	5	/* bound range exceeded */
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7	/* device not available */
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_TS	10	/* invalid TSS */
#define X86_TRAP_NP	11	/* segment not present */
#define X86_TRAP_SS	12	/* stack segment fault */
#define X86_TRAP_GP	13	/* general protection fault */
#define X86_TRAP_PF	14	/* page fault */
#define X86_TRAP_MF	16	/* x87 floating point error */
#define X86_TRAP_AC	17	/* alignment check */
#define X86_TRAP_MC	18	/* machine check */
#define X86_TRAP_XF	19	/* SIMD floating point exception */

/* Page fault error code bits (in pt_regs->orig_ax for vector 14). */
#define X86_PF_PROT	0x1	/* 0: page not present, 1: protection violation */
#define X86_PF_WRITE	0x2
#define X86_PF_USER	0x4
#define X86_PF_RSVD	0x8
#define X86_PF_INSTR	0x10

#endif
