/*
 * The host test harness API (tests/host/shim/): net/ built as an ordinary Linux program, single
 * threaded, on a virtual clock. Tests drive time and softirqs explicitly, so every run is the same.
 *
 *   host_net_setup()          run every initcall once (net_dev_init, inet_init, loopback ...)
 *   host_advance_time(ms)     move jiffies forward, running expired timers and pending softirqs
 *   host_run_softirqs()       run whatever softirqs are pending now
 *   host_leak_mark()          remember memory in use; host_leak_count() reports growth since
 *   host_set_idle_hook(fn)    called when a blocking call (schedule_timeout) has nothing to wait for
 */
#ifndef _HOST_H
#define _HOST_H

#include <linux/types.h>

struct net_device;
struct sk_buff;

void host_net_setup(void);
/* Runs the __setup("name=") handler for one "name=value" argument; returns 1 if one matched. */
int host_cmdline_param(const char *param);

void host_advance_time(unsigned int ms);
/* One jiffy: expired timers (kernel/timer.c), then pending softirqs. */
void host_tick(void);
void host_run_softirqs(void);

void host_leak_mark(void);
/* Objects and kmalloc blocks allocated since host_leak_mark() and not freed; prints them. */
long host_leak_count(void);

/* A blocking caller found nothing to do: the hook may inject packets or advance time. It returns
 * true if it did something (the sleeper re-checks), false to let time pass to the next timer. */
void host_set_idle_hook(bool (*hook)(void *arg), void *arg);
void host_set_signal_pending(bool pending);
/* How many times send_sig(sig, ...) was called (SIGPIPE from a write to a closed stream ...). */
unsigned int host_signal_count(int sig);

void host_seed_random(u64 seed);

/* close(fd) on the test task's descriptor table (fd_install'ed files); -EBADF if not open. */
int host_close_fd(unsigned int fd);

/* Reads a /proc file registered with proc_create_single into buf; returns its length or -ENOENT. */
int host_proc_read(const char *name, char *buf, size_t size);

/* printk output: captured (last 64 KiB), printed to stderr when HOST_PRINTK=1. */
const char *host_printk_buffer(void);
void host_printk_clear(void);

#endif
