/*
 * /proc/slabinfo in Linux's "version 2.1" layout (Linux: mm/slab_common.c): one line per object
 * cache -- skbuff_head_cache, TCP, filp ... -- with objects in use and allocated.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/proc_fs.h>

extern struct list_head slab_caches;

static int slabinfo_show(struct seq_file *m, void *v)
{
	struct kmem_cache *s;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		    " : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs>"
		    " <sharedavail>\n");
	list_for_each_entry(s, &slab_caches, list) {
		unsigned int per_slab = s->size ? PAGE_SIZE / s->size : 0;
		unsigned long slabs = per_slab ? DIV_ROUND_UP(s->total_objs, per_slab) : 0;

		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6u\n",
			   s->name, s->active_objs, s->total_objs, s->size, per_slab, 1, 0, 0, 0,
			   slabs, slabs, 0);
	}
	return 0;
}

static int __init proc_slabinfo_init(void)
{
	proc_create_single("slabinfo", 0444, NULL, slabinfo_show);
	return 0;
}
fs_initcall(proc_slabinfo_init);
