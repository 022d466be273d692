/*
 * Small helpers of the network core: the Internet checksum (RFC 1071) and IPv4 address
 * formatting/parsing used by /proc, ipconfig and debug output.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/byteorder.h>
#include <net/checksum.h>
#include <net/ip.h>

/* RFC 1071 4.1: add 16-bit words in a wide accumulator, fold the carries at the end. The bytes
 * are summed in memory order, so the result is already in network order. */
__wsum csum_partial(const void *buff, int len, __wsum wsum)
{
	const u8 *p = buff;
	u64 sum = wsum;

	while (len >= 2) {
		u16 w;

		memcpy(&w, p, 2);
		sum += w;
		p += 2;
		len -= 2;
	}
	if (len > 0)
		sum += *p;	/* little-endian: the odd byte is the high byte of a zero-padded word */
	while (sum >> 32)
		sum = (sum & 0xffffffff) + (sum >> 32);
	return (__wsum)sum;
}

__sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	return csum_fold(csum_partial(iph, ihl * 4, 0));
}

/* RFC 793 3.1 / RFC 768: source, destination, zero+protocol, length, all in network order. */
__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum)
{
	u64 s = sum;

	s += saddr;
	s += daddr;
	s += htons((u16)len) + (htons(proto) & 0xffff);
	while (s >> 32)
		s = (s & 0xffffffff) + (s >> 32);
	return (__wsum)s;
}

__wsum csum_partial_copy_nocheck(const void *src, void *dst, int len)
{
	memcpy(dst, src, len);
	return csum_partial(dst, len, 0);
}

char *in_ntoa(char *buf, __be32 addr)
{
	const u8 *b = (const u8 *)&addr;

	sprintf(buf, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
}

/* Strict dotted quad: four decimal parts 0..255, ended by delim, srclen or NUL. */
int in4_pton(const char *src, int srclen, u8 *dst, int delim, const char **end)
{
	const char *s = src;
	const char *limit = srclen < 0 ? (const char *)-1 : src + srclen;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned int v = 0;
		int digits = 0;

		while (s < limit && *s >= '0' && *s <= '9' && digits < 4) {
			v = v * 10 + (*s++ - '0');
			digits++;
		}
		if (!digits || digits > 3 || v > 255)
			return 0;
		dst[i] = v;
		if (i < 3) {
			if (s >= limit || *s != '.')
				return 0;
			s++;
		}
	}
	if (s < limit && *s && *s != delim)
		return 0;
	if (end)
		*end = s;
	return 1;
}

__be32 in_aton(const char *str)
{
	__be32 addr = 0;

	if (!in4_pton(str, -1, (u8 *)&addr, -1, NULL))
		return 0;
	return addr;
}
