/*
 * /proc/meminfo (Linux: fs/proc/meminfo.c). The first lines are Linux's; the rest are this
 * kernel's counters for leak checks: pages in use, kmalloc bytes, slab objects, open files,
 * tasks. A test reads them before and after running programs and expects the same numbers.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/proc_fs.h>
#include <linux/fdtable.h>
#include <linux/sched/task.h>

extern struct list_head slab_caches;

static unsigned long slab_objects_in_use(void)
{
	struct kmem_cache *s;
	unsigned long n = 0;

	list_for_each_entry(s, &slab_caches, list)
		n += s->active_objs;
	return n;
}

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

static int meminfo_proc_show(struct seq_file *m, void *v)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();

	seq_printf(m, "MemTotal:       %8lu kB\n", K(total));
	seq_printf(m, "MemFree:        %8lu kB\n", K(free));
	seq_printf(m, "MemAvailable:   %8lu kB\n", K(free));
	seq_printf(m, "Slab:           %8lu kB\n", K(nr_slab_pages()));
	seq_printf(m, "PagesTotal:     %8lu\n", total);
	seq_printf(m, "PagesFree:      %8lu\n", free);
	seq_printf(m, "PagesUsed:      %8lu\n", total - free);
	seq_printf(m, "KmallocBytes:   %8lu\n", kmalloc_bytes_in_use());
	seq_printf(m, "SlabObjects:    %8lu\n", slab_objects_in_use());
	seq_printf(m, "OpenFiles:      %8lu\n", nr_files());
	seq_printf(m, "Tasks:          %8d\n", nr_tasks);
	return 0;
}

static int __init proc_meminfo_init(void)
{
	proc_create_single("meminfo", 0444, NULL, meminfo_proc_show);
	return 0;
}
fs_initcall(proc_meminfo_init);
