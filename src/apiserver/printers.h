/*
 * printers.h - the columns and cells of `kubectl get` tables, computed on
 * the server side as kube-apiserver computes them.
 *
 * On a real cluster the rows of `kubectl get` are made by the API server
 * (kubernetes/kubernetes pkg/printers/internalversion/printers.go, behind
 * the TableConvertor of each resource) and kubectl only decorates and
 * prints them (cli-runtime pkg/printers/tableprinter.go). kubesim keeps the
 * same split so there is one source of cells: `kubesim serve` turns these
 * rows into a meta.k8s.io Table (apiserver/table.h), and the built-in
 * kubectl decorates them itself (kubectl/printers.h). Like the server's
 * TableConvertor (pkg/printers/storage: GenerateOptions{Wide: true}) a row
 * always has every cell, wide ones included.
 *
 * Columns (v1.32; wide ones are priority 1):
 *   DaemonSet NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE
 *             wide: CONTAINERS IMAGES SELECTOR
 *   Pod       NAME READY STATUS RESTARTS AGE
 *             wide: IP NODE NOMINATED NODE READINESS GATES
 *   Node      NAME STATUS ROLES AGE VERSION
 *             wide: INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME
 *   Event     LAST SEEN TYPE REASON OBJECT MESSAGE
 *             wide: SUBOBJECT SOURCE (before MESSAGE), FIRST SEEN COUNT NAME
 *   ControllerRevision NAME CONTROLLER REVISION AGE
 *   Namespace NAME STATUS AGE
 *   Lease     NAME HOLDER AGE
 * A kind without a printer gets the default table of the server's
 * defaultTableConvertor (apiserver pkg/registry/rest/table.go): NAME and
 * CREATED AT.
 */
#ifndef KS_APISERVER_PRINTERS_H
#define KS_APISERVER_PRINTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"

struct strbuf;
struct pod;
struct node;

/* A metav1.TableColumnDefinition. */
struct print_column {
	const char *name;        /* as printers.go spells it: "Up-to-date", "Node Selector" */
	const char *type;        /* "string", "integer", "date" */
	const char *format;      /* "name" for the object's name, else "" */
	int priority;            /* 0, or 1 for the columns only -o wide shows */
	const char *description; /* the field's swagger doc */
};

#define PRINT_ROW_MAX 16

/*
 * One metav1.TableRow: a cell per column, in column order. A cell is its
 * text (what kubectl prints, fmt.Sprint for integers) and whether the
 * server sends it as an integer (the int64 cells of printers.go).
 */
struct print_row {
	char *cells[PRINT_ROW_MAX];
	bool is_int[PRINT_ROW_MAX];
	size_t n;
	/*
	 * The row's Completed condition (printPod's podSuccessConditions and
	 * podFailedConditions): its reason ("Succeeded", "Failed") and message,
	 * or NULL when the row has none.
	 */
	const char *completed_reason;
	const char *completed_message;
};

/* The column definitions of kind k (the default table's for a kind without a printer). */
const struct print_column *printers_columns(enum kind k, size_t *n);
/* The row of obj; now_ms is the (simulated) time ages are measured against. */
void printers_row(const struct object *obj, int64_t now_ms, struct print_row *r);
void printers_row_free(struct print_row *r);

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
