/*
 * table.c - kubectl's table output: cli-runtime printTable feeding a
 * liggitt/tabwriter, reproduced byte for byte.
 *
 * The tabwriter half follows github.com/liggitt/tabwriter tabwriter.go
 * (Write, flushNoDefers, format, writeLines, writePadding): columns are
 * formed per block of consecutive lines that have a cell in that column,
 * which is why it is the recursive algorithm and not a simple "max width
 * per column" pass - rows with differing cell counts (a cell containing a
 * tab, say) must lay out as kubectl's do.
 */
#include "kubectl/table.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xmalloc.h"

struct trow {
	char **cells;
	size_t n;
	size_t cap;
};

struct table {
	char **cols;
	size_t ncols;
	size_t colcap;
	struct trow *rows;
	size_t nrows;
	size_t rowcap;
};

struct table *
table_new(void)
{
	return xcalloc(1, sizeof(struct table));
}

static void
trow_free(struct trow *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->cells[i]);
	free(r->cells);
}

static void
table_clear_cols(struct table *t)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	t->ncols = 0;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	table_clear_cols(t);
	free(t->cols);
	for (i = 0; i < t->nrows; i++)
		trow_free(&t->rows[i]);
	free(t->rows);
	free(t);
}

void
table_add_column(struct table *t, const char *col)
{
	xgrow(&t->cols, &t->colcap, t->ncols + 1, sizeof *t->cols);
	t->cols[t->ncols++] = xstrdup(col);
}

void
table_header(struct table *t, const char *const *cols, size_t n)
{
	size_t i;

	table_clear_cols(t);
	for (i = 0; i < n; i++)
		table_add_column(t, cols[i]);
}

size_t
table_ncols(const struct table *t)
{
	return t->ncols;
}

size_t
table_nrows(const struct table *t)
{
	return t->nrows;
}

void
table_row(struct table *t)
{
	xgrow(&t->rows, &t->rowcap, t->nrows + 1, sizeof *t->rows);
	memset(&t->rows[t->nrows], 0, sizeof t->rows[t->nrows]);
	t->nrows++;
}

static void
table_push(struct table *t, char *owned)
{
	struct trow *r;

	if (t->nrows == 0)
		table_row(t);
	r = &t->rows[t->nrows - 1];
	xgrow(&r->cells, &r->cap, r->n + 1, sizeof *r->cells);
	r->cells[r->n++] = owned;
}

void
table_cell(struct table *t, const char *s)
{
	table_push(t, xstrdup_or_null(s));
}

void
table_cellf(struct table *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	table_push(t, xvasprintf(fmt, ap));
	va_end(ap);
}

void
table_add_row(struct table *t, char **cells, size_t n)
{
	struct trow *r;

	table_row(t);
	r = &t->rows[t->nrows - 1];
	r->cells = cells;
	r->n = r->cap = n;
}

const char *
table_get(const struct table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->rows[row].n)
		return NULL;
	return t->rows[row].cells[col];
}

/*
 * One cell as printTable writes it: cut at the first "\f\n\r" (tabwriter
 * would take \f and \n as line breaks) with "..." appended, then through
 * WriteEscaped, whose replacer turns ESC into "^[" and \r into "\r"
 * (cli-runtime pkg/printers/terminal.go).
 */
static void
render_cell(const char *s, struct strbuf *out)
{
	size_t n = strcspn(s, "\f\n\r");
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\x1b')
			sb_add(out, "^[");
		else
			sb_addc(out, s[i]);
	}
	if (s[n] != '\0')
		sb_add(out, "...");
}

