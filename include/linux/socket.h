/*
 * The kernel's view of socket addresses and messages. The ABI constants (AF_*, SOCK_*, MSG_*,
 * struct sockaddr) come from include/uapi/linux/socket.h; this adds struct msghdr as the stack passes
 * it down (msg_iter instead of the user's iovec pointer) and the syscall helpers net/socket.c exports.
 */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/uio.h>
#include <uapi/linux/socket.h>

typedef __kernel_sa_family_t sa_family_t;
#define sockaddr_storage __kernel_sockaddr_storage

struct kiocb;

/*
 * A message as the socket layer passes it to sock->ops->sendmsg/recvmsg: msg_name is a kernel copy
 * of the address (struct sockaddr_storage on the caller's stack), msg_iter walks the user's buffers.
 */
struct msghdr {
	void		*msg_name;	/* ptr to socket address structure */
	int		msg_namelen;	/* size of socket address structure */
	struct iov_iter	msg_iter;	/* data */
	void		*msg_control;	/* ancillary data (not supported: always NULL) */
	__kernel_size_t	msg_controllen;
	unsigned int	msg_flags;	/* flags on received message (MSG_TRUNC ...) */
	struct kiocb	*msg_iocb;
};

static inline int memcpy_from_msg(void *data, struct msghdr *msg, int len)
{
	return copy_from_iter_full(data, len, &msg->msg_iter) ? 0 : -EFAULT;
}

static inline int memcpy_to_msg(struct msghdr *msg, void *data, int len)
{
	return copy_to_iter(data, len, &msg->msg_iter) == (size_t)len ? 0 : -EFAULT;
}

/* Ancillary data layout (Linux include/linux/socket.h). */
#define __CMSG_ALIGN(len)	(((len) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define CMSG_ALIGN(len)		__CMSG_ALIGN(len)
#define CMSG_DATA(cmsg)		((void *)((char *)(cmsg) + CMSG_ALIGN(sizeof(struct cmsghdr))))
#define CMSG_SPACE(len)		(CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))
#define CMSG_LEN(len)		(CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))

/* Appends one control message to msg->msg_control (a user buffer); MSG_CTRUNC if it does not fit. */
int put_cmsg(struct msghdr *msg, int level, int type, int len, void *data);

int move_addr_to_kernel(void __user *uaddr, int ulen, struct sockaddr_storage *kaddr);
int move_addr_to_user(struct sockaddr_storage *kaddr, int klen, void __user *uaddr, int __user *ulen);

/* The system call bodies (net/socket.c), called from the SYSCALL_DEFINE wrappers. */
int __sys_socket(int family, int type, int protocol);
int __sys_socketpair(int family, int type, int protocol, int __user *usockvec);
int __sys_bind(int fd, struct sockaddr __user *umyaddr, int addrlen);
int __sys_listen(int fd, int backlog);
int __sys_accept4(int fd, struct sockaddr __user *upeer_sockaddr, int __user *upeer_addrlen, int flags);
int __sys_connect(int fd, struct sockaddr __user *uservaddr, int addrlen);
int __sys_getsockname(int fd, struct sockaddr __user *usockaddr, int __user *usockaddr_len);
int __sys_getpeername(int fd, struct sockaddr __user *usockaddr, int __user *usockaddr_len);
int __sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags, struct sockaddr __user *addr,
		 int addr_len);
int __sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags,
		   struct sockaddr __user *addr, int __user *addr_len);
long __sys_sendmsg(int fd, struct user_msghdr __user *msg, unsigned int flags);
long __sys_recvmsg(int fd, struct user_msghdr __user *msg, unsigned int flags);
int __sys_shutdown(int fd, int how);
int __sys_setsockopt(int fd, int level, int optname, char __user *optval, int optlen);
int __sys_getsockopt(int fd, int level, int optname, char __user *optval, int __user *optlen);

#endif
