/*
 * printers.h - `kubectl get` tables for the kinds kubesim models.
 *
 * Real clusters build the rows on the server (kubernetes/kubernetes
 * pkg/printers/internalversion/printers.go, always with every column, wide
 * ones included; here apiserver/printers.h, shared with `kubesim serve`)
 * and kubectl then decorates the table and drops the wide columns unless
 * -o wide (cli-runtime pkg/printers/tableprinter.go decorateTable,
 * printTable). printers_table does the kubectl half, so extra columns land
 * where kubectl puts them:
 *
 *   [NAMESPACE] <kind columns> [<kind wide columns>] [-L columns] [LABELS]
 */
#ifndef KS_KUBECTL_PRINTERS_H
#define KS_KUBECTL_PRINTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"
#include "apiserver/printers.h"

struct strbuf;
struct table;

struct print_opts {
	bool wide; /* -o wide */
	/*
	 * -A/--all-namespaces: a leading NAMESPACE column. kubectl get adds it
	 * only for namespaced resources (get.go: printWithNamespace is false
	 * for RESTScopeNameRoot), so it is ignored for nodes.
	 */
	bool all_namespaces;
	/* With all_namespaces: the NAMESPACE column for cluster-scoped kinds too (see get.c). */
	bool namespace_sticky;
	/* Several resource types in one get: NAME becomes "daemonset.apps/x". */
	bool with_kind;
	bool show_labels; /* --show-labels: a trailing LABELS column */
	/*
	 * --server-print=false: kubectl's own default handler (tableprinter.go
	 * objectMetaColumnDefinitions, printObjectMeta): NAME and AGE only.
	 */
	bool client_side;
	/* -L k1,k2: one column per key, headed by its last "/" segment uppercased. */
	const char *const *label_columns;
	size_t n_label_columns;
};

/*
 * Set t's header and append one row per object (all of kind k) in the
 * order given. now_ms is the simulated time ages are measured against.
 * The caller renders with table_render; with no objects the table has
 * no rows and renders nothing (kubectl then says "No resources found").
 */
void printers_table(enum kind k, struct object *const *objs, size_t n, const struct print_opts *o,
    int64_t now_ms, struct table *t);

#endif
