/*
 * nodelife.c - a node's Ready condition and the taints that follow it.
 *
 * A kubelet registers its node NotReady with the
 * node.kubernetes.io/not-ready:NoSchedule taint (so nothing is scheduled
 * before the node can run it) and reports Ready once its runtime and
 * network are up: nodeJoin later here. The node lifecycle controller keeps
 * the not-ready taints in step with the condition (doNoScheduleTaintingPass,
 * doNoExecuteTaintingPass): NoSchedule and NoExecute while Ready is False,
 * none once it is True.
 *
 * A node whose kubelet stops posting (failNode) is noticed by the monitor
 * (monitorNodeHealth, every nodeMonitorPeriod of 5 s) once
 * nodeMonitorGracePeriod has passed since its last heartbeat: its Ready,
 * MemoryPressure, DiskPressure and PIDPressure conditions turn Unknown, it
 * gets the node.kubernetes.io/unreachable NoSchedule and NoExecute taints,
 * and its pods are marked not ready (MarkPodsNotReady). When the kubelet
 * posts again (recoverNode) the node is Ready and the taints go.
 */
#include "control/nodelife.h"

#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "control/env.h"
#include "util/map.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define TAINT_NOT_READY "node.kubernetes.io/not-ready"
#define TAINT_UNSCHEDULABLE "node.kubernetes.io/unschedulable"
#define TAINT_UNREACHABLE "node.kubernetes.io/unreachable"
#define NODE_MONITOR_PERIOD_MS 5000

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

/* A node whose kubelet went silent: when the monitor will notice. */
struct silent {
	struct nodelife *nl;
	char *node;
	sim_id timer;
};

struct nodelife {
	const struct ctl_env *env;
	struct vec joins;  /* pending struct join, owned */
	struct map syncs;  /* node -> struct taint_sync pending */
	struct map silent; /* node -> struct silent */
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

static void noticed_silent(struct sim *sim, void *arg);

/* The next monitor pass, on the nodeMonitorPeriod grid. */
static sim_ms
next_monitor_pass(sim_ms t)
{
	return (t + NODE_MONITOR_PERIOD_MS - 1) / NODE_MONITOR_PERIOD_MS * NODE_MONITOR_PERIOD_MS;
}

static void
nodelife_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct nodelife *nl = ctx;
	struct node *n = (struct node *)obj;
	struct taint_sync *ts;
	struct silent *sl;

