/*
 * FILE streams: buffering over read()/write(). stdout becomes line buffered when it is a terminal
 * (decided on first use), stderr is unbuffered; before a stream refills its input buffer, pending
 * line-buffered output is flushed, so a prompt printed without '\n' shows before input is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include "stdio_impl.h"

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static struct __file stdin_file = {
	.fd = 0, .flags = F_READ | F_MODE_SET, .buf = stdin_buf, .size = BUFSIZ, .ungot = EOF,
};
static struct __file stdout_file = {
	.fd = 1, .flags = F_WRITE, .buf = stdout_buf, .size = BUFSIZ, .ungot = EOF, .next = &stdin_file,
};
static struct __file stderr_file = {
	.fd = 2, .flags = F_WRITE | F_NBF | F_MODE_SET, .ungot = EOF, .next = &stdout_file,
};

FILE *const stdin = &stdin_file;
FILE *const stdout = &stdout_file;
FILE *const stderr = &stderr_file;

static struct __file *open_files = &stderr_file;

static void decide_mode(FILE *f)
{
	if (f->flags & F_MODE_SET)
		return;
	f->flags |= F_MODE_SET;
	if (isatty(f->fd))
		f->flags |= F_LBF;
}

static int write_all(FILE *f, const unsigned char *p, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(f->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			f->flags |= F_ERR;
			return EOF;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int fflush(FILE *f)
{
	int ret;

	if (!f) {
		__stdio_flush_all();
		return 0;
	}
	if (!f->wpos)
		return 0;
	ret = write_all(f, f->buf, f->wpos);
	f->wpos = 0;
	return ret;
}

void __stdio_flush_all(void)
{
	FILE *f;

	for (f = open_files; f; f = f->next)
		fflush(f);
}

static void flush_line_buffered(void)
{
	FILE *f;

	for (f = open_files; f; f = f->next)
		if ((f->flags & F_LBF) && f->wpos)
			fflush(f);
}

/* Streams from fopen/fdopen get their buffer on first use. */
static int alloc_buffer(FILE *f)
{
	f->buf = malloc(BUFSIZ);
	if (!f->buf)
		return -1;
	f->size = BUFSIZ;
	f->flags |= F_OWNBUF;
	return 0;
}

/* Writing after reading: give back read-ahead so the file offset matches what was consumed. */
static void drop_input(FILE *f)
{
	if (f->rend > f->rpos)
		lseek(f->fd, -(off_t)(f->rend - f->rpos), SEEK_CUR);
	f->rpos = f->rend = 0;
	f->ungot = EOF;
}

size_t __fwrite(const void *data, size_t len, FILE *f)
{
	const unsigned char *p = data;
	size_t room;

	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	decide_mode(f);
	if (f->rend)
		drop_input(f);
	if (!(f->flags & F_NBF) && !f->buf && alloc_buffer(f) < 0)
		f->flags |= F_NBF;	/* no memory for a buffer: write through */
	if (f->flags & F_NBF) {
		if (fflush(f) || write_all(f, p, len))
			return 0;
		return len;
	}
	while (len) {
		if (f->wpos == f->size && fflush(f))
			return 0;
		/* A large write with an empty buffer goes straight out. */
		if (!f->wpos && len >= f->size) {
			if (write_all(f, p, len))
				return 0;
			return (size_t)(p + len - (const unsigned char *)data);
		}
		room = f->size - f->wpos;
		if (room > len)
			room = len;
		memcpy(f->buf + f->wpos, p, room);
		f->wpos += room;
		p += room;
		len -= room;
	}
	if ((f->flags & F_LBF) && memchr(data, '\n', (size_t)(p - (const unsigned char *)data)) && fflush(f))
		return 0;
	return (size_t)(p - (const unsigned char *)data);
}

size_t fwrite(const void *restrict ptr, size_t size, size_t nmemb, FILE *restrict f)
{
	size_t total;

	if (!size || !nmemb)
		return 0;
	if (__builtin_mul_overflow(size, nmemb, &total)) {
		errno = EINVAL;
		return 0;
	}
	return __fwrite(ptr, total, f) / size;
}

/* Refill the input buffer; returns the number of bytes now buffered, 0 at EOF/error. */
int __fill(FILE *f)
{
	ssize_t n;

	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	flush_line_buffered();
	if (f->wpos)
		fflush(f);
	if (!f->buf && alloc_buffer(f) < 0) {
		f->flags |= F_ERR;
		return 0;
	}
	do
		n = read(f->fd, f->buf, f->size);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		f->flags |= n ? F_ERR : F_EOF;
		f->rpos = f->rend = 0;
		return 0;
	}
	f->rpos = 0;
	f->rend = (size_t)n;
	return (int)n;
}

