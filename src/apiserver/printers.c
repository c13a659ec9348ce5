/*
 * printers.c - the server's printers (see printers.h): column definitions
 * and rows for DaemonSets, Pods, Nodes, Events, ControllerRevisions,
 * Namespaces and Leases.
 *
 * Follows kubernetes/kubernetes pkg/printers/internalversion/printers.go at
 * v1.32 (AddHandlers' column definitions, printDaemonSet, printPod,
 * printNode, findNodeRoles, printEvent, formatEventSource,
 * printControllerRevision, printNamespace, printLease,
 * layoutContainerCells, translateTimestampSince) and, for kinds without a
 * printer, apiserver pkg/registry/rest/table.go defaultTableConvertor.
 * Column descriptions are the swagger docs printers.go quotes
 * (metav1.ObjectMeta{}.SwaggerDoc()["name"], ...), from the v1.32
 * types_swagger_doc_generated.go files of the versions it names
 * (extensions/v1beta1 for DaemonSets, apps/v1beta1 for ControllerRevisions).
 */
#include "apiserver/printers.h"

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
#include "util/duration.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* printers.go labelNodeRolePrefix and nodeLabelRole. */
#define LABEL_NODE_ROLE_PREFIX "node-role.kubernetes.io/"
#define NODE_LABEL_ROLE "kubernetes.io/role"
/* pkg/util/node NodeUnreachablePodReason. */
#define NODE_UNREACHABLE_POD_REASON "NodeLost"

/* metav1.ObjectMeta{}.SwaggerDoc() */
#define DOC_NAME                                                                                   \
	"Name must be unique within a namespace. Is required when creating resources, although some " \
	"resources may allow a client to request the generation of an appropriate name "            \
	"automatically. Name is primarily intended for creation idempotence and configuration "      \
	"definition. Cannot be updated. More info: "                                                 \
	"https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"
#define DOC_CREATED                                                                                \
	"CreationTimestamp is a timestamp representing the server time when this object was "        \
	"created. It is not guaranteed to be set in happens-before order across separate "           \
	"operations. Clients may not set this value. It is represented in RFC3339 form and is in "   \
	"UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "                    \
	"https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
#define DOC_CONTAINERS "Names of each container in the template."
#define DOC_IMAGES "Images referenced by each container in the template."
/* apiv1.NodeStatus{}.SwaggerDoc()["addresses"], shared by both IP columns. */
#define DOC_NODE_ADDRESSES                                                                         \
	"List of addresses reachable to the node. Queried from cloud provider, if available. More "  \
	"info: https://kubernetes.io/docs/concepts/nodes/node/#addresses Note: This field is "       \
	"declared as mergeable, but the merge key is not sufficiently unique, which can cause data " \
	"corruption when it is merged. Callers should instead use a full-replacement patch. See "    \
	"https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change " \
	"during the lifetime of a Node. However, there are some exceptions where this may not be "   \
	"possible, such as Pods that inherit a Node's address in its own status or consumers of the " \
	"downward API (status.hostIP)."

#define COL_NAME {"Name", "string", "name", 0, DOC_NAME}
#define COL_AGE {"Age", "string", "", 0, DOC_CREATED}

static const struct print_column ds_cols[] = {
	COL_NAME,
	{"Desired", "integer", "", 0,
	    "The total number of nodes that should be running the daemon pod (including nodes "
	    "correctly running the daemon pod). More info: "
	    "https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"},
	{"Current", "integer", "", 0,
	    "The number of nodes that are running at least 1 daemon pod and are supposed to run the "
	    "daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"},
	{"Ready", "integer", "", 0,
	    "numberReady is the number of nodes that should be running the daemon pod and have one or "
	    "more of the daemon pod running with a Ready Condition."},
	{"Up-to-date", "integer", "", 0, "The total number of nodes that are running updated daemon pod"},
	{"Available", "integer", "", 0,
	    "The number of nodes that should be running the daemon pod and have one or more of the "
	    "daemon pod running and available (ready for at least spec.minReadySeconds)"},
	{"Node Selector", "string", "", 0,
	    "NodeSelector is a selector which must be true for the pod to fit on a node. Selector "
	    "which must match a node's labels for the pod to be scheduled on that node. More info: "
	    "https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"},
	COL_AGE,
	{"Containers", "string", "", 1, DOC_CONTAINERS},
	{"Images", "string", "", 1, DOC_IMAGES},
	{"Selector", "string", "", 1,
	    "A label query over pods that are managed by the daemon set. Must match in order to be "
	    "controlled. If empty, defaulted to labels on Pod template. More info: "
	    "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"},
};

