/*
 * execve (Linux: fs/exec.c + fs/binfmt_elf.c). The program comes from the initrd (or anything
 * vfs_open can read in one piece); it is validated by elf_check_image(), loaded into a fresh
 * address space with its arguments on a new stack laid out as the System V x86_64 ABI says
 *     sp -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv (AT_* pairs), AT_NULL
 * (sp 16-byte aligned, strings at the top of the stack), and only then -- past the point of no
 * return -- replaces the caller's memory. Failures before that leave the caller untouched.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/random.h>
#include <linux/elf.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <linux/binfmts.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include "../fs/internal.h"

#define ARG_MAX		(64 * 1024)	/* bytes of argument and environment strings */
#define MAX_ARG_STRINGS	1024

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_EXECFN	31

struct linux_binprm {
	char *strings;		/* argv strings then envp strings, each NUL-terminated */
	size_t len;
	size_t argv_len;	/* bytes of the argv strings (the /proc cmdline) */
	int argc, envc;
	char path[PATH_MAX];
};

static int bprm_add_string(struct linux_binprm *bprm, const char *s, size_t n)
{
	if (n + 1 > ARG_MAX - bprm->len)
		return -E2BIG;
	memcpy(bprm->strings + bprm->len, s, n);
	bprm->strings[bprm->len + n] = '\0';
	bprm->len += n + 1;
	return 0;
}

/* Copies a NULL-terminated user array of user strings (argv or envp; NULL array = empty). */
static int copy_strings(struct linux_binprm *bprm, const char __user *const __user *argv, int *count)
{
	*count = 0;
	if (!argv)
		return 0;
	for (;;) {
		const char __user *str;
		long n;

		if (copy_from_user(&str, &argv[*count], sizeof(str)))
			return -EFAULT;
		if (!str)
			return 0;
		if (*count >= MAX_ARG_STRINGS)
			return -E2BIG;
		n = strncpy_from_user(bprm->strings + bprm->len, str, ARG_MAX - bprm->len);
		if (n < 0)
			return n;
		if ((size_t)n >= ARG_MAX - bprm->len)
			return -E2BIG;
		bprm->len += n + 1;
		(*count)++;
	}
}

static int copy_strings_kernel(struct linux_binprm *bprm, const char *const *argv, int *count)
{
	int err;

	for (*count = 0; argv && argv[*count]; (*count)++) {
		err = bprm_add_string(bprm, argv[*count], strlen(argv[*count]));
		if (err)
			return err;
	}
	return 0;
}

/* Maps and fills each PT_LOAD. Segments may share a page with the previous one. */
static int load_elf_segments(struct mm_struct *mm, const char *image, const struct elf_info *info)
{
	unsigned long mapped_end = 0;

	for (unsigned int i = 0; i < info->phnum; i++) {
		const Elf64_Phdr *p = &info->phdrs[i];
		unsigned long start, end, flags = 0;
		int err;

		if (p->p_type != PT_LOAD || p->p_memsz == 0)
			continue;
		flags |= (p->p_flags & PF_R) ? VM_READ : 0;
		flags |= (p->p_flags & PF_W) ? VM_WRITE : 0;
		flags |= (p->p_flags & PF_X) ? VM_EXEC : 0;
		start = max(ALIGN_DOWN(p->p_vaddr, PAGE_SIZE), mapped_end);
		end = ALIGN(p->p_vaddr + p->p_memsz, PAGE_SIZE);
		if (start < end) {
			err = mm_map_region(mm, start, end, flags);
			if (err)
				return err;
			mapped_end = end;
		}
		if (mm_access(mm, p->p_vaddr, (void *)(image + p->p_offset), p->p_filesz,
			      FOLL_WRITE | FOLL_FORCE))
			return -EFAULT;
	}
	return 0;
}

/* Builds the initial stack; returns the user sp or a negative errno. */
static long create_elf_tables(struct mm_struct *mm, struct linux_binprm *bprm, const struct elf_info *info)
{
	unsigned long top = USER_STACK_TOP, str_base, random_addr, sp, *words, p;
	size_t nwords = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * 14, w = 0;
	char random_bytes[16];
	long ret;
	int i;

	ret = mm_map_region(mm, USER_STACK_TOP - USER_STACK_SIZE, USER_STACK_TOP,
			    VM_READ | VM_WRITE | VM_STACK);
	if (ret)
		return ret;
	str_base = ALIGN_DOWN(top - 16 - bprm->len, 16);
	random_addr = str_base - 16;
	sp = ALIGN_DOWN(random_addr - nwords * sizeof(unsigned long), 16);
	if (top - sp > USER_STACK_SIZE / 2)
		return -E2BIG;
	if (mm_access(mm, str_base, bprm->strings, bprm->len, FOLL_WRITE))
		return -EFAULT;
	get_random_bytes(random_bytes, sizeof(random_bytes));
	if (mm_access(mm, random_addr, random_bytes, sizeof(random_bytes), FOLL_WRITE))
		return -EFAULT;

	words = kcalloc(nwords, sizeof(*words), GFP_KERNEL);
	if (!words)
		return -ENOMEM;
	words[w++] = bprm->argc;
	p = str_base;
	for (i = 0; i < bprm->argc; i++) {
		words[w++] = p;
		p += strlen(bprm->strings + (p - str_base)) + 1;
	}
	words[w++] = 0;				/* end of argv */
	for (i = 0; i < bprm->envc; i++) {
		words[w++] = p;
		p += strlen(bprm->strings + (p - str_base)) + 1;
	}
	words[w++] = 0;				/* end of envp */
#define NEW_AUX_ENT(id, val) do { words[w++] = (id); words[w++] = (val); } while (0)
	if (info->phdr_vaddr) {
		NEW_AUX_ENT(AT_PHDR, info->phdr_vaddr);
		NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
		NEW_AUX_ENT(AT_PHNUM, info->phnum);
	}
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_ENTRY, info->entry);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, random_addr);
	NEW_AUX_ENT(AT_EXECFN, str_base);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	BUG_ON(w > nwords);
	ret = mm_access(mm, sp, words, w * sizeof(*words), FOLL_WRITE) ? -EFAULT : (long)sp;
	kfree(words);
	return ret;
}

