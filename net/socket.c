/*
 * NET		An implementation of the SOCKET network access protocol (Linux net/socket.c).
 *
 * The BSD socket system calls. Each SYSCALL_DEFINE wrapper calls the Linux-named __sys_* function
 * (a breakpoint on __sys_socket shows family=2, type=1, protocol=0 exactly as in Linux), which finds
 * the struct socket behind the descriptor (sockfd_lookup_light), copies addresses across the user
 * boundary (move_addr_to_kernel / move_addr_to_user) and calls the family's proto_ops
 * (inet_stream_ops, inet_dgram_ops in net/ipv4/af_inet.c). A socket is a struct file whose
 * private_data is the struct socket; read/write/poll/ioctl/close on it go through socket_file_ops.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/init.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/uio.h>
#include <linux/netdevice.h>
#include <net/sock.h>
#include <net/net_namespace.h>
#include <uapi/linux/if.h>
#include <uapi/linux/sockios.h>

static ssize_t sock_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
static ssize_t sock_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
static __poll_t sock_poll(struct file *file, struct poll_table_struct *wait);
static long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
static int sock_close(struct inode *inode, struct file *file);

/*
 *	Socket files have a set of 'special' operations as well as the generic file ones. These don't
 *	appear in the operation structures but are done directly via the socketcall() multiplexor.
 */
static const struct file_operations socket_file_ops = {
	.read =			sock_read,
	.write =		sock_write,
	.poll =			sock_poll,
	.unlocked_ioctl =	sock_ioctl,
	.release =		sock_close,
};

/*
 *	The protocol list. Each protocol is registered in here.
 */
static const struct net_proto_family *net_families[NPROTO];

/* struct socket comes from its own cache (Linux: sock_inode_cache), so leaks show in slabinfo. */
static struct kmem_cache *sock_inode_cachep;

/* Sockets alive, for /proc/net/sockstat ("sockets: used N"). */
static int sockets_in_use;

/**
 *	move_addr_to_kernel	-	copy a socket address into kernel space
 *	@uaddr: Address in user space
 *	@kaddr: Address in kernel space
 *	@ulen: Length in user space
 *
 *	The address is copied into kernel space. If the provided address is
 *	too long an error code of -EINVAL is returned. If the copy gives
 *	invalid addresses -EFAULT is returned. On a success 0 is returned.
 */
noinline int move_addr_to_kernel(void __user *uaddr, int ulen, struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > (int)sizeof(struct sockaddr_storage))
		return -EINVAL;
	if (ulen == 0)
		return 0;
	if (copy_from_user(kaddr, uaddr, ulen))
		return -EFAULT;
	return 0;
}

/**
 *	move_addr_to_user	-	copy an address to user space
 *	@kaddr: kernel space address
 *	@klen: length of address in kernel
 *	@uaddr: user space address
 *	@ulen: pointer to user length field
 *
 *	The value pointed to by ulen on entry is the buffer length available.
 *	This is overwritten with the buffer space used. -EINVAL is returned
 *	if an overlong buffer is specified or a negative buffer size. -EFAULT
 *	is returned if either the buffer or the length field are not
 *	accessible.
 *	After copying the data up to the limit the user specifies, the true
 *	length of the data is written over the length limit the user
 *	specified. Zero is returned for a success.
 */
noinline int move_addr_to_user(struct sockaddr_storage *kaddr, int klen, void __user *uaddr,
			       int __user *ulen)
{
	int err;
	int len = 0;

	BUG_ON(klen > (int)sizeof(struct sockaddr_storage));
	err = get_user(len, ulen);
	if (err)
		return err;
	if (len > klen)
		len = klen;
	if (len < 0)
		return -EINVAL;
	if (len) {
		if (copy_to_user(uaddr, kaddr, len))
			return -EFAULT;
	}
	/*
	 *      "fromlen shall refer to the value before truncation.."
	 *                      1003.1g
	 */
	return put_user(klen, ulen);
}

/**
 *	sock_alloc	-	allocate a socket
 *
 *	Allocate a new socket object (Linux: with its inode). Returns NULL if out of memory.
 */
noinline struct socket *sock_alloc(void)
{
	struct socket *sock;

	sock = kmem_cache_zalloc(sock_inode_cachep, GFP_KERNEL);
	if (!sock)
		return NULL;
	init_waitqueue_head(&sock->wq.wait);
	sock->state = SS_UNCONNECTED;
	sockets_in_use++;
	return sock;
}

static noinline void __sock_release(struct socket *sock, struct inode *inode)
{
	if (sock->ops) {
		sock->ops->release(sock);
		sock->sk = NULL;
		sock->ops = NULL;
	}

	sock->file = NULL;
	sockets_in_use--;
	kmem_cache_free(sock_inode_cachep, sock);
}

