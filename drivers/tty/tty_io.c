/*
 * The console terminal (Linux: drivers/tty/tty_io.c + n_tty.c, one terminal, much reduced).
 *
 * Output goes to every console (COM1 and VGA) through console_write(). Input arrives byte by
 * byte from the COM1 receive interrupt (tty_receive_char) into a ring; the line discipline acts
 * as Linux's n_tty does for the termios flags set with TCSETS:
 *   ICANON: read() returns whole lines; ERASE (DEL/^H) and KILL (^U) edit the line, EOF (^D) ends it;
 *   ECHO:   typed characters are echoed (ECHOE erases with "\b \b");
 *   ISIG:   INTR (^C) sends SIGINT to every user process except those ignoring it and init;
 *   ICRNL:  CR becomes NL.
 * With ICANON off (the shell's raw mode) read() returns what is there, at least VMIN bytes.
 * Readers sleep on read_wait, which poll() also uses.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/console.h>
#include <linux/tty.h>
#include <linux/sched/task.h>
#include <uapi/asm-generic/termbits.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/asm/signal.h>
#include <uapi/linux/stat.h>

#define N_TTY_BUF_SIZE	4096
#define TTY_MAJOR	5
#define CONSOLE_MINOR	1

#define CTRL(c)		((c) & 0x1f)

struct tty_struct {
	struct termios termios;
	struct winsize winsize;
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned int read_head, read_tail;	/* free-running ring indices */
	unsigned int canon_head;		/* input before this index is a completed line */
	unsigned int line_start;		/* where the line being edited begins */
	unsigned int eof_count;			/* ^D typed on an empty line: reads of 0 owed */
	pid_t pgrp;				/* TIOCSPGRP: foreground group, 0 = everyone */
	wait_queue_head_t read_wait;
};

static struct tty_struct console_tty = {
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = CS8 | CREAD | HUPCL,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
		.c_cc = {
			[VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = 0x7f, [VKILL] = CTRL('U'),
			[VEOF] = CTRL('D'), [VTIME] = 0, [VMIN] = 1, [VSTART] = CTRL('Q'),
			[VSTOP] = CTRL('S'), [VSUSP] = CTRL('Z'), [VWERASE] = CTRL('W'),
		},
	},
	.winsize = { .ws_row = 25, .ws_col = 80 },
	.read_wait = {
		.lock = __SPIN_LOCK_UNLOCKED(console_tty.read_wait.lock),
		.head = LIST_HEAD_INIT(console_tty.read_wait.head),
	},
};

#define L_ICANON(t)	((t)->termios.c_lflag & ICANON)
#define L_ECHO(t)	((t)->termios.c_lflag & ECHO)
#define L_ISIG(t)	((t)->termios.c_lflag & ISIG)

static void tty_echo(struct tty_struct *tty, const char *s, size_t len)
{
	if (L_ECHO(tty))
		console_write(s, len);
}

static unsigned int tty_input_ready(struct tty_struct *tty)
{
	return L_ICANON(tty) ? tty->canon_head - tty->read_tail : tty->read_head - tty->read_tail;
}

static void put_tty_queue(struct tty_struct *tty, unsigned char c)
{
	if (tty->read_head - tty->read_tail < N_TTY_BUF_SIZE - 1)
		tty->read_buf[tty->read_head++ % N_TTY_BUF_SIZE] = c;
}

