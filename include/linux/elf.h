/*
 * ELF64 executables as the loader (kernel/exec.c) reads them: static x86_64 ET_EXEC files.
 * elf_check_image() (kernel/elf.c) validates everything the loader will trust -- header fields,
 * program header table bounds, each PT_LOAD inside the file and inside user space -- so a
 * malformed file fails execve with -ENOEXEC instead of a bad copy. Host-tested in
 * tests/host/test_proc_elf.c.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

typedef struct {
	unsigned char e_ident[16];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u64 e_entry;
	u64 e_phoff;
	u64 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	u32 p_type;
	u32 p_flags;
	u64 p_offset;
	u64 p_vaddr;
	u64 p_paddr;
	u64 p_filesz;
	u64 p_memsz;
	u64 p_align;
} Elf64_Phdr;

#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define ET_DYN		3
#define EM_X86_64	62

#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_PHDR		6
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

#define ELF_MAX_PHNUM		64
#define ELF_MIN_VADDR		0x10000UL	/* as Linux's default mmap_min_addr */

struct elf_info {
	const Elf64_Phdr *phdrs;	/* inside the image */
	unsigned int phnum;
	unsigned long entry;
	unsigned long phdr_vaddr;	/* where the program headers appear in memory, or 0 */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long brk;		/* page-aligned end of the highest segment */
};

/* 0 and *info filled, or -ENOEXEC. user_limit is the end of user space. */
int elf_check_image(const void *image, size_t len, unsigned long user_limit, struct elf_info *info);

#endif
