/*
 * gc.c - cascading deletion of a DaemonSet's pods.
 *
 * The API server deletes an owner at once for background propagation; the
 * collector then finds dependents whose owner uid no longer exists and
 * deletes them (attemptToDeleteItem). For foreground propagation the owner
 * stays with a deletionTimestamp and the foregroundDeletion finalizer until
 * its blocking dependents are gone; for orphan propagation the collector
 * strips the ownerReferences and then the orphan finalizer. Each step runs
 * controllerDelay after the change that causes it, as the collector sees
 * changes through its informers.
 */
#include "control/gc.h"

#include <stdlib.h>
#include <string.h>

#include "api/lease.h"
#include "api/meta.h"
#include "api/pod.h"
#include "api/store.h"
#include "control/env.h"
#include "util/map.h"
#include "util/vec.h"
#include "util/xmalloc.h"

struct gc_job {
	struct gc *g;
	char *uid;  /* the owner's */
	char *node; /* the owner is this Node (its lease depends on it), else NULL */
	sim_id timer;
};

struct gc {
	const struct ctl_env *env;
	struct map jobs; /* owner uid -> struct gc_job */
};

/*
 * A node's lease names the Node as its owner (not as controller). Leases
 * are only ever node leases, named after their node in kube-node-lease, so
 * one lookup finds the dependent instead of a scan of every lease.
 */
static void
add_lease_of(const struct store *st, const char *uid, const char *node, struct vec *out)
{
	struct object *l = store_get(st, KIND_LEASE, LEASE_NODE_NAMESPACE, node);

	for (size_t i = 0; l != NULL && i < l->meta.n_owners; i++) {
		if (strcmp(l->meta.owners[i].uid, uid) == 0) {
			vec_push(out, l);
			return;
		}
	}
}

/* The pods and ControllerRevisions whose controller is uid. */
static void
copy_dependents(const struct store *st, const char *uid, struct vec *out)
{
	const struct vec *owned = store_pods_owned_by(st, uid);
	struct vec revs = VEC_INIT;

	vec_clear(out);
	if (owned != NULL)
		for (size_t i = 0; i < owned->n; i++)
			vec_push(out, owned->v[i]);
	store_list(st, KIND_CONTROLLERREVISION, NULL, &revs);
	for (size_t i = 0; i < revs.n; i++) {
		const struct owner_ref *ref = meta_controller(&((struct object *)revs.v[i])->meta);

		if (ref != NULL && strcmp(ref->uid, uid) == 0)
			vec_push(out, revs.v[i]);
	}
	vec_free(&revs);
}

static void
gc_run(struct sim *sim, void *arg)
{
	struct gc_job *job = arg;
	struct gc *g = job->g;
	struct store *st = g->env->store;
	struct object *owner = store_get_uid(st, job->uid);
	struct vec deps = VEC_INIT;

	(void)sim;
	map_del(&g->jobs, job->uid);
	copy_dependents(st, job->uid, &deps);
	if (job->node != NULL)
		add_lease_of(st, job->uid, job->node, &deps);
	if (owner == NULL) {
		/* Background: the owner is gone, so are its dependents. */
		for (size_t i = 0; i < deps.n; i++) {
			struct object *d = deps.v[i];

			if (!meta_deleting(&d->meta))
				store_delete(st, d, -1);
		}
	} else if (meta_deleting(&owner->meta) && meta_has_finalizer(&owner->meta, "orphan")) {
		for (size_t i = 0; i < deps.n; i++) {
			struct object *d = deps.v[i];

			meta_remove_owner(&d->meta, job->uid);
			store_update(st, d);
		}
		meta_remove_finalizer(&owner->meta, "orphan");
		store_update(st, owner);
	} else if (meta_deleting(&owner->meta) &&
	    meta_has_finalizer(&owner->meta, "foregroundDeletion")) {
		for (size_t i = 0; i < deps.n; i++) {
			struct object *d = deps.v[i];

			if (!meta_deleting(&d->meta))
				store_delete(st, d, -1);
		}
		/* Dependents removed at once above no longer block; terminating ones do. */
		copy_dependents(st, job->uid, &deps);
		if (deps.n == 0) {
			meta_remove_finalizer(&owner->meta, "foregroundDeletion");
			store_update(st, owner);
		}
	}
	free(job->uid);
	free(job->node);
	free(job);
	vec_free(&deps);
}

static void
gc_schedule(struct gc *g, const char *uid, const char *node)
{
	struct gc_job *job;

	if (map_has(&g->jobs, uid))
		return;
	job = xcalloc(1, sizeof *job);
	job->g = g;
	job->uid = xstrdup(uid);
	job->node = xstrdup_or_null(node);
	map_put(&g->jobs, uid, job);
	job->timer = sim_after(g->env->sim, g->env->timing->controller_delay, gc_run, job);
}

static void
gc_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct gc *g = ctx;

	if (obj->kind == KIND_DAEMONSET) {
		if (op == STORE_DELETED || (meta_deleting(&obj->meta) && obj->meta.n_finalizers > 0))
			gc_schedule(g, obj->meta.uid, NULL);
		return;
	}
	if (obj->kind == KIND_NODE) {
		if (op == STORE_DELETED)
			gc_schedule(g, obj->meta.uid, obj->meta.name);
		return;
	}
	/* A dependent of a foreground-deleting owner went away: re-check the owner. */
	if (obj->kind == KIND_POD && op == STORE_DELETED) {
		const struct owner_ref *ref = meta_controller(&obj->meta);
		struct object *owner;

		if (ref == NULL)
			return;
		owner = store_get_uid(g->env->store, ref->uid);
		if (owner != NULL && meta_deleting(&owner->meta) &&
		    meta_has_finalizer(&owner->meta, "foregroundDeletion"))
			gc_schedule(g, ref->uid, NULL);
	}
}

struct gc *
gc_new(const struct ctl_env *env)
{
	struct gc *g = xcalloc(1, sizeof *g);

	g->env = env;
	map_init(&g->jobs);
	store_watch(env->store, gc_watch, g);
	return g;
}

void
gc_free(struct gc *g)
{
	const char *key;
	void *value;

	if (g == NULL)
		return;
	for (size_t it = 0; map_next(&g->jobs, &it, &key, &value);) {
		struct gc_job *job = value;

		sim_cancel(g->env->sim, job->timer);
		free(job->uid);
		free(job->node);
		free(job);
	}
	map_free(&g->jobs);
	free(g);
}
