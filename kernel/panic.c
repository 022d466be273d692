/*
 * panic() and WARN: the last words of a broken kernel. panic prints the message and a backtrace
 * (walking the frame-pointer chain, symbolized from the kallsyms table) on every console, then
 * powers QEMU off with PANIC_EXIT_STATUS so run-qemu.sh reports "kernel panic" (exit 127);
 * with panic=0 on the command line it halts instead, for a debugger to inspect (Linux's panic=0).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/reboot.h>
#include <asm/page.h>
#include <asm/processor.h>

static bool panicking;
/* panic=0 on the command line: stop instead of ending QEMU, so gdb can still look around. */
static bool panic_halt;

static int panic_setup(char *value)
{
	unsigned int secs;

	if (kstrtouint(value, 10, &secs) || secs != 0) {
		pr_warn("panic=%s: only panic=0 (halt instead of powering off) is supported\n", value);
		return 1;
	}
	panic_halt = true;
	return 1;
}
__setup("panic=", panic_setup);

/* One line per frame: "  [<ffffffff80101234>] tcp_v4_rcv+0x1c/0x2f0". */
void print_ip_sym(const char *prefix, unsigned long ip)
{
	char sym[KSYM_NAME_LEN + 32];

	sprint_symbol(sym, sizeof(sym), ip);
	printk(KERN_EMERG "%s[<%016lx>] %s\n", prefix, ip, sym);
}

/*
 * Walks saved frame pointers (the kernel is built with -fno-omit-frame-pointer): each frame holds
 * [rbp] = caller's rbp, [rbp+8] = return address. The boot code starts the chain with rbp = 0.
 * Frames must lie in the kernel half and move up the stack, so a corrupt chain ends the walk.
 */
void show_stack_from(unsigned long bp)
{
	for (int depth = 0; depth < 32 && bp >= KERNEL_HALF_START && !(bp & 7); depth++) {
		unsigned long next = ((unsigned long *)bp)[0];
		unsigned long ret = ((unsigned long *)bp)[1];

		if (!ret)
			break;
		/* ret is the instruction after the call: ret - 1 symbolizes the calling function. */
		print_ip_sym(" ", ret - 1);
		if (next <= bp)
			break;
		bp = next;
	}
}

void dump_stack(void)
{
	printk(KERN_EMERG "Call Trace:\n");
	show_stack_from((unsigned long)__builtin_frame_address(0));
}

void panic(const char *fmt, ...)
{
	static char buf[512];
	va_list args;

	local_irq_disable();
	if (panicking)		/* a panic while panicking: just stop */
		machine_panic_exit();
	panicking = true;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_halt) {
		for (;;)
			native_halt();		/* interrupts are off: only gdb or a reset gets us out */
	}
	machine_panic_exit();
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: at %s:%d: %s\n", file, line, cond);
	dump_stack();
}
