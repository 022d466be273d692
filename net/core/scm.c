/*
 * Ancillary data (Linux net/core/scm.c): recvmsg() returns control messages such as IP_TTL (the
 * received packet's TTL, asked for with IP_RECVTTL) in the caller's msg_control buffer.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/socket.h>

int put_cmsg(struct msghdr *msg, int level, int type, int len, void *data)
{
	struct cmsghdr __user *cm = (struct cmsghdr __user *)msg->msg_control;
	struct cmsghdr cmhdr;
	int cmlen = CMSG_LEN(len);
	int err;

	if (cm == NULL || msg->msg_controllen < sizeof(*cm)) {
		msg->msg_flags |= MSG_CTRUNC;
		return 0; /* XXX: return error? check spec. */
	}
	if (msg->msg_controllen < (size_t)cmlen) {
		msg->msg_flags |= MSG_CTRUNC;
		cmlen = msg->msg_controllen;
	}
	cmhdr.cmsg_level = level;
	cmhdr.cmsg_type = type;
	cmhdr.cmsg_len = cmlen;

	err = -EFAULT;
	if (copy_to_user(cm, &cmhdr, sizeof(cmhdr)))
		goto out;
	if (copy_to_user(CMSG_DATA(cm), data, cmlen - sizeof(struct cmsghdr)))
		goto out;
	cmlen = CMSG_SPACE(len);
	if (msg->msg_controllen < (size_t)cmlen)
		cmlen = msg->msg_controllen;
	msg->msg_control = (char *)msg->msg_control + cmlen;
	msg->msg_controllen -= cmlen;
	err = 0;
out:
	return err;
}
