/*
 * ELF64 header validation for execve (Linux: fs/binfmt_elf.c, load_elf_binary's checks).
 * Pure: reads only the image it is given. See include/linux/elf.h.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/elf.h>

#define ELF_PAGE_SIZE	4096UL

static bool range_in(u64 off, u64 size, u64 limit)
{
	return off <= limit && size <= limit - off;
}

int elf_check_image(const void *image, size_t len, unsigned long user_limit, struct elf_info *info)
{
	const Elf64_Ehdr *eh = image;
	const Elf64_Phdr *ph;
	unsigned long prev_end = 0;
	bool entry_ok = false, have_load = false;

	memset(info, 0, sizeof(*info));
	if (len < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4))
		return -ENOEXEC;
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return -ENOEXEC;
	/* Static, non-PIE executables only: there is no dynamic loader. */
	if (eh->e_type != ET_EXEC || eh->e_machine != EM_X86_64)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	if (eh->e_phoff % 8 || !range_in(eh->e_phoff, (u64)eh->e_phnum * sizeof(Elf64_Phdr), len))
		return -ENOEXEC;

	ph = (const Elf64_Phdr *)((const char *)image + eh->e_phoff);
	info->phdrs = ph;
	info->phnum = eh->e_phnum;
	info->entry = eh->e_entry;
	info->start_code = ~0UL;
	info->start_data = ~0UL;
	for (unsigned int i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *p = &ph[i];
		unsigned long end;

		if (p->p_type == PT_INTERP || p->p_type == PT_DYNAMIC)
			return -ENOEXEC;
		if (p->p_type == PT_PHDR)
			info->phdr_vaddr = p->p_vaddr;
		if (p->p_type != PT_LOAD || p->p_memsz == 0)
			continue;
		if (p->p_filesz > p->p_memsz || !range_in(p->p_offset, p->p_filesz, len))
			return -ENOEXEC;
		if (p->p_vaddr < ELF_MIN_VADDR || !range_in(p->p_vaddr, p->p_memsz, user_limit))
			return -ENOEXEC;
		/* Ascending, as the ELF spec requires; neighbours may share a page, not bytes. */
		if (p->p_vaddr < prev_end)
			return -ENOEXEC;
		end = p->p_vaddr + p->p_memsz;
		prev_end = end;
		have_load = true;
		if (eh->e_entry >= p->p_vaddr && eh->e_entry < end && (p->p_flags & PF_X))
			entry_ok = true;
		if (!info->phdr_vaddr && eh->e_phoff >= p->p_offset &&
		    eh->e_phoff - p->p_offset < p->p_filesz)
			info->phdr_vaddr = p->p_vaddr + (eh->e_phoff - p->p_offset);
		if (p->p_flags & PF_X) {
			info->start_code = min(info->start_code, (unsigned long)p->p_vaddr);
			info->end_code = max(info->end_code, end);
		} else {
			info->start_data = min(info->start_data, (unsigned long)p->p_vaddr);
			info->end_data = max(info->end_data, end);
		}
		info->brk = max(info->brk, ALIGN(end, ELF_PAGE_SIZE));
	}
	if (!have_load || !entry_ok)
		return -ENOEXEC;
	if (info->start_code == ~0UL)
		info->start_code = 0;
	if (info->start_data == ~0UL)
		info->start_data = 0;
	return 0;
}
