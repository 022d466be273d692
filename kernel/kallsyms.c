/*
 * Address -> function name for backtraces. The tables below are generated from the first link's
 * `nm` output (tools/gen-kallsyms.sh) into build/kallsyms.c and linked in the second link; they
 * list text symbols sorted by address, with their sizes.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>

extern const unsigned long kallsyms_addresses[];
extern const unsigned long kallsyms_sizes[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern const unsigned int kallsyms_num_syms;

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize, unsigned long *offset)
{
	unsigned int lo = 0, hi = kallsyms_num_syms;
	unsigned long size;

	/* Binary search for the last symbol at or below addr. */
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	lo--;
	size = kallsyms_sizes[lo];
	/* Symbols without a size (asm labels) cover up to the next symbol. */
	if (!size && lo + 1 < kallsyms_num_syms)
		size = kallsyms_addresses[lo + 1] - kallsyms_addresses[lo];
	if (addr - kallsyms_addresses[lo] >= size)
		return NULL;
	*symbolsize = size;
	*offset = addr - kallsyms_addresses[lo];
	return &kallsyms_names[kallsyms_name_offsets[lo]];
}

int sprint_symbol(char *buffer, size_t size, unsigned long address)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(address, &symsize, &offset);

	if (!name)
		return scnprintf(buffer, size, "0x%lx", address);
	return scnprintf(buffer, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}
