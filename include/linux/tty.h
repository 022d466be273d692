/* The console terminal (drivers/tty/tty_io.c): fds 0, 1, 2 of init, /dev/console, /dev/tty. */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

struct file;

/* A byte from the serial port's receive interrupt (called by drivers/tty/serial.c). */
void tty_receive_char(unsigned char c);
/* A new open file on the console, with open flags (O_RDWR ...). */
struct file *tty_open_console(int flags);

#endif
