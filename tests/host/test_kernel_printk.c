/*
 * kernel/printk.c on the host with a hand-set clock: the "[    1.234567] " timestamps, levels
 * (everything to the log, below console_loglevel to the consoles), continuation lines, the log
 * ring (dmesg) when it wraps, consoles registered late replaying the log, and the command line
 * switches net.debug=, loglevel= and quiet (found through the __setup table, as the kernel does).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include "kernel_host.h"

static u64 now_ns;

u64 ktime_get_ns(void)
{
	return now_ns;
}

static char con_out[4096];
static size_t con_len;

static void test_console_write(struct console *con, const char *s, size_t len)
{
	size_t n = min(len, sizeof(con_out) - 1 - con_len);

	memcpy(con_out + con_len, s, n);
	con_len += n;
	con_out[con_len] = '\0';
}

static struct console test_console = { .name = "test", .write = test_console_write };

extern const struct obs_kernel_param __start_host_setup[], __stop_host_setup[];

static void run_setup(const char *param)
{
	static char buf[128];

	for (const struct obs_kernel_param *p = __start_host_setup; p < __stop_host_setup; p++) {
		size_t n = strlen(p->str);

		if (!strncmp(param, p->str, n)) {
			strscpy(buf, param + n, sizeof(buf));
			p->setup_func(buf);
			return;
		}
	}
	fail_msg("no __setup handler for %s", param);
}

/* The newest log text (the last `size` bytes dmesg would show). */
static const char *log_tail(size_t size)
{
	static char buf[70 * 1024];
	size_t n = log_buf_copy(buf, size < sizeof(buf) - 1 ? size : sizeof(buf) - 1);

	buf[n] = '\0';
	return buf;
}

static int setup(void **state)
{
	/* A finished line, so each test starts at the beginning of one. */
	printk(KERN_INFO "--- test start\n");
	con_len = 0;
	con_out[0] = '\0';
	console_loglevel = 8;
	return 0;
}

static void test_kernel_printk_timestamp_format(void **state)
{
	now_ns = 1234567891ULL;		/* 1.234567891 s: microseconds are truncated */
	printk(KERN_INFO "hello %d\n", 42);
	assert_string_equal(con_out, "[    1.234567] hello 42\n");
	now_ns = 123456ULL * 1000000000ULL + 5000;
	printk(KERN_INFO "later\n");
	assert_non_null(strstr(con_out, "[123456.000005] later\n"));
	assert_non_null(strstr(log_tail(200), "[    1.234567] hello 42\n[123456.000005] later\n"));
}

static void test_kernel_printk_levels_filter_consoles_not_the_log(void **state)
{
	console_loglevel = 4;		/* what `quiet` sets: errors and worse only */
	printk(KERN_DEBUG "debug line\n");
	printk(KERN_ERR "error line\n");
	printk("no level is a warning\n");
	assert_null(strstr(con_out, "debug line"));
	assert_non_null(strstr(con_out, "error line"));
	assert_null(strstr(con_out, "no level"));
	/* dmesg has all of them, without the level prefix. */
	assert_non_null(strstr(log_tail(400), "debug line\n"));
	assert_non_null(strstr(log_tail(400), "no level is a warning\n"));
	assert_null(strchr(log_tail(400), '\001'));
}

static void test_kernel_printk_continuation_lines(void **state)
{
	now_ns = 2000000000ULL;
	printk(KERN_INFO "eth0: link");
	printk(KERN_CONT " up");
	pr_cont(", 1000 Mbps\n");
	assert_string_equal(con_out, "[    2.000000] eth0: link up, 1000 Mbps\n");
	/* A new leveled message while a line is open closes that line first. */
	printk(KERN_INFO "partial");
	printk(KERN_INFO "next\n");
	assert_non_null(strstr(log_tail(200), "partial\n[    2.000000] next\n"));
}

