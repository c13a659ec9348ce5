/*
 * check_table.c - kubectl's table rendering and the tabwriter under it.
 *
 * Expected strings are what kubectl prints: cli-runtime printTable feeding
 * github.com/liggitt/tabwriter with minwidth 6, tabwidth 4, padding 3,
 * pad ' ', RememberWidths. The irregular cases (rows with fewer cells,
 * one-cell lines, tabs inside cells) follow the block-by-block column
 * formation of tabwriter.go's format().
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kubectl/table.h"
#include "runner.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* Render t and compare with want; frees t. */
static void
check_render(struct table *t, bool no_headers, const char *want)
{
	struct strbuf out = STRBUF_INIT;

	table_render(t, no_headers, &out);
	ck_assert_str_eq(sb_str(&out), want);
	sb_free(&out);
	table_free(t);
}

static void
check_tabwriter(const struct tabwriter *tw, const char *text, const char *want)
{
	struct strbuf out = STRBUF_INIT;

	tabwriter_format(tw, text, strlen(text), &out);
	ck_assert_str_eq(sb_str(&out), want);
	sb_free(&out);
}

static struct table *
table2(const char *a, const char *b)
{
	struct table *t = table_new();
	const char *cols[] = {a, b};

	table_header(t, cols, 2);
	return t;
}

static void
row2(struct table *t, const char *a, const char *b)
{
	table_row(t);
	table_cell(t, a);
	table_cell(t, b);
}

static struct table *
ds_table(void)
{
	static const char *const cols[] = {"Name", "Desired", "Current", "Ready", "Up-to-date",
	    "Available", "Node Selector", "Age"};
	struct table *t = table_new();
	int i;

	table_header(t, cols, 8);
	table_row(t);
	table_cell(t, "fluentd-es-demo");
	for (i = 0; i < 5; i++)
		table_cellf(t, "%d", 3);
	table_cell(t, "<none>");
	table_cell(t, "60s");
	return t;
}

START_TEST(test_daemonset_row)
{
	check_render(ds_table(), false,
	    "NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n"
	    "fluentd-es-demo   3         3         3       3            3           <none>          60s\n");
}
END_TEST

START_TEST(test_no_headers_widths_from_rows_only)
{
	check_render(ds_table(), true,
	    "fluentd-es-demo   3     3     3     3     3     <none>   60s\n");
}
END_TEST

START_TEST(test_minwidth_includes_padding)
{
	struct table *t = table2("A", "B");

	row2(t, "x", "y");
	check_render(t, false, "A     B\nx     y\n");
}
END_TEST

START_TEST(test_widest_cell_plus_three)
{
	struct table *t = table2("NAME", "AGE");

	row2(t, "a", "1s");
	row2(t, "abcdefgh", "2s");
	check_render(t, false, "NAME       AGE\na          1s\nabcdefgh   2s\n");
}
END_TEST

START_TEST(test_last_column_never_padded)
{
	struct table *t = table2("A", "MESSAGE");

	row2(t, "x", "short");
	row2(t, "y", "a much longer message");
	check_render(t, false, "A     MESSAGE\nx     short\ny     a much longer message\n");
}
END_TEST

START_TEST(test_empty_last_cell_keeps_padding)
{
	struct table *t = table2("A", "B");

	/* The column before an empty last cell is still padded, as in kubectl. */
	row2(t, "x", "");
	check_render(t, false, "A     B\nx     \n");
}
END_TEST

START_TEST(test_nil_cell_is_empty)
{
	static const char *const cols[] = {"A", "B", "C"};
	struct table *t = table_new();

	table_header(t, cols, 3);
	table_row(t);
	table_cell(t, NULL);
	table_cell(t, "b");
	table_cell(t, "c");
	ck_assert_ptr_null(table_get(t, 0, 0));
	ck_assert_str_eq(table_get(t, 0, 1), "b");
	check_render(t, false, "A     B     C\n      b     c\n");
}
END_TEST

START_TEST(test_cells_cut_at_line_breaks)
{
	struct table *t = table2("NAME", "MESSAGE");

	row2(t, "a", "first\nsecond");
	row2(t, "b", "cr\rhere");
	row2(t, "c", "ff\fthere");
	row2(t, "d", "\nleading");
	row2(t, "e", "tail\r\n");
	check_render(t, false,
	    "NAME   MESSAGE\n"
	    "a      first...\n"
	    "b      cr...\n"
	    "c      ff...\n"
	    "d      ...\n"
	    "e      tail...\n");
}
END_TEST

START_TEST(test_cut_cell_width_counts_ellipsis)
{
	struct table *t = table2("MSG", "X");

	row2(t, "line one\nline two", "1");
	check_render(t, false, "MSG           X\nline one...   1\n");
}
END_TEST

START_TEST(test_escape_shown_as_caret)
{
	struct table *t = table2("A", "B");

	row2(t, "\x1b[1mbold", "x");
	/* "^[[1mbold" is 9 wide, so the column is 12. */
	check_render(t, false, "A           B\n^[[1mbold   x\n");
}
END_TEST

START_TEST(test_width_counts_runes)
{
	struct table *t = table2("NAME", "X");

	row2(t, "h\xc3\xa9llo-w\xc3\xb6rld", "1");
	check_render(t, false, "NAME          X\nh\xc3\xa9llo-w\xc3\xb6rld   1\n");

	/* Bytes that start no valid sequence count one each (utf8.RuneCount). */
	t = table2("NAME", "X");
	row2(t, "a\xe2\x82", "1");
	row2(t, "\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\xc0", "2");
	check_render(t, false, "NAME   X\na\xe2\x82    1\n\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\xc0   2\n");
}
END_TEST

