/*
 * Path normalisation (fs/path.c, the real file): what open("..//bin/./ls") resolves to from a
 * working directory, and that an over-long result is -ENAMETOOLONG, never an overflow.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include "../../fs/internal.h"

static void check(const char *cwd, const char *path, const char *want)
{
	char out[256];

	assert_int_equal(normalize_path(cwd, path, out, sizeof(out)), 0);
	assert_string_equal(out, want);
}

static void test_path_absolute_ignores_cwd(void **state)
{
	check("/proc", "/bin/ls", "/bin/ls");
	check("/proc", "/", "/");
}

static void test_path_relative_joins_cwd(void **state)
{
	check("/bin", "ls", "/bin/ls");
	check("/", "bin/ls", "/bin/ls");
	check("/proc/net", "tcp", "/proc/net/tcp");
}

static void test_path_dot_and_slashes_removed(void **state)
{
	check("/", "//bin///./ls/", "/bin/ls");
	check("/bin", ".", "/bin");
	check("/bin", "./", "/bin");
}

static void test_path_dotdot_goes_up_but_not_above_root(void **state)
{
	check("/proc/net", "..", "/proc");
	check("/proc/net", "../../bin/ls", "/bin/ls");
	check("/", "../../..", "/");
	check("/bin", "../proc/../bin/../../dev/null", "/dev/null");
}

static void test_path_dot_names_are_names(void **state)
{
	check("/", "...", "/...");
	check("/", ".hidden/..x", "/.hidden/..x");
}

static void test_path_too_long_is_enametoolong(void **state)
{
	char out[16];
	char big[64];

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(normalize_path("/", big, out, sizeof(out)), -ENAMETOOLONG);
	assert_int_equal(normalize_path("/", "x", out, 1), -ENAMETOOLONG);
	/* exactly fits: "/" + 14 chars + NUL */
	assert_int_equal(normalize_path("/", "abcdefghijklmn", out, sizeof(out)), 0);
	assert_string_equal(out, "/abcdefghijklmn");
	assert_int_equal(normalize_path("/", "abcdefghijklmno", out, sizeof(out)), -ENAMETOOLONG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_absolute_ignores_cwd),
		cmocka_unit_test(test_path_relative_joins_cwd),
		cmocka_unit_test(test_path_dot_and_slashes_removed),
		cmocka_unit_test(test_path_dotdot_goes_up_but_not_above_root),
		cmocka_unit_test(test_path_dot_names_are_names),
		cmocka_unit_test(test_path_too_long_is_enametoolong),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
