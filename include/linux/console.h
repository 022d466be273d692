/*
 * Consoles: where printk output and the user's terminal output appear (COM1 serial, VGA text).
 * A console registered late first receives the whole log buffer, so VGA shows the early lines too.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, size_t len);
	struct console *next;
};

void register_console(struct console *con);
/* Writes to every console without going through the log (user output on the terminal). */
void console_write(const char *s, size_t len);

/* The two consoles, started first thing in start_kernel (drivers/tty/serial.c, drivers/video/vga.c). */
void serial_init(void);
void vga_init(void);
/* A byte received on COM1, or -1 when none is waiting. */
int serial_getc_nonblock(void);
/* Called from the COM1 receive interrupt for each byte typed (hard irq context); the terminal
 * code provides it, the weak default in drivers/tty/serial.c drops the byte. */
void tty_receive_char(unsigned char c);

#endif
