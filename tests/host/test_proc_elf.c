/*
 * ELF validation for execve (kernel/elf.c, the real file) on a static executable the host
 * compiler builds (build/proc-host/proc_tiny), then on copies with one field broken each:
 * every malformed header must give -ENOEXEC, never an out-of-bounds read (ASan watches).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/elf.h>

#define USER_LIMIT	((1UL << 47) - 4096)

static unsigned char *image, *work;
static size_t image_len;

static int group_setup(void **state)
{
	FILE *f = fopen(PROC_TINY_PATH, "rb");

	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	image_len = ftell(f);
	fseek(f, 0, SEEK_SET);
	image = malloc(image_len);
	work = malloc(image_len);
	if (fread(image, 1, image_len, f) != image_len)
		return -1;
	fclose(f);
	return 0;
}

static int group_teardown(void **state)
{
	free(image);
	free(work);
	return 0;
}

/* A fresh copy to break; the checks read only what they are given. */
static Elf64_Ehdr *fresh(void)
{
	memcpy(work, image, image_len);
	return (Elf64_Ehdr *)work;
}

static Elf64_Phdr *first_load(Elf64_Ehdr *eh)
{
	Elf64_Phdr *ph = (Elf64_Phdr *)(work + eh->e_phoff);

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X))
			return &ph[i];
	fail_msg("no executable PT_LOAD in the test program");
	return NULL;
}

static int check(size_t len)
{
	struct elf_info info;

	return elf_check_image(work, len, USER_LIMIT, &info);
}

static void test_elf_accepts_static_executable(void **state)
{
	Elf64_Ehdr *eh = fresh();
	struct elf_info info;

	assert_int_equal(elf_check_image(work, image_len, USER_LIMIT, &info), 0);
	assert_int_equal(info.entry, eh->e_entry);
	assert_int_equal(info.phnum, eh->e_phnum);
	assert_true(info.brk % 4096 == 0 && info.brk > info.entry);
	assert_true(info.start_code <= info.entry && info.entry < info.end_code);
	assert_true(info.phdr_vaddr != 0);
}

static void test_elf_rejects_short_files(void **state)
{
	fresh();
	assert_int_equal(check(0), -ENOEXEC);
	assert_int_equal(check(sizeof(Elf64_Ehdr) - 1), -ENOEXEC);
	/* The header fits but the program headers do not. */
	assert_int_equal(check(((Elf64_Ehdr *)work)->e_phoff + 10), -ENOEXEC);
}

static void test_elf_rejects_bad_ident(void **state)
{
	fresh()->e_ident[0] = 0x7e;
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_ident[EI_CLASS] = 1;		/* ELFCLASS32 */
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_ident[EI_DATA] = 2;		/* big endian */
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_version = 0;
	assert_int_equal(check(image_len), -ENOEXEC);
}

static void test_elf_rejects_wrong_type_or_machine(void **state)
{
	fresh()->e_type = ET_DYN;		/* PIE / shared object: no loader for it */
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_machine = 3;			/* EM_386 */
	assert_int_equal(check(image_len), -ENOEXEC);
}

static void test_elf_rejects_bad_program_header_table(void **state)
{
	fresh()->e_phoff = image_len - 8;
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_phoff = ~0ULL - 16;		/* offset + size wraps around */
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_phnum = 0;
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_phnum = 65000;
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_phentsize = 32;
	assert_int_equal(check(image_len), -ENOEXEC);
	fresh()->e_phoff += 1;			/* misaligned */
	assert_int_equal(check(image_len), -ENOEXEC);
}

static void test_elf_rejects_segment_outside_file(void **state)
{
	Elf64_Ehdr *eh = fresh();

	first_load(eh)->p_offset = image_len;
	assert_int_equal(check(image_len), -ENOEXEC);
	eh = fresh();
	first_load(eh)->p_filesz = image_len + 1;
	first_load(eh)->p_memsz = image_len + 1;
	assert_int_equal(check(image_len), -ENOEXEC);
	eh = fresh();
	first_load(eh)->p_offset = ~0ULL - 4;	/* offset + filesz wraps */
	assert_int_equal(check(image_len), -ENOEXEC);
}

static void test_elf_rejects_filesz_above_memsz(void **state)
{
	Elf64_Ehdr *eh = fresh();
	Elf64_Phdr *p = first_load(eh);

	p->p_memsz = p->p_filesz - 1;
	assert_int_equal(check(image_len), -ENOEXEC);
}

static void test_elf_rejects_segment_outside_user_space(void **state)
{
	Elf64_Ehdr *eh = fresh();
	Elf64_Phdr *p = first_load(eh);

	p->p_vaddr = 0xffffffff80000000ULL;	/* the kernel's text */
	eh->e_entry = p->p_vaddr;
	assert_int_equal(check(image_len), -ENOEXEC);
	eh = fresh();
	p = first_load(eh);
	p->p_vaddr = USER_LIMIT - 4096;
	p->p_memsz = 8192;			/* runs over the end of user space */
	eh->e_entry = p->p_vaddr;
	assert_int_equal(check(image_len), -ENOEXEC);
	eh = fresh();
	p = first_load(eh);
	p->p_vaddr = 0;				/* page zero stays unmapped (NULL must fault) */
	eh->e_entry = 0;
	assert_int_equal(check(image_len), -ENOEXEC);
}

static void test_elf_rejects_entry_outside_code(void **state)
{
	fresh()->e_entry = 0x1234;
	assert_int_equal(check(image_len), -ENOEXEC);
}

static void test_elf_rejects_interpreter(void **state)
{
	Elf64_Ehdr *eh = fresh();
	Elf64_Phdr *ph = (Elf64_Phdr *)(work + eh->e_phoff);

	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD) {
			ph[i].p_type = PT_INTERP;	/* a dynamically linked program */
			assert_int_equal(check(image_len), -ENOEXEC);
			return;
		}
	}
	skip();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elf_accepts_static_executable),
		cmocka_unit_test(test_elf_rejects_short_files),
		cmocka_unit_test(test_elf_rejects_bad_ident),
		cmocka_unit_test(test_elf_rejects_wrong_type_or_machine),
		cmocka_unit_test(test_elf_rejects_bad_program_header_table),
		cmocka_unit_test(test_elf_rejects_segment_outside_file),
		cmocka_unit_test(test_elf_rejects_filesz_above_memsz),
		cmocka_unit_test(test_elf_rejects_segment_outside_user_space),
		cmocka_unit_test(test_elf_rejects_entry_outside_code),
		cmocka_unit_test(test_elf_rejects_interpreter),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
