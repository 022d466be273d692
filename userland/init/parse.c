/*
 * Command-line parsing: words with '...' and "..." quoting and backslash escapes, $? $$ $! $NAME
 * ${NAME} expansion (not inside single quotes), '#' comments, and the operators | & ; && || < > >>
 * 2> 2>&1. The result is a list of pipelines, each joined to the previous by ;, && or ||.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include "shell.h"

enum tok { T_END, T_WORD, T_PIPE, T_AMP, T_SEMI, T_AND, T_OR, T_IN, T_OUT, T_APPEND, T_ERR, T_ERR2OUT,
	   T_NEWLINE };

struct lexer {
	const char *p;
	char *out;		/* next free byte in the word store */
	char *out_end;
	char *word;		/* the last T_WORD */
};

static int put_char(struct lexer *lx, char c)
{
	if (lx->out >= lx->out_end)
		return -1;
	*lx->out++ = c;
	return 0;
}

static int put_str(struct lexer *lx, const char *s)
{
	for (; *s; s++)
		if (put_char(lx, *s))
			return -1;
	return 0;
}

/* Expand the variable after '$' at lx->p; lx->p is left after its name. */
static int expand_var(struct lexer *lx)
{
	char name[64], num[16];
	const char *val;
	size_t n = 0;
	int braced = *lx->p == '{';

	if (*lx->p == '?' || *lx->p == '$' || *lx->p == '!') {
		snprintf(num, sizeof(num), "%d", *lx->p == '?' ? last_status : *lx->p == '!' ? (int)last_bg_pid :
			 (int)getpid());
		lx->p++;
		return put_str(lx, num);
	}
	if (braced)
		lx->p++;
	while ((isalnum((unsigned char)*lx->p) || *lx->p == '_') && n < sizeof(name) - 1)
		name[n++] = *lx->p++;
	name[n] = '\0';
	if (braced) {
		if (*lx->p != '}') {
			fprintf(stderr, "init: bad substitution\n");
			return -2;
		}
		lx->p++;
	}
	if (!n)
		return put_char(lx, '$');	/* a lone '$' is literal */
	val = getenv(name);
	return val ? put_str(lx, val) : 0;
}

static enum tok next_token(struct lexer *lx)
{
	const char *p;
	char quote = 0;
	int ret;

