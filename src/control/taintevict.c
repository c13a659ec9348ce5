/*
 * taintevict.c - NoExecute taints evict pods, after
 * pkg/controller/tainteviction/taint_eviction.go (processPodOnNode).
 *
 * For each pod bound to a node with NoExecute taints: if some taint is not
 * tolerated, the pod is deleted at once; if all are tolerated and some
 * toleration has tolerationSeconds, deletion is scheduled that long after
 * the controller saw it (the minimum over the tolerations used); if the
 * taints go first, the deletion is cancelled. Either way an event
 * TaintManagerEviction says so on the pod. Daemon pods tolerate the
 * unreachable and not-ready taints forever, so they stay; ordinary pods get
 * 300 s from DefaultTolerationSeconds admission. Work happens a
 * controllerDelay after the change, never inside the store's notification.
 */
#include "control/taintevict.h"

#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "control/env.h"
#include "util/duration.h"
#include "util/map.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const char component[] = "taint-eviction-controller";

/* A pod's scheduled deletion. */
struct eviction {
	struct taintevict *te;
	char *uid;
	sim_id timer;
};

/* A node or pod to look at again. */
struct recheck {
	struct taintevict *te;
	char *node;
	sim_id timer;
};

struct taintevict {
	const struct ctl_env *env;
	struct map evictions; /* pod uid -> struct eviction */
	struct map rechecks;  /* node name -> struct recheck */
};

static void
eviction_drop(struct taintevict *te, const char *uid)
{
	struct eviction *ev = map_del(&te->evictions, uid);

	if (ev == NULL)
		return;
	if (ev->timer != 0)
		sim_cancel(te->env->sim, ev->timer);
	free(ev->uid);
	free(ev);
}

static void
evict_now(struct taintevict *te, struct pod *p)
{
	event_record(te->env->rec, &p->obj, "Normal", "TaintManagerEviction", component,
	    "Marking for deletion Pod %s/%s", p->obj.meta.ns, p->obj.meta.name);
	store_delete(te->env->store, &p->obj, -1);
}

static void
eviction_fire(struct sim *sim, void *arg)
{
	struct eviction *ev = arg;
	struct taintevict *te = ev->te;
	struct object *o = store_get_uid(te->env->store, ev->uid);

	(void)sim;
	ev->timer = 0;
	eviction_drop(te, ev->uid);
	if (o != NULL && o->kind == KIND_POD && !meta_deleting(&o->meta))
		evict_now(te, (struct pod *)o);
}

/* processPodOnNode for one pod. */
static void
process_pod(struct taintevict *te, struct pod *p, const struct node *n)
{
	int64_t min_seconds = -1;
	bool any = false;

	if (meta_deleting(&p->obj.meta) || pod_is_terminal(p))
		return;
	for (size_t i = 0; n != NULL && i < n->n_taints; i++) {
		const struct taint *t = &n->taints[i];
		bool tolerated = false;

		if (t->effect != EFFECT_NO_EXECUTE)
			continue;
		any = true;
		for (size_t j = 0; j < p->spec.n_tolerations; j++) {
			const struct toleration *tol = &p->spec.tolerations[j];

			if (!toleration_tolerates(tol, t))
				continue;
			tolerated = true;
			/* getMinTolerationTime over the tolerations in use; none means forever. */
			if (tol->has_seconds && (min_seconds < 0 || tol->seconds < min_seconds))
				min_seconds = tol->seconds < 0 ? 0 : tol->seconds;
		}
		if (!tolerated) {
			eviction_drop(te, p->obj.meta.uid);
			evict_now(te, p);
			return;
		}
	}
	if (!any || min_seconds < 0) {
		/* No NoExecute taint (any more), or tolerated forever: cancel a pending eviction. */
		if (map_has(&te->evictions, p->obj.meta.uid)) {
			eviction_drop(te, p->obj.meta.uid);
			event_record(te->env->rec, &p->obj, "Normal", "TaintManagerEviction", component,
			    "Cancelling deletion of Pod %s/%s", p->obj.meta.ns, p->obj.meta.name);
		}
		return;
	}
	if (map_has(&te->evictions, p->obj.meta.uid))
		return;
	{
		struct eviction *ev = xcalloc(1, sizeof *ev);

		ev->te = te;
		ev->uid = xstrdup(p->obj.meta.uid);
		map_put(&te->evictions, ev->uid, ev);
		ev->timer = sim_after(te->env->sim, dur_from_seconds(min_seconds), eviction_fire, ev);
	}
}

