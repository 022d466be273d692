/* Host shim: a seeded generator (xorshift64*), so "random" ISNs, ports and IP ids repeat run to run. */
#include <linux/random.h>
#include "host.h"

static u64 rnd_state = 0x9e3779b97f4a7c15ULL;

void host_seed_random(u64 seed)
{
	rnd_state = seed ? seed : 0x9e3779b97f4a7c15ULL;
}

u64 get_random_u64(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545F4914F6CDD1DULL;
}

u32 get_random_u32(void)
{
	return get_random_u64() >> 32;
}

u32 get_random_u32_below(u32 ceil)
{
	return ceil ? (u32)(((u64)get_random_u32() * ceil) >> 32) : 0;
}

void get_random_bytes(void *buf, size_t nbytes)
{
	u8 *p = buf;

	while (nbytes--)
		*p++ = get_random_u64() >> 56;
}
