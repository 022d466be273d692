/* Terminal and generic file ioctl numbers with Linux's x86 values (asm-generic/ioctls.h). */
#ifndef _UAPI_ASM_GENERIC_IOCTLS_H
#define _UAPI_ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401	/* struct termios */
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413	/* struct winsize */
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B	/* int: bytes ready to read */
#define TIOCINQ		FIONREAD
#define TIOCNOTTY	0x5422
#define FIONBIO		0x5421	/* int: set/clear O_NONBLOCK */
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452

#endif
