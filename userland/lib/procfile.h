/* Reading the small text files of /proc whole, for ps, uptime and usertests. */
#ifndef _PROCFILE_H
#define _PROCFILE_H

#include <sys/types.h>

/*
 * Read all of path (up to size - 1 bytes) into buf and NUL-terminate it. Returns the length, or
 * -1 with errno set if the file cannot be opened or read.
 */
ssize_t read_text_file(const char *path, char *buf, size_t size);

#endif
