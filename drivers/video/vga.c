/*
 * VGA text console: 80x25 cells at physical 0xb8000 (reached through the direct map), the same
 * output as the serial console, so `make run` shows the boot log and the shell in the QEMU window
 * too. Handles \n, \r, \t and backspace, scrolls at the bottom, moves the hardware cursor, and
 * understands the few ANSI/VT100 sequences the shell's line editor sends (cursor movement
 * ESC[nA/B/C/D, ESC[row;colH, erase ESC[K and ESC[2J, colours ESC[...m), which a serial terminal
 * interprets itself.
 */
#include <linux/console.h>
#include <linux/kernel.h>
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
#define ANSI_MAX_PARAMS	4

enum ansi_state { ANSI_NORMAL, ANSI_ESC, ANSI_CSI };

static volatile u16 *vga_buf;
static unsigned int vga_row, vga_col;
static u8 vga_attr = VGA_ATTR;
static enum ansi_state ansi_state;
static unsigned int ansi_params[ANSI_MAX_PARAMS];
static unsigned int ansi_nparams;

/* ANSI colour number (black red green yellow blue magenta cyan white) -> VGA palette index. */
static const u8 ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

static u16 vga_cell(char c)
{
	return (u16)(unsigned char)c | ((u16)vga_attr << 8);
}

static void vga_clear(unsigned int from, unsigned int to)
{
	for (unsigned int i = from; i < to; i++)
		vga_buf[i] = vga_cell(' ');
}

static void vga_scroll(void)
{
	for (unsigned int i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_buf[i] = vga_buf[i + VGA_COLS];
	vga_clear((VGA_ROWS - 1) * VGA_COLS, VGA_ROWS * VGA_COLS);
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

static unsigned int ansi_param(unsigned int i, unsigned int dflt)
{
	return i < ansi_nparams && ansi_params[i] ? ansi_params[i] : dflt;
}

static void ansi_sgr(void)
{
	if (!ansi_nparams)
		ansi_params[ansi_nparams++] = 0;
	for (unsigned int i = 0; i < ansi_nparams; i++) {
		unsigned int p = ansi_params[i];

		if (p == 0)
			vga_attr = VGA_ATTR;
		else if (p == 1)
			vga_attr |= 0x08;		/* bold: the bright variant */
		else if (p >= 30 && p <= 37)
			vga_attr = (vga_attr & 0xf8) | ansi_to_vga[p - 30];
		else if (p >= 40 && p <= 47)
			vga_attr = (vga_attr & 0x8f) | (u8)(ansi_to_vga[p - 40] << 4);
	}
}

/* The final byte of an ESC [ ... sequence. */
static void ansi_execute(char cmd)
{
	unsigned int n = ansi_param(0, 1), pos = vga_row * VGA_COLS + vga_col;

	switch (cmd) {
	case 'A':
		vga_row = n > vga_row ? 0 : vga_row - n;
		break;
	case 'B':
		vga_row = min(vga_row + n, (unsigned int)VGA_ROWS - 1);
		break;
	case 'C':
		vga_col = min(vga_col + n, (unsigned int)VGA_COLS - 1);
		break;
	case 'D':
		vga_col = n > vga_col ? 0 : vga_col - n;
		break;
	case 'H':
	case 'f':
		vga_row = min(ansi_param(0, 1), (unsigned int)VGA_ROWS) - 1;
		vga_col = min(ansi_param(1, 1), (unsigned int)VGA_COLS) - 1;
		break;
	case 'K':	/* 0: to end of line, 1: from line start, 2: whole line */
		if (ansi_param(0, 0) == 0)
			vga_clear(pos, (vga_row + 1) * VGA_COLS);
		else if (ansi_param(0, 0) == 1)
			vga_clear(vga_row * VGA_COLS, pos + 1);
		else
			vga_clear(vga_row * VGA_COLS, (vga_row + 1) * VGA_COLS);
		break;
	case 'J':	/* 0: to end of screen, 2: whole screen (cursor stays) */
		if (ansi_param(0, 0) == 2)
			vga_clear(0, VGA_ROWS * VGA_COLS);
		else if (ansi_param(0, 0) == 0)
			vga_clear(pos, VGA_ROWS * VGA_COLS);
		break;
	case 'm':
		ansi_sgr();
		break;
	}
}

/* Returns true when c belonged to an escape sequence (and so is not drawn). */
static bool ansi_feed(char c)
{
	switch (ansi_state) {
	case ANSI_NORMAL:
		if (c != '\x1b')
			return false;
		ansi_state = ANSI_ESC;
		return true;
	case ANSI_ESC:
		if (c == '[') {
			ansi_state = ANSI_CSI;
			ansi_nparams = 0;
			memset(ansi_params, 0, sizeof(ansi_params));
		} else {
			ansi_state = ANSI_NORMAL;	/* other escapes are not supported: dropped */
		}
		return true;
	case ANSI_CSI:
		if (c >= '0' && c <= '9') {
			if (!ansi_nparams)
				ansi_nparams = 1;
			if (ansi_nparams <= ANSI_MAX_PARAMS)
				ansi_params[ansi_nparams - 1] = ansi_params[ansi_nparams - 1] * 10 + (c - '0');
		} else if (c == ';') {
			if (!ansi_nparams)
				ansi_nparams = 1;
			ansi_nparams++;
		} else if (c >= 0x40 && c <= 0x7e) {
			ansi_nparams = min(ansi_nparams, (unsigned int)ANSI_MAX_PARAMS);
			ansi_execute(c);
			ansi_state = ANSI_NORMAL;
		}
		return true;
	}
	return false;
}

static void vga_putc(char c)
{
	if (ansi_feed(c))
		return;
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
			return;		/* other control characters (bell ...) are not drawn */
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
	vga_clear(0, VGA_ROWS * VGA_COLS);
	vga_row = vga_col = 0;
	register_console(&vga_console);
}
