/* Host shim: /proc registry. proc_create_single records the show function; host_proc_read runs it. */
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include "host.h"

struct proc_dir_entry {
	const char *name;
	int (*show)(struct seq_file *m, void *v);
};

#define HOST_NR_PROC	64
static struct proc_dir_entry proc_entries[HOST_NR_PROC];

struct proc_dir_entry *proc_create_single(const char *name, umode_t mode, struct proc_dir_entry *parent,
					  int (*show)(struct seq_file *m, void *v))
{
	int i;

	for (i = 0; i < HOST_NR_PROC; i++) {
		if (!proc_entries[i].name || !strcmp(proc_entries[i].name, name)) {
			proc_entries[i].name = name;
			proc_entries[i].show = show;
			return &proc_entries[i];
		}
	}
	return NULL;
}

int host_proc_read(const char *name, char *buf, size_t size)
{
	struct seq_file m = { .buf = buf, .size = size };
	int i;

	for (i = 0; i < HOST_NR_PROC && proc_entries[i].name; i++) {
		if (strcmp(proc_entries[i].name, name))
			continue;
		if (size)
			buf[0] = 0;
		proc_entries[i].show(&m, NULL);
		if (m.count < size)
			buf[m.count] = 0;
		else if (size)
			buf[size - 1] = 0;
		return m.count;
	}
	return -ENOENT;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	size_t room = m->count < m->size ? m->size - m->count : 0;
	int n;

	va_start(args, fmt);
	n = vsnprintf(m->buf + m->count, room, fmt, args);
	va_end(args);
	if (n < 0)
		return;
	if ((size_t)n >= room) {
		m->overflow = true;
		m->count = m->size;
		return;
	}
	m->count += n;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}

void seq_putc(struct seq_file *m, char c)
{
	seq_printf(m, "%c", c);
}
