/*
 * sched.c - the default scheduler, after pkg/scheduler (v1.32).
 *
 * A pod that is unbound, not being deleted and asks for default-scheduler
 * enters the active queue and is attempted schedulerDelay later; attempts
 * run one pod at a time in queue order. Each attempt runs the filter
 * plugins of the default profile over every node (or, for a pod pinned by
 * a metadata.name matchFields term, only the named nodes: NodeAffinity's
 * PreFilter), scores the feasible ones, binds to the best and records
 * Scheduled; or records FailedScheduling with FitError's message and parks
 * the pod until the cluster changes in a way that could help (a node added
 * or updated, a pod deleted), as the scheduling queue's unschedulable pods
 * are moved back on cluster events.
 */
#include "control/sched.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "control/env.h"
#include "util/atom.h"
#include "util/duration.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const char component[] = "default-scheduler";

struct attempt {
	struct sched *s;
	char *uid;
	sim_id timer;
	uint32_t repeats; /* identical failed retries skipped before this one */
};

/* A pod parked as unschedulable. */
struct parked {
	sim_ms at;        /* when its last attempt failed */
	uint64_t changes; /* the scheduler's change count then (struct sched) */
	uint32_t repeats; /* retries skipped, counted when it is next tried */
};

struct sched {
	const struct ctl_env *env;
	bool running;
	struct map active;        /* pod uid -> struct attempt (timer pending or parked) */
	struct map unschedulable; /* pod uid -> struct parked */
	sim_id flush_timer;       /* flushUnschedulablePodsLeftover, when a parked pod is due */
	sim_ms flush_at;
	/*
	 * Store changes seen, other than events and the scheduler's own writes
	 * to pods it fails: a pod parked with the current count has seen the
	 * cluster as it is, so retrying it would fail the same way again.
	 */
	uint64_t changes;
	bool own_write;
};

/*
 * The scheduling queue retries a pod parked as unschedulable for longer than
 * podMaxInUnschedulablePodsDuration even when no cluster event could have
 * helped; its flush runs every 30 seconds. The flush here is armed only for
 * the tick at which some parked pod is due: the ticks in between find
 * nothing to do.
 */
#define UNSCHEDULABLE_MAX_MS (5 * 60 * 1000)
#define FLUSH_PERIOD_MS (30 * 1000)

static void activate(struct sched *s, const struct pod *p, bool retry);

static void
unpark(struct sched *s, const char *uid)
{
	free(map_del(&s->unschedulable, uid));
}

static int
cmp_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
flush_fire(struct sim *sim, void *arg);

/* The first flush tick at which a pod parked at `at` is due (parked longer than the maximum). */
static sim_ms
due_tick(sim_ms at)
{
	sim_ms after = dur_add(at, UNSCHEDULABLE_MAX_MS);

	return after >= INT64_MAX - FLUSH_PERIOD_MS ? INT64_MAX
						     : (after / FLUSH_PERIOD_MS + 1) * FLUSH_PERIOD_MS;
}

/* Arm the flush for the tick at which a pod parked at `at` is due, unless one comes sooner. */
static void
arm_flush(struct sched *s, sim_ms at)
{
	sim_ms tick = due_tick(at), now = sim_now(s->env->sim);

	if (tick <= now)
		tick = (now / FLUSH_PERIOD_MS + 1) * FLUSH_PERIOD_MS;
	if (s->flush_timer != 0) {
		if (s->flush_at <= tick)
			return;
		sim_cancel(s->env->sim, s->flush_timer);
	}
	s->flush_at = tick;
	s->flush_timer = sim_after_steady(s->env->sim, tick - now, flush_fire, s);
}

/*
 * A pod that failed against the cluster as it still is will fail the same
 * way at every retry, about every five and a half minutes, for as long as
 * nothing happens; its only traces are its FailedScheduling event's count
 * and time. When nothing else will run or look before sim_quiet_until (see
 * engine.h), park it as of its last retry before then, and count the ones
 * in between when that retry runs.
 */
