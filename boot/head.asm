; Boot trampoline: GRUB enters _start in 32-bit protected mode with paging off, EAX = multiboot2
; magic, EBX = physical address of the boot information. We build early page tables, switch to
; long mode, jump to the higher half (0xffffffff80000000 + physical) and call
;     start_kernel(magic, mbi_phys)            (kernel/main.c)
;
; Early page tables (2 MiB pages, so no page-table pages per 4 KiB):
;   PML4[0]   -> pdpt_low  -> 4 page directories: identity map of 0-4 GiB (device MMIO lives near
;                             4 GiB; user processes get their own PML4 without this entry)
;   PML4[273] -> pdpt_low      same tables: the direct map of physical memory at 0xffff888000000000
;   PML4[511] -> pdpt_high -> [510] pd0, [511] pd1: physical 0-2 GiB at 0xffffffff80000000 (kernel image)
;
; Everything here is linked at its physical address (section .boot.*, see linker.ld), so 32-bit
; code can use plain absolute addresses; only the final jump goes to a higher-half symbol.

KERNEL_VMA	equ 0xffffffff80000000
MB2_BOOT_MAGIC	equ 0x36d76289

PTE_PRESENT	equ 1 << 0
PTE_WRITE	equ 1 << 1
PTE_HUGE	equ 1 << 7

CR0_PE		equ 1 << 0
CR0_MP		equ 1 << 1
CR0_EM		equ 1 << 2
CR0_WP		equ 1 << 16
CR0_PG		equ 1 << 31
CR4_PAE		equ 1 << 5
CR4_OSFXSR	equ 1 << 9
CR4_OSXMMEXCPT	equ 1 << 10
MSR_EFER	equ 0xc0000080
EFER_LME	equ 1 << 8
EFER_NXE	equ 1 << 11

; Selectors in Linux's GDT layout (kernel/traps.c installs the full table later).
BOOT_CS		equ 0x10
BOOT_DS		equ 0x18

global _start
global early_pml4
global boot_stack
global boot_stack_top
extern start_kernel

section .boot.text progbits alloc exec nowrite align=16
bits 32
_start:
	cli
	cld
	mov esp, early_stack_top
	mov edi, eax			; multiboot2 magic: first argument of start_kernel
	mov esi, ebx			; boot information (physical): second argument

	cmp edi, MB2_BOOT_MAGIC
	mov ebx, msg_no_multiboot
	jne early_fail

	; CPUID leaf 0x80000001 EDX bit 29: long mode. Without it there is nothing we can do.
	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	mov ebx, msg_no_long_mode
	jb early_fail
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 29
	jz early_fail

	; Page directories: 2048 entries of 2 MiB cover 0-4 GiB.
	mov edi, early_pd
	xor eax, eax
	xor edx, edx
	mov ecx, 2048
.fill_pd:
	mov ebx, eax
	or ebx, PTE_PRESENT | PTE_WRITE | PTE_HUGE
	mov [edi], ebx
	mov [edi + 4], edx
	add eax, 0x200000
	adc edx, 0
	add edi, 8
	loop .fill_pd

	; pdpt_low[0..3] -> the four page directories.
	mov edi, early_pdpt_low
	mov eax, early_pd + (PTE_PRESENT | PTE_WRITE)
	mov ecx, 4
.fill_pdpt:
	mov [edi], eax
	add eax, 4096
	add edi, 8
	loop .fill_pdpt

	; pdpt_high[510], [511] -> first two page directories (physical 0-2 GiB).
	mov dword [early_pdpt_high + 510 * 8], early_pd + (PTE_PRESENT | PTE_WRITE)
	mov dword [early_pdpt_high + 511 * 8], early_pd + 4096 + (PTE_PRESENT | PTE_WRITE)

	mov dword [early_pml4 + 0 * 8], early_pdpt_low + (PTE_PRESENT | PTE_WRITE)
	mov dword [early_pml4 + 273 * 8], early_pdpt_low + (PTE_PRESENT | PTE_WRITE)
	mov dword [early_pml4 + 511 * 8], early_pdpt_high + (PTE_PRESENT | PTE_WRITE)

	; The long-mode switch, in the order the SDM (vol. 3, 9.8.5) asks for.
	mov eax, cr4
	or eax, CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT	; SSE allowed for user programs
	mov cr4, eax
	mov eax, early_pml4
	mov cr3, eax
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME | EFER_NXE
	wrmsr
	mov eax, cr0
	and eax, ~CR0_EM
	or eax, CR0_PE | CR0_MP | CR0_WP | CR0_PG
	mov cr0, eax

	lgdt [early_gdt_ptr]
	mov edi, MB2_BOOT_MAGIC		; restore the arguments clobbered by cpuid/rdmsr
	jmp BOOT_CS:long_mode_low

; Prints a message on the VGA text screen and stops: no serial port driver this early.
early_fail:
	mov edi, 0xb8000
.next_char:
	mov al, [ebx]
	test al, al
	jz .halt
	mov ah, 0x4f			; white on red
	mov [edi], ax
	inc ebx
	add edi, 2
	jmp .next_char
.halt:
	hlt
	jmp .halt

bits 64
long_mode_low:
	mov edi, edi			; 32-bit moves zero the upper halves left undefined by the mode switch
	mov esi, esi
	mov ax, BOOT_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor eax, eax
	mov fs, ax
	mov gs, ax
	mov rax, higher_half
	jmp rax

section .text
higher_half:
	mov rsp, boot_stack_top
	xor ebp, ebp			; ends the frame-pointer chain for backtraces
	; edi = magic, esi = mbi (zero-extended by the 32-bit moves above)
	call start_kernel
.idle:
	cli
	hlt
	jmp .idle

; The stack start_kernel runs on; it becomes the idle task's stack (kernel/sched).
section .bss
align 16
boot_stack:
	resb 16384
boot_stack_top:

section .boot.data progbits alloc noexec write align=4096
; Page tables are ordinary initialized data (zeros) so GRUB loads and clears them with the image.
early_pml4:
	times 4096 db 0
early_pdpt_low:
	times 4096 db 0
early_pdpt_high:
	times 4096 db 0
early_pd:
	times 4 * 4096 db 0

; Small stack for the 32-bit code (cpuid, rdmsr); the kernel stack proper is boot_stack in .bss.
	times 256 db 0
early_stack_top:

align 16
early_gdt:
	dq 0					; null
	dq 0x00cf9a000000ffff			; 0x08 kernel 32-bit code (unused, Linux layout)
	dq 0x00af9a000000ffff			; 0x10 kernel 64-bit code (L=1)
	dq 0x00cf92000000ffff			; 0x18 kernel data
early_gdt_end:
early_gdt_ptr:
	dw early_gdt_end - early_gdt - 1
	dd early_gdt

msg_no_multiboot:
	db "kernel.elf: not started by a multiboot2 boot loader", 0
msg_no_long_mode:
	db "kernel.elf: this CPU has no 64-bit long mode", 0
