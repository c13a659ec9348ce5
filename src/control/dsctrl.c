/*
 * dsctrl.c - the DaemonSet controller, after pkg/controller/daemon
 * (daemon_controller.go, v1.32).
 *
 * Store changes enqueue a DaemonSet's key; a queued key is synced
 * controllerDelay later (the informer latency), and further changes in the
 * meantime coalesce into that one sync, as a workqueue does. A sync claims
 * the DaemonSet's pods (adopting matching orphans, releasing owned pods
 * that stopped matching), groups them by the node they are for, decides per
 * node what to create and delete (manage / podsShouldBeOnNode), applies it
 * (syncNodes, at most 250 of each per sync), and writes the status
 * (updateDaemonSetStatus) only when a number changed.
 *
 * A key asked for later (enqueueDaemonSetAfter: the failed-pod back-off,
 * minReadySeconds) waits in a set of its own, as in the delaying workqueue,
 * so that syncs in the meantime neither cancel nor postpone it.
 *
 * Expectations are not modelled: the store is synchronous, so by the time a
 * sync runs, every earlier create and delete has been observed.
 *
 * Cost. Upstream, every sync walks every node. That is what this controller
 * does when it must (a new DaemonSet, a changed spec, minReadySeconds timing,
 * legacy mode whose fit depends on the other pods on a node), but otherwise a
 * sync visits only the nodes the watch handlers marked dirty (a node or one
 * of its daemon pods changed) plus the next BurstReplicas nodes still waiting
 * for a pod, and keeps each node's share of the status numbers so the totals
 * stay exact. A 10,000-node rollout is then O(nodes + events) instead of
 * O(nodes x syncs). Nodes are visited in creation order, which fixes which
 * generated name lands on which node for a given seed (the real
 * controller's order is unspecified).
 */
#include "control/dsctrl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/defaults.h"
#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/revision.h"
#include "api/store.h"
#include "control/env.h"
#include "control/placement.h"
#include "util/err.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define BURST_REPLICAS 250 /* daemon_controller.go BurstReplicas */
#define BACKOFF_INITIAL_MS 1000
#define BACKOFF_MAX_MS (15 * 60 * 1000)
#define BACKOFF_GC_MS (60 * 1000) /* daemon_controller.go BackoffGCInterval */
/* DefaultControllerRateLimiter's base delay: a first AddRateLimited after a successful sync. */
#define RATE_LIMIT_BASE_MS 5

static const char component[] = "daemonset-controller";

struct queued {
	struct dsctrl *dc;
	char *key; /* "namespace/name" */
	sim_id timer;
	sim_ms due;
};

struct backoff {
	sim_ms delay;
	sim_ms last;
};

/* What one node adds to its DaemonSet's status (updateDaemonSetStatus). */
/*
 * Where a node stands in a rolling update (rollingUpdate's loop over the
 * nodes), kept with its share so that an update in progress needs no look
 * at every node. Without surge the first five apply, with surge RU_NONE and
 * the rest.
 */
enum ru_class {
	RU_NONE,            /* no daemon pod and none wanted, or nothing to do */
	RU_UNAVAILABLE,     /* counts against maxUnavailable */
	RU_OLD_UNAVAILABLE, /* an old pod, not available: deleted at once, and counts */
	RU_CANDIDATE,       /* an old available pod: replaced when the budget allows */
	RU_DONE,            /* an available new pod */
	RU_SURGING,         /* surge: two pods of a kind, or a new one not yet available: counts */
	RU_RETIRE,          /* surge: the new pod is available, the old one goes */
	RU_OLD_GONE,        /* surge: an old pod, not available, on a node that no longer wants one */
	RU_REPLACE_NOW,     /* surge: an old pod, not available: its successor is made at once */
	RU_SUNSET,          /* surge: an old available pod on a node that no longer wants one */
	RU_SURGE_CANDIDATE, /* surge: an old available pod: a successor when the budget allows */
	RU__COUNT,
};

/* The classes acted on by node, kept in ru_act; candidates have their own list. */
static bool
ru_acted_on(unsigned char ru)
{
	return ru == RU_OLD_UNAVAILABLE || ru == RU_RETIRE || ru == RU_OLD_GONE ||
	    ru == RU_REPLACE_NOW || ru == RU_SUNSET;
}

static bool
ru_candidate(unsigned char ru)
{
	return ru == RU_CANDIDATE || ru == RU_SURGE_CANDIDATE;
}

struct contrib {
	bool run;       /* shouldRun: counted in the update's desired number */
	unsigned char ru; /* enum ru_class */
	bool ru_available; /* surge: counted in the update's numAvailable */
	bool want;      /* desired */
	bool scheduled; /* has a daemon pod: current, or misscheduled when not wanted */
	bool ready;
	bool available;
	bool updated;
};

struct due_visit {
	sim_ms at;
	char *node;
};

/* What the controller remembers of one DaemonSet between syncs. */
struct ds_cache {
	char *uid;
	int64_t generation; /* the spec the cache was built for */
	char *hash;
	char *template_hash;       /* dsctrl_template_hash of this generation's template */
	char *spec_fp;             /* pod_spec_fingerprint of its spec */
	int64_t hashed_generation;
	bool full;          /* the next sync visits every node */
	bool claim;         /* the next sync claims (adopts and releases) pods */
	struct map dirty;   /* node name -> (void *)1: visit next sync */
	struct vec pending; /* node names (owned) waiting for a pod past the burst */
	size_t pending_head;
	struct map contrib; /* node name -> struct contrib */
	struct ds_status sums;
	size_t old_nodes;   /* nodes whose daemon pod is not from the current template */
	/* The rolling update's view: nodes by class, and those to act on. */
	size_t run_nodes;
	size_t ru_count[RU__COUNT];
	size_t ru_available;           /* surge: nodes counted in numAvailable */
	struct map ru_act;             /* node name -> (void *)1: nodes of a class acted on */
	struct vec candidates;         /* node names (owned) of candidate nodes, in node order */
	/* Nodes to look at again from a time on (a pod turning available): a min-heap by time. */
	struct due_visit *due;
	size_t n_due, cap_due;
	size_t candidates_head;
	bool candidates_stale;         /* a node became a candidate: list them again */
};

struct dsctrl {
	const struct ctl_env *env;
	const struct ds_placement *placement;
	bool running;
	struct map queue;      /* key -> struct queued (pending or parked) */
	struct map waiting;    /* key -> struct queued: AddAfter entries not due yet */
	struct map node_state; /* node name -> struct hash2 of its labels and taints (owned) */
	struct map backoffs;   /* "<ds uid>/<generation>/<node>" -> struct backoff */
	sim_ms backoff_gc;     /* when the back-offs were last garbage-collected */
	struct map caches;     /* "namespace/name" -> struct ds_cache */
	struct map suspended;  /* node name -> struct map of "namespace/name" (legacy mode) */
};

static void dsctrl_sync(struct dsctrl *dc, const char *key);

/* ---- the queue ---- */

static void
queued_fire(struct sim *sim, void *arg)
{
	struct queued *q = arg;
	struct dsctrl *dc = q->dc;
	char *key = xstrdup(q->key);

	(void)sim;
	map_del(&dc->queue, key);
	free(q->key);
	free(q);
	dsctrl_sync(dc, key);
	free(key);
}

/*
 * Put key in set (the queue or the waiting set), due at due: when it is
 * there already, the earlier deadline wins (workqueue Add/AddAfter). A new
 * entry gets its timer only when arm is set (the queue of a stopped
 * controller parks its keys).
 */
static void
set_due(struct dsctrl *dc, struct map *set, const char *key, sim_ms due, sim_fn fire, bool arm)
{
	struct queued *q = map_get(set, key);

	if (q != NULL) {
		if (q->timer != 0 && due < q->due) {
			sim_cancel(dc->env->sim, q->timer);
			q->due = due;
			q->timer = sim_at(dc->env->sim, due, fire, q);
		}
		return;
	}
	q = xcalloc(1, sizeof *q);
	q->dc = dc;
	q->key = xstrdup(key);
	q->due = due;
	map_put(set, key, q);
	if (arm)
		q->timer = sim_at(dc->env->sim, due, fire, q);
}

static void
enqueue_after(struct dsctrl *dc, const char *key, sim_ms delay)
{
	set_due(dc, &dc->queue, key, sim_now(dc->env->sim) + delay, queued_fire, dc->running);
}

static void
enqueue(struct dsctrl *dc, const struct object *ds)
{
	char key[512];

	snprintf(key, sizeof key, "%s/%s", ds->meta.ns, ds->meta.name);
	enqueue_after(dc, key, dc->env->timing->controller_delay);
}

/*
 * workqueue AddAfter, as enqueueDaemonSetAfter uses it: the key waits in its
 * own set (the delaying queue's waitingForQueue, the earlier deadline
 * winning) apart from the queue proper, so a sync that runs meanwhile
 * neither cancels nor postpones it; when due, it is added to the queue for
 * an immediate sync, merging with one already queued.
 */
static void
waiting_fire(struct sim *sim, void *arg)
{
	struct queued *w = arg;
	struct dsctrl *dc = w->dc;

	(void)sim;
	map_del(&dc->waiting, w->key);
	enqueue_after(dc, w->key, 0);
	free(w->key);
	free(w);
}