/**
 *	sock_release	-	close a socket
 *	@sock: socket to close
 *
 *	The socket is released from the protocol stack if it has a release
 *	callback, and the socket object is freed. A socket with a file is
 *	released when the file's last reference goes (sock_close).
 */
noinline void sock_release(struct socket *sock)
{
	__sock_release(sock, NULL);
}

/*
 *	Obtains the first available file descriptor and sets it up for use.
 *
 *	These functions create file structures and maps them to fd space
 *	of the current process. On success it returns file descriptor
 *	and file struct implicitly stored in sock->file.
 *	On failure the socket is released (sock_release) and an ERR_PTR is returned.
 */
noinline struct file *sock_alloc_file(struct socket *sock, int flags, const char *dname)
{
	struct file *file;

	file = alloc_file(&socket_file_ops, O_RDWR | (flags & O_NONBLOCK), sock);
	if (!file) {
		sock_release(sock);
		return ERR_PTR(-ENFILE);
	}
	sock->file = file;
	return file;
}

static noinline int sock_map_fd(struct socket *sock, int flags)
{
	struct file *newfile;
	int fd = get_unused_fd_flags(flags);

	if (unlikely(fd < 0)) {
		sock_release(sock);
		return fd;
	}

	newfile = sock_alloc_file(sock, flags, NULL);
	if (!IS_ERR(newfile)) {
		fd_install(fd, newfile);
		return fd;
	}

	put_unused_fd(fd);
	return PTR_ERR(newfile);
}

/**
 *	sock_from_file - Return the &socket bounded to @file.
 *	@file: file
 *	@err: pointer to an error code return
 *
 *	On failure returns %NULL and assigns -ENOTSOCK to @err.
 */
struct socket *sock_from_file(struct file *file, int *err)
{
	if (file->f_op == &socket_file_ops)
		return file->private_data;	/* set in sock_map_fd */

	*err = -ENOTSOCK;
	return NULL;
}

/**
 *	sockfd_lookup - Go from a file number to its socket slot
 *	@fd: file handle
 *	@err: pointer to an error code return
 *
 *	The file handle passed in is locked and the socket it is bound
 *	to is returned. If an error occurs the err pointer is overwritten
 *	with a negative errno code and NULL is returned. The function checks
 *	for both invalid handles and passing a handle which is not a socket.
 *
 *	On a success the socket object pointer is returned.
 */
struct socket *sockfd_lookup(int fd, int *err)
{
	struct file *file;
	struct socket *sock;

	file = fd < 0 ? NULL : fget(fd);
	if (!file) {
		*err = -EBADF;
		return NULL;
	}

	sock = sock_from_file(file, err);
	if (!sock)
		fput(file);
	return sock;
}

/*
 * Linux avoids the reference on a descriptor table nobody else shares (fdget); every lookup here
 * takes one, and fput_needed says it must be dropped with fput_light.
 */
static noinline struct socket *sockfd_lookup_light(int fd, int *err, int *fput_needed)
{
	struct socket *sock = sockfd_lookup(fd, err);

	*fput_needed = sock != NULL;
	return sock;
}

static inline void fput_light(struct file *file, int fput_needed)
{
	if (fput_needed)
		fput(file);
}

static inline size_t msg_data_left(struct msghdr *msg)
{
	return iov_iter_count(&msg->msg_iter);
}

static inline int sock_sendmsg_nosec(struct socket *sock, struct msghdr *msg)
{
	return sock->ops->sendmsg(sock, msg, msg_data_left(msg));
}

/**
 *	sock_sendmsg - send a message through @sock
 *	@sock: socket
 *	@msg: message to send
 *
 *	Sends @msg through @sock, passing through LSM.
 *	Returns the number of bytes sent, or an error code.
 */
noinline int sock_sendmsg(struct socket *sock, struct msghdr *msg)
{
	return sock_sendmsg_nosec(sock, msg);
}

/**
 *	sock_recvmsg - receive a message from @sock
 *	@sock: socket
 *	@msg: message to receive
 *	@flags: message flags
 *
 *	Receives @msg from @sock, passing through LSM. Returns the total number
 *	of bytes received, or an error.
 */
noinline int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags)
{
	return sock->ops->recvmsg(sock, msg, msg_data_left(msg), flags);
}

/**
 * kernel_sendmsg - send a message through @sock (kernel-space)
 * @sock: socket
 * @msg: message header
 * @vec: kernel vec
 * @num: vec array length
 * @size: total message data size
 */
int kernel_sendmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num,
		   size_t size)
{
	iov_iter_kvec(&msg->msg_iter, WRITE, vec, num, size);
	return sock_sendmsg(sock, msg);
}

