/*
 * RFC 6528 initial sequence numbers: ISN = M + F(4-tuple, secret), with M a clock ticking every
 * 4 microseconds and F a keyed pseudo-random function. F is SipHash-2-4 (as in Linux) with a
 * 128-bit key drawn from get_random_bytes at first use. Called by tcp_v4_connect and, for passive
 * opens, tcp_conn_request (af_ops->init_seq).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/jiffies.h>
#include <net/secure_seq.h>

#define ROTL64(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND(v0, v1, v2, v3) do {					\
	v0 += v1; v1 = ROTL64(v1, 13); v1 ^= v0; v0 = ROTL64(v0, 32);	\
	v2 += v3; v3 = ROTL64(v3, 16); v3 ^= v2;			\
	v0 += v3; v3 = ROTL64(v3, 21); v3 ^= v0;			\
	v2 += v1; v1 = ROTL64(v1, 17); v1 ^= v2; v2 = ROTL64(v2, 32);	\
} while (0)

static u64 le64_load(const u8 *p)
{
	u64 v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/* SipHash-2-4 (Aumasson, Bernstein 2012) over len bytes, key little-endian words k0, k1. */
u64 secure_seq_siphash(const u64 key[2], const void *data, size_t len)
{
	const u8 *in = data;
	u64 v0 = 0x736f6d6570736575ULL ^ key[0];
	u64 v1 = 0x646f72616e646f6dULL ^ key[1];
	u64 v2 = 0x6c7967656e657261ULL ^ key[0];
	u64 v3 = 0x7465646279746573ULL ^ key[1];
	u64 b = (u64)len << 56;
	u8 tail[8] = { 0 };
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		u64 m = le64_load(in + i);

		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	memcpy(tail, in + i, len - i);
	b |= le64_load(tail);
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

static u64 net_secret[2];
static bool net_secret_ready;

static void net_secret_init(void)
{
	if (unlikely(!net_secret_ready)) {
		get_random_bytes(net_secret, sizeof(net_secret));
		net_secret_ready = true;
	}
}

noinline u32 secure_tcp_seq(__be32 saddr, __be32 daddr, __be16 sport, __be16 dport)
{
	struct {
		__be32 saddr, daddr;
		__be16 sport, dport;
	} __packed tuple = { saddr, daddr, sport, dport };
	u32 hash;

	net_secret_init();
	hash = (u32)secure_seq_siphash(net_secret, &tuple, sizeof(tuple));
	/* RFC 6528 3: M, a timer that ticks every 4 microseconds. */
	return hash + (u32)(ktime_get_ns() / 4000);
}

u32 secure_tcp_ts_off(const struct net *net, __be32 saddr, __be32 daddr)
{
	struct {
		__be32 saddr, daddr;
	} __packed pair = { saddr, daddr };
	u64 key[2];

	net_secret_init();
	/* A different key from the ISN's, so one leaks nothing about the other. */
	key[0] = net_secret[1];
	key[1] = net_secret[0];
	return (u32)secure_seq_siphash(key, &pair, sizeof(pair));
}