static void
enqueue_waiting(struct dsctrl *dc, const char *key, sim_ms delay)
{
	set_due(dc, &dc->waiting, key, sim_now(dc->env->sim) + delay, waiting_fire, true);
}

static int
cmp_queued_key(const void *a, const void *b)
{
	return strcmp((*(const struct queued *const *)a)->key, (*(const struct queued *const *)b)->key);
}

void
dsctrl_set_running(struct dsctrl *dc, bool running)
{
	const char *key;
	void *value;

	struct vec parked = VEC_INIT;

	if (dc->running == running)
		return;
	dc->running = running;
	for (size_t it = 0; map_next(&dc->queue, &it, &key, &value);) {
		struct queued *q = value;

		if (!running && q->timer != 0) {
			sim_cancel(dc->env->sim, q->timer);
			q->timer = 0;
		} else if (running && q->timer == 0)
			vec_push(&parked, q);
	}
	/* Restarted: the parked DaemonSets sync in name order, not in the map's slot order. */
	vec_sort(&parked, cmp_queued_key);
	for (size_t i = 0; i < parked.n; i++) {
		struct queued *q = parked.v[i];

		q->due = sim_now(dc->env->sim) + dc->env->timing->controller_delay;
		q->timer = sim_at(dc->env->sim, q->due, queued_fire, q);
	}
	vec_free(&parked);
}

bool
dsctrl_running(const struct dsctrl *dc)
{
	return dc->running;
}

/* ---- per-DaemonSet cache ---- */

static void
clear_candidates(struct ds_cache *c)
{
	for (size_t i = 0; i < c->candidates.n; i++)
		free(c->candidates.v[i]);
	vec_free(&c->candidates);
	c->candidates_head = 0;
	c->candidates_stale = true;
}

static bool
due_less(const struct due_visit *a, const struct due_visit *b)
{
	return a->at < b->at;
}

