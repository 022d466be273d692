/*
 * start_kernel: the first C code. boot/head.asm calls it on the boot stack in the higher half with
 * the multiboot2 magic and the physical address of GRUB's boot information. It brings the core up
 * in dependency order (consoles, boot information, ...), then hands over to rest_init().
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/multiboot2.h>
#include <asm/processor.h>

#define UTS_RELEASE	"0.1.0"

char saved_command_line[BOOT_CMDLINE_LEN];

void start_kernel(u32 magic, u32 mbi_phys);

void start_kernel(u32 magic, u32 mbi_phys)
{
	int err;

	serial_init();
	vga_init();
	pr_notice("Linux-style teaching kernel " UTS_RELEASE " (x86_64) booting\n");

	err = multiboot_parse(magic, mbi_phys);
	if (err)
		panic("not booted by a multiboot2 loader (magic 0x%x)", magic);
	strscpy(saved_command_line, boot_params.cmdline, sizeof(saved_command_line));
	pr_info("Command line: %s\n", saved_command_line);
	pr_info("Boot loader: %s, %u modules\n", boot_params.loader, boot_params.nr_modules);

	pr_info("start_kernel: idle\n");
	/* No IDT yet: an interrupt now would triple-fault, so halt with interrupts off. */
	for (;;) {
		local_irq_disable();
		native_halt();
	}
}
