/*
 * SYSCALL_DEFINEn(name, type, arg, ...) as in Linux: it defines __x64_sys_name(const struct pt_regs *),
 * which sys_call_table points at, and __do_sys_name(args) holding the body. So a breakpoint on
 * __sys_socket shows the backtrace entry_SYSCALL_64 -> do_syscall_64 -> __x64_sys_socket ->
 * __do_sys_socket -> __sys_socket. The table references each __x64_sys_* weakly: a subsystem adds a
 * system call by defining it, and an undefined one returns -ENOSYS.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/ptrace.h>

#define __SC_ARG1(r)	((r)->di)
#define __SC_ARG2(r)	((r)->si)
#define __SC_ARG3(r)	((r)->dx)
#define __SC_ARG4(r)	((r)->r10)
#define __SC_ARG5(r)	((r)->r8)
#define __SC_ARG6(r)	((r)->r9)

#define __SC_DECL1(t1, a1)					t1 a1
#define __SC_DECL2(t1, a1, t2, a2)				t1 a1, t2 a2
#define __SC_DECL3(t1, a1, t2, a2, t3, a3)			t1 a1, t2 a2, t3 a3
#define __SC_DECL4(t1, a1, t2, a2, t3, a3, t4, a4)		t1 a1, t2 a2, t3 a3, t4 a4
#define __SC_DECL5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)	t1 a1, t2 a2, t3 a3, t4 a4, t5 a5
#define __SC_DECL6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6

#define __SC_CAST1(r, t1, a1)		(t1)__SC_ARG1(r)
#define __SC_CAST2(r, t1, a1, t2, a2)	__SC_CAST1(r, t1, a1), (t2)__SC_ARG2(r)
#define __SC_CAST3(r, t1, a1, t2, a2, t3, a3) \
	__SC_CAST2(r, t1, a1, t2, a2), (t3)__SC_ARG3(r)
#define __SC_CAST4(r, t1, a1, t2, a2, t3, a3, t4, a4) \
	__SC_CAST3(r, t1, a1, t2, a2, t3, a3), (t4)__SC_ARG4(r)
#define __SC_CAST5(r, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	__SC_CAST4(r, t1, a1, t2, a2, t3, a3, t4, a4), (t5)__SC_ARG5(r)
#define __SC_CAST6(r, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	__SC_CAST5(r, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), (t6)__SC_ARG6(r)

#define SYSCALL_DEFINE0(name)						\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	static noinline long __do_sys_##name(void);			\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		(void)regs;						\
		return __do_sys_##name();				\
	}								\
	static noinline long __do_sys_##name(void)

#define __SYSCALL_DEFINEx(x, name, ...)					\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	static noinline long __do_sys_##name(__SC_DECL##x(__VA_ARGS__));	\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		return __do_sys_##name(__SC_CAST##x(regs, __VA_ARGS__));	\
	}								\
	static noinline long __do_sys_##name(__SC_DECL##x(__VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...) __SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) __SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) __SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) __SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) __SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) __SYSCALL_DEFINEx(6, name, __VA_ARGS__)

#endif
