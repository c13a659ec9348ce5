/*
 * printers.h - `kubectl get` rows for the kinds kubesim models.
 *
 * Real clusters build these rows on the server (kubernetes/kubernetes
 * pkg/printers/internalversion/printers.go, always with every column, wide
 * ones included) and kubectl then decorates the table and drops the wide
 * columns unless -o wide (cli-runtime pkg/printers/tableprinter.go
 * decorateTable, printTable). printers_table does both halves, in that
 * order, so extra columns land where kubectl puts them:
 *
 *   [NAMESPACE] <kind columns> [<kind wide columns>] [-L columns] [LABELS]
 *
 * Columns (v1.32):
 *   DaemonSet NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE
 *             wide: CONTAINERS IMAGES SELECTOR
 *   Pod       NAME READY STATUS RESTARTS AGE
 *             wide: IP NODE NOMINATED NODE READINESS GATES
 *   Node      NAME STATUS ROLES AGE VERSION
 *             wide: INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME
 *   Event     LAST SEEN TYPE REASON OBJECT MESSAGE
 *             wide: LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME
 */
#ifndef KS_KUBECTL_PRINTERS_H
#define KS_KUBECTL_PRINTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"

struct strbuf;
struct table;
struct pod;
struct node;

struct print_opts {
	bool wide; /* -o wide */
	/*
	 * -A/--all-namespaces: a leading NAMESPACE column. kubectl get adds it
	 * only for namespaced resources (get.go: printWithNamespace is false
	 * for RESTScopeNameRoot), so it is ignored for nodes.
	 */
	bool all_namespaces;
	/* Several resource types in one get: NAME becomes "daemonset.apps/x". */
	bool with_kind;
	bool show_labels; /* --show-labels: a trailing LABELS column */
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

/*
 * The cells other printers (describe, the TUI) want on their own.
 */

/* translateTimestampSince: HumanDuration(now - t), "<unknown>" for t < 0. */
const char *printers_age(int64_t t_ms, int64_t now_ms, char *buf, size_t len);
/* printPod's STATUS column: "Pending", "ContainerCreating", "Running", "Terminating", ... */
void printers_pod_status(const struct pod *p, struct strbuf *out);
/* printNode's STATUS column: "Ready", "NotReady,SchedulingDisabled", "Unknown", ... */
void printers_node_status(const struct node *n, struct strbuf *out);
/* findNodeRoles joined by ",", or "<none>". */
void printers_node_roles(const struct node *n, struct strbuf *out);

#endif
