/*
 * Reads GRUB's multiboot2 boot information once, early in start_kernel, into boot_params: the
 * command line, the usable RAM regions and the modules (initrd). Everything is copied, because the
 * page allocator later hands out the memory the information sits in.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/multiboot2.h>
#include <asm/page.h>

struct boot_params boot_params;

static void parse_mmap(const struct multiboot_tag_mmap *tag)
{
	const u8 *p = (const u8 *)tag->entries;
	const u8 *end = (const u8 *)tag + tag->size;

	for (; p + tag->entry_size <= end; p += tag->entry_size) {
		const struct multiboot_mmap_entry *e = (const void *)p;
		struct boot_mem_region *r;

		if (e->type != MULTIBOOT_MEMORY_AVAILABLE || !e->len)
			continue;
		if (boot_params.nr_mem_regions == BOOT_MAX_MEM_REGIONS) {
			pr_warn("multiboot: more than %d RAM regions, ignoring 0x%llx-0x%llx\n",
				BOOT_MAX_MEM_REGIONS, (unsigned long long)e->addr,
				(unsigned long long)(e->addr + e->len));
			continue;
		}
		r = &boot_params.mem_regions[boot_params.nr_mem_regions++];
		r->start = e->addr;
		r->end = e->addr + e->len;
	}
}

static void parse_module(const struct multiboot_tag_module *tag)
{
	struct boot_module *m;

	if (boot_params.nr_modules == BOOT_MAX_MODULES) {
		pr_warn("multiboot: more than %d modules, ignoring '%s'\n", BOOT_MAX_MODULES, tag->cmdline);
		return;
	}
	m = &boot_params.modules[boot_params.nr_modules++];
	m->start = tag->mod_start;
	m->end = tag->mod_end;
	strscpy(m->cmdline, tag->cmdline, sizeof(m->cmdline));
}

int multiboot_parse(u32 magic, phys_addr_t mbi_phys)
{
	const u8 *mbi = __va(mbi_phys);
	u32 total_size;
	const struct multiboot_tag *tag;

	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		return -EINVAL;
	total_size = *(const u32 *)mbi;
	boot_params.mbi_start = mbi_phys;
	boot_params.mbi_end = mbi_phys + total_size;

	/* Tags follow the 8-byte header (total_size, reserved), each padded to 8 bytes. */
	for (tag = (const void *)(mbi + 8);
	     (const u8 *)tag + sizeof(*tag) <= mbi + total_size && tag->type != MULTIBOOT_TAG_TYPE_END;
	     tag = (const void *)((const u8 *)tag + ALIGN(tag->size, 8))) {
		switch (tag->type) {
		case MULTIBOOT_TAG_TYPE_CMDLINE:
			strscpy(boot_params.cmdline, ((const struct multiboot_tag_string *)tag)->string,
				sizeof(boot_params.cmdline));
			break;
		case MULTIBOOT_TAG_TYPE_BOOT_LOADER:
			strscpy(boot_params.loader, ((const struct multiboot_tag_string *)tag)->string,
				sizeof(boot_params.loader));
			break;
		case MULTIBOOT_TAG_TYPE_MODULE:
			parse_module((const void *)tag);
			break;
		case MULTIBOOT_TAG_TYPE_MMAP:
			parse_mmap((const void *)tag);
			break;
		}
		if (tag->size < 8)
			break;		/* malformed: avoid looping forever */
	}
	return 0;
}
