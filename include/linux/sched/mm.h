/*
 * A process's user address space: its own PML4 (the kernel half, entries 256..511, shared with
 * every process) and the list of user regions (ELF segments, heap, mmap areas, stack).
 * Pages are mapped eagerly when a region is created, so a fault in user mode is always a real
 * error (SIGSEGV), and every page and page-table page is given back by mmput() at exit.
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/types.h>
#include <linux/list.h>

/* User addresses are [0, TASK_SIZE_MAX); the last canonical page is kept unmapped as Linux does. */
#define TASK_SIZE_MAX		((1UL << 47) - 4096)
#define USER_STACK_TOP		0x7ffffffff000UL
#define USER_STACK_SIZE		(256 * 1024UL)
#define USER_MMAP_BASE		0x7f0000000000UL	/* mmap areas are placed above this */
#define USER_MMAP_LIMIT		(USER_STACK_TOP - USER_STACK_SIZE - 0x10000000UL)
#define USER_MAX_PAGES		16384			/* 64 MiB per process at most */

/* vm_flags */
#define VM_READ		0x1
#define VM_WRITE	0x2
#define VM_EXEC		0x4
#define VM_STACK	0x100
#define VM_HEAP		0x200

struct vm_area_struct {
	unsigned long vm_start;		/* page aligned */
	unsigned long vm_end;		/* first byte after */
	unsigned long vm_flags;
	struct list_head list;		/* mm->mmap, sorted by address */
};

struct mm_struct {
	unsigned long *pgd;		/* the PML4, a direct-map pointer */
	struct list_head mmap;		/* struct vm_area_struct, sorted */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;	/* heap: [start_brk, brk) rounded up to pages is mapped */
	unsigned long start_stack;
	unsigned long total_pages;	/* user pages mapped (not counting page tables) */
	unsigned long pt_pages;		/* page-table pages */
};

/* kernel/mm_user.c: page tables of user address spaces */
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
/* Loads next's page tables (NULL: the kernel's own, for a task that gives its mm up). */
void switch_mm(struct mm_struct *next);
/*
 * Maps zeroed pages over [start, end) (page aligned); merges with an adjacent region of the same
 * flags. -EINVAL for a bad or overlapping range, -ENOMEM when out of pages or over the limit.
 */
int mm_map_region(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long vm_flags);
/* Unmaps [start, end), splitting regions as needed; unmapped parts are skipped. */
void mm_unmap_range(struct mm_struct *mm, unsigned long start, unsigned long end);
/* Changes the protection of [start, end), which must be wholly mapped (-ENOMEM otherwise). */
int mm_mprotect(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long prot_flags);
/* Lowest free range of len bytes in the mmap area, or 0. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
/*
 * Copies between a kernel buffer and mm's user memory, page by page through mm's page tables
 * (mm need not be the current one; Linux: access_process_vm). Returns the bytes NOT copied: a page
 * that is missing, not a user page, or read-only for FOLL_WRITE (unless FOLL_FORCE, which exec
 * uses to fill text pages) stops the copy.
 */
#define FOLL_WRITE	0x01
#define FOLL_FORCE	0x10
unsigned long mm_access(struct mm_struct *mm, unsigned long addr, void *buf, unsigned long len,
			unsigned int gup_flags);

#endif