void
table_render(const struct table *t, bool no_headers, struct strbuf *out)
{
	static const struct tabwriter tw = TABWRITER_KUBECTL;
	struct strbuf text = STRBUF_INIT;
	size_t i, j;
	const char *p;

	/* printTable: "avoid printing headers if we have no rows to display". */
	if (t->nrows == 0)
		return;
	sb_init(&text);
	if (!no_headers) {
		for (i = 0; i < t->ncols; i++) {
			if (i != 0)
				sb_addc(&text, '\t');
			/* strings.ToUpper; column names are ASCII. */
			for (p = t->cols[i]; *p != '\0'; p++)
				sb_addc(&text, (char)toupper((unsigned char)*p));
		}
		sb_addc(&text, '\n');
	}
	for (i = 0; i < t->nrows; i++) {
		const struct trow *r = &t->rows[i];

		/* Cells beyond the column definitions are dropped (issue 66379). */
		for (j = 0; j < r->n && j < t->ncols; j++) {
			if (j != 0)
				sb_addc(&text, '\t');
			if (r->cells[j] != NULL)
				render_cell(r->cells[j], &text);
		}
		sb_addc(&text, '\n');
	}
	tabwriter_format(&tw, text.s, text.len, out);
	sb_free(&text);
}

/*
 * The tabwriter. Text without its tab and line-break bytes is kept in buf;
 * each cell records its byte size, its width in runes and whether a '\t'
 * (rather than '\v' or a line break) ended it.
 */
struct tw_cell {
	size_t size;
	int width;
	bool htab;
};

struct tw_line {
	struct tw_cell *cells;
	size_t n;
	size_t cap;
};

struct tw {
	const struct tabwriter *cfg;
	struct strbuf *out;
	char *buf;
	size_t buflen;
	struct tw_line *lines;
	size_t nlines;
	size_t linecap;
	int *widths; /* the stack of column widths while formatting */
	size_t nwidths;
	size_t widthcap;
	int *maxwidths; /* RememberWidths: survives flushes */
	size_t nmaxwidths;
	size_t maxwidthcap;
};

/*
 * utf8.RuneCount: each valid UTF-8 sequence counts one, and so does each
 * byte that does not start one (Go decodes it as RuneError of size 1).
 */
static int
rune_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, len;
	unsigned char lo, hi;
	int count = 0;

	while (i < n) {
		unsigned char c = p[i];

		count++;
		if (c < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			len = 2;
		else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else {
			i++;
			continue;
		}
		if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) {
			i++;
			continue;
		}
		for (k = 2; k < len; k++) {
			if (p[i + k] < 0x80 || p[i + k] > 0xbf)
				break;
		}
		i += k < len ? 1 : len;
	}
	return count;
}

static void
tw_add_line(struct tw *w)
{
	xgrow(&w->lines, &w->linecap, w->nlines + 1, sizeof *w->lines);
	memset(&w->lines[w->nlines], 0, sizeof w->lines[w->nlines]);
	w->nlines++;
}

static void
tw_reset(struct tw *w)
{
	size_t i;

	for (i = 0; i < w->nlines; i++)
		free(w->lines[i].cells);
	w->nlines = 0;
	w->buflen = 0;
	w->nwidths = 0;
	tw_add_line(w);
}

/* terminateCell: returns the number of cells now in the current line. */
static size_t
tw_terminate_cell(struct tw *w, size_t size, int width, bool htab)
{
	struct tw_line *l = &w->lines[w->nlines - 1];

	xgrow(&l->cells, &l->cap, l->n + 1, sizeof *l->cells);
	l->cells[l->n].size = size;
	l->cells[l->n].width = width;
	l->cells[l->n].htab = htab;
	return ++l->n;
}

static void
tw_write_padding(struct tw *w, int textw, int cellw)
{
	int tabwidth = w->cfg->tabwidth;

	if (w->cfg->padchar == '\t') {
		/* Tabs have no width without a tabwidth: no padding at all. */
		if (tabwidth == 0)
			return;
		cellw = (cellw + tabwidth - 1) / tabwidth * tabwidth;
		sb_pad(w->out, '\t', (size_t)((cellw - textw + tabwidth - 1) / tabwidth));
		return;
	}
	if (cellw > textw)
		sb_pad(w->out, w->cfg->padchar, (size_t)(cellw - textw));
}

static size_t
tw_write_lines(struct tw *w, size_t pos, size_t line0, size_t line1)
{
	size_t i, j;

	for (i = line0; i < line1; i++) {
		const struct tw_line *l = &w->lines[i];

		for (j = 0; j < l->n; j++) {
			const struct tw_cell *c = &l->cells[j];

			if (c->size > 0) {
				sb_addn(w->out, w->buf + pos, c->size);
				pos += c->size;
			}
			if (j < w->nwidths)
				tw_write_padding(w, c->width, w->widths[j]);
		}
		/*
		 * The last buffered line has no line break of its own; anything
		 * after the final newline was made a cell by the flush and has
		 * been written above.
		 */
		if (i + 1 != w->nlines)
			sb_addc(w->out, '\n');
	}
	return pos;
}

