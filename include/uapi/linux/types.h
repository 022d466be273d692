/*
 * Fixed-size types of the user ABI (Linux's __u32, __be16, __kernel_long_t ...). Every other uapi
 * header builds on these. The kernel sees this file as <uapi/linux/types.h> next to its own
 * <linux/types.h>; the typedefs that both define name the same types, which C11 allows.
 * Headers in include/uapi include each other by relative path so the same text works for both
 * the kernel (-Iinclude) and user programs (-Iinclude/uapi).
 */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

#ifndef __user
#define __user		/* a pointer into user space */
#endif

typedef signed char __s8;
typedef unsigned char __u8;
typedef short __s16;
typedef unsigned short __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long __s64;
typedef unsigned long long __u64;

/*
 * Byte order is documentation only: network-order fields are __be16/__be32. The 64-bit ones are
 * unsigned long, the type the kernel's <linux/types.h> gives them (uint64_t), so both can be seen.
 */
typedef unsigned short __be16;
typedef unsigned int __be32;
typedef unsigned long __be64;
typedef unsigned short __le16;
typedef unsigned int __le32;
typedef unsigned long __le64;
typedef unsigned short __sum16;
typedef unsigned int __wsum;

/* x86_64 sizes of the kernel's scalar types (asm-generic/posix_types.h in Linux). */
typedef long __kernel_long_t;
typedef unsigned long __kernel_ulong_t;
typedef unsigned long __kernel_size_t;
typedef long __kernel_ssize_t;
typedef long __kernel_off_t;
typedef long long __kernel_loff_t;
typedef int __kernel_pid_t;
typedef unsigned int __kernel_uid_t;
typedef unsigned int __kernel_gid_t;
typedef unsigned int __kernel_mode_t;
typedef long __kernel_old_time_t;
typedef long long __kernel_time64_t;
typedef long __kernel_suseconds_t;
typedef int __kernel_clockid_t;
typedef unsigned short __kernel_sa_family_t;

#endif
