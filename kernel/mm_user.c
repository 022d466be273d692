/*
 * User address spaces: each process has its own PML4 whose upper half (entries 256..511: direct
 * map, kernel image) is copied from the kernel's and whose lower half maps the process's regions
 * (Linux: mm/memory.c, mm/mmap.c, arch/x86/mm/pgtable.c, much reduced).
 *
 * Pages are allocated and zeroed when a region is mapped (no demand paging, no copy-on-write), so
 * every user page fault is an error. Everything a process holds -- its pages, page-table pages,
 * region descriptors, the PML4 -- is freed by mmput(), which /proc/meminfo leak checks rely on.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

#define USER_PGD_PTRS	KERNEL_PGD_START	/* PML4 entries 0..255 are user space */

static inline unsigned int pt_index(unsigned long addr, int level)
{
	return (addr >> (12 + 9 * (level - 1))) & (PTRS_PER_TABLE - 1);
}

static unsigned long *pt_alloc(struct mm_struct *mm)
{
	unsigned long *table = (unsigned long *)get_zeroed_page(GFP_KERNEL);

	if (table)
		mm->pt_pages++;
	return table;
}

/* The level-1 entry for addr, creating the tables on the way when alloc; NULL if absent/no memory. */
static unsigned long *walk_pte(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	unsigned long *table = mm->pgd;

	for (int level = 4; level > 1; level--) {
		unsigned long *entry = &table[pt_index(addr, level)];

		if (!(*entry & _PAGE_PRESENT)) {
			unsigned long *next;

			if (!alloc)
				return NULL;
			next = pt_alloc(mm);
			if (!next)
				return NULL;
			/* Upper levels allow everything; the leaf entry decides. */
			*entry = __pa(next) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
		}
		table = __va(*entry & PTE_PFN_MASK);
	}
	return &table[pt_index(addr, 1)];
}

static unsigned long vm_flags_to_pte(unsigned long vm_flags)
{
	unsigned long pte = _PAGE_PRESENT;

	if (vm_flags & (VM_READ | VM_WRITE | VM_EXEC))
		pte |= _PAGE_USER;		/* PROT_NONE: reserved, but no user access */
	if (vm_flags & VM_WRITE)
		pte |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		pte |= _PAGE_NX;
	return pte;
}

static bool mm_is_current(struct mm_struct *mm)
{
	return current->mm == mm;
}

static int map_zero_page(struct mm_struct *mm, unsigned long addr, unsigned long vm_flags)
{
	unsigned long *pte = walk_pte(mm, addr, true);
	unsigned long page;

	if (!pte)
		return -ENOMEM;
	if (WARN_ON(*pte & _PAGE_PRESENT))
		return -EINVAL;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	*pte = __pa((void *)page) | vm_flags_to_pte(vm_flags);
	mm->total_pages++;
	return 0;
}

static void unmap_page(struct mm_struct *mm, unsigned long addr)
{
	unsigned long *pte = walk_pte(mm, addr, false);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return;
	free_page((unsigned long)__va(*pte & PTE_PFN_MASK));
	*pte = 0;
	mm->total_pages--;
	if (mm_is_current(mm))
		__flush_tlb_one(addr);
}

static void unmap_pages(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		unmap_page(mm, addr);
}

static bool range_is_free(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, list)
		if (start < vma->vm_end && vma->vm_start < end)
			return false;
	return true;
}

/* Inserts a region into the sorted list, merging with neighbours that touch it and share flags. */
static int vma_insert(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long vm_flags)
{
	struct vm_area_struct *vma, *prev = NULL, *next = NULL, *new;

	list_for_each_entry(vma, &mm->mmap, list) {
		if (vma->vm_start >= end) {
			next = vma;
			break;
		}
		prev = vma;
	}
	if (prev && prev->vm_end == start && prev->vm_flags == vm_flags) {
		prev->vm_end = end;
		if (next && next->vm_start == end && next->vm_flags == vm_flags) {
			prev->vm_end = next->vm_end;
			list_del(&next->list);
			kfree(next);
		}
		return 0;
	}
	if (next && next->vm_start == end && next->vm_flags == vm_flags) {
		next->vm_start = start;
		return 0;
	}
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->vm_start = start;
	new->vm_end = end;
	new->vm_flags = vm_flags;
	if (next)
		list_add_tail(&new->list, &next->list);	/* just before next */
	else
		list_add_tail(&new->list, &mm->mmap);
	return 0;
}

