/*
 * /proc: read-only text files generated on open (meminfo, net/tcp, net/snmp, net/arp ...).
 * User programs read them with open()/read(), as Linux tools do; subsystems register a show().
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/seq_file.h>

struct proc_dir_entry;
typedef unsigned short umode_t;

/* name is a path below /proc such as "net/tcp"; parent is always NULL here. */
struct proc_dir_entry *proc_create_single(const char *name, umode_t mode, struct proc_dir_entry *parent,
					  int (*show)(struct seq_file *m, void *v));

#endif
