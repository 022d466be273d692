/* Terminal attributes over TCGETS/TCSETS*, and process groups of a terminal. */
#include <termios.h>
#include <unistd.h>
#include <errno.h>
#include <sys/ioctl.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int action, const struct termios *t)
{
	switch (action) {
	case TCSANOW:
		return ioctl(fd, TCSETS, t);
	case TCSADRAIN:
		return ioctl(fd, TCSETSW, t);
	case TCSAFLUSH:
		return ioctl(fd, TCSETSF, t);
	}
	errno = EINVAL;
	return -1;
}

int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, queue);
}

/* Byte-at-a-time input, no echo, no signals from keys, no output processing (as glibc's cfmakeraw). */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return -1;
	return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}
