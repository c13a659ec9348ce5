/*
 * cordon.c - `kubectl cordon`, `uncordon` and `drain`, after
 * staging/src/k8s.io/kubectl/pkg/cmd/drain and pkg/drain.
 *
 * Cordon sets spec.unschedulable (the node lifecycle controller then adds
 * the node.kubernetes.io/unschedulable taint). Drain cordons, sorts the
 * node's pods through kubectl's filters (DaemonSet-managed pods need
 * --ignore-daemonsets and are never evicted; pods without a controller
 * need --force), evicts the rest and waits until they are gone, letting
 * simulated time pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "api/pod.h"
#include "api/selector.h"
#include "api/store.h"
#include "cluster.h"
#include "apiserver/apiserver.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define DRAIN_WAIT_MAX_MS (60 * 60 * 1000)

static const struct kctl_flag cordon_flags[] = {
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on", NULL},
	KCTL_DRY_RUN_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag drain_flags[] = {
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on", NULL},
	{"ignore-daemonsets", 0, KF_BOOL, NULL, "Ignore DaemonSet-managed pods.", NULL},
	{"force", 0, KF_BOOL, NULL, "Continue even if there are pods that do not declare a controller.", NULL},
	{"delete-emptydir-data", 0, KF_BOOL, NULL, "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).", NULL},
	{"grace-period", 0, KF_INT, "-1", "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.", NULL},
	{"disable-eviction", 0, KF_BOOL, NULL, "Force drain to use delete, even if eviction is supported.", NULL},
	{"timeout", 0, KF_DURATION, "0s", "The length of time to wait before giving up, zero means infinite", NULL},
	{"skip-wait-for-delete-timeout", 0, KF_INT, "0", "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.", NULL},
	{"pod-selector", 0, KF_STRING, NULL, "Label selector to filter pods on the node", NULL},
	{"chunk-size", 0, KF_INT, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.", NULL},
	KCTL_DRY_RUN_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/*
 * drain.go Complete (cordon and uncordon share it): nodes by name or by
 * -l, not both.
 */
static int
check_node_args(struct kctl_call *call)
{
	bool selector = kctl_str(call, "selector")[0] != '\0';

	if (call->n_args == 0 && !selector)
		return kctl_usage_error(call, "USAGE: %s NODE [flags]", call->verb->name);
	if (call->n_args > 0 && selector)
		return kctl_usage_error(call, "cannot specify both a node name and a --selector option");
	return 0;
}

/* The nodes named by the arguments or by -l; reports the missing ones. */
static int
pick_nodes(struct kctl_call *call, struct vec *out)
{
	struct store *st = call->c->store;
	const char *selector = kctl_str(call, "selector");

	if (selector[0] != '\0')
		return kctl_select_cluster(call, KIND_NODE, selector, out);
	if (call->n_args == 0)
		return kctl_usage_error(call, "USAGE: %s NODE [flags]", call->verb->name);
	for (size_t i = 0; i < call->n_args; i++) {
		const char *name = call->args[i];
		const char *slash = strchr(name, '/');
		struct object *n;

		if (slash != NULL) {
			char type[64];
			enum kind k;

			snprintf(type, sizeof type, "%.*s", (int)(slash - name), name);
			if (kctl_resource(type, &k) < 0)
				return kctl_unknown_type(call, type);
			name = slash + 1;
			if (k != KIND_NODE) {
				/*
				 * drain.go Complete's visitor, once the builder has read
				 * the object: %q of its GroupVersionResource.
				 */
				if (store_get(st, k, kind_namespaced(k) ? call->ns : NULL, name) == NULL) {
					kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n",
					    kind_resource(k), name);
					return call->res->status = 1;
				}
				const char *gv = kind_api_version(k), *res = kind_resource(k);

				/* GroupVersionResource.String(): "group/version, Resource=plural". */
				return kctl_error(call, "expected resource of type node, got \"%s%s, Resource=%.*s\"",
				    strchr(gv, '/') != NULL ? "" : "/", gv, (int)strcspn(res, "."), res);
			}
		}
		n = store_get(st, KIND_NODE, NULL, name);
		if (n == NULL) {
			kctl_err(call->res, "Error from server (NotFound): nodes \"%s\" not found\n", name);
			return call->res->status = 1;
		}
		vec_push(out, n);
	}
	return 0;
}

