/*
 * Random numbers for the network stack: TCP initial sequence numbers, ephemeral ports, IP ids.
 * RDRAND when the CPU has it (CPUID.1:ECX bit 30; QEMU's TCG has it with -cpu max), else
 * xoshiro256** seeded from TSC jitter and stirred with the TSC on every call, so runs differ.
 * random.seed=N on the command line forces the software generator with a fixed seed, for
 * reproducible runs (the TSC is then not mixed in).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/random.h>
#include <linux/string.h>
#include <asm/processor.h>

#define RDRAND_RETRIES	10

static bool have_rdrand;
static bool fixed_seed;
static u64 state[4];

static bool rdrand_u64(u64 *v)
{
	for (int i = 0; i < RDRAND_RETRIES; i++) {
		unsigned char ok;

		__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

static u64 rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* splitmix64: spreads one seed word over the whole state. */
static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void seed_state(u64 seed)
{
	for (int i = 0; i < 4; i++)
		state[i] = splitmix64(&seed);
}

static u64 xoshiro256ss(void)
{
	u64 result = rotl(state[1] * 5, 7) * 9;
	u64 t = state[1] << 17;

	state[2] ^= state[0];
	state[3] ^= state[1];
	state[1] ^= state[2];
	state[0] ^= state[3];
	state[2] ^= t;
	state[3] = rotl(state[3], 45);
	return result;
}

u64 get_random_u64(void)
{
	unsigned long flags;
	u64 v;

	if (have_rdrand && !fixed_seed && rdrand_u64(&v))
		return v;
	local_irq_save(flags);
	if (!fixed_seed)
		state[0] ^= rdtsc();
	v = xoshiro256ss();
	local_irq_restore(flags);
	return v;
}

u32 get_random_u32(void)
{
	return (u32)get_random_u64();
}

void get_random_bytes(void *buf, size_t nbytes)
{
	u8 *p = buf;

	while (nbytes) {
		u64 v = get_random_u64();
		size_t n = min(nbytes, sizeof(v));

		memcpy(p, &v, n);
		p += n;
		nbytes -= n;
	}
}

/* Rejection sampling keeps every value in [0, ceil) equally likely. */
u32 get_random_u32_below(u32 ceil)
{
	u32 threshold, v;

	if (ceil <= 1)
		return 0;
	threshold = -ceil % ceil;	/* 2^32 mod ceil */
	do {
		v = get_random_u32();
	} while (v < threshold);
	return v % ceil;
}

static int random_seed_setup(char *value)
{
	char *end;
	u64 seed = simple_strtoul(value, &end, 0);

	if (end == value || *end) {
		pr_warn("random.seed=%s: not a number, ignored\n", value);
		return 1;
	}
	fixed_seed = true;
	seed_state(seed);
	return 1;
}
__setup("random.seed=", random_seed_setup);

void random_init(void)
{
	u32 eax, ebx, ecx, edx;
	u64 seed = 0;

	cpuid(1, 0, &eax, &ebx, &ecx, &edx);
	have_rdrand = (ecx >> 30) & 1;
	if (fixed_seed) {
		pr_info("random: fixed seed from the command line\n");
		return;
	}
	/* TSC jitter: timing of port reads and cpuid varies a little from run to run. */
	for (int i = 0; i < 64; i++) {
		cpuid(0, 0, &eax, &ebx, &ecx, &edx);
		seed = rotl(seed, 7) ^ rdtsc();
	}
	seed_state(seed);
	pr_info("random: %s\n", have_rdrand ? "RDRAND" : "xoshiro256** seeded from TSC jitter");
}
