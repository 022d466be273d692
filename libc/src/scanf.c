/*
 * sscanf: conversions d i u o x X f e g c s [set] n %, with width, '*' suppression and length
 * hh h l ll z j (%f stores a float, %lf a double). Whitespace in the format matches any amount of input whitespace. Returns the number of
 * assignments, or EOF if input ended before the first conversion.
 */
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <stdint.h>

enum { S_NONE, S_HH, S_H, S_L, S_LL };

static void store_int(void *p, int len, uintmax_t v)
{
	switch (len) {
	case S_HH: *(char *)p = (char)v; break;
	case S_H: *(short *)p = (short)v; break;
	case S_L: *(long *)p = (long)v; break;
	case S_LL: *(long long *)p = (long long)v; break;
	default: *(int *)p = (int)v; break;
	}
}

/* Does c belong to the scanset starting after '[' (at set), ending at *end (the ']')? */
static int in_set(const char *set, const char *end, unsigned char c)
{
	int neg = *set == '^', hit = 0;
	const char *p = set + neg;

	if (*p == ']') {	/* a leading ']' is a member */
		hit |= c == ']';
		p++;
	}
	for (; p < end; p++) {
		if (p[1] == '-' && p + 2 < end) {
			hit |= c >= (unsigned char)p[0] && c <= (unsigned char)p[2];
			p += 2;
		} else {
			hit |= c == (unsigned char)*p;
		}
	}
	return hit != neg;
}

/*
 * A numeric field (at most width characters, 0: no limit) copied into buf for strtol/strtod,
 * never reading past the end of s: the input may end right before unmapped memory.
 */
static void copy_field(char *buf, size_t size, const char *s, int width)
{
	size_t n = width > 0 && (size_t)width < size ? (size_t)width : size - 1;

	n = strnlen(s, n);
	memcpy(buf, s, n);
	buf[n] = '\0';
}

int vsscanf(const char *restrict str, const char *restrict fmt, va_list ap)
{
	const char *s = str, *setend = NULL;
	char numbuf[72], *end, *dst;
	int count = 0, eof = 0, width, suppress, len, base, i;
	uintmax_t v;
	char c;

	while (*fmt) {
		if (isspace((unsigned char)*fmt)) {
			while (isspace((unsigned char)*fmt))
				fmt++;
			while (isspace((unsigned char)*s))
				s++;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			if (*fmt == '%') {
				fmt++;
				while (isspace((unsigned char)*s))
					s++;
			}
			if (*s != *fmt) {
				eof = !*s;
				goto out;
			}
			s++;
			fmt++;
			continue;
		}
		fmt++;
		suppress = *fmt == '*';
		if (suppress)
			fmt++;
		width = 0;
		while (isdigit((unsigned char)*fmt))
			width = width * 10 + (*fmt++ - '0');
		len = S_NONE;
		if (*fmt == 'h') {
			len = fmt[1] == 'h' ? S_HH : S_H;
			fmt += len == S_HH ? 2 : 1;
		} else if (*fmt == 'l') {
			len = fmt[1] == 'l' ? S_LL : S_L;
			fmt += len == S_LL ? 2 : 1;
		} else if (*fmt == 'z' || *fmt == 'j' || *fmt == 't') {
			len = S_L;
			fmt++;
		}
		c = *fmt++;
		if (c != 'c' && c != '[' && c != 'n')
			while (isspace((unsigned char)*s))
				s++;
		if (!*s && c != 'n') {
			eof = 1;
			goto out;
		}

		switch (c) {
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
			base = c == 'd' || c == 'u' ? 10 : c == 'i' ? 0 : c == 'o' ? 8 : 16;
			copy_field(numbuf, sizeof(numbuf), s, width);
			if (c == 'd' || c == 'i')
				v = (uintmax_t)strtoll(numbuf, &end, base);
			else
				v = strtoull(numbuf, &end, base);
			if (end == numbuf)
				goto out;
			s += end - numbuf;
			if (!suppress) {
				store_int(va_arg(ap, void *), len, v);
				count++;
			}
			break;
		case 'f': case 'e': case 'g': case 'E': case 'G': case 'a': {
			double d;

			copy_field(numbuf, sizeof(numbuf), s, width);
			d = strtod(numbuf, &end);
			if (end == numbuf)
				goto out;
			s += end - numbuf;
			if (!suppress) {
				if (len == S_L || len == S_LL)
					*va_arg(ap, double *) = d;
				else
					*va_arg(ap, float *) = (float)d;
				count++;
			}
			break;
		}
		case 'c':
			if (!width)
				width = 1;
			dst = suppress ? NULL : va_arg(ap, char *);
			for (i = 0; i < width; i++) {
				if (!*s)
					goto out;
				if (dst)
					dst[i] = *s;
				s++;
			}
			count += !suppress;
			break;
		case 's':
		case '[':
			if (c == '[') {
				setend = strchr(fmt + (*fmt == '^') + 1, ']');
				if (!setend)
					goto out;
			}
			dst = suppress ? NULL : va_arg(ap, char *);
			for (i = 0; *s && (!width || i < width); i++, s++) {
				if (c == 's' ? isspace((unsigned char)*s) : !in_set(fmt, setend, (unsigned char)*s))
					break;
				if (dst)
					dst[i] = *s;
			}
			if (c == '[')
				fmt = setend + 1;
			if (!i)
				goto out;
			if (dst) {
				dst[i] = '\0';
				count++;
			}
			break;
		case 'n':
			if (!suppress)
				store_int(va_arg(ap, void *), len, (uintmax_t)(s - str));
			break;
		default:
			goto out;
		}
	}
out:
	/* Input ran out before any conversion: EOF, as C11 7.21.6.2 says. */
	return eof && count == 0 ? EOF : count;
}

int sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(s, fmt, ap);
	va_end(ap);
	return n;
}
