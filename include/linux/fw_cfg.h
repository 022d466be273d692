/*
 * Per-run settings from QEMU's fw_cfg (kernel/fw_cfg.c), passed by run-qemu.sh:
 * opt/cmdline is appended to the kernel command line, opt/run holds the shell commands that
 * /bin/init runs at boot before powering off (`init -c "<cmds>"`, started by kernel_init).
 */
#ifndef _LINUX_FW_CFG_H
#define _LINUX_FW_CFG_H

/* NULL when not given. */
extern const char *fw_cfg_run_cmds;
extern const char *fw_cfg_cmdline;

/* A kmalloc'd, NUL-terminated copy of the named fw_cfg file, or NULL. */
char *fw_cfg_read_file(const char *name);
void fw_cfg_init(void);

#endif
