/* Options of wait4()/waitid(). The status word encoding is in libc's <sys/wait.h> (W* macros). */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000	/* don't reap, just poll status */

#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

/* First argument of waitid(). */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2

#endif
