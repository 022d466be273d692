/*
 * VGA text console: 80x25 cells at physical 0xb8000 (reached through the direct map), the same
 * output as the serial console, so `make run` shows the boot log in the QEMU window too.
 * Handles \n, \r, \t and backspace, scrolls at the bottom and moves the hardware cursor.
 */
#include <linux/console.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>


#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x07	/* light grey on black */
#define VGA_CRTC_INDEX	0x3d4
#define VGA_CRTC_DATA	0x3d5
#define VGA_CURSOR_HI	0x0e
#define VGA_CURSOR_LO	0x0f

static volatile u16 *vga_buf;
static unsigned int vga_row, vga_col;

static u16 vga_cell(char c)
{
	return (u16)(unsigned char)c | (VGA_ATTR << 8);
}

static void vga_scroll(void)
{
	for (unsigned int i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_buf[i] = vga_buf[i + VGA_COLS];
	for (unsigned int i = 0; i < VGA_COLS; i++)
		vga_buf[(VGA_ROWS - 1) * VGA_COLS + i] = vga_cell(' ');
	vga_row = VGA_ROWS - 1;
}

static void vga_move_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CURSOR_HI, VGA_CRTC_INDEX);
	outb((u8)(pos >> 8), VGA_CRTC_DATA);
	outb(VGA_CURSOR_LO, VGA_CRTC_INDEX);
	outb((u8)pos, VGA_CRTC_DATA);
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		vga_col = 0;
		vga_row++;
		break;
	case '\r':
		vga_col = 0;
		break;
	case '\t':
		vga_col = (vga_col + 8) & ~7u;
		break;
	case '\b':
		if (vga_col)
			vga_col--;
		break;
	default:
		if ((unsigned char)c < ' ')
			return;		/* other control characters (escape sequences) are not drawn */
		vga_buf[vga_row * VGA_COLS + vga_col] = vga_cell(c);
		vga_col++;
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll();
}

static void vga_console_write(struct console *con, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		vga_putc(s[i]);
	vga_move_cursor();
}

static struct console vga_console = {
	.name = "tty0",
	.write = vga_console_write,
};

void vga_init(void)
{
	vga_buf = __va(0xb8000);
	for (unsigned int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_buf[i] = vga_cell(' ');
	vga_row = vga_col = 0;
	register_console(&vga_console);
}
