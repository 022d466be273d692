/*
 * printf-style formatting for printk, snprintf and seq_printf: vsnprintf is the one formatter.
 * Conversions: %d %i %u %x %X %o %c %s %p %%, flags "-0+ #", width and precision (also "*"),
 * length modifiers hh h l ll z t. As in Linux, %p has extensions used by net/:
 *   %pI4  an IPv4 address stored in network order (pass a pointer to the __be32): 10.0.2.15
 *   %pM   a MAC address (pointer to 6 bytes): 52:54:00:12:34:56
 * Plain %p prints the pointer in hex (no hashing: this is a teaching kernel, students compare
 * pointers with gdb), "(null)" for NULL.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <stdarg.h>

#define FL_LEFT		0x01
#define FL_PLUS		0x02
#define FL_SPACE	0x04
#define FL_ZERO		0x08
#define FL_ALT		0x10
#define FL_UPPER	0x20
#define FL_SIGNED	0x40

struct out {
	char *buf;
	size_t size;
	size_t pos;		/* characters produced so far, also those past size */
};

static void put_char(struct out *o, char c)
{
	if (o->pos + 1 < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

/* A string field: width, precision (maximum length) and left alignment. */
static void put_str(struct out *o, const char *s, int width, int precision, unsigned int flags)
{
	int len = (int)strnlen(s, precision < 0 ? (size_t)-1 : (size_t)precision);

	if (!(flags & FL_LEFT))
		put_pad(o, ' ', width - len);
	for (int i = 0; i < len; i++)
		put_char(o, s[i]);
	if (flags & FL_LEFT)
		put_pad(o, ' ', width - len);
}

static void put_num(struct out *o, unsigned long long num, unsigned int base, int width,
		    int precision, unsigned int flags)
{
	const char *digits = (flags & FL_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	char sign = 0;
	const char *prefix = "";
	int n = 0, zeros, prefix_len;

	if (flags & FL_SIGNED) {
		if ((long long)num < 0) {
			sign = '-';
			num = 0ULL - num;	/* unsigned: LLONG_MIN negates without overflow */
		} else if (flags & FL_PLUS) {
			sign = '+';
		} else if (flags & FL_SPACE) {
			sign = ' ';
		}
	}
	if ((flags & FL_ALT) && num) {
		if (base == 16)
			prefix = (flags & FL_UPPER) ? "0X" : "0x";
		else if (base == 8)
			prefix = "0";
	}
	/* C: precision 0 with value 0 prints no digits. */
	if (num || precision != 0) {
		do {
			tmp[n++] = digits[num % base];
			num /= base;
		} while (num);
	}
	zeros = precision > n ? precision - n : 0;
	prefix_len = (int)strlen(prefix) + (sign ? 1 : 0);
	/* The 0 flag pads with zeros after the sign, unless a precision or '-' is given. */
	if ((flags & FL_ZERO) && !(flags & FL_LEFT) && precision < 0) {
		int fill = width - prefix_len - n;

		if (fill > zeros)
			zeros = fill;
	}
	width -= prefix_len + zeros + n;
	if (!(flags & FL_LEFT))
		put_pad(o, ' ', width);
	if (sign)
		put_char(o, sign);
	for (; *prefix; prefix++)
		put_char(o, *prefix);
	put_pad(o, '0', zeros);
	while (n)
		put_char(o, tmp[--n]);
	if (flags & FL_LEFT)
		put_pad(o, ' ', width);
}

/* %pI4 and %pM, formatted into a small buffer and then padded like a string. */
static const char *format_pointer(const char **fmtp, const void *ptr, char *tmp, size_t len)
{
	const char *fmt = *fmtp;
	const unsigned char *b = ptr;

	if (fmt[0] == 'I' && fmt[1] == '4') {
		*fmtp += 2;
		if (!ptr)
			return "(null)";
		snprintf(tmp, len, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
		return tmp;
	}
	if (fmt[0] == 'M') {
		*fmtp += 1;
		if (!ptr)
			return "(null)";
		snprintf(tmp, len, "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
		return tmp;
	}
	return NULL;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .pos = 0 };

	for (; *fmt; fmt++) {
		unsigned int flags = 0, base = 10;
		int width = -1, precision = -1, qualifier = 0;
		unsigned long long num;
		char tmp[32];

		if (*fmt != '%') {
			put_char(&o, *fmt);
			continue;
		}
		for (;;) {
			fmt++;
			if (*fmt == '-')
				flags |= FL_LEFT;
			else if (*fmt == '+')
				flags |= FL_PLUS;
			else if (*fmt == ' ')
				flags |= FL_SPACE;
			else if (*fmt == '0')
				flags |= FL_ZERO;
			else if (*fmt == '#')
				flags |= FL_ALT;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				flags |= FL_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			for (width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
				width = width * 10 + (*fmt - '0');
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				precision = va_arg(args, int);
				fmt++;
			} else {
				for (precision = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
					precision = precision * 10 + (*fmt - '0');
			}
			if (precision < 0)
				precision = -1;
		}
		if (*fmt == 'h') {
			qualifier = 'h';
			if (*++fmt == 'h') {
				qualifier = 'H';
				fmt++;
			}
		} else if (*fmt == 'l') {
			qualifier = 'l';
			if (*++fmt == 'l') {
				qualifier = 'L';
				fmt++;
			}
		} else if (*fmt == 'z' || *fmt == 't') {
			qualifier = 'l';
			fmt++;
		}

		switch (*fmt) {
		case 'c':
			tmp[0] = (char)va_arg(args, int);
			tmp[1] = '\0';
			if (!(flags & FL_LEFT))
				put_pad(&o, ' ', width - 1);
			put_char(&o, tmp[0]);
			if (flags & FL_LEFT)
				put_pad(&o, ' ', width - 1);
			continue;
		case 's': {
			const char *s = va_arg(args, const char *);

			put_str(&o, s ? s : "(null)", width, precision, flags);
			continue;
		}
		case 'p': {
			const void *ptr = va_arg(args, const void *);
			const char *fmtp = fmt + 1;
			const char *s = format_pointer(&fmtp, ptr, tmp, sizeof(tmp));

			if (s) {
				put_str(&o, s, width, -1, flags);
				fmt = fmtp - 1;
				continue;
			}
			if (!ptr) {
				put_str(&o, "(null)", width, -1, flags);	/* as Linux prints it */
				continue;
			}
			put_num(&o, (unsigned long)ptr, 16, width, precision, flags | FL_ALT);
			continue;
		}
		case '%':
			put_char(&o, '%');
			continue;
		case 'd':
		case 'i':
			flags |= FL_SIGNED;
			break;
		case 'u':
			break;
		case 'X':
			flags |= FL_UPPER;
			/* fall through */
		case 'x':
			base = 16;
			break;
		case 'o':
			base = 8;
			break;
		case '\0':
			fmt--;		/* a lone '%' at the end: stop */
			continue;
		default:
			/* Unknown conversion: print it as is so the mistake is visible. */
			put_char(&o, '%');
			put_char(&o, *fmt);
			continue;
		}

		if (flags & FL_SIGNED) {
			if (qualifier == 'L')
				num = va_arg(args, long long);
			else if (qualifier == 'l')
				num = va_arg(args, long);
			else if (qualifier == 'h')
				num = (short)va_arg(args, int);
			else if (qualifier == 'H')
				num = (signed char)va_arg(args, int);
			else
				num = va_arg(args, int);
		} else {
			if (qualifier == 'L')
				num = va_arg(args, unsigned long long);
			else if (qualifier == 'l')
				num = va_arg(args, unsigned long);
			else if (qualifier == 'h')
				num = (unsigned short)va_arg(args, unsigned int);
			else if (qualifier == 'H')
				num = (unsigned char)va_arg(args, unsigned int);
			else
				num = va_arg(args, unsigned int);
		}
		put_num(&o, num, base, width, precision, flags);
	}
	if (o.size)
		o.buf[o.pos < o.size ? o.pos : o.size - 1] = '\0';
	return (int)o.pos;
}

/* Like vsnprintf, but returns what was actually stored (never more than size - 1). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)(size - 1);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* base 0 picks 16 for "0x", 8 for a leading "0", else 10. */
static const char *parse_base(const char *cp, unsigned int *base)
{
	if (*base == 0) {
		if (cp[0] == '0' && (cp[1] == 'x' || cp[1] == 'X') && digit_value(cp[2]) < 16)
			*base = 16;
		else if (cp[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && cp[0] == '0' && (cp[1] == 'x' || cp[1] == 'X'))
		cp += 2;
	return cp;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long result = 0;
	int d;

	cp = parse_base(cp, &base);
	while ((d = digit_value(*cp)) < (int)base) {
		result = result * base + d;
		cp++;
	}
	if (endp)
		*endp = (char *)cp;
	return result;
}

/* Strict: the whole string (one trailing newline allowed) must be a number that fits. */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long result = 0;
	const char *cp;
	int d;

	if (*s == '+')
		s++;
	cp = parse_base(s, &base);
	if (digit_value(*cp) >= (int)base)
		return -EINVAL;
	while ((d = digit_value(*cp)) < (int)base) {
		result = result * base + d;
		if (result > UINT_MAX)
			return -ERANGE;
		cp++;
	}
	if (*cp == '\n')
		cp++;
	if (*cp)
		return -EINVAL;
	*res = (unsigned int)result;
	return 0;
}
