/*
 * Multiboot2 boot information (Multiboot2 specification, section 3.6), as GRUB leaves it in memory,
 * and what kernel/multiboot.c extracts from it for the rest of the kernel: the command line, the
 * memory map (for the page allocator) and the modules (the initrd for "proc").
 */
#ifndef _ASM_X86_MULTIBOOT2_H
#define _ASM_X86_MULTIBOOT2_H

#include <linux/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

#define MULTIBOOT_TAG_TYPE_END		0
#define MULTIBOOT_TAG_TYPE_CMDLINE	1
#define MULTIBOOT_TAG_TYPE_BOOT_LOADER	2
#define MULTIBOOT_TAG_TYPE_MODULE	3
#define MULTIBOOT_TAG_TYPE_MMAP		6

#define MULTIBOOT_MEMORY_AVAILABLE	1

struct multiboot_tag {
	u32 type;
	u32 size;
};

struct multiboot_tag_string {
	u32 type;
	u32 size;
	char string[];
};

struct multiboot_tag_module {
	u32 type;
	u32 size;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

struct multiboot_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

struct multiboot_tag_mmap {
	u32 type;
	u32 size;
	u32 entry_size;
	u32 entry_version;
	struct multiboot_mmap_entry entries[];
};

/* What the kernel keeps from the boot information (copied: the original lies in free memory). */
#define BOOT_MAX_MODULES	8
#define BOOT_MAX_MEM_REGIONS	32
#define BOOT_CMDLINE_LEN	1024

struct boot_module {
	phys_addr_t start;		/* first byte */
	phys_addr_t end;		/* one past the last byte */
	char cmdline[64];		/* GRUB's module2 arguments, e.g. "initrd" */
};

struct boot_mem_region {
	phys_addr_t start;
	phys_addr_t end;		/* one past the last byte */
};

struct boot_params {
	char cmdline[BOOT_CMDLINE_LEN];
	char loader[64];
	unsigned int nr_modules;
	struct boot_module modules[BOOT_MAX_MODULES];
	unsigned int nr_mem_regions;	/* usable RAM, from the memory map */
	struct boot_mem_region mem_regions[BOOT_MAX_MEM_REGIONS];
	phys_addr_t mbi_start, mbi_end;	/* the boot information itself */
};

extern struct boot_params boot_params;

/* Parses the multiboot2 information at physical address mbi_phys into boot_params. */
int multiboot_parse(u32 magic, phys_addr_t mbi_phys);

#endif
