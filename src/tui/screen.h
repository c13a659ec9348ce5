/*
 * screen.h - a grid of character cells the TUI draws into.
 *
 * The views draw here, never on the terminal: the ncurses front end copies
 * a finished screen to the terminal, and the tests read it back as text.
 * That is what lets the drawing code run, and be checked, without a
 * terminal (the way tmux renders into a grid before writing to a tty).
 */
#ifndef KS_TUI_SCREEN_H
#define KS_TUI_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

struct strbuf;

/* What a cell is, for colour; the front end maps roles to colours or to plain attributes. */
enum role {
	R_TEXT,
	R_DIM,
	R_TITLE,
	R_HEADER,       /* the top bar */
	R_BORDER,
	R_SELECTED,     /* the node or pod under the cursor */
	R_READY,
	R_NOTREADY,
	R_UNKNOWN,
	R_CORDONED,
	R_POD_PENDING,
	R_POD_CREATING,
	R_POD_RUNNING,
	R_POD_TERMINATING,
	R_POD_FAILED,
	R_PASS,
	R_FAIL,
	R_WARNING,
	R_BAR_USED,
	R_PROMPT,
	R__COUNT,
};

struct cell {
	uint32_t ch; /* a Unicode code point; 0 is never drawn (the right half of nothing) */
	uint8_t role;
	bool bold;
};

struct screen {
	int w, h;
	struct cell *cells;
};

void screen_init(struct screen *s, int w, int h);
void screen_free(struct screen *s);
void screen_clear(struct screen *s);
/* Write UTF-8 text at (x, y), clipped to the screen and to max_w cells (< 0: no limit). Returns cells written. */
int screen_put(struct screen *s, int x, int y, const char *text, enum role role, int max_w);
int screen_putf(struct screen *s, int x, int y, enum role role, int max_w, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Fill a rectangle with spaces of a role (a bar, a selection). */
void screen_fill(struct screen *s, int x, int y, int w, int h, enum role role);
/* A box outline with an optional title in its top edge. */
void screen_box(struct screen *s, int x, int y, int w, int h, enum role role, const char *title);
/* Change the role of cells already drawn (to highlight them). */
void screen_recolor(struct screen *s, int x, int y, int w, enum role role);
/* The screen as text, one line per row, trailing spaces cut (for tests and dumps). */
void screen_text(const struct screen *s, struct strbuf *out);

#endif
