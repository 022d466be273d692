/* The host stand-ins of tests/host/proc_host.c. */
#ifndef _TESTS_HOST_PROC_HOST_H
#define _TESTS_HOST_PROC_HOST_H

struct task_struct;

extern struct task_struct *proc_host_current;	/* what get_current() returns */
extern unsigned int proc_host_wakeups;		/* successful wake_up_state() calls */

#endif
