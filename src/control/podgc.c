/*
 * podgc.c - gcOrphaned from pkg/controller/podgc/gc_controller.go.
 *
 * Every 20 s (gcCheckPeriod) the collector looks for pods bound to a node
 * that is gone. A node must have been missing for 40 s (quarantineTime)
 * before its pods are marked Failed ("PodGC: node no longer exists") and
 * force-deleted. Only names of deleted nodes are remembered, so a check
 * touches just their pods through the by-node index; the 20 s tick runs
 * only while there is something to collect, which keeps an idle cluster
 * free of events.
 */
#include "control/podgc.h"

#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "control/env.h"
#include "util/map.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define GC_CHECK_PERIOD_MS 20000
#define QUARANTINE_MS 40000

struct podgc {
	const struct ctl_env *env;
	struct map gone; /* node name -> struct gone_node */
	sim_id tick;
};

struct gone_node {
	sim_ms since;
};

static void podgc_tick(struct sim *sim, void *arg);

static void
arm(struct podgc *pg)
{
	if (pg->tick == 0 && map_len(&pg->gone) > 0) {
		sim_ms now = sim_now(pg->env->sim);
		/* The collector's clock ticks on multiples of the period since start. */
		sim_ms next = (now / GC_CHECK_PERIOD_MS + 1) * GC_CHECK_PERIOD_MS;

		pg->tick = sim_at(pg->env->sim, next, podgc_tick, pg);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
podgc_tick(struct sim *sim, void *arg)
{
	struct podgc *pg = arg;
	struct store *st = pg->env->store;
	sim_ms now = sim_now(sim);
	struct vec names = VEC_INIT;
	const char *key;
	void *value;

	pg->tick = 0;
	for (size_t it = 0; map_next(&pg->gone, &it, &key, &value);)
		vec_push(&names, (void *)key);
	vec_sort(&names, cmp_str);
	for (size_t i = 0; i < names.n; i++) {
		char *node = xstrdup(names.v[i]);
		struct gone_node *g = map_get(&pg->gone, node);
		const struct vec *pods;
		struct vec victims = VEC_INIT;

		if (store_get(st, KIND_NODE, NULL, node) != NULL || now - g->since < QUARANTINE_MS) {
			if (store_get(st, KIND_NODE, NULL, node) != NULL)
				free(map_del(&pg->gone, node));
			free(node);
			continue;
		}
		pods = store_pods_on_node(st, node);
		if (pods != NULL)
			for (size_t j = 0; j < pods->n; j++)
				vec_push(&victims, pods->v[j]);
		for (size_t j = 0; j < victims.n; j++) {
			struct pod *p = victims.v[j];

			/* markFailedAndDeletePodWithCondition, then a force delete. */
			if (!pod_is_terminal(p)) {
				p->status.phase = PHASE_FAILED;
				free(p->status.reason);
				free(p->status.message);
				p->status.reason = NULL;
				p->status.message = xstrdup("PodGC: node no longer exists");
				store_update(st, &p->obj);
			}
			store_remove(st, &p->obj);
		}
		vec_free(&victims);
		free(map_del(&pg->gone, node));
		free(node);
	}
	vec_free(&names);
	arm(pg);
}

static void
podgc_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct podgc *pg = ctx;

	/* A pod bound to a node that never existed is just as orphaned (gcOrphaned lists all pods). */
	if (obj->kind == KIND_POD && op != STORE_DELETED) {
		const char *node = ((struct pod *)obj)->spec.node_name;

		if (node != NULL && !map_has(&pg->gone, node) &&
		    store_get(pg->env->store, KIND_NODE, NULL, node) == NULL) {
			struct gone_node *g = xcalloc(1, sizeof *g);

			g->since = sim_now(pg->env->sim);
			map_put(&pg->gone, node, g);
			arm(pg);
		}
		return;
	}
	if (obj->kind != KIND_NODE)
		return;
	if (op == STORE_DELETED) {
		struct gone_node *g;

		if (store_pods_on_node(pg->env->store, obj->meta.name) == NULL)
			return;
		g = xcalloc(1, sizeof *g);
		g->since = sim_now(pg->env->sim);
		free(map_put(&pg->gone, obj->meta.name, g));
		arm(pg);
	} else if (op == STORE_ADDED)
		free(map_del(&pg->gone, obj->meta.name));
}

struct podgc *
podgc_new(const struct ctl_env *env)
{
	struct podgc *pg = xcalloc(1, sizeof *pg);

	pg->env = env;
	map_init(&pg->gone);
	store_watch(env->store, podgc_watch, pg);
	return pg;
}

void
podgc_free(struct podgc *pg)
{
	const char *key;
	void *value;

	if (pg == NULL)
		return;
	if (pg->tick != 0)
		sim_cancel(pg->env->sim, pg->tick);
	for (size_t it = 0; map_next(&pg->gone, &it, &key, &value);)
		free(value);
	map_free(&pg->gone);
	free(pg);
}