static const struct print_column pod_cols[] = {
	COL_NAME,
	{"Ready", "string", "", 0, "The aggregate readiness state of this pod for accepting traffic."},
	{"Status", "string", "", 0, "The aggregate status of the containers in this pod."},
	{"Restarts", "string", "", 0,
	    "The number of times the containers in this pod have been restarted and when the last "
	    "container in this pod has restarted."},
	COL_AGE,
	{"IP", "string", "", 1,
	    "podIP address allocated to the pod. Routable at least within the cluster. Empty if not "
	    "yet allocated."},
	{"Node", "string", "", 1,
	    "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate "
	    "for scheduling by the scheduler defined in schedulerName. Once this field is set, the "
	    "kubelet for this node becomes responsible for the lifecycle of this pod. This field "
	    "should not be used to express a desire for the pod to be scheduled on a specific node. "
	    "https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename"},
	{"Nominated Node", "string", "", 1,
	    "nominatedNodeName is set only when this pod preempts other pods on the node, but it "
	    "cannot be scheduled right away as preemption victims receive their graceful termination "
	    "periods. This field does not guarantee that the pod will be scheduled on this node. "
	    "Scheduler may decide to place the pod elsewhere if other nodes become available sooner. "
	    "Scheduler may also decide to give the resources on this node to a higher priority pod "
	    "that is created after preemption. As a result, this field may be different than "
	    "PodSpec.nodeName when the pod is scheduled."},
	{"Readiness Gates", "string", "", 1,
	    "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready "
	    "when all its containers are ready AND all conditions specified in the readiness gates "
	    "have status equal to \"True\" More info: "
	    "https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates"},
};

static const struct print_column node_cols[] = {
	COL_NAME,
	{"Status", "string", "", 0, "The status of the node"},
	{"Roles", "string", "", 0, "The roles of the node"},
	COL_AGE,
	{"Version", "string", "", 0, "Kubelet Version reported by the node."},
	{"Internal-IP", "string", "", 1, DOC_NODE_ADDRESSES},
	{"External-IP", "string", "", 1, DOC_NODE_ADDRESSES},
	{"OS-Image", "string", "", 1,
	    "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."},
	{"Kernel-Version", "string", "", 1,
	    "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."},
	{"Container-Runtime", "string", "", 1,
	    "ContainerRuntime Version reported by the node through runtime remote API (e.g. "
	    "containerd://1.4.2)."},
};

/* Events keep NAME (the name-format column) last and wide-only. */
static const struct print_column event_cols[] = {
	{"Last Seen", "string", "", 0,
	    "The time at which the most recent occurrence of this event was recorded."},
	{"Type", "string", "", 0, "Type of this event (Normal, Warning), new types could be added in the future"},
	{"Reason", "string", "", 0,
	    "This should be a short, machine understandable string that gives the reason for the "
	    "transition into the object's current status."},
	{"Object", "string", "", 0, "The object that this event is about."},
	{"Subobject", "string", "", 1,
	    "If referring to a piece of an object instead of an entire object, this string should "
	    "contain a valid JSON/Go field access statement, such as "
	    "desiredState.manifest.containers[2]. For example, if the object reference is to a "
	    "container within a pod, this would take on a value like: \"spec.containers{name}\" "
	    "(where \"name\" refers to the name of the container that triggered the event) or if no "
	    "container name is specified \"spec.containers[2]\" (container with index 2 in this pod). "
	    "This syntax is chosen only to have some well-defined way of referencing a part of an "
	    "object."},
	{"Source", "string", "", 1,
	    "The component reporting this event. Should be a short machine understandable string."},
	{"Message", "string", "", 0, "A human-readable description of the status of this operation."},
	{"First Seen", "string", "", 1,
	    "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"},
	{"Count", "string", "", 1, "The number of times this event has occurred."},
	{"Name", "string", "name", 1, DOC_NAME},
};

static const struct print_column revision_cols[] = {
	COL_NAME,
	{"Controller", "string", "", 0, "Controller of the object"},
	{"Revision", "string", "", 0, "Revision indicates the revision of the state represented by Data."},
	COL_AGE,
};

static const struct print_column namespace_cols[] = {
	COL_NAME,
	{"Status", "string", "", 0, "The status of the namespace"},
	COL_AGE,
};

static const struct print_column lease_cols[] = {
	COL_NAME,
	{"Holder", "string", "", 0,
	    "holderIdentity contains the identity of the holder of a current lease. If Coordinated "
	    "Leader Election is used, the holder identity must be equal to the elected "
	    "LeaseCandidate.metadata.name field."},
	COL_AGE,
};