int fgetc(FILE *f)
{
	int c;

	if (f->ungot != EOF) {
		c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if (f->rpos == f->rend && !__fill(f))
		return EOF;
	return f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->flags &= ~F_EOF;
	return (unsigned char)c;
}

size_t fread(void *restrict ptr, size_t size, size_t nmemb, FILE *restrict f)
{
	unsigned char *p = ptr;
	size_t want, got = 0, n;
	int c;

	if (!size || !nmemb || __builtin_mul_overflow(size, nmemb, &want))
		return 0;
	if (want && f->ungot != EOF) {
		c = fgetc(f);
		p[got++] = (unsigned char)c;
	}
	while (got < want) {
		if (f->rpos == f->rend && !__fill(f))
			break;
		n = f->rend - f->rpos;
		if (n > want - got)
			n = want - got;
		memcpy(p + got, f->buf + f->rpos, n);
		f->rpos += n;
		got += n;
	}
	return got / size;
}

char *fgets(char *restrict s, int size, FILE *restrict f)
{
	int i = 0, c;

	if (size <= 0)
		return NULL;
	while (i < size - 1) {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0)
		return NULL;
	s[i] = '\0';
	return s;
}

ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim, FILE *restrict f)
{
	size_t len = 0, ncap;
	char *nl;
	int c;

	if (!line || !cap) {
		errno = EINVAL;
		return -1;
	}
	for (;;) {
		c = fgetc(f);
		if (c == EOF)
			break;
		if (len + 2 > *cap || !*line) {
			ncap = *cap < 64 ? 128 : *cap * 2;
			nl = realloc(*line, ncap);
			if (!nl)
				return -1;
			*line = nl;
			*cap = ncap;
		}
		(*line)[len++] = (char)c;
		if (c == delim)
			break;
	}
	if (!len)
		return -1;
	(*line)[len] = '\0';
	return (ssize_t)len;
}

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	return getdelim(line, cap, '\n', f);
}

int fputc(int c, FILE *f)
{
	unsigned char b = (unsigned char)c;

	return __fwrite(&b, 1, f) == 1 ? b : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);

	return __fwrite(s, n, f) == n ? 0 : EOF;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}

static int mode_flags(const char *mode, unsigned int *fflags)
{
	int oflags;

	switch (mode[0]) {
	case 'r':
		oflags = O_RDONLY;
		*fflags = F_READ;
		break;
	case 'w':
		oflags = O_WRONLY | O_CREAT | O_TRUNC;
		*fflags = F_WRITE;
		break;
	case 'a':
		oflags = O_WRONLY | O_CREAT | O_APPEND;
		*fflags = F_WRITE;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	if (strchr(mode, '+')) {
		oflags = (oflags & ~O_ACCMODE) | O_RDWR;
		*fflags |= F_READ | F_WRITE;
	}
	if (strchr(mode, 'e'))
		oflags |= O_CLOEXEC;
	if (strchr(mode, 'x'))
		oflags |= O_EXCL;
	return oflags;
}

static FILE *new_file(int fd, unsigned int fflags)
{
	FILE *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->fd = fd;
	f->flags = fflags;
	f->ungot = EOF;
	f->next = open_files;
	open_files = f;
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	unsigned int fflags;
	int oflags = mode_flags(mode, &fflags), fd;
	FILE *f;

	if (oflags < 0)
		return NULL;
	fd = open(path, oflags, 0666);
	if (fd < 0)
		return NULL;
	f = new_file(fd, fflags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	unsigned int fflags;

	if (mode_flags(mode, &fflags) < 0)
		return NULL;
	return new_file(fd, fflags);
}

int fclose(FILE *f)
{
	FILE **pp;
	int ret = fflush(f);

	if (close(f->fd) < 0)
		ret = EOF;
	if (f == stdin || f == stdout || f == stderr) {
		f->flags &= ~(F_READ | F_WRITE);
		return ret;
	}
	for (pp = &open_files; *pp; pp = &(*pp)->next) {
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	}
	if (f->flags & F_OWNBUF)
		free(f->buf);
	free(f);
	return ret;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	f->flags &= ~(F_LBF | F_NBF);
	f->flags |= F_MODE_SET;
	if (mode == _IONBF) {
		f->flags |= F_NBF;
		return 0;
	}
	if (mode == _IOLBF)
		f->flags |= F_LBF;
	else if (mode != _IOFBF)
		return -1;
	if (buf && size) {
		if (f->flags & F_OWNBUF)
			free(f->buf);
		f->flags &= ~F_OWNBUF;
		f->buf = (unsigned char *)buf;
		f->size = size;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE *f)
{
	setvbuf(f, NULL, _IOLBF, 0);
}

int fileno(FILE *f)
{
	return f->fd;
}

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

int fseek(FILE *f, long offset, int whence)
{
	if (fflush(f))
		return -1;
	if (whence == SEEK_CUR)
		offset -= (long)(f->rend - f->rpos) + (f->ungot != EOF);
	f->rpos = f->rend = 0;
	f->ungot = EOF;
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	return (long)(pos - (off_t)(f->rend - f->rpos) - (f->ungot != EOF) + (off_t)f->wpos);
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	clearerr(f);
}

int remove(const char *path)
{
	return unlink(path);
}
