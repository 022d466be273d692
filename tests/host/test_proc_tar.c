/*
 * The initrd reader (fs/tar.c, the real file) on archives GNU tar writes at test time, and on
 * damaged copies of them: bad checksum, bad octal size, data running past the end, truncation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/initrd.h>

/* Kernel symbols fs/tar.c's header mentions; unused here. */
unsigned long initrd_start, initrd_end;

static char tmpdir[] = "/tmp/proc-tar-XXXXXX";
static unsigned char *archive;
static size_t archive_len;

static void sh(const char *fmt, ...)
{
	char cmd[1024];
	va_list args;

	va_start(args, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, args);
	va_end(args);
	assert_int_equal(system(cmd), 0);
}

static void load(const char *name)
{
	char path[256];
	FILE *f;
	long len;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	free(archive);
	archive = malloc(len ? len : 1);
	assert_int_equal(fread(archive, 1, len, f), (size_t)len);
	fclose(f);
	archive_len = len;
}

/* The layout user.mk builds: bin/ plus programs, made with --format=ustar, and a ./-prefixed copy. */
static int group_setup(void **state)
{
	if (!mkdtemp(tmpdir))
		return -1;
	sh("mkdir -p %s/root/bin %s/deep/a/b && printf 'hello\\n' > %s/root/bin/hello && "
	   "head -c 3000 /dev/urandom > %s/root/bin/big && printf x > %s/deep/a/b/c",
	   tmpdir, tmpdir, tmpdir, tmpdir, tmpdir);
	sh("chmod 644 %s/root/bin/hello", tmpdir);
	/* Fixed member order: bin/ at 0, hello at 512 (data 1024), big at 1536 (data 2048..5047). */
	sh("tar --format=ustar --no-recursion -C %s/root -cf %s/plain.tar bin bin/hello bin/big",
	   tmpdir, tmpdir);
	sh("tar --format=ustar -C %s/root -cf %s/dot.tar ./bin", tmpdir, tmpdir);
	sh("tar --format=ustar -C %s/deep -cf %s/deep.tar a/b/c", tmpdir, tmpdir);
	return 0;
}

static int group_teardown(void **state)
{
	char cmd[256];

	free(archive);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd);
}

static void test_tar_lookup_finds_file_contents(void **state)
{
	struct tar_entry e;

	load("plain.tar");
	assert_int_equal(tar_lookup(archive, archive_len, "bin/hello", &e), 0);
	assert_false(e.is_dir);
	assert_int_equal(e.size, 6);
	assert_memory_equal(e.data, "hello\n", 6);
	assert_int_equal(e.mode, 0644);
	assert_int_equal(tar_lookup(archive, archive_len, "bin/big", &e), 0);
	assert_int_equal(e.size, 3000);
}

static void test_tar_lookup_directories_and_missing(void **state)
{
	struct tar_entry e;

	load("plain.tar");
	assert_int_equal(tar_lookup(archive, archive_len, "bin", &e), 0);
	assert_true(e.is_dir);
	assert_int_equal(tar_lookup(archive, archive_len, "", &e), 0);
	assert_true(e.is_dir);
	assert_int_equal(tar_lookup(archive, archive_len, "bin/nope", &e), -ENOENT);
	assert_int_equal(tar_lookup(archive, archive_len, "bi", &e), -ENOENT);
	assert_int_equal(tar_lookup(archive, archive_len, "bin/hello/x", &e), -ENOENT);
}

static void test_tar_next_normalises_dot_slash_names(void **state)
{
	struct tar_entry e;
	size_t pos = 0;
	int n = 0, ret;
	bool saw_hello = false;

	load("dot.tar");
	while ((ret = tar_next(archive, archive_len, &pos, &e)) > 0) {
		n++;
		assert_true(strncmp(e.name, "./", 2) && e.name[strlen(e.name) - 1] != '/');
		saw_hello |= !strcmp(e.name, "bin/hello");
	}
	assert_int_equal(ret, 0);
	assert_int_equal(n, 3);		/* bin, bin/hello, bin/big in some order */
	assert_true(saw_hello);
}

static void test_tar_implied_directories(void **state)
{
	struct tar_entry e;

	load("deep.tar");
	assert_int_equal(tar_lookup(archive, archive_len, "a", &e), 0);
	assert_true(e.is_dir);
	assert_int_equal(tar_lookup(archive, archive_len, "a/b", &e), 0);
	assert_true(e.is_dir);
	assert_int_equal(tar_lookup(archive, archive_len, "a/b/c", &e), 0);
	assert_false(e.is_dir);
	assert_int_equal(tar_lookup(archive, archive_len, "a/x", &e), -ENOENT);
}

static void test_tar_empty_archive(void **state)
{
	struct tar_entry e;
	unsigned char zeros[1024] = { 0 };
	size_t pos = 0;

	assert_int_equal(tar_next(zeros, 0, &pos, &e), 0);
	assert_int_equal(tar_next(zeros, sizeof(zeros), &pos, &e), 0);
	assert_int_equal(tar_lookup(zeros, sizeof(zeros), "bin", &e), -ENOENT);
}

static void test_tar_rejects_bad_checksum(void **state)
{
	struct tar_entry e;

	load("plain.tar");
	archive[0] ^= 0x20;		/* a name byte changes: the stored checksum no longer matches */
	assert_int_equal(tar_lookup(archive, archive_len, "bin/hello", &e), -EINVAL);
}

/* Rewrites a header's checksum after a deliberate edit, so only the edit is wrong. */
static void fix_checksum(unsigned char *h)
{
	unsigned int sum = 0;

	memset(h + 148, ' ', 8);
	for (int i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
	h[155] = ' ';
}

static void test_tar_rejects_bad_octal_size(void **state)
{
	struct tar_entry e;

	load("plain.tar");
	memcpy(archive + 124, "0000000009x", 11);	/* size field: not octal */
	fix_checksum(archive);
	assert_int_equal(tar_lookup(archive, archive_len, "bin/hello", &e), -EINVAL);
}

static void test_tar_rejects_size_past_end(void **state)
{
	struct tar_entry e;
	size_t pos = 0;

	load("plain.tar");
	memcpy(archive + 124, "77777777777", 11);	/* 8 GiB of data in a small archive */
	fix_checksum(archive);
	assert_int_equal(tar_next(archive, archive_len, &pos, &e), -EINVAL);
}

static void test_tar_rejects_truncated_header(void **state)
{
	struct tar_entry e;
	size_t pos = 0;

	load("plain.tar");
	assert_int_equal(tar_next(archive, 300, &pos, &e), -EINVAL);	/* half a header */
}

static void test_tar_truncated_data_of_later_member(void **state)
{
	struct tar_entry e;

	load("plain.tar");
	/* Cut inside bin/big's data: looking it up must fail, not read past the end. */
	assert_int_equal(tar_lookup(archive, 512 * 4 + 100, "bin/big", &e), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tar_lookup_finds_file_contents),
		cmocka_unit_test(test_tar_lookup_directories_and_missing),
		cmocka_unit_test(test_tar_next_normalises_dot_slash_names),
		cmocka_unit_test(test_tar_implied_directories),
		cmocka_unit_test(test_tar_empty_archive),
		cmocka_unit_test(test_tar_rejects_bad_checksum),
		cmocka_unit_test(test_tar_rejects_bad_octal_size),
		cmocka_unit_test(test_tar_rejects_size_past_end),
		cmocka_unit_test(test_tar_rejects_truncated_header),
		cmocka_unit_test(test_tar_truncated_data_of_later_member),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
