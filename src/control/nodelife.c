/*
 * nodelife.c - a node's Ready condition and the taints that follow it.
 *
 * A kubelet registers its node NotReady with the
 * node.kubernetes.io/not-ready:NoSchedule taint (so nothing is scheduled
 * before the node can run it) and reports Ready once its runtime and
 * network are up: nodeJoin later here. The node lifecycle controller keeps
 * the not-ready taints in step with the condition (doNoScheduleTaintingPass,
 * doNoExecuteTaintingPass): NoSchedule and NoExecute while Ready is False,
 * none once it is True. Losing heartbeats (Ready=Unknown, the unreachable
 * taints) is not modelled yet: scenarios reject failNode and recoverNode.
 */
#include "control/nodelife.h"

#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/node.h"
#include "api/store.h"
#include "control/env.h"
#include "util/map.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define TAINT_NOT_READY "node.kubernetes.io/not-ready"
#define TAINT_UNSCHEDULABLE "node.kubernetes.io/unschedulable"

struct join {
	struct nodelife *nl;
	char *node;
	sim_id timer;
};

struct taint_sync {
	struct nodelife *nl;
	char *node;
	sim_id timer;
};

struct nodelife {
	const struct ctl_env *env;
	struct vec joins; /* pending struct join, owned */
	struct map syncs; /* node -> struct taint_sync pending */
};

static void
sync_taints(struct nodelife *nl, struct node *n)
{
	bool ready = node_is_ready(n);
	sim_ms now = sim_now(nl->env->sim);
	bool changed = false;

	if (ready) {
		changed |= node_remove_taint(n, TAINT_NOT_READY, EFFECT_ALL);
	} else {
		static const enum taint_effect effects[] = {EFFECT_NO_SCHEDULE, EFFECT_NO_EXECUTE};

		for (size_t i = 0; i < 2; i++) {
			if (node_find_taint(n, TAINT_NOT_READY, effects[i]) == NULL) {
				struct taint t;

				taint_init(&t, TAINT_NOT_READY, "", effects[i]);
				t.time_added_ms = now;
				node_add_taint(n, &t);
				taint_free(&t);
				changed = true;
			}
		}
	}
	if (changed)
		store_update(nl->env->store, &n->obj);
}

static void
join_done(struct sim *sim, void *arg)
{
	struct join *j = arg;
	struct nodelife *nl = j->nl;
	struct node *n = (struct node *)store_get(nl->env->store, KIND_NODE, NULL, j->node);

	if (n != NULL) {
		node_set_cond(n, "Ready", "True", "KubeletReady", "kubelet is posting ready status",
		    sim_now(sim));
		node_remove_taint(n, TAINT_NOT_READY, EFFECT_ALL);
		store_update(nl->env->store, &n->obj);
		event_record(nl->env->rec, &n->obj, "Normal", "NodeReady", "kubelet",
		    "Node %s status is now: NodeReady", n->obj.meta.name);
	}
	for (size_t i = 0; i < nl->joins.n; i++)
		if (nl->joins.v[i] == j)
			vec_swap_remove(&nl->joins, i);
	free(j->node);
	free(j);
}

void
nodelife_joined(struct nodelife *nl, const char *node, bool ready)
{
	struct node *n = (struct node *)store_get(nl->env->store, KIND_NODE, NULL, node);
	struct join *j;

	if (n == NULL)
		return;
	event_record(nl->env->rec, &n->obj, "Normal", "RegisteredNode", "node-controller",
	    "Node %s event: Registered Node %s in Controller", node, node);
	sync_taints(nl, n);
	if (!ready)
		return;
	j = xcalloc(1, sizeof *j);
	j->nl = nl;
	j->node = xstrdup(node);
	j->timer = sim_after(nl->env->sim, nl->env->timing->node_join, join_done, j);
	vec_push(&nl->joins, j);
}

/*
 * doNoScheduleTaintingPass for cordons: spec.unschedulable and the
 * node.kubernetes.io/unschedulable:NoSchedule taint go together, a
 * controllerDelay after the node changed.
 */
static void
unschedulable_sync(struct sim *sim, void *arg)
{
	struct taint_sync *ts = arg;
	struct nodelife *nl = ts->nl;
	struct node *n = (struct node *)store_get(nl->env->store, KIND_NODE, NULL, ts->node);

	(void)sim;
	map_del(&nl->syncs, ts->node);
	if (n != NULL) {
		bool has = node_find_taint(n, TAINT_UNSCHEDULABLE, EFFECT_NO_SCHEDULE) != NULL;

		if (n->unschedulable && !has) {
			struct taint t;

			taint_init(&t, TAINT_UNSCHEDULABLE, "", EFFECT_NO_SCHEDULE);
			node_add_taint(n, &t);
			taint_free(&t);
			store_update(nl->env->store, &n->obj);
		} else if (!n->unschedulable && has) {
			node_remove_taint(n, TAINT_UNSCHEDULABLE, EFFECT_NO_SCHEDULE);
			store_update(nl->env->store, &n->obj);
		}
	}
	free(ts->node);
	free(ts);
}

static void
nodelife_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct nodelife *nl = ctx;
	struct node *n = (struct node *)obj;
	struct taint_sync *ts;

	if (obj->kind != KIND_NODE || op == STORE_DELETED)
		return;
	if (n->unschedulable == (node_find_taint(n, TAINT_UNSCHEDULABLE, EFFECT_NO_SCHEDULE) != NULL))
		return;
	if (map_has(&nl->syncs, obj->meta.name))
		return;
	ts = xcalloc(1, sizeof *ts);
	ts->nl = nl;
	ts->node = xstrdup(obj->meta.name);
	map_put(&nl->syncs, ts->node, ts);
	ts->timer = sim_after(nl->env->sim, nl->env->timing->controller_delay, unschedulable_sync, ts);
}

struct nodelife *
nodelife_new(const struct ctl_env *env)
{
	struct nodelife *nl = xcalloc(1, sizeof *nl);

	nl->env = env;
	map_init(&nl->syncs);
	store_watch(env->store, nodelife_watch, nl);
	return nl;
}

void
nodelife_free(struct nodelife *nl)
{
	if (nl == NULL)
		return;
	for (size_t i = 0; i < nl->joins.n; i++) {
		struct join *j = nl->joins.v[i];

		sim_cancel(nl->env->sim, j->timer);
		free(j->node);
		free(j);
	}
	vec_free(&nl->joins);
	{
		const char *key;
		void *value;

		for (size_t it = 0; map_next(&nl->syncs, &it, &key, &value);) {
			struct taint_sync *ts = value;

			sim_cancel(nl->env->sim, ts->timer);
			free(ts->node);
			free(ts);
		}
		map_free(&nl->syncs);
	}
	free(nl);
}
