/* FILE streams: fopen modes, fread/fwrite, fgets/getline, ungetc, fseek/ftell, buffering, fdopen, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include "tap.h"

int main(void)
{
	char path[64], buf[256], *line = NULL;
	size_t cap = 0;
	int fds[2], i, c;
	ssize_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/libc-stdio-%d", (int)getpid());
	f = fopen(path, "w");
	if (!ok(f != NULL, "fopen w"))
		return done_testing();
	ok(fprintf(f, "line one\nline %d\n", 2) == 16, "fprintf counts bytes");
	ok(fputs("third line without newline", f) >= 0 && fputc('!', f) == '!', "fputs/fputc");
	ok(fwrite("\nxyz", 1, 4, f) == 4, "fwrite");
	ok(fclose(f) == 0, "fclose flushes and closes");

	f = fopen(path, "r");
	ok(fgets(buf, sizeof(buf), f) && !strcmp(buf, "line one\n"), "fgets keeps the newline");
	ok(getline(&line, &cap, f) == 7 && !strcmp(line, "line 2\n"), "getline");
	ok(fgets(buf, 6, f) && !strcmp(buf, "third"), "fgets stops at size - 1");
	c = fgetc(f);
	ok(c == ' ' && ungetc(c, f) == ' ' && fgetc(f) == ' ', "ungetc pushes back one byte");
	ok(ftell(f) == 22, "ftell after buffered reads and ungetc (%ld)", ftell(f));
	ok(fseek(f, 5, SEEK_SET) == 0 && fgetc(f) == 'o', "fseek SEEK_SET");
	ok(fseek(f, -3, SEEK_END) == 0 && fread(buf, 1, 10, f) == 3 && !memcmp(buf, "xyz", 3), "fseek SEEK_END + fread short");
	ok(feof(f) && !ferror(f), "feof after reading past the end");
	clearerr(f);
	ok(!feof(f), "clearerr");
	rewind(f);
	n = 0;
	while (getline(&line, &cap, f) > 0)
		n++;
	ok(n == 4, "rewind, then 4 lines (%zd)", n);
	fclose(f);

	f = fopen(path, "a");
	fputs("appended\n", f);
	fclose(f);
	f = fopen(path, "r+");
	ok(fseek(f, -9, SEEK_END) == 0 && fgets(buf, sizeof(buf), f) && !strcmp(buf, "appended\n"), "mode a appends");
	ok(fseek(f, 0, SEEK_SET) == 0 && fputs("LINE", f) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	   fgets(buf, sizeof(buf), f) && !strcmp(buf, "LINE one\n"), "r+ writes in place, then reads back");
	fclose(f);

	errno = 0;
	ok(fopen("/no/such/dir/x", "r") == NULL && errno == ENOENT, "fopen of a missing file: NULL, ENOENT");
	errno = 0;
	ok(fopen(path, "z") == NULL && errno == EINVAL, "fopen with a bad mode: EINVAL");
	f = fopen(path, "r");
	ok(fputc('x', f) == EOF && ferror(f), "writing a read-only stream fails and sets the error flag");
	fclose(f);
	unlink(path);

	/* fdopen on a pipe, and a fully buffered stream that flushes on fflush only. */
	pipe(fds);
	f = fdopen(fds[1], "w");
	setvbuf(f, NULL, _IOFBF, 0);
	fputs("buffered", f);
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	errno = 0;
	ok(read(fds[0], buf, sizeof(buf)) == -1 && errno == EAGAIN, "full buffering holds the data");
	fflush(f);
	ok(read(fds[0], buf, sizeof(buf)) == 8 && !memcmp(buf, "buffered", 8), "fflush writes it");
	setvbuf(f, NULL, _IOLBF, 0);
	fputs("partial", f);
	errno = 0;
	ok(read(fds[0], buf, sizeof(buf)) == -1, "line buffering waits for a newline");
	fputs(" line\n", f);
	ok(read(fds[0], buf, sizeof(buf)) == 13, "and writes at the newline");
	for (i = 0; i < 5000; i++)
		fputc('z', f);		/* more than the buffer: goes out in pieces */
	fclose(f);
	n = 0;
	while ((c = (int)read(fds[0], buf, sizeof(buf))) > 0)
		n += c;
	ok(n == 5000, "5000 single-byte writes all arrive (%zd)", n);
	close(fds[0]);
	free(line);
	return done_testing();
}
