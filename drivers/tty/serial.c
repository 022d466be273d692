/*
 * COM1 (8250/16550 UART at I/O port 0x3f8): the main console. printk and the user's terminal
 * output are written here with polling; under QEMU this is the -serial stdio the user types into.
 * Line endings: "\n" goes out as "\r\n" so a raw terminal shows lines correctly.
 * Input: the receive interrupt (IRQ 4) hands each byte to tty_receive_char(), which the
 * terminal code (proc's console tty) provides; the weak default drops it.
 */
#include <linux/console.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <asm/io.h>
#include <asm/processor.h>


#define COM1_BASE	0x3f8
#define UART_RX		0	/* receive buffer (DLAB=0) */
#define UART_TX		0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_FCR_ENABLE	0x07	/* enable + clear both FIFOs, interrupt at every byte */
#define UART_MCR_DTR_RTS_OUT2 0x0b	/* OUT2 gates the UART interrupt onto the ISA line */
#define UART_IER_RDI	0x01	/* interrupt when received data is available */
#define UART_LSR_DR	0x01	/* data ready */
#define COM1_IRQ	4
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

static bool serial_present;

static void serial_putc(char c)
{
	/* Bounded wait: a missing or stuck UART must not hang printk forever. */
	for (int i = 0; i < 100000 && !(inb(COM1_BASE + UART_LSR) & UART_LSR_THRE); i++)
		cpu_relax();
	outb((u8)c, COM1_BASE + UART_TX);
}

static void serial_console_write(struct console *con, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_console_write,
};

int serial_getc_nonblock(void)
{
	if (!serial_present || !(inb(COM1_BASE + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1_BASE + UART_RX);
}

void serial_init(void)
{
	outb(0x00, COM1_BASE + UART_IER);
	outb(UART_LCR_DLAB, COM1_BASE + UART_LCR);
	outb(1, COM1_BASE + UART_DLL);		/* 115200 baud = 115200 / 1 */
	outb(0, COM1_BASE + UART_DLM);
	outb(UART_LCR_8N1, COM1_BASE + UART_LCR);
	outb(UART_FCR_ENABLE, COM1_BASE + UART_FCR);
	outb(UART_MCR_DTR_RTS_OUT2, COM1_BASE + UART_MCR);
	/* No UART answers 0xff on the status port. */
	serial_present = inb(COM1_BASE + UART_LSR) != 0xff;
	if (serial_present)
		register_console(&serial_console);
}

__attribute__((weak)) void tty_receive_char(unsigned char c)
{
}

static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	int c, n = 0;

	while ((c = serial_getc_nonblock()) >= 0) {
		tty_receive_char((unsigned char)c);
		n++;
	}
	return n ? IRQ_HANDLED : IRQ_NONE;
}

/* Interrupts need the IRQ layer and kmalloc, so this waits for the initcalls. */
static int serial_irq_init(void)
{
	int err;

	if (!serial_present)
		return -ENODEV;
	err = request_irq(COM1_IRQ, serial_interrupt, 0, "serial", NULL);
	if (err)
		return err;
	outb(UART_IER_RDI, COM1_BASE + UART_IER);
	return 0;
}
device_initcall(serial_irq_init);
