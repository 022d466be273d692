/*
 * Initcalls, as in Linux: each subsystem marks its init function with a level and do_initcalls()
 * runs them in order after the core is up (inet_init is an fs_initcall, drivers are device_initcalls).
 * __setup("name=", fn) registers a kernel command line handler.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init
#define __initdata

typedef int (*initcall_t)(void);

#ifdef HOST_BUILD
/* Host build of net/ (tests/host/shim/init.c): section names must be C identifiers for the
 * linker to provide __start_/__stop_ bounds. */
#define __define_initcall(fn, id) \
	static initcall_t __initcall_##fn##id __used __section("host_initcall" #id) = fn
#else
#define __define_initcall(fn, id) \
	static initcall_t __initcall_##fn##id __used __section(".initcall" #id ".init") = fn
#endif

#define core_initcall(fn)	__define_initcall(fn, 1)
#define postcore_initcall(fn)	__define_initcall(fn, 2)
#define arch_initcall(fn)	__define_initcall(fn, 3)
#define subsys_initcall(fn)	__define_initcall(fn, 4)
#define fs_initcall(fn)		__define_initcall(fn, 5)
#define device_initcall(fn)	__define_initcall(fn, 6)
#define late_initcall(fn)	__define_initcall(fn, 7)

struct obs_kernel_param {
	const char *str;		/* "net.debug=" */
	int (*setup_func)(char *value);
};

#ifdef HOST_BUILD
#define __setup(str, fn) \
	static const struct obs_kernel_param __setup_##fn __used __section("host_setup") __aligned(8) = { str, fn }
#else
#define __setup(str, fn) \
	static const struct obs_kernel_param __setup_##fn __used __section(".init.setup") __aligned(8) = { str, fn }
#endif

/* The whole kernel command line, after boot parsed it. */
extern char saved_command_line[];

#endif
