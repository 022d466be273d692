/* Text output for /proc files: a show() function prints into a seq_file with seq_printf. */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/compiler.h>

struct seq_file {
	char *buf;
	size_t size;
	size_t count;		/* bytes used; output past size is dropped and overflow is set */
	bool overflow;
	void *private;
};

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);

#endif
