/*
 * GDT selectors, in Linux's x86_64 layout. The order is forced by syscall/sysret: STAR[47:32]
 * gives the kernel CS (SS = CS + 8), and sysretq loads CS = STAR[63:48] + 16, SS = STAR[63:48] + 8,
 * so with STAR[63:48] = __USER32_CS the user data segment must sit between USER32_CS and USER_CS.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		10

#define __KERNEL32_CS		(GDT_ENTRY_KERNEL32_CS * 8)		/* 0x08 */
#define __KERNEL_CS		(GDT_ENTRY_KERNEL_CS * 8)		/* 0x10 */
#define __KERNEL_DS		(GDT_ENTRY_KERNEL_DS * 8)		/* 0x18 */
#define __USER32_CS		(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)	/* 0x23 */
#define __USER_DS		(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)	/* 0x2b */
#define __USER_CS		(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)	/* 0x33 */
#define __TSS_SELECTOR		(GDT_ENTRY_TSS * 8)			/* 0x40 */

#endif
