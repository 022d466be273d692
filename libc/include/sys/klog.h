/* klogctl(): the kernel log buffer through syslog(2) (what dmesg uses). */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

#include <features.h>
#include <linux/syslog.h>

__BEGIN_DECLS

int klogctl(int type, char *buf, int len);

__END_DECLS

#endif