int mm_map_region(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long vm_flags)
{
	unsigned long addr;
	int err;

	if (!IS_ALIGNED(start, PAGE_SIZE) || !IS_ALIGNED(end, PAGE_SIZE) || start >= end ||
	    end > TASK_SIZE_MAX)
		return -EINVAL;
	if (!range_is_free(mm, start, end))
		return -EINVAL;
	if (mm->total_pages + (end - start) / PAGE_SIZE > USER_MAX_PAGES)
		return -ENOMEM;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		err = map_zero_page(mm, addr, vm_flags);
		if (err)
			goto out_unmap;
	}
	err = vma_insert(mm, start, end, vm_flags);
	if (err)
		goto out_unmap;
	return 0;

out_unmap:
	unmap_pages(mm, start, addr);
	return err;
}

void mm_unmap_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma, *tmp;

	list_for_each_entry_safe(vma, tmp, &mm->mmap, list) {
		unsigned long lo = max(start, vma->vm_start), hi = min(end, vma->vm_end);

		if (lo >= hi)
			continue;
		unmap_pages(mm, lo, hi);
		if (lo == vma->vm_start && hi == vma->vm_end) {
			list_del(&vma->list);
			kfree(vma);
		} else if (lo == vma->vm_start) {
			vma->vm_start = hi;
		} else if (hi == vma->vm_end) {
			vma->vm_end = lo;
		} else {
			/* A hole in the middle: the tail becomes a region of its own. */
			struct vm_area_struct *tail = kmalloc(sizeof(*tail), GFP_KERNEL);

			if (WARN_ON(!tail)) {
				vma->vm_end = lo;	/* lose track of the tail rather than corrupt it */
				unmap_pages(mm, hi, vma->vm_end);
				continue;
			}
			tail->vm_start = hi;
			tail->vm_end = vma->vm_end;
			tail->vm_flags = vma->vm_flags;
			vma->vm_end = lo;
			list_add(&tail->list, &vma->list);
		}
	}
}

/* Cuts vma in two at addr (inside it); the upper part becomes a new region after it. */
static int split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper = kmalloc(sizeof(*upper), GFP_KERNEL);

	if (!upper)
		return -ENOMEM;
	upper->vm_start = addr;
	upper->vm_end = vma->vm_end;
	upper->vm_flags = vma->vm_flags;
	vma->vm_end = addr;
	list_add(&upper->list, &vma->list);
	return 0;
}

int mm_mprotect(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long prot_flags)
{
	const unsigned long prot_mask = VM_READ | VM_WRITE | VM_EXEC;
	struct vm_area_struct *vma;
	unsigned long addr = start;
	int err;

	/* Every page of the range must be mapped (Linux: -ENOMEM otherwise). */
	list_for_each_entry(vma, &mm->mmap, list) {
		if (vma->vm_end <= addr || addr >= end)
			continue;
		if (vma->vm_start > addr)
			return -ENOMEM;
		addr = vma->vm_end;
	}
	if (addr < end)
		return -ENOMEM;

	list_for_each_entry(vma, &mm->mmap, list) {
		if (vma->vm_end <= start || vma->vm_start >= end)
			continue;
		if (vma->vm_start < start) {
			err = split_vma(vma, start);
			if (err)
				return err;
			continue;	/* the next entry is the part inside the range */
		}
		if (vma->vm_end > end) {
			err = split_vma(vma, end);
			if (err)
				return err;
		}
		vma->vm_flags = (vma->vm_flags & ~prot_mask) | (prot_flags & prot_mask);
		for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
			unsigned long *pte = walk_pte(mm, addr, false);

			if (!pte || !(*pte & _PAGE_PRESENT))
				continue;
			*pte = (*pte & PTE_PFN_MASK) | vm_flags_to_pte(vma->vm_flags);
			if (mm_is_current(mm))
				__flush_tlb_one(addr);
		}
	}
	return 0;
}

unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long addr = USER_MMAP_BASE;
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, list) {
		if (vma->vm_end <= addr)
			continue;
		if (vma->vm_start >= addr + len)
			break;
		addr = vma->vm_end;
	}
	if (addr + len > USER_MMAP_LIMIT || addr + len < addr)
		return 0;
	return addr;
}

unsigned long mm_access(struct mm_struct *mm, unsigned long addr, void *buf, unsigned long len,
			unsigned int gup_flags)
{
	char *kbuf = buf;

	if (!mm || addr >= TASK_SIZE_MAX || len > TASK_SIZE_MAX - addr)
		return len;
	while (len) {
		unsigned long offset = addr & ~PAGE_MASK;
		unsigned long chunk = min(len, PAGE_SIZE - offset);
		unsigned long *pte = walk_pte(mm, addr, false);
		char *page;

		if (!pte || (*pte & (_PAGE_PRESENT | _PAGE_USER)) != (_PAGE_PRESENT | _PAGE_USER))
			break;
		if ((gup_flags & FOLL_WRITE) && !(*pte & _PAGE_RW) && !(gup_flags & FOLL_FORCE))
			break;
		page = __va(*pte & PTE_PFN_MASK);
		if (gup_flags & FOLL_WRITE)
			memcpy(page + offset, kbuf, chunk);
		else
			memcpy(kbuf, page + offset, chunk);
		kbuf += chunk;
		addr += chunk;
		len -= chunk;
	}
	return len;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	INIT_LIST_HEAD(&mm->mmap);
	mm->pgd = (unsigned long *)get_zeroed_page(GFP_KERNEL);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	/* The kernel half: the same tables in every process, so kernel mappings need no sync. */
	memcpy(mm->pgd + USER_PGD_PTRS, init_top_pgt + USER_PGD_PTRS,
	       (PTRS_PER_TABLE - USER_PGD_PTRS) * sizeof(unsigned long));
	return mm;
}

/* Frees the page-table pages below a user PML4 entry (the pages themselves are already gone). */
static void free_pt_level(struct mm_struct *mm, unsigned long *table, int level)
{
	for (int i = 0; i < PTRS_PER_TABLE && level > 1; i++) {
		if (!(table[i] & _PAGE_PRESENT))
			continue;
		free_pt_level(mm, __va(table[i] & PTE_PFN_MASK), level - 1);
	}
	free_page((unsigned long)table);
	mm->pt_pages--;
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	if (!mm)
		return;
	BUG_ON(mm_is_current(mm) && read_cr3() == __pa(mm->pgd));
	list_for_each_entry_safe(vma, tmp, &mm->mmap, list) {
		unmap_pages(mm, vma->vm_start, vma->vm_end);
		list_del(&vma->list);
		kfree(vma);
	}
	for (int i = 0; i < USER_PGD_PTRS; i++)
		if (mm->pgd[i] & _PAGE_PRESENT)
			free_pt_level(mm, __va(mm->pgd[i] & PTE_PFN_MASK), 3);
	WARN_ON(mm->total_pages || mm->pt_pages);
	free_page((unsigned long)mm->pgd);
	kfree(mm);
}

struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!oldmm)
		return NULL;
	mm = mm_alloc();
	if (!mm)
		return NULL;
	list_for_each_entry(vma, &oldmm->mmap, list) {
		if (mm_map_region(mm, vma->vm_start, vma->vm_end, vma->vm_flags))
			goto out_free;
		for (unsigned long addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
			unsigned long *src = walk_pte(oldmm, addr, false);
			unsigned long *dst = walk_pte(mm, addr, false);

			if (src && dst && (*src & _PAGE_PRESENT))
				memcpy(__va(*dst & PTE_PFN_MASK), __va(*src & PTE_PFN_MASK), PAGE_SIZE);
		}
	}
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	return mm;

out_free:
	mmput(mm);
	return NULL;
}

void switch_mm(struct mm_struct *next)
{
	unsigned long pgd = next ? __pa(next->pgd) : __pa(init_top_pgt);

	if (read_cr3() != pgd)
		write_cr3(pgd);
}