/* Fresh x87/SSE state for the new program: FCW 0x37f, MXCSR 0x1f80 (all exceptions masked). */
static void fpu_init_task(struct task_struct *tsk)
{
	memset(tsk->fpu_state, 0, sizeof(tsk->fpu_state));
	*(u16 *)&tsk->fpu_state[0] = 0x37f;
	*(u32 *)&tsk->fpu_state[24] = 0x1f80;
	__asm__ __volatile__("fxrstor64 %0" : : "m"(tsk->fpu_state));
}

static void set_task_comm_from_path(struct task_struct *tsk, const char *path)
{
	const char *base = strrchr(path, '/');

	strscpy(tsk->comm, base ? base + 1 : path, sizeof(tsk->comm));
}

/* Everything after the new image is ready: from here on the old program is gone. */
static void begin_new_exec(struct linux_binprm *bprm, struct mm_struct *mm, const struct elf_info *info,
			   unsigned long sp)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm;
	struct pt_regs *regs = task_pt_regs(tsk);
	char *cmdline;

	mm->start_code = info->start_code;
	mm->end_code = info->end_code;
	mm->start_data = info->start_data;
	mm->end_data = info->end_data;
	mm->start_brk = mm->brk = info->brk;
	mm->start_stack = sp;

	tsk->mm = mm;
	switch_mm(mm);
	mmput(old_mm);
	tsk->flags &= ~PF_KTHREAD;	/* kernel_init becomes init here */

	cmdline = kmalloc(bprm->argv_len, GFP_KERNEL);
	if (cmdline)
		memcpy(cmdline, bprm->strings, bprm->argv_len);
	kfree(tsk->cmdline);
	tsk->cmdline = cmdline;
	tsk->cmdline_len = cmdline ? bprm->argv_len : 0;
	set_task_comm_from_path(tsk, bprm->path);

	do_close_on_exec(tsk->files);
	flush_signal_handlers(tsk);
	tsk->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu_init_task(tsk);

	memset(regs, 0, sizeof(*regs));
	regs->ip = info->entry;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF;
}

static int bprm_execve(struct linux_binprm *bprm)
{
	struct elf_info info;
	struct mm_struct *mm;
	struct file *file;
	const void *image;
	size_t size;
	long sp;
	int err;

	file = vfs_open(bprm->path, O_RDONLY);
	if (IS_ERR(file))
		return PTR_ERR(file);
	err = -EACCES;
	image = initramfs_file_data(file, &size);
	if (!image)
		goto out_file;		/* a directory, a device, a /proc file */
	err = elf_check_image(image, size, TASK_SIZE_MAX, &info);
	if (err)
		goto out_file;
	/* The stack is placed above everything else: a segment must not reach into it. */
	err = -ENOEXEC;
	if (info.brk > USER_MMAP_BASE)
		goto out_file;

	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out_file;
	err = load_elf_segments(mm, image, &info);
	if (err)
		goto out_mm;
	sp = create_elf_tables(mm, bprm, &info);
	if (sp < 0) {
		err = sp;
		goto out_mm;
	}
	begin_new_exec(bprm, mm, &info, sp);
	fput(file);
	return 0;

out_mm:
	mmput(mm);
out_file:
	fput(file);
	return err;
}

static struct linux_binprm *alloc_bprm(void)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);

	if (!bprm)
		return NULL;
	bprm->strings = kmalloc(ARG_MAX, GFP_KERNEL);
	if (!bprm->strings) {
		kfree(bprm);
		return NULL;
	}
	return bprm;
}

static void free_bprm(struct linux_binprm *bprm)
{
	kfree(bprm->strings);
	kfree(bprm);
}

static noinline int do_execve(const char __user *filename, const char __user *const __user *argv,
			      const char __user *const __user *envp)
{
	struct linux_binprm *bprm = alloc_bprm();
	int err;

	if (!bprm)
		return -ENOMEM;
	err = getname_normalized(filename, bprm->path);
	if (err)
		goto out;
	err = copy_strings(bprm, argv, &bprm->argc);
	if (err)
		goto out;
	bprm->argv_len = bprm->len;
	err = copy_strings(bprm, envp, &bprm->envc);
	if (err)
		goto out;
	err = bprm_execve(bprm);
out:
	free_bprm(bprm);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	return do_execve(filename, argv, envp);
}

/* For kernel_init: start a program from kernel strings. On success the task returns to user mode. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct linux_binprm *bprm = alloc_bprm();
	int err;

	if (!bprm)
		return -ENOMEM;
	err = normalize_path("/", filename, bprm->path, sizeof(bprm->path));
	if (!err)
		err = copy_strings_kernel(bprm, argv, &bprm->argc);
	bprm->argv_len = bprm->len;
	if (!err)
		err = copy_strings_kernel(bprm, envp, &bprm->envc);
	if (!err)
		err = bprm_execve(bprm);
	free_bprm(bprm);
	return err;
}