/* defaultTableConvertor's columns. */
static const struct print_column default_cols[] = {
	COL_NAME,
	{"Created At", "date", "", 0, DOC_CREATED},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const struct print_column *
printers_columns(enum kind k, size_t *n)
{
	switch (k) {
	case KIND_DAEMONSET:
		*n = NELEM(ds_cols);
		return ds_cols;
	case KIND_POD:
		*n = NELEM(pod_cols);
		return pod_cols;
	case KIND_NODE:
		*n = NELEM(node_cols);
		return node_cols;
	case KIND_EVENT:
		*n = NELEM(event_cols);
		return event_cols;
	case KIND_CONTROLLERREVISION:
		*n = NELEM(revision_cols);
		return revision_cols;
	case KIND_NAMESPACE:
		*n = NELEM(namespace_cols);
		return namespace_cols;
	case KIND_LEASE:
		*n = NELEM(lease_cols);
		return lease_cols;
	default:
		*n = NELEM(default_cols);
		return default_cols;
	}
}

static void
row_take(struct print_row *r, char *s)
{
	if (r->n == PRINT_ROW_MAX)
		abort();
	r->is_int[r->n] = false;
	r->cells[r->n++] = s;
}

static void
row_add(struct print_row *r, const char *s)
{
	row_take(r, xstrdup(s != NULL ? s : ""));
}

static void __attribute__((format(printf, 2, 3)))
row_addf(struct print_row *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	row_take(r, xvasprintf(fmt, ap));
	va_end(ap);
}

/* An int64 cell: the server sends a JSON number, kubectl prints fmt.Sprint of it. */
static void
row_add_int(struct print_row *r, long long v)
{
	row_addf(r, "%lld", v);
	r->is_int[r->n - 1] = true;
}

void
printers_row_free(struct print_row *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->cells[i]);
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
row_add_age(struct print_row *r, int64_t t_ms, int64_t now_ms)
{
	char buf[DUR_BUF_MAX];

	row_add(r, printers_age(t_ms, now_ms, buf, sizeof buf));
}

/* labels.FormatLabels and metav1.FormatLabelSelector produce "<none>" themselves. */
static void
row_add_labels(struct print_row *r, const struct labels *l)
{
	struct strbuf sb = STRBUF_INIT;

	sb_init(&sb);
	labels_format(l, &sb);
	row_take(r, sb_take(&sb));
	sb_free(&sb);
}

/* layoutContainerCells: names and images, comma-joined in spec order. */
static void
row_add_containers(struct print_row *r, const struct pod_spec *s)
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
print_ds(const struct daemonset *ds, int64_t now_ms, struct print_row *r)
{
	struct strbuf sel = STRBUF_INIT;

	row_add(r, ds->obj.meta.name);
	row_add_int(r, ds->status.desired);
	row_add_int(r, ds->status.current);
	row_add_int(r, ds->status.ready);
	row_add_int(r, ds->status.updated);
	row_add_int(r, ds->status.available);
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
print_pod(const struct pod *p, int64_t now_ms, struct print_row *r)
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
print_node(const struct node *n, int64_t now_ms, struct print_row *r)
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
print_event(const struct event *e, int64_t now_ms, struct print_row *r)
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
	row_add_int(r, e->count == 0 ? 1 : e->count);
	row_add(r, e->obj.meta.name);
}

static void
print_revision(const struct revision *rv, int64_t now_ms, struct print_row *r)
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
	row_add_int(r, (long long)rv->revision);
	row_add(r, printers_age(rv->obj.meta.creation_ms, now_ms, age, sizeof age));
}

static void
print_namespace(const struct namespace *ns, int64_t now_ms, struct print_row *r)
{
	char age[DUR_BUF_MAX];

	row_add(r, ns->obj.meta.name);
	row_add(r, ns_phase(ns));
	row_add(r, printers_age(ns->obj.meta.creation_ms, now_ms, age, sizeof age));
}

static void
print_lease(const struct lease *l, int64_t now_ms, struct print_row *r)
{
	char age[DUR_BUF_MAX];

	row_add(r, l->obj.meta.name);
	row_add(r, l->holder != NULL ? l->holder : "");
	row_add(r, printers_age(l->obj.meta.creation_ms, now_ms, age, sizeof age));
}

/* defaultTableConvertor: the name and the creation time in RFC 3339. */
static void
print_default(const struct object *obj, struct print_row *r)
{
	char t[64];

	row_add(r, obj->meta.name);
	meta_format_time(obj->meta.creation_ms, t, sizeof t);
	row_add(r, t);
}

void
printers_row(const struct object *obj, int64_t now_ms, struct print_row *r)
{
	memset(r, 0, sizeof *r);
	switch (obj->kind) {
	case KIND_DAEMONSET:
		print_ds((const struct daemonset *)obj, now_ms, r);
		break;
	case KIND_POD: {
		const struct pod *p = (const struct pod *)obj;

		print_pod(p, now_ms, r);
		/* podSuccessConditions and podFailedConditions. */
		if (p->status.phase == PHASE_SUCCEEDED) {
			r->completed_reason = "Succeeded";
			r->completed_message = "The pod has completed successfully.";
		} else if (p->status.phase == PHASE_FAILED) {
			r->completed_reason = "Failed";
			r->completed_message = "The pod failed.";
		}
		break;
	}
	case KIND_NODE:
		print_node((const struct node *)obj, now_ms, r);
		break;
	case KIND_EVENT:
		print_event((const struct event *)obj, now_ms, r);
		break;
	case KIND_CONTROLLERREVISION:
		print_revision((const struct revision *)obj, now_ms, r);
		break;
	case KIND_NAMESPACE:
		print_namespace((const struct namespace *)obj, now_ms, r);
		break;
	case KIND_LEASE:
		print_lease((const struct lease *)obj, now_ms, r);
		break;
	default:
		print_default(obj, r);
		break;
	}
}