/**
 * kernel_recvmsg - Receive a message from a socket (kernel space)
 * @sock: The socket to receive the message from
 * @msg: Received message
 * @vec: Input s/g array for message data
 * @num: Size of input s/g array
 * @size: Number of bytes to read
 * @flags: Message flags (MSG_DONTWAIT, etc...)
 */
int kernel_recvmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num,
		   size_t size, int flags)
{
	iov_iter_kvec(&msg->msg_iter, READ, vec, num, size);
	return sock_recvmsg(sock, msg, flags);
}

int kernel_bind(struct socket *sock, struct sockaddr *addr, int addrlen)
{
	return sock->ops->bind(sock, addr, addrlen);
}

int kernel_connect(struct socket *sock, struct sockaddr *addr, int addrlen, int flags)
{
	return sock->ops->connect(sock, addr, addrlen, flags);
}

/* read(2) on a socket: recvmsg with no address and MSG_DONTWAIT for O_NONBLOCK files. */
static ssize_t sock_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct socket *sock = file->private_data;
	struct msghdr msg = { .msg_iocb = NULL };
	struct iovec iov;
	int err;

	if (!count)	/* Match SYS5 behaviour */
		return 0;
	err = import_single_range(READ, buf, count, &iov, &msg.msg_iter);
	if (err)
		return err;
	if (file->f_flags & O_NONBLOCK)
		msg.msg_flags = MSG_DONTWAIT;
	return sock_recvmsg(sock, &msg, msg.msg_flags);
}

/* write(2) on a socket: sendmsg with no address. */
static ssize_t sock_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct socket *sock = file->private_data;
	struct msghdr msg = { .msg_iocb = NULL };
	struct iovec iov;
	int err;

	err = import_single_range(WRITE, (void __user *)buf, count, &iov, &msg.msg_iter);
	if (err)
		return err;
	if (file->f_flags & O_NONBLOCK)
		msg.msg_flags = MSG_DONTWAIT;
	if (sock->type == SOCK_SEQPACKET)
		msg.msg_flags |= MSG_EOR;
	return sock_sendmsg(sock, &msg);
}

/*
 * The protocol first (inet_ioctl: addresses, routes, ARP, FIONREAD); what it does not know is a
 * device request (SIOCGIFFLAGS, SIOCGIFMTU, SIOCGIFHWADDR ...) for dev_ioctl.
 */
static long sock_do_ioctl(struct net *net, struct socket *sock, unsigned int cmd, unsigned long arg)
{
	struct ifreq ifr;
	bool need_copyout;
	int err;

	err = sock->ops->ioctl(sock, cmd, arg);

	/*
	 * If this ioctl is unknown try to hand it down
	 * to the NIC driver.
	 */
	if (err != -ENOIOCTLCMD)
		return err;

	if (copy_from_user(&ifr, (void __user *)arg, sizeof(struct ifreq)))
		return -EFAULT;
	err = dev_ioctl(net, cmd, &ifr, (void __user *)arg, &need_copyout);
	if (!err && need_copyout)
		if (copy_to_user((void __user *)arg, &ifr, sizeof(struct ifreq)))
			return -EFAULT;
	return err;
}

/*
 *	With an ioctl, arg may well be a user mode pointer, but we don't know
 *	what to do with it - that's up to the protocol still.
 */
static noinline long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct socket *sock = file->private_data;
	struct sock *sk = sock->sk;
	struct net *net = sock_net(sk);

	if (cmd == SIOCGIFCONF)
		return dev_ifconf(net, (struct ifconf __user *)arg);
	return sock_do_ioctl(net, sock, cmd, arg);
}

/* No kernel side poll: the protocol's (tcp_poll, udp_poll, datagram_poll) reports readiness. */
static noinline __poll_t sock_poll(struct file *file, struct poll_table_struct *wait)
{
	struct socket *sock = file->private_data;

	return sock->ops->poll(file, sock, wait);
}

static noinline int sock_close(struct inode *inode, struct file *filp)
{
	__sock_release(filp->private_data, inode);
	return 0;
}

/**
 *	__sock_create - creates a socket
 *	@net: net namespace
 *	@family: protocol family (AF_INET, ...)
 *	@type: communication type (SOCK_STREAM, ...)
 *	@protocol: protocol (0, ...)
 *	@res: new socket
 *	@kern: boolean for kernel space sockets
 *
 *	Creates a new socket and assigns it to @res, passing through LSM.
 *	Returns 0 or an error. On failure @res is set to %NULL. @kern must
 *	be set to true if the socket resides in kernel space.
 */
noinline int __sock_create(struct net *net, int family, int type, int protocol,
			   struct socket **res, int kern)
{
	int err;
	struct socket *sock;
	const struct net_proto_family *pf;

