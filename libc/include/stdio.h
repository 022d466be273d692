/*
 * Buffered I/O. A FILE is a file descriptor plus one buffer. stdout is line-buffered on a terminal
 * and fully buffered otherwise; stderr is unbuffered; exit() flushes everything.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <features.h>
#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>

__BEGIN_DECLS

typedef struct __file FILE;
typedef off_t fpos_t;

#define EOF		(-1)
#define BUFSIZ		4096
#define FILENAME_MAX	4096
#define FOPEN_MAX	64
#define L_tmpnam	20

#define _IOFBF		0	/* fully buffered */
#define _IOLBF		1	/* line buffered */
#define _IONBF		2	/* unbuffered */

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;
#define stdin	stdin
#define stdout	stdout
#define stderr	stderr

FILE *fopen(const char *restrict path, const char *restrict mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
int fflush(FILE *f);
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
void setbuf(FILE *restrict f, char *restrict buf);
void setlinebuf(FILE *f);
int fileno(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fseek(FILE *f, long offset, int whence);
long ftell(FILE *f);
void rewind(FILE *f);

size_t fread(void *restrict ptr, size_t size, size_t nmemb, FILE *restrict f);
size_t fwrite(const void *restrict ptr, size_t size, size_t nmemb, FILE *restrict f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *restrict s, int size, FILE *restrict f);
ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f);
ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim, FILE *restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int puts(const char *s);

int printf(const char *restrict fmt, ...) __libc_printf(1, 2);
int fprintf(FILE *restrict f, const char *restrict fmt, ...) __libc_printf(2, 3);
int dprintf(int fd, const char *restrict fmt, ...) __libc_printf(2, 3);
int sprintf(char *restrict buf, const char *restrict fmt, ...) __libc_printf(2, 3);
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...) __libc_printf(3, 4);
int asprintf(char **restrict out, const char *restrict fmt, ...) __libc_printf(2, 3);
int vprintf(const char *restrict fmt, va_list ap) __libc_printf(1, 0);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap) __libc_printf(2, 0);
int vdprintf(int fd, const char *restrict fmt, va_list ap) __libc_printf(2, 0);
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap) __libc_printf(2, 0);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap) __libc_printf(3, 0);
int vasprintf(char **restrict out, const char *restrict fmt, va_list ap) __libc_printf(2, 0);

int sscanf(const char *restrict s, const char *restrict fmt, ...) __libc_scanf(2, 3);
int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap) __libc_scanf(2, 0);

void perror(const char *s);
int remove(const char *path);

__END_DECLS

#endif