START_TEST(test_no_rows_prints_nothing)
{
	struct table *t = table2("NAME", "AGE");

	check_render(t, false, "");
	check_render(table2("NAME", "AGE"), true, "");
}
END_TEST

START_TEST(test_extra_cells_dropped)
{
	struct table *t = table2("A", "B");
	char **cells = xcalloc(3, sizeof *cells);

	cells[0] = xstrdup("x");
	cells[1] = xstrdup("y");
	cells[2] = xstrdup("z");
	table_add_row(t, cells, 3);
	ck_assert_uint_eq(table_nrows(t), 1);
	ck_assert_str_eq(table_get(t, 0, 2), "z");
	check_render(t, false, "A     B\nx     y\n");
}
END_TEST

START_TEST(test_short_row_splits_column_blocks)
{
	static const char *const cols[] = {"A", "BBBBBBBBBB", "C"};
	struct table *t = table_new();

	table_header(t, cols, 3);
	row2(t, "a", "b");
	table_row(t);
	table_cell(t, "x");
	table_cell(t, "y");
	table_cell(t, "z");
	/*
	 * Column B is two blocks, split by the two-cell row; RememberWidths
	 * gives the second block the first one's width.
	 */
	check_render(t, false, "A     BBBBBBBBBB   C\na     b\nx     y            z\n");
}
END_TEST

START_TEST(test_tab_in_cell_makes_a_cell)
{
	struct table *t = table2("X", "Y");

	row2(t, "p\tq", "r");
	check_render(t, false, "X     Y\np     q     r\n");
}
END_TEST

START_TEST(test_header_replaced_and_uppercased)
{
	static const char *const first[] = {"Old"};
	static const char *const cols[] = {"Last Seen", "Type"};
	struct table *t = table_new();

	table_header(t, first, 1);
	table_header(t, cols, 2);
	table_add_column(t, "Node Selector");
	ck_assert_uint_eq(table_ncols(t), 3);
	table_row(t);
	table_cell(t, "5s");
	table_cell(t, "Normal");
	table_cell(t, "<none>");
	check_render(t, false, "LAST SEEN   TYPE     NODE SELECTOR\n5s          Normal   <none>\n");
}
END_TEST

START_TEST(test_tabwriter_rollout_history)
{
	static const struct tabwriter tw = {0, 8, 2, ' ', false};

	check_tabwriter(&tw, "REVISION\tCHANGE-CAUSE\n1\t<none>\n2\tkubectl set image ds/fluentd fluentd=fluentd:v2\n",
	    "REVISION  CHANGE-CAUSE\n"
	    "1         <none>\n"
	    "2         kubectl set image ds/fluentd fluentd=fluentd:v2\n");
}
END_TEST

START_TEST(test_tabwriter_one_cell_line_flushes)
{
	static const struct tabwriter kubectl = TABWRITER_KUBECTL;
	static const struct tabwriter plain = {6, 4, 3, ' ', false};
	const char *text = "xxxxxxxxxx\ty\nsingle\na\tb\n";

	/* The flush after "single" ends the block; only remembered widths carry over. */
	check_tabwriter(&kubectl, text, "xxxxxxxxxx   y\nsingle\na            b\n");
	check_tabwriter(&plain, text, "xxxxxxxxxx   y\nsingle\na     b\n");
}
END_TEST

START_TEST(test_tabwriter_tab_padding)
{
	static const struct tabwriter tw = {0, 8, 1, '\t', false};

	check_tabwriter(&tw, "a\tb\nccccccccc\td\n", "a\t\tb\nccccccccc\td\n");
}
END_TEST

START_TEST(test_tabwriter_unterminated_last_line)
{
	static const struct tabwriter tw = TABWRITER_KUBECTL;

	check_tabwriter(&tw, "a\tb", "a     b");
	check_tabwriter(&tw, "", "");
}
END_TEST

static Suite *
table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_daemonset_row);
	tcase_add_test(tc, test_no_headers_widths_from_rows_only);
	tcase_add_test(tc, test_minwidth_includes_padding);
	tcase_add_test(tc, test_widest_cell_plus_three);
	tcase_add_test(tc, test_last_column_never_padded);
	tcase_add_test(tc, test_empty_last_cell_keeps_padding);
	tcase_add_test(tc, test_nil_cell_is_empty);
	tcase_add_test(tc, test_cells_cut_at_line_breaks);
	tcase_add_test(tc, test_cut_cell_width_counts_ellipsis);
	tcase_add_test(tc, test_escape_shown_as_caret);
	tcase_add_test(tc, test_width_counts_runes);
	tcase_add_test(tc, test_no_rows_prints_nothing);
	tcase_add_test(tc, test_extra_cells_dropped);
	tcase_add_test(tc, test_short_row_splits_column_blocks);
	tcase_add_test(tc, test_tab_in_cell_makes_a_cell);
	tcase_add_test(tc, test_header_replaced_and_uppercased);
	tcase_add_test(tc, test_tabwriter_rollout_history);
	tcase_add_test(tc, test_tabwriter_one_cell_line_flushes);
	tcase_add_test(tc, test_tabwriter_tab_padding);
	tcase_add_test(tc, test_tabwriter_unterminated_last_line);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(table_suite)