static void test_kernel_printk_log_ring_wraps(void **state)
{
	char line[80];
	const char *tail;

	/* Well over the 64 KiB ring. */
	for (int i = 0; i < 3000; i++)
		printk(KERN_INFO "line %04d %s\n", i, "0123456789012345678901234567890123456789");
	assert_true(log_buf_len() <= 64 * 1024);
	tail = log_tail(70 * 1024);
	/* Oldest retained text starts at a line boundary; the newest line is last. */
	assert_memory_equal(tail, "[", 1);
	snprintf(line, sizeof(line), "line %04d 0123456789012345678901234567890123456789\n", 2999);
	assert_true(strlen(tail) >= strlen(line));
	assert_string_equal(tail + strlen(tail) - strlen(line), line);
	assert_null(strstr(tail, "line 0000 "));
	/* A small buffer gets the newest bytes. */
	tail = log_tail(strlen(line));
	assert_string_equal(tail, line);
}

static char replay[70 * 1024];
static size_t replay_len;

static void late_console_write(struct console *con, const char *s, size_t len)
{
	size_t n = min(len, sizeof(replay) - 1 - replay_len);

	memcpy(replay + replay_len, s, n);
	replay_len += n;
	replay[replay_len] = '\0';
}

/* Stays registered for the rest of the run (consoles are never unregistered). */
static struct console late_console = { .name = "late", .write = late_console_write };

static void test_kernel_printk_late_console_replays_log(void **state)
{
	printk(KERN_INFO "before the late console\n");
	register_console(&late_console);
	/* The whole retained log, up to the newest line. */
	assert_true(replay_len > 0);
	assert_non_null(strstr(replay, "before the late console\n"));
	printk(KERN_INFO "after it\n");
	assert_non_null(strstr(replay, "after it\n"));
}

static void test_kernel_printk_net_debug_switches(void **state)
{
	run_setup("net.debug=tcp,arp");
	assert_int_equal(net_debug_mask, NET_DBG_TCP | NET_DBG_ARP);
	run_setup("net.debug=bogus,ip");	/* unknown names are reported, the rest still apply */
	assert_int_equal(net_debug_mask, NET_DBG_IP);
	assert_non_null(strstr(con_out, "net.debug: unknown subsystem 'bogus'"));
	run_setup("net.debug=all");
	assert_int_equal(net_debug_mask, NET_DBG_DEV | NET_DBG_ARP | NET_DBG_IP | NET_DBG_ICMP | NET_DBG_UDP |
			 NET_DBG_TCP | NET_DBG_SOCK | NET_DBG_ROUTE | NET_DBG_DRIVER);
	run_setup("net.debug=");
	assert_int_equal(net_debug_mask, 0);
	con_len = 0;
	net_debug(NET_DBG_TCP, "tcp: should not print\n");
	assert_int_equal(con_len, 0);
	run_setup("net.debug=tcp");
	net_debug(NET_DBG_TCP, "tcp: prints\n");
	assert_non_null(strstr(con_out, "tcp: prints"));
	run_setup("net.debug=");
}

static void test_kernel_printk_loglevel_quiet(void **state)
{
	run_setup("loglevel=3");
	assert_int_equal(console_loglevel, 3);
	run_setup("loglevel=banana");		/* rejected with a warning, value kept */
	assert_int_equal(console_loglevel, 3);
	run_setup("loglevel=9");
	assert_int_equal(console_loglevel, 3);
	run_setup("quiet");
	assert_int_equal(console_loglevel, 4);
	assert_non_null(strstr(log_tail(400), "loglevel=banana: expected 0..8"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_kernel_printk_timestamp_format, setup),
		cmocka_unit_test_setup(test_kernel_printk_levels_filter_consoles_not_the_log, setup),
		cmocka_unit_test_setup(test_kernel_printk_continuation_lines, setup),
		cmocka_unit_test_setup(test_kernel_printk_log_ring_wraps, setup),
		cmocka_unit_test_setup(test_kernel_printk_late_console_replays_log, setup),
		cmocka_unit_test_setup(test_kernel_printk_net_debug_switches, setup),
		cmocka_unit_test_setup(test_kernel_printk_loglevel_quiet, setup),
	};

	register_console(&test_console);
	return cmocka_run_group_tests_name("kernel_printk", tests, NULL, NULL);
}
