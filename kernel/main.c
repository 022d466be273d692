/*
 * start_kernel: the first C code (Linux: init/main.c). boot/head.asm calls it on the boot stack in
 * the higher half with the multiboot2 magic and the physical address of GRUB's boot information.
 * It brings the core up in dependency order: consoles, boot information, CPU tables, memory, the
 * kernel command line (multiboot2 + QEMU fw_cfg opt/cmdline, then the __setup handlers),
 * interrupts and time, then the initcalls of every subsystem (net/ among them), and finally hands
 * over to rest_init(), which the process code (kernel/sched) provides to start /bin/init.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/fw_cfg.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/multiboot2.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/time.h>

#define UTS_RELEASE	"0.1.0"
#define COMMAND_LINE_SIZE 2048

char saved_command_line[COMMAND_LINE_SIZE];
static char setup_args[COMMAND_LINE_SIZE];	/* tokens handed to __setup handlers; they may keep pointers */
static bool initcall_debug;

/* The initrd GRUB loaded (the first module), as direct-map addresses; 0 when there is none. */
unsigned long initrd_start, initrd_end;

extern initcall_t __initcall1_start[], __initcall2_start[], __initcall3_start[], __initcall4_start[],
	__initcall5_start[], __initcall6_start[], __initcall7_start[], __initcall_end[];
extern const struct obs_kernel_param __setup_start[], __setup_end[];

void start_kernel(u32 magic, u32 mbi_phys);

static const char *const initcall_level_names[] = {
	"core", "postcore", "arch", "subsys", "fs", "device", "late",
};

static int initcall_debug_setup(char *value)
{
	initcall_debug = true;
	return 1;
}
__setup("initcall_debug", initcall_debug_setup);

/* "name=value" matches __setup("name="); a bare "name" matches __setup("name"). */
static bool do_setup_param(char *param)
{
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);

		if (p->str[n - 1] == '=' ? !strncmp(param, p->str, n) : !strcmp(param, p->str)) {
			p->setup_func(param + n);
			return true;
		}
	}
	return false;
}

/* Splits setup_args at blanks (double quotes group words) and runs the matching __setup handlers. */
static void parse_early_params(void)
{
	char unknown[256] = "";
	size_t unknown_len = 0;
	char *p = setup_args;

	strscpy(setup_args, saved_command_line, sizeof(setup_args));
	while (*p) {
		char *param, *out;
		bool quoted = false;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		param = out = p;
		for (; *p && (quoted || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
			if (*p == '"')
				quoted = !quoted;
			else
				*out++ = *p;
		}
		if (*p)
			p++;
		*out = '\0';
		if (!do_setup_param(param))
			unknown_len += scnprintf(unknown + unknown_len, sizeof(unknown) - unknown_len,
						 "%s%s", unknown_len ? " " : "", param);
	}
	if (unknown_len)
		pr_notice("Unknown kernel command line parameters \"%s\"\n", unknown);
}

/* multiboot2 command line (grub.cfg) + QEMU fw_cfg opt/cmdline (run-qemu.sh --cmdline). */
static void setup_command_line(void)
{
	strscpy(saved_command_line, boot_params.cmdline, sizeof(saved_command_line));
	if (fw_cfg_cmdline && *fw_cfg_cmdline) {
		size_t n = strlen(saved_command_line);

		scnprintf(saved_command_line + n, sizeof(saved_command_line) - n, "%s%s",
			  n ? " " : "", fw_cfg_cmdline);
	}
	pr_notice("Kernel command line: %s\n", saved_command_line);
	parse_early_params();
}

static void setup_initrd(void)
{
	if (!boot_params.nr_modules) {
		pr_info("initrd: none (GRUB loaded no module)\n");
		return;
	}
	initrd_start = (unsigned long)__va(boot_params.modules[0].start);
	initrd_end = (unsigned long)__va(boot_params.modules[0].end);
	pr_info("initrd: %s at %#llx, %lu bytes\n", boot_params.modules[0].cmdline,
		(unsigned long long)boot_params.modules[0].start, initrd_end - initrd_start);
}

static void do_initcalls(void)
{
	initcall_t *levels[] = {
		__initcall1_start, __initcall2_start, __initcall3_start, __initcall4_start,
		__initcall5_start, __initcall6_start, __initcall7_start, __initcall_end,
	};

	for (unsigned int level = 0; level < ARRAY_SIZE(levels) - 1; level++) {
		for (initcall_t *fn = levels[level]; fn < levels[level + 1]; fn++) {
			char sym[KSYM_NAME_LEN + 32];
			u64 t0 = ktime_get_ns();
			int ret;

			sprint_symbol(sym, sizeof(sym), (unsigned long)*fn);
			if (initcall_debug)
				pr_info("calling  %s (%s_initcall)\n", sym, initcall_level_names[level]);
			ret = (*fn)();
			if (initcall_debug)
				pr_info("initcall %s returned %d after %llu usecs\n", sym, ret,
					(unsigned long long)(ktime_get_ns() - t0) / 1000);
			if (ret)
				pr_warn("initcall %s (%s_initcall) failed: %d\n", sym,
					initcall_level_names[level], ret);
		}
	}
}

/* The scheduler (kernel/sched) replaces these: sched_init makes this context task 0. */
__attribute__((weak)) void sched_init(void)
{
}

__attribute__((weak)) void rest_init(void)
{
	pr_notice("rest_init: no process support linked in, idling\n");
	for (;;)
		safe_halt();
}

void start_kernel(u32 magic, u32 mbi_phys)
{
	int err;

	time_early_init();
	serial_init();
	vga_init();
	pr_notice("Linux-style teaching kernel " UTS_RELEASE " (x86_64)\n");

	err = multiboot_parse(magic, mbi_phys);
	if (err)
		panic("not booted by a multiboot2 loader (magic %#x)", magic);
	pr_info("Boot loader: %s, %u module(s)\n", boot_params.loader, boot_params.nr_modules);

	trap_init();
	paging_init();
	mem_init();
	kmem_cache_init();

	fw_cfg_init();
	setup_command_line();

	init_IRQ();
	init_timers();
	time_init();
	random_init();
	setup_initrd();
	sched_init();
	local_irq_enable();

	do_initcalls();
	rest_init();
	panic("rest_init returned");
}