/* RunCordonOrUncordon for one node: a patch of spec.unschedulable. */
static void
set_cordon(struct kctl_call *call, struct node *n, bool cordon, enum kctl_dry_run dry)
{
	const char *verb = cordon ? "cordoned" : "uncordoned";
	struct node *edit;

	if (n->unschedulable == cordon) {
		kctl_out(call->res, "node/%s already %s%s\n", n->obj.meta.name, verb,
		    kctl_dry_run_suffix(dry));
		return;
	}
	edit = (struct node *)api_edit(&n->obj);
	edit->unschedulable = cordon;
	kctl_write_update(call, &edit->obj, verb, dry);
}

static int
cordon_exec(struct kctl_call *call)
{
	struct vec nodes = VEC_INIT;
	bool cordon = strcmp(call->verb->name, "cordon") == 0;
	enum kctl_dry_run dry;

	/* Complete checks the arguments before the dry-run strategy. */
	if (check_node_args(call) != 0)
		return 1;
	if (kctl_dry_run(call, &dry) < 0)
		return 1;
	if (pick_nodes(call, &nodes) != 0) {
		vec_free(&nodes);
		return 1;
	}
	for (size_t i = 0; i < nodes.n; i++)
		set_cordon(call, nodes.v[i], cordon, dry);
	vec_free(&nodes);
	return call->res->status;
}

/* ---- drain ---- */

/* pkg/drain/filters.go (v1.32.4: errors() adds its own "cannot delete "). */
static const char ds_fatal[] = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
static const char ds_warning[] = "ignoring DaemonSet-managed Pods";
static const char local_fatal[] = "Pods with local storage (use --delete-emptydir-data to override)";
static const char local_warning[] = "deleting Pods with local storage";
static const char unmanaged_fatal[] = "cannot delete Pods that declare no controller (use --force to override)";
static const char unmanaged_warning[] = "deleting Pods that declare no controller";

/* Messages and the pods they name, grouped as podDeleteList groups them. */
struct groups {
	char *msg[8];
	struct strbuf pods[8];
	size_t n;
};

static void
group_add(struct groups *g, const char *msg, const struct pod *p)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->msg[i], msg) == 0)
			break;
	if (i == g->n) {
		if (g->n == sizeof g->msg / sizeof g->msg[0])
			i--; /* more kinds of message than filters exist: cannot happen */
		else {
			g->msg[g->n] = xstrdup(msg);
			sb_init(&g->pods[g->n]);
			g->n++;
		}
	}
	sb_addf(&g->pods[i], "%s%s/%s", g->pods[i].len ? ", " : "", p->obj.meta.ns, p->obj.meta.name);
}

static void
groups_free(struct groups *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->msg[i]);
		sb_free(&g->pods[i]);
	}
	g->n = 0;
}

static bool
has_empty_dir(const struct pod *p)
{
	for (size_t i = 0; i < p->spec.n_volumes; i++)
		if (p->spec.volumes[i].source == VOL_EMPTY_DIR)
			return true;
	return false;
}

static int
cmp_pod_name(const void *a, const void *b)
{
	const struct pod *x = *(const struct pod *const *)a;
	const struct pod *y = *(const struct pod *const *)b;
	int c = strcmp(x->obj.meta.ns, y->obj.meta.ns);

	return c != 0 ? c : strcmp(x->obj.meta.name, y->obj.meta.name);
}

struct drain_opts {
	bool ignore_ds, force, local_ok, by_delete;
	long grace, skip_wait_s;
	int64_t timeout_ms; /* 0: wait for ever (capped, see DRAIN_WAIT_MAX_MS) */
	struct label_selector pod_sel;
	bool has_pod_sel;
	enum kctl_dry_run dry;
};

enum verdict { V_OKAY, V_SKIP, V_WARNING, V_ERROR };

struct drain_verdict {
	enum verdict verdict;
	bool delete;
	char msg[256];
};

static void
set_status(struct drain_verdict *st, enum verdict v, bool delete, const char *msg)
{
	st->verdict = v;
	st->delete = delete;
	snprintf(st->msg, sizeof st->msg, "%s", msg != NULL ? msg : "");
}

/* shouldSkipPod: --skip-wait-for-delete-timeout and a deletionTimestamp older than that. */
static bool
skip_deleted(const struct drain_opts *o, const struct pod *p, int64_t now)
{
	const struct meta *m = &p->obj.meta;

	return o->skip_wait_s > 0 && meta_deleting(m) &&
	    (now - dur_add(m->deletion_ms, dur_from_seconds(m->deletion_grace_s))) / 1000 > o->skip_wait_s;
}

