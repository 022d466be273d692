/* Byte order conversion (x86_64 is little-endian). */
#ifndef _ENDIAN_H
#define _ENDIAN_H

#include <stdint.h>

#define LITTLE_ENDIAN	1234
#define BIG_ENDIAN	4321
#define BYTE_ORDER	LITTLE_ENDIAN

#define htobe16(x)	__builtin_bswap16(x)
#define htole16(x)	((uint16_t)(x))
#define be16toh(x)	__builtin_bswap16(x)
#define le16toh(x)	((uint16_t)(x))
#define htobe32(x)	__builtin_bswap32(x)
#define htole32(x)	((uint32_t)(x))
#define be32toh(x)	__builtin_bswap32(x)
#define le32toh(x)	((uint32_t)(x))
#define htobe64(x)	__builtin_bswap64(x)
#define htole64(x)	((uint64_t)(x))
#define be64toh(x)	__builtin_bswap64(x)
#define le64toh(x)	((uint64_t)(x))

#endif