static void
skip_quiet_retries(struct sched *s, struct parked *pk, sim_ms quiet)
{
	/* Flush tick, attempt schedulerDelay later, parked from then: the tick it is next due. */
	sim_ms delay = s->env->timing->scheduler_delay;
	sim_ms cycle = (delay + UNSCHEDULABLE_MAX_MS) / FLUSH_PERIOD_MS * FLUSH_PERIOD_MS + FLUSH_PERIOD_MS;
	sim_ms first = due_tick(pk->at);
	int64_t retries;

	if (pk->changes != s->changes || pk->repeats > 0 || first >= INT64_MAX - delay ||
	    first + delay >= quiet)
		return;
	/* Retries at first, first + cycle, ... whose attempt comes before quiet. */
	retries = (quiet - 1 - first - delay) / cycle + 1;
	if (retries > UINT32_MAX)
		retries = UINT32_MAX;
	if (retries < 2)
		return;
	pk->repeats = (uint32_t)(retries - 1);
	pk->at += (retries - 1) * cycle;
}

static void
flush_fire(struct sim *sim, void *arg)
{
	struct sched *s = arg;
	struct vec uids = VEC_INIT;
	const char *key;
	void *value;
	sim_ms now = sim_now(sim), quiet = sim_quiet_until(sim), next = INT64_MAX;

	s->flush_timer = 0;
	for (size_t it = 0; map_next(&s->unschedulable, &it, &key, &value);) {
		struct parked *pk = value;

		skip_quiet_retries(s, pk, quiet);
		if (now - pk->at > UNSCHEDULABLE_MAX_MS)
			vec_push(&uids, xstrdup(key));
		else if (pk->at < next)
			next = pk->at;
	}
	vec_sort(&uids, cmp_strings);
	for (size_t i = 0; i < uids.n; i++) {
		struct object *o = store_get_uid(s->env->store, uids.v[i]);

		if (o != NULL && o->kind == KIND_POD)
			activate(s, (struct pod *)o, true);
		else
			unpark(s, uids.v[i]);
		free(uids.v[i]);
	}
	vec_free(&uids);
	if (next != INT64_MAX)
		arm_flush(s, next);
}

static bool
wants_scheduling(const struct pod *p)
{
	return p->spec.node_name == NULL && !meta_deleting(&p->obj.meta) && !pod_is_terminal(p) &&
	    p->spec.scheduler_name != NULL && strcmp(p->spec.scheduler_name, "default-scheduler") == 0;
}

/* ---- resources ---- */

/* What a pod counts for on its node (store_node_usage's rule). */
static bool
counts_on_node(const struct pod *p)
{
	return !pod_is_terminal(p);
}

int64_t
sched_node_requested(const struct store *st, const char *node, const char *resource,
    const char *except_owner_uid)
{
	int idx = store_resource_index(resource);
	const struct vec *pods;
	int64_t sum;

	if (idx < 0) {
		/* Only the three summed resources are ever asked for; any other is a walk. */
		pods = store_pods_on_node(st, node);
		sum = 0;
		for (size_t i = 0; pods != NULL && i < pods->n; i++)
			if (counts_on_node(pods->v[i]))
				sum += pod_request_milli(&((const struct pod *)pods->v[i])->spec, resource);
	} else
		sum = store_node_usage(st, node)->milli[idx];
	if (except_owner_uid == NULL)
		return sum;
	/* The owner's pods on the node (bound ones only count). */
	pods = store_pods_for_node(st, except_owner_uid, node);
	for (size_t i = 0; pods != NULL && i < pods->n; i++) {
		const struct pod *p = pods->v[i];

		if (p->spec.node_name != NULL && counts_on_node(p))
			sum -= pod_request_milli(&p->spec, resource);
	}
	return sum;
}

int
sched_node_pod_count(const struct store *st, const char *node)
{
	return store_node_usage(st, node)->pods;
}

