/*
 * printers.c - table rows for DaemonSets, Pods, Nodes and Events.
 *
 * Row builders follow kubernetes/kubernetes pkg/printers/internalversion/
 * printers.go at v1.32 (printDaemonSet, printPod, printNode, findNodeRoles,
 * printEvent, formatEventSource, layoutContainerCells,
 * translateTimestampSince). Like the API server they always produce every
 * cell, wide ones included; printers_table then applies cli-runtime's
 * decorateTable (namespace, kind prefix, label columns) and printTable's
 * priority filter, so the column order is the one kubectl prints.
 */
#include "kubectl/printers.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/labels.h"
#include "api/lease.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/revision.h"
#include "api/selector.h"
#include "kubectl/table.h"
#include "util/duration.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* printers.go labelNodeRolePrefix and nodeLabelRole. */
#define LABEL_NODE_ROLE_PREFIX "node-role.kubernetes.io/"
#define NODE_LABEL_ROLE "kubernetes.io/role"
/* pkg/util/node NodeUnreachablePodReason. */
#define NODE_UNREACHABLE_POD_REASON "NodeLost"

/* A TableColumnDefinition: name, Priority (1 = wide only), Format "name". */
struct coldef {
	const char *name;
	int priority;
	bool is_name;
};

static const struct coldef ds_cols[] = {
	{"Name", 0, true},
	{"Desired", 0, false},
	{"Current", 0, false},
	{"Ready", 0, false},
	{"Up-to-date", 0, false},
	{"Available", 0, false},
	{"Node Selector", 0, false},
	{"Age", 0, false},
	{"Containers", 1, false},
	{"Images", 1, false},
	{"Selector", 1, false},
};

static const struct coldef pod_cols[] = {
	{"Name", 0, true},
	{"Ready", 0, false},
	{"Status", 0, false},
	{"Restarts", 0, false},
	{"Age", 0, false},
	{"IP", 1, false},
	{"Node", 1, false},
	{"Nominated Node", 1, false},
	{"Readiness Gates", 1, false},
};

static const struct coldef node_cols[] = {
	{"Name", 0, true},
	{"Status", 0, false},
	{"Roles", 0, false},
	{"Age", 0, false},
	{"Version", 0, false},
	{"Internal-IP", 1, false},
	{"External-IP", 1, false},
	{"OS-Image", 1, false},
	{"Kernel-Version", 1, false},
	{"Container-Runtime", 1, false},
};

/* Events keep NAME (the name-format column) last and wide-only. */
/* printControllerRevision */
static const struct coldef revision_cols[] = {
	{"Name", 0, true},
	{"Controller", 0, false},
	{"Revision", 0, false},
	{"Age", 0, false},
};

/* printNamespace and printLease (pkg/printers/internalversion/printers.go). */
static const struct coldef namespace_cols[] = {
	{"Name", 0, true},
	{"Status", 0, false},
	{"Age", 0, false},
};

static const struct coldef lease_cols[] = {
	{"Name", 0, true},
	{"Holder", 0, false},
	{"Age", 0, false},
};

static const struct coldef event_cols[] = {
	{"Last Seen", 0, false},
	{"Type", 0, false},
	{"Reason", 0, false},
	{"Object", 0, false},
	{"Subobject", 1, false},
	{"Source", 1, false},
	{"Message", 0, false},
	{"First Seen", 1, false},
	{"Count", 1, false},
	{"Name", 1, true},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define ROW_MAX 16

/* The cells of one server-side row, every column present. */
struct row {
	char *v[ROW_MAX];
	size_t n;
};

static void
row_take(struct row *r, char *s)
{
	if (r->n == ROW_MAX)
		abort();
	r->v[r->n++] = s;
}

static void
row_add(struct row *r, const char *s)
{
	row_take(r, xstrdup(s != NULL ? s : ""));
}

static void __attribute__((format(printf, 2, 3)))
row_addf(struct row *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	row_take(r, xvasprintf(fmt, ap));
	va_end(ap);
}

static void
row_free(struct row *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i]);
	r->n = 0;
}

