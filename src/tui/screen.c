/*
 * screen.c - the cell grid the TUI draws into.
 */
#include "tui/screen.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

void
screen_init(struct screen *s, int w, int h)
{
	s->w = w > 0 ? w : 1;
	s->h = h > 0 ? h : 1;
	s->cells = xcalloc((size_t)s->w * (size_t)s->h, sizeof *s->cells);
	screen_clear(s);
}

void
screen_free(struct screen *s)
{
	free(s->cells);
	s->cells = NULL;
}

void
screen_clear(struct screen *s)
{
	for (int i = 0; i < s->w * s->h; i++) {
		s->cells[i].ch = ' ';
		s->cells[i].role = R_TEXT;
		s->cells[i].bold = false;
	}
}

int
screen_put(struct screen *s, int x, int y, const char *text, enum role role, int max_w)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t left = strlen(text);
	int written = 0;

	if (y < 0 || y >= s->h)
		return 0;
	while (left > 0 && (max_w < 0 || written < max_w)) {
		size_t size;
		long rune = utf8_decode(p, left, &size);
		/* Bad bytes show as U+FFFD, so nothing is lost silently. */
		uint32_t r = rune < 0 ? 0xFFFD : (uint32_t)rune;

		p += size;
		left -= size;

		if (r == '\n' || r == '\r')
			break;
		if (r == '\t' || r < 0x20 || r == 0x7F)
			r = ' ';
		if (x + written >= s->w)
			break;
		if (x + written >= 0) {
			struct cell *c = &s->cells[y * s->w + x + written];

			c->ch = r;
			c->role = (uint8_t)role;
			c->bold = false;
		}
		written++;
	}
	return written;
}

int
screen_putf(struct screen *s, int x, int y, enum role role, int max_w, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int n;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	n = screen_put(s, x, y, sb_str(&sb), role, max_w);
	sb_free(&sb);
	return n;
}

void
screen_fill(struct screen *s, int x, int y, int w, int h, enum role role)
{
	for (int row = y; row < y + h; row++)
		for (int col = x; col < x + w; col++)
			if (row >= 0 && row < s->h && col >= 0 && col < s->w) {
				s->cells[row * s->w + col].ch = ' ';
				s->cells[row * s->w + col].role = (uint8_t)role;
			}
}

static void
put_rune(struct screen *s, int x, int y, uint32_t r, enum role role)
{
	if (x >= 0 && x < s->w && y >= 0 && y < s->h) {
		s->cells[y * s->w + x].ch = r;
		s->cells[y * s->w + x].role = (uint8_t)role;
	}
}

void
screen_box(struct screen *s, int x, int y, int w, int h, enum role role, const char *title)
{
	if (w < 2 || h < 2)
		return;
	for (int i = 1; i < w - 1; i++) {
		put_rune(s, x + i, y, 0x2500, role);
		put_rune(s, x + i, y + h - 1, 0x2500, role);
	}
	for (int i = 1; i < h - 1; i++) {
		put_rune(s, x, y + i, 0x2502, role);
		put_rune(s, x + w - 1, y + i, 0x2502, role);
	}
	put_rune(s, x, y, 0x250C, role);
	put_rune(s, x + w - 1, y, 0x2510, role);
	put_rune(s, x, y + h - 1, 0x2514, role);
	put_rune(s, x + w - 1, y + h - 1, 0x2518, role);
	if (title != NULL && title[0] != '\0' && w > 4)
		screen_put(s, x + 1, y, title, R_TITLE, w - 2);
}

void
screen_recolor(struct screen *s, int x, int y, int w, enum role role)
{
	for (int col = x; col < x + w; col++)
		if (y >= 0 && y < s->h && col >= 0 && col < s->w)
			s->cells[y * s->w + col].role = (uint8_t)role;
}

void
screen_text(const struct screen *s, struct strbuf *out)
{
	for (int y = 0; y < s->h; y++) {
		int end = s->w;

		while (end > 0 && s->cells[y * s->w + end - 1].ch == ' ')
			end--;
		for (int x = 0; x < end; x++)
			utf8_encode((long)s->cells[y * s->w + x].ch, out);
		sb_addc(out, '\n');
	}
}
