/*
 * CPU tables and exceptions (Linux: arch/x86/kernel/{traps,idt,cpu/common}.c).
 *
 * trap_init() installs the GDT (kernel and user segments in Linux's layout, include/asm/segment.h,
 * plus the TSS whose rsp0 is the kernel stack for entries from ring 3) and the IDT, whose 256
 * vectors all lead through kernel/entry.asm to do_interrupt(). Exceptions 0-31 are handled here:
 * from user mode they go to do_user_fault() (the process is killed by kernel/sched code), from
 * kernel mode they oops: registers, CR2 and a symbolized backtrace, then panic.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/segment.h>

struct tss_struct {
	u32 reserved0;
	u64 sp0;			/* stack for entries from ring 3 */
	u64 sp1;
	u64 sp2;
	u64 reserved1;
	u64 ist[7];			/* interrupt stack table: IST1 = double fault */
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;		/* beyond the limit: no I/O ports for user mode */
} __packed;

struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;			/* P | DPL | type (0xe = 64-bit interrupt gate) */
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

#define GATE_INTERRUPT		0x8e	/* present, DPL 0, interrupt gate: IF cleared on entry */
#define DOUBLEFAULT_IST		1
#define DOUBLEFAULT_STACK_SIZE	8192

static u64 gdt[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL32_CS]		= 0x00cf9a000000ffffULL,
	[GDT_ENTRY_KERNEL_CS]		= 0x00af9a000000ffffULL,	/* L=1: 64-bit code */
	[GDT_ENTRY_KERNEL_DS]		= 0x00cf92000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER32_CS]	= 0x00cffa000000ffffULL,	/* DPL 3 */
	[GDT_ENTRY_DEFAULT_USER_DS]	= 0x00cff2000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER_CS]	= 0x00affa000000ffffULL,
};

static struct tss_struct cpu_tss __aligned(16);
static struct gate_desc idt_table[NR_VECTORS] __aligned(16);
static u8 doublefault_stack[DOUBLEFAULT_STACK_SIZE] __aligned(16);

extern const unsigned long interrupt_stubs[NR_VECTORS];	/* kernel/entry.asm */
extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds", "invalid opcode",
	"device not available", "double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack segment", "general protection fault", "page fault",
	"reserved 15", "x87 FPU error", "alignment check", "machine check", "SIMD exception",
	"virtualization exception", "control protection", "reserved 22", "reserved 23",
	"reserved 24", "reserved 25", "reserved 26", "reserved 27", "hypervisor injection",
	"VMM communication", "security exception", "reserved 31",
};

void load_sp0(unsigned long sp0)
{
	cpu_tss.sp0 = sp0;
}

static void set_gate(unsigned int vector, unsigned long addr, int dpl, int ist)
{
	struct gate_desc *g = &idt_table[vector];

	g->offset_low = (u16)addr;
	g->segment = __KERNEL_CS;
	g->ist = (u8)ist;
	g->type_attr = GATE_INTERRUPT | (u8)((dpl & 3) << 5);
	g->offset_middle = (u16)(addr >> 16);
	g->offset_high = (u32)(addr >> 32);
	g->reserved = 0;
}

