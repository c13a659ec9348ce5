/*
 * describe.c - `kubectl describe` for daemonsets, pods and nodes, and the
 * generic describer for the other kinds (events, controllerrevisions),
 * after staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.32; checked
 * line by line against the real kubectl 1.32 describing kubesim's objects).
 *
 * Describers write lines through a PrefixWriter (two spaces per level) into
 * one tabwriter (minwidth 0, tabwidth 8, padding 2, flags 0): a label and
 * its value are cells, and a column lines up only over consecutive lines
 * that have a cell in it, so a line without a tab ("Containers:") starts a
 * new alignment. The text is built with its tabs and aligned at the end by
 * tabwriter_format, which reproduces Go's text/tabwriter; DescribeEvents
 * flushes the writer before its table, so that part is aligned on its own.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/lease.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/selector.h"
#include "api/store.h"
#include "cluster.h"
#include "codec/encode.h"
#include "kubectl/describe.h"
#include "kubectl/kctl.h"
#include "kubectl/printers.h"
#include "kubectl/table.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define LAST_APPLIED "kubectl.kubernetes.io/last-applied-configuration"
/* describe.go maxAnnotationLen */
#define MAX_ANNOTATION_LEN 140

static const struct kctl_flag describe_flags[] = {
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.", NULL},
	{"all-namespaces", 'A', KF_BOOL, NULL, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.", NULL},
	{"show-events", 0, KF_BOOL, "true", "If true, display events related to the described object.", NULL},
	{"chunk-size", 0, KF_INT, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* ---- the writer ---- */

struct dw {
	struct strbuf pending; /* lines not yet aligned */
	struct strbuf *out;    /* aligned text */
};

static void
dw_flush(struct dw *w)
{
	static const struct tabwriter tw = {0, 8, 2, ' ', false};

	tabwriter_format(&tw, w->pending.s ? w->pending.s : "", w->pending.len, w->out);
	sb_reset(&w->pending);
}

/* time.RFC1123Z in UTC, the zone kubesim's clients live in. */
static const char *
rfc1123z(int64_t ms, char *buf, size_t len)
{
	time_t t = (time_t)(meta_epoch_unix() + ms / 1000);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	return buf;
}

/* ---- shared pieces ---- */

/* printLabelsMultilineWithIndent: the first pair after the title, the rest in the value column. */
static void
describe_labels(struct strbuf *out, const char *title, const struct labels *l)
{
	size_t shown = 0;

	sb_addf(out, "%s:\t", title);
	for (size_t i = 0; i < l->n; i++)
		sb_addf(out, "%s%s=%s\n", shown++ ? "\t" : "", l->v[i].key, l->v[i].value);
	if (shown == 0)
		sb_add(out, "<none>\n");
}

static void
shorten(struct strbuf *out, const char *s, size_t n, size_t max)
{
	if (n > max) {
		sb_addn(out, s, max);
		sb_add(out, "...");
	} else {
		sb_addn(out, s, n);
	}
}

/* printAnnotationsMultiline: "key: value", long or multi-line values below their key. */
static void
describe_annotations(struct strbuf *out, const char *title, const struct labels *l)
{
	size_t shown = 0;

	sb_addf(out, "%s:\t", title);
	for (size_t i = 0; i < l->n; i++) {
		const char *key = l->v[i].key, *value = l->v[i].value;
		size_t vlen = strlen(value);

		if (strcmp(key, LAST_APPLIED) == 0)
			continue;
		if (shown++)
			sb_addc(out, '\t');
		if (vlen > 0 && value[vlen - 1] == '\n')
			vlen--;
		if (vlen + strlen(key) + 2 > MAX_ANNOTATION_LEN || memchr(value, '\n', vlen) != NULL) {
			const char *line = value, *end = value + vlen;

			sb_addf(out, "%s:\n", key);
			for (;;) {
				const char *nl = memchr(line, '\n', (size_t)(end - line));
				size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);

				sb_add(out, "\t  ");
				shorten(out, line, n, MAX_ANNOTATION_LEN - 2);
				sb_addc(out, '\n');
				if (nl == NULL)
					break;
				line = nl + 1;
			}
		} else {
			sb_addf(out, "%s: %.*s\n", key, (int)vlen, value);
		}
	}
	if (shown == 0)
		sb_add(out, "<none>\n");
}

/* describeResources: Limits then Requests, each resource on its own line, sorted by name. */
static void
describe_resources(struct strbuf *out, const char *title, const struct res_list *r)
{
	if (r->n == 0)
		return;
	/* ResourceLists are kept sorted by name, which is SortedResourceNames' order. */
	sb_addf(out, "    %s:\n", title);
	for (size_t i = 0; i < r->n; i++) {
		sb_addf(out, "      %s:\t", r->v[i].name);
		qty_format(&r->v[i].q, out);
		sb_addc(out, '\n');
	}
}

static int
cmp_mount_path(const void *a, const void *b)
{
	return strcmp((*(const struct volume_mount *const *)a)->mount_path,
	    (*(const struct volume_mount *const *)b)->mount_path);
}

static const struct container_status *
find_status(const struct pod *p, const char *name)
{
	for (size_t i = 0; p != NULL && i < p->status.n_cs; i++)
		if (strcmp(p->status.cs[i].name, name) == 0)
			return &p->status.cs[i];
	return NULL;
}

/* describeStatus: a container state and its times. */
static void
describe_state(struct strbuf *out, const struct container_status *cs)
{
	char t[64];

	switch (cs->state) {
	case CSTATE_RUNNING:
		sb_addf(out, "    State:\tRunning\n      Started:\t%s\n",
		    rfc1123z(cs->started_ms, t, sizeof t));
		break;
	case CSTATE_WAITING:
		sb_add(out, "    State:\tWaiting\n");
		if (cs->reason != NULL && cs->reason[0] != '\0')
			sb_addf(out, "      Reason:\t%s\n", cs->reason);
		break;
	case CSTATE_TERMINATED:
		sb_add(out, "    State:\tTerminated\n");
		if (cs->reason != NULL && cs->reason[0] != '\0')
			sb_addf(out, "      Reason:\t%s\n", cs->reason);
		if (cs->message != NULL && cs->message[0] != '\0')
			sb_addf(out, "      Message:\t%s\n", cs->message);
		sb_addf(out, "      Exit Code:\t%d\n", cs->exit_code);
		sb_addf(out, "      Started:\t%s\n", rfc1123z(cs->started_ms, t, sizeof t));
		sb_addf(out, "      Finished:\t%s\n", rfc1123z(cs->started_ms, t, sizeof t));
		break;
	}
}

/*
 * describeContainers for one container; pod is NULL in a template (no
 * status lines). Templates indent the name one space more.
 */
static void
describe_container(struct strbuf *out, const struct container *c, const struct pod *pod,
    const char *name_indent)
{
	const struct container_status *cs = find_status(pod, c->name);
	struct strbuf ports = STRBUF_INIT, host_ports = STRBUF_INIT;
	struct vec mounts = VEC_INIT;

	sb_addf(out, "  %s%s:\n", name_indent, c->name);
	/* describeContainerBasicInfo prints the status's ids as they are, empty until set. */
	if (cs != NULL)
		sb_addf(out, "    Container ID:\t%s\n", cs->container_id ? cs->container_id : "");
	sb_addf(out, "    Image:\t%s\n", c->image);
	if (cs != NULL)
		sb_addf(out, "    Image ID:\t%s\n", cs->image_id ? cs->image_id : "");
	for (size_t i = 0; i < c->n_ports; i++) {
		const char *proto = c->ports[i].protocol ? c->ports[i].protocol : "TCP";

		sb_addf(&ports, "%s%d/%s", i ? ", " : "", c->ports[i].container_port, proto);
		sb_addf(&host_ports, "%s%d/%s", i ? ", " : "", c->ports[i].host_port, proto);
	}
	sb_addf(out, "    %s:\t%s\n", c->n_ports > 1 ? "Ports" : "Port",
	    c->n_ports ? sb_str(&ports) : "<none>");
	sb_addf(out, "    %s:\t%s\n", c->n_ports > 1 ? "Host Ports" : "Host Port",
	    c->n_ports ? sb_str(&host_ports) : "<none>");
	if (c->n_command > 0) {
		sb_add(out, "    Command:\n");
		for (size_t i = 0; i < c->n_command; i++)
			sb_addf(out, "      %s\n", c->command[i]);
	}
	if (c->n_args > 0) {
		sb_add(out, "    Args:\n");
		for (size_t i = 0; i < c->n_args; i++)
			sb_addf(out, "      %s\n", c->args[i]);
	}
	if (cs != NULL) {
		describe_state(out, cs);
		sb_addf(out, "    Ready:\t%s\n", cs->ready ? "True" : "False");
		sb_addf(out, "    Restart Count:\t%d\n", cs->restarts);
	}
	describe_resources(out, "Limits", &c->limits);
	describe_resources(out, "Requests", &c->requests);
	sb_add(out, "    Environment:\t<none>\n");
	sb_addf(out, "    Mounts:%s\n", c->n_mounts ? "" : "\t<none>");
	for (size_t i = 0; i < c->n_mounts; i++)
		vec_push(&mounts, &c->mounts[i]);
	vec_sort(&mounts, cmp_mount_path);
	for (size_t i = 0; i < mounts.n; i++) {
		const struct volume_mount *m = mounts.v[i];

		sb_addf(out, "      %s from %s (%s)\n", m->mount_path, m->name, m->read_only ? "ro" : "rw");
	}
	vec_free(&mounts);
	sb_free(&ports);
	sb_free(&host_ports);
}

/* describeVolumes; space is "  " inside a template, "" for a pod. */
static void
describe_volumes(struct strbuf *out, const struct pod_spec *spec, const char *space)
{
	const char *name_indent = space[0] ? " " : "";

	if (spec->n_volumes == 0) {
		sb_addf(out, "%sVolumes:\t<none>\n", space);
		return;
	}
	sb_addf(out, "%sVolumes:\n", space);
	for (size_t i = 0; i < spec->n_volumes; i++) {
		const struct volume *v = &spec->volumes[i];

		sb_addf(out, "  %s%s:\n", name_indent, v->name);
		switch (v->source) {
		case VOL_HOST_PATH:
			/* The API server defaults hostPath.type to "", which prints as nothing. */
			sb_addf(out, "    Type:\tHostPath (bare host directory volume)\n    Path:\t%s\n    HostPathType:\t%s\n",
			    v->path ? v->path : "", v->type ? v->type : "");
			break;
		case VOL_EMPTY_DIR:
			sb_add(out, "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\n    SizeLimit:\t<unset>\n");
			break;
		case VOL_CONFIG_MAP:
			sb_addf(out, "    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t%s\n    Optional:\tfalse\n",
			    v->path ? v->path : "");
			break;
		case VOL_SECRET:
			sb_addf(out, "    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t%s\n    Optional:\tfalse\n",
			    v->path ? v->path : "");
			break;
		}
	}
}

static int
cmp_toleration_key(const void *a, const void *b)
{
	const struct toleration *x = *(const struct toleration *const *)a;
	const struct toleration *y = *(const struct toleration *const *)b;

	return strcmp(x->key, y->key);
}

/* printTolerationsMultilineWithIndent, sorted by key. */
static void
describe_tolerations(struct strbuf *out, const char *title, const struct pod_spec *spec)
{
	struct vec sorted = VEC_INIT;

	sb_addf(out, "%s:\t", title);
	if (spec->n_tolerations == 0)
		sb_add(out, "<none>\n");
	for (size_t i = 0; i < spec->n_tolerations; i++)
		vec_push(&sorted, &spec->tolerations[i]);
	/* sort.Slice; a stable sort keeps equal keys in the order written. */
	for (size_t i = 1; i < sorted.n; i++)
		for (size_t j = i; j > 0 && cmp_toleration_key(&sorted.v[j - 1], &sorted.v[j]) > 0; j--) {
			void *tmp = sorted.v[j];

			sorted.v[j] = sorted.v[j - 1];
			sorted.v[j - 1] = tmp;
		}
	for (size_t i = 0; i < sorted.n; i++) {
		const struct toleration *t = sorted.v[i];
		const char *effect = t->bad_effect ? t->bad_effect : taint_effect_name(t->effect);

		sb_addf(out, "%s%s", i ? "\t" : "", t->key);
		if (t->value[0] != '\0')
			sb_addf(out, "=%s", t->value);
		if (effect[0] != '\0')
			sb_addf(out, ":%s", effect);
		/* An operator Exists with no value; alone (no key, no effect) it tolerates everything. */
		if (t->op == TOL_EXISTS && t->value[0] == '\0')
			sb_addf(out, "%sop=Exists", t->key[0] != '\0' || effect[0] != '\0' ? " " : "");
		if (t->has_seconds)
			sb_addf(out, " for %llds", (long long)t->seconds);
		sb_addc(out, '\n');
	}
	vec_free(&sorted);
}

void
describe_pod_template(const struct pod_template *t, struct strbuf *out)
{
	const struct pod_spec *spec = &t->spec;

	sb_add(out, "Pod Template:\n");
	describe_labels(out, "  Labels", &t->labels);
	if (t->annotations.n > 0)
		describe_annotations(out, "  Annotations", &t->annotations);
	if (spec->service_account != NULL && spec->service_account[0] != '\0')
		sb_addf(out, "  Service Account:\t%s\n", spec->service_account);
	sb_addf(out, "  Containers:%s\n", spec->n_containers ? "" : " <none>");
	for (size_t i = 0; i < spec->n_containers; i++)
		describe_container(out, &spec->containers[i], NULL, " ");
	describe_volumes(out, spec, "  ");
	if (spec->priority_class_name != NULL && spec->priority_class_name[0] != '\0')
		sb_addf(out, "  Priority Class Name:\t%s\n", spec->priority_class_name);
	describe_labels(out, "  Node-Selectors", &spec->node_selector);
	describe_tolerations(out, "  Tolerations", spec);
}

/* ---- events ---- */

static int
cmp_event_time(const void *a, const void *b)
{
	const struct event *x = *(const struct event *const *)a;
	const struct event *y = *(const struct event *const *)b;

	if (x->last_ms != y->last_ms)
		return x->last_ms < y->last_ms ? -1 : 1;
	/* sort.Sort leaves ties unordered; creation order keeps runs reproducible. */
	return x->obj.meta.resource_version < y->obj.meta.resource_version ? -1 : 1;
}

/* DescribeEvents for the events about obj (and, for a node, about its name as uid). */
static void
describe_events(struct dw *w, const struct store *st, const struct object *obj, int64_t now)
{
	struct vec all = VEC_INIT, mine = VEC_INIT;

	store_list(st, KIND_EVENT, NULL, &all);
	for (size_t i = 0; i < all.n; i++) {
		const struct event *e = all.v[i];

		if (e->involved_uid != NULL && (strcmp(e->involved_uid, obj->meta.uid) == 0 ||
						   (obj->kind == KIND_NODE &&
						       strcmp(e->involved_uid, obj->meta.name) == 0)))
			vec_push(&mine, all.v[i]);
	}
	vec_free(&all);
	if (mine.n == 0) {
		sb_add(&w->pending, "Events:\t<none>\n");
		vec_free(&mine);
		return;
	}
	dw_flush(w);
	qsort(mine.v, mine.n, sizeof *mine.v, cmp_event_time);
	sb_add(&w->pending, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
	sb_add(&w->pending, "  ----\t------\t----\t----\t-------\n");
	for (size_t i = 0; i < mine.n; i++) {
		const struct event *e = mine.v[i];
		char first[32], last[32];
		const char *msg = e->message ? e->message : "";
		size_t n = strlen(msg);

		printers_age(e->first_ms, now, first, sizeof first);
		while (n > 0 && (msg[n - 1] == ' ' || msg[n - 1] == '\n'))
			n--;
		while (n > 0 && (*msg == ' ' || *msg == '\n')) {
			msg++;
			n--;
		}
		sb_addf(&w->pending, "  %s\t%s\t", e->type, e->reason);
		if (e->count > 1)
			sb_addf(&w->pending, "%s (x%d over %s)", printers_age(e->last_ms, now, last, sizeof last),
			    e->count, first);
		else
			sb_add(&w->pending, first);
		sb_addf(&w->pending, "\t%s\t%.*s\n", e->source, (int)n, msg);
	}
	vec_free(&mine);
}

/* ---- daemonsets ---- */

static void
describe_daemonset(struct dw *w, const struct store *st, const struct daemonset *ds, int64_t now,
    bool events)
{
	struct strbuf *o = &w->pending;
	const struct vec *owned = store_pods_owned_by(st, ds->obj.meta.uid);
	int running = 0, waiting = 0, succeeded = 0, failed = 0;

	/* v1.32's describeDaemonSet has no Namespace line; kubectl 1.33 added one. */
	sb_addf(o, "Name:\t%s\nSelector:\t", ds->obj.meta.name);
	sel_format(&ds->selector, o);
	sb_add(o, "\nNode-Selector:\t");
	labels_format(&ds->tmpl.spec.node_selector, o);
	sb_addc(o, '\n');
	describe_labels(o, "Labels", &ds->obj.meta.labels);
	describe_annotations(o, "Annotations", &ds->obj.meta.annotations);
	sb_addf(o, "Desired Number of Nodes Scheduled: %d\n", ds->status.desired);
	sb_addf(o, "Current Number of Nodes Scheduled: %d\n", ds->status.current);
	sb_addf(o, "Number of Nodes Scheduled with Up-to-date Pods: %d\n", ds->status.updated);
	sb_addf(o, "Number of Nodes Scheduled with Available Pods: %d\n", ds->status.available);
	sb_addf(o, "Number of Nodes Misscheduled: %d\n", ds->status.misscheduled);
	/* getPodStatusByCanonicalSelector: the selector's pods that this DaemonSet controls. */
	for (size_t i = 0; owned != NULL && i < owned->n; i++) {
		const struct pod *p = owned->v[i];

		if (!sel_matches(&ds->selector, &p->obj.meta.labels))
			continue;
		running += p->status.phase == PHASE_RUNNING;
		waiting += p->status.phase == PHASE_PENDING;
		succeeded += p->status.phase == PHASE_SUCCEEDED;
		failed += p->status.phase == PHASE_FAILED;
	}
	sb_addf(o, "Pods Status:\t%d Running / %d Waiting / %d Succeeded / %d Failed\n", running,
	    waiting, succeeded, failed);
	describe_pod_template(&ds->tmpl, o);
	if (events)
		describe_events(w, st, &ds->obj, now);
}

/* ---- pods ---- */

static void
describe_pod(struct dw *w, const struct store *st, const struct pod *p, int64_t now, bool events)
{
	struct strbuf *o = &w->pending;
	const struct owner_ref *ctl = meta_controller(&p->obj.meta);
	char t[64];

	/* describePod prints what admission put there, each line only when set. */
	sb_addf(o, "Name:\t%s\nNamespace:\t%s\n", p->obj.meta.name, p->obj.meta.ns);
	if (p->spec.has_priority)
		sb_addf(o, "Priority:\t%d\n", p->spec.priority);
	if (p->spec.priority_class_name != NULL && p->spec.priority_class_name[0] != '\0')
		sb_addf(o, "Priority Class Name:\t%s\n", p->spec.priority_class_name);
	if (p->spec.service_account != NULL && p->spec.service_account[0] != '\0')
		sb_addf(o, "Service Account:\t%s\n", p->spec.service_account);
	if (p->spec.node_name == NULL)
		sb_add(o, "Node:\t<none>\n");
	else
		sb_addf(o, "Node:\t%s/%s\n", p->spec.node_name, p->status.host_ip ? p->status.host_ip : "");
	if (p->status.start_ms >= 0)
		sb_addf(o, "Start Time:\t%s\n", rfc1123z(p->status.start_ms, t, sizeof t));
	describe_labels(o, "Labels", &p->obj.meta.labels);
	describe_annotations(o, "Annotations", &p->obj.meta.annotations);
	if (meta_deleting(&p->obj.meta) && !pod_is_terminal(p)) {
		char age[32];

		sb_addf(o, "Status:\tTerminating (lasts %s)\n",
		    printers_age(p->obj.meta.deletion_ms, now, age, sizeof age));
		sb_addf(o, "Termination Grace Period:\t%llds\n", (long long)p->obj.meta.deletion_grace_s);
	} else {
		sb_addf(o, "Status:\t%s\n", pod_phase_name(p->status.phase));
	}
	if (p->status.reason != NULL && p->status.reason[0] != '\0')
		sb_addf(o, "Reason:\t%s\n", p->status.reason);
	if (p->status.message != NULL && p->status.message[0] != '\0')
		sb_addf(o, "Message:\t%s\n", p->status.message);
	sb_addf(o, "IP:\t%s\n", p->status.pod_ip ? p->status.pod_ip : "");
	if (p->status.pod_ip == NULL)
		sb_add(o, "IPs:\t<none>\n");
	else
		sb_addf(o, "IPs:\n  IP:\t%s\n", p->status.pod_ip);
	if (ctl != NULL)
		sb_addf(o, "Controlled By:\t%s/%s\n", ctl->kind, ctl->name);
	sb_addf(o, "Containers:%s\n", p->spec.n_containers ? "" : " <none>");
	for (size_t i = 0; i < p->spec.n_containers; i++)
		describe_container(o, &p->spec.containers[i], p, "");
	/* describePod prints the block when the pod has any condition. */
	if (p->status.scheduled.set || p->status.initialized.set || p->status.ready.set ||
	    p->status.containers_ready.set) {
		/* The kubelet's order; PodReadyToStartContainers follows the sandbox (Initialized here). */
		const struct {
			const char *type;
			const struct pod_cond *c;
		} conds[] = {
			{"PodReadyToStartContainers", &p->status.initialized},
			{"Initialized", &p->status.initialized},
			{"Ready", &p->status.ready},
			{"ContainersReady", &p->status.containers_ready},
			{"PodScheduled", &p->status.scheduled},
		};

		sb_add(o, "Conditions:\n  Type\tStatus\n");
		for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++)
			if (conds[i].c->set)
				sb_addf(o, "  %s \t%s \n", conds[i].type, conds[i].c->status);
	}
	describe_volumes(o, &p->spec, "");
	sb_addf(o, "QoS Class:\t%s\n", pod_qos_class(&p->spec));
	describe_labels(o, "Node-Selectors", &p->spec.node_selector);
	describe_tolerations(o, "Tolerations", &p->spec);
	if (events)
		describe_events(w, st, &p->obj, now);
}

/* ---- nodes ---- */

static int
cmp_taint(const void *a, const void *b)
{
	const struct taint *x = *(const struct taint *const *)a;
	const struct taint *y = *(const struct taint *const *)b;
	int c = strcmp(taint_effect_name(x->effect), taint_effect_name(y->effect));

	return c != 0 ? c : strcmp(x->key, y->key);
}

static void
resource_pct(struct strbuf *o, int64_t milli, int64_t alloc_milli, enum qty_format f)
{
	struct quantity q = qty_from_milli(milli, f);

	qty_format(&q, o);
	sb_addf(o, " (%lld%%)", alloc_milli > 0 ? (long long)((double)milli / (double)alloc_milli * 100) : 0LL);
}

/* "100m (2%)\t0 (0%)": requests then limits of one resource against the allocatable. */
static void
requests_limits(struct strbuf *o, int64_t req, int64_t lim, const struct res_list *alloc,
    const char *resource)
{
	enum qty_format f = strcmp(resource, "cpu") == 0 ? QTY_DECIMAL_SI : QTY_BINARY_SI;

	resource_pct(o, req, res_list_milli(alloc, resource), f);
	sb_addc(o, '\t');
	resource_pct(o, lim, res_list_milli(alloc, resource), f);
}

/* printResourceList: "  name:\tquantity" per resource, under a title. */
static void
resource_list(struct strbuf *o, const char *title, const struct res_list *r)
{
	if (r->n == 0)
		return;
	sb_addf(o, "%s:\n", title);
	for (size_t i = 0; i < r->n; i++) {
		sb_addf(o, "  %s:\t", r->v[i].name);
		qty_format(&r->v[i].q, o);
		sb_addc(o, '\n');
	}
}

static int64_t
limit_milli(const struct pod_spec *s, const char *resource)
{
	int64_t sum = 0;

	for (size_t i = 0; i < s->n_containers; i++)
		sum += res_list_milli(&s->containers[i].limits, resource);
	return sum;
}

/*
 * The node's Lease from kube-node-lease, each field "<unset>" when the
 * lease or the field is missing (describeNode in describe.go).
 */
static void
describe_node_lease(struct strbuf *o, const struct store *st, const struct node *n, int64_t now)
{
	const struct lease *l =
	    (const struct lease *)store_get(st, KIND_LEASE, LEASE_NODE_NAMESPACE, n->obj.meta.name);
	int64_t renew = l != NULL ? lease_renew_time(l, now) : -1;
	char t[64];

	sb_addf(o, "Lease:\n  HolderIdentity:\t%s\n",
	    l != NULL && l->holder != NULL ? l->holder : "<unset>");
	sb_addf(o, "  AcquireTime:\t%s\n",
	    l != NULL && l->acquire_ms >= 0 ? rfc1123z(l->acquire_ms, t, sizeof t) : "<unset>");
	sb_addf(o, "  RenewTime:\t%s\n", renew >= 0 ? rfc1123z(renew, t, sizeof t) : "<unset>");
}

/*
 * describeNamespace: no ResourceQuota or LimitRange exists in kubesim, so
 * both lists are empty, not missing, and their "No ..." lines are printed.
 */
static void
describe_namespace(struct dw *w, const struct namespace *ns)
{
	struct strbuf *o = &w->pending;
	char t[64];

	sb_addf(o, "Name:\t%s\n", ns->obj.meta.name);
	describe_labels(o, "Labels", &ns->obj.meta.labels);
	describe_annotations(o, "Annotations", &ns->obj.meta.annotations);
	sb_addf(o, "Status:\t%s\n", ns_phase(ns));
	if (ns->n_conds > 0) {
		sb_add(o, "Conditions:\n  Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
		sb_add(o, "  ----\t------\t------------------\t------\t-------\n");
		for (size_t i = 0; i < ns->n_conds; i++) {
			const struct ns_cond *c = &ns->conds[i];

			sb_addf(o, "  %s\t%s\t%s\t%s\t%s\n", c->type, c->status,
			    rfc1123z(c->transition_ms, t, sizeof t), c->reason, c->message);
		}
	}
	sb_add(o, "\nNo resource quota.\n\nNo LimitRange resource.\n");
}

static void
describe_node(struct dw *w, const struct store *st, const struct node *n, int64_t now,
    bool events)
{
	struct strbuf *o = &w->pending;
	const struct vec *on_node = store_pods_on_node(st, n->obj.meta.name);
	const struct res_list *alloc = n->allocatable.n > 0 ? &n->allocatable : &n->capacity;
	struct vec pods = VEC_INIT, taints = VEC_INIT;
	int64_t cpu_req = 0, cpu_lim = 0, mem_req = 0, mem_lim = 0;
	struct strbuf roles = STRBUF_INIT;
	char t[64], t2[64];

	sb_addf(o, "Name:\t%s\n", n->obj.meta.name);
	/* findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
	for (size_t i = 0; i < n->obj.meta.labels.n; i++) {
		const char *k = n->obj.meta.labels.v[i].key;

		if (strncmp(k, "node-role.kubernetes.io/", 24) == 0 && k[24] != '\0')
			sb_addf(&roles, "%s%s", roles.len ? "," : "", k + 24);
		else if (strcmp(k, "kubernetes.io/role") == 0 && n->obj.meta.labels.v[i].value[0] != '\0')
			sb_addf(&roles, "%s%s", roles.len ? "," : "", n->obj.meta.labels.v[i].value);
	}
	sb_addf(o, "Roles:\t%s\n", roles.len ? roles.s : "<none>");
	sb_free(&roles);
	describe_labels(o, "Labels", &n->obj.meta.labels);
	describe_annotations(o, "Annotations", &n->obj.meta.annotations);
	sb_addf(o, "CreationTimestamp:\t%s\n", rfc1123z(n->obj.meta.creation_ms, t, sizeof t));
	sb_add(o, "Taints:\t");
	for (size_t i = 0; i < n->n_taints; i++)
		vec_push(&taints, &n->taints[i]);
	vec_sort(&taints, cmp_taint);
	for (size_t i = 0; i < taints.n; i++) {
		const struct taint *tn = taints.v[i];

		sb_addf(o, "%s%s", i ? "\t" : "", tn->key);
		if (tn->value != NULL && tn->value[0] != '\0')
			sb_addf(o, "=%s", tn->value);
		sb_addf(o, ":%s\n", taint_effect_name(tn->effect));
	}
	if (taints.n == 0)
		sb_add(o, "<none>\n");
	vec_free(&taints);
	sb_addf(o, "Unschedulable:\t%s\n", n->unschedulable ? "true" : "false");
	describe_node_lease(o, st, n, now);
	if (n->n_conds > 0) {
		sb_add(o, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
		sb_add(o, "  ----\t------\t-----------------\t------------------\t------\t-------\n");
		for (size_t i = 0; i < n->n_conds; i++) {
			const struct node_cond *c = &n->conds[i];

			sb_addf(o, "  %s \t%s \t%s \t%s \t%s \t%s\n", c->type, c->status,
			    rfc1123z(c->heartbeat_ms, t, sizeof t), rfc1123z(c->transition_ms, t2, sizeof t2),
			    c->reason ? c->reason : "", c->message ? c->message : "");
		}
	}
	sb_addf(o, "Addresses:\n  InternalIP:\t%s\n  Hostname:\t%s\n",
	    n->internal_ip ? n->internal_ip : "", n->obj.meta.name);
	resource_list(o, "Capacity", &n->capacity);
	resource_list(o, "Allocatable", &n->allocatable);
	sb_add(o, "System Info:\n");
	sb_addf(o, "  Machine ID:\t%s\n  System UUID:\t%s\n  Boot ID:\t%s\n",
	    n->machine_id ? n->machine_id : "", n->system_uuid ? n->system_uuid : "",
	    n->boot_id ? n->boot_id : "");
	sb_addf(o, "  Kernel Version:\t%s\n  OS Image:\t%s\n  Operating System:\tlinux\n"
		   "  Architecture:\tamd64\n  Container Runtime Version:\t%s\n"
		   "  Kubelet Version:\t%s\n  Kube-Proxy Version:\t%s\n",
	    n->kernel_version ? n->kernel_version : "", n->os_image ? n->os_image : "",
	    n->container_runtime ? n->container_runtime : "",
	    n->kubelet_version ? n->kubelet_version : "", n->kubelet_version ? n->kubelet_version : "");
	if (n->pod_cidr != NULL)
		sb_addf(o, "PodCIDR:\t%s\nPodCIDRs:\t%s\n", n->pod_cidr, n->pod_cidr);
	for (size_t i = 0; on_node != NULL && i < on_node->n; i++)
		if (!pod_is_terminal(on_node->v[i]))
			vec_push(&pods, on_node->v[i]);
	vec_sort(&pods, object_cmp_ns_name);
	sb_addf(o, "Non-terminated Pods:\t(%zu in total)\n", pods.n);
	sb_add(o, "  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
	sb_add(o, "  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
	for (size_t i = 0; i < pods.n; i++) {
		const struct pod *p = pods.v[i];
		int64_t cr = pod_request_milli(&p->spec, "cpu"), cl = limit_milli(&p->spec, "cpu");
		int64_t mr = pod_request_milli(&p->spec, "memory"), ml = limit_milli(&p->spec, "memory");
		char age[32];

		sb_addf(o, "  %s\t%s\t\t", p->obj.meta.ns, p->obj.meta.name);
		requests_limits(o, cr, cl, alloc, "cpu");
		sb_addc(o, '\t');
		requests_limits(o, mr, ml, alloc, "memory");
		sb_addf(o, "\t%s\n", printers_age(p->obj.meta.creation_ms, now, age, sizeof age));
		cpu_req += cr;
		cpu_lim += cl;
		mem_req += mr;
		mem_lim += ml;
	}
	vec_free(&pods);
	sb_add(o, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
	sb_add(o, "  Resource\tRequests\tLimits\n  --------\t--------\t------\n  cpu\t");
	requests_limits(o, cpu_req, cpu_lim, alloc, "cpu");
	sb_add(o, "\n  memory\t");
	requests_limits(o, mem_req, mem_lim, alloc, "memory");
	sb_add(o, "\n  ephemeral-storage\t0 (0%)\t0 (0%)\n");
	if (events)
		describe_events(w, st, &n->obj, now);
}

/* ---- everything else: genericDescriber ---- */

/*
 * smartLabelFor: a field name of letters and '-' becomes words, split as
 * github.com/fatih/camelcase splits ("apiVersion" is "api", "Version"),
 * each title-cased unless it is a common acronym; any other name stays as
 * it is ("$patch").
 */
static int
char_class(char c)
{
	return c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : 4;
}

static void
smart_label(const char *field, struct strbuf *out)
{
	static const char *const acronyms[] = {"API", "URL", "UID", "OSB", "GUID"};
	size_t n = strlen(field), *cut, n_cut = 0, shown = 0;

	for (size_t i = 0; i < n; i++)
		if (char_class(field[i]) == 4 && field[i] != '-') {
			sb_add(out, field);
			return;
		}
	/* Word boundaries: where the class (lower, upper, other) changes... */
	cut = xcalloc(n + 2, sizeof *cut);
	cut[n_cut++] = 0;
	for (size_t i = 1; i < n; i++)
		if (char_class(field[i]) != char_class(field[i - 1]))
			cut[n_cut++] = i;
	cut[n_cut] = n;
	/* ...but "PDFL" "oader" is "PDF" "Loader": an upper run gives its last letter to the lower run after it. */
	for (size_t k = 1; k < n_cut; k++)
		if (char_class(field[cut[k] - 1]) == 2 && char_class(field[cut[k]]) == 1)
			cut[k]--;
	for (size_t k = 0; k < n_cut; k++) {
		const char *w = field + cut[k];
		size_t len = cut[k + 1] - cut[k];
		bool acronym = false;

		if (len == 0)
			continue;
		for (size_t a = 0; a < sizeof acronyms / sizeof *acronyms; a++)
			acronym = acronym ||
			    (strlen(acronyms[a]) == len && strncasecmp(acronyms[a], w, len) == 0);
		if (shown++)
			sb_addc(out, ' ');
		if (acronym)
			for (size_t c = 0; c < len; c++)
				sb_addc(out, (char)toupper((unsigned char)w[c]));
		else {
			/* strings.Title: the word's first letter upper-cased. */
			sb_addc(out, (char)toupper((unsigned char)w[0]));
			sb_addn(out, w + 1, len - 1);
		}
	}
	free(cut);
}

/* fmt's %v of a decoded JSON scalar. */
static void
json_scalar(const cJSON *v, struct strbuf *out)
{
	if (cJSON_IsString(v))
		sb_add(out, v->valuestring);
	else if (cJSON_IsBool(v))
		sb_add(out, cJSON_IsTrue(v) ? "true" : "false");
	else if (cJSON_IsNumber(v)) {
		/* Unstructured decoding keeps integers as int64. */
		if (v->valuedouble == (double)(long long)v->valuedouble)
			sb_addf(out, "%lld", (long long)v->valuedouble);
		else
			sb_addf(out, "%g", v->valuedouble);
	} else if (cJSON_IsArray(v)) {
		const cJSON *c;
		bool first = true;

		sb_addc(out, '[');
		cJSON_ArrayForEach(c, v)
		{
			if (!first)
				sb_addc(out, ' ');
			first = false;
			json_scalar(c, out);
		}
		sb_addc(out, ']');
	} else if (cJSON_IsObject(v))
		sb_add(out, "map[...]");
	else
		sb_add(out, "<nil>");
}

static int
cmp_json_key(const void *a, const void *b)
{
	return strcmp((*(const cJSON *const *)a)->string, (*(const cJSON *const *)b)->string);
}

static void
indent(struct strbuf *out, int level)
{
	for (int i = 0; i < level; i++)
		sb_add(out, "  ");
}

/* printUnstructuredContent: keys sorted, maps and lists as headed blocks, a path in skip left out. */
static void
print_unstructured(struct strbuf *out, int level, const cJSON *content, const char *prefix,
    const char *const *skip)
{
	struct vec fields = VEC_INIT;
	const cJSON *c;

	cJSON_ArrayForEach(c, content)
		vec_push(&fields, (void *)c);
	vec_sort(&fields, cmp_json_key);
	for (size_t i = 0; i < fields.n; i++) {
		const cJSON *v = fields.v[i];
		char *path = xasprintf("%s.%s", prefix, v->string);
		bool skipped = false;

		for (size_t j = 0; skip[j] != NULL; j++)
			skipped = skipped || strcmp(skip[j], path) == 0;
		if (skipped) {
			free(path);
			continue;
		}
		indent(out, level);
		smart_label(v->string, out);
		if (cJSON_IsObject(v)) {
			sb_add(out, ":\n");
			print_unstructured(out, level + 1, v, path, skip);
		} else if (cJSON_IsArray(v)) {
			sb_add(out, ":\n");
			cJSON_ArrayForEach(c, v)
			{
				if (cJSON_IsObject(c))
					print_unstructured(out, level + 1, c, path, skip);
				else {
					indent(out, level + 1);
					json_scalar(c, out);
					sb_addc(out, '\n');
				}
			}
		} else {
			sb_add(out, ":\t");
			json_scalar(v, out);
			sb_addc(out, '\n');
		}
		free(path);
	}
	vec_free(&fields);
}

/*
 * genericDescriber, for kinds describe.go has no describer of its own
 * (Event, ControllerRevision, Lease): name, namespace, labels and annotations,
 * then every other field of the object as the server returns it.
 */
static void
describe_generic(struct dw *w, const struct store *st, const struct object *obj, int64_t now,
    bool events)
{
	static const char *const skip[] = {".metadata.managedFields", ".metadata.name",
		".metadata.namespace", ".metadata.labels", ".metadata.annotations", NULL};
	struct strbuf *o = &w->pending;
	cJSON *doc = encode_object(obj, now);

	sb_addf(o, "Name:\t%s\nNamespace:\t%s\n", obj->meta.name ? obj->meta.name : "",
	    obj->meta.ns ? obj->meta.ns : "");
	describe_labels(o, "Labels", &obj->meta.labels);
	describe_annotations(o, "Annotations", &obj->meta.annotations);
	print_unstructured(o, 0, doc, "", skip);
	encode_free(doc);
	if (events)
		describe_events(w, st, obj, now);
}

/* ---- the verb ---- */

/*
 * The object of kind k named name; with prefix, when there is none, those
 * whose names start with it (DescribeMatchingResources, which describe
 * tries only for `describe TYPE NAME` with exactly one name).
 */
static void
by_name_or_prefix(const struct store *st, enum kind k, const char *ns, const char *name,
    bool prefix, struct vec *out)
{
	struct object *o = store_get(st, k, kind_namespaced(k) ? ns : NULL, name);
	struct vec all = VEC_INIT;

	if (o != NULL) {
		vec_push(out, o);
		return;
	}
	if (!prefix)
		return;
	store_list_sorted(st, k, kind_namespaced(k) ? ns : NULL, &all);
	for (size_t i = 0; i < all.n; i++)
		if (strncmp(((struct object *)all.v[i])->meta.name, name, strlen(name)) == 0)
			vec_push(out, all.v[i]);
	vec_free(&all);
}

/* The builder's visitByName/visitByResource: names and -A do not mix for namespaced kinds. */
static const char across_namespaces[] = "a resource cannot be retrieved by name across all namespaces";

static int
describe_exec(struct kctl_call *call)
{
	const struct store *st = call->c->store;
	bool all_ns = kctl_bool(call, "all-namespaces");
	bool events = kctl_bool(call, "show-events");
	struct vec objs = VEC_INIT;
	struct label_selector sel;
	struct strbuf notfound = STRBUF_INIT;
	struct ks_err err;
	enum kind k;
	int64_t now = cluster_now(call->c);
	int status = 0;
	bool matching = false; /* objects found by DescribeMatchingResources */

	if (call->n_args == 0) {
		return kctl_error(call, "You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.");
	}
	if (sel_parse(kctl_str(call, "selector"), &sel, &err) < 0)
		return kctl_error(call, "%s", err.msg);
	if (strchr(call->args[0], '/') != NULL) {
		for (size_t i = 0; i < call->n_args; i++) {
			const char *slash = strchr(call->args[i], '/');
			char type[128];
			size_t before = objs.n;

			if (slash == NULL) {
				sel_free(&sel);
				vec_free(&objs);
				sb_free(&notfound);
				return kctl_error(call, "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
			}
			snprintf(type, sizeof type, "%.*s", (int)(slash - call->args[i]), call->args[i]);
			if (kctl_resource(type, &k) < 0) {
				sel_free(&sel);
				vec_free(&objs);
				sb_free(&notfound);
				return kctl_unknown_type(call, type);
			}
			if (all_ns && kind_namespaced(k)) {
				sel_free(&sel);
				vec_free(&objs);
				sb_free(&notfound);
				return kctl_error(call, "%s", across_namespaces);
			}
			by_name_or_prefix(st, k, call->ns, slash + 1, false, &objs);
			if (objs.n == before) {
				sb_addf(&notfound, "Error from server (NotFound): %s \"%s\" not found\n",
				    kind_resource(k), slash + 1);
				status = 1;
			}
		}
	} else {
		/* The "all" category, in discovery's order, of the kinds kubesim serves. */
		static const enum kind all_kinds[] = {KIND_POD, KIND_DAEMONSET};
		bool category = strcmp(call->args[0], "all") == 0 && call->n_args == 1;

		if (category) {
			k = KIND_POD;
		} else if (kctl_resource(call->args[0], &k) < 0) {
			sel_free(&sel);
			return kctl_unknown_type(call, call->args[0]);
		}
		if (all_ns && kind_namespaced(k) && call->n_args > 1) {
			sel_free(&sel);
			return kctl_error(call, "%s", across_namespaces);
		}
		for (size_t c = 0; call->n_args == 1 && c < (category ? 2 : 1); c++) {
			struct vec all = VEC_INIT;

			if (category)
				k = all_kinds[c];
			store_list(st, k, kind_namespaced(k) && !all_ns ? call->ns : NULL, &all);
			vec_sort(&all, object_cmp_ns_name);
			for (size_t i = 0; i < all.n; i++)
				if (sel_matches(&sel, &((struct object *)all.v[i])->meta.labels))
					vec_push(&objs, all.v[i]);
			vec_free(&all);
		}
		for (size_t i = 1; i < call->n_args; i++) {
			size_t before = objs.n;

			matching = call->n_args == 2 &&
			    store_get(st, k, kind_namespaced(k) ? call->ns : NULL, call->args[i]) == NULL;
			by_name_or_prefix(st, k, call->ns, call->args[i], call->n_args == 2, &objs);
			if (objs.n == before) {
				sb_addf(&notfound, "Error from server (NotFound): %s \"%s\" not found\n",
				    kind_resource(k), call->args[i]);
				status = 1;
			}
		}
		if (call->n_args == 1 && objs.n == 0) {
			/* describe.go names the namespace whatever the kind's scope. */
			if (all_ns)
				kctl_err(call->res, "%s", "No resources found\n");
			else
				kctl_err(call->res, "No resources found in %s namespace.\n", call->ns);
		}
	}
	/*
	 * Two TYPE/NAME arguments and one missing: describe's NotFound with
	 * two builder arguments goes to DescribeMatchingResources, which
	 * cannot use them and returns the error alone.
	 */
	if (strchr(call->args[0], '/') != NULL && call->n_args == 2 && status != 0)
		objs.n = 0;
	for (size_t i = 0; i < objs.n; i++) {
		struct strbuf text = STRBUF_INIT;
		struct dw w = {STRBUF_INIT, &text};
		const struct object *o = objs.v[i];

		if (o->kind == KIND_DAEMONSET)
			describe_daemonset(&w, st, (const struct daemonset *)o, now, events);
		else if (o->kind == KIND_POD)
			describe_pod(&w, st, (const struct pod *)o, now, events);
		else if (o->kind == KIND_NAMESPACE)
			describe_namespace(&w, (const struct namespace *)o);
		else if (o->kind == KIND_NODE)
			describe_node(&w, st, (const struct node *)o, now, events);
		else
			describe_generic(&w, st, o, now, events);
		dw_flush(&w);
		/* Run prints "\n\n" between objects; DescribeMatchingResources "%s\n" after each. */
		if (matching)
			kctl_out(call->res, "%s\n", sb_str(&text));
		else
			kctl_out(call->res, "%s%s", i > 0 ? "\n\n" : "", sb_str(&text));
		sb_free(&w.pending);
		sb_free(&text);
	}
	kctl_err(call->res, "%s", sb_str(&notfound));
	sb_free(&notfound);
	vec_free(&objs);
	sel_free(&sel);
	if (status)
		call->res->status = 1;
	return call->res->status;
}

const struct kctl_verb kctl_describe_verb = {
	.name = "describe",
	.short_help = "Show details of a specific resource or group of resources",
	.usage = "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
	.flags = describe_flags,
	.exec = describe_exec,
};
