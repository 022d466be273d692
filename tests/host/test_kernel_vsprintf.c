/*
 * kernel/lib/vsprintf.c on the host: every conversion the kernel uses, widths, precisions and
 * flags, Linux's %pI4 / %pM, truncation and the return values of snprintf and scnprintf.
 * The expectations are C's printf rules (checked against glibc where the formats overlap).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define CHECK(expect, fmt, ...) do {						\
		char _buf[128];							\
		int _n = snprintf(_buf, sizeof(_buf), fmt, ##__VA_ARGS__);	\
		assert_string_equal(_buf, expect);				\
		assert_int_equal(_n, (int)strlen(expect));			\
	} while (0)

static void test_kernel_vsprintf_integers(void **state)
{
	CHECK("42", "%d", 42);
	CHECK("-42", "%i", -42);
	CHECK("4294967295", "%u", 4294967295u);
	CHECK("ff", "%x", 255);
	CHECK("FF", "%X", 255);
	CHECK("17", "%o", 15);
	CHECK("-9223372036854775808", "%ld", (long)INT64_MIN);
	CHECK("18446744073709551615", "%lu", (unsigned long)UINT64_MAX);
	CHECK("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
	CHECK("123", "%zu", (size_t)123);
	CHECK("-1", "%zd", (ssize_t)-1);
	CHECK("-128 255", "%hhd %hhu", (signed char)-128, (unsigned char)255);
	CHECK("-32768 65535", "%hd %hu", (short)-32768, (unsigned short)65535);
	CHECK("0", "%d", 0);
}

static void test_kernel_vsprintf_width_precision_flags(void **state)
{
	CHECK("   42", "%5d", 42);
	CHECK("42   |", "%-5d|", 42);
	CHECK("00042", "%05d", 42);
	CHECK("-0042", "%05d", -42);
	CHECK("  -42", "%5d", -42);
	CHECK("+42", "%+d", 42);
	CHECK(" 42", "% d", 42);
	CHECK("0x1f", "%#x", 31);
	CHECK("0X1F", "%#X", 31);
	CHECK("0x0000001f", "%#010x", 31);
	CHECK("  00042", "%7.5d", 42);
	CHECK("", "%.0d", 0);
	CHECK("   42", "%*d", 5, 42);
	CHECK("42   |", "%*d|", -5, 42);
	CHECK("000000000000beef", "%016lx", 0xbeefUL);
	CHECK("[    0.123456] ", "[%5lu.%06lu] ", 0UL, 123456UL);
}

static void test_kernel_vsprintf_strings_chars(void **state)
{
	const char *volatile null_str = NULL;	/* hidden from the compiler's format check */

	CHECK("hello", "%s", "hello");
	CHECK("  hi|", "%4s|", "hi");
	CHECK("hi  |", "%-4s|", "hi");
	CHECK("hel", "%.3s", "hello");
	CHECK("he", "%.*s", 2, "hello");
	CHECK("(null)", "%s", null_str);
	CHECK("x", "%c", 'x');
	CHECK("  x|x  |", "%3c|%-3c|", 'x', 'x');
	CHECK("100%", "%d%%", 100);
}

static void test_kernel_vsprintf_pointers(void **state)
{
	CHECK("0xffff888006498880", "%p", (void *)0xffff888006498880UL);
	CHECK("(null)", "%p", (void *)0);
}

static void test_kernel_vsprintf_ipv4_mac(void **state)
{
	/* %pI4 takes a pointer to the address in network order, as Linux does. */
	uint8_t ip[4] = { 10, 0, 2, 15 };
	uint8_t bcast[4] = { 255, 255, 255, 255 };
	uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

	CHECK("10.0.2.15", "%pI4", ip);
	CHECK("255.255.255.255", "%pI4", bcast);
	CHECK("src 10.0.2.15:80", "src %pI4:%u", ip, 80);
	CHECK("     10.0.2.15|", "%14pI4|", ip);
	CHECK("10.0.2.15     |", "%-14pI4|", ip);
	CHECK("52:54:00:12:34:56", "%pM", mac);
	CHECK("52:54:00:12:34:56 dev", "%pM dev", mac);
	CHECK("(null)", "%pI4", (void *)NULL);
}

static void test_kernel_vsprintf_truncation(void **state)
{
	char buf[8];
	int n;

	memset(buf, 'x', sizeof(buf));
	n = snprintf(buf, sizeof(buf), "%s", "0123456789");
	assert_int_equal(n, 10);		/* the length it would have had */
	assert_string_equal(buf, "0123456");	/* always terminated */
	n = scnprintf(buf, sizeof(buf), "%s", "0123456789");
	assert_int_equal(n, 7);			/* what was stored */
	n = snprintf(NULL, 0, "%d", 12345);
	assert_int_equal(n, 5);
	n = scnprintf(buf, 0, "%d", 1);
	assert_int_equal(n, 0);
	memset(buf, 'x', sizeof(buf));
	n = snprintf(buf, 1, "abc");
	assert_int_equal(n, 3);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], 'x');		/* nothing written past size */
}

static void test_kernel_vsprintf_strtoul(void **state)
{
	unsigned int v;
	char *end;

	assert_int_equal(simple_strtoul("1234xyz", &end, 10), 1234);
	assert_string_equal(end, "xyz");
	assert_int_equal(simple_strtoul("0x1f", NULL, 0), 31);
	assert_int_equal(simple_strtoul("017", NULL, 0), 15);
	assert_int_equal(simple_strtoul("ff", NULL, 16), 255);
	assert_int_equal(kstrtouint("4096\n", 10, &v), 0);
	assert_int_equal(v, 4096);
	assert_int_equal(kstrtouint("12a", 10, &v), -EINVAL);
	assert_int_equal(kstrtouint("", 10, &v), -EINVAL);
	assert_int_equal(kstrtouint("4294967296", 10, &v), -ERANGE);
	assert_int_equal(kstrtouint("4294967295", 10, &v), 0);
	assert_int_equal(v, 4294967295u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kernel_vsprintf_integers),
		cmocka_unit_test(test_kernel_vsprintf_width_precision_flags),
		cmocka_unit_test(test_kernel_vsprintf_strings_chars),
		cmocka_unit_test(test_kernel_vsprintf_pointers),
		cmocka_unit_test(test_kernel_vsprintf_ipv4_mac),
		cmocka_unit_test(test_kernel_vsprintf_truncation),
		cmocka_unit_test(test_kernel_vsprintf_strtoul),
	};

	return cmocka_run_group_tests_name("kernel_vsprintf", tests, NULL, NULL);
}