/* The TSS descriptor is 16 bytes (two GDT slots) holding the 64-bit base. */
static void set_tss_desc(void)
{
	unsigned long base = (unsigned long)&cpu_tss;
	u64 limit = sizeof(cpu_tss) - 1;

	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			     (0x89ULL << 40) |		/* present, available 64-bit TSS */
			     (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

static void load_gdt_and_segments(void)
{
	struct desc_ptr gdt_ptr = { sizeof(gdt) - 1, (u64)gdt };

	__asm__ __volatile__("lgdt %0" : : "m"(gdt_ptr));
	/* Reload CS with a far return, then the data segments. */
	__asm__ __volatile__(
		"pushq %[cs]\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %[ds], %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movl %%eax, %%fs\n\t"
		"movl %%eax, %%gs\n\t"
		: : [cs] "i"(__KERNEL_CS), [ds] "i"(__KERNEL_DS) : "rax", "memory");
	__asm__ __volatile__("ltr %w0" : : "r"(__TSS_SELECTOR));
}

void trap_init(void)
{
	struct desc_ptr idt_ptr = { sizeof(idt_table) - 1, (u64)idt_table };

	cpu_tss.io_bitmap_base = sizeof(cpu_tss);
	/* A double fault (often a kernel stack overflow) gets a stack of its own. */
	cpu_tss.ist[DOUBLEFAULT_IST - 1] = (u64)(doublefault_stack + sizeof(doublefault_stack));
	set_tss_desc();
	load_gdt_and_segments();

	for (unsigned int v = 0; v < NR_VECTORS; v++)
		set_gate(v, interrupt_stubs[v], 0, v == X86_TRAP_DF ? DOUBLEFAULT_IST : 0);
	__asm__ __volatile__("lidt %0" : : "m"(idt_ptr));
}

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == addr)
			return e;
	}
	return NULL;
}

void show_regs(struct pt_regs *regs)
{
	char sym[KSYM_NAME_LEN + 32];

	sprint_symbol(sym, sizeof(sym), regs->ip);
	printk(KERN_EMERG "RIP: %04lx:%s\n", regs->cs, sym);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->sp, regs->flags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/* A kernel-mode exception nobody can fix: report it as Linux's oops does, then panic. */
static void __noreturn die(const char *what, struct pt_regs *regs, int trapnr, unsigned long address)
{
	if (trapnr == X86_TRAP_PF)
		printk(KERN_EMERG "BUG: unable to handle page fault for address: %016lx\n", address);
	printk(KERN_EMERG "Oops: %s, error code 0x%lx (vector %d)\n", what, regs->orig_ax, trapnr);
	show_regs(regs);
	/* panic's backtrace continues through the interrupt frame into the faulting function. */
	panic("%s in kernel mode", what);
}

__attribute__((weak)) void do_user_fault(struct pt_regs *regs, int trapnr, unsigned long error_code,
					 unsigned long address)
{
	printk(KERN_EMERG "user-mode %s at ip %lx, address %lx, and nobody handles user faults yet\n",
	       exception_names[trapnr], regs->ip, address);
	show_regs(regs);
	panic("unhandled user fault");
}

__attribute__((weak)) void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
}

static void do_exception(struct pt_regs *regs, int trapnr)
{
	unsigned long address = trapnr == X86_TRAP_PF ? read_cr2() : 0;
	const struct exception_table_entry *fixup;

	if (trapnr == X86_TRAP_NMI) {
		pr_warn("NMI received at %lx, ignored\n", regs->ip);
		return;
	}
	if (user_mode(regs)) {
		do_user_fault(regs, trapnr, regs->orig_ax, address);
		return;
	}
	fixup = (trapnr == X86_TRAP_PF || trapnr == X86_TRAP_GP) ? search_exception_tables(regs->ip) : NULL;
	if (fixup) {
		regs->ip = fixup->fixup;
		return;
	}
	die(exception_names[trapnr], regs, trapnr, address);
}

/* Called by common_interrupt (kernel/entry.asm) for every vector, with interrupts off. */
void do_interrupt(struct pt_regs *regs, unsigned long vector);

void do_interrupt(struct pt_regs *regs, unsigned long vector)
{
	if (vector < FIRST_EXTERNAL_VECTOR)
		do_exception(regs, (int)vector);
	else if (vector < FIRST_EXTERNAL_VECTOR + NR_IRQS_LEGACY)
		do_IRQ(regs, (unsigned int)(vector - FIRST_EXTERNAL_VECTOR));
	else
		pr_warn("spurious interrupt on vector %lu\n", vector);

	if (user_mode(regs))
		irqentry_exit_to_user_mode(regs);
}
