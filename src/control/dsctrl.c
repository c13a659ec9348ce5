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
 * Expectations are not modelled: the store is synchronous, so by the time a
 * sync runs, every earlier create and delete has been observed.
 *
 * Cost: a sync is O(nodes + the DaemonSet's pods). Nodes are visited in
 * creation order, which fixes which generated name lands on which node for
 * a given seed (the real controller's order is unspecified).
 */
#include "control/dsctrl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
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

static const char component[] = "daemonset-controller";

struct queued {
	struct dsctrl *dc;
	char *key; /* "namespace/name" */
	sim_id timer;
};

struct backoff {
	sim_ms delay;
	sim_ms last;
};

struct dsctrl {
	const struct ctl_env *env;
	const struct ds_placement *placement;
	bool running;
	struct map queue;      /* key -> struct queued (pending or parked) */
	struct map node_state; /* node name -> labels+taints fingerprint (owned string) */
	struct map backoffs;   /* "<ds uid>/<generation>/<node>" -> struct backoff */
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

static void
enqueue_after(struct dsctrl *dc, const char *key, sim_ms delay)
{
	struct queued *q = map_get(&dc->queue, key);

	if (q != NULL) {
		/* Already queued; an earlier deadline wins (AddAfter semantics). */
		if (q->timer != 0 && delay < dc->env->timing->controller_delay) {
			sim_cancel(dc->env->sim, q->timer);
			q->timer = sim_after(dc->env->sim, delay, queued_fire, q);
		}
		return;
	}
	q = xcalloc(1, sizeof *q);
	q->dc = dc;
	q->key = xstrdup(key);
	map_put(&dc->queue, key, q);
	if (dc->running)
		q->timer = sim_after(dc->env->sim, delay, queued_fire, q);
}

static void
enqueue(struct dsctrl *dc, const struct object *ds)
{
	char key[512];

	snprintf(key, sizeof key, "%s/%s", ds->meta.ns, ds->meta.name);
	enqueue_after(dc, key, dc->env->timing->controller_delay);
}

void
dsctrl_set_running(struct dsctrl *dc, bool running)
{
	const char *key;
	void *value;

	if (dc->running == running)
		return;
	dc->running = running;
	for (size_t it = 0; map_next(&dc->queue, &it, &key, &value);) {
		struct queued *q = value;

		if (!running && q->timer != 0) {
			sim_cancel(dc->env->sim, q->timer);
			q->timer = 0;
		} else if (running && q->timer == 0)
			q->timer = sim_after(dc->env->sim, dc->env->timing->controller_delay,
			    queued_fire, q);
	}
}

bool
dsctrl_running(const struct dsctrl *dc)
{
	return dc->running;
}

/* ---- event handlers (daemon_controller.go addPod, updateNode, ...) ---- */

static void
enqueue_matching(struct dsctrl *dc, const struct pod *p)
{
	struct vec all = VEC_INIT;

	store_list(dc->env->store, KIND_DAEMONSET, p->obj.meta.ns, &all);
	for (size_t i = 0; i < all.n; i++) {
		const struct daemonset *ds = all.v[i];

		if (sel_matches(&ds->selector, &p->obj.meta.labels))
			enqueue(dc, &ds->obj);
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

static char *
node_fingerprint(const struct node *n)
{
	struct strbuf sb = STRBUF_INIT;

	labels_format(&n->obj.meta.labels, &sb);
	for (size_t i = 0; i < n->n_taints; i++) {
		sb_addc(&sb, '|');
		taint_format(&n->taints[i], &sb);
	}
	return sb_take(&sb);
}

static void
on_pod(struct dsctrl *dc, const struct pod *p)
{
	const struct owner_ref *ref = meta_controller(&p->obj.meta);

	if (ref != NULL) {
		struct object *owner;

		if (strcmp(ref->kind, "DaemonSet") != 0)
			return;
		owner = store_get_uid(dc->env->store, ref->uid);
		if (owner != NULL && owner->kind == KIND_DAEMONSET)
			enqueue(dc, owner);
		return;
	}
	enqueue_matching(dc, p);
}

static void
on_node(struct dsctrl *dc, enum store_op op, const struct node *n)
{
	char *fp, *old;

	if (op == STORE_DELETED) {
		/* No handler upstream either: the node just leaves the next list. */
		free(map_del(&dc->node_state, n->obj.meta.name));
		return;
	}
	fp = node_fingerprint(n);
	old = map_get(&dc->node_state, n->obj.meta.name);
	/* v1.32 shouldIgnoreNodeUpdate: only labels and taints matter. */
	if (op == STORE_MODIFIED && old != NULL && strcmp(old, fp) == 0) {
		free(fp);
		return;
	}
	free(map_put(&dc->node_state, n->obj.meta.name, fp));
	enqueue_all(dc);
}

static void
dsctrl_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct dsctrl *dc = ctx;

	switch (obj->kind) {
	case KIND_DAEMONSET:
		enqueue(dc, obj);
		break;
	case KIND_POD:
		on_pod(dc, (struct pod *)obj);
		break;
	case KIND_NODE:
		on_node(dc, op, (struct node *)obj);
		break;
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
claim_pods(struct dsctrl *dc, struct daemonset *ds, struct vec *claimed)
{
	struct store *st = dc->env->store;
	const struct vec *owned = store_pods_owned_by(st, ds->obj.meta.uid);
	const struct vec *orphans = store_pods_owned_by(st, "");
	struct vec work = VEC_INIT;

	vec_clear(claimed);
	if (owned != NULL)
		for (size_t i = 0; i < owned->n; i++)
			vec_push(&work, owned->v[i]);
	for (size_t i = 0; i < work.n; i++) {
		struct pod *p = work.v[i];

		if (sel_matches(&ds->selector, &p->obj.meta.labels)) {
			vec_push(claimed, p);
		} else if (!meta_deleting(&ds->obj.meta)) {
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
		vec_push(claimed, p);
	}
	vec_free(&work);
}

/*
 * Which of the DaemonSet's pods are "on" a node (getNodesToDaemonPods).
 * Bound pods come from the store's by-node index, so a sync never groups
 * all pods; only unbound pods, found through their node affinity, are
 * grouped here, and there are few of those outside a creation burst.
 */
struct pod_view {
	const struct daemonset *ds;
	struct map unbound; /* target node -> struct vec of pods */
	struct vec scratch;
};

/* getNodesToDaemonPods skips pods that finished and are being deleted. */
static bool
view_counts(const struct pod *p)
{
	return !(pod_is_terminal(p) && meta_deleting(&p->obj.meta));
}

static void
view_init(struct pod_view *v, const struct daemonset *ds, const struct vec *claimed)
{
	v->ds = ds;
	map_init(&v->unbound);
	vec_init(&v->scratch);
	for (size_t i = 0; i < claimed->n; i++) {
		struct pod *p = claimed->v[i];
		const char *node;
		struct vec *pods;

		if (p->spec.node_name != NULL || !view_counts(p))
			continue;
		node = placement_target_node(p);
		if (node == NULL)
			continue;
		pods = map_get(&v->unbound, node);
		if (pods == NULL) {
			pods = xcalloc(1, sizeof *pods);
			map_put(&v->unbound, node, pods);
		}
		vec_push(pods, p);
	}
}

static void
view_free(struct pod_view *v)
{
	const char *key;
	void *value;

	for (size_t it = 0; map_next(&v->unbound, &it, &key, &value);) {
		vec_free(value);
		free(value);
	}
	map_free(&v->unbound);
	vec_free(&v->scratch);
}

/* The DaemonSet's pods on node, or NULL when it has none (the vector is reused). */
static struct vec *
view_pods(struct pod_view *v, const struct store *st, const char *node)
{
	const struct vec *bound = store_pods_on_node(st, node);
	const struct vec *unbound = map_get(&v->unbound, node);

	vec_clear(&v->scratch);
	for (size_t i = 0; bound != NULL && i < bound->n; i++) {
		struct pod *p = bound->v[i];
		const struct owner_ref *ref = meta_controller(&p->obj.meta);

		/* Claiming already released owned pods that stopped matching. */
		if (ref != NULL && strcmp(ref->uid, v->ds->obj.meta.uid) == 0 && view_counts(p))
			vec_push(&v->scratch, p);
	}
	for (size_t i = 0; unbound != NULL && i < unbound->n; i++)
		vec_push(&v->scratch, unbound->v[i]);
	return v->scratch.n > 0 ? &v->scratch : NULL;
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

/* The owned pods after this sync's writes (claiming already happened). */
static void
claimed_refresh(const struct store *st, const struct daemonset *ds, struct vec *claimed)
{
	const struct vec *owned = store_pods_owned_by(st, ds->obj.meta.uid);

	vec_clear(claimed);
	for (size_t i = 0; owned != NULL && i < owned->n; i++)
		vec_push(claimed, owned->v[i]);
}

/* ---- manage (podsShouldBeOnNode) ---- */

static bool
in_backoff(struct dsctrl *dc, const char *key, sim_ms now, sim_ms *wait)
{
	struct backoff *b = map_get(&dc->backoffs, key);

	/* flowcontrol.Backoff.IsInBackOffSinceUpdate */
	if (b == NULL || now - b->last > 2 * BACKOFF_MAX_MS)
		return false;
	if (now - b->last < b->delay) {
		*wait = b->delay - (now - b->last);
		return true;
	}
	return false;
}

static void
backoff_next(struct dsctrl *dc, const char *key, sim_ms now)
{
	struct backoff *b = map_get(&dc->backoffs, key);

	if (b == NULL) {
		b = xcalloc(1, sizeof *b);
		map_put(&dc->backoffs, key, b);
		b->delay = BACKOFF_INITIAL_MS;
	} else if (now - b->last > 2 * BACKOFF_MAX_MS)
		b->delay = BACKOFF_INITIAL_MS;
	else
		b->delay = b->delay * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : b->delay * 2;
	b->last = now;
}

static void
pods_should_be_on_node(struct dsctrl *dc, struct daemonset *ds, const struct node *node,
    const struct vec *pods, struct vec *creates, struct vec *deletes)
{
	struct placement_fit fit;
	struct vec running = VEC_INIT;
	sim_ms now = sim_now(dc->env->sim);

	dc->placement->fit(dc->env, ds, node, &fit);
	if (fit.want && !fit.should_schedule && pods == NULL && fit.why[0] != '\0')
		event_record(dc->env->rec, &ds->obj, "Warning", "FailedPlacement", component,
		    "failed to place pod on \"%s\": %s", node->obj.meta.name, fit.why);
	if (fit.should_schedule && pods == NULL) {
		vec_push(creates, (void *)node->obj.meta.name);
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
					enqueue_after(dc, dskey, wait);
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
		if (running.n > 1) {
			vec_sort(&running, cmp_oldest_first);
			for (size_t i = 1; i < running.n; i++)
				vec_push(deletes, running.v[i]);
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

	p->obj.meta.ns = xstrdup(ds->obj.meta.ns);
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
sync_nodes(struct dsctrl *dc, struct daemonset *ds, const char *hash, struct vec *creates,
    struct vec *deletes)
{
	struct store *st = dc->env->store;
	size_t ncreate = creates->n < BURST_REPLICAS ? creates->n : BURST_REPLICAS;
	size_t ndelete = deletes->n < BURST_REPLICAS ? deletes->n : BURST_REPLICAS;
	char dskey[512];

	for (size_t i = 0; i < ncreate; i++) {
		struct pod *p = new_daemon_pod(dc, ds, hash, creates->v[i]);
		struct ks_err err;

		if (store_create(st, &p->obj, &err) != STORE_OK) {
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
	if (creates->n > ncreate || deletes->n > ndelete) {
		snprintf(dskey, sizeof dskey, "%s/%s", ds->obj.meta.ns, ds->obj.meta.name);
		enqueue_after(dc, dskey, dc->env->timing->controller_delay);
	}
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

static void
update_status(struct dsctrl *dc, struct daemonset *ds, const struct vec *nodes,
    struct pod_view *view, const char *hash)
{
	struct ds_status s;
	sim_ms now = sim_now(dc->env->sim);
	char gen[32];

	snprintf(gen, sizeof gen, "%lld", (long long)ds->template_generation);
	memset(&s, 0, sizeof s);
	for (size_t i = 0; i < nodes->n; i++) {
		const struct node *n = nodes->v[i];
		struct placement_fit fit;
		struct vec *pods = view_pods(view, dc->env->store, n->obj.meta.name);

		dc->placement->fit(dc->env, ds, n, &fit);
		if (fit.want) {
			s.desired++;
			if (pods != NULL && pods->n > 0) {
				const struct pod *oldest;

				s.current++;
				vec_sort(pods, cmp_oldest_first);
				oldest = pods->v[0];
				if (pod_is_ready(oldest)) {
					s.ready++;
					if (pod_is_available(oldest, ds->min_ready_seconds, now))
						s.available++;
				}
				if (pod_is_updated(oldest, hash, gen))
					s.updated++;
			}
		} else if (pods != NULL && pods->n > 0)
			s.misscheduled++;
	}
	s.unavailable = s.desired - s.available;
	s.observed_generation = ds->obj.meta.generation;
	if (memcmp(&s, &ds->status, sizeof s) != 0) {
		ds->status = s;
		store_update(dc->env->store, &ds->obj);
	}
	if (ds->min_ready_seconds > 0 && s.ready != s.available) {
		char dskey[512];

		snprintf(dskey, sizeof dskey, "%s/%s", ds->obj.meta.ns, ds->obj.meta.name);
		enqueue_after(dc, dskey, (sim_ms)ds->min_ready_seconds * 1000);
	}
}

/* ---- sync ---- */

static void
dsctrl_sync(struct dsctrl *dc, const char *key)
{
	struct store *st = dc->env->store;
	char ns[256];
	const char *slash = strchr(key, '/');
	struct daemonset *ds;
	struct vec nodes = VEC_INIT, claimed = VEC_INIT, creates = VEC_INIT, deletes = VEC_INIT;
	struct pod_view view;
	struct strbuf hash = STRBUF_INIT;

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
	dsctrl_template_hash(ds, &hash);
	store_list(st, KIND_NODE, NULL, &nodes);

	claim_pods(dc, ds, &claimed);
	view_init(&view, ds, &claimed);
	for (size_t i = 0; i < nodes.n; i++) {
		const struct node *n = nodes.v[i];
		struct vec *pods = view_pods(&view, st, n->obj.meta.name);

		pods_should_be_on_node(dc, ds, n, pods, &creates, &deletes);
	}
	/* Unbound pods aimed at nodes that are gone are the controller's to delete. */
	{
		const char *node;
		void *value;

		for (size_t it = 0; map_next(&view.unbound, &it, &node, &value);) {
			struct vec *pods = value;

			if (store_get(st, KIND_NODE, NULL, node) != NULL)
				continue;
			for (size_t i = 0; i < pods->n; i++)
				if (!meta_deleting(&((struct pod *)pods->v[i])->obj.meta))
					vec_push(&deletes, pods->v[i]);
		}
	}
	view_free(&view);
	sync_nodes(dc, ds, sb_str(&hash), &creates, &deletes);

	/* Status from a fresh look, as updateDaemonSetStatus lists again. */
	claimed_refresh(st, ds, &claimed);
	view_init(&view, ds, &claimed);
	update_status(dc, ds, &nodes, &view, sb_str(&hash));
	view_free(&view);

	sb_free(&hash);
	vec_free(&nodes);
	vec_free(&claimed);
	vec_free(&creates);
	vec_free(&deletes);
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
	map_init(&dc->node_state);
	map_init(&dc->backoffs);
	store_watch(env->store, dsctrl_watch, dc);
	return dc;
}

void
dsctrl_free(struct dsctrl *dc)
{
	const char *key;
	void *value;

	if (dc == NULL)
		return;
	for (size_t it = 0; map_next(&dc->queue, &it, &key, &value);) {
		struct queued *q = value;

		if (q->timer != 0)
			sim_cancel(dc->env->sim, q->timer);
		free(q->key);
		free(q);
	}
	map_free(&dc->queue);
	for (size_t it = 0; map_next(&dc->node_state, &it, &key, &value);)
		free(value);
	map_free(&dc->node_state);
	for (size_t it = 0; map_next(&dc->backoffs, &it, &key, &value);)
		free(value);
	map_free(&dc->backoffs);
	free(dc);
}