static void
recheck_fire(struct sim *sim, void *arg)
{
	struct recheck *rc = arg;
	struct taintevict *te = rc->te;
	const struct node *n = (const struct node *)store_get(te->env->store, KIND_NODE, NULL, rc->node);
	const struct vec *on = store_pods_on_node(te->env->store, rc->node);
	struct vec uids = VEC_INIT;

	(void)sim;
	map_del(&te->rechecks, rc->node);
	/* By uid: evicting one pod may remove it from the index at once. */
	for (size_t i = 0; on != NULL && i < on->n; i++)
		vec_push(&uids, xstrdup(((struct pod *)on->v[i])->obj.meta.uid));
	for (size_t i = 0; i < uids.n; i++) {
		struct object *o = store_get_uid(te->env->store, uids.v[i]);

		if (o != NULL && o->kind == KIND_POD)
			process_pod(te, (struct pod *)o, n);
		free(uids.v[i]);
	}
	vec_free(&uids);
	free(rc->node);
	free(rc);
}

static void
recheck(struct taintevict *te, const char *node)
{
	struct recheck *rc;

	if (map_has(&te->rechecks, node))
		return;
	rc = xcalloc(1, sizeof *rc);
	rc->te = te;
	rc->node = xstrdup(node);
	map_put(&te->rechecks, node, rc);
	rc->timer = sim_after(te->env->sim, te->env->timing->controller_delay, recheck_fire, rc);
}

static bool
has_no_execute(const struct node *n)
{
	for (size_t i = 0; i < n->n_taints; i++)
		if (n->taints[i].effect == EFFECT_NO_EXECUTE)
			return true;
	return false;
}

static void
taintevict_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct taintevict *te = ctx;

	if (obj->kind == KIND_NODE) {
		/* Taints changed, or went: look at the node's pods again. */
		if (op != STORE_DELETED)
			recheck(te, obj->meta.name);
		return;
	}
	if (obj->kind != KIND_POD)
		return;
	if (op == STORE_DELETED) {
		eviction_drop(te, obj->meta.uid);
		return;
	}
	{
		const struct pod *p = (const struct pod *)obj;
		const struct node *n;

		if (p->spec.node_name == NULL)
			return;
		n = (const struct node *)store_get(te->env->store, KIND_NODE, NULL, p->spec.node_name);
		if (n != NULL && (has_no_execute(n) || map_has(&te->evictions, obj->meta.uid)))
			recheck(te, p->spec.node_name);
	}
}

struct taintevict *
taintevict_new(const struct ctl_env *env)
{
	struct taintevict *te = xcalloc(1, sizeof *te);

	te->env = env;
	map_init(&te->evictions);
	map_init(&te->rechecks);
	store_watch(env->store, taintevict_watch, te);
	return te;
}

void
taintevict_free(struct taintevict *te)
{
	const char *key;
	void *value;

	if (te == NULL)
		return;
	for (size_t it = 0; map_next(&te->evictions, &it, &key, &value);) {
		struct eviction *ev = value;

		if (ev->timer != 0)
			sim_cancel(te->env->sim, ev->timer);
		free(ev->uid);
		free(ev);
	}
	map_free(&te->evictions);
	for (size_t it = 0; map_next(&te->rechecks, &it, &key, &value);) {
		struct recheck *rc = value;

		sim_cancel(te->env->sim, rc->timer);
		free(rc->node);
		free(rc);
	}
	map_free(&te->rechecks);
	free(te);
}
