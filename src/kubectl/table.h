/*
 * table.h - kubectl's human-readable table output.
 *
 * kubectl prints `get` results by writing each row as tab-separated cells
 * into an elastic-tabstop writer (cli-runtime pkg/printers/tableprinter.go
 * printTable, tabwriter.go GetNewTabWriter; github.com/liggitt/tabwriter,
 * a fork of Go's text/tabwriter that adds RememberWidths). A table here is
 * that pipeline: column names and string cells go in row by row,
 * table_render produces the exact bytes kubectl would.
 *
 * The rendering rules users can see:
 *  - headers are the column names uppercased; no headers and no rows at
 *    all when the table has no rows (printTable returns before the header);
 *  - a column is as wide as its widest cell plus 3 spaces of padding, but
 *    at least 6 (minwidth counts the padding); the last cell of a line is
 *    never padded, so lines end without spaces unless that last cell is
 *    empty, in which case the padding of the column before it remains, as
 *    in kubectl;
 *  - widths are counted in Unicode code points (utf8.RuneCount);
 *  - a cell is cut at its first \n, \r or \f and "..." appended; ESC is
 *    shown as "^[" (cli-runtime terminal.go WriteEscaped);
 *  - cells past the number of columns are dropped, as printTable does.
 */
#ifndef KS_KUBECTL_TABLE_H
#define KS_KUBECTL_TABLE_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;
struct table;

struct table *table_new(void);
void table_free(struct table *t);

/*
 * Set the columns, replacing any earlier ones. Names are kept as printers.go
 * spells them ("Up-to-date", "Node Selector"); table_render uppercases.
 */
void table_header(struct table *t, const char *const *cols, size_t n);
/* Append one column. */
void table_add_column(struct table *t, const char *col);
size_t table_ncols(const struct table *t);
size_t table_nrows(const struct table *t);

/* Start a new row; table_cell and table_cellf then append to it. */
void table_row(struct table *t);
/* Append a copy of s to the current row; NULL is an empty (nil) cell. */
void table_cell(struct table *t, const char *s);
void table_cellf(struct table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a whole row, taking ownership of cells and of each cells[i] (which may be NULL). */
void table_add_row(struct table *t, char **cells, size_t n);
/* The stored text of a cell, before cutting; NULL when absent or nil. */
const char *table_get(const struct table *t, size_t row, size_t col);

/* Append the rendered table to out (nothing when the table has no rows). */
void table_render(const struct table *t, bool no_headers, struct strbuf *out);

/*
 * The tabwriter itself, for other kubectl outputs that use one with
 * different settings (rollout history: 0, 8, 2, ' '; describe). Input is
 * text with cells terminated by '\t' (or '\v') and lines by '\n' (or '\f');
 * the output is what Go's Writer.Write of the whole text followed by Flush
 * produces. Not modelled: the Escape byte 0xff and the FilterHTML,
 * StripEscape, AlignRight, DiscardEmptyColumns, TabIndent and Debug flags,
 * none of which kubectl's table printer sets.
 */
struct tabwriter {
	int minwidth;
	int tabwidth;
	int padding;
	char padchar;
	bool remember_widths;
};

/* GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths. */
#define TABWRITER_KUBECTL {6, 4, 3, ' ', true}

void tabwriter_format(const struct tabwriter *tw, const char *text, size_t len, struct strbuf *out);

#endif
