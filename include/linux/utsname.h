/* The system's names as uname(2) reports them (kernel/sys.c). */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <uapi/linux/utsname.h>

extern struct new_utsname init_uts_ns;

#endif
