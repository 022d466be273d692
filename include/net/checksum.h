/*
 * The Internet checksum (RFC 1071): a 16-bit one's complement sum. Partial sums (__wsum, 32 bits)
 * are accumulated with csum_partial and folded at the end; the TCP/UDP pseudo-header (RFC 793 3.1,
 * RFC 768) is added by csum_tcpudp_magic. Implementation in net/core/utils.c.
 */
#ifndef _NET_CHECKSUM_H
#define _NET_CHECKSUM_H

#include <linux/types.h>

struct sk_buff;

__wsum csum_partial(const void *buff, int len, __wsum sum);
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);
__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum);
__wsum skb_checksum(const struct sk_buff *skb, int offset, int len, __wsum csum);
__wsum csum_partial_copy_nocheck(const void *src, void *dst, int len);

static inline __sum16 csum_fold(__wsum csum)
{
	u32 sum = csum;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__sum16)~sum;
}

static inline __sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum)
{
	return csum_fold(csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}

static inline __wsum csum_add(__wsum csum, __wsum addend)
{
	u32 res = csum + addend;

	return res + (res < addend);
}

static inline __wsum csum_sub(__wsum csum, __wsum addend)
{
	return csum_add(csum, ~addend);
}

static inline __wsum csum_unfold(__sum16 n)
{
	return (__wsum)n;
}

/* Adds a partial sum computed over a block that starts at byte offset (odd offsets swap bytes). */
static inline __wsum csum_block_add(__wsum csum, __wsum csum2, int offset)
{
	u32 sum = csum2;

	if (offset & 1)
		sum = ((sum & 0xFF00FF) << 8) + ((sum >> 8) & 0xFF00FF);
	return csum_add(csum, sum);
}

/* Checksum of a whole buffer (ICMP). */
static inline __sum16 ip_compute_csum(const void *buff, int len)
{
	return csum_fold(csum_partial(buff, len, 0));
}

/* RFC 1624: incremental update when a 16-bit field changes from old to new (TTL decrement). */
static inline void csum_replace2(__sum16 *sum, __be16 old, __be16 new)
{
	__wsum tmp = csum_sub(~csum_unfold(*sum), (__wsum)old);

	*sum = csum_fold(csum_add(tmp, (__wsum)new));
}

#endif
