/*
 * printk: formats a message, stamps it "[    0.123456] " with the time since boot (ktime_get_ns),
 * appends it to the log buffer (read by dmesg through log_buf_read) and, if its level is below
 * console_loglevel, writes it to every console. A message without a trailing newline leaves the
 * line open, and the next printk without a level continues it (pr_cont).
 *
 * Also the home of net_debug_mask, set by net.debug=tcp,arp,... on the kernel command line.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/string.h>

#define LOG_BUF_LEN		(64 * 1024)	/* a ring: the oldest lines go first */
#define DEFAULT_LOGLEVEL	4		/* printk without a level is KERN_WARNING, as in Linux */
#define CONSOLE_WRITE_CHUNK	64		/* bytes written with interrupts off */

static char log_buf[LOG_BUF_LEN];
static unsigned long log_head;		/* total bytes ever written; log_buf[log_head % LEN] is next */
static struct console *console_list;
static bool line_open;			/* the last message did not end with '\n' */

/* Messages with a level numerically below this reach the consoles; all go to the log. */
int console_loglevel = 8;

unsigned int net_debug_mask;

static void log_store(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		log_buf[(log_head + i) % LOG_BUF_LEN] = s[i];
	log_head += len;
}

static void console_emit(const char *s, size_t len)
{
	for (struct console *con = console_list; con; con = con->next)
		con->write(con, s, len);
}

/* In pieces, so a big write from user space does not keep interrupts off for milliseconds. */
void console_write(const char *s, size_t len)
{
	while (len) {
		size_t n = min(len, (size_t)CONSOLE_WRITE_CHUNK);
		unsigned long flags;

		local_irq_save(flags);
		console_emit(s, n);
		local_irq_restore(flags);
		s += n;
		len -= n;
	}
}

/* Strips a KERN_<LEVEL> prefix; returns the level, or -1 for none (a continuation or default). */
static int printk_get_level(const char **text)
{
	const char *s = *text;

	if (s[0] == KERN_SOH[0] && s[1] >= '0' && s[1] <= '7') {
		*text = s + 2;
		return s[1] - '0';
	}
	if (s[0] == KERN_SOH[0] && s[1] == 'c') {	/* KERN_CONT */
		*text = s + 2;
		return -1;
	}
	return -1;
}

int vprintk(const char *fmt, va_list args)
{
	static char text[1024];		/* one message; guarded by disabled interrupts */
	char stamp[24];
	const char *msg;
	int level, len, stamp_len = 0;
	unsigned long flags;

	local_irq_save(flags);
	len = vscnprintf(text, sizeof(text), fmt, args);
	msg = text;
	level = printk_get_level(&msg);
	len -= msg - text;
	if (level >= 0 && line_open) {
		/* A new leveled message while a line is open: close that line first. */
		log_store("\n", 1);
		console_emit("\n", 1);
		line_open = false;
	}
	if (level < 0)
		level = DEFAULT_LOGLEVEL;
	if (!line_open) {
		u64 ns = ktime_get_ns();

		stamp_len = scnprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ",
				      (unsigned long)(ns / 1000000000), (unsigned long)(ns % 1000000000) / 1000);
		log_store(stamp, stamp_len);
	}
	log_store(msg, len);
	if (level < console_loglevel) {
		console_emit(stamp, stamp_len);
		console_emit(msg, len);
	}
	if (len)
		line_open = msg[len - 1] != '\n';
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/*
 * Copies the retained log, oldest line first, into buf (at most size bytes, not terminated).
 * When the ring has wrapped, the partial oldest line is skipped. Returns the bytes copied.
 */
size_t log_buf_copy(char *buf, size_t size)
{
	unsigned long start, end, flags;
	size_t n = 0;

	local_irq_save(flags);
	end = log_head;
	start = end > LOG_BUF_LEN ? end - LOG_BUF_LEN : 0;
	if (start) {
		while (start < end && log_buf[start % LOG_BUF_LEN] != '\n')
			start++;
		start++;
	}
	/* Keep the newest part if the caller's buffer is smaller than the log. */
	if (end - start > size)
		start = end - size;
	for (; start < end; start++)
		buf[n++] = log_buf[start % LOG_BUF_LEN];
	local_irq_restore(flags);
	return n;
}

size_t log_buf_len(void)
{
	return log_head < LOG_BUF_LEN ? log_head : LOG_BUF_LEN;
}

void register_console(struct console *con)
{
	unsigned long flags;
	static char replay[1024];
	unsigned long pos, end;

	local_irq_save(flags);
	/* Replay what was logged before this console existed (levels are not kept: replay all). */
	end = log_head;
	pos = end > LOG_BUF_LEN ? end - LOG_BUF_LEN : 0;
	while (pos < end) {
		size_t n = 0;

		while (pos < end && n < sizeof(replay))
			replay[n++] = log_buf[pos++ % LOG_BUF_LEN];
		con->write(con, replay, n);
	}
	con->next = console_list;
	console_list = con;
	local_irq_restore(flags);
}

static const char *const net_debug_names[] = {
	"dev", "arp", "ip", "icmp", "udp", "tcp", "sock", "route", "driver",
};

/* net.debug=tcp,arp (or "all"): bit i of net_debug_mask is net_debug_names[i], see printk.h. */
static int net_debug_setup(char *value)
{
	unsigned int mask = 0;
	char *name;

	while ((name = strsep(&value, ","))) {
		unsigned int i;

		if (!*name)
			continue;
		if (!strcmp(name, "all")) {
			mask = (1u << ARRAY_SIZE(net_debug_names)) - 1;
			continue;
		}
		for (i = 0; i < ARRAY_SIZE(net_debug_names); i++) {
			if (!strcmp(name, net_debug_names[i]))
				break;
		}
		if (i == ARRAY_SIZE(net_debug_names)) {
			pr_warn("net.debug: unknown subsystem '%s' (known: dev arp ip icmp udp tcp sock route driver all)\n",
				name);
			continue;
		}
		mask |= 1u << i;
	}
	net_debug_mask = mask;
	return 1;
}
__setup("net.debug=", net_debug_setup);

static int loglevel_setup(char *value)
{
	unsigned int level;

	if (kstrtouint(value, 10, &level) || level > 8) {
		pr_warn("loglevel=%s: expected 0..8\n", value);
		return 1;
	}
	console_loglevel = (int)level;
	return 1;
}
__setup("loglevel=", loglevel_setup);

static int quiet_setup(char *value)
{
	console_loglevel = DEFAULT_LOGLEVEL;
	return 1;
}
__setup("quiet", quiet_setup);