/*
 * GetPodsForDeletion's filters in makeFilters order; each may overrule the
 * last, and the first that keeps the pod stops the chain, so only the last
 * warning survives (the emptyDir one is lost to the controller check).
 */
static void
filter_pod(const struct kctl_call *call, const struct drain_opts *o, const struct pod *p,
    struct drain_verdict *st)
{
	const struct owner_ref *ref = meta_controller(&p->obj.meta);
	bool finished = pod_is_terminal(p);

	set_status(st, V_OKAY, true, NULL);
	if (skip_deleted(o, p, cluster_now(call->c))) {
		set_status(st, V_SKIP, false, NULL);
		return;
	}
	if (ref != NULL && strcmp(ref->kind, "DaemonSet") == 0 && !finished) {
		if (store_get(call->c->store, KIND_DAEMONSET, p->obj.meta.ns, ref->name) == NULL) {
			char gone[200];

			/* An orphan: --force removes it with the GET's error as the warning. */
			snprintf(gone, sizeof gone, "daemonsets.apps \"%s\" not found", ref->name);
			set_status(st, o->force ? V_WARNING : V_ERROR, o->force, gone);
			if (!o->force)
				return;
		} else {
			set_status(st, o->ignore_ds ? V_WARNING : V_ERROR, false,
			    o->ignore_ds ? ds_warning : ds_fatal);
			return;
		}
	}
	if (has_empty_dir(p) && !finished) {
		if (!o->local_ok) {
			set_status(st, V_ERROR, false, local_fatal);
			return;
		}
		set_status(st, V_WARNING, true, local_warning);
	}
	if (finished || ref != NULL)
		set_status(st, V_OKAY, true, NULL);
	else if (o->force)
		set_status(st, V_WARNING, true, unmanaged_warning);
	else
		set_status(st, V_ERROR, false, unmanaged_fatal);
}

/* The pods drain would delete now, with the errors and warnings of the rest. */
static void
pods_for_deletion(const struct kctl_call *call, const struct drain_opts *o, const char *node,
    struct vec *out, struct groups *errs, struct groups *warns)
{
	const struct vec *on = store_pods_on_node(call->c->store, node);
	struct vec pods = VEC_INIT;

	for (size_t i = 0; on != NULL && i < on->n; i++)
		if (!o->has_pod_sel || sel_matches(&o->pod_sel, &((struct object *)on->v[i])->meta.labels))
			vec_push(&pods, on->v[i]);
	vec_sort(&pods, cmp_pod_name);
	for (size_t i = 0; i < pods.n; i++) {
		struct drain_verdict st;

		filter_pod(call, o, pods.v[i], &st);
		if (st.verdict == V_ERROR)
			group_add(errs, st.msg, pods.v[i]);
		else if (st.verdict == V_WARNING)
			group_add(warns, st.msg, pods.v[i]);
		if (st.delete)
			vec_push(out, pods.v[i]);
	}
	vec_free(&pods);
}

/* One "cannot delete MESSAGE: PODS" per group, joined by sep. */
static void
format_errors(const struct groups *errs, const char *sep, struct strbuf *out)
{
	for (size_t i = 0; i < errs->n; i++)
		sb_addf(out, "%scannot delete %s: %s", i ? sep : "", errs->msg[i], sb_str(&errs->pods[i]));
}

/* waitForDelete, polled after every simulated instant; prints as each pod goes. */
struct drain_wait {
	struct kctl_call *call;
	const struct drain_opts *o;
	struct vec uids, names, nss;
};

static bool
drain_wait_done(void *ctx)
{
	struct drain_wait *w = ctx;
	size_t kept = 0;

	for (size_t i = 0; i < w->uids.n; i++) {
		struct object *obj = store_get_uid(w->call->c->store, w->uids.v[i]);

		if (obj == NULL)
			kctl_out(w->call->res, "pod/%s %s\n", (char *)w->names.v[i],
			    w->o->by_delete ? "deleted" : "evicted");
		else if (skip_deleted(w->o, (struct pod *)obj, cluster_now(w->call->c)))
			kctl_out(w->call->res, "pod %s has DeletionTimestamp older than %ld seconds, skipping\n",
			    (char *)w->names.v[i], w->o->skip_wait_s);
		else {
			w->uids.v[kept] = w->uids.v[i];
			w->nss.v[kept] = w->nss.v[i];
			w->names.v[kept++] = w->names.v[i];
			continue;
		}
		free(w->uids.v[i]);
		free(w->names.v[i]);
		free(w->nss.v[i]);
	}
	w->uids.n = w->names.n = w->nss.n = kept;
	return kept == 0;
}

