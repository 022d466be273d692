/* Power off and restart: the end of poweroff/reboot (kernel/sys.c), panic() and --run. */
#include <linux/reboot.h>
#include <asm/io.h>
#include <asm/processor.h>

#define ISA_DEBUG_EXIT_PORT	0xf4
#define I8042_COMMAND_PORT	0x64
#define I8042_PULSE_RESET	0xfe

static void __noreturn halt_forever(void)
{
	for (;;) {
		local_irq_disable();
		native_halt();
	}
}

static void __noreturn debug_exit(u32 status)
{
	local_irq_disable();
	outl(status, ISA_DEBUG_EXIT_PORT);
	halt_forever();
}

void machine_power_off(int status)
{
	if (status < 0 || status > POWER_OFF_MAX_STATUS)
		status = POWER_OFF_MAX_STATUS;
	debug_exit((u32)status);
}

void machine_panic_exit(void)
{
	debug_exit(PANIC_EXIT_STATUS);
}

void machine_restart(void)
{
	local_irq_disable();
	outb(I8042_PULSE_RESET, I8042_COMMAND_PORT);
	halt_forever();
}
