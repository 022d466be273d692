/*
 * Deliberate kernel crashes for tests and for students to read an oops (after Linux's
 * drivers/misc/lkdtm). `lkdtm=TYPE` on the command line (run-qemu.sh --cmdline) triggers it from
 * a late initcall, once the kernel is fully up:
 *   panic  panic() directly          bug   BUG_ON(1)          warn  WARN_ON(1), then continue
 *   null   read through NULL         ud    invalid opcode     div0  divide by zero
 * Each crash happens a few calls deep, so the backtrace has something to show.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>

static char lkdtm_type[16];

static int lkdtm_setup(char *value)
{
	strscpy(lkdtm_type, value, sizeof(lkdtm_type));
	return 1;
}
__setup("lkdtm=", lkdtm_setup);

static noinline void lkdtm_do_crash(const char *type)
{
	volatile int zero = 0;

	if (!strcmp(type, "panic"))
		panic("lkdtm: panic requested");
	else if (!strcmp(type, "bug"))
		BUG_ON(zero == 0);
	else if (!strcmp(type, "warn"))
		WARN_ON(zero == 0);
	else if (!strcmp(type, "null"))
		pr_info("lkdtm: read %d\n", *(volatile int *)(unsigned long)zero);
	else if (!strcmp(type, "ud"))
		__asm__ __volatile__("ud2");
	else if (!strcmp(type, "div0"))
		/* In asm: the compiler may legally turn a C division by zero into anything. */
		__asm__ __volatile__("xorl %%edx, %%edx; divl %0" : : "r"(zero), "a"(1) : "edx");
	else
		pr_err("lkdtm: unknown crash type '%s' (panic bug warn null ud div0)\n", type);
}

static noinline int lkdtm_init(void)
{
	if (!lkdtm_type[0])
		return 0;
	pr_notice("lkdtm: performing crash type '%s'\n", lkdtm_type);
	lkdtm_do_crash(lkdtm_type);
	return 0;
}
late_initcall(lkdtm_init);