static bool
nonempty(const char *s)
{
	return s != NULL && *s != '\0';
}

static const char *
or_default(const char *s, const char *dflt)
{
	return nonempty(s) ? s : dflt;
}

const char *
printers_age(int64_t t_ms, int64_t now_ms, char *buf, size_t len)
{
	/*
	 * A zero metav1.Time is "<unknown>"; our unset time is -1. kubectl's
	 * translateTimestampSince is HumanDuration(time.Since(ts)) where ts came
	 * over the wire as RFC 3339 whole seconds while now keeps its fraction:
	 * so drop the timestamp's milliseconds, not the difference's (created at
	 * 2.7 s, now 92.3 s: kubectl says 90s, not 89s).
	 */
	if (t_ms < 0)
		snprintf(buf, len, "<unknown>");
	else
		dur_human(now_ms - (t_ms - t_ms % 1000), buf, len);
	return buf;
}

static void
row_add_age(struct row *r, int64_t t_ms, int64_t now_ms)
{
	char buf[DUR_BUF_MAX];

	row_add(r, printers_age(t_ms, now_ms, buf, sizeof buf));
}

/* labels.FormatLabels and metav1.FormatLabelSelector produce "<none>" themselves. */
static void
row_add_labels(struct row *r, const struct labels *l)
{
	struct strbuf sb = STRBUF_INIT;

	sb_init(&sb);
	labels_format(l, &sb);
	row_take(r, sb_take(&sb));
	sb_free(&sb);
}

/* layoutContainerCells: names and images, comma-joined in spec order. */
static void
row_add_containers(struct row *r, const struct pod_spec *s)
{
	struct strbuf names = STRBUF_INIT, images = STRBUF_INIT;
	size_t i;

	sb_init(&names);
	sb_init(&images);
	for (i = 0; i < s->n_containers; i++) {
		if (i != 0) {
			sb_addc(&names, ',');
			sb_addc(&images, ',');
		}
		sb_add(&names, or_default(s->containers[i].name, ""));
		sb_add(&images, or_default(s->containers[i].image, ""));
	}
	row_take(r, sb_take(&names));
	row_take(r, sb_take(&images));
	sb_free(&names);
	sb_free(&images);
}

static void
print_ds(const struct daemonset *ds, int64_t now_ms, struct row *r)
{
	struct strbuf sel = STRBUF_INIT;

	row_add(r, ds->obj.meta.name);
	row_addf(r, "%d", (int)ds->status.desired);
	row_addf(r, "%d", (int)ds->status.current);
	row_addf(r, "%d", (int)ds->status.ready);
	row_addf(r, "%d", (int)ds->status.updated);
	row_addf(r, "%d", (int)ds->status.available);
	row_add_labels(r, &ds->tmpl.spec.node_selector);
	row_add_age(r, ds->obj.meta.creation_ms, now_ms);
	row_add_containers(r, &ds->tmpl.spec);
	sb_init(&sel);
	sel_format(&ds->selector, &sel);
	row_take(r, sb_take(&sel));
	sb_free(&sel);
}

/*
 * printPod's STATUS and READY. kubesim models no init containers, so the
 * init-container pass (Init:N/M, Init:<reason>, sidecars) never applies and
 * the regular containers are always examined.
 */
