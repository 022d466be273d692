/* Fixed-width and network-order types shared by the kernel and the host build of net/. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* Big-endian (network order) values: documentation only, as with sparse off. */
typedef u16 __be16;
typedef u32 __be32;
typedef u64 __be64;
typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;
typedef u16 __sum16;	/* a folded, complemented Internet checksum */
typedef u32 __wsum;	/* a 32-bit partial checksum, not yet folded */

typedef long ssize_t;
typedef long loff_t;		/* same type as glibc's, so host shims can see both */
typedef unsigned int gfp_t;
typedef int pid_t;

typedef uint64_t phys_addr_t;
typedef uint64_t dma_addr_t;

#endif