	*res = NULL;
	/*
	 *      Check protocol is in range
	 */
	if (family < 0 || family >= NPROTO)
		return -EAFNOSUPPORT;
	if (type < 0 || type >= SOCK_MAX)
		return -EINVAL;

	/*
	 *	Allocate the socket and allow the family to set things up. if
	 *	the protocol is 0, the family is instructed to select an appropriate
	 *	default.
	 */
	sock = sock_alloc();
	if (!sock)
		return -ENFILE;	/* Not exactly a match, but its the closest posix thing */

	sock->type = type;

	pf = net_families[family];
	err = -EAFNOSUPPORT;
	if (!pf)
		goto out_release;

	err = pf->create(net, sock, protocol, kern);
	if (err < 0)
		goto out_module_put;

	*res = sock;
	return 0;

out_module_put:
	sock->ops = NULL;
out_release:
	sock_release(sock);
	return err;
}

/**
 *	sock_create - creates a socket
 *	@family: protocol family (AF_INET, ...)
 *	@type: communication type (SOCK_STREAM, ...)
 *	@protocol: protocol (0, ...)
 *	@res: new socket
 *
 *	A wrapper around __sock_create().
 *	Returns 0 or an error. This function internally uses GFP_KERNEL.
 */
noinline int sock_create(int family, int type, int protocol, struct socket **res)
{
	return __sock_create(&init_net, family, type, protocol, res, 0);
}

int sock_create_kern(struct net *net, int family, int type, int protocol, struct socket **res)
{
	return __sock_create(net, family, type, protocol, res, 1);
}

noinline int __sys_socket(int family, int type, int protocol)
{
	int retval;
	struct socket *sock;
	int flags;

	/* Check the SOCK_* constants for consistency.  */
	BUILD_BUG_ON(SOCK_CLOEXEC != O_CLOEXEC);
	BUILD_BUG_ON((SOCK_MAX | SOCK_TYPE_MASK) != SOCK_TYPE_MASK);
	BUILD_BUG_ON(SOCK_CLOEXEC & SOCK_TYPE_MASK);
	BUILD_BUG_ON(SOCK_NONBLOCK & SOCK_TYPE_MASK);

	flags = type & ~SOCK_TYPE_MASK;
	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	type &= SOCK_TYPE_MASK;

	retval = sock_create(family, type, protocol, &sock);
	if (retval < 0)
		return retval;

	return sock_map_fd(sock, flags & (O_CLOEXEC | O_NONBLOCK));
}

SYSCALL_DEFINE3(socket, int, family, int, type, int, protocol)
{
	return __sys_socket(family, type, protocol);
}

/*
 *	Create a pair of connected sockets.
 */
noinline int __sys_socketpair(int family, int type, int protocol, int __user *usockvec)
{
	struct socket *sock1, *sock2;
	int fd1, fd2, err;
	struct file *newfile1, *newfile2;
	int flags;

	flags = type & ~SOCK_TYPE_MASK;
	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	type &= SOCK_TYPE_MASK;

	/*
	 * reserve descriptors and make sure we won't fail
	 * to return them to userland.
	 */
	fd1 = get_unused_fd_flags(flags);
	if (unlikely(fd1 < 0))
		return fd1;

	fd2 = get_unused_fd_flags(flags);
	if (unlikely(fd2 < 0)) {
		put_unused_fd(fd1);
		return fd2;
	}

	err = put_user(fd1, &usockvec[0]);
	if (err)
		goto out;

	err = put_user(fd2, &usockvec[1]);
	if (err)
		goto out;

	/*
	 * Obtain the first socket and check if the underlying protocol
	 * supports the socketpair call.
	 */
	err = sock_create(family, type, protocol, &sock1);
	if (unlikely(err < 0))
		goto out;

	err = sock_create(family, type, protocol, &sock2);
	if (unlikely(err < 0)) {
		sock_release(sock1);
		goto out;
	}

	err = sock1->ops->socketpair(sock1, sock2);
	if (unlikely(err < 0)) {
		sock_release(sock2);
		sock_release(sock1);
		goto out;
	}

	newfile1 = sock_alloc_file(sock1, flags, NULL);
	if (IS_ERR(newfile1)) {
		err = PTR_ERR(newfile1);
		sock_release(sock2);
		goto out;
	}

	newfile2 = sock_alloc_file(sock2, flags, NULL);
	if (IS_ERR(newfile2)) {
		err = PTR_ERR(newfile2);
		fput(newfile1);
		goto out;
	}

	fd_install(fd1, newfile1);
	fd_install(fd2, newfile2);
	return 0;

out:
	put_unused_fd(fd2);
	put_unused_fd(fd1);
	return err;
}

SYSCALL_DEFINE4(socketpair, int, family, int, type, int, protocol, int __user *, usockvec)
{
	return __sys_socketpair(family, type, protocol, usockvec);
}

