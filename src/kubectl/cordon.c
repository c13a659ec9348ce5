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
#include "kubectl/kctl.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define DRAIN_WAIT_MAX_MS (60 * 60 * 1000)

static const struct kctl_flag cordon_flags[] = {
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag drain_flags[] = {
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on", NULL},
	{"ignore-daemonsets", 0, KF_BOOL, NULL, "Ignore DaemonSet-managed pods.", NULL},
	{"force", 0, KF_BOOL, NULL, "Continue even if there are pods that do not declare a controller.", NULL},
	{"delete-emptydir-data", 0, KF_BOOL, NULL, "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).", NULL},
	{"grace-period", 0, KF_INT, "-1", "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.", NULL},
	{"disable-eviction", 0, KF_BOOL, NULL, "Force drain to use delete, even if eviction is supported.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* The nodes named by the arguments or by -l; reports the missing ones. */
static int
pick_nodes(struct kctl_call *call, struct vec *out)
{
	struct store *st = call->c->store;
	const char *selector = kctl_str(call, "selector");

	if (selector[0] != '\0') {
		struct label_selector sel;
		struct vec all = VEC_INIT;
		struct ks_err err;

		if (sel_parse(selector, &sel, &err) < 0)
			return kctl_error(call, "%s", err.msg);
		store_list_sorted(st, KIND_NODE, NULL, &all);
		for (size_t i = 0; i < all.n; i++)
			if (sel_matches(&sel, &((struct object *)all.v[i])->meta.labels))
				vec_push(out, all.v[i]);
		vec_free(&all);
		sel_free(&sel);
		return 0;
	}
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
			if (kctl_resource(type, &k) < 0 || k != KIND_NODE)
				return kctl_error(call, "the server doesn't have a resource type \"%s\"", type);
			name = slash + 1;
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

/* RunCordonOrUncordon for one node. */
static void
set_cordon(struct kctl_call *call, struct node *n, bool cordon)
{
	const char *verb = cordon ? "cordoned" : "uncordoned";

	if (n->unschedulable == cordon) {
		kctl_out(call->res, "node/%s already %s\n", n->obj.meta.name, verb);
		return;
	}
	n->unschedulable = cordon;
	store_update(call->c->store, &n->obj);
	kctl_out(call->res, "node/%s %s\n", n->obj.meta.name, verb);
}

static int
cordon_exec(struct kctl_call *call)
{
	struct vec nodes = VEC_INIT;
	bool cordon = strcmp(call->verb->name, "cordon") == 0;

	if (pick_nodes(call, &nodes) != 0) {
		vec_free(&nodes);
		return 1;
	}
	for (size_t i = 0; i < nodes.n; i++)
		set_cordon(call, nodes.v[i], cordon);
	vec_free(&nodes);
	return call->res->status;
}

/* ---- drain ---- */

/* pkg/drain/filters.go */
static const char ds_fatal[] = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
static const char ds_warning[] = "ignoring DaemonSet-managed Pods";
static const char local_fatal[] = "Pods with local storage (use --delete-emptydir-data to override)";
static const char local_warning[] = "deleting Pods with local storage";
static const char unmanaged_fatal[] = "Pods declare no controller (use --force to override)";
static const char unmanaged_warning[] = "deleting Pods that declare no controller";

/* Messages and the pods they name, grouped as podDeleteList groups them. */
struct groups {
	const char *msg[8];
	struct strbuf pods[8];
	size_t n;
};

static void
group_add(struct groups *g, const char *msg, const struct pod *p)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (g->msg[i] == msg)
			break;
	if (i == g->n) {
		g->msg[g->n] = msg;
		sb_init(&g->pods[g->n]);
		g->n++;
	}
	sb_addf(&g->pods[i], "%s%s/%s", g->pods[i].len ? ", " : "", p->obj.meta.ns, p->obj.meta.name);
}

static void
groups_free(struct groups *g)
{
	for (size_t i = 0; i < g->n; i++)
		sb_free(&g->pods[i]);
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

/*
 * Drain one node; false when some pods could not be deleted, with the node
 * added to pending_nodes and the errors to pending_errs.
 */
static bool
drain_node(struct kctl_call *call, struct node *n, struct strbuf *pending_nodes,
    struct strbuf *pending_errs)
{
	struct store *st = call->c->store;
	const struct vec *on = store_pods_on_node(st, n->obj.meta.name);
	struct vec pods = VEC_INIT, evict = VEC_INIT, uids = VEC_INIT, names = VEC_INIT;
	struct groups errs = {{NULL}, {STRBUF_INIT}, 0}, warns = {{NULL}, {STRBUF_INIT}, 0};
	bool ignore_ds = kctl_bool(call, "ignore-daemonsets");
	bool force = kctl_bool(call, "force");
	bool local_ok = kctl_bool(call, "delete-emptydir-data");
	bool by_delete = kctl_bool(call, "disable-eviction");
	long grace = kctl_int(call, "grace-period");

	set_cordon(call, n, true);
	for (size_t i = 0; on != NULL && i < on->n; i++)
		vec_push(&pods, on->v[i]);
	vec_sort(&pods, cmp_pod_name);
	for (size_t i = 0; i < pods.n; i++) {
		struct pod *p = pods.v[i];
		const struct owner_ref *ref = meta_controller(&p->obj.meta);

		/* Already going: nothing to do (skip-deleted is for the waiting only). */
		if (meta_deleting(&p->obj.meta))
			continue;
		if (ref != NULL && strcmp(ref->kind, "DaemonSet") == 0 && !pod_is_terminal(p)) {
			if (!ignore_ds)
				group_add(&errs, ds_fatal, p);
			else
				group_add(&warns, ds_warning, p);
			continue;
		}
		if (has_empty_dir(p) && !pod_is_terminal(p)) {
			if (!local_ok) {
				group_add(&errs, local_fatal, p);
				continue;
			}
			group_add(&warns, local_warning, p);
		}
		if (ref == NULL && !pod_is_terminal(p)) {
			if (!force) {
				group_add(&errs, unmanaged_fatal, p);
				continue;
			}
			group_add(&warns, unmanaged_warning, p);
		}
		vec_push(&evict, p);
	}
	if (errs.n > 0) {
		struct strbuf all = STRBUF_INIT;

		sb_init(&all);
		if (errs.n > 1)
			sb_addc(&all, '[');
		for (size_t i = 0; i < errs.n; i++)
			sb_addf(&all, "%scannot delete %s: %s", i ? ", " : "", errs.msg[i],
			    sb_str(&errs.pods[i]));
		if (errs.n > 1)
			sb_addc(&all, ']');
		kctl_err(call->res, "error: unable to drain node \"%s\" due to error: %s, continuing command...\n",
		    n->obj.meta.name, sb_str(&all));
		sb_addf(pending_nodes, " %s\n", n->obj.meta.name);
		/* The final aggregate names each error on its own line. */
		for (size_t i = 0; i < errs.n; i++)
			sb_addf(pending_errs, "cannot delete %s: %s\n", errs.msg[i],
			    sb_str(&errs.pods[i]));
		sb_free(&all);
		groups_free(&errs);
		groups_free(&warns);
		vec_free(&pods);
		vec_free(&evict);
		return false;
	}
	if (warns.n > 0) {
		struct strbuf w = STRBUF_INIT;

		sb_init(&w);
		for (size_t i = 0; i < warns.n; i++)
			sb_addf(&w, "%s%s: %s", i ? "; " : "", warns.msg[i], sb_str(&warns.pods[i]));
		kctl_err(call->res, "Warning: %s\n", sb_str(&w));
		sb_free(&w);
	}
	for (size_t i = 0; i < evict.n; i++) {
		struct pod *p = evict.v[i];

		if (!by_delete)
			kctl_out(call->res, "evicting pod %s/%s\n", p->obj.meta.ns, p->obj.meta.name);
		vec_push(&uids, xstrdup(p->obj.meta.uid));
		vec_push(&names, xstrdup(p->obj.meta.name));
	}
	for (size_t i = 0; i < uids.n; i++) {
		struct object *o = store_get_uid(st, uids.v[i]);

		if (o != NULL)
			store_delete(st, o, grace);
	}
	if (uids.n > 0) {
		kctl_flush(call);
		cluster_wait_gone(call->c, (char *const *)uids.v, uids.n, DRAIN_WAIT_MAX_MS);
	}
	for (size_t i = 0; i < names.n; i++) {
		kctl_out(call->res, "pod/%s %s\n", (char *)names.v[i], by_delete ? "deleted" : "evicted");
		free(names.v[i]);
		free(uids.v[i]);
	}
	kctl_out(call->res, "node/%s drained\n", n->obj.meta.name);
	groups_free(&errs);
	groups_free(&warns);
	vec_free(&pods);
	vec_free(&evict);
	vec_free(&uids);
	vec_free(&names);
	return true;
}

static int
drain_exec(struct kctl_call *call)
{
	struct vec nodes = VEC_INIT;
	struct strbuf pending_nodes = STRBUF_INIT, pending_errs = STRBUF_INIT;
	bool ok = true;

	if (pick_nodes(call, &nodes) != 0) {
		vec_free(&nodes);
		return 1;
	}
	for (size_t i = 0; i < nodes.n; i++)
		if (!drain_node(call, nodes.v[i], &pending_nodes, &pending_errs))
			ok = false;
	if (!ok) {
		/* RunDrain's summary, then the aggregate error, one per line and no prefix. */
		kctl_err(call->res, "There are pending nodes to be drained:\n%s%s", sb_str(&pending_nodes),
		    sb_str(&pending_errs));
		call->res->status = 1;
	}
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
