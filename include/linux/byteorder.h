/*
 * Host <-> network byte order (x86 is little-endian). Named as in Linux's
 * <asm/byteorder.h>: htons/ntohs/htonl/ntohl and cpu_to_be16 & co. The __builtin forms fold
 * constants, so htons(ETH_P_IP) works in static initialisers.
 */
#ifndef _LINUX_BYTEORDER_H
#define _LINUX_BYTEORDER_H

#include <linux/types.h>

#define __swab16(x)	((u16)__builtin_bswap16((u16)(x)))
#define __swab32(x)	((u32)__builtin_bswap32((u32)(x)))

#define cpu_to_be16(x)	__swab16(x)
#define be16_to_cpu(x)	__swab16(x)
#define cpu_to_be32(x)	__swab32(x)
#define be32_to_cpu(x)	__swab32(x)
#define cpu_to_le16(x)	((u16)(x))
#define le16_to_cpu(x)	((u16)(x))
#define cpu_to_le32(x)	((u32)(x))
#define le32_to_cpu(x)	((u32)(x))

#ifndef htons
#define htons(x)	cpu_to_be16(x)
#define ntohs(x)	be16_to_cpu(x)
#define htonl(x)	cpu_to_be32(x)
#define ntohl(x)	be32_to_cpu(x)
#endif

static inline void be16_add_cpu(__be16 *var, u16 val)
{
	*var = cpu_to_be16(be16_to_cpu(*var) + val);
}

#endif