/* ---- filter plugins, in the default profile's order ---- */

static bool
tolerates_unschedulable(const struct pod *p)
{
	struct taint t = {"node.kubernetes.io/unschedulable", "", EFFECT_NO_SCHEDULE, -1};

	return tolerations_tolerate(p->spec.tolerations, p->spec.n_tolerations, &t);
}

/* Does any host port of one container set clash with a port of the other's? */
static bool
ports_clash(const struct pod_spec *a, const struct pod_spec *b)
{
	for (size_t c = 0; c < a->n_containers; c++) {
		const struct container *ca = &a->containers[c];

		for (size_t pi = 0; pi < ca->n_ports; pi++) {
			const struct container_port *want = &ca->ports[pi];
			const char *p1 = want->protocol ? want->protocol : "TCP";

			if (want->host_port <= 0)
				continue;
			for (size_t oc = 0; oc < b->n_containers; oc++) {
				const struct container *cb = &b->containers[oc];

				for (size_t op = 0; op < cb->n_ports; op++) {
					const char *p2 = cb->ports[op].protocol ? cb->ports[op].protocol : "TCP";

					if (cb->ports[op].host_port == want->host_port && strcmp(p1, p2) == 0)
						return true;
				}
			}
		}
	}
	return false;
}

bool
sched_ports_conflict(const struct store *st, const struct pod_spec *spec, const struct pod *self,
    const char *node, const char *except_owner_uid)
{
	const struct vec *pods;

	/* Most pods ask for no host port, and most nodes hold none. */
	if (store_node_usage(st, node)->host_port_pods == 0 || !pod_wants_host_port(spec))
		return false;
	pods = store_pods_on_node(st, node);
	for (size_t i = 0; pods != NULL && i < pods->n; i++) {
		const struct pod *other = pods->v[i];
		const struct owner_ref *ref = meta_controller(&other->obj.meta);

		if (other == self || !counts_on_node(other))
			continue;
		if (except_owner_uid != NULL && ref != NULL && strcmp(ref->uid, except_owner_uid) == 0)
			continue;
		if (ports_clash(spec, &other->spec))
			return true;
	}
	return false;
}

const char *
sched_filter(const struct store *st, const struct pod *pod, const struct node *node, char *buf,
    size_t len)
{
	const char *name = node->obj.meta.name;
	const struct taint *t;
	struct strbuf sb = STRBUF_INIT;
	static const char *const resources[] = {"cpu", "memory", "ephemeral-storage"};
	const struct quantity *pods_cap;

	/* NodeUnschedulable */
	if (node->unschedulable && !tolerates_unschedulable(pod))
		return "node(s) were unschedulable";
	/*
	 * NodeName: kept with the rest of the default filters, though pods reach
	 * the scheduler only unbound, so today it never rejects.
	 */
	if (pod->spec.node_name != NULL && strcmp(pod->spec.node_name, name) != 0)
		return "node(s) didn't match the requested node name";
	/* TaintToleration: the first untolerated NoSchedule or NoExecute taint. */
	t = taint_find_untolerated(node->taints, node->n_taints, pod->spec.tolerations,
	    pod->spec.n_tolerations, EFFECT_BIT(EFFECT_NO_SCHEDULE) | EFFECT_BIT(EFFECT_NO_EXECUTE));
	if (t != NULL) {
		snprintf(buf, len, "node(s) had untolerated taint {%s: %s}", t->key, t->value);
		return buf;
	}
	/* NodeAffinity: nodeSelector and required terms. */
	if (!labels_subset(&pod->spec.node_selector, &node->obj.meta.labels) ||
	    (pod->spec.has_affinity && pod->spec.affinity.has_required &&
		!node_selector_matches(&pod->spec.affinity.required, &node->obj.meta.labels, name)))
		return "node(s) didn't match Pod's node affinity/selector";
	/* NodePorts */
	if (sched_ports_conflict(st, &pod->spec, pod, name, NULL))
		return "node(s) didn't have free ports for the requested pod ports";
	/* NodeResourcesFit: every insufficient resource is a reason. */
	pods_cap = res_list_get(&node->allocatable, "pods");
	if (pods_cap != NULL && sched_node_pod_count(st, name) + 1 > qty_value(pods_cap))
		sb_add(&sb, "Too many pods");
	for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++) {
		int64_t want = pod_request_milli(&pod->spec, resources[i]);
		const struct quantity *alloc = res_list_get(&node->allocatable, resources[i]);

		if (want == 0 || alloc == NULL)
			continue;
		if (want + sched_node_requested(st, name, resources[i], NULL) > alloc->milli) {
			if (sb.len > 0)
				sb_addc(&sb, '\n');
			sb_addf(&sb, "Insufficient %s", resources[i]);
		}
	}
	if (sb.len > 0) {
		snprintf(buf, len, "%s", sb_str(&sb));
		sb_free(&sb);
		return buf;
	}
	sb_free(&sb);
	return NULL;
}