static size_t
tw_format(struct tw *w, size_t pos, size_t line0, size_t line1)
{
	size_t column = w->nwidths;
	size_t this;

	for (this = line0; this < line1; this++) {
		const struct tw_line *l = &w->lines[this];
		int width;

		/* The last cell of a line is not part of any column. */
		if (column + 1 >= l->n)
			continue;
		/* This line starts a block for column: print what comes before it. */
		pos = tw_write_lines(w, pos, line0, this);
		line0 = this;

		width = w->cfg->minwidth;
		for (; this < line1; this++) {
			int cw;

			l = &w->lines[this];
			if (column + 1 >= l->n)
				break;
			cw = l->cells[column].width + w->cfg->padding;
			if (cw > width)
				width = cw;
		}

		/* RememberWidths: a column never gets narrower than it has been. */
		if (w->cfg->remember_widths) {
			if (w->nmaxwidths < w->nwidths) {
				xgrow(&w->maxwidths, &w->maxwidthcap, w->nwidths, sizeof *w->maxwidths);
				memcpy(w->maxwidths + w->nmaxwidths, w->widths + w->nmaxwidths,
				    (w->nwidths - w->nmaxwidths) * sizeof *w->maxwidths);
				w->nmaxwidths = w->nwidths;
			}
			if (w->nmaxwidths == w->nwidths) {
				xgrow(&w->maxwidths, &w->maxwidthcap, w->nmaxwidths + 1,
				    sizeof *w->maxwidths);
				w->maxwidths[w->nmaxwidths++] = width;
			} else if (w->maxwidths[w->nwidths] > width)
				width = w->maxwidths[w->nwidths];
			else if (w->maxwidths[w->nwidths] < width)
				w->maxwidths[w->nwidths] = width;
		}

		/* Format the columns to the right, now this one's width is known. */
		xgrow(&w->widths, &w->widthcap, w->nwidths + 1, sizeof *w->widths);
		w->widths[w->nwidths++] = width;
		pos = tw_format(w, pos, line0, this);
		w->nwidths--;
		line0 = this;
	}
	return tw_write_lines(w, pos, line0, line1);
}

/* flushNoDefers: terminate a pending cell, format everything, start over. */
static void
tw_flush(struct tw *w, size_t cell_start)
{
	size_t size = w->buflen - cell_start;

	if (size > 0)
		tw_terminate_cell(w, size, rune_count(w->buf + cell_start, size), false);
	tw_format(w, 0, 0, w->nlines);
	tw_reset(w);
}

void
tabwriter_format(const struct tabwriter *cfg, const char *text, size_t len, struct strbuf *out)
{
	struct tw w;
	size_t i, start = 0, ncells, size;
	char ch;

	memset(&w, 0, sizeof w);
	w.cfg = cfg;
	w.out = out;
	w.buf = xmalloc(len + 1);
	tw_reset(&w);

	for (i = 0; i < len; i++) {
		ch = text[i];
		if (ch != '\t' && ch != '\v' && ch != '\n' && ch != '\f') {
			w.buf[w.buflen++] = ch;
			continue;
		}
		size = w.buflen - start;
		ncells = tw_terminate_cell(&w, size, rune_count(w.buf + start, size), ch == '\t');
		start = w.buflen;
		if (ch == '\n' || ch == '\f') {
			tw_add_line(&w);
			/*
			 * A form feed always flushes; so does a line of one cell, as
			 * it cannot affect any column (Writer.Write). With
			 * RememberWidths the widths seen so far still apply after.
			 */
			if (ch == '\f' || ncells == 1) {
				tw_flush(&w, start);
				start = 0;
			}
		}
	}
	tw_flush(&w, start);

	for (i = 0; i < w.nlines; i++)
		free(w.lines[i].cells);
	free(w.lines);
	free(w.widths);
	free(w.maxwidths);
	free(w.buf);
}
