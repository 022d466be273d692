/* printf/scanf format macros for the <stdint.h> types (LP64). */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <features.h>
#include <stdint.h>

__BEGIN_DECLS

#define PRId8	"d"
#define PRId16	"d"
#define PRId32	"d"
#define PRId64	"ld"
#define PRIi32	"i"
#define PRIi64	"li"
#define PRIu8	"u"
#define PRIu16	"u"
#define PRIu32	"u"
#define PRIu64	"lu"
#define PRIx8	"x"
#define PRIx16	"x"
#define PRIx32	"x"
#define PRIx64	"lx"
#define PRIX32	"X"
#define PRIX64	"lX"
#define PRIdPTR	"ld"
#define PRIuPTR	"lu"
#define PRIxPTR	"lx"
#define PRIdMAX	"ld"
#define PRIuMAX	"lu"
#define SCNd32	"d"
#define SCNd64	"ld"
#define SCNu32	"u"
#define SCNu64	"lu"
#define SCNx32	"x"
#define SCNx64	"lx"

intmax_t strtoimax(const char *restrict s, char **restrict end, int base);
uintmax_t strtoumax(const char *restrict s, char **restrict end, int base);

__END_DECLS

#endif