static const char *
pod_summary(const struct pod *p, char *buf, size_t len, int *ready)
{
	const struct pod_status *st = &p->status;
	const char *reason = nonempty(st->reason) ? st->reason : pod_phase_name(st->phase);
	bool has_running = false;
	size_t i;

	*ready = 0;
	if (st->scheduled.set && st->scheduled.reason != NULL &&
	    strcmp(st->scheduled.reason, "SchedulingGated") == 0)
		reason = "SchedulingGated";

	/* Last container first, so the first container's state wins. */
	for (i = st->n_cs; i-- > 0;) {
		const struct container_status *cs = &st->cs[i];

		if (cs->state == CSTATE_WAITING && nonempty(cs->reason))
			reason = cs->reason;
		else if (cs->state == CSTATE_TERMINATED && nonempty(cs->reason))
			reason = cs->reason;
		else if (cs->state == CSTATE_TERMINATED) {
			/* No signal is modelled, so never "Signal:<n>". */
			snprintf(buf, len, "ExitCode:%d", (int)cs->exit_code);
			reason = buf;
		} else if (cs->ready && cs->state == CSTATE_RUNNING) {
			has_running = true;
			(*ready)++;
		}
	}
	/* A container still running after another completed. */
	if (strcmp(reason, "Completed") == 0 && has_running)
		reason = pod_is_ready(p) ? "Running" : "NotReady";

	/* Note: both tests look at status.reason, not the reason computed above. */
	if (p->obj.meta.deletion_ms >= 0 && st->reason != NULL &&
	    strcmp(st->reason, NODE_UNREACHABLE_POD_REASON) == 0)
		reason = "Unknown";
	else if (p->obj.meta.deletion_ms >= 0 && !pod_is_terminal(p))
		reason = "Terminating";
	return reason;
}

void
printers_pod_status(const struct pod *p, struct strbuf *out)
{
	char buf[32];
	int ready;

	sb_add(out, pod_summary(p, buf, sizeof buf, &ready));
}

static void
print_pod(const struct pod *p, int64_t now_ms, struct row *r)
{
	char buf[32];
	const char *status;
	int ready, restarts = 0;
	size_t i;

	status = pod_summary(p, buf, sizeof buf, &ready);
	for (i = 0; i < p->status.n_cs; i++)
		restarts += p->status.cs[i].restarts;

	row_add(r, p->obj.meta.name);
	/* Total is the spec's containers, not the statuses reported so far. */
	row_addf(r, "%d/%zu", ready, p->spec.n_containers);
	row_add(r, status);
	/*
	 * printPod appends " (<age> ago)" when a container has a last
	 * termination time; container_status keeps none, so the bare count.
	 */
	row_addf(r, "%d", restarts);
	row_add_age(r, p->obj.meta.creation_ms, now_ms);
	row_add(r, or_default(p->status.pod_ip, "<none>"));
	row_add(r, or_default(p->spec.node_name, "<none>"));
	/* No nominatedNodeName or readinessGates in the model. */
	row_add(r, "<none>");
	row_add(r, "<none>");
}

