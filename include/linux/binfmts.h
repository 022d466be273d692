/* Starting programs (kernel/exec.c). */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

/* execve from kernel strings, for kernel_init; 0 means the task now returns to user mode. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif
