/* Saving and restoring the interrupt flag (include/linux/interrupt.h local_irq_save/restore). */
#include <linux/interrupt.h>
#include <asm/processor.h>

unsigned long local_irq_save_flags(void)
{
	unsigned long flags = native_save_fl();

	local_irq_disable();
	return flags;
}

/* Back to exactly the saved state, also when the section in between changed it. */
void local_irq_restore_flags(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
	else
		local_irq_disable();
}