void
printers_node_status(const struct node *n, struct strbuf *out)
{
	const char *ready = node_ready_status(n);

	/* Only the Ready condition is consulted (NodeAllConditions). */
	if (ready == NULL)
		sb_add(out, "Unknown");
	else if (strcmp(ready, "True") == 0)
		sb_add(out, "Ready");
	else
		sb_add(out, "NotReady");
	if (n->unschedulable)
		sb_add(out, ",SchedulingDisabled");
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
printers_node_roles(const struct node *n, struct strbuf *out)
{
	const struct labels *l = &n->obj.meta.labels;
	const char **roles = xcalloc(l->n + 1, sizeof *roles);
	size_t i, nroles = 0, written = 0;
	size_t plen = strlen(LABEL_NODE_ROLE_PREFIX);

	for (i = 0; i < l->n; i++) {
		const char *k = l->v[i].key, *v = l->v[i].value;

		if (strncmp(k, LABEL_NODE_ROLE_PREFIX, plen) == 0) {
			if (k[plen] != '\0')
				roles[nroles++] = k + plen;
		} else if (strcmp(k, NODE_LABEL_ROLE) == 0 && nonempty(v))
			roles[nroles++] = v;
	}
	/* sets.String.List(): unique and sorted bytewise. */
	qsort(roles, nroles, sizeof *roles, cmp_str);
	for (i = 0; i < nroles; i++) {
		if (i > 0 && strcmp(roles[i], roles[i - 1]) == 0)
			continue;
		if (written++ > 0)
			sb_addc(out, ',');
		sb_add(out, roles[i]);
	}
	if (written == 0)
		sb_add(out, "<none>");
	free(roles);
}

static void
print_node(const struct node *n, int64_t now_ms, struct row *r)
{
	struct strbuf sb = STRBUF_INIT;

	row_add(r, n->obj.meta.name);
	sb_init(&sb);
	printers_node_status(n, &sb);
	row_add(r, sb_str(&sb));
	sb_reset(&sb);
	printers_node_roles(n, &sb);
	row_add(r, sb_str(&sb));
	sb_free(&sb);
	row_add_age(r, n->obj.meta.creation_ms, now_ms);
	row_add(r, or_default(n->kubelet_version, ""));
	row_add(r, or_default(n->internal_ip, "<none>"));
	/* No ExternalIP address in the model. */
	row_add(r, "<none>");
	row_add(r, or_default(n->os_image, "<unknown>"));
	row_add(r, or_default(n->kernel_version, "<unknown>"));
	row_add(r, or_default(n->container_runtime, "<unknown>"));
}

/* strings.TrimSpace, for the ASCII white space messages contain. */
static char *
trim_space(const char *s)
{
	const char *end;

	if (s == NULL)
		return xstrdup("");
	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	return xstrndup(s, (size_t)(end - s));
}

static void
print_event(const struct event *e, int64_t now_ms, struct row *r)
{
	char first[DUR_BUF_MAX], last[DUR_BUF_MAX];
	struct strbuf target = STRBUF_INIT;
	const char *p;

	/* No eventTime or series in the model: an unset time is "<unknown>". */
	printers_age(e->first_ms, now_ms, first, sizeof first);
	if (e->last_ms < 0)
		snprintf(last, sizeof last, "%s", first);
	else
		printers_age(e->last_ms, now_ms, last, sizeof last);

	sb_init(&target);
	for (p = or_default(e->involved_kind, ""); *p != '\0'; p++)
		sb_addc(&target, (char)tolower((unsigned char)*p));
	if (nonempty(e->involved_name)) {
		sb_addc(&target, '/');
		sb_add(&target, e->involved_name);
	}

	row_add(r, last);
	row_add(r, e->type);
	row_add(r, e->reason);
	row_take(r, sb_take(&target));
	sb_free(&target);
	row_add(r, ""); /* SUBOBJECT: involvedObject.fieldPath, not modelled */
	/* formatEventSource: "component, host", host left out when empty. */
	if (nonempty(e->host))
		row_addf(r, "%s, %s", or_default(e->source, ""), e->host);
	else
		row_add(r, e->source);
	row_take(r, trim_space(e->message));
	row_add(r, first);
	/* Singleton events from the new API have no count. */
	row_addf(r, "%d", e->count == 0 ? 1 : (int)e->count);
	row_add(r, e->obj.meta.name);
}

static void
print_revision(const struct revision *rv, int64_t now_ms, struct row *r)
{
	const struct owner_ref *ref = meta_controller(&rv->obj.meta);
	char age[DUR_BUF_MAX];

	row_add(r, rv->obj.meta.name);
	/* CONTROLLER: the controller's kind lowercased, with its group, "/", name. */
	if (ref != NULL) {
		struct strbuf sb = STRBUF_INIT;
		const char *slash = strchr(ref->api_version, '/');

		sb_init(&sb);
		for (const char *p = ref->kind; *p != '\0'; p++)
			sb_addc(&sb, (char)tolower((unsigned char)*p));
		if (slash != NULL)
			sb_addf(&sb, ".%.*s", (int)(slash - ref->api_version), ref->api_version);
		sb_addf(&sb, "/%s", ref->name);
		row_take(r, sb_take(&sb));
		sb_free(&sb);
	} else
		row_add(r, "<none>");
	row_addf(r, "%lld", (long long)rv->revision);
	row_add(r, printers_age(rv->obj.meta.creation_ms, now_ms, age, sizeof age));
}

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

static void
print_namespace(const struct namespace *ns, int64_t now_ms, struct row *r)
{
	char age[DUR_BUF_MAX];

	row_add(r, ns->obj.meta.name);
	row_add(r, ns_phase(ns));
	row_add(r, printers_age(ns->obj.meta.creation_ms, now_ms, age, sizeof age));
}

static void
print_lease(const struct lease *l, int64_t now_ms, struct row *r)
{
	char age[DUR_BUF_MAX];

	row_add(r, l->obj.meta.name);
	row_add(r, l->holder != NULL ? l->holder : "");
	row_add(r, printers_age(l->obj.meta.creation_ms, now_ms, age, sizeof age));
}

void
printers_table(enum kind k, struct object *const *objs, size_t n, const struct print_opts *o,
    int64_t now_ms, struct table *t)
{
	const struct coldef *cols;
	size_t ncols, i, j;
	bool with_ns = o->all_namespaces && kind_namespaced(k);
	char *prefix = o->with_kind ? kind_prefix(k) : NULL;
	struct strbuf sb = STRBUF_INIT;

	switch (k) {
	case KIND_DAEMONSET:
		cols = ds_cols;
		ncols = NELEM(ds_cols);
		break;
	case KIND_POD:
		cols = pod_cols;
		ncols = NELEM(pod_cols);
		break;
	case KIND_NODE:
		cols = node_cols;
		ncols = NELEM(node_cols);
		break;
	case KIND_EVENT:
		cols = event_cols;
		ncols = NELEM(event_cols);
		break;
	case KIND_CONTROLLERREVISION:
		cols = revision_cols;
		ncols = NELEM(revision_cols);
		break;
	case KIND_NAMESPACE:
		cols = namespace_cols;
		ncols = NELEM(namespace_cols);
		break;
	case KIND_LEASE:
		cols = lease_cols;
		ncols = NELEM(lease_cols);
		break;
	default:
		abort();
	}

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
		struct row r = {{NULL}, 0};

		switch (k) {
		case KIND_DAEMONSET:
			print_ds((const struct daemonset *)obj, now_ms, &r);
			break;
		case KIND_POD:
			print_pod((const struct pod *)obj, now_ms, &r);
			break;
		case KIND_NODE:
			print_node((const struct node *)obj, now_ms, &r);
			break;
		case KIND_EVENT:
			print_event((const struct event *)obj, now_ms, &r);
			break;
		case KIND_CONTROLLERREVISION:
			print_revision((const struct revision *)obj, now_ms, &r);
			break;
		case KIND_NAMESPACE:
			print_namespace((const struct namespace *)obj, now_ms, &r);
			break;
		case KIND_LEASE:
			print_lease((const struct lease *)obj, now_ms, &r);
			break;
		default:
			abort();
		}

		table_row(t);
		if (with_ns)
			table_cell(t, or_default(obj->meta.ns, ""));
		for (j = 0; j < r.n && j < ncols; j++) {
			if (!o->wide && cols[j].priority != 0)
				continue;
			if (prefix != NULL && cols[j].is_name)
				table_cellf(t, "%s/%s", prefix, r.v[j]);
			else
				table_cell(t, r.v[j]);
		}
		/* appendLabelCells: a missing -L label is an empty cell. */
		for (j = 0; j < o->n_label_columns; j++)
			table_cell(t, or_default(labels_get(l, o->label_columns[j]), ""));
		if (o->show_labels) {
			sb_reset(&sb);
			labels_format(l, &sb);
			table_cell(t, sb_str(&sb));
		}
		row_free(&r);
	}
	sb_free(&sb);
	free(prefix);
}