/* Interrupt context: one received byte through the line discipline. */
void tty_receive_char(unsigned char c)
{
	struct tty_struct *tty = &console_tty;
	struct termios *t = &tty->termios;

	if ((t->c_iflag & ISTRIP))
		c &= 0x7f;
	if (c == '\r' && (t->c_iflag & IGNCR))
		return;
	if (c == '\r' && (t->c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (t->c_iflag & INLCR))
		c = '\r';

	if (L_ISIG(tty) && c == t->c_cc[VINTR]) {
		tty_echo(tty, "^C\n", 3);
		/* Pending input is flushed, as n_tty does without NOFLSH. */
		if (!(t->c_lflag & NOFLSH))
			tty->read_head = tty->canon_head = tty->line_start = tty->read_tail;
		kill_pgrp(tty->pgrp, SIGINT);
		return;
	}

	if (L_ICANON(tty)) {
		if (c == t->c_cc[VERASE] || c == '\b') {
			if (tty->read_head != tty->line_start) {
				tty->read_head--;
				tty_echo(tty, "\b \b", 3);
			}
			return;
		}
		if (c == t->c_cc[VKILL]) {
			while (tty->read_head != tty->line_start) {
				tty->read_head--;
				tty_echo(tty, "\b \b", 3);
			}
			return;
		}
		if (c == t->c_cc[VEOF]) {
			/* EOF ends the line without adding a byte: read() returns what is there, or 0. */
			if (tty->read_head == tty->line_start)
				tty->eof_count++;
			tty->canon_head = tty->line_start = tty->read_head;
			wake_up_interruptible_poll(&tty->read_wait, EPOLLIN | EPOLLRDNORM);
			return;
		}
		put_tty_queue(tty, c);
		tty_echo(tty, (const char *)&c, 1);
		if (c == '\n') {
			tty->canon_head = tty->line_start = tty->read_head;
			wake_up_interruptible_poll(&tty->read_wait, EPOLLIN | EPOLLRDNORM);
		}
		return;
	}

	put_tty_queue(tty, c);
	tty_echo(tty, (const char *)&c, 1);
	tty->canon_head = tty->line_start = tty->read_head;
	wake_up_interruptible_poll(&tty->read_wait, EPOLLIN | EPOLLRDNORM);
}

/* Copies up to count bytes of available input; in canonical mode stops after a newline. */
static ssize_t copy_from_read_buf(struct tty_struct *tty, char __user *buf, size_t count)
{
	unsigned int limit = L_ICANON(tty) ? tty->canon_head : tty->read_head;
	size_t n = 0;

	while (n < count && tty->read_tail != limit) {
		char c = tty->read_buf[tty->read_tail % N_TTY_BUF_SIZE];

		if (put_user(c, buf + n))
			return n ? (ssize_t)n : -EFAULT;
		tty->read_tail++;
		n++;
		if (L_ICANON(tty) && c == '\n')
			break;
	}
	return n;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	DEFINE_WAIT(wait);
	unsigned long flags;
	size_t vmin;
	ssize_t ret;

	if (!count)
		return 0;
	for (;;) {
		vmin = L_ICANON(tty) ? 1 : min_t(size_t, max_t(size_t, tty->termios.c_cc[VMIN], 1), count);
		local_irq_save(flags);
		if (tty_input_ready(tty) >= vmin) {
			ret = copy_from_read_buf(tty, buf, count);
			local_irq_restore(flags);
			return ret;
		}
		if (L_ICANON(tty) && tty->eof_count) {
			tty->eof_count--;
			local_irq_restore(flags);
			return 0;
		}
		local_irq_restore(flags);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (signal_pending(current))
			return -ERESTARTSYS;
		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (tty_input_ready(tty) < vmin && !tty->eof_count)
			schedule();
		finish_wait(&tty->read_wait, &wait);
	}
}

/* OPOST|ONLCR: the serial console already sends "\n" as "\r\n", so bytes go out as they are. */
static ssize_t tty_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	char chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		console_write(chunk, n);
		done += n;
	}
	return done;
}

static __poll_t tty_poll(struct file *file, poll_table *wait)
{
	struct tty_struct *tty = file->private_data;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &tty->read_wait, wait);
	if (tty_input_ready(tty) || (L_ICANON(tty) && tty->eof_count))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static void tty_set_termios(struct tty_struct *tty, const struct termios *new, bool flush)
{
	unsigned long flags;

	local_irq_save(flags);
	if (flush)
		tty->read_head = tty->canon_head = tty->line_start = tty->read_tail;
	/* Leaving canonical mode makes the partial line readable at once. */
	if (L_ICANON(tty) && !(new->c_lflag & ICANON))
		tty->canon_head = tty->line_start = tty->read_head;
	tty->termios = *new;
	local_irq_restore(flags);
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;
	struct termios t;
	struct winsize ws;
	pid_t pgrp;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty->termios, sizeof(tty->termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&t, p, sizeof(t)))
			return -EFAULT;
		tty_set_termios(tty, &t, cmd == TCSETSF);
		return 0;
	case TCFLSH:
		if (arg == TCIFLUSH || arg == TCIOFLUSH)
			tty->read_head = tty->canon_head = tty->line_start = tty->read_tail;
		else if (arg != TCOFLUSH)
			return -EINVAL;
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		if (copy_from_user(&ws, p, sizeof(ws)))
			return -EFAULT;
		tty->winsize = ws;
		return 0;
	case TIOCGPGRP:
		return put_user(tty->pgrp ? tty->pgrp : current->pgid, (pid_t __user *)p);
	case TIOCSPGRP:
		if (get_user(pgrp, (pid_t __user *)p))
			return -EFAULT;
		if (pgrp < 0)
			return -EINVAL;
		tty->pgrp = pgrp;
		return 0;
	case FIONREAD:
		return put_user((int)tty_input_ready(tty), (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);
	case TIOCSCTTY:
	case TIOCNOTTY:
		return 0;
	default:
		return -ENOTTY;
	}
}

static int tty_getattr(struct file *file, struct kstat *stat)
{
	stat->mode = S_IFCHR | 0620;
	stat->rdev = (TTY_MAJOR << 8) | CONSOLE_MINOR;
	stat->ino = 3;
	return 0;
}

static const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
	.getattr = tty_getattr,
};

struct file *tty_open_console(int flags)
{
	struct file *file = alloc_file(&tty_fops, flags & ~(O_CREAT | O_EXCL | O_TRUNC), &console_tty);

	return file ? file : ERR_PTR(-ENOMEM);
}
