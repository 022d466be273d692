/* sysinfo(2) result, x86_64 layout (112 bytes). */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

#include "types.h"

#define SI_LOAD_SHIFT	16	/* loads[] are fixed point with this many fraction bits */

struct sysinfo {
	__kernel_long_t uptime;		/* seconds since boot */
	__kernel_ulong_t loads[3];	/* 1, 5, and 15 minute load averages */
	__kernel_ulong_t totalram;	/* total usable main memory size */
	__kernel_ulong_t freeram;	/* available memory size */
	__kernel_ulong_t sharedram;	/* amount of shared memory */
	__kernel_ulong_t bufferram;	/* memory used by buffers */
	__kernel_ulong_t totalswap;	/* total swap space size */
	__kernel_ulong_t freeswap;	/* swap space still available */
	__u16 procs;			/* number of current processes */
	__u16 pad;
	__kernel_ulong_t totalhigh;	/* total high memory size */
	__kernel_ulong_t freehigh;	/* available high memory size */
	__u32 mem_unit;			/* memory unit size in bytes */
	char _f[20 - 2 * sizeof(__kernel_ulong_t) - sizeof(__u32)];	/* padding: 0 bytes on 64-bit */
};

#endif