/* ---- scoring ---- */

/*
 * A reduced default score: NodeResourcesFit's LeastAllocated (cpu and
 * memory weighted equally), TaintToleration (fewer untolerated
 * PreferNoSchedule taints is better, weight 3) and NodeAffinity's preferred
 * terms (weight 2). Enough to spread plain pods the way a learner expects.
 */
static int64_t
score_node(const struct store *st, const struct pod *pod, const struct node *node)
{
	static const char *const res[] = {"cpu", "memory"};
	int64_t score = 0;
	int prefer_no = 0;
	int64_t affinity = 0;

	for (size_t i = 0; i < 2; i++) {
		const struct quantity *alloc = res_list_get(&node->allocatable, res[i]);
		int64_t used, cap;

		if (alloc == NULL || alloc->milli <= 0)
			continue;
		cap = alloc->milli;
		used = sched_node_requested(st, node->obj.meta.name, res[i], NULL) +
		    pod_request_milli(&pod->spec, res[i]);
		if (used > cap)
			used = cap;
		score += (cap - used) * 100 / cap / 2;
	}
	for (size_t i = 0; i < node->n_taints; i++)
		if (node->taints[i].effect == EFFECT_PREFER_NO_SCHEDULE &&
		    !tolerations_tolerate(pod->spec.tolerations, pod->spec.n_tolerations,
			&node->taints[i]))
			prefer_no++;
	if (pod->spec.has_affinity)
		for (size_t i = 0; i < pod->spec.affinity.n_preferred; i++)
			if (node_term_matches(&pod->spec.affinity.preferred[i].term,
				&node->obj.meta.labels, node->obj.meta.name))
				affinity += pod->spec.affinity.preferred[i].weight;
	return score + 3 * (100 - (prefer_no > 10 ? 100 : prefer_no * 10)) + 2 * affinity;
}

/* ---- the FitError message (framework/types.go) ---- */

struct reason_count {
	char *reason; /* owned */
	int count;
	bool resolvable; /* Unschedulable (preemption might help), not ...AndUnresolvable */
};

#define MAX_REASONS 32

static void
count_reason(struct reason_count *rc, size_t *n, const char *reason, int by, bool resolvable)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcmp(rc[i].reason, reason) == 0) {
			rc[i].count += by;
			return;
		}
	}
	/* More distinct reasons than fit are dropped from the message, never miscounted. */
	if (*n == MAX_REASONS)
		return;
	rc[*n].reason = xstrdup(reason);
	rc[*n].count = by;
	rc[*n].resolvable = resolvable;
	(*n)++;
}

static void
histogram(struct strbuf *out, const struct reason_count *rc, size_t n)
{
	char **entries = xcalloc(n ? n : 1, sizeof *entries);

	for (size_t i = 0; i < n; i++)
		entries[i] = xasprintf("%d %s", rc[i].count, rc[i].reason);
	/* Sorted as strings, so "10 x" sorts before "2 y", as upstream. */
	qsort(entries, n, sizeof *entries, cmp_strings);
	for (size_t i = 0; i < n; i++) {
		sb_addf(out, "%s%s", i ? ", " : " ", entries[i]);
		free(entries[i]);
	}
	free(entries);
}