/*
 *	Bind a name to a socket. Nothing much to do here since it's
 *	the protocol's responsibility to handle the local address.
 *
 *	We move the socket address to kernel space before we call
 *	the protocol layer (having also checked the address is ok).
 */
noinline int __sys_bind(int fd, struct sockaddr __user *umyaddr, int addrlen)
{
	struct socket *sock;
	struct sockaddr_storage address;
	int err, fput_needed;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (sock) {
		err = move_addr_to_kernel(umyaddr, addrlen, &address);
		if (!err)
			err = sock->ops->bind(sock, (struct sockaddr *)&address, addrlen);
		fput_light(sock->file, fput_needed);
	}
	return err;
}

SYSCALL_DEFINE3(bind, int, fd, struct sockaddr __user *, umyaddr, int, addrlen)
{
	return __sys_bind(fd, umyaddr, addrlen);
}

/*
 *	Perform a listen. Basically, we allow the protocol to do anything
 *	necessary for a listen, and if that works, we mark the socket as
 *	ready for listening.
 */
noinline int __sys_listen(int fd, int backlog)
{
	struct socket *sock;
	int err, fput_needed;
	int somaxconn;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (sock) {
		somaxconn = sock_net(sock->sk)->core.sysctl_somaxconn;
		if ((unsigned int)backlog > (unsigned int)somaxconn)
			backlog = somaxconn;

		err = sock->ops->listen(sock, backlog);

		fput_light(sock->file, fput_needed);
	}
	return err;
}

SYSCALL_DEFINE2(listen, int, fd, int, backlog)
{
	return __sys_listen(fd, backlog);
}

/*
 *	For accept, we attempt to create a new socket, set up the link
 *	with the client, wake up the client, then return the new
 *	connected fd. We collect the address of the connector in kernel
 *	space and move it to user at the very end. This is unclean because
 *	we open the socket then return an error.
 *
 *	1003.1g adds the ability to recvmsg() to query connection pending
 *	status to recvmsg. We need to add that support in a way thats
 *	clean when we restructure accept also.
 */
noinline int __sys_accept4(int fd, struct sockaddr __user *upeer_sockaddr,
			   int __user *upeer_addrlen, int flags)
{
	struct socket *sock, *newsock;
	struct file *newfile;
	int err, len, newfd, fput_needed;
	struct sockaddr_storage address;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (!sock)
		goto out;

	err = -ENFILE;
	newsock = sock_alloc();
	if (!newsock)
		goto out_put;

	newsock->type = sock->type;
	newsock->ops = sock->ops;

	newfd = get_unused_fd_flags(flags);
	if (unlikely(newfd < 0)) {
		err = newfd;
		sock_release(newsock);
		goto out_put;
	}
	newfile = sock_alloc_file(newsock, flags, sock->sk->sk_prot_creator->name);
	if (IS_ERR(newfile)) {
		err = PTR_ERR(newfile);
		put_unused_fd(newfd);
		goto out_put;
	}

	err = sock->ops->accept(sock, newsock, sock->file->f_flags, false);
	if (err < 0)
		goto out_fd;

	if (upeer_sockaddr) {
		len = newsock->ops->getname(newsock, (struct sockaddr *)&address, 2);
		if (len < 0) {
			err = -ECONNABORTED;
			goto out_fd;
		}
		err = move_addr_to_user(&address, len, upeer_sockaddr, upeer_addrlen);
		if (err < 0)
			goto out_fd;
	}

	/* File flags are not inherited via accept() unlike another OSes. */

	fd_install(newfd, newfile);
	err = newfd;

out_put:
	fput_light(sock->file, fput_needed);
out:
	return err;
out_fd:
	fput(newfile);
	put_unused_fd(newfd);
	goto out_put;
}

SYSCALL_DEFINE4(accept4, int, fd, struct sockaddr __user *, upeer_sockaddr,
		int __user *, upeer_addrlen, int, flags)
{
	return __sys_accept4(fd, upeer_sockaddr, upeer_addrlen, flags);
}

SYSCALL_DEFINE3(accept, int, fd, struct sockaddr __user *, upeer_sockaddr,
		int __user *, upeer_addrlen)
{
	return __sys_accept4(fd, upeer_sockaddr, upeer_addrlen, 0);
}

/*
 *	Attempt to connect to a socket with the server address.  The address
 *	is in user space so we verify it is OK and move it to kernel space.
 *
 *	For 1003.1g we need to add clean support for a bind to AF_UNSPEC to
 *	break bindings
 *
 *	NOTE: 1003.1g draft 6.3 is broken with respect to AX.25/NetROM and
 *	other SEQPACKET protocols that take time to connect() as it doesn't
 *	include the -EINPROGRESS status for such sockets.
 */