	while (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r')
		lx->p++;
	p = lx->p;
	switch (*p) {
	case '\0':
		return T_END;
	case '#':
		/* A comment runs to the end of its line. */
		lx->p = strchrnul(p, '\n');
		return next_token(lx);
	case '\n':	/* a newline separates commands like ';', but empty lines are fine */
		lx->p++;
		return T_NEWLINE;
	case '|':
		lx->p += p[1] == '|' ? 2 : 1;
		return p[1] == '|' ? T_OR : T_PIPE;
	case '&':
		lx->p += p[1] == '&' ? 2 : 1;
		return p[1] == '&' ? T_AND : T_AMP;
	case ';':
		lx->p++;
		return T_SEMI;
	case '<':
		lx->p++;
		return T_IN;
	case '>':
		lx->p += p[1] == '>' ? 2 : 1;
		return p[1] == '>' ? T_APPEND : T_OUT;
	case '2':
		if (p[1] == '>') {
			if (!strncmp(p, "2>&1", 4)) {
				lx->p += 4;
				return T_ERR2OUT;
			}
			lx->p += 2;
			return T_ERR;
		}
		break;
	}

	lx->word = lx->out;
	for (;;) {
		char c = *lx->p;

		if (!c)
			break;
		if (!quote && strchr(" \t\r\n|&;<>", c))
			break;
		lx->p++;
		if (quote == '\'' ) {
			if (c == '\'')
				quote = 0;
			else if (put_char(lx, c))
				goto overflow;
			continue;
		}
		if (c == '\\' && *lx->p) {
			c = *lx->p++;
		} else if (c == '\'' && !quote) {
			quote = '\'';
			continue;
		} else if (c == '"') {
			quote = quote ? 0 : '"';
			continue;
		} else if (c == '$') {
			ret = expand_var(lx);
			if (ret == -2)
				return -1;
			if (ret)
				goto overflow;
			continue;
		}
		if (put_char(lx, c))
			goto overflow;
	}
	if (quote) {
		fprintf(stderr, "init: unterminated %c quote\n", quote);
		return -1;
	}
	if (put_char(lx, '\0'))
		goto overflow;
	return T_WORD;
overflow:
	fprintf(stderr, "init: line too long\n");
	return -1;
}

static const char *tok_name(enum tok t)
{
	static const char *const names[] = { "end of input", "word", "|", "&", ";", "&&", "||", "<", ">", ">>",
					     "2>", "2>&1", "newline" };

	return names[t];
}

int parse_line(const char *line, struct script *sc, int limit, const char **rest)
{
	struct lexer lx = { line, sc->words, sc->words + sizeof(sc->words), NULL };
	struct pipeline *pl = NULL;
	struct command *cmd = NULL;
	enum joiner join = sc->next_join;
	const char *start = line;
	enum tok t, t2;
	char **target;
	size_t n;

	sc->n = 0;
	for (;;) {
		if (!pl && sc->n == limit) {
			*rest = lx.p;
			sc->next_join = join;
			return 0;
		}
		t = next_token(&lx);
		if ((int)t < 0)
			return -1;
		if (t == T_END && !pl) {
			*rest = lx.p + strlen(lx.p);
			return 0;
		}
		if (t == T_NEWLINE && !pl)
			continue;
		if (!pl) {
			if (t != T_WORD && t != T_IN && t != T_OUT && t != T_APPEND && t != T_ERR && t != T_ERR2OUT)
				goto unexpected;
			pl = &sc->pl[sc->n++];
			memset(pl, 0, sizeof(*pl));
			pl->join = join;
			cmd = &pl->cmds[pl->ncmds++];
		}
		switch (t) {
		case T_WORD:
			if (cmd->argc == MAX_ARGS) {
				fprintf(stderr, "init: too many arguments\n");
				return -1;
			}
			cmd->argv[cmd->argc++] = lx.word;
			continue;
		case T_IN:
		case T_OUT:
		case T_APPEND:
		case T_ERR:
			t2 = next_token(&lx);
			if ((int)t2 < 0)
				return -1;
			if (t2 != T_WORD) {
				t = t2;
				goto unexpected;
			}
			target = t == T_IN ? &cmd->in : t == T_ERR ? &cmd->err : &cmd->out;
			*target = lx.word;
			if (t == T_OUT || t == T_APPEND)
				cmd->append = t == T_APPEND;
			continue;
		case T_ERR2OUT:
			cmd->err_to_out = 1;
			continue;
		case T_PIPE:
			if (!cmd->argc)
				goto unexpected;
			if (pl->ncmds == MAX_PIPE) {
				fprintf(stderr, "init: pipeline too long\n");
				return -1;
			}
			cmd = &pl->cmds[pl->ncmds++];
			continue;
		default:
			break;
		}
		/* T_END, T_AMP, T_SEMI, T_AND, T_OR end the pipeline. */
		if (!cmd->argc)
			goto unexpected;
		n = (size_t)(lx.p - start);
		while (n && strchr(" \t\r\n;&|", start[n - 1]))
			n--;
		while (n && strchr(" \t\r\n", *start))
			start++, n--;
		snprintf(pl->text, sizeof(pl->text), "%.*s", (int)n, start);
		start = lx.p;
		pl->background = t == T_AMP;
		join = t == T_AND ? JOIN_AND : t == T_OR ? JOIN_OR : JOIN_ALWAYS;
		/* T_SEMI, T_NEWLINE and T_AMP just end the pipeline, like T_END does for the line. */
		if ((t == T_AND || t == T_OR) && pl->background)
			goto unexpected;
		pl = NULL;
		if (t == T_END) {
			*rest = lx.p + strlen(lx.p);
			return 0;
		}
		if (t == T_AND || t == T_OR) {
			/* Something must follow. */
			const char *q = lx.p;

			while (strchr(" \t\r\n", *q) && *q)
				q++;
			if (!*q || *q == '#') {
				t = T_END;
				goto unexpected;
			}
		}
	}
unexpected:
	fprintf(stderr, "init: syntax error near unexpected token `%s'\n", tok_name(t));
	return -1;
}