/*
 * Drain one node; false when it could not be, with the node added to
 * pending_nodes and the error to pending_errs.
 */
static bool
drain_node(struct kctl_call *call, const struct drain_opts *o, struct node *n,
    struct strbuf *pending_nodes, struct strbuf *pending_errs)
{
	struct store *st = call->c->store;
	struct vec evict = VEC_INIT;
	struct groups errs = {{NULL}, {STRBUF_INIT}, 0}, warns = {{NULL}, {STRBUF_INIT}, 0};
	struct drain_wait w = {call, o, VEC_INIT, VEC_INIT, VEC_INIT};
	struct strbuf why = STRBUF_INIT;

	set_cordon(call, n, true, o->dry);
	pods_for_deletion(call, o, n->obj.meta.name, &evict, &errs, &warns);
	if (errs.n > 0) {
		if (errs.n > 1)
			sb_addc(&why, '[');
		format_errors(&errs, ", ", &why);
		if (errs.n > 1)
			sb_addc(&why, ']');
		/* The final aggregate names each error on its own line. */
		format_errors(&errs, "\n", pending_errs);
		sb_addc(pending_errs, '\n');
		goto failed;
	}
	if (warns.n > 0) {
		struct strbuf text = STRBUF_INIT;

		for (size_t i = 0; i < warns.n; i++)
			sb_addf(&text, "%s%s: %s", i ? "; " : "", warns.msg[i], sb_str(&warns.pods[i]));
		kctl_err(call->res, "Warning: %s\n", sb_str(&text));
		sb_free(&text);
	}
	/* deleteOrEvictPodsSimple and evictPods: a dry run names the pods and waits for none. */
	if (o->dry != KCTL_DRY_NONE) {
		for (size_t i = 0; i < evict.n; i++) {
			struct pod *p = evict.v[i];

			if (o->dry == KCTL_DRY_CLIENT || !o->by_delete)
				kctl_out(call->res, "evicting pod %s/%s%s\n", p->obj.meta.ns,
				    p->obj.meta.name, kctl_dry_run_suffix(o->dry));
		}
		kctl_out(call->res, "node/%s drained%s\n", n->obj.meta.name,
		    kctl_dry_run_suffix(o->dry));
		sb_free(&why);
		groups_free(&warns);
		vec_free(&evict);
		return true;
	}
	for (size_t i = 0; i < evict.n; i++) {
		struct pod *p = evict.v[i];

		if (!o->by_delete)
			kctl_out(call->res, "evicting pod %s/%s\n", p->obj.meta.ns, p->obj.meta.name);
		vec_push(&w.uids, xstrdup(p->obj.meta.uid));
		vec_push(&w.names, xstrdup(p->obj.meta.name));
		vec_push(&w.nss, xstrdup(p->obj.meta.ns));
	}
	for (size_t i = 0; i < w.uids.n; i++) {
		struct object *obj = store_get_uid(st, w.uids.v[i]);

		/* An eviction is a DELETE with the pod's DeleteOptions once its budget allows it. */
		if (obj != NULL) {
			struct api_delete_opts del = {false, o->grace, API_PROPAGATE_DEFAULT, NULL};
			struct api_status status;

			api_status_init(&status);
			api_delete(call->c, obj, &del, &status);
			api_status_free(&status);
		}
	}
	kctl_flush(call);
	if (!cluster_advance_until(call->c,
		cluster_now(call->c) + (o->timeout_ms > 0 ? o->timeout_ms : DRAIN_WAIT_MAX_MS),
		drain_wait_done, &w)) {
		char limit[32];
		struct vec still = VEC_INIT;
		struct groups e2 = {{NULL}, {STRBUF_INIT}, 0}, w2 = {{NULL}, {STRBUF_INIT}, 0};

		dur_go(o->timeout_ms > 0 ? o->timeout_ms : DRAIN_WAIT_MAX_MS, limit, sizeof limit);
		/* Eviction waits per pod under a global deadline; plain deletes poll until it. */
		for (size_t i = 0; i < w.names.n; i++) {
			if (o->by_delete) {
				if (i == 0)
					sb_add(&why, "timed out waiting for the condition");
				continue;
			}
			sb_addf(&why, "%serror when waiting for pod \"%s\" in namespace \"%s\" to terminate: global timeout reached: %s",
			    i ? ", " : (w.names.n > 1 ? "[" : ""), (char *)w.names.v[i], (char *)w.nss.v[i], limit);
		}
		if (!o->by_delete && w.names.n > 1)
			sb_addc(&why, ']');
		pods_for_deletion(call, o, n->obj.meta.name, &still, &e2, &w2);
		if (still.n > 0) {
			kctl_err(call->res, "There are pending pods in node \"%s\" when an error occurred: %s\n",
			    n->obj.meta.name, sb_str(&why));
			for (size_t i = 0; i < still.n; i++)
				kctl_err(call->res, "pod/%s\n", ((struct pod *)still.v[i])->obj.meta.name);
		}
		sb_addf(pending_errs, "%s\n", sb_str(&why));
		groups_free(&e2);
		groups_free(&w2);
		vec_free(&still);
		goto failed;
	}
	kctl_out(call->res, "node/%s drained\n", n->obj.meta.name);
	vec_free(&w.uids);
	vec_free(&w.names);
	vec_free(&w.nss);
	sb_free(&why);
	groups_free(&warns);
	vec_free(&evict);
	return true;

failed:
	kctl_err(call->res, "error: unable to drain node \"%s\" due to error: %s, continuing command...\n",
	    n->obj.meta.name, sb_str(&why));
	sb_addf(pending_nodes, " %s\n", n->obj.meta.name);
	for (size_t i = 0; i < w.uids.n; i++) {
		free(w.uids.v[i]);
		free(w.names.v[i]);
		free(w.nss.v[i]);
	}
	vec_free(&w.uids);
	vec_free(&w.names);
	vec_free(&w.nss);
	sb_free(&why);
	groups_free(&errs);
	groups_free(&warns);
	vec_free(&evict);
	return false;
}

