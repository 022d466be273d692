/*
 * struct file objects (Linux: fs/file_table.c). Files come from the "filp" cache so /proc/slabinfo
 * shows how many are open; the last fput() calls the file's release().
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/fdtable.h>

static struct kmem_cache *filp_cachep;

void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0, SLAB_PANIC, NULL);
}

unsigned long nr_files(void)
{
	return filp_cachep ? filp_cachep->active_objs : 0;
}

struct file *alloc_file(const struct file_operations *fop, unsigned int flags, void *private_data)
{
	struct file *file = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!file)
		return NULL;
	file->f_op = fop;
	file->f_flags = flags;
	file->f_count = 1;
	file->private_data = private_data;
	return file;
}

void fput(struct file *file)
{
	if (--file->f_count > 0)
		return;
	if (file->f_op->release)
		file->f_op->release(NULL, file);
	kmem_cache_free(filp_cachep, file);
}