noinline int __sys_connect(int fd, struct sockaddr __user *uservaddr, int addrlen)
{
	struct socket *sock;
	struct sockaddr_storage address;
	int err, fput_needed;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (!sock)
		goto out;
	err = move_addr_to_kernel(uservaddr, addrlen, &address);
	if (err < 0)
		goto out_put;

	err = sock->ops->connect(sock, (struct sockaddr *)&address, addrlen, sock->file->f_flags);
out_put:
	fput_light(sock->file, fput_needed);
out:
	return err;
}

SYSCALL_DEFINE3(connect, int, fd, struct sockaddr __user *, uservaddr, int, addrlen)
{
	return __sys_connect(fd, uservaddr, addrlen);
}

/*
 *	Get the local address ('name') of a socket object. Move the obtained
 *	name to user space.
 */
noinline int __sys_getsockname(int fd, struct sockaddr __user *usockaddr,
			       int __user *usockaddr_len)
{
	struct socket *sock;
	struct sockaddr_storage address;
	int err, fput_needed;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (!sock)
		goto out;

	err = sock->ops->getname(sock, (struct sockaddr *)&address, 0);
	if (err < 0)
		goto out_put;
	/* "err" is actually length in this case */
	err = move_addr_to_user(&address, err, usockaddr, usockaddr_len);

out_put:
	fput_light(sock->file, fput_needed);
out:
	return err;
}

SYSCALL_DEFINE3(getsockname, int, fd, struct sockaddr __user *, usockaddr,
		int __user *, usockaddr_len)
{
	return __sys_getsockname(fd, usockaddr, usockaddr_len);
}

/*
 *	Get the remote address ('name') of a socket object. Move the obtained
 *	name to user space.
 */
noinline int __sys_getpeername(int fd, struct sockaddr __user *usockaddr,
			       int __user *usockaddr_len)
{
	struct socket *sock;
	struct sockaddr_storage address;
	int err, fput_needed;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (sock != NULL) {
		err = sock->ops->getname(sock, (struct sockaddr *)&address, 1);
		if (err >= 0)
			/* "err" is actually length in this case */
			err = move_addr_to_user(&address, err, usockaddr, usockaddr_len);
		fput_light(sock->file, fput_needed);
	}
	return err;
}

SYSCALL_DEFINE3(getpeername, int, fd, struct sockaddr __user *, usockaddr,
		int __user *, usockaddr_len)
{
	return __sys_getpeername(fd, usockaddr, usockaddr_len);
}

/*
 *	Send a datagram to a given address. We move the address into kernel
 *	space and check the user space data area is readable before invoking
 *	the protocol.
 */
noinline int __sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags,
			  struct sockaddr __user *addr, int addr_len)
{
	struct socket *sock;
	struct sockaddr_storage address;
	int err;
	struct msghdr msg;
	struct iovec iov;
	int fput_needed;

	err = import_single_range(WRITE, buff, len, &iov, &msg.msg_iter);
	if (unlikely(err))
		return err;
	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (!sock)
		goto out;

	msg.msg_name = NULL;
	msg.msg_control = NULL;
	msg.msg_controllen = 0;
	msg.msg_namelen = 0;
	msg.msg_iocb = NULL;
	if (addr) {
		err = move_addr_to_kernel(addr, addr_len, &address);
		if (err < 0)
			goto out_put;
		msg.msg_name = (struct sockaddr *)&address;
		msg.msg_namelen = addr_len;
	}
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	msg.msg_flags = flags;
	err = sock_sendmsg(sock, &msg);

out_put:
	fput_light(sock->file, fput_needed);
out:
	return err;
}

SYSCALL_DEFINE6(sendto, int, fd, void __user *, buff, size_t, len, unsigned int, flags,
		struct sockaddr __user *, addr, int, addr_len)
{
	return __sys_sendto(fd, buff, len, flags, addr, addr_len);
}

/*
 *	Receive a frame from the socket and optionally record the address of the
 *	sender. We verify the buffers are writable and if needed move the
 *	sender address from kernel to user space.
 */
noinline int __sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags,
			    struct sockaddr __user *addr, int __user *addr_len)
{
	struct socket *sock;
	struct iovec iov;
	struct msghdr msg;
	struct sockaddr_storage address;
	int err, err2;
	int fput_needed;

	err = import_single_range(READ, ubuf, size, &iov, &msg.msg_iter);
	if (unlikely(err))
		return err;
	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (!sock)
		goto out;

	msg.msg_control = NULL;
	msg.msg_controllen = 0;
	/* Save some cycles and don't copy the address if not needed */
	msg.msg_name = addr ? (struct sockaddr *)&address : NULL;
	/* We assume all kernel code knows the size of sockaddr_storage */
	msg.msg_namelen = 0;
	msg.msg_iocb = NULL;
	msg.msg_flags = 0;
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	err = sock_recvmsg(sock, &msg, flags);

