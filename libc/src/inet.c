/*
 * Address text conversions (arpa/inet.h): strict dotted quads for inet_pton, the classic forms
 * (a, a.b, a.b.c, hex/octal parts) for inet_aton as BSD and glibc accept them, and IPv6 text
 * (RFC 4291 2.2 input, RFC 5952 output) for inet_pton/inet_ntop with AF_INET6.
 */
#include <arpa/inet.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>

/* inet_pton (POSIX): exactly four decimal parts 0-255; like glibc, "01" (a leading zero) is rejected. */
static int pton4(const char *s, unsigned char out[4])
{
	int parts = 0, digits;
	unsigned int v;

	while (parts < 4) {
		v = 0;
		digits = 0;
		while (isdigit((unsigned char)*s)) {
			if (digits && v == 0)
				return 0;	/* leading zero */
			v = v * 10 + (unsigned int)(*s++ - '0');
			if (++digits > 3 || v > 255)
				return 0;
		}
		if (!digits)
			return 0;
		out[parts++] = (unsigned char)v;
		if (parts < 4 && *s++ != '.')
			return 0;
	}
	return *s == '\0';
}

static int hexval(int c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int pton6(const char *s, unsigned char out[16])
{
	unsigned char buf[16] = { 0 };
	int n = 0, gap = -1, digits, h, i;
	unsigned int v;

	if (s[0] == ':' && s[1] != ':')
		return 0;
	if (s[0] == ':' && s[1] == ':') {
		gap = 0;
		s += 2;
		if (!*s)
			goto done;
	}
	for (;;) {
		if (n == 16)
			return 0;
		/* An embedded IPv4 address ends the text. */
		if (n <= 12 && strchr(s, '.') && !strchr(s, ':')) {
			if (!pton4(s, buf + n))
				return 0;
			n += 4;
			break;
		}
		v = 0;
		digits = 0;
		while ((h = hexval((unsigned char)*s)) >= 0) {
			v = (v << 4) | (unsigned int)h;
			if (++digits > 4)
				return 0;
			s++;
		}
		if (!digits)
			return 0;
		buf[n++] = (unsigned char)(v >> 8);
		buf[n++] = (unsigned char)v;
		if (!*s)
			break;
		if (*s++ != ':')
			return 0;
		if (*s == ':') {
			if (gap >= 0)
				return 0;	/* two "::" */
			gap = n;
			s++;
			if (!*s)
				break;
		} else if (!*s) {
			return 0;		/* trailing single ':' */
		}
	}
done:
	if (gap >= 0) {
		if (n == 16)
			return 0;
		for (i = 0; i < n - gap; i++)
			buf[15 - i] = buf[n - 1 - i];
		memset(buf + gap, 0, (size_t)(16 - n));
	} else if (n != 16) {
		return 0;
	}
	memcpy(out, buf, 16);
	return 1;
}

int inet_pton(int af, const char *restrict src, void *restrict dst)
{
	if (af == AF_INET)
		return pton4(src, dst);
	if (af == AF_INET6)
		return pton6(src, dst);
	errno = EAFNOSUPPORT;
	return -1;
}

static const char *ntop6(const unsigned char *a, char *dst, socklen_t size)
{
	char buf[INET6_ADDRSTRLEN], *p = buf;
	int best = -1, bestlen = 0, cur = -1, curlen = 0, i;
	unsigned int w[8];

	for (i = 0; i < 8; i++)
		w[i] = (unsigned int)a[2 * i] << 8 | a[2 * i + 1];
	/* RFC 5952 4.2: the longest run of two or more zero words becomes "::" (the first on a tie). */
	for (i = 0; i < 8; i++) {
		if (!w[i]) {
			if (cur < 0)
				cur = i, curlen = 0;
			if (++curlen > bestlen && curlen >= 2)
				best = cur, bestlen = curlen;
		} else {
			cur = -1;
		}
	}
	for (i = 0; i < 8; i++) {
		if (i == best) {
			*p++ = ':';
			if (i + bestlen == 8)
				*p++ = ':';
			i += bestlen - 1;
			continue;
		}
		if (i)
			*p++ = ':';
		/* ::ffff:a.b.c.d and ::a.b.c.d keep the IPv4 form (RFC 5952 5). */
		if (i == 6 && best == 0 && (bestlen == 6 || (bestlen == 5 && w[5] == 0xffff))) {
			p += sprintf(p, "%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
			break;
		}
		p += sprintf(p, "%x", w[i]);
	}
	*p = '\0';
	if ((size_t)(p - buf) + 1 > size) {
		errno = ENOSPC;
		return NULL;
	}
	return memcpy(dst, buf, (size_t)(p - buf) + 1);
}

const char *inet_ntop(int af, const void *restrict src, char *restrict dst, socklen_t size)
{
	const unsigned char *a = src;
	char buf[INET_ADDRSTRLEN];
	int n;

	if (af == AF_INET6)
		return ntop6(a, dst, size);
	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	n = snprintf(buf, sizeof(buf), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	if ((socklen_t)n + 1 > size) {
		errno = ENOSPC;
		return NULL;
	}
	return memcpy(dst, buf, (size_t)n + 1);
}

/* inet_aton: 1 to 4 parts, each decimal, 0x hex or 0 octal; the last part fills the remaining bytes. */
int inet_aton(const char *cp, struct in_addr *inp)
{
	unsigned long parts[4], v;
	char *end;
	int n = 0;

	for (;;) {
		if (!isdigit((unsigned char)*cp))
			return 0;
		errno = 0;
		v = strtoul(cp, &end, 0);
		if (errno == ERANGE || v > 0xffffffffUL)
			return 0;
		parts[n++] = v;
		cp = end;
		if (*cp != '.')
			break;
		if (n == 4)
			return 0;
		cp++;
	}
	if (*cp && !isspace((unsigned char)*cp))
		return 0;
	switch (n) {
	case 1:
		v = parts[0];
		break;
	case 2:
		if (parts[0] > 0xff || parts[1] > 0xffffff)
			return 0;
		v = parts[0] << 24 | parts[1];
		break;
	case 3:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff)
			return 0;
		v = parts[0] << 24 | parts[1] << 16 | parts[2];
		break;
	default:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xff || parts[3] > 0xff)
			return 0;
		v = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3];
		break;
	}
	if (inp)
		inp->s_addr = htonl((uint32_t)v);
	return 1;
}

in_addr_t inet_addr(const char *cp)
{
	struct in_addr a;

	return inet_aton(cp, &a) ? a.s_addr : (in_addr_t)INADDR_NONE;
}

in_addr_t inet_network(const char *cp)
{
	struct in_addr a;

	return inet_aton(cp, &a) ? ntohl(a.s_addr) : (in_addr_t)INADDR_NONE;
}

char *inet_ntoa(struct in_addr in)
{
	static char buf[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &in, buf, sizeof(buf));
}
