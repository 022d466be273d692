; Interrupt and exception entry (Linux: arch/x86/entry/entry_64.S, idtentry). One 16-byte stub
; per IDT vector: it pushes a zero error code where the CPU pushes none (so every frame looks the
; same), saves RDI and loads the vector number into it, and jumps to common_interrupt, which
; completes a struct pt_regs (include/asm/ptrace.h; orig_ax = error code) and calls
;     void do_interrupt(struct pt_regs *regs, unsigned long vector)      (kernel/traps.c)
; An interrupt from ring 3 arrives on the task's kernel stack (TSS.rsp0), so pt_regs sits at
; its top, where the scheduler (kernel/sched) expects it.
;
; For backtraces, common_interrupt pushes a fake frame (interrupted RIP, interrupted RBP) so the
; frame-pointer chain runs from the handler through the interrupted kernel function.

%define PT_REGS_IP	(16 * 8)
%define PT_REGS_CS	(17 * 8)

global interrupt_stubs
global common_interrupt
extern do_interrupt

section .text

%macro PUSH_REGS 0
	push rsi
	push rdx
	push rcx
	push rax
	push r8
	push r9
	push r10
	push r11
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
%endmacro

%macro POP_REGS 0
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	pop r11
	pop r10
	pop r9
	pop r8
	pop rax
	pop rcx
	pop rdx
	pop rsi
	pop rdi
%endmacro

; Vectors where the CPU pushes an error code: #DF #TS #NP #SS #GP #PF #AC #CP #VC #SX.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

align 16
stubs_start:
%assign vec 0
%rep 256
	align 16
stub_ %+ vec:
%if HAS_ERROR_CODE(vec)
%else
	push qword 0
%endif
	push rdi
	mov edi, vec
	jmp common_interrupt
%assign vec vec + 1
%endrep

align 16
common_interrupt:
	cld
	PUSH_REGS
	mov rsi, rdi			; vector
	mov rdi, rsp			; regs (RSP points at pt_regs->r15)
	test byte [rdi + PT_REGS_CS], 3
	jnz .from_user
	push qword [rdi + PT_REGS_IP]	; fake frame: return address = interrupted RIP
	push rbp			; saved frame pointer = interrupted RBP
	jmp .call
.from_user:
	push qword 0			; a user RIP/RBP must not be walked: end the chain
	push qword 0
.call:
	mov rbp, rsp
	and rsp, -16			; the C ABI wants a 16-byte aligned stack at the call
	call do_interrupt
	lea rsp, [rbp + 16]		; back to pt_regs (RDI was clobbered by the call)
	POP_REGS
	add rsp, 8			; orig_ax (error code)
	iretq

section .rodata
align 8
; Address of the stub for each vector, read by kernel/traps.c to fill the IDT.
interrupt_stubs:
%assign vec 0
%rep 256
	dq stub_ %+ vec
%assign vec vec + 1
%endrep