/* ---- one attempt ---- */

static void
bind_pod(struct sched *s, struct pod *pod, const struct node *node)
{
	struct store *st = s->env->store;
	sim_ms now = sim_now(s->env->sim);

	pod->spec.node_name = atom_get(node->obj.meta.name);
	pod_cond_set(&pod->status.scheduled, "True", NULL, NULL, now);
	store_update(st, &pod->obj);
	event_record(s->env->rec, &pod->obj, "Normal", "Scheduled", component,
	    "Successfully assigned %s/%s to %s", pod->obj.meta.ns, pod->obj.meta.name,
	    node->obj.meta.name);
}

static void
fail_pod(struct sched *s, struct pod *pod, const char *message, uint32_t repeats)
{
	sim_ms now = sim_now(s->env->sim);
	struct parked *pk = xmalloc(sizeof *pk);

	pod_cond_set(&pod->status.scheduled, "False", "Unschedulable", message, now);
	s->own_write = true;
	store_update(s->env->store, &pod->obj);
	s->own_write = false;
	event_record_times(s->env->rec, 1 + repeats, &pod->obj, "Warning", "FailedScheduling",
	    component, "%s", message);
	pk->at = now;
	pk->changes = s->changes;
	pk->repeats = 0;
	free(map_put(&s->unschedulable, pod->obj.meta.uid, pk));
	arm_flush(s, now);
}

/* NodeAffinity PreFilter: the node names a metadata.name term pins the pod to, if every term does. */
static bool
prefilter_names(const struct pod *pod, struct vec *names)
{
	const struct node_selector *ns;

	if (!pod->spec.has_affinity || !pod->spec.affinity.has_required)
		return false;
	ns = &pod->spec.affinity.required;
	if (ns->n_terms == 0)
		return false;
	for (size_t i = 0; i < ns->n_terms; i++) {
		bool pinned = false;

		for (size_t j = 0; j < ns->terms[i].n_fields; j++) {
			const struct sel_req *r = &ns->terms[i].fields[j];

			if (strcmp(r->key, "metadata.name") == 0 && r->op == SEL_IN) {
				for (size_t k = 0; k < r->n_values; k++)
					vec_push(names, r->values[k]);
				pinned = true;
				break;
			}
		}
		if (!pinned) {
			vec_clear(names);
			return false;
		}
	}
	return true;
}

