/* Socket system calls: one wrapper each, Linux x86_64 has a system call per operation. */
#include <sys/socket.h>
#include "syscall.h"

int socket(int domain, int type, int protocol)
{
	return (int)syscall3(__NR_socket, domain, type, protocol);
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
	return (int)syscall4(__NR_socketpair, domain, type, protocol, sv);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)syscall3(__NR_bind, fd, addr, len);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)syscall3(__NR_connect, fd, addr, len);
}

int listen(int fd, int backlog)
{
	return (int)syscall2(__NR_listen, fd, backlog);
}

int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)syscall3(__NR_accept, fd, addr, len);
}

int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len, int flags)
{
	return (int)syscall4(__NR_accept4, fd, addr, len, flags);
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr, socklen_t alen)
{
	return syscall6(__NR_sendto, fd, buf, len, flags, addr, alen);
}

ssize_t recvfrom(int fd, void *restrict buf, size_t len, int flags, struct sockaddr *restrict addr,
		 socklen_t *restrict alen)
{
	return syscall6(__NR_recvfrom, fd, buf, len, flags, addr, alen);
}

/* Linux x86_64 has no send/recv system calls: they are sendto/recvfrom without an address. */
ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	return recvfrom(fd, buf, len, flags, NULL, NULL);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	return syscall3(__NR_sendmsg, fd, msg, flags);
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	return syscall3(__NR_recvmsg, fd, msg, flags);
}

int shutdown(int fd, int how)
{
	return (int)syscall2(__NR_shutdown, fd, how);
}

int getsockname(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)syscall3(__NR_getsockname, fd, addr, len);
}

int getpeername(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)syscall3(__NR_getpeername, fd, addr, len);
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	return (int)syscall5(__NR_setsockopt, fd, level, name, val, len);
}

int getsockopt(int fd, int level, int name, void *restrict val, socklen_t *restrict len)
{
	return (int)syscall5(__NR_getsockopt, fd, level, name, val, len);
}
