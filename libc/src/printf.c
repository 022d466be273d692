/*
 * The printf engine and its front ends. __vformat parses C99 conversions (flags "-+ #0", width and
 * precision with '*', length hh h l ll z t j L, conversions d i u o x X c s p n % f F e E g G a A) and
 * hands output in pieces to an emit callback: a FILE, a bounded string, or a file descriptor.
 */
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

#define FL_LEFT		0x01
#define FL_PLUS		0x02
#define FL_SPACE	0x04
#define FL_ALT		0x08
#define FL_ZERO		0x10

struct spec {
	unsigned int flags;
	int width;
	int prec;	/* -1: none given */
};

struct out {
	__emit_fn emit;
	void *ctx;
	int count;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (n) {
		o->emit(o->ctx, s, n);
		o->count += (int)n;
	}
}

static void pad(struct out *o, char c, int n)
{
	char buf[32];
	int k;

	memset(buf, c, sizeof(buf));
	for (; n > 0; n -= k) {
		k = n < (int)sizeof(buf) ? n : (int)sizeof(buf);
		put(o, buf, (size_t)k);
	}
}

/*
 * Emit prefix (sign or 0x), then zeros up to the precision, then the digits, padded to the width
 * on the left with spaces (or zeros with '0'), or on the right with '-'.
 */
static void emit_number(struct out *o, const struct spec *sp, const char *prefix, const char *digits,
			int ndigits, int zeros)
{
	int plen = (int)strlen(prefix);
	int body = plen + zeros + ndigits;
	int fill = sp->width > body ? sp->width - body : 0;

	if (!(sp->flags & FL_LEFT) && !(sp->flags & FL_ZERO))
		pad(o, ' ', fill);
	put(o, prefix, (size_t)plen);
	if (!(sp->flags & FL_LEFT) && (sp->flags & FL_ZERO))
		pad(o, '0', fill);
	pad(o, '0', zeros);
	put(o, digits, (size_t)ndigits);
	if (sp->flags & FL_LEFT)
		pad(o, ' ', fill);
}

static void format_int(struct out *o, struct spec sp, uintmax_t v, int neg, int base, int upper, int is_ptr)
{
	const char *xdigits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[32], *end = buf + sizeof(buf), *p = end;
	char prefix[4] = "";
	int n, zeros;

	while (v) {
		*--p = xdigits[v % (unsigned int)base];
		v /= (unsigned int)base;
	}
	/* Precision 0 with value 0 prints no digits (C11 7.21.6.1). */
	if (p == end && sp.prec != 0)
		*--p = '0';
	n = (int)(end - p);

	if (neg)
		strcpy(prefix, "-");
	else if (sp.flags & FL_PLUS)
		strcpy(prefix, "+");
	else if (sp.flags & FL_SPACE)
		strcpy(prefix, " ");
	if (((sp.flags & FL_ALT) || is_ptr) && base == 16 && (p < end && !(n == 1 && *p == '0' && !is_ptr)))
		strcat(prefix, upper ? "0X" : "0x");

	zeros = sp.prec > n ? sp.prec - n : 0;
	if ((sp.flags & FL_ALT) && base == 8 && !zeros && (p == end || *p != '0'))
		zeros = 1;
	if (sp.prec >= 0)
		sp.flags &= ~FL_ZERO;	/* a precision overrides the 0 flag for integers */
	emit_number(o, &sp, prefix, p, n, zeros);
}

static void format_string(struct out *o, const struct spec *sp, const char *s)
{
	size_t n;
	int fill;

	if (!s)
		s = "(null)";
	n = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
	fill = sp->width > (int)n ? sp->width - (int)n : 0;
	if (!(sp->flags & FL_LEFT))
		pad(o, ' ', fill);
	put(o, s, n);
	if (sp->flags & FL_LEFT)
		pad(o, ' ', fill);
}

/*
 * %f %e %g from the exact decimal digits of the value (float_digits.c), rounded half to even on
 * exact ties, so the output is what glibc prints. long double arguments are printed as double.
 */
#define FLT_MAX_PREC	1100		/* digits after the point; a double has at most 767 significant */