static void
schedule_one(struct sched *s, struct pod *pod, uint32_t repeats)
{
	struct store *st = s->env->store;
	struct vec nodes = VEC_INIT, pinned = VEC_INIT, best = VEC_INIT;
	struct reason_count rc[MAX_REASONS];
	size_t nrc = 0;
	int64_t best_score = -1;
	size_t total = store_count(st, KIND_NODE);
	size_t explicit = 0, resolvable_nodes = 0;
	char buf[1024];
	bool narrowed;

	narrowed = prefilter_names(pod, &pinned);
	if (narrowed) {
		for (size_t i = 0; i < pinned.n; i++) {
			struct object *n = store_get(st, KIND_NODE, NULL, pinned.v[i]);

			if (n != NULL)
				vec_push(&nodes, n);
		}
	} else
		store_list(st, KIND_NODE, NULL, &nodes);

	for (size_t i = 0; i < nodes.n; i++) {
		const struct node *n = nodes.v[i];
		const char *why = sched_filter(st, pod, n, buf, sizeof buf);

		explicit++;
		if (why == NULL) {
			int64_t sc = score_node(st, pod, n);

			if (sc > best_score) {
				best_score = sc;
				vec_clear(&best);
			}
			if (sc == best_score)
				vec_push(&best, (void *)n);
			continue;
		}
		/* Fit may give several reasons, one per line. */
		{
			bool resolvable = strncmp(why, "Insufficient", 12) == 0 ||
			    strcmp(why, "Too many pods") == 0 || strstr(why, "free ports") != NULL;
			char *copy = xstrdup(why), *save = NULL;

			for (char *r = strtok_r(copy, "\n", &save); r != NULL;
			     r = strtok_r(NULL, "\n", &save))
				count_reason(rc, &nrc, r, 1, resolvable);
			free(copy);
			/* Preemption judges each node once, by its filter status. */
			if (resolvable)
				resolvable_nodes++;
		}
	}
	if (best.n > 0) {
		/* selectHost breaks ties at random (reservoir sampling). */
		const struct node *chosen = best.v[rng_below(s->env->rng, best.n)];

		bind_pod(s, pod, chosen);
	} else if (total == 0) {
		/* FitError is not even built without nodes (schedule_one.go ErrNoNodesAvailable). */
		fail_pod(s, pod, "no nodes available to schedule pods", repeats);
	} else {
		struct strbuf msg = STRBUF_INIT;
		struct reason_count pre[MAX_REASONS] = {{NULL, 0, false}};
		size_t npre = 0;

		if (narrowed && explicit < total)
			count_reason(rc, &nrc, "node(s) didn't satisfy plugin(s) [NodeAffinity]",
			    (int)(total - explicit), false);
		sb_addf(&msg, "0/%zu nodes are available:", total);
		if (nrc > 0) {
			histogram(&msg, rc, nrc);
			sb_addc(&msg, '.');
		}
		/*
		 * DefaultPreemption's PostFilter message, one count per node: those that
		 * failed only for resources could be helped, but no priorities are
		 * modelled, so no victims are found; the rest cannot be helped.
		 */
		if (resolvable_nodes > 0)
			count_reason(pre, &npre, "No preemption victims found for incoming pod",
			    (int)resolvable_nodes, false);
		if (total - resolvable_nodes > 0)
			count_reason(pre, &npre, "Preemption is not helpful for scheduling",
			    (int)(total - resolvable_nodes), false);
		sb_addf(&msg, " preemption: 0/%zu nodes are available:", total);
		histogram(&msg, pre, npre);
		sb_addc(&msg, '.');
		fail_pod(s, pod, sb_str(&msg), repeats);
		sb_free(&msg);
		for (size_t i = 0; i < npre; i++)
			free(pre[i].reason);
	}
	for (size_t i = 0; i < nrc; i++)
		free(rc[i].reason);
	vec_free(&nodes);
	vec_free(&pinned);
	vec_free(&best);
}

static void
attempt_fire(struct sim *sim, void *arg)
{
	struct attempt *a = arg;
	struct sched *s = a->s;
	struct object *obj;
	char *uid = a->uid;
	uint32_t repeats = a->repeats;

	(void)sim;
	map_del(&s->active, uid);
	free(a);
	obj = store_get_uid(s->env->store, uid);
	if (obj != NULL && obj->kind == KIND_POD && wants_scheduling((struct pod *)obj))
		schedule_one(s, (struct pod *)obj, repeats);
	free(uid);
}

/*
 * Queue p for an attempt. A retry from the flush is steady (engine.h): it
 * fails as the last attempt did unless the cluster changed, and other
 * steady loops need not stop for it.
 */
static void
activate(struct sched *s, const struct pod *p, bool retry)
{
	struct attempt *a;
	const struct parked *pk;

	if (map_has(&s->active, p->obj.meta.uid))
		return;
	a = xcalloc(1, sizeof *a);
	if ((pk = map_get(&s->unschedulable, p->obj.meta.uid)) != NULL)
		a->repeats = pk->repeats;
	unpark(s, p->obj.meta.uid);
	a->s = s;
	a->uid = xstrdup(p->obj.meta.uid);
	map_put(&s->active, a->uid, a);
	if (s->running)
		a->timer = (retry ? sim_after_steady : sim_after)(s->env->sim,
		    s->env->timing->scheduler_delay, attempt_fire, a);
}

