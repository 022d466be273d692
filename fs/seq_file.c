/*
 * seq_file output for /proc (Linux: fs/seq_file.c, the single_open case only): show() prints into
 * m->buf; what does not fit sets m->overflow and the caller retries with a bigger buffer.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/seq_file.h>
#include <stdarg.h>

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	int len;

	if (m->overflow)
		return;
	va_start(args, fmt);
	len = vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
	va_end(args);
	if (m->count + len >= m->size) {
		m->overflow = true;
		m->count = m->size;
		return;
	}
	m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	size_t len = strlen(s);

	if (m->overflow)
		return;
	if (m->count + len > m->size) {
		m->overflow = true;
		m->count = m->size;
		return;
	}
	memcpy(m->buf + m->count, s, len);
	m->count += len;
}

void seq_putc(struct seq_file *m, char c)
{
	if (m->overflow)
		return;
	if (m->count >= m->size) {
		m->overflow = true;
		return;
	}
	m->buf[m->count++] = c;
}
