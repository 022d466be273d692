/* Private to libc: the FILE structure and the helpers the stdio files share. */
#ifndef _LIBC_STDIO_IMPL_H
#define _LIBC_STDIO_IMPL_H

#include <stdio.h>

#define F_READ		0x01	/* opened for reading */
#define F_WRITE		0x02	/* opened for writing */
#define F_EOF		0x04
#define F_ERR		0x08
#define F_LBF		0x10	/* line buffered */
#define F_NBF		0x20	/* unbuffered */
#define F_MODE_SET	0x40	/* buffering decided (stdout decides on first use) */
#define F_OWNBUF	0x80	/* buf was malloc'ed by us */

struct __file {
	int fd;
	unsigned int flags;
	unsigned char *buf;
	size_t size;		/* capacity of buf */
	size_t rpos, rend;	/* unread input is buf[rpos..rend) */
	size_t wpos;		/* pending output is buf[0..wpos) */
	int ungot;		/* a byte pushed back by ungetc, or EOF */
	struct __file *next;	/* all open streams, for exit() and fflush(NULL) */
};

void __stdio_flush_all(void);
size_t __fwrite(const void *data, size_t len, FILE *f);
int __fill(FILE *f);

/* Exact decimal digits of a double and their rounding (float_digits.c), for printf. */
int __float_digits(double v, char *digits, int *exp10);
int __round_digits(char *d, int len, int n, int *exp10);

/* The one printf engine: emit(ctx, bytes, n) receives the output in pieces. */
typedef void (*__emit_fn)(void *ctx, const char *s, size_t n);
int __vformat(__emit_fn emit, void *ctx, const char *fmt, va_list ap);

#endif
