/*
 * Host shim: boot for the host build. host_net_setup() runs every initcall linked in, level by
 * level, as do_initcalls() does in the kernel; host_cmdline_param() runs a __setup handler.
 * In the host build include/linux/init.h puts them in sections named host_initcallN / host_setup,
 * whose bounds the linker provides as __start_/__stop_ symbols.
 */
#include <string.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include "host.h"

char saved_command_line[1024];

#define DECLARE_LEVEL(n) \
	extern initcall_t __start_host_initcall##n[] __attribute__((weak)); \
	extern initcall_t __stop_host_initcall##n[] __attribute__((weak));
DECLARE_LEVEL(1)
DECLARE_LEVEL(2)
DECLARE_LEVEL(3)
DECLARE_LEVEL(4)
DECLARE_LEVEL(5)
DECLARE_LEVEL(6)
DECLARE_LEVEL(7)
extern const struct obs_kernel_param __start_host_setup[] __attribute__((weak));
extern const struct obs_kernel_param __stop_host_setup[] __attribute__((weak));

static void run_level(initcall_t *start, initcall_t *stop)
{
	initcall_t *fn;

	for (fn = start; fn && fn < stop; fn++) {
		int ret = (*fn)();

		if (ret)
			printk(KERN_WARNING "host: initcall %p returned %d\n", (void *)*fn, ret);
	}
}

void host_net_setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	run_level(__start_host_initcall1, __stop_host_initcall1);
	run_level(__start_host_initcall2, __stop_host_initcall2);
	run_level(__start_host_initcall3, __stop_host_initcall3);
	run_level(__start_host_initcall4, __stop_host_initcall4);
	run_level(__start_host_initcall5, __stop_host_initcall5);
	run_level(__start_host_initcall6, __stop_host_initcall6);
	run_level(__start_host_initcall7, __stop_host_initcall7);
	host_run_softirqs();
}

int host_cmdline_param(const char *param)
{
	const struct obs_kernel_param *p;
	static char value[256];

	for (p = __start_host_setup; p && p < __stop_host_setup; p++) {
		size_t n = strlen(p->str);

		if (strncmp(param, p->str, n))
			continue;
		strscpy(value, param + n, sizeof(value));
		p->setup_func(value);
		return 1;
	}
	return 0;
}
