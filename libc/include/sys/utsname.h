/* uname(): the kernel's struct new_utsname under the POSIX name. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <features.h>
#include <linux/utsname.h>

__BEGIN_DECLS

#define _UTSNAME_LENGTH	(__NEW_UTS_LEN + 1)

struct utsname {
	char sysname[_UTSNAME_LENGTH];
	char nodename[_UTSNAME_LENGTH];
	char release[_UTSNAME_LENGTH];
	char version[_UTSNAME_LENGTH];
	char machine[_UTSNAME_LENGTH];
	char domainname[_UTSNAME_LENGTH];
};

int uname(struct utsname *buf);

__END_DECLS

#endif