static void format_float(struct out *o, struct spec sp, double v, char conv)
{
	char d[FLT_MAX_PREC + 400], buf[FLT_MAX_PREC + 400], *q = buf;
	char prefix[2] = "";
	char c = (char)(conv | 0x20);	/* lower case */
	int upper = conv != c, prec = sp.prec < 0 ? 6 : sp.prec, strip = 0;
	int len = 0, exp10 = 0, e, i;

	if (__builtin_signbit(v))
		prefix[0] = '-';
	else if (sp.flags & FL_PLUS)
		prefix[0] = '+';
	else if (sp.flags & FL_SPACE)
		prefix[0] = ' ';
	if (v != v || __builtin_isinf(v)) {
		sp.flags &= ~FL_ZERO;
		emit_number(o, &sp, prefix, v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3, 0);
		return;
	}
	if (prec > FLT_MAX_PREC)
		prec = FLT_MAX_PREC;
	if (v != 0)
		len = __float_digits(v, d, &exp10);

	if (c == 'g') {
		/* P significant digits; the exponent after rounding picks the style (C11 7.21.6.1). */
		int p = prec ? prec : 1;

		len = __round_digits(d, len, p, &exp10);
		if (!len)
			exp10 = 0;
		if (exp10 < -4 || exp10 >= p) {
			c = 'e';
			prec = p - 1;
		} else {
			c = 'f';
			prec = p - 1 - exp10;
		}
		strip = !(sp.flags & FL_ALT);
	}

	if (c == 'e') {
		len = __round_digits(d, len, prec + 1, &exp10);
		if (!len)
			exp10 = 0;
		*q++ = len ? d[0] : '0';
		if (prec || (sp.flags & FL_ALT))
			*q++ = '.';
		for (i = 1; i <= prec; i++)
			*q++ = i < len ? d[i] : '0';
		if (strip && prec) {
			while (q[-1] == '0')
				q--;
			if (q[-1] == '.')
				q--;
		}
		*q++ = upper ? 'E' : 'e';
		*q++ = exp10 < 0 ? '-' : '+';
		e = exp10 < 0 ? -exp10 : exp10;
		if (e >= 100)
			*q++ = (char)('0' + e / 100);
		*q++ = (char)('0' + e / 10 % 10);
		*q++ = (char)('0' + e % 10);
	} else {
		/* Digit i of d sits at decimal position exp10 - i (0 = units). */
		len = __round_digits(d, len, exp10 + 1 + prec, &exp10);
		if (!len)
			exp10 = -1;
		if (exp10 < 0)
			*q++ = '0';
		for (i = 0; i <= exp10; i++)
			*q++ = i < len ? d[i] : '0';
		if (prec || (sp.flags & FL_ALT))
			*q++ = '.';
		for (i = exp10 + 1; i <= exp10 + prec; i++)
			*q++ = i >= 0 && i < len ? d[i] : '0';
		if (strip && prec) {
			while (q[-1] == '0')
				q--;
			if (q[-1] == '.')
				q--;
		}
	}
	emit_number(o, &sp, prefix, buf, (int)(q - buf), 0);
}

/* %a: C99 hexadecimal floating point, "0x1.8p+1" for 3.0; exact, so no decimal rounding involved. */
static void format_hexfloat(struct out *o, struct spec sp, double v, int upper)
{
	union { double d; uint64_t u; } bits = { .d = v };
	const char *xdigits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	uint64_t mant = bits.u & ((1ULL << 52) - 1);
	int exp = (int)((bits.u >> 52) & 0x7ff), lead = 1, ndig = 13, i;
	char buf[64], *q = buf, prefix[4] = "";

	if (bits.u >> 63)
		strcpy(prefix, "-");
	else if (sp.flags & FL_PLUS)
		strcpy(prefix, "+");
	else if (sp.flags & FL_SPACE)
		strcpy(prefix, " ");
	if (exp == 0x7ff) {
		sp.flags &= ~FL_ZERO;
		emit_number(o, &sp, prefix, mant ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3, 0);
		return;
	}
	if (exp == 0) {
		lead = 0;			/* zero or subnormal */
		exp = mant ? -1022 : 0;
	} else {
		exp -= 1023;
	}
	if (sp.prec >= 0 && sp.prec < 13) {
		/* Round the 52-bit fraction to prec hex digits, half to even. */
		int drop = (13 - sp.prec) * 4;
		uint64_t half = 1ULL << (drop - 1), rest = mant & ((1ULL << drop) - 1);

		mant >>= drop;
		/* The last digit kept is the leading one when no fraction digits are. */
		if (rest > half || (rest == half && ((sp.prec ? mant : (uint64_t)lead) & 1)))
			mant++;
		if (mant >> (sp.prec * 4)) {	/* carried into the leading digit */
			mant &= (1ULL << (sp.prec * 4)) - 1;
			lead++;
		}
		ndig = sp.prec;
	} else if (sp.prec < 0) {
		while (ndig && !(mant & 15)) {
			mant >>= 4;
			ndig--;
		}
	}
	strcat(prefix, upper ? "0X" : "0x");
	*q++ = (char)('0' + lead);
	if (ndig || (sp.flags & FL_ALT))
		*q++ = '.';
	for (i = ndig - 1; i >= 0; i--)
		*q++ = xdigits[(mant >> (4 * i)) & 15];
	for (i = 13; i < sp.prec; i++)
		*q++ = '0';
	q += sprintf(q, "%c%+d", upper ? 'P' : 'p', exp);
	emit_number(o, &sp, prefix, buf, (int)(q - buf), 0);
}

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J, LEN_BIGL };

