/* reboot(): the libc form takes just the command; the magic numbers are added by the wrapper. */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <features.h>
#include <linux/reboot.h>

__BEGIN_DECLS

#define RB_AUTOBOOT	LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM	LINUX_REBOOT_CMD_HALT
#define RB_ENABLE_CAD	LINUX_REBOOT_CMD_CAD_ON
#define RB_DISABLE_CAD	LINUX_REBOOT_CMD_CAD_OFF
#define RB_POWER_OFF	LINUX_REBOOT_CMD_POWER_OFF
#define RB_SW_SUSPEND	LINUX_REBOOT_CMD_SW_SUSPEND
#define RB_KEXEC	LINUX_REBOOT_CMD_KEXEC

int reboot(int cmd);

__END_DECLS

#endif
