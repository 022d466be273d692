/* The BSD socket interface over Linux's socket system calls. */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <features.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <linux/socket.h>

__BEGIN_DECLS

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

struct sockaddr_storage {
	sa_family_t ss_family;
	char __ss_padding[_K_SS_MAXSIZE - sizeof(sa_family_t) - sizeof(unsigned long)];
	unsigned long __ss_align;
};

/* The same layout as the kernel's struct user_msghdr. */
struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	size_t msg_iovlen;
	void *msg_control;
	size_t msg_controllen;
	int msg_flags;
};

#define CMSG_ALIGN(len)		(((len) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_SPACE(len)		(CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))
#define CMSG_LEN(len)		(CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_DATA(c)		((unsigned char *)(c) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_FIRSTHDR(m)	((size_t)(m)->msg_controllen >= sizeof(struct cmsghdr) ? \
				 (struct cmsghdr *)(m)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(m, c)	__cmsg_nxthdr(m, c)

static inline struct cmsghdr *__cmsg_nxthdr(struct msghdr *m, struct cmsghdr *c)
{
	unsigned char *next = (unsigned char *)c + CMSG_ALIGN(c->cmsg_len);
	unsigned char *end = (unsigned char *)m->msg_control + m->msg_controllen;

	if (c->cmsg_len < sizeof(struct cmsghdr) || next + sizeof(struct cmsghdr) > end)
		return 0;
	return (struct cmsghdr *)next;
}

int socket(int domain, int type, int protocol);
int socketpair(int domain, int type, int protocol, int sv[2]);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len);
int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len, int flags);
ssize_t send(int fd, const void *buf, size_t len, int flags);
ssize_t recv(int fd, void *buf, size_t len, int flags);
ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr, socklen_t alen);
ssize_t recvfrom(int fd, void *restrict buf, size_t len, int flags, struct sockaddr *restrict addr,
		 socklen_t *restrict alen);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
int shutdown(int fd, int how);
int getsockname(int fd, struct sockaddr *restrict addr, socklen_t *restrict len);
int getpeername(int fd, struct sockaddr *restrict addr, socklen_t *restrict len);
int setsockopt(int fd, int level, int name, const void *val, socklen_t len);
int getsockopt(int fd, int level, int name, void *restrict val, socklen_t *restrict len);

__END_DECLS

#endif