	if (obj->kind != KIND_NODE || op == STORE_DELETED)
		return;
	/*
	 * Someone took the unreachable taints off a node that is still silent:
	 * the monitor's tainting passes put them back (with a new timeAdded).
	 */
	sl = map_get(&nl->silent, obj->meta.name);
	if (sl != NULL && sl->timer == 0 &&
	    (node_find_taint(n, TAINT_UNREACHABLE, EFFECT_NO_SCHEDULE) == NULL ||
		node_find_taint(n, TAINT_UNREACHABLE, EFFECT_NO_EXECUTE) == NULL))
		sl->timer = sim_at(nl->env->sim, next_monitor_pass(sim_now(nl->env->sim) + 1),
		    noticed_silent, sl);
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

/* ---- lost heartbeats ---- */

static void
silent_free(struct silent *sl)
{
	if (sl == NULL)
		return;
	if (sl->timer != 0)
		sim_cancel(sl->nl->env->sim, sl->timer);
	free(sl->node);
	free(sl);
}

static void
add_taint_now(struct node *n, const char *key, enum taint_effect effect, sim_ms now)
{
	struct taint t;

	if (node_find_taint(n, key, effect) != NULL)
		return;
	taint_init(&t, key, "", effect);
	t.time_added_ms = now;
	node_add_taint(n, &t);
	taint_free(&t);
}

/* MarkPodsNotReady (pkg/controller/util/node). */
static void
mark_pods_not_ready(struct nodelife *nl, const char *node)
{
	const struct vec *on = store_pods_on_node(nl->env->store, node);
	struct vec pods = VEC_INIT;
	sim_ms now = sim_now(nl->env->sim);

	for (size_t i = 0; on != NULL && i < on->n; i++)
		vec_push(&pods, on->v[i]);
	for (size_t i = 0; i < pods.n; i++) {
		struct pod *p = pods.v[i];

		if (pod_is_terminal(p) || !pod_is_ready(p))
			continue;
		pod_cond_set(&p->status.ready, "False", NULL, NULL, now);
		for (size_t c = 0; c < p->status.n_cs; c++)
			p->status.cs[c].ready = false;
		store_update(nl->env->store, &p->obj);
		event_record(nl->env->rec, &p->obj, "Warning", "NodeNotReady", "node-controller",
		    "Node is not ready");
	}
	vec_free(&pods);
}

static void
noticed_silent(struct sim *sim, void *arg)
{
	struct silent *sl = arg;
	struct nodelife *nl = sl->nl;
	struct node *n = (struct node *)store_get(nl->env->store, KIND_NODE, NULL, sl->node);
	static const char *const conds[] = {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure"};
	sim_ms now = sim_now(sim);
	bool was_ready;

	sl->timer = 0;
	if (n == NULL)
		return;
	was_ready = node_is_ready(n);
	/* tryUpdateNodeHealth: every condition the kubelet owns becomes Unknown. */
	for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++) {
		struct node_cond *c = node_cond(n, conds[i]);

		if (c == NULL)
			node_set_cond(n, conds[i], "Unknown", "NodeStatusNeverUpdated",
			    "Kubelet never posted node status.", now);
		else if (strcmp(c->status, "Unknown") != 0) {
			sim_ms heartbeat = c->heartbeat_ms;

			node_set_cond(n, conds[i], "Unknown", "NodeStatusUnknown",
			    "Kubelet stopped posting node status.", now);
			/* The heartbeat is the kubelet's last, not the controller's write. */
			node_cond(n, conds[i])->heartbeat_ms = heartbeat;
		}
	}
	node_remove_taint(n, TAINT_NOT_READY, EFFECT_ALL);
	add_taint_now(n, TAINT_UNREACHABLE, EFFECT_NO_SCHEDULE, now);
	add_taint_now(n, TAINT_UNREACHABLE, EFFECT_NO_EXECUTE, now);
	store_update(nl->env->store, &n->obj);
	if (was_ready) {
		event_record(nl->env->rec, &n->obj, "Normal", "NodeNotReady", "node-controller",
		    "Node %s status is now: NodeNotReady", n->obj.meta.name);
		mark_pods_not_ready(nl, n->obj.meta.name);
	}
}

void
nodelife_fail(struct nodelife *nl, const char *node)
{
	struct silent *sl;
	sim_ms due;

	if (map_has(&nl->silent, node))
		return;
	sl = xcalloc(1, sizeof *sl);
	sl->nl = nl;
	sl->node = xstrdup(node);
	map_put(&nl->silent, node, sl);
	/* The first monitor pass after the grace period notices. */
	due = next_monitor_pass(sim_now(nl->env->sim) + nl->env->timing->node_monitor_grace);
	sl->timer = sim_at(nl->env->sim, due, noticed_silent, sl);
}

void
nodelife_recover(struct nodelife *nl, const char *node)
{
	struct node *n = (struct node *)store_get(nl->env->store, KIND_NODE, NULL, node);
	sim_ms now = sim_now(nl->env->sim);
	static const char *const pressure[] = {"MemoryPressure", "DiskPressure", "PIDPressure"};
	static const char *const ok_reason[] = {"KubeletHasSufficientMemory",
		"KubeletHasNoDiskPressure", "KubeletHasSufficientPID"};
	static const char *const ok_message[] = {"kubelet has sufficient memory available",
		"kubelet has no disk pressure", "kubelet has sufficient PID available"};
	bool was_ready;

	silent_free(map_del(&nl->silent, node));
	if (n == NULL)
		return;
	was_ready = node_is_ready(n);
	/* The kubelet posts its status again; markNodeAsReachable drops the taints. */
	node_set_cond(n, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now);
	for (size_t i = 0; i < 3; i++)
		if (node_cond(n, pressure[i]) != NULL)
			node_set_cond(n, pressure[i], "False", ok_reason[i], ok_message[i], now);
	node_remove_taint(n, TAINT_UNREACHABLE, EFFECT_ALL);
	node_remove_taint(n, TAINT_NOT_READY, EFFECT_ALL);
	store_update(nl->env->store, &n->obj);
	if (!was_ready)
		event_record(nl->env->rec, &n->obj, "Normal", "NodeReady", "kubelet",
		    "Node %s status is now: NodeReady", n->obj.meta.name);
}

struct nodelife *
nodelife_new(const struct ctl_env *env)
{
	struct nodelife *nl = xcalloc(1, sizeof *nl);

	nl->env = env;
	map_init(&nl->syncs);
	map_init(&nl->silent);
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
		for (size_t it = 0; map_next(&nl->silent, &it, &key, &value);)
			silent_free(value);
		map_free(&nl->silent);
	}
	free(nl);
}
