/* Port I/O (inb/outb ...) and memory-mapped device registers (readl/writel) on x86. */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>
#include <linux/compiler.h>

static inline void outb(u8 value, u16 port)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outw(u16 value, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outl(u32 value, u16 port)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u16 inw(u16 port)
{
	u16 v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u32 inl(u16 port)
{
	u32 v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* A write to an unused port: about 1 us, the classic delay between slow ISA accesses (PIC). */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

/* MMIO: volatile accesses, with a compiler barrier so they stay in program order. */
static inline u8 readb(const volatile void __iomem *addr)
{
	u8 v = *(const volatile u8 *)addr;

	barrier();
	return v;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	u16 v = *(const volatile u16 *)addr;

	barrier();
	return v;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	u32 v = *(const volatile u32 *)addr;

	barrier();
	return v;
}

static inline u64 readq(const volatile void __iomem *addr)
{
	u64 v = *(const volatile u64 *)addr;

	barrier();
	return v;
}

static inline void writeb(u8 value, volatile void __iomem *addr)
{
	barrier();
	*(volatile u8 *)addr = value;
}

static inline void writew(u16 value, volatile void __iomem *addr)
{
	barrier();
	*(volatile u16 *)addr = value;
}

static inline void writel(u32 value, volatile void __iomem *addr)
{
	barrier();
	*(volatile u32 *)addr = value;
}

static inline void writeq(u64 value, volatile void __iomem *addr)
{
	barrier();
	*(volatile u64 *)addr = value;
}

#endif
