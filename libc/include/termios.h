/* Terminal modes (TCGETS/TCSETS with the kernel's struct termios). */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <features.h>
#include <sys/types.h>
#include <asm-generic/termbits.h>

__BEGIN_DECLS

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
int tcflush(int fd, int queue);
void cfmakeraw(struct termios *t);

__END_DECLS

#endif
