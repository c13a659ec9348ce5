/*
 * nsctrl.c - the namespace controller.
 *
 * When a namespace is deleted the API server marks it Terminating and keeps
 * it while spec.finalizers holds "kubernetes". The controller's deleter
 * (pkg/controller/namespace/deletion/namespaced_resources_deleter.go)
 * deletes every namespaced resource in it, collection by collection, then
 * reports what is left in the namespace's conditions; while content remains
 * (pods still terminating) it tries again later, and once nothing is left it
 * removes the finalizer (finalizeNamespace) and the namespace is gone. Each
 * pass runs controllerDelay after the change that causes it: the namespace's
 * deletion, or an object of a terminating namespace going away.
 */
#include "control/nsctrl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/namespace.h"
#include "api/store.h"
#include "control/env.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

struct ns_job {
	struct nsctrl *nc;
	char *ns;
	sim_id timer;
};

struct nsctrl {
	const struct ctl_env *env;
	struct map jobs; /* namespace name -> struct ns_job */
};

/* The namespaced kinds in discovery order: core/v1 first, then apps/v1, then coordination. */
static const enum kind content_kinds[] = {KIND_EVENT, KIND_POD, KIND_CONTROLLERREVISION,
	KIND_DAEMONSET, KIND_LEASE};

/* The resource as the deleter names it in its messages: "pods.", "daemonsets.apps". */
static const char *
gr_name(enum kind k, char *buf, size_t len)
{
	const char *r = kind_resource(k);

	snprintf(buf, len, "%s%s", r, strchr(r, '.') != NULL ? "" : ".");
	return buf;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * updateConditions with the deleter's outcome: every pass sets all five
 * conditions, False with its "ok" reason unless the pass found otherwise.
 */
static bool
set_conditions(struct namespace *ns, const char *remaining, sim_ms now)
{
	bool changed = false;

	changed |= ns_set_cond(ns, "NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered",
	    "All resources successfully discovered", now);
	changed |= ns_set_cond(ns, "NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions",
	    "All legacy kube types successfully parsed", now);
	changed |= ns_set_cond(ns, "NamespaceDeletionContentFailure", "False", "ContentDeleted",
	    "All content successfully deleted, may be waiting on finalization", now);
	if (remaining != NULL)
		changed |= ns_set_cond(ns, "NamespaceContentRemaining", "True",
		    "SomeResourcesRemain", remaining, now);
	else
		changed |= ns_set_cond(ns, "NamespaceContentRemaining", "False", "ContentRemoved",
		    "All content successfully removed", now);
	changed |= ns_set_cond(ns, "NamespaceFinalizersRemaining", "False",
	    "ContentHasNoFinalizers", "All content-preserving finalizers finished", now);
	return changed;
}

static void
nsctrl_run(struct sim *sim, void *arg)
{
	struct ns_job *job = arg;
	struct nsctrl *nc = job->nc;
	struct store *st = nc->env->store;
	struct namespace *ns = (struct namespace *)store_get(st, KIND_NAMESPACE, NULL, job->ns);
	struct vec objs = VEC_INIT, left = VEC_INIT;
	struct strbuf msg = STRBUF_INIT;
	sim_ms now = sim_now(sim);
	bool changed;

	map_del(&nc->jobs, job->ns);
	if (ns == NULL || !meta_deleting(&ns->obj.meta))
		goto out;
	/* deleteAllContent: a DeleteCollection per resource (background propagation). */
	for (size_t k = 0; k < sizeof content_kinds / sizeof content_kinds[0]; k++) {
		store_list(st, content_kinds[k], job->ns, &objs);
		for (size_t i = 0; i < objs.n; i++) {
			struct object *o = objs.v[i];

			if (!meta_deleting(&o->meta))
				store_delete(st, o, -1);
		}
	}
	/* What is left: "Some resources are remaining: pods. has 2 resource instances". */
	for (size_t k = 0; k < sizeof content_kinds / sizeof content_kinds[0]; k++) {
		char gr[96];

		store_list(st, content_kinds[k], job->ns, &objs);
		if (objs.n > 0)
			vec_push(&left, xasprintf("%s has %zu resource instances",
					    gr_name(content_kinds[k], gr, sizeof gr), objs.n));
	}
	vec_sort(&left, cmp_str);
	if (left.n > 0) {
		sb_add(&msg, "Some resources are remaining: ");
		for (size_t i = 0; i < left.n; i++)
			sb_addf(&msg, "%s%s", i ? ", " : "", (const char *)left.v[i]);
	}
	/* updateConditions writes only a change; finalizeNamespace then removes the namespace. */
	changed = set_conditions(ns, left.n > 0 ? sb_str(&msg) : NULL, now);
	if (left.n == 0)
		changed |= ns_remove_spec_finalizer(ns, NS_FINALIZER);
	if (changed)
		store_update(st, &ns->obj);
out:
	for (size_t i = 0; i < left.n; i++)
		free(left.v[i]);
	vec_free(&left);
	vec_free(&objs);
	sb_free(&msg);
	free(job->ns);
	free(job);
}

static void
nsctrl_schedule(struct nsctrl *nc, const char *ns)
{
	struct ns_job *job;

	if (map_has(&nc->jobs, ns))
		return;
	job = xcalloc(1, sizeof *job);
	job->nc = nc;
	job->ns = xstrdup(ns);
	map_put(&nc->jobs, ns, job);
	job->timer = sim_after(nc->env->sim, nc->env->timing->controller_delay, nsctrl_run, job);
}

static void
nsctrl_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct nsctrl *nc = ctx;
	const struct object *ns;

	if (obj->kind == KIND_NAMESPACE) {
		const struct namespace *n = (const struct namespace *)obj;

		/* Only the deletion itself; the controller's own condition writes are not news. */
		if (op == STORE_MODIFIED && meta_deleting(&obj->meta) && n->n_spec_finalizers > 0 &&
		    n->n_conds == 0)
			nsctrl_schedule(nc, obj->meta.name);
		return;
	}
	/* Content of a terminating namespace went away: look again. */
	if (op != STORE_DELETED || obj->meta.ns == NULL || obj->kind == KIND_EVENT)
		return;
	ns = store_get(nc->env->store, KIND_NAMESPACE, NULL, obj->meta.ns);
	if (ns != NULL && meta_deleting(&ns->meta))
		nsctrl_schedule(nc, obj->meta.ns);
}

struct nsctrl *
nsctrl_new(const struct ctl_env *env)
{
	struct nsctrl *nc = xcalloc(1, sizeof *nc);

	nc->env = env;
	map_init(&nc->jobs);
	store_watch(env->store, nsctrl_watch, nc);
	return nc;
}

void
nsctrl_free(struct nsctrl *nc)
{
	const char *key;
	void *value;

	if (nc == NULL)
		return;
	for (size_t it = 0; map_next(&nc->jobs, &it, &key, &value);) {
		struct ns_job *job = value;

		sim_cancel(nc->env->sim, job->timer);
		free(job->ns);
		free(job);
	}
	map_free(&nc->jobs);
	free(nc);
}
