/*
 * The line editor, for a terminal in raw mode: printable characters insert at the cursor,
 * Backspace/DEL and Ctrl-H delete left, Delete (ESC [3~) and Ctrl-D delete right, left/right
 * arrows, Home/End and Ctrl-A/Ctrl-E move, Ctrl-U kills to the start and Ctrl-K to the end,
 * Ctrl-W deletes a word, up/down arrows (ESC [A / ESC [B, or ESC O A) walk the history, Tab
 * completes a command name, Ctrl-L redraws, Ctrl-C abandons the line, Enter (CR or LF) accepts it,
 * Ctrl-D on an empty line is EOF.
 * Output is kept small: typing at the end of the line echoes just the character, so a serial
 * console log reads like what was typed; edits elsewhere redraw the text after the prompt (never
 * the prompt itself, so "MenuOS>> " in the output always means a new command line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <poll.h>
#include "shell.h"

#define HISTORY_MAX	64

static char *history[HISTORY_MAX];
static int history_len;

void history_add(const char *line)
{
	const char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return;
	if (history_len && !strcmp(history[history_len - 1], line))
		return;		/* no repeats, like HISTCONTROL=ignoredups */
	if (history_len == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(history[0]));
		history_len--;
	}
	history[history_len] = strdup(line);
	if (history[history_len])
		history_len++;
}

int builtin_history(int argc, char **argv)
{
	int i;

	for (i = 0; i < history_len; i++)
		printf("%5d  %s\n", i + 1, history[i]);
	return 0;
}

struct editor {
	const char *prompt;
	char *buf;
	size_t size;
	size_t len;
	size_t pos;		/* cursor in buf */
	size_t shown;		/* where the terminal's cursor is, in columns after the prompt */
	int hist;		/* history index being shown; history_len = the line being typed */
	char saved[MAX_LINE];	/* the line being typed, while browsing history */
};