static void
due_push(struct ds_cache *c, sim_ms at, const char *node)
{
	size_t i;

	xgrow(&c->due, &c->cap_due, c->n_due + 1, sizeof *c->due);
	i = c->n_due++;
	c->due[i] = (struct due_visit){at, xstrdup(node)};
	while (i > 0 && due_less(&c->due[i], &c->due[(i - 1) / 2])) {
		struct due_visit t = c->due[i];

		c->due[i] = c->due[(i - 1) / 2];
		c->due[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

/* The earliest entry if it is due by now (the caller frees its node), else false. */
static bool
due_pop(struct ds_cache *c, sim_ms now, struct due_visit *out)
{
	size_t i = 0;

	if (c->n_due == 0 || c->due[0].at > now)
		return false;
	*out = c->due[0];
	c->due[0] = c->due[--c->n_due];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		struct due_visit t;

		if (l < c->n_due && due_less(&c->due[l], &c->due[m]))
			m = l;
		if (r < c->n_due && due_less(&c->due[r], &c->due[m]))
			m = r;
		if (m == i)
			break;
		t = c->due[i];
		c->due[i] = c->due[m];
		c->due[m] = t;
		i = m;
	}
	return true;
}

static void
due_clear(struct ds_cache *c)
{
	for (size_t i = 0; i < c->n_due; i++)
		free(c->due[i].node);
	free(c->due);
	c->due = NULL;
	c->n_due = c->cap_due = 0;
}

static void
cache_clear_nodes(struct ds_cache *c)
{
	const char *key;
	void *value;

	for (size_t it = 0; map_next(&c->contrib, &it, &key, &value);)
		free(value);
	map_free(&c->contrib);
	map_free(&c->dirty);
	for (size_t i = 0; i < c->pending.n; i++)
		free(c->pending.v[i]);
	vec_free(&c->pending);
	c->pending_head = 0;
	memset(&c->sums, 0, sizeof c->sums);
	c->old_nodes = 0;
	c->run_nodes = 0;
	memset(c->ru_count, 0, sizeof c->ru_count);
	c->ru_available = 0;
	map_free(&c->ru_act);
	clear_candidates(c);
	due_clear(c);
}

static void
cache_free(struct ds_cache *c)
{
	if (c == NULL)
		return;
	cache_clear_nodes(c);
	free(c->uid);
	free(c->hash);
	free(c->template_hash);
	free(c->spec_fp);
	free(c);
}

static void
ds_key(const struct object *ds, char *buf, size_t len)
{
	map_key2(buf, len, ds->meta.ns, '/', ds->meta.name);
}

/* The cache of this incarnation of the DaemonSet (a new uid starts afresh). */
static struct ds_cache *
cache_for(struct dsctrl *dc, const struct object *ds)
{
	char key[512];
	struct ds_cache *c;

	ds_key(ds, key, sizeof key);
	c = map_get(&dc->caches, key);
	if (c != NULL && strcmp(c->uid, ds->meta.uid) != 0) {
		cache_free(map_del(&dc->caches, key));
		c = NULL;
	}
	if (c == NULL) {
		c = xcalloc(1, sizeof *c);
		c->uid = xstrdup(ds->meta.uid);
		c->hash = xstrdup("");
		c->full = c->claim = true;
		map_put(&dc->caches, key, c);
	}
	return c;
}

static void
mark_dirty(struct ds_cache *c, const char *node)
{
	if (node != NULL && !map_has(&c->dirty, node))
		map_put(&c->dirty, node, (void *)1);
}

/* A node changed: every DaemonSet must look at it again. */
static void
mark_node_everywhere(struct dsctrl *dc, const char *node)
{
	const char *key;
	void *value;

	for (size_t it = 0; map_next(&dc->caches, &it, &key, &value);)
		mark_dirty(value, node);
}

/* ---- event handlers (daemon_controller.go addPod, updateNode, ...) ---- */

static void
enqueue_matching(struct dsctrl *dc, const struct pod *p)
{
	struct vec all = VEC_INIT;

	store_list(dc->env->store, KIND_DAEMONSET, p->obj.meta.ns, &all);
	for (size_t i = 0; i < all.n; i++) {
		const struct daemonset *ds = all.v[i];

		if (sel_matches(&ds->selector, &p->obj.meta.labels)) {
			struct ds_cache *c = cache_for(dc, &ds->obj);

			c->claim = true;
			mark_dirty(c, pod_target_node(p));
			enqueue(dc, &ds->obj);
		}
	}
	vec_free(&all);
}

static void
enqueue_all(struct dsctrl *dc)
{
	struct vec all = VEC_INIT;

	store_list(dc->env->store, KIND_DAEMONSET, NULL, &all);
	for (size_t i = 0; i < all.n; i++)
		enqueue(dc, all.v[i]);
	vec_free(&all);
}

/*
 * Computed at every node write (heartbeats included), so never formatted:
 * a node's labels and taints only feed the two hashes.
 */
static struct hash2
node_fingerprint(const struct node *n)
{
	struct hash2 p;

	hash2_init(&p);
	for (size_t i = 0; i < n->obj.meta.labels.n; i++) {
		hash2_part(&p, n->obj.meta.labels.v[i].key);
		hash2_part(&p, n->obj.meta.labels.v[i].value);
	}
	hash2_part(&p, "");
	for (size_t i = 0; i < n->n_taints; i++) {
		hash2_part(&p, n->taints[i].key);
		hash2_part(&p, n->taints[i].value);
		hash2_part(&p, taint_effect_name(n->taints[i].effect));
	}
	return p;
}

/*
 * Suspended daemon pods (legacy mode, daemon_controller.go before 1.12,
 * kubernetes PR 49488 for issue 46935): a DaemonSet that wants a pod on a
 * node without room is remembered for that node, so that deleting another
 * pod bound there re-queues it; no other event would, as nothing about the
 * DaemonSet or the node changed. Scheduler mode never suspends: the
 * scheduler retries its pending pods itself.
 */
static void
suspended_set(struct dsctrl *dc, const char *node, const char *dskey, bool on)
{
	struct map *set = map_get(&dc->suspended, node);

	if (on) {
		if (set == NULL) {
			set = xcalloc(1, sizeof *set);
			map_init(set);
			map_put(&dc->suspended, node, set);
		}
		if (!map_has(set, dskey))
			map_put(set, dskey, NULL);
		return;
	}
	if (set == NULL || !map_has(set, dskey))
		return;
	map_del(set, dskey);
	if (map_len(set) == 0) {
		map_del(&dc->suspended, node);
		map_free(set);
		free(set);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* requeueSuspendedDaemonPods: enqueueDaemonSetRateLimited for each, in name order. */
static void
requeue_suspended(struct dsctrl *dc, const char *node)
{
	struct map *set = node != NULL ? map_get(&dc->suspended, node) : NULL;
	struct vec keys = VEC_INIT;
	const char *key;
	void *value;

	if (set == NULL)
		return;
	for (size_t it = 0; map_next(set, &it, &key, &value);)
		vec_push(&keys, (void *)key);
	vec_sort(&keys, cmp_str);
	for (size_t i = 0; i < keys.n; i++) {
		const char *k = keys.v[i];
		const char *slash = strchr(k, '/');
		char ns[256];

		snprintf(ns, sizeof ns, "%.*s", (int)(slash - k), k);
		if (store_get(dc->env->store, KIND_DAEMONSET, ns, slash + 1) != NULL)
			enqueue_after(dc, k, dc->env->timing->controller_delay + RATE_LIMIT_BASE_MS);
	}
	vec_free(&keys);
}

/*
 * deletePod (pre-1.12) for a pod no DaemonSet controls: when it was bound,
 * its node may now have room. A pod being deleted gracefully counts from
 * its first update with a deletionTimestamp, as updatePod hands it over.
 */
static void
on_other_pod_gone(struct dsctrl *dc, enum store_op op, const struct pod *p)
{
	if (map_len(&dc->suspended) == 0 || p->spec.node_name == NULL ||
	    p->spec.node_name[0] == '\0')
		return;
	if (op == STORE_DELETED || meta_deleting(&p->obj.meta))
		requeue_suspended(dc, p->spec.node_name);
}

static void
on_pod(struct dsctrl *dc, enum store_op op, const struct pod *p)
{
	const struct owner_ref *ref = meta_controller(&p->obj.meta);

	/*
	 * Legacy mode places by PodFitsHostPorts over the node's other pods: a
	 * pod holding a host port decides which DaemonSets a node wants.
	 */
	if (dc->env->mode == MODE_LEGACY && p->spec.node_name != NULL &&
	    pod_wants_host_port(&p->spec)) {
		mark_node_everywhere(dc, p->spec.node_name);
		enqueue_all(dc);
	}

	if (ref != NULL) {
		struct object *owner;
		struct ds_cache *c;

		owner = strcmp(ref->kind, "DaemonSet") == 0 ? store_get_uid(dc->env->store, ref->uid)
							     : NULL;
		if (owner == NULL || owner->kind != KIND_DAEMONSET) {
			on_other_pod_gone(dc, op, p);
			return;
		}
		c = cache_for(dc, owner);
		mark_dirty(c, pod_target_node(p));
		/* An owned pod whose labels stopped matching is released by the claim. */
		if (!sel_matches(&((const struct daemonset *)owner)->selector, &p->obj.meta.labels))
			c->claim = true;
		enqueue(dc, owner);
		/*
		 * updatePod: a pod that just became ready is available MinReadySeconds
		 * later, which no store change will announce; sync again then, plus a
		 * second against clock skew (kubernetes PR 38076). The watch has no
		 * old object: a Ready condition that turned True at this very instant
		 * is the change (a second write in the same instant asks for the same
		 * deadline again, which the waiting set absorbs).
		 */
		{
			int32_t min_ready = ((const struct daemonset *)owner)->min_ready_seconds;
			sim_ms now = sim_now(dc->env->sim);

			/* The node must be looked at again once the pod is available. */
			if (min_ready > 0 && !meta_deleting(&p->obj.meta) && pod_is_ready(p) &&
			    !pod_is_available(p, min_ready, now) && pod_target_node(p) != NULL)
				due_push(c, p->status.ready.transition_ms + (sim_ms)min_ready * 1000 + 1,
				    pod_target_node(p));
		}
		if (op == STORE_MODIFIED && !meta_deleting(&p->obj.meta) && pod_is_ready(p) &&
		    p->status.ready.transition_ms == sim_now(dc->env->sim)) {
			int32_t min_ready = ((const struct daemonset *)owner)->min_ready_seconds;

			if (min_ready > 0) {
				char key[512];

				ds_key(owner, key, sizeof key);
				enqueue_waiting(dc, key, (sim_ms)min_ready * 1000 + 1000);
			}
		}
		return;
	}
	on_other_pod_gone(dc, op, p);
	enqueue_matching(dc, p);
}

static void
on_node(struct dsctrl *dc, enum store_op op, const struct node *n)
{
	struct hash2 fp, *old;

	if (op == STORE_DELETED) {
		/*
		 * No handler upstream either: the node just leaves the next list.
		 * Its share of the status goes at the next sync, whatever causes it.
		 */
		free(map_del(&dc->node_state, n->obj.meta.name));
		mark_node_everywhere(dc, n->obj.meta.name);
		return;
	}
	fp = node_fingerprint(n);
	old = map_get(&dc->node_state, n->obj.meta.name);
	/* v1.32 shouldIgnoreNodeUpdate: only labels and taints matter. */
	if (op == STORE_MODIFIED && old != NULL && old->a == fp.a && old->b == fp.b)
		return;
	if (old == NULL) {
		old = xmalloc(sizeof *old);
		map_put(&dc->node_state, n->obj.meta.name, old);
	}
	*old = fp;
	mark_node_everywhere(dc, n->obj.meta.name);
	enqueue_all(dc);
}

static void
dsctrl_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct dsctrl *dc = ctx;

	switch (obj->kind) {
	case KIND_DAEMONSET:
		if (op == STORE_DELETED) {
			char key[512];

			ds_key(obj, key, sizeof key);
			cache_free(map_del(&dc->caches, key));
		} else {
			struct ds_cache *c = cache_for(dc, obj);

			/* A spec change (not our own status writes) means a full look. */
			if (c->generation != obj->meta.generation)
				c->full = c->claim = true;
		}
		enqueue(dc, obj);
		break;
	case KIND_POD:
		on_pod(dc, op, (struct pod *)obj);
		break;
	case KIND_NODE:
		on_node(dc, op, (struct node *)obj);
		break;
	case KIND_CONTROLLERREVISION: {
		const struct owner_ref *ref = meta_controller(&obj->meta);
		struct object *owner = ref ? store_get_uid(dc->env->store, ref->uid) : NULL;

		/* Only deletions by others matter: our own writes come from a sync. */
		if (op == STORE_DELETED && owner != NULL && owner->kind == KIND_DAEMONSET)
			enqueue(dc, owner);
		break;
	}
	default:
		break;
	}
}

/* ---- template hash ---- */

void
dsctrl_template_hash(const struct daemonset *ds, struct strbuf *out)
{
	static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
	struct strbuf fp = STRBUF_INIT;
	uint32_t h = 2166136261u;
	char digits[16];

	pod_template_fingerprint(&ds->tmpl, &fp);
	for (const char *s = sb_str(&fp); *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	sb_free(&fp);
	/* rand.SafeEncodeString of the decimal: each byte indexes the alphabet. */
	snprintf(digits, sizeof digits, "%u", h);
	for (const char *d = digits; *d != '\0'; d++)
		sb_addc(out, alphabet[(unsigned char)*d % (sizeof alphabet - 1)]);
}

/* ---- claiming and grouping (controller_ref_manager.go ClaimPods) ---- */

static void
claim_pods(struct dsctrl *dc, struct daemonset *ds)
{
	struct store *st = dc->env->store;
	const struct vec *owned = store_pods_owned_by(st, ds->obj.meta.uid);
	const struct vec *orphans = store_pods_owned_by(st, "");
	struct vec work = VEC_INIT;

	/* Copies: adopting or releasing moves a pod between these index vectors. */
	if (owned != NULL && !meta_deleting(&ds->obj.meta))
		for (size_t i = 0; i < owned->n; i++)
			vec_push(&work, owned->v[i]);
	for (size_t i = 0; i < work.n; i++) {
		struct pod *p = work.v[i];

		if (!sel_matches(&ds->selector, &p->obj.meta.labels)) {
			/* Labels no longer match: release the pod (patch our ownerReference away). */
			meta_remove_owner(&p->obj.meta, ds->obj.meta.uid);
			store_update(st, &p->obj);
		}
	}
	vec_clear(&work);
	if (orphans != NULL && !meta_deleting(&ds->obj.meta))
		for (size_t i = 0; i < orphans->n; i++)
			vec_push(&work, orphans->v[i]);
	for (size_t i = 0; i < work.n; i++) {
		struct pod *p = work.v[i];

		if (strcmp(p->obj.meta.ns, ds->obj.meta.ns) != 0 || meta_deleting(&p->obj.meta))
			continue;
		if (!sel_matches(&ds->selector, &p->obj.meta.labels))
			continue;
		meta_add_owner(&p->obj.meta, "apps/v1", "DaemonSet", ds->obj.meta.name,
		    ds->obj.meta.uid, true);
		store_update(st, &p->obj);
	}
	vec_free(&work);
}

/*
 * The DaemonSet's pods "on" a node (getNodesToDaemonPods): those bound to
 * it and those pinned to it by affinity but not bound yet, both found
 * through the store's indexes. Pods that finished and are being deleted are
 * left out. out is reused; NULL when there are none.
 */
static bool
view_counts(const struct pod *p)
{
	return !(pod_is_terminal(p) && meta_deleting(&p->obj.meta));
}

static void
add_owned(const struct vec *pods, const char *uid, struct vec *out)
{
	for (size_t i = 0; pods != NULL && i < pods->n; i++) {
		struct pod *p = pods->v[i];
		const struct owner_ref *ref = meta_controller(&p->obj.meta);

		if (ref != NULL && strcmp(ref->uid, uid) == 0 && view_counts(p))
			vec_push(out, p);
	}
}

static struct vec *
pods_on(const struct store *st, const struct daemonset *ds, const char *node, struct vec *out)
{
	const struct vec *pods = store_pods_for_node(st, ds->obj.meta.uid, node);

	vec_clear(out);
	for (size_t i = 0; pods != NULL && i < pods->n; i++)
		if (view_counts(pods->v[i]))
			vec_push(out, pods->v[i]);
	return out->n > 0 ? out : NULL;
}

/* podByCreationTimestampAndPhase: bound before unbound, then older, then by name. */
static int
cmp_oldest_first(const void *a, const void *b)
{
	const struct pod *x = *(const struct pod *const *)a;
	const struct pod *y = *(const struct pod *const *)b;

	if ((x->spec.node_name != NULL) != (y->spec.node_name != NULL))
		return x->spec.node_name != NULL ? -1 : 1;
	if (x->obj.meta.creation_ms != y->obj.meta.creation_ms)
		return x->obj.meta.creation_ms < y->obj.meta.creation_ms ? -1 : 1;
	return strcmp(x->obj.meta.name, y->obj.meta.name);
}

/* ---- manage (podsShouldBeOnNode) ---- */

/* flowcontrol.Backoff hasExpired: untouched for twice the longest delay. */
static bool
backoff_expired(const struct backoff *b, sim_ms now)
{
	return now - b->last > 2 * BACKOFF_MAX_MS;
}

/*
 * failedPodsBackoff.GC, which Run starts every BackoffGCInterval: drop the
 * entries that expired. An expired entry already acts as a missing one, so
 * this only bounds memory; it runs lazily when the back-off is consulted,
 * at most once per interval, so no periodic timer keeps the engine busy.
 */
static void
backoff_gc(struct dsctrl *dc, sim_ms now)
{
	struct vec dead = VEC_INIT;
	const char *key;
	void *value;

	if (now - dc->backoff_gc < BACKOFF_GC_MS)
		return;
	dc->backoff_gc = now;
	for (size_t it = 0; map_next(&dc->backoffs, &it, &key, &value);)
		if (backoff_expired(value, now))
			vec_push(&dead, xstrdup(key));
	for (size_t i = 0; i < dead.n; i++) {
		free(map_del(&dc->backoffs, dead.v[i]));
		free(dead.v[i]);
	}
	vec_free(&dead);
}

static bool
in_backoff(struct dsctrl *dc, const char *key, sim_ms now, sim_ms *wait)
{
	struct backoff *b;

	backoff_gc(dc, now);
	b = map_get(&dc->backoffs, key);
	/* flowcontrol.Backoff.IsInBackOffSinceUpdate */
	if (b == NULL || backoff_expired(b, now))
		return false;
	if (now - b->last < b->delay) {
		/* Upstream requeues after the whole backoff.Get, not what is left of it. */
		*wait = b->delay;
		return true;
	}
	return false;
}

/*
 * flowcontrol.Backoff.Next (NewBackOff: no jitter). Nothing resets an entry
 * when a later pod runs or succeeds: it only expires, 2 x 15 min after its
 * last failure, so a node that fails again within that time waits longer.
 */
static void
backoff_next(struct dsctrl *dc, const char *key, sim_ms now)
{
	struct backoff *b = map_get(&dc->backoffs, key);

	if (b == NULL) {
		b = xcalloc(1, sizeof *b);
		map_put(&dc->backoffs, key, b);
		b->delay = BACKOFF_INITIAL_MS;
	} else if (backoff_expired(b, now))
		b->delay = BACKOFF_INITIAL_MS;
	else
		b->delay = b->delay * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : b->delay * 2;
	b->last = now;
}

static bool pod_is_updated(const struct pod *p, const char *hash, const char *gen);
static int32_t scaled(const struct intstr *v, int32_t total);

/* AllowsSurge: a RollingUpdate whose maxSurge resolves to more than zero. */
static bool
allows_surge(const struct daemonset *ds)
{
	return ds->strategy == DS_ROLLING_UPDATE && scaled(&ds->max_surge, 1) > 0;
}

static void
pods_should_be_on_node(struct dsctrl *dc, struct daemonset *ds, const struct node *node,
    const struct placement_fit *fitp, const struct vec *pods, const char *hash,
    struct vec *creates, struct vec *deletes)
{
	struct placement_fit fit = *fitp;
	struct vec running = VEC_INIT;
	sim_ms now = sim_now(dc->env->sim);

	/* removeSuspendedDaemonPods, then addSuspendedDaemonPods when it still cannot schedule. */
	if (fit.want && !fit.should_schedule) {
		char dskey[512];

		ds_key(&ds->obj, dskey, sizeof dskey);
		suspended_set(dc, node->obj.meta.name, dskey, true);
	} else if (map_len(&dc->suspended) > 0) {
		char dskey[512];

		ds_key(&ds->obj, dskey, sizeof dskey);
		suspended_set(dc, node->obj.meta.name, dskey, false);
	}
	if (fit.want && !fit.should_schedule && pods == NULL && fit.why[0] != '\0')
		event_record(dc->env->rec, &ds->obj, "Warning", "FailedPlacement", component,
		    "failed to place pod on \"%s\": %s", node->obj.meta.name, fit.why);
	if (fit.should_schedule && pods == NULL) {
		vec_push(creates, xstrdup(node->obj.meta.name));
		return;
	}
	if (fit.keep) {
		if (pods == NULL)
			return;
		for (size_t i = 0; i < pods->n; i++) {
			struct pod *p = pods->v[i];

			if (meta_deleting(&p->obj.meta))
				continue;
			if (p->status.phase == PHASE_FAILED) {
				char key[600];
				sim_ms wait;

				snprintf(key, sizeof key, "%s/%lld/%s", ds->obj.meta.uid,
				    (long long)ds->status.observed_generation, node->obj.meta.name);
				if (in_backoff(dc, key, now, &wait)) {
					char dskey[512];

					snprintf(dskey, sizeof dskey, "%s/%s", ds->obj.meta.ns, ds->obj.meta.name);
					enqueue_waiting(dc, dskey, wait);
					/*
					 * Upstream's requeued sync walks every node; ours must be
					 * told to look at this one again, or the failed pod stays.
					 */
					mark_dirty(cache_for(dc, &ds->obj), node->obj.meta.name);
					continue;
				}
				backoff_next(dc, key, now);
				event_record(dc->env->rec, &ds->obj, "Warning", "FailedDaemonPod", component,
				    "Found failed daemon pod %s/%s on node %s, will try to kill it",
				    p->obj.meta.ns, p->obj.meta.name, node->obj.meta.name);
				vec_push(deletes, p);
			} else if (p->status.phase == PHASE_SUCCEEDED) {
				event_record(dc->env->rec, &ds->obj, "Normal", "SucceededDaemonPod", component,
				    "Found succeeded daemon pod %s/%s on node %s, will try to delete it",
				    p->obj.meta.ns, p->obj.meta.name, node->obj.meta.name);
				vec_push(deletes, p);
			} else
				vec_push(&running, p);
		}
		/* Without surge a node keeps exactly one daemon pod: the oldest. */
		if (!allows_surge(ds)) {
			if (running.n > 1) {
				vec_sort(&running, cmp_oldest_first);
				for (size_t i = 1; i < running.n; i++)
					vec_push(deletes, running.v[i]);
			}
			vec_free(&running);
			return;
		}
		/* With surge: at most the oldest new and the oldest old pod; the old goes once the new is available. */
		if (running.n <= 1) {
			if (running.n == 0 && fit.should_schedule)
				vec_push(creates, xstrdup(node->obj.meta.name));
			vec_free(&running);
			return;
		}
		vec_sort(&running, cmp_oldest_first);
		{
			struct pod *oldest_new = NULL, *oldest_old = NULL;

			for (size_t i = 0; i < running.n; i++) {
				struct pod *p = running.v[i];

				const char *h = labels_get(&p->obj.meta.labels, "controller-revision-hash");

				/* Upstream tells new from old here by the hash label alone. */
				if (h != NULL && strcmp(h, hash) == 0) {
					if (oldest_new == NULL)
						oldest_new = p;
					else
						vec_push(deletes, p);
				} else if (oldest_old == NULL)
					oldest_old = p;
				else
					vec_push(deletes, p);
			}
			if (oldest_new != NULL && oldest_old != NULL &&
			    (!pod_is_ready(oldest_old) ||
				pod_is_available(oldest_new, ds->min_ready_seconds, now)))
				vec_push(deletes, oldest_old);
		}
		vec_free(&running);
		return;
	}
	if (pods != NULL)
		for (size_t i = 0; i < pods->n; i++)
			if (!meta_deleting(&((struct pod *)pods->v[i])->obj.meta))
				vec_push(deletes, pods->v[i]);
}

static struct pod *
new_daemon_pod(struct dsctrl *dc, const struct daemonset *ds, const char *hash, const char *node)
{
	struct pod *p = pod_new();
	char gen[32];

	meta_share_ns(&p->obj.meta, &ds->obj.meta);
	/* getPodsPrefix: "<name>-" */
	p->obj.meta.generate_name = xasprintf("%s-", ds->obj.meta.name);
	labels_copy(&p->obj.meta.labels, &ds->tmpl.labels);
	labels_copy(&p->obj.meta.annotations, &ds->tmpl.annotations);
	snprintf(gen, sizeof gen, "%lld", (long long)ds->template_generation);
	labels_set(&p->obj.meta.labels, "controller-revision-hash", hash);
	labels_set(&p->obj.meta.labels, "pod-template-generation", gen);
	pod_spec_free(&p->spec);
	pod_spec_copy(&p->spec, &ds->tmpl.spec);
	placement_add_default_tolerations(p);
	dc->placement->pin(p, node);
	meta_add_owner(&p->obj.meta, "apps/v1", "DaemonSet", ds->obj.meta.name, ds->obj.meta.uid,
	    true);
	return p;
}

static void
sync_nodes(struct dsctrl *dc, struct daemonset *ds, struct ds_cache *c, const char *hash,
    struct vec *creates, struct vec *deletes)
{
	struct store *st = dc->env->store;
	size_t ncreate = creates->n < BURST_REPLICAS ? creates->n : BURST_REPLICAS;
	size_t ndelete = deletes->n < BURST_REPLICAS ? deletes->n : BURST_REPLICAS;
	char dskey[512];

	for (size_t i = 0; i < ncreate; i++) {
		struct pod *p = new_daemon_pod(dc, ds, hash, creates->v[i]);
		struct ks_err err;

		/* The pod goes through the API server: Pod defaults, then admission. */
		defaults_pod(p);
		if (defaults_admit_pod(p, &err) < 0 || store_create(st, &p->obj, &err) != STORE_OK) {
			event_record(dc->env->rec, &ds->obj, "Warning", "FailedCreate", component,
			    "Error creating: %s", err.msg);
			pod_free(p);
			continue;
		}
		event_record(dc->env->rec, &ds->obj, "Normal", "SuccessfulCreate", component,
		    "Created pod: %s", p->obj.meta.name);
	}
	for (size_t i = 0; i < ndelete; i++) {
		struct pod *p = deletes->v[i];
		char *name = xstrdup(p->obj.meta.name);

		store_delete(st, &p->obj, -1);
		event_record(dc->env->rec, &ds->obj, "Normal", "SuccessfulDelete", component,
		    "Deleted pod: %s", name);
		free(name);
	}
	/* The rest wait for the next sync, as with BurstReplicas upstream. */
	for (size_t i = ncreate; i < creates->n; i++) {
		vec_push(&c->pending, creates->v[i]);
		creates->v[i] = NULL;
	}
	for (size_t i = ndelete; i < deletes->n; i++)
		mark_dirty(c, pod_target_node(deletes->v[i]));
	if (creates->n > ncreate || deletes->n > ndelete) {
		snprintf(dskey, sizeof dskey, "%s/%s", ds->obj.meta.ns, ds->obj.meta.name);
		enqueue_after(dc, dskey, dc->env->timing->controller_delay);
	}
}

/*
 * Carry out what a rolling update decided: daemon pods on the nodes named
 * in creates (names it owns), and the pods in deletes gone; frees both.
 */
static void
apply_update(struct dsctrl *dc, struct daemonset *ds, struct ds_cache *c, const char *hash,
    struct vec *creates, struct vec *deletes)
{
	if (creates->n > 0 || deletes->n > 0)
		sync_nodes(dc, ds, c, hash, creates, deletes);
	for (size_t i = 0; i < creates->n; i++)
		free(creates->v[i]);
	vec_free(creates);
	vec_free(deletes);
}

/* ---- status (updateDaemonSetStatus) ---- */

/* IsPodUpdated: the current hash, or the current template generation. */
static bool
pod_is_updated(const struct pod *p, const char *hash, const char *gen)
{
	const char *h = labels_get(&p->obj.meta.labels, "controller-revision-hash");
	const char *g = labels_get(&p->obj.meta.labels, "pod-template-generation");

	return (h != NULL && strcmp(h, hash) == 0) || (g != NULL && strcmp(g, gen) == 0);
}

static bool updated_pods_on_node(const struct vec *pods, const char *hash, const char *gen,
    struct pod **newp, struct pod **oldp);

/* rollingUpdate's judgement of one node (see rolling_update); *available: surge's numAvailable. */
static enum ru_class
ru_classify(const struct daemonset *ds, bool run, const struct vec *pods, const char *hash,
    const char *gen, sim_ms now, bool *available)
{
	struct pod *newp, *oldp;
	int32_t min_ready = ds->min_ready_seconds;

	*available = false;
	if ((pods == NULL || pods->n == 0) && !run)
		return RU_NONE;
	if (!updated_pods_on_node(pods, hash, gen, &newp, &oldp))
		return allows_surge(ds) ? RU_SURGING : RU_UNAVAILABLE;
	if (!allows_surge(ds)) {
		if (oldp == NULL)
			return newp == NULL || !pod_is_available(newp, min_ready, now) ? RU_UNAVAILABLE
											: RU_DONE;
		if (newp != NULL)
			return RU_UNAVAILABLE;
		return pod_is_available(oldp, min_ready, now) ? RU_CANDIDATE : RU_OLD_UNAVAILABLE;
	}
	if (oldp != NULL)
		*available = pod_is_available(oldp, min_ready, now);
	else
		*available = newp != NULL && pod_is_available(newp, min_ready, now);
	if (oldp == NULL)
		return RU_NONE;
	if (newp == NULL) {
		if (!pod_is_available(oldp, min_ready, now))
			return run ? RU_REPLACE_NOW : RU_OLD_GONE;
		return run ? RU_SURGE_CANDIDATE : RU_SUNSET;
	}
	return pod_is_available(newp, min_ready, now) ? RU_RETIRE : RU_SURGING;
}

static struct contrib
node_contrib(const struct daemonset *ds, const struct placement_fit *fit, struct vec *pods,
    const char *hash, const char *gen, sim_ms now)
{
	struct contrib k;

	memset(&k, 0, sizeof k);
	k.run = fit->run;
	k.ru = ru_classify(ds, fit->run, pods, hash, gen, now, &k.ru_available);
	k.want = fit->want;
	k.scheduled = pods != NULL && pods->n > 0;
	if (k.scheduled) {
		const struct pod *oldest;

		vec_sort(pods, cmp_oldest_first);
		oldest = pods->v[0];
		k.ready = pod_is_ready(oldest);
		k.available = k.ready && pod_is_available(oldest, ds->min_ready_seconds, now);
		k.updated = pod_is_updated(oldest, hash, gen);
	}
	return k;
}

/* Move the node's share of the status from what it was to k (NULL: the node is gone). */
static void
set_contrib(struct ds_cache *c, const char *node, const struct contrib *k)
{
	struct contrib *old = map_get(&c->contrib, node);
	struct ds_status *s = &c->sums;

	if (old != NULL) {
		c->run_nodes -= old->run;
		c->ru_count[old->ru]--;
		c->ru_available -= old->ru_available;
		if (ru_acted_on(old->ru))
			map_del(&c->ru_act, node);
		c->old_nodes -= old->scheduled && !old->updated;
		s->desired -= old->want;
		s->current -= old->want && old->scheduled;
		s->misscheduled -= !old->want && old->scheduled;
		s->ready -= old->want && old->ready;
		s->available -= old->want && old->available;
		s->updated -= old->want && old->updated;
	}
	if (k == NULL) {
		free(map_del(&c->contrib, node));
		return;
	}
	if (old == NULL) {
		old = xcalloc(1, sizeof *old);
		map_put(&c->contrib, node, old);
	}
	if (ru_candidate(k->ru) && old->ru != k->ru)
		c->candidates_stale = true;
	*old = *k;
	c->run_nodes += k->run;
	c->ru_count[k->ru]++;
	c->ru_available += k->ru_available;
	if (ru_acted_on(k->ru))
		map_put(&c->ru_act, node, (void *)1);
	c->old_nodes += k->scheduled && !k->updated;
	s->desired += k->want;
	s->current += k->want && k->scheduled;
	s->misscheduled += !k->want && k->scheduled;
	s->ready += k->want && k->ready;
	s->available += k->want && k->available;
	s->updated += k->want && k->updated;
}

static bool
ds_status_equal(const struct ds_status *a, const struct ds_status *b)
{
	return a->current == b->current && a->misscheduled == b->misscheduled &&
	    a->desired == b->desired && a->ready == b->ready && a->updated == b->updated &&
	    a->available == b->available && a->unavailable == b->unavailable &&
	    a->observed_generation == b->observed_generation;
}

static void
write_status(struct dsctrl *dc, struct daemonset *ds, const struct ds_cache *c)
{
	struct ds_status s = c->sums;

	s.unavailable = s.desired - s.available;
	s.observed_generation = ds->obj.meta.generation;
	if (!ds_status_equal(&s, &ds->status)) {
		ds->status = s;
		store_update(dc->env->store, &ds->obj);
	}
	if (ds->min_ready_seconds > 0 && s.ready != s.available) {
		char dskey[512];

		ds_key(&ds->obj, dskey, sizeof dskey);
		enqueue_waiting(dc, dskey, (sim_ms)ds->min_ready_seconds * 1000);
	}
}

/* ---- sync ---- */

/* ---- history (update.go constructHistory, cleanupHistory) ---- */

static int
cmp_revision(const void *a, const void *b)
{
	const struct revision *x = *(const struct revision *const *)a;
	const struct revision *y = *(const struct revision *const *)b;

	return x->revision < y->revision ? -1 : x->revision > y->revision;
}

/*
 * The DaemonSet's ControllerRevisions, claimed as pods are (adopt matching
 * orphans, release owned ones that stopped matching), split into the one
 * for the current template and the old ones. Creates the current one when
 * missing and renumbers it past the old ones (a rollback makes an old
 * template current again). Returns -1 when the current revision cannot be
 * created, and the sync stops there, as syncDaemonSet does.
 */
static int
construct_history(struct dsctrl *dc, struct daemonset *ds, const char *hash, const char *spec_fp,
    struct vec *old)
{
	struct store *st = dc->env->store;
	struct vec all = VEC_INIT, current = VEC_INIT;
	int64_t max_old = 0;
	struct revision *cur = NULL;

	store_list(st, KIND_CONTROLLERREVISION, ds->obj.meta.ns, &all);
	for (size_t i = 0; i < all.n; i++) {
		struct revision *r = all.v[i];
		const struct owner_ref *ref = meta_controller(&r->obj.meta);
		bool matches = sel_matches(&ds->selector, &r->obj.meta.labels);

		if (ref != NULL && strcmp(ref->uid, ds->obj.meta.uid) != 0)
			continue;
		if (ref != NULL && !matches) {
			meta_remove_owner(&r->obj.meta, ds->obj.meta.uid);
			store_update(st, &r->obj);
			continue;
		}
		if (ref == NULL) {
			if (!matches || meta_deleting(&r->obj.meta))
				continue;
			meta_add_owner(&r->obj.meta, "apps/v1", "DaemonSet", ds->obj.meta.name,
			    ds->obj.meta.uid, true);
			store_update(st, &r->obj);
		}
		if (!labels_has(&r->obj.meta.labels, "controller-revision-hash")) {
			labels_set(&r->obj.meta.labels, "controller-revision-hash", r->obj.meta.name);
			store_update(st, &r->obj);
		}
		if (labels_equal(&r->tmpl.labels, &ds->tmpl.labels) &&
		    labels_equal(&r->tmpl.annotations, &ds->tmpl.annotations) &&
		    strcmp(revision_spec_fp(r), spec_fp) == 0)
			vec_push(&current, r);
		else {
			vec_push(old, r);
			if (r->revision > max_old)
				max_old = r->revision;
		}
	}
	vec_sort(&current, cmp_revision);
	if (current.n == 0) {
		/* snapshot names it <name>-<hash> uncut, so a long DaemonSet name makes it invalid. */
		char *name = xasprintf("%s-%s", ds->obj.meta.name, hash);
		struct revision *r;
		struct ks_err err;

		if (strlen(name) > 253) {
			/*
			 * The API server refuses it (NameIsDNSSubdomain) and the
			 * controller retries for ever; kube-controller-manager logs the
			 * error, which kubesim, having no such log, shows as an event.
			 */
			event_record(dc->env->rec, &ds->obj, "Warning", "FailedCreate", component,
			    "failed to construct revisions of DaemonSet: ControllerRevision.apps \"%s\" is invalid: metadata.name: Invalid value: \"%s\": must be no more than 253 characters",
			    name, name);
			free(name);
			vec_free(&all);
			vec_free(&current);
			return -1;
		}
		r = revision_new();
		meta_share_ns(&r->obj.meta, &ds->obj.meta);
		r->obj.meta.name = name;
		labels_copy(&r->obj.meta.labels, &ds->tmpl.labels);
		labels_set(&r->obj.meta.labels, "controller-revision-hash", hash);
		labels_copy(&r->obj.meta.annotations, &ds->obj.meta.annotations);
		meta_add_owner(&r->obj.meta, "apps/v1", "DaemonSet", ds->obj.meta.name, ds->obj.meta.uid,
		    true);
		pod_template_free(&r->tmpl);
		pod_template_copy(&r->tmpl, &ds->tmpl);
		r->revision = max_old + 1;
		if (store_create(st, &r->obj, &err) != STORE_OK)
			revision_free(r);
	} else {
		cur = current.v[current.n - 1];
		/*
		 * Duplicates of the current template (dedupCurHistories): keep the
		 * newest, move the pods labelled with a duplicate's hash over to it,
		 * then delete the duplicate.
		 */
		for (size_t i = 0; i + 1 < current.n; i++) {
			struct revision *dup = current.v[i];
			const char *dup_hash = labels_get(&dup->obj.meta.labels, "controller-revision-hash");
			const char *keep_hash = labels_get(&cur->obj.meta.labels, "controller-revision-hash");
			const struct vec *owned = store_pods_owned_by(st, ds->obj.meta.uid);
			struct vec relabel = VEC_INIT;

			for (size_t j = 0; owned != NULL && j < owned->n; j++) {
				struct pod *p = owned->v[j];
				const char *h = labels_get(&p->obj.meta.labels, "controller-revision-hash");

				if (h != NULL && dup_hash != NULL && keep_hash != NULL && strcmp(h, dup_hash) == 0)
					vec_push(&relabel, p);
			}
			/* Updating a pod may reorder the owner index: collect first. */
			for (size_t j = 0; j < relabel.n; j++) {
				struct pod *p = relabel.v[j];

				labels_set(&p->obj.meta.labels, "controller-revision-hash", keep_hash);
				store_update(st, &p->obj);
			}
			vec_free(&relabel);
			store_delete(st, &dup->obj, -1);
		}
		if (cur->revision < max_old + 1) {
			cur->revision = max_old + 1;
			store_update(st, &cur->obj);
		}
	}
	vec_free(&all);
	vec_free(&current);
	return 0;
}

/* Old revisions past revisionHistoryLimit go, oldest first, unless a pod still runs them. */
static void
cleanup_history(struct dsctrl *dc, const struct daemonset *ds, struct vec *old)
{
	struct store *st = dc->env->store;
	long to_kill = (long)old->n - ds->revision_history_limit;
	const struct vec *owned = store_pods_owned_by(st, ds->obj.meta.uid);

	if (to_kill <= 0)
		return;
	vec_sort(old, cmp_revision);
	for (size_t i = 0; i < old->n && to_kill > 0; i++) {
		struct revision *r = old->v[i];
		const char *h = labels_get(&r->obj.meta.labels, "controller-revision-hash");
		bool live = false;

		for (size_t j = 0; owned != NULL && j < owned->n && !live; j++) {
			const char *ph = labels_get(&((struct pod *)owned->v[j])->obj.meta.labels,
			    "controller-revision-hash");

			live = ph != NULL && h != NULL && strcmp(ph, h) == 0;
		}
		if (live)
			continue;
		store_delete(st, &r->obj, -1);
		to_kill--;
	}
}

/* ---- rolling update (update.go) ---- */

/* GetScaledValueFromIntOrPercent with roundUp, as SurgeCount and UnavailableCount use it. */
static int32_t
scaled(const struct intstr *v, int32_t total)
{
	if (!v->set)
		return 0;
	if (!v->is_str)
		return v->ival;
	return (int32_t)((atoll(v->sval) * total + 99) / 100);
}

/*
 * findUpdatedPodsOnNode: the node's new and old pod among those not being
 * deleted; false when it has two of either (manage prunes those).
 */
static bool
updated_pods_on_node(const struct vec *pods, const char *hash, const char *gen, struct pod **newp,
    struct pod **oldp)
{
	*newp = *oldp = NULL;
	for (size_t i = 0; pods != NULL && i < pods->n; i++) {
		struct pod *p = pods->v[i];

		if (meta_deleting(&p->obj.meta))
			continue;
		if (pod_is_updated(p, hash, gen)) {
			if (*newp != NULL)
				return false;
			*newp = p;
		} else {
			if (*oldp != NULL)
				return false;
			*oldp = p;
		}
	}
	return true;
}

/*
 * rollingUpdate: replace old pods within the budget, node by node in
 * creation order. Without surge, old pods are deleted (at most
 * maxUnavailable nodes short at a time) and manage creates the new pods
 * once the old ones are gone; with surge, new pods are created beside the
 * old (at most maxSurge at a time) and podsShouldBeOnNode retires each old
 * pod once its successor is available.
 */
static void
rolling_update(struct dsctrl *dc, struct daemonset *ds, struct ds_cache *c, const char *hash,
    const char *gen)
{
	struct store *st = dc->env->store;
	struct vec nodes = VEC_INIT, pods = VEC_INIT, creates = VEC_INIT, deletes = VEC_INIT;
	struct vec candidates = VEC_INIT, sunsetting = VEC_INIT;
	int32_t desired = 0, max_unavailable, max_surge;
	int32_t num_unavailable = 0, num_surge = 0, num_available = 0;
	sim_ms now = sim_now(dc->env->sim);
	int32_t min_ready = ds->min_ready_seconds;

	store_list(st, KIND_NODE, NULL, &nodes);
	for (size_t i = 0; i < nodes.n; i++) {
		bool run, keep;

		placement_should_run(ds, nodes.v[i], &run, &keep);
		desired += run;
	}
	max_unavailable = scaled(&ds->max_unavailable, desired);
	max_surge = scaled(&ds->max_surge, desired);
	if (desired > 0 && max_unavailable == 0 && max_surge == 0)
		max_unavailable = 1;
	for (size_t i = 0; i < nodes.n; i++) {
		const struct node *n = nodes.v[i];
		struct vec *on = pods_on(st, ds, n->obj.meta.name, &pods);
		struct pod *newp, *oldp;
		bool run, keep;

		placement_should_run(ds, n, &run, &keep);
		/* nodeToPods: nodes with daemon pods, and desired nodes without. */
		if (on == NULL && !run)
			continue;
		if (!updated_pods_on_node(on, hash, gen, &newp, &oldp)) {
			if (max_surge > 0)
				num_surge++;
			else
				num_unavailable++;
			continue;
		}
		if (max_surge == 0) {
			if (oldp == NULL) {
				if (newp == NULL || !pod_is_available(newp, min_ready, now))
					num_unavailable++;
			} else if (newp != NULL) {
				num_unavailable++;
			} else if (!pod_is_available(oldp, min_ready, now)) {
				vec_push(&deletes, oldp);
				num_unavailable++;
			} else if (num_unavailable < max_unavailable)
				vec_push(&candidates, oldp);
			continue;
		}
		if (oldp != NULL) {
			if (pod_is_available(oldp, min_ready, now))
				num_available++;
		} else if (newp != NULL && pod_is_available(newp, min_ready, now))
			num_available++;
		if (oldp == NULL)
			continue;
		if (newp == NULL) {
			if (!pod_is_available(oldp, min_ready, now)) {
				if (!run)
					vec_push(&deletes, oldp);
				else
					vec_push(&creates, xstrdup(n->obj.meta.name));
			} else if (!run)
				vec_push(&sunsetting, oldp);
			else if (num_surge < max_surge)
				vec_push(&candidates, (void *)n->obj.meta.name);
			continue;
		}
		if (!pod_is_available(newp, min_ready, now))
			num_surge++;
		else
			vec_push(&deletes, oldp);
	}
	if (max_surge == 0) {
		int32_t remaining = max_unavailable - num_unavailable;

		for (int32_t i = 0; i < remaining && (size_t)i < candidates.n; i++)
			vec_push(&deletes, candidates.v[i]);
	} else {
		int32_t k = num_available - desired, remaining = max_surge - num_surge;

		for (int32_t i = 0; i < k && (size_t)i < sunsetting.n; i++)
			vec_push(&deletes, sunsetting.v[i]);
		for (int32_t i = 0; i < remaining && (size_t)i < candidates.n; i++)
			vec_push(&creates, xstrdup(candidates.v[i]));
	}
	apply_update(dc, ds, c, hash, &creates, &deletes);
	vec_free(&nodes);
	vec_free(&pods);
	vec_free(&candidates);
	vec_free(&sunsetting);
}

static int cmp_node_creation(const void *a, const void *b);

/*
 * rolling_update from the nodes' kept classes (ru_classify) instead of a
 * look at every node: the same deletions and creations in the same order
 * (those decided by node, in node order, then the first candidates in node
 * order within the budget). Valid because a node's class changes only
 * through events that mark it, or when its pod turns available
 * (minReadySeconds), which is a due visit. The nodes whose pods it deleted
 * go to touched, to be counted afresh.
 */
static void
rolling_update_kept(struct dsctrl *dc, struct daemonset *ds, struct ds_cache *c, const char *hash,
    const char *gen, struct vec *touched)
{
	struct store *st = dc->env->store;
	struct vec nodes = VEC_INIT, pods = VEC_INIT, creates = VEC_INIT, deletes = VEC_INIT;
	struct vec sunset = VEC_INIT;
	int32_t desired = (int32_t)c->run_nodes, max_unavailable, max_surge, remaining;
	bool surge = allows_surge(ds);
	const char *name;
	void *value;

	max_unavailable = scaled(&ds->max_unavailable, desired);
	max_surge = scaled(&ds->max_surge, desired);
	if (desired > 0 && max_unavailable == 0 && max_surge == 0)
		max_unavailable = 1;
	if (surge && max_surge == 0) {
		/* A percentage of no nodes: the classes were judged for a surge there is not. */
		rolling_update(dc, ds, c, hash, gen);
		return;
	}
	/* What is decided node by node, in node order. */
	for (size_t it = 0; map_next(&c->ru_act, &it, &name, &value);) {
		struct object *n = store_get(st, KIND_NODE, NULL, name);

		if (n != NULL)
			vec_push(&nodes, n);
	}
	vec_sort(&nodes, cmp_node_creation);
	for (size_t i = 0; i < nodes.n; i++) {
		const struct node *n = nodes.v[i];
		const struct contrib *k = map_get(&c->contrib, n->obj.meta.name);
		struct pod *newp, *oldp;

		if (!updated_pods_on_node(pods_on(st, ds, n->obj.meta.name, &pods), hash, gen, &newp,
			&oldp) || oldp == NULL)
			continue;
		switch (k->ru) {
		case RU_REPLACE_NOW:
			vec_push(&creates, xstrdup(n->obj.meta.name));
			break;
		case RU_SUNSET:
			vec_push(&sunset, oldp);
			break;
		default: /* RU_OLD_UNAVAILABLE, RU_RETIRE, RU_OLD_GONE */
			vec_push(&deletes, oldp);
			vec_push(touched, (void *)n);
			break;
		}
	}
	if (surge) {
		/* Old pods on nodes that no longer want one, while enough are available elsewhere. */
		int32_t k = (int32_t)c->ru_available - desired;

		for (int32_t i = 0; i < k && (size_t)i < sunset.n; i++) {
			struct pod *p = sunset.v[i];
			struct object *n = store_get(st, KIND_NODE, NULL, pod_target_node(p));

			vec_push(&deletes, p);
			if (n != NULL)
				vec_push(touched, n);
		}
		remaining = max_surge - (int32_t)c->ru_count[RU_SURGING];
	} else
		remaining = max_unavailable -
		    (int32_t)(c->ru_count[RU_UNAVAILABLE] + c->ru_count[RU_OLD_UNAVAILABLE]);
	if (remaining > 0 && c->candidates_stale) {
		struct vec all = VEC_INIT;

		clear_candidates(c);
		c->candidates_stale = false;
		store_list(st, KIND_NODE, NULL, &all);
		for (size_t i = 0; i < all.n; i++) {
			const struct node *n = all.v[i];
			const struct contrib *k = map_get(&c->contrib, n->obj.meta.name);

			if (k != NULL && ru_candidate(k->ru))
				vec_push(&c->candidates, xstrdup(n->obj.meta.name));
		}
		vec_free(&all);
	}
	for (size_t i = c->candidates_head; remaining > 0 && i < c->candidates.n; i++) {
		const char *cand = c->candidates.v[i];
		const struct contrib *k = map_get(&c->contrib, cand);
		const struct node *n = k != NULL && ru_candidate(k->ru)
		    ? (const struct node *)store_get(st, KIND_NODE, NULL, cand) : NULL;
		struct pod *newp, *oldp;

		if (n == NULL) {
			/* No longer a candidate: off the list for good if it heads it. */
			if (i == c->candidates_head) {
				free(c->candidates.v[i]);
				c->candidates.v[i] = NULL;
				c->candidates_head++;
			}
			continue;
		}
		if (!updated_pods_on_node(pods_on(st, ds, cand, &pods), hash, gen, &newp, &oldp) ||
		    oldp == NULL)
			continue;
		if (surge)
			vec_push(&creates, xstrdup(cand));
		else {
			vec_push(&deletes, oldp);
			vec_push(touched, (void *)n);
		}
		remaining--;
	}
	apply_update(dc, ds, c, hash, &creates, &deletes);
	vec_free(&nodes);
	vec_free(&pods);
	vec_free(&sunset);
}

static int
cmp_node_creation(const void *a, const void *b)
{
	const struct object *x = *(const struct object *const *)a;
	const struct object *y = *(const struct object *const *)b;

	return x->store_slot < y->store_slot ? -1 : x->store_slot > y->store_slot;
}

/*
 * The nodes this sync visits: every node on a full sync; otherwise the
 * dirty ones and the next burst of those waiting for a pod, in creation
 * order. Names of nodes that no longer exist go to gone: on a full sync
 * every node an owned unbound pod is pinned to (getUnscheduledPodsWithoutNode
 * runs on every sync upstream), as the cache was just cleared.
 */
static void
nodes_to_visit(struct dsctrl *dc, const struct daemonset *ds, struct ds_cache *c, bool full,
    struct vec *visit, struct vec *gone)
{
	struct store *st = dc->env->store;
	struct map seen;
	const char *name;
	void *value;

	map_init(&seen);
	if (full) {
		const struct vec *owned = store_pods_owned_by(st, ds->obj.meta.uid);

		store_list(st, KIND_NODE, NULL, visit);
		for (size_t i = 0; owned != NULL && i < owned->n; i++) {
			const struct pod *p = owned->v[i];
			const char *pin = p->spec.node_name == NULL || p->spec.node_name[0] == '\0'
			    ? pod_pinned_node(p) : NULL;

			if (pin != NULL && !map_has(&seen, pin) &&
			    store_get(st, KIND_NODE, NULL, pin) == NULL) {
				map_put(&seen, pin, NULL);
				vec_push(gone, xstrdup(pin));
			}
		}
		map_free(&seen);
		return;
	}
	for (size_t it = 0; map_next(&c->dirty, &it, &name, &value);) {
		struct object *n = store_get(st, KIND_NODE, NULL, name);

		if (n == NULL)
			vec_push(gone, xstrdup(name));
		else if (!map_has(&seen, name)) {
			map_put(&seen, name, n);
			vec_push(visit, n);
		}
	}
	/*
	 * Legacy mode: the nodes without room for this DaemonSet. Upstream's
	 * every sync weighs every node, so each one tries them again (and
	 * says FailedPlacement again); only these can have changed unseen, as
	 * other pods leaving or finishing do not enqueue this DaemonSet.
	 */
	if (map_len(&dc->suspended) > 0) {
		char dskey[512];

		ds_key(&ds->obj, dskey, sizeof dskey);
		for (size_t it = 0; map_next(&dc->suspended, &it, &name, &value);) {
			struct object *n;

			if (!map_has(value, dskey) || map_has(&seen, name))
				continue;
			n = store_get(st, KIND_NODE, NULL, name);
			if (n != NULL) {
				map_put(&seen, name, n);
				vec_push(visit, n);
			}
		}
	}
	{
		struct due_visit d;

		while (due_pop(c, sim_now(dc->env->sim), &d)) {
			struct object *n = store_get(st, KIND_NODE, NULL, d.node);

			if (n != NULL && !map_has(&seen, d.node)) {
				map_put(&seen, d.node, n);
				vec_push(visit, n);
			}
			free(d.node);
		}
	}
	for (size_t k = 0; k < BURST_REPLICAS && c->pending_head < c->pending.n; k++) {
		char *pname = c->pending.v[c->pending_head++];
		struct object *n = store_get(st, KIND_NODE, NULL, pname);

		if (n != NULL && !map_has(&seen, pname)) {
			map_put(&seen, pname, n);
			vec_push(visit, n);
		}
		free(pname);
	}
	if (c->pending_head == c->pending.n) {
		vec_clear(&c->pending);
		c->pending_head = 0;
	}
	map_free(&seen);
	vec_sort(visit, cmp_node_creation);
}

/* The node's share of the status (and its class in an update), counted afresh. */
static void
count_node(const struct daemonset *ds, struct ds_cache *c, const struct node *n,
    const struct placement_fit *fit, const char *hash, const char *gen, sim_ms now,
    struct vec *pods, const struct store *st)
{
	struct contrib k = node_contrib(ds, fit, pods_on(st, ds, n->obj.meta.name, pods), hash, gen,
	    now);

	set_contrib(c, n->obj.meta.name, &k);
}

static void
count_visited(struct dsctrl *dc, const struct daemonset *ds, struct ds_cache *c,
    const struct vec *visit, const struct placement_fit *fits, const char *hash, const char *gen,
    struct vec *pods)
{
	for (size_t i = 0; i < visit->n; i++)
		count_node(ds, c, visit->v[i], &fits[i], hash, gen, sim_now(dc->env->sim), pods,
		    dc->env->store);
}

static void
dsctrl_sync(struct dsctrl *dc, const char *key)
{
	struct store *st = dc->env->store;
	char ns[256];
	const char *slash = strchr(key, '/');
	struct daemonset *ds;
	struct ds_cache *c;
	struct vec visit = VEC_INIT, gone = VEC_INIT, creates = VEC_INIT, deletes = VEC_INIT;
	struct vec pods = VEC_INIT, old_revisions = VEC_INIT, touched = VEC_INIT;
	struct placement_fit *fits;
	struct strbuf hash = STRBUF_INIT;
	char gen[32];
	bool full, updating;
	sim_ms now = sim_now(dc->env->sim);

	snprintf(ns, sizeof ns, "%.*s", (int)(slash - key), key);
	ds = (struct daemonset *)store_get(st, KIND_DAEMONSET, ns, slash + 1);
	if (ds == NULL)
		return;
	if (ds->selector.present && sel_is_empty(&ds->selector)) {
		event_record(dc->env->rec, &ds->obj, "Warning", "SelectingAll", component,
		    "This daemon set is selecting all pods. A non-empty selector is required.");
		return;
	}
	/* Being deleted (foreground or orphan): the garbage collector's turn. */
	if (meta_deleting(&ds->obj.meta))
		return;
	c = cache_for(dc, &ds->obj);
	/* The template changes only with the spec's generation: hash it once per generation. */
	if (c->template_hash == NULL || c->hashed_generation != ds->obj.meta.generation) {
		free(c->template_hash);
		free(c->spec_fp);
		dsctrl_template_hash(ds, &hash);
		c->template_hash = sb_take(&hash);
		pod_spec_fingerprint(&ds->tmpl.spec, &hash);
		c->spec_fp = sb_take(&hash);
		c->hashed_generation = ds->obj.meta.generation;
	}
	sb_add(&hash, c->template_hash);
	if (construct_history(dc, ds, sb_str(&hash), c->spec_fp, &old_revisions) < 0) {
		vec_free(&old_revisions);
		sb_free(&hash);
		return;
	}
	snprintf(gen, sizeof gen, "%lld", (long long)ds->template_generation);
	if (c->generation != ds->obj.meta.generation || strcmp(c->hash, sb_str(&hash)) != 0) {
		c->generation = ds->obj.meta.generation;
		free(c->hash);
		c->hash = xstrdup(sb_str(&hash));
		c->full = c->claim = true;
	}
	/*
	 * A sync looks at the nodes something happened to (and those whose pod
	 * has turned available since: minReadySeconds). A rolling update with
	 * surge still weighs every node at once.
	 */
	updating = ds->strategy == DS_ROLLING_UPDATE && c->old_nodes > 0;
	full = c->full;
	if (c->claim) {
		c->claim = false;
		claim_pods(dc, ds);
	}
	if (full)
		cache_clear_nodes(c);
	nodes_to_visit(dc, ds, c, full, &visit, &gone);
	/* Events during this sync mark nodes for the next one. */
	map_free(&c->dirty);
	c->full = false;

	fits = xcalloc(visit.n ? visit.n : 1, sizeof *fits);
	for (size_t i = 0; i < visit.n; i++) {
		const struct node *n = visit.v[i];

		dc->placement->fit(dc->env, ds, n, &fits[i]);
		pods_should_be_on_node(dc, ds, n, &fits[i], pods_on(st, ds, n->obj.meta.name, &pods),
		    sb_str(&hash), &creates, &deletes);
	}
	/* Pods aimed at nodes that are gone: unbound ones are the controller's to delete. */
	for (size_t i = 0; i < gone.n; i++) {
		const struct vec *pinned = store_pods_pinned_to(st, gone.v[i]);

		vec_clear(&pods);
		add_owned(pinned, ds->obj.meta.uid, &pods);
		for (size_t j = 0; j < pods.n; j++)
			if (!meta_deleting(&((struct pod *)pods.v[j])->obj.meta))
				vec_push(&deletes, pods.v[j]);
		set_contrib(c, gone.v[i], NULL);
	}
	sync_nodes(dc, ds, c, sb_str(&hash), &creates, &deletes);
	/* Only a sync whose manage changed nothing goes on to the update (expectations). */
	if (creates.n == 0 && deletes.n == 0 && ds->strategy == DS_ROLLING_UPDATE) {
		if (full)
			rolling_update(dc, ds, c, sb_str(&hash), gen);
		else if (updating) {
			/* The visited nodes' classes first, as they stand after manage. */
			count_visited(dc, ds, c, &visit, fits, sb_str(&hash), gen, &pods);
			rolling_update_kept(dc, ds, c, sb_str(&hash), gen, &touched);
		}
	}
	cleanup_history(dc, ds, &old_revisions);

	/*
	 * Status from a fresh look at the visited nodes, as updateDaemonSetStatus
	 * lists again, and at those whose pods the update just deleted.
	 */
	count_visited(dc, ds, c, &visit, fits, sb_str(&hash), gen, &pods);
	for (size_t i = 0; i < touched.n; i++) {
		const struct node *n = touched.v[i];
		struct placement_fit fit;

		dc->placement->fit(dc->env, ds, n, &fit);
		count_node(ds, c, n, &fit, sb_str(&hash), gen, now, &pods, st);
	}
	write_status(dc, ds, c);

	free(fits);
	for (size_t i = 0; i < creates.n; i++)
		free(creates.v[i]);
	for (size_t i = 0; i < gone.n; i++)
		free(gone.v[i]);
	sb_free(&hash);
	vec_free(&old_revisions);
	vec_free(&visit);
	vec_free(&gone);
	vec_free(&pods);
	vec_free(&creates);
	vec_free(&deletes);
	vec_free(&touched);
}

/* ---- lifecycle ---- */

struct dsctrl *
dsctrl_new(const struct ctl_env *env, const struct ds_placement *placement)
{
	struct dsctrl *dc = xcalloc(1, sizeof *dc);

	dc->env = env;
	dc->placement = placement;
	dc->running = true;
	map_init(&dc->queue);
	map_init(&dc->waiting);
	map_init(&dc->node_state);
	map_init(&dc->backoffs);
	map_init(&dc->caches);
	map_init(&dc->suspended);
	store_watch(env->store, dsctrl_watch, dc);
	return dc;
}

static void
queued_set_free(struct dsctrl *dc, struct map *set)
{
	const char *key;
	void *value;

	for (size_t it = 0; map_next(set, &it, &key, &value);) {
		struct queued *q = value;

		if (q->timer != 0)
			sim_cancel(dc->env->sim, q->timer);
		free(q->key);
		free(q);
	}
	map_free(set);
}

void
dsctrl_free(struct dsctrl *dc)
{
	const char *key;
	void *value;

	if (dc == NULL)
		return;
	queued_set_free(dc, &dc->queue);
	queued_set_free(dc, &dc->waiting);
	for (size_t it = 0; map_next(&dc->node_state, &it, &key, &value);)
		free(value);
	map_free(&dc->node_state);
	for (size_t it = 0; map_next(&dc->backoffs, &it, &key, &value);)
		free(value);
	map_free(&dc->backoffs);
	for (size_t it = 0; map_next(&dc->caches, &it, &key, &value);)
		cache_free(value);
	map_free(&dc->caches);
	for (size_t it = 0; map_next(&dc->suspended, &it, &key, &value);) {
		map_free(value);
		free(value);
	}
	map_free(&dc->suspended);
	free(dc);
}