	if (err >= 0 && addr != NULL) {
		err2 = move_addr_to_user(&address, msg.msg_namelen, addr, addr_len);
		if (err2 < 0)
			err = err2;
	}

	fput_light(sock->file, fput_needed);
out:
	return err;
}

SYSCALL_DEFINE6(recvfrom, int, fd, void __user *, ubuf, size_t, size, unsigned int, flags,
		struct sockaddr __user *, addr, int __user *, addr_len)
{
	return __sys_recvfrom(fd, ubuf, size, flags, addr, addr_len);
}

/*
 *	Set a socket option. Because we don't know the option lengths we have
 *	to pass the user mode parameter for the protocols to sort out.
 */
noinline int __sys_setsockopt(int fd, int level, int optname, char __user *optval, int optlen)
{
	int err, fput_needed;
	struct socket *sock;

	if (optlen < 0)
		return -EINVAL;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (sock != NULL) {
		if (level == SOL_SOCKET)
			err = sock_setsockopt(sock, level, optname, optval, optlen);
		else
			err = sock->ops->setsockopt(sock, level, optname, optval, optlen);
		fput_light(sock->file, fput_needed);
	}
	return err;
}

SYSCALL_DEFINE5(setsockopt, int, fd, int, level, int, optname, char __user *, optval,
		int, optlen)
{
	return __sys_setsockopt(fd, level, optname, optval, optlen);
}

/*
 *	Get a socket option. Because we don't know the option lengths we have
 *	to pass a user mode parameter for the protocols to sort out.
 */
noinline int __sys_getsockopt(int fd, int level, int optname, char __user *optval,
			      int __user *optlen)
{
	int err, fput_needed;
	struct socket *sock;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (sock != NULL) {
		if (level == SOL_SOCKET)
			err = sock_getsockopt(sock, level, optname, optval, optlen);
		else
			err = sock->ops->getsockopt(sock, level, optname, optval, optlen);
		fput_light(sock->file, fput_needed);
	}
	return err;
}

SYSCALL_DEFINE5(getsockopt, int, fd, int, level, int, optname, char __user *, optval,
		int __user *, optlen)
{
	return __sys_getsockopt(fd, level, optname, optval, optlen);
}

/*
 *	Shutdown a socket.
 */
noinline int __sys_shutdown(int fd, int how)
{
	int err, fput_needed;
	struct socket *sock;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (sock != NULL) {
		err = sock->ops->shutdown(sock, how);
		fput_light(sock->file, fput_needed);
	}
	return err;
}

SYSCALL_DEFINE2(shutdown, int, fd, int, how)
{
	return __sys_shutdown(fd, how);
}

/*
 * Copies a user_msghdr in and sets up kmsg: the address (moved to kernel space into *addr),
 * the iovec (import_iovec: on the stack for up to UIO_FASTIOV segments, else *iov is kmalloc'd).
 */
static int copy_msghdr_from_user(struct msghdr *kmsg, struct user_msghdr __user *umsg,
				 struct sockaddr __user **save_addr, struct iovec **iov,
				 struct sockaddr_storage *addr, int type)
{
	struct user_msghdr msg;
	ssize_t err;

	if (copy_from_user(&msg, umsg, sizeof(*umsg)))
		return -EFAULT;

	kmsg->msg_control = msg.msg_control;
	kmsg->msg_controllen = msg.msg_controllen;
	kmsg->msg_flags = msg.msg_flags;
	kmsg->msg_iocb = NULL;

	kmsg->msg_namelen = msg.msg_namelen;
	if (!msg.msg_name)
		kmsg->msg_namelen = 0;

	if (kmsg->msg_namelen < 0)
		return -EINVAL;

	if (kmsg->msg_namelen > (int)sizeof(struct sockaddr_storage))
		kmsg->msg_namelen = sizeof(struct sockaddr_storage);

	if (save_addr)
		*save_addr = msg.msg_name;

	kmsg->msg_name = NULL;
	if (msg.msg_name && kmsg->msg_namelen) {
		if (!save_addr) {
			err = move_addr_to_kernel(msg.msg_name, kmsg->msg_namelen, addr);
			if (err < 0)
				return err;
		}
		kmsg->msg_name = addr;
	} else {
		kmsg->msg_namelen = 0;
	}

