/* Random numbers for the stack (ISNs, ephemeral ports, IP ids): RDRAND where the CPU has it, else a seeded generator. */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

void get_random_bytes(void *buf, size_t nbytes);
u32 get_random_u32(void);
u64 get_random_u64(void);
/* Uniform in [0, ceil). */
u32 get_random_u32_below(u32 ceil);

/* Boot: picks RDRAND or seeds the software generator (kernel/random.c). */
void random_init(void);

#endif