/* MoveAllToActiveOrBackoffQueue: a cluster change may have made room. */
static void
retry_unschedulable(struct sched *s)
{
	struct vec uids = VEC_INIT;
	const char *key;
	void *value;

	for (size_t it = 0; map_next(&s->unschedulable, &it, &key, &value);)
		vec_push(&uids, xstrdup(key));
	/* Slot order is arbitrary; retry in a stable order. */
	vec_sort(&uids, cmp_strings);
	for (size_t i = 0; i < uids.n; i++) {
		struct object *o = store_get_uid(s->env->store, uids.v[i]);

		if (o != NULL && o->kind == KIND_POD && wants_scheduling((struct pod *)o))
			activate(s, (struct pod *)o, false);
		else
			unpark(s, uids.v[i]);
		free(uids.v[i]);
	}
	vec_free(&uids);
}

static void
sched_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct sched *s = ctx;

	/* Events, leases and namespaces cannot make a pod fit. */
	if (obj->kind != KIND_EVENT && obj->kind != KIND_LEASE && obj->kind != KIND_NAMESPACE &&
	    !s->own_write)
		s->changes++;
	if (obj->kind == KIND_NODE) {
		if (op != STORE_DELETED)
			retry_unschedulable(s);
		return;
	}
	if (obj->kind != KIND_POD)
		return;
	if (op == STORE_DELETED) {
		unpark(s, obj->meta.uid);
		/* An attempt already queued finds the pod gone and does nothing. */
		if (((struct pod *)obj)->spec.node_name != NULL)
			retry_unschedulable(s);
		return;
	}
	if (op == STORE_ADDED && wants_scheduling((struct pod *)obj))
		activate(s, (struct pod *)obj, false);
}

struct sched *
sched_new(const struct ctl_env *env)
{
	struct sched *s = xcalloc(1, sizeof *s);

	s->env = env;
	s->running = true;
	map_init(&s->active);
	map_init(&s->unschedulable);
	store_watch(env->store, sched_watch, s);
	return s;
}

void
sched_set_running(struct sched *s, bool running)
{
	const char *key;
	void *value;
	struct vec pending = VEC_INIT;

	if (s->running == running)
		return;
	s->running = running;
	if (!running) {
		for (size_t it = 0; map_next(&s->active, &it, &key, &value);) {
			struct attempt *a = value;

			sim_cancel(s->env->sim, a->timer);
			a->timer = 0;
		}
		return;
	}
	/* Restarted: every pending pod is queued again, in creation order. */
	{
		struct vec pods = VEC_INIT;

		store_list(s->env->store, KIND_POD, NULL, &pods);
		for (size_t i = 0; i < pods.n; i++)
			if (wants_scheduling(pods.v[i]))
				vec_push(&pending, pods.v[i]);
		vec_free(&pods);
	}
	for (size_t it = 0; map_next(&s->active, &it, &key, &value);)
		free(((struct attempt *)value)->uid), free(value);
	map_free(&s->active);
	map_init(&s->active);
	for (size_t i = 0; i < pending.n; i++)
		activate(s, pending.v[i], false);
	vec_free(&pending);
}

bool
sched_running(const struct sched *s)
{
	return s->running;
}

void
sched_free(struct sched *s)
{
	const char *key;
	void *value;

	if (s == NULL)
		return;
	for (size_t it = 0; map_next(&s->active, &it, &key, &value);) {
		struct attempt *a = value;

		if (a->timer != 0)
			sim_cancel(s->env->sim, a->timer);
		free(a->uid);
		free(a);
	}
	map_free(&s->active);
	if (s->flush_timer != 0)
		sim_cancel(s->env->sim, s->flush_timer);
	for (size_t it = 0; map_next(&s->unschedulable, &it, &key, &value);)
		free(value);
	map_free(&s->unschedulable);
	free(s);
}