	if (msg.msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;

	err = import_iovec(type, msg.msg_iov, msg.msg_iovlen, UIO_FASTIOV, iov, &kmsg->msg_iter);
	return err < 0 ? err : 0;
}

/*
 *	BSD sendmsg interface
 */
noinline long __sys_sendmsg(int fd, struct user_msghdr __user *umsg, unsigned int flags)
{
	struct socket *sock;
	struct sockaddr_storage address;
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	struct msghdr msg_sys;
	int err, fput_needed;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (!sock)
		goto out;

	err = copy_msghdr_from_user(&msg_sys, umsg, NULL, &iov, &address, WRITE);
	if (err < 0)
		goto out_put;

	/* Ancillary data (IP_PKTINFO, SCM_RIGHTS ...) is not supported: refuse rather than ignore. */
	err = -EINVAL;
	if (msg_sys.msg_controllen)
		goto out_freeiov;
	msg_sys.msg_control = NULL;

	msg_sys.msg_flags = flags;
	if (sock->file->f_flags & O_NONBLOCK)
		msg_sys.msg_flags |= MSG_DONTWAIT;
	err = sock_sendmsg(sock, &msg_sys);

out_freeiov:
	kfree(iov);
out_put:
	fput_light(sock->file, fput_needed);
out:
	return err;
}

SYSCALL_DEFINE3(sendmsg, int, fd, struct user_msghdr __user *, msg, unsigned int, flags)
{
	return __sys_sendmsg(fd, msg, flags);
}

/*
 *	BSD recvmsg interface
 */
noinline long __sys_recvmsg(int fd, struct user_msghdr __user *umsg, unsigned int flags)
{
	struct socket *sock;
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	struct msghdr msg_sys;
	struct sockaddr_storage addr;
	struct sockaddr __user *uaddr;
	int __user *uaddr_len = &umsg->msg_namelen;
	__kernel_size_t ucontrol_len;
	int err, len, fput_needed;

	sock = sockfd_lookup_light(fd, &err, &fput_needed);
	if (!sock)
		goto out;

	err = copy_msghdr_from_user(&msg_sys, umsg, &uaddr, &iov, &addr, READ);
	if (err < 0)
		goto out_put;
	ucontrol_len = msg_sys.msg_controllen;

	/* We assume all kernel code knows the size of sockaddr_storage */
	msg_sys.msg_namelen = 0;
	msg_sys.msg_flags = 0;
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	err = sock_recvmsg(sock, &msg_sys, flags);
	if (err < 0)
		goto out_freeiov;
	len = err;

	if (uaddr != NULL) {
		err = move_addr_to_user(&addr, msg_sys.msg_namelen, uaddr, uaddr_len);
		if (err < 0)
			goto out_freeiov;
	}
	err = put_user(msg_sys.msg_flags & ~MSG_CMSG_CLOEXEC, &umsg->msg_flags);
	if (err)
		goto out_freeiov;
	/* What put_cmsg used of the control buffer (IP_TTL for IP_RECVTTL ...). */
	err = put_user(ucontrol_len - msg_sys.msg_controllen, &umsg->msg_controllen);
	if (err)
		goto out_freeiov;
	err = len;

out_freeiov:
	kfree(iov);
out_put:
	fput_light(sock->file, fput_needed);
out:
	return err;
}

SYSCALL_DEFINE3(recvmsg, int, fd, struct user_msghdr __user *, msg, unsigned int, flags)
{
	return __sys_recvmsg(fd, msg, flags);
}

/**
 *	sock_register - add a socket protocol handler
 *	@ops: description of protocol
 *
 *	This function is called by a protocol handler that wants to
 *	advertise its address family, and have it linked into the
 *	socket interface. The value ops->family corresponds to the
 *	socket system call protocol family.
 */
noinline int sock_register(const struct net_proto_family *ops)
{
	int err;

	if (ops->family < 0 || ops->family >= NPROTO) {
		pr_err("protocol %d >= NPROTO(%d)\n", ops->family, NPROTO);
		return -ENOBUFS;
	}

	if (net_families[ops->family])
		err = -EEXIST;
	else {
		net_families[ops->family] = ops;
		err = 0;
	}

	pr_info("NET: Registered protocol family %d\n", ops->family);
	return err;
}

/**
 *	sock_unregister - remove a protocol handler
 *	@family: protocol family to remove
 *
 *	This function is called by a protocol handler that wants to
 *	remove its address family, and have it unlinked from the
 *	new socket creation.
 */
void sock_unregister(int family)
{
	BUG_ON(family < 0 || family >= NPROTO);
	net_families[family] = NULL;
	pr_info("NET: Unregistered protocol family %d\n", family);
}

bool sock_is_registered(int family)
{
	return family < NPROTO && net_families[family];
}

/* Sockets in use (/proc/net/sockstat). */
int sock_inuse_get(struct net *net)
{
	return sockets_in_use;
}

static int __init sock_init(void)
{
	sock_inode_cachep = kmem_cache_create("sock_inode_cache", sizeof(struct socket), 0,
					      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	return sock_inode_cachep ? 0 : -ENOMEM;
}

core_initcall(sock_init);	/* early initcall */
