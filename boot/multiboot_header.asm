; Multiboot2 header: GRUB's `multiboot2` command finds this in the first 32 KiB of kernel.elf
; (linker.ld puts section .multiboot first) and then loads the ELF's segments by physical address.
; Layout per the Multiboot2 specification, section 3.1: magic, architecture (0 = i386 protected
; mode), header length, checksum (the four fields sum to 0 mod 2^32), then 8-byte aligned tags.

MB2_MAGIC	equ 0xe85250d6
MB2_ARCH_I386	equ 0

section .multiboot progbits alloc noexec nowrite align=8
mb2_header_start:
	dd MB2_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header_start
	dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header_start))

	; Information request tag (type 1): we need the memory map (6) and the command line (1);
	; modules (3) and the boot loader name (2) are optional and always passed anyway.
	align 8
	dw 1, 0
	dd 16
	dd 6, 1

	; Console flags tag (type 4): EGA text console supported (bit 1), so GRUB leaves VGA text mode.
	align 8
	dw 4, 0
	dd 12
	dd 2

	; End tag.
	align 8
	dw 0, 0
	dd 8
mb2_header_end:
