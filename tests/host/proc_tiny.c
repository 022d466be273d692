/* A minimal static x86_64 program for test_proc_elf: the ELF loader's checks run on a real file. */
void _start(void);

void _start(void)
{
	__asm__ __volatile__("mov $60, %eax; xor %edi, %edi; syscall");
}