static void out(const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(1, s, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		s += k;
		n -= (size_t)k;
	}
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

static void cursor_left(size_t n)
{
	char seq[24];

	if (n) {
		snprintf(seq, sizeof(seq), "\x1b[%zuD", n);
		outs(seq);
	}
}

/* Redraw the text after the prompt and put the cursor at pos. */
static void refresh(struct editor *e)
{
	cursor_left(e->shown);
	out(e->buf, e->len);
	outs("\x1b[K");
	cursor_left(e->len - e->pos);
	e->shown = e->pos;
}

static void insert_char(struct editor *e, char c)
{
	if (e->len + 1 >= e->size) {
		outs("\a");	/* line full */
		return;
	}
	memmove(e->buf + e->pos + 1, e->buf + e->pos, e->len - e->pos);
	e->buf[e->pos++] = c;
	e->len++;
	if (e->pos == e->len && e->shown == e->pos - 1) {
		out(&c, 1);
		e->shown++;
	} else {
		refresh(e);
	}
}

static void delete_left(struct editor *e)
{
	if (!e->pos)
		return;
	memmove(e->buf + e->pos - 1, e->buf + e->pos, e->len - e->pos);
	e->pos--;
	e->len--;
	if (e->pos == e->len && e->shown == e->pos + 1) {
		outs("\b \b");
		e->shown--;
	} else {
		refresh(e);
	}
}

static void delete_right(struct editor *e)
{
	if (e->pos == e->len)
		return;
	memmove(e->buf + e->pos, e->buf + e->pos + 1, e->len - e->pos - 1);
	e->len--;
	refresh(e);
}

static void move_left(struct editor *e)
{
	if (!e->pos)
		return;
	e->pos--;
	if (e->shown == e->pos + 1) {
		outs("\b");
		e->shown--;
	} else {
		refresh(e);
	}
}

static void move_right(struct editor *e)
{
	if (e->pos == e->len)
		return;
	e->pos++;
	if (e->shown == e->pos - 1) {
		outs("\x1b[C");
		e->shown++;
	} else {
		refresh(e);
	}
}

static void set_line(struct editor *e, const char *s)
{
	size_t n = strlen(s);

	if (n >= e->size)
		n = e->size - 1;
	memcpy(e->buf, s, n);
	e->len = e->pos = n;
	refresh(e);
}

static void history_move(struct editor *e, int dir)
{
	int to = e->hist + dir;

	if (to < 0 || to > history_len)
		return;
	if (e->hist == history_len) {
		size_t n = e->len < sizeof(e->saved) - 1 ? e->len : sizeof(e->saved) - 1;

		memcpy(e->saved, e->buf, n);
		e->saved[n] = '\0';
	}
	e->hist = to;
	set_line(e, to == history_len ? e->saved : history[to]);
}

/*
 * Tab at the end of the first word: complete it from the command names. One match is completed
 * (with a space after it); several are extended to their common prefix, or listed under the line.
 */
static void complete(struct editor *e)
{
	const char *name, *first = NULL;
	size_t common = 0, k;
	int i, matches = 0;

	if (e->pos != e->len || memchr(e->buf, ' ', e->len)) {
		insert_char(e, ' ');
		return;
	}
	for (i = 0; (name = command_name(i)); i++) {
		if (strncmp(name, e->buf, e->len))
			continue;
		if (!matches++) {
			first = name;
			common = strlen(name);
		}
		for (k = 0; k < common && name[k] == first[k]; k++)
			;
		common = k;
	}
	if (!matches) {
		outs("\a");
		return;
	}
	for (k = e->len; k < common; k++)
		insert_char(e, first[k]);
	if (matches == 1) {
		insert_char(e, ' ');
		return;
	}
	if (common > e->len)
		return;
	outs("\n");
	for (i = 0; (name = command_name(i)); i++) {
		if (!strncmp(name, e->buf, e->len)) {
			outs(name);
			outs("  ");
		}
	}
	outs("\n");
	outs(e->prompt);
	e->shown = 0;
	refresh(e);
}

static int read_byte(char *c)
{
	ssize_t n;

	do
		n = read(0, c, 1);
	while (n < 0 && errno == EINTR);
	return n == 1 ? 0 : -1;
}

/*
 * The rest of an escape sequence arrives right behind the ESC; a lone ESC key does not have one.
 * Wait a little for each byte so a lone ESC does not swallow the next keys.
 */
static int read_seq_byte(char *c)
{
	struct pollfd pfd = { .fd = 0, .events = POLLIN };

	if (poll(&pfd, 1, 100) != 1)
		return -1;
	return read_byte(c);
}

/* After ESC: arrows and Home/End/Delete in their ESC [ x, ESC O x and ESC [ n ~ forms. */
static void escape_sequence(struct editor *e)
{
	char c, c2;

	if (read_seq_byte(&c) || (c != '[' && c != 'O'))
		return;
	if (read_seq_byte(&c))
		return;
	if (c >= '0' && c <= '9') {
		if (read_seq_byte(&c2) || c2 != '~')
			return;
		if (c == '3')
			delete_right(e);
		else if (c == '1' || c == '7')
			c = 'H';
		else if (c == '4' || c == '8')
			c = 'F';
		else
			return;
		if (c == '3')
			return;
	}
	switch (c) {
	case 'A':
		history_move(e, -1);
		break;
	case 'B':
		history_move(e, 1);
		break;
	case 'C':
		move_right(e);
		break;
	case 'D':
		move_left(e);
		break;
	case 'H':
		e->pos = 0;
		refresh(e);
		break;
	case 'F':
		e->pos = e->len;
		refresh(e);
		break;
	}
}

/*
 * Read one line into buf (NUL-terminated, without the newline). Returns its length, or LINE_EOF
 * (input ended), LINE_CTRL_C (the line was abandoned) or LINE_CTRL_D (Ctrl-D on an empty line).
 */
int lineedit_read(const char *prompt, char *buf, size_t size)
{
	struct editor e = { .prompt = prompt, .buf = buf, .size = size, .hist = history_len };
	char c;

	outs(prompt);
	for (;;) {
		if (read_byte(&c)) {
			if (e.len)
				break;	/* EOF after some text: take the line */
			outs("\n");
			return LINE_EOF;
		}
		switch (c) {
		case '\r':
		case '\n':
			goto done;
		case 3:		/* Ctrl-C */
			outs("^C\n");
			buf[0] = '\0';
			return LINE_CTRL_C;
		case 4:		/* Ctrl-D */
			if (!e.len) {
				outs("\n");
				return LINE_CTRL_D;
			}
			delete_right(&e);
			break;
		case 127:
		case 8:		/* Backspace */
			delete_left(&e);
			break;
		case 1:		/* Ctrl-A */
			e.pos = 0;
			refresh(&e);
			break;
		case 5:		/* Ctrl-E */
			e.pos = e.len;
			refresh(&e);
			break;
		case 2:		/* Ctrl-B */
			move_left(&e);
			break;
		case 6:		/* Ctrl-F */
			move_right(&e);
			break;
		case 11:	/* Ctrl-K */
			e.len = e.pos;
			refresh(&e);
			break;
		case 21:	/* Ctrl-U */
			memmove(e.buf, e.buf + e.pos, e.len - e.pos);
			e.len -= e.pos;
			e.pos = 0;
			refresh(&e);
			break;
		case 23: {	/* Ctrl-W */
			size_t start = e.pos;

			while (start && e.buf[start - 1] == ' ')
				start--;
			while (start && e.buf[start - 1] != ' ')
				start--;
			memmove(e.buf + start, e.buf + e.pos, e.len - e.pos);
			e.len -= e.pos - start;
			e.pos = start;
			refresh(&e);
			break;
		}
		case 12:	/* Ctrl-L: clear the screen, prompt again */
			outs("\x1b[H\x1b[2J");
			outs(prompt);
			e.shown = 0;
			refresh(&e);
			break;
		case 16:	/* Ctrl-P */
			history_move(&e, -1);
			break;
		case 14:	/* Ctrl-N */
			history_move(&e, 1);
			break;
		case 27:
			escape_sequence(&e);
			break;
		case '\t':
			complete(&e);
			break;
		default:
			if ((unsigned char)c >= 32)
				insert_char(&e, c);
			break;
		}
	}
done:
	outs("\n");
	buf[e.len] = '\0';
	return (int)e.len;
}
