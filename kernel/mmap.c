/*
 * brk, mmap, munmap, mprotect (Linux: mm/mmap.c, mm/mprotect.c). Only private anonymous memory: a
 * malloc's heap and big blocks. Pages are mapped and zeroed at once (kernel/mm_user.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <asm/page.h>
#include <uapi/asm/mman.h>

/* The heap may grow up to here: far below the mmap area and the stack. */
#define BRK_LIMIT	(USER_MMAP_BASE / 2)

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newend, oldend;

	if (!mm)
		return -ENOMEM;
	if (brk < mm->start_brk || brk > BRK_LIMIT)
		return mm->brk;		/* Linux: a failed brk returns the current break */
	newend = PAGE_ALIGN(brk);
	oldend = PAGE_ALIGN(mm->brk);
	if (newend > oldend && mm_map_region(mm, oldend, newend, VM_READ | VM_WRITE | VM_HEAP))
		return mm->brk;
	if (newend < oldend)
		mm_unmap_range(mm, newend, oldend);
	mm->brk = brk;
	return brk;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) | ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot, unsigned long, flags,
		unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	unsigned long type = flags & MAP_TYPE;
	int err;

	if (!len || (off & ~PAGE_MASK))
		return -EINVAL;
	if (type != MAP_PRIVATE && type != MAP_SHARED)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		struct file *file = fget(fd);

		if (!file)
			return -EBADF;
		fput(file);
		return -ENODEV;		/* no file here can be mapped */
	}
	/* Shared anonymous memory would have to stay shared across fork: not supported. */
	if (type == MAP_SHARED)
		return -EINVAL;
	if (len > TASK_SIZE_MAX)
		return -ENOMEM;
	len = PAGE_ALIGN(len);

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr < PAGE_SIZE || addr > TASK_SIZE_MAX - len)
			return -ENOMEM;
		if (!(flags & MAP_FIXED_NOREPLACE))
			mm_unmap_range(mm, addr, addr + len);
	} else {
		addr = get_unmapped_area(mm, len);
		if (!addr)
			return -ENOMEM;
	}
	err = mm_map_region(mm, addr, addr + len, prot_to_vm_flags(prot));
	if (err == -EINVAL && (flags & MAP_FIXED_NOREPLACE))
		return -EEXIST;
	return err ? err : (long)addr;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	if ((addr & ~PAGE_MASK) || !len || len > TASK_SIZE_MAX || addr > TASK_SIZE_MAX - len)
		return -EINVAL;
	mm_unmap_range(current->mm, addr, addr + PAGE_ALIGN(len));
	return 0;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	if ((start & ~PAGE_MASK) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (!len)
		return 0;
	if (len > TASK_SIZE_MAX || start > TASK_SIZE_MAX - PAGE_ALIGN(len))
		return -ENOMEM;
	return mm_mprotect(current->mm, start, start + PAGE_ALIGN(len), prot_to_vm_flags(prot));
}

/* Advice only: nothing here pages anything out. */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	if (start & ~PAGE_MASK)
		return -EINVAL;
	return 0;
}