int __vformat(__emit_fn emit, void *ctx, const char *fmt, va_list ap)
{
	struct out o = { emit, ctx, 0 };
	struct spec sp;
	const char *start;
	uintmax_t u;
	intmax_t s;
	int len, base;
	char c;

	while (*fmt) {
		start = fmt;
		while (*fmt && *fmt != '%')
			fmt++;
		put(&o, start, (size_t)(fmt - start));
		if (!*fmt)
			break;
		start = fmt++;

		sp.flags = 0;
		sp.width = 0;
		sp.prec = -1;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.flags |= FL_LEFT;
			else if (*fmt == '+')
				sp.flags |= FL_PLUS;
			else if (*fmt == ' ')
				sp.flags |= FL_SPACE;
			else if (*fmt == '#')
				sp.flags |= FL_ALT;
			else if (*fmt == '0')
				sp.flags |= FL_ZERO;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.flags |= FL_LEFT;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = sp.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			sp.prec = 0;
			if (*fmt == '*') {
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.prec = sp.prec * 10 + (*fmt++ - '0');
			}
		}
		if (sp.flags & FL_LEFT)
			sp.flags &= ~FL_ZERO;

		len = LEN_NONE;
		switch (*fmt) {
		case 'h':
			len = fmt[1] == 'h' ? LEN_HH : LEN_H;
			fmt += len == LEN_HH ? 2 : 1;
			break;
		case 'l':
			len = fmt[1] == 'l' ? LEN_LL : LEN_L;
			fmt += len == LEN_LL ? 2 : 1;
			break;
		case 'q':
			len = LEN_LL;
			fmt++;
			break;
		case 'z':
			len = LEN_Z;
			fmt++;
			break;
		case 't':
			len = LEN_T;
			fmt++;
			break;
		case 'j':
			len = LEN_J;
			fmt++;
			break;
		case 'L':
			len = LEN_BIGL;
			fmt++;
			break;
		}

		c = *fmt++;
		switch (c) {
		case 'd':
		case 'i':
			switch (len) {
			case LEN_HH: s = (signed char)va_arg(ap, int); break;
			case LEN_H: s = (short)va_arg(ap, int); break;
			case LEN_L: s = va_arg(ap, long); break;
			case LEN_LL: s = va_arg(ap, long long); break;
			case LEN_Z: s = va_arg(ap, ssize_t); break;
			case LEN_T: s = va_arg(ap, ptrdiff_t); break;
			case LEN_J: s = va_arg(ap, intmax_t); break;
			default: s = va_arg(ap, int); break;
			}
			format_int(&o, sp, s < 0 ? -(uintmax_t)s : (uintmax_t)s, s < 0, 10, 0, 0);
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			switch (len) {
			case LEN_HH: u = (unsigned char)va_arg(ap, unsigned int); break;
			case LEN_H: u = (unsigned short)va_arg(ap, unsigned int); break;
			case LEN_L: u = va_arg(ap, unsigned long); break;
			case LEN_LL: u = va_arg(ap, unsigned long long); break;
			case LEN_Z: u = va_arg(ap, size_t); break;
			case LEN_T: u = (uintmax_t)va_arg(ap, ptrdiff_t); break;
			case LEN_J: u = va_arg(ap, uintmax_t); break;
			default: u = va_arg(ap, unsigned int); break;
			}
			base = c == 'u' ? 10 : c == 'o' ? 8 : 16;
			sp.flags &= ~(FL_PLUS | FL_SPACE);
			format_int(&o, sp, u, 0, base, c == 'X', 0);
			break;
		case 'p':
			u = (uintptr_t)va_arg(ap, void *);
			if (!u) {
				sp.prec = -1;
				format_string(&o, &sp, "(nil)");
				break;
			}
			format_int(&o, sp, u, 0, 16, 0, 1);
			break;
		case 'c': {
			char ch = (char)va_arg(ap, int);
			int fill = sp.width > 1 ? sp.width - 1 : 0;

			if (!(sp.flags & FL_LEFT))
				pad(&o, ' ', fill);
			put(&o, &ch, 1);
			if (sp.flags & FL_LEFT)
				pad(&o, ' ', fill);
			break;
		}
		case 's':
			format_string(&o, &sp, va_arg(ap, const char *));
			break;
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
			format_float(&o, sp, len == LEN_BIGL ? (double)va_arg(ap, long double) : va_arg(ap, double), c);
			break;
		case 'a':
		case 'A':
			format_hexfloat(&o, sp, len == LEN_BIGL ? (double)va_arg(ap, long double) : va_arg(ap, double),
					c == 'A');
			break;
		case 'n':
			switch (len) {
			case LEN_HH: *va_arg(ap, signed char *) = (signed char)o.count; break;
			case LEN_H: *va_arg(ap, short *) = (short)o.count; break;
			case LEN_L: *va_arg(ap, long *) = o.count; break;
			case LEN_LL: *va_arg(ap, long long *) = o.count; break;
			case LEN_Z: *va_arg(ap, ssize_t *) = o.count; break;
			default: *va_arg(ap, int *) = o.count; break;
			}
			break;
		case '%':
			put(&o, "%", 1);
			break;
		default:
			/* Unknown conversion: print it as written, like glibc. */
			if (!c)
				fmt--;
			put(&o, start, (size_t)(fmt - start));
			break;
		}
	}
	return o.count;
}

