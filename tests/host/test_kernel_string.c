/*
 * kernel/lib/string.c on the host: the word-sized fast paths of memcpy/memset at every alignment,
 * memmove with overlap in both directions, comparisons' signs, and the kernel-only strscpy/strsep.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

static void test_kernel_string_memcpy_memset_alignments(void **state)
{
	unsigned char src[64], dst[80];

	for (int i = 0; i < 64; i++)
		src[i] = (unsigned char)(i * 7 + 1);
	for (int off = 0; off < 8; off++) {
		for (size_t len = 0; len < 40; len++) {
			memset(dst, 0xcc, sizeof(dst));
			assert_ptr_equal(memcpy(dst + off, src + (len % 8), len), dst + off);
			for (size_t i = 0; i < len; i++)
				assert_int_equal(dst[off + i], src[len % 8 + i]);
			assert_int_equal(dst[off + len], 0xcc);	/* nothing past the end */
			if (off)
				assert_int_equal(dst[off - 1], 0xcc);
			memset(dst + off, 0x5a, len);
			for (size_t i = 0; i < len; i++)
				assert_int_equal(dst[off + i], 0x5a);
			assert_int_equal(dst[off + len], 0xcc);
		}
	}
}

static void test_kernel_string_memmove_overlap(void **state)
{
	char buf[32];

	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 8);	/* dst after src */
	assert_memory_equal(buf, "0101234567", 10);
	strcpy(buf, "0123456789");
	memmove(buf, buf + 2, 8);	/* dst before src */
	assert_memory_equal(buf, "2345678989", 10);
}

static void test_kernel_string_compare(void **state)
{
	assert_int_equal(memcmp("abc", "abd", 3), -1);
	assert_int_equal(memcmp("abd", "abc", 3), 1);
	assert_int_equal(memcmp("\xff", "\x01", 1), 1);		/* bytes compare unsigned */
	assert_int_equal(memcmp("abc", "abd", 2), 0);
	assert_true(strcmp("eth0", "eth1") < 0);
	assert_true(strcmp("eth10", "eth1") > 0);
	assert_int_equal(strcmp("lo", "lo"), 0);
	assert_int_equal(strncmp("net.debug=tcp", "net.debug=", 10), 0);
	assert_true(strncmp("a", "b", 0) == 0);
	assert_int_equal(strlen(""), 0);
	assert_int_equal(strnlen("abcdef", 3), 3);
	assert_int_equal(strnlen("ab", 3), 2);
}

static void test_kernel_string_search(void **state)
{
	const char *s = "ip=10.0.2.15::10.0.2.2";

	assert_ptr_equal(strchr(s, '='), s + 2);
	assert_ptr_equal(strchr(s, '\0'), s + strlen(s));
	assert_null(strchr(s, 'x'));
	assert_ptr_equal(strrchr(s, ':'), s + 13);
	assert_ptr_equal(strstr(s, "::"), s + 12);
	assert_ptr_equal(strstr(s, ""), s);
	assert_null(strstr(s, "10.0.3"));
	assert_ptr_equal(memchr(s, '1', 5), s + 3);
	assert_null(memchr(s, '1', 3));
}

static void test_kernel_string_strscpy_strsep(void **state)
{
	char buf[8], list[32], *p = list;

	assert_int_equal(strscpy(buf, "eth0", sizeof(buf)), 4);
	assert_string_equal(buf, "eth0");
	assert_int_equal(strscpy(buf, "0123456789", sizeof(buf)), -E2BIG);
	assert_string_equal(buf, "0123456");
	assert_int_equal(strscpy(buf, "x", 0), -E2BIG);
	strcpy(list, "tcp,arp,,ip");
	assert_string_equal(strsep(&p, ","), "tcp");
	assert_string_equal(strsep(&p, ","), "arp");
	assert_string_equal(strsep(&p, ","), "");
	assert_string_equal(strsep(&p, ","), "ip");
	assert_null(p);
	assert_null(strsep(&p, ","));
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "ab", 5);		/* pads with NULs up to n */
	assert_memory_equal(buf, "ab\0\0\0xxx", 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kernel_string_memcpy_memset_alignments),
		cmocka_unit_test(test_kernel_string_memmove_overlap),
		cmocka_unit_test(test_kernel_string_compare),
		cmocka_unit_test(test_kernel_string_search),
		cmocka_unit_test(test_kernel_string_strscpy_strsep),
	};

	return cmocka_run_group_tests_name("kernel_string", tests, NULL, NULL);
}