static int
drain_exec(struct kctl_call *call)
{
	struct vec nodes = VEC_INIT;
	struct strbuf pending_nodes = STRBUF_INIT, pending_errs = STRBUF_INIT;
	struct drain_opts o = {0};
	const char *pod_selector = kctl_str(call, "pod-selector");
	struct ks_err err;
	bool ok = true;

	if (check_node_args(call) != 0)
		return 1;
	if (kctl_dry_run(call, &o.dry) < 0)
		return 1;
	o.ignore_ds = kctl_bool(call, "ignore-daemonsets");
	o.force = kctl_bool(call, "force");
	o.local_ok = kctl_bool(call, "delete-emptydir-data");
	o.by_delete = kctl_bool(call, "disable-eviction");
	o.grace = kctl_int(call, "grace-period");
	o.skip_wait_s = kctl_int(call, "skip-wait-for-delete-timeout");
	if (dur_parse(kctl_str(call, "timeout"), &o.timeout_ms, &err) < 0)
		return kctl_error(call, "invalid argument \"%s\" for \"--timeout\" flag: %s",
		    kctl_str(call, "timeout"), err.msg);
	if (pod_selector[0] != '\0') {
		/* drain.go Complete: labels.Parse's error is not shown. */
		if (sel_parse(pod_selector, &o.pod_sel, &err) < 0)
			return kctl_error(call, "--pod-selector=<pod_selector> must be a valid label selector");
		o.has_pod_sel = true;
	}
	if (pick_nodes(call, &nodes) == 0) {
		for (size_t i = 0; i < nodes.n; i++)
			if (!drain_node(call, &o, nodes.v[i], &pending_nodes, &pending_errs))
				ok = false;
		if (!ok) {
			/* RunDrain's summary, then the aggregate error, one per line and no prefix. */
			kctl_err(call->res, "There are pending nodes to be drained:\n%s%s",
			    sb_str(&pending_nodes), sb_str(&pending_errs));
			call->res->status = 1;
		}
	}
	if (o.has_pod_sel)
		sel_free(&o.pod_sel);
	sb_free(&pending_nodes);
	sb_free(&pending_errs);
	vec_free(&nodes);
	return call->res->status;
}

const struct kctl_verb kctl_cordon_verb = {
	.name = "cordon",
	.short_help = "Mark node as unschedulable",
	.usage = "kubectl cordon NODE [options]",
	.flags = cordon_flags,
	.exec = cordon_exec,
};

const struct kctl_verb kctl_uncordon_verb = {
	.name = "uncordon",
	.short_help = "Mark node as schedulable",
	.usage = "kubectl uncordon NODE [options]",
	.flags = cordon_flags,
	.exec = cordon_exec,
};

const struct kctl_verb kctl_drain_verb = {
	.name = "drain",
	.short_help = "Drain node in preparation for maintenance",
	.usage = "kubectl drain NODE [options]",
	.flags = drain_flags,
	.exec = drain_exec,
};
