/*
 * printk with Linux's level prefixes. Output goes to the log buffer (dmesg) and the consoles with a
 * "[    0.123456]" timestamp. pr_debug for a subsystem is switched on with net.debug=<name> (see NET_DEBUG).
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/compiler.h>
#include <stdarg.h>
#include <stddef.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);

#define KERN_CONT	KERN_SOH "c"

/* Messages below this level reach the consoles (loglevel=N, quiet); all are kept for dmesg. */
extern int console_loglevel;
/* The kernel log (dmesg): copies the retained lines, oldest first, at most size bytes; returns bytes. */
size_t log_buf_copy(char *buf, size_t size);
/* Bytes log_buf_copy would return with an unlimited buffer (at most the ring size). */
size_t log_buf_len(void);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(fmt, ##__VA_ARGS__)

/*
 * Per-subsystem debug switches: net.debug=tcp,arp on the kernel command line sets bits here.
 * net_debug(NET_DBG_TCP, "fmt", ...) prints only when that subsystem is switched on.
 */
enum {
	NET_DBG_DEV	= 1 << 0,
	NET_DBG_ARP	= 1 << 1,
	NET_DBG_IP	= 1 << 2,
	NET_DBG_ICMP	= 1 << 3,
	NET_DBG_UDP	= 1 << 4,
	NET_DBG_TCP	= 1 << 5,
	NET_DBG_SOCK	= 1 << 6,
	NET_DBG_ROUTE	= 1 << 7,
	NET_DBG_DRIVER	= 1 << 8,
};
extern unsigned int net_debug_mask;
#define net_debug(bit, fmt, ...) \
	do { if (unlikely(net_debug_mask & (bit))) printk(KERN_DEBUG fmt, ##__VA_ARGS__); } while (0)

#endif
