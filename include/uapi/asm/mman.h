/* x86_64 mmap flags: the generic ones plus MAP_32BIT. */
#ifndef _UAPI_ASM_MMAN_H
#define _UAPI_ASM_MMAN_H

#include "../asm-generic/mman.h"

#define MAP_32BIT	0x40	/* only give out 32-bit addresses */

#endif