/* Front ends. */

static void emit_file(void *ctx, const char *s, size_t n)
{
	__fwrite(s, n, ctx);
}

/*
 * An unbuffered stream (stderr) still gets each printf as one write(): format into a buffer on
 * the stack first, so a message is not split into pieces among other output on the console.
 */
static int vfprintf_unbuffered(FILE *f, const char *fmt, va_list ap)
{
	unsigned char tmp[512], *buf = f->buf;
	size_t size = f->size;
	int n;

	f->buf = tmp;
	f->size = sizeof(tmp);
	f->flags &= ~F_NBF;
	n = __vformat(emit_file, f, fmt, ap);
	fflush(f);
	f->flags |= F_NBF;
	f->buf = buf;
	f->size = size;
	return n;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	unsigned int err = f->flags & F_ERR;	/* an error from before this call */
	int n;

	f->flags &= ~F_ERR;
	if ((f->flags & F_NBF) && !f->wpos)
		n = vfprintf_unbuffered(f, fmt, ap);
	else
		n = __vformat(emit_file, f, fmt, ap);
	if (ferror(f))
		return -1;
	f->flags |= err;
	return n;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

struct strbuf {
	char *buf;
	size_t size;	/* capacity including the NUL */
	size_t len;	/* characters stored */
};

static void emit_str(void *ctx, const char *s, size_t n)
{
	struct strbuf *b = ctx;
	size_t room;

	if (b->len + 1 < b->size) {
		room = b->size - 1 - b->len;
		if (room > n)
			room = n;
		memcpy(b->buf + b->len, s, room);
		b->len += room;
	}
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
{
	struct strbuf b = { buf, size, 0 };
	int n = __vformat(emit_str, &b, fmt, ap);

	if (size)
		buf[b.len] = '\0';
	return n;
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX / 2, fmt, ap);
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}

int vasprintf(char **restrict out, const char *restrict fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	*out = NULL;
	if (n < 0)
		return -1;
	*out = malloc((size_t)n + 1);
	if (!*out)
		return -1;
	return vsnprintf(*out, (size_t)n + 1, fmt, ap);
}

int asprintf(char **restrict out, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(out, fmt, ap);
	va_end(ap);
	return n;
}

/* dprintf: format into a small buffer, written out whenever it fills. */
struct fdbuf {
	int fd;
	int err;
	size_t len;
	char buf[256];
};

static void fdbuf_flush(struct fdbuf *b)
{
	size_t off = 0;
	ssize_t n;

	while (off < b->len) {
		n = write(b->fd, b->buf + off, b->len - off);
		if (n <= 0) {
			b->err = 1;
			break;
		}
		off += (size_t)n;
	}
	b->len = 0;
}

static void emit_fd(void *ctx, const char *s, size_t n)
{
	struct fdbuf *b = ctx;
	size_t k;

	while (n) {
		if (b->len == sizeof(b->buf))
			fdbuf_flush(b);
		k = sizeof(b->buf) - b->len;
		if (k > n)
			k = n;
		memcpy(b->buf + b->len, s, k);
		b->len += k;
		s += k;
		n -= k;
	}
}

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	struct fdbuf b;
	int n;

	b.fd = fd;
	b.err = 0;
	b.len = 0;
	n = __vformat(emit_fd, &b, fmt, ap);
	fdbuf_flush(&b);
	return b.err ? -1 : n;
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}
