/*
 * printers.c - `kubectl get` tables from the server's rows.
 *
 * The rows come from apiserver/printers.h, as a real cluster's come from
 * the API server; this half is kubectl's: cli-runtime's decorateTable
 * (namespace column, kind-qualified names, label columns) and printTable's
 * priority filter (pkg/printers/tableprinter.go), so the column order is
 * the one kubectl prints.
 */
#include "kubectl/printers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "api/labels.h"
#include "kubectl/table.h"
#include "util/duration.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static const char *
or_default(const char *s, const char *dflt)
{
	return s != NULL && *s != '\0' ? s : dflt;
}

/*
 * cli-runtime tableprinter.go objectMetaColumnDefinitions: what kubectl
 * prints of objects the server did not make a Table of.
 */
static const struct print_column client_cols[] = {
	{"Name", "string", "name", 0, ""},
	{"Age", "string", "", 0, ""},
};

/* schema.GroupKind.String() lowercased: "pod", "daemonset.apps". */
static char *
kind_prefix(enum kind k)
{
	const char *av = kind_api_version(k), *slash = strchr(av, '/');
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	char *s;

	sb_init(&sb);
	for (p = kind_name(k); *p != '\0'; p++)
		sb_addc(&sb, (char)tolower((unsigned char)*p));
	if (slash != NULL) {
		sb_addc(&sb, '.');
		for (p = av; p < slash; p++)
			sb_addc(&sb, (char)tolower((unsigned char)*p));
	}
	s = sb_take(&sb);
	sb_free(&sb);
	return s;
}

void
printers_table(enum kind k, struct object *const *objs, size_t n, const struct print_opts *o,
    int64_t now_ms, struct table *t)
{
	const struct print_column *cols;
	size_t ncols, i, j;
	bool with_ns = o->all_namespaces && (kind_namespaced(k) || o->namespace_sticky);
	char *prefix = o->with_kind ? kind_prefix(k) : NULL;
	struct strbuf sb = STRBUF_INIT;

	if (o->client_side) {
		cols = client_cols;
		ncols = sizeof client_cols / sizeof client_cols[0];
	} else
		cols = printers_columns(k, &ncols);

	/* decorateTable's columns, then printTable's priority filter. */
	table_header(t, NULL, 0);
	if (with_ns)
		table_add_column(t, "Namespace");
	for (i = 0; i < ncols; i++) {
		if (o->wide || cols[i].priority == 0)
			table_add_column(t, cols[i].name);
	}
	for (i = 0; i < o->n_label_columns; i++) {
		/* formatLabelHeaders: the last "/" segment (uppercased at render). */
		const char *slash = strrchr(o->label_columns[i], '/');

		table_add_column(t, slash != NULL ? slash + 1 : o->label_columns[i]);
	}
	if (o->show_labels)
		table_add_column(t, "Labels");

	sb_init(&sb);
	for (i = 0; i < n; i++) {
		const struct object *obj = objs[i];
		const struct labels *l = &obj->meta.labels;
		struct print_row r;

		if (o->client_side) {
			/* printObjectMeta: the name and translateTimestampSince of the creation. */
			char age[DUR_BUF_MAX];

			memset(&r, 0, sizeof r);
			r.cells[r.n++] = xstrdup(obj->meta.name != NULL ? obj->meta.name : "");
			r.cells[r.n++] = xstrdup(printers_age(obj->meta.creation_ms, now_ms, age, sizeof age));
		} else
			printers_row(obj, now_ms, &r);
		table_row(t);
		if (with_ns)
			table_cell(t, or_default(obj->meta.ns, ""));
		for (j = 0; j < r.n && j < ncols; j++) {
			if (!o->wide && cols[j].priority != 0)
				continue;
			if (prefix != NULL && strcmp(cols[j].format, "name") == 0)
				table_cellf(t, "%s/%s", prefix, r.cells[j]);
			else
				table_cell(t, r.cells[j]);
		}
		/* appendLabelCells: a missing -L label is an empty cell. */
		for (j = 0; j < o->n_label_columns; j++)
			table_cell(t, or_default(labels_get(l, o->label_columns[j]), ""));
		if (o->show_labels) {
			sb_reset(&sb);
			labels_format(l, &sb);
			table_cell(t, sb_str(&sb));
		}
		printers_row_free(&r);
	}
	sb_free(&sb);
	free(prefix);
}
