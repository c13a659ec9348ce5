/*
 * kubelet.c - the kubelets of all nodes, as one component.
 *
 * A pod bound to a node is admitted or rejected (lifecycle/predicate.go:
 * resources, node name, selector and affinity, NoExecute taints); an
 * admitted pod shows ContainerCreating until its images are pulled and its
 * containers start, podStartup later, when it turns Running and Ready with
 * an IP from the node's pod CIDR. A pod being deleted gets SIGTERM and is
 * removed when its containers exit: podShutdown later, capped by its
 * terminationGracePeriodSeconds. Every reaction is scheduled on the engine
 * (never done inside the store's notification), so the order of events is
 * the engine's, deterministic.
 */
#include "control/kubelet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/lease.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "control/env.h"
#include "control/sched.h"
#include "util/atom.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/map.h"
#include "util/xmalloc.h"

static const char component[] = "kubelet";

#define PULL_BACKOFF_INITIAL_MS 10000
#define PULL_BACKOFF_MAX_MS 300000
/* How long a failed pull shows ErrImagePull before the next sync shows ImagePullBackOff. */
#define PULL_ERROR_SHOWN_MS 1000

struct node_state {
	bool alive;
	unsigned next_ip; /* last octet handed out */
};

/* What the kubelet is doing with one pod. */
enum pod_work {
	WORK_NONE,
	WORK_STARTING, /* pulling and starting containers */
	WORK_BACKOFF,  /* image pull failed, waiting to retry */
	WORK_STOPPING, /* SIGTERM sent */
};

/*
 * Two timers: sync_timer coalesces "look at this pod again" requests from
 * store notifications; work_timer is the one piece of work in progress
 * (a start, a pull back-off, a stop). Keeping them apart means a
 * notification never loses track of work already scheduled.
 */
struct pod_state {
	struct kubelet *k;
	/*
	 * The pod itself: the state goes with the pod's DELETED notification
	 * (pod_state_drop), before the store frees it, so a timer that finds
	 * its state finds its pod. Indexed by the pod's uid, borrowed.
	 */
	struct pod *pod;
	enum pod_work work;
	sim_id sync_timer;
	sim_id work_timer;
	sim_ms pull_backoff;
	uint32_t repeats; /* identical pull cycles skipped before this one (skip_quiet_pulls) */
};

/* What containerd reports for an image, worked out once per image. */
struct image_names {
	const char *ref; /* atoms */
	const char *id;
};

struct kubelet {
	const struct ctl_env *env;
	struct map nodes;  /* name -> struct node_state */
	struct map pods;   /* uid -> struct pod_state */
	struct map images; /* image as the spec names it -> struct image_names */
};

static const struct image_names *
image_names(struct kubelet *k, const char *image)
{
	struct image_names *in = map_get(&k->images, image);

	if (in == NULL) {
		char *ref = pod_image_ref(image), *id = pod_image_id(image);

		in = xmalloc(sizeof *in);
		in->ref = atom_get(ref);
		in->id = atom_get(id);
		free(ref);
		free(id);
		map_put(&k->images, image, in);
	}
	return in;
}

static struct node_state *
node_state(struct kubelet *k, const char *node)
{
	return map_get(&k->nodes, node);
}

static struct pod_state *
pod_state(struct kubelet *k, struct pod *p)
{
	struct pod_state *ps = map_get(&k->pods, p->obj.meta.uid);

	if (ps == NULL) {
		ps = xcalloc(1, sizeof *ps);
		ps->k = k;
		ps->pod = p;
		map_put(&k->pods, p->obj.meta.uid, ps);
	}
	return ps;
}

static void
pod_state_drop(struct kubelet *k, const char *uid)
{
	struct pod_state *ps = map_del(&k->pods, uid);

	if (ps == NULL)
		return;
	if (ps->sync_timer != 0)
		sim_cancel(k->env->sim, ps->sync_timer);
	if (ps->work_timer != 0)
		sim_cancel(k->env->sim, ps->work_timer);
	free(ps);
}

static const struct image_rule *
image_rule(const struct kubelet *k, const char *image)
{
	for (size_t i = 0; i < k->env->n_images; i++)
		if (image != NULL && strcmp(k->env->images[i].image, image) == 0)
			return &k->env->images[i];
	return NULL;
}

static void
set_container_states(struct kubelet *k, struct pod *p, enum cstate state, const char *reason,
    const char *message, bool ready, sim_ms now)
{
	if (p->status.n_cs != p->spec.n_containers) {
		for (size_t i = 0; i < p->status.n_cs; i++)
			container_status_clear(&p->status.cs[i]);
		free(p->status.cs);
		p->status.n_cs = p->spec.n_containers;
		p->status.cs = xcalloc(p->status.n_cs ? p->status.n_cs : 1, sizeof *p->status.cs);
	}
	for (size_t i = 0; i < p->status.n_cs; i++) {
		struct container_status *cs = &p->status.cs[i];

		const char *image = p->spec.containers[i].image;
		/* What outlives a state change: restarts, the last start, the last exit. */
		struct container_status kept = {.restarts = cs->restarts,
			.exit_code = cs->exit_code,
			.started_ms = cs->started_ms};

		container_status_clear(cs);
		*cs = kept;
		cs->name = atom_get(p->spec.containers[i].name);
		cs->state = state;
		cs->reason = atom_get(reason);
		cs->message = atom_get(message);
		cs->ready = ready;
		/*
		 * Until the container exists the status repeats the spec's image;
		 * then it is what containerd reports (kuberuntime's
		 * toKubeContainerStatus): the normalised reference, the image's
		 * digest, and the container's id.
		 */
		if (state == CSTATE_WAITING || image == NULL) {
			cs->image = atom_get(image);
			continue;
		}
		cs->image = atom_ref(image_names(k, image)->ref);
		cs->image_id = atom_ref(image_names(k, image)->id);
		cs->container_id = pod_container_id(p->obj.meta.uid ? p->obj.meta.uid : "",
		    cs->name ? cs->name : "", cs->restarts);
		if (state == CSTATE_RUNNING)
			cs->started_ms = now;
	}
}

/* ---- admission (pkg/kubelet/lifecycle/predicate.go) ---- */

static bool
admit(struct kubelet *k, struct pod *p, const struct node *node)
{
	static const struct {
		const char *resource, *reason;
	} res[] = {{"cpu", "OutOfcpu"}, {"memory", "OutOfmemory"},
		{"ephemeral-storage", "OutOfephemeral-storage"}};
	const struct store *st = k->env->store;
	const struct quantity *pods_cap = res_list_get(&node->allocatable, "pods");
	const char *reason = NULL;
	char message[512];

	/* The pod itself is already indexed on the node: count the others. */
	if (pods_cap != NULL && sched_node_pod_count(st, node->obj.meta.name) > qty_value(pods_cap)) {
		reason = "OutOfpods";
		snprintf(message, sizeof message,
		    "Node didn't have enough resource: pods, requested: 1, used: %d, capacity: %lld",
		    sched_node_pod_count(st, node->obj.meta.name) - 1, (long long)qty_value(pods_cap));
	}
	for (size_t i = 0; reason == NULL && i < sizeof res / sizeof res[0]; i++) {
		int64_t want = pod_request_milli(&p->spec, res[i].resource);
		int64_t used = sched_node_requested(st, node->obj.meta.name, res[i].resource, NULL) - want;
		const struct quantity *alloc = res_list_get(&node->allocatable, res[i].resource);
		bool milli = strcmp(res[i].resource, "cpu") == 0;

		if (want == 0 || alloc == NULL || used + want <= alloc->milli)
			continue;
		reason = res[i].reason;
		/* InsufficientResourceError prints cpu in millicores, the rest in units. */
		snprintf(message, sizeof message,
		    "Node didn't have enough resource: %s, requested: %lld, used: %lld, capacity: %lld",
		    res[i].resource, (long long)(milli ? want : (want + 999) / 1000),
		    (long long)(milli ? used : (used + 999) / 1000),
		    (long long)(milli ? alloc->milli : qty_value(alloc)));
	}
	if (reason == NULL) {
		const struct taint *t = taint_find_untolerated(node->taints, node->n_taints,
		    p->spec.tolerations, p->spec.n_tolerations, EFFECT_BIT(EFFECT_NO_EXECUTE));

		if (!labels_subset(&p->spec.node_selector, &node->obj.meta.labels) ||
		    (p->spec.has_affinity && p->spec.affinity.has_required &&
			!node_selector_matches(&p->spec.affinity.required, &node->obj.meta.labels,
			    node->obj.meta.name))) {
			reason = "NodeAffinity";
			snprintf(message, sizeof message,
			    "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector");
		} else if (t != NULL) {
			reason = "TaintToleration";
			snprintf(message, sizeof message,
			    "Predicate TaintToleration failed: node(s) had untolerated taint {%s: %s}",
			    t->key, t->value);
		}
	}
	if (reason == NULL)
		return true;
	p->status.phase = PHASE_FAILED;
	free(p->status.reason);
	free(p->status.message);
	p->status.reason = xstrdup(reason);
	/* predicateAdmitHandler: the status says why the pod was rejected. */
	p->status.message = xasprintf("Pod was rejected: %s", message);
	store_update(k->env->store, &p->obj);
	event_record(k->env->rec, &p->obj, "Warning", reason, component, "%s", message);
	return false;
}

/* ---- starting ---- */

static void start_pod(struct sim *sim, void *arg);
static void enter_backoff(struct sim *sim, void *arg);

static void
schedule_start(struct kubelet *k, struct pod_state *ps, sim_ms delay)
{
	ps->work = WORK_STARTING;
	ps->work_timer = sim_after(k->env->sim, delay, start_pod, ps);
}

static sim_ms
startup_time(struct kubelet *k, const struct pod *p)
{
	sim_ms t = k->env->timing->pod_startup;

	/* A slow image adds its pull time on top of the usual start. */
	for (size_t i = 0; i < p->spec.n_containers; i++) {
		const struct image_rule *r = image_rule(k, p->spec.containers[i].image);

		if (r != NULL && r->pull_ms > t)
			t = r->pull_ms;
	}
	return t;
}

/*
 * Whether the kubelet pulls this image (and says so in events): always for
 * imagePullPolicy Always and for images the scenario declares; an
 * IfNotPresent image is taken to be on the node already.
 */
static bool
pulls_image(const struct kubelet *k, const struct container *c)
{
	return image_rule(k, c->image) != NULL ||
	    (c->image_pull_policy != NULL && strcmp(c->image_pull_policy, "Always") == 0);
}

static const char *
failing_image(struct kubelet *k, const struct pod *p)
{
	for (size_t i = 0; i < p->spec.n_containers; i++) {
		const struct image_rule *r = image_rule(k, p->spec.containers[i].image);

		if (r != NULL && r->fail)
			return p->spec.containers[i].image;
	}
	return NULL;
}

static unsigned
node_index_of(const struct node *n)
{
	unsigned a, b, c;

	if (n->pod_cidr != NULL && sscanf(n->pod_cidr, "%u.%u.%u.", &a, &b, &c) == 3)
		return c;
	return 0;
}

/* At the longest back-off a failing pull is a steady retry (see skip_quiet_pulls). */
static sim_id
after_pull(struct kubelet *k, struct pod_state *ps, sim_ms delay, sim_fn fn)
{
	if (ps->pull_backoff == PULL_BACKOFF_MAX_MS)
		return sim_after_steady(k->env->sim, delay, fn, ps);
	return sim_after(k->env->sim, delay, fn, ps);
}

/* Image pull back-off: 10s, doubling to 5m (kubelet's imageBackOff). */
static void
enter_backoff(struct sim *sim, void *arg)
{
	struct pod_state *ps = arg;
	struct kubelet *k = ps->k;
	struct pod *p = ps->pod;
	const char *bad;

	ps->work_timer = 0;
	if (meta_deleting(&p->obj.meta) || (bad = failing_image(k, p)) == NULL) {
		ps->work = WORK_NONE;
		return;
	}
	ps->pull_backoff = ps->pull_backoff == 0 ? PULL_BACKOFF_INITIAL_MS
	    : ps->pull_backoff * 2 > PULL_BACKOFF_MAX_MS ? PULL_BACKOFF_MAX_MS
						       : ps->pull_backoff * 2;
	set_container_states(k, p, CSTATE_WAITING, "ImagePullBackOff",
	    "Back-off pulling image", false, sim_now(sim));
	store_update(k->env->store, &p->obj);
	event_record_times(k->env->rec, 1 + ps->repeats, &p->obj, "Normal", "BackOff", component,
	    "Back-off pulling image \"%s\"", bad);
	event_record_times(k->env->rec, 1 + ps->repeats, &p->obj, "Warning", "Failed", component,
	    "Error: ImagePullBackOff");
	ps->repeats = 0;
	ps->work_timer = after_pull(k, ps, ps->pull_backoff, start_pod);
}

/*
 * A pull that keeps failing at the longest back-off repeats one cycle
 * (ErrImagePull, ImagePullBackOff a second later, a retry five minutes
 * after that) for as long as nothing else happens. When the engine says
 * nothing else will run or look for several cycles, only the last of them
 * is carried out, and its events count the ones skipped: a wait of a year
 * costs one cycle, not a hundred thousand, and ends in the same state.
 */
static bool
skip_quiet_pulls(struct kubelet *k, struct pod_state *ps)
{
	const sim_ms cycle = PULL_ERROR_SHOWN_MS + PULL_BACKOFF_MAX_MS;
	sim_ms now = sim_now(k->env->sim), quiet = sim_quiet_until(k->env->sim);
	int64_t cycles;

	if (ps->pull_backoff != PULL_BACKOFF_MAX_MS || ps->repeats > 0 ||
	    quiet - now <= PULL_ERROR_SHOWN_MS)
		return false;
	/* Cycles starting now, now + cycle, ... whose last step comes before quiet. */
	cycles = (quiet - 1 - now - PULL_ERROR_SHOWN_MS) / cycle + 1;
	if (cycles > UINT32_MAX)
		cycles = UINT32_MAX;
	if (cycles < 2)
		return false;
	ps->repeats = (uint32_t)(cycles - 1);
	ps->work = WORK_BACKOFF;
	ps->work_timer = after_pull(k, ps, (cycles - 1) * cycle, start_pod);
	return true;
}

static void
start_pod(struct sim *sim, void *arg)
{
	struct pod_state *ps = arg;
	struct kubelet *k = ps->k;
	struct pod *p = ps->pod;
	const struct node *node;
	struct node_state *ns;
	const char *bad;
	sim_ms now = sim_now(sim);

	ps->work_timer = 0;
	ps->work = WORK_NONE;
	if (meta_deleting(&p->obj.meta) || p->spec.node_name == NULL)
		return;
	ns = node_state(k, p->spec.node_name);
	node = (const struct node *)store_get(k->env->store, KIND_NODE, NULL, p->spec.node_name);
	if (ns == NULL || !ns->alive || node == NULL)
		return;
	bad = failing_image(k, p);
	if (bad != NULL) {
		if (skip_quiet_pulls(k, ps))
			return;
		/* ErrImagePull now; the next sync shows ImagePullBackOff until the retry. */
		set_container_states(k, p, CSTATE_WAITING, "ErrImagePull",
		    "failed to pull and unpack image", false, now);
		store_update(k->env->store, &p->obj);
		event_record_times(k->env->rec, 1 + ps->repeats, &p->obj, "Warning", "Failed", component,
		    "Failed to pull image \"%s\": failed to resolve reference \"%s\": not found", bad,
		    bad);
		event_record_times(k->env->rec, 1 + ps->repeats, &p->obj, "Warning", "Failed", component,
		    "Error: ErrImagePull");
		ps->work = WORK_BACKOFF;
		ps->work_timer = after_pull(k, ps, PULL_ERROR_SHOWN_MS, enter_backoff);
		return;
	}
	p->status.phase = PHASE_RUNNING;
	set_container_states(k, p, CSTATE_RUNNING, NULL, NULL, true, now);
	pod_cond_set(&p->status.initialized, "True", NULL, NULL, now);
	pod_cond_set(&p->status.containers_ready, "True", NULL, NULL, now);
	pod_cond_set(&p->status.ready, "True", NULL, NULL, now);
	if (p->status.pod_ip == NULL) {
		/* Host-network pods share the node's address and take none from its pod CIDR. */
		if (p->spec.host_network) {
			p->status.pod_ip = xstrdup_or_null(node->internal_ip);
		} else {
			ns->next_ip = ns->next_ip < 2 ? 2 : ns->next_ip + 1;
			p->status.pod_ip = xasprintf("10.244.%u.%u", node_index_of(node),
			    (ns->next_ip - 2) % 253 + 2);
		}
	}
	store_update(k->env->store, &p->obj);
	/* kuberuntime_container.go startContainer, container by container. */
	for (size_t i = 0; i < p->spec.n_containers; i++) {
		const struct container *c = &p->spec.containers[i];
		char took[DUR_BUF_MAX];

		if (pulls_image(k, c)) {
			dur_go(startup_time(k, p), took, sizeof took);
			event_record(k->env->rec, &p->obj, "Normal", "Pulled", component,
			    "Successfully pulled image \"%s\" in %s (%s including waiting)", c->image, took,
			    took);
		} else
			event_record(k->env->rec, &p->obj, "Normal", "Pulled", component,
			    "Container image \"%s\" already present on machine", c->image);
		event_record(k->env->rec, &p->obj, "Normal", "Created", component,
		    "Created container: %s", c->name);
		event_record(k->env->rec, &p->obj, "Normal", "Started", component,
		    "Started container %s", c->name);
	}
}

static void
begin_pod(struct kubelet *k, struct pod *p)
{
	const struct node *node;
	struct pod_state *ps;
	sim_ms now = sim_now(k->env->sim);

	node = (const struct node *)store_get(k->env->store, KIND_NODE, NULL, p->spec.node_name);
	if (node == NULL || !admit(k, p, node))
		return;
	p->status.start_ms = now;
	atom_set(&p->status.host_ip, node->internal_ip);
	pod_cond_set(&p->status.initialized, "True", NULL, NULL, now);
	/*
	 * generateAPIPodStatus always reports PodScheduled True: a pod bound
	 * by its own spec.nodeName (legacy daemon pods, hand-placed pods)
	 * never met the scheduler, and gets it from the kubelet.
	 */
	if (!p->status.scheduled.set)
		pod_cond_set(&p->status.scheduled, "True", NULL, NULL, now);
	pod_cond_set(&p->status.ready, "False", "ContainersNotReady",
	    "containers with unready status", now);
	pod_cond_set(&p->status.containers_ready, "False", "ContainersNotReady",
	    "containers with unready status", now);
	set_container_states(k, p, CSTATE_WAITING, "ContainerCreating", NULL, false, now);
	store_update(k->env->store, &p->obj);
	for (size_t i = 0; i < p->spec.n_containers; i++)
		if (pulls_image(k, &p->spec.containers[i]))
			event_record(k->env->rec, &p->obj, "Normal", "Pulling", component,
			    "Pulling image \"%s\"", p->spec.containers[i].image);
	ps = pod_state(k, p);
	schedule_start(k, ps, startup_time(k, p));
}

/* ---- stopping ---- */

static void
stop_done(struct sim *sim, void *arg)
{
	struct pod_state *ps = arg;
	struct kubelet *k = ps->k;
	struct pod *p = ps->pod;
	struct node_state *ns;

	(void)sim;
	ps->work_timer = 0;
	ns = p->spec.node_name ? node_state(k, p->spec.node_name) : NULL;
	if (ns == NULL || !ns->alive) {
		/* The kubelet went silent meanwhile: the pod stays Terminating. */
		ps->work = WORK_NONE;
		return;
	}
	/* The kubelet's final delete (grace 0) once the containers are gone. */
	store_remove(k->env->store, &p->obj);
}

static void
begin_stop(struct kubelet *k, struct pod *p)
{
	struct pod_state *ps = pod_state(k, p);
	sim_ms grace = dur_from_seconds(p->obj.meta.deletion_grace_s);
	sim_ms delay = k->env->timing->pod_shutdown;

	if (ps->work == WORK_STOPPING)
		return;
	/* SIGTERM interrupts a start or a pull back-off. */
	if (ps->work_timer != 0)
		sim_cancel(k->env->sim, ps->work_timer);
	/* Containers that never started have nothing to shut down. */
	if (p->status.phase != PHASE_RUNNING)
		delay = 0;
	if (delay > grace)
		delay = grace;
	ps->work = WORK_STOPPING;
	if (p->status.phase == PHASE_RUNNING)
		event_record(k->env->rec, &p->obj, "Normal", "Killing", component,
		    "Stopping container %s",
		    p->spec.n_containers > 0 && p->spec.containers[0].name ? p->spec.containers[0].name
									   : "");
	ps->work_timer = sim_after(k->env->sim, delay, stop_done, ps);
}

/* ---- reacting to the store ---- */

/* Runs as its own engine event, never inside the store's notification. */
static void
sync_pod(struct sim *sim, void *arg)
{
	struct pod_state *ps = arg;
	struct kubelet *k = ps->k;
	struct pod *p = ps->pod;
	struct node_state *ns;

	(void)sim;
	ps->sync_timer = 0;
	if (p->spec.node_name == NULL) {
		pod_state_drop(k, p->obj.meta.uid);
		return;
	}
	ns = node_state(k, p->spec.node_name);
	if (ns == NULL || !ns->alive)
		return;
	if (meta_deleting(&p->obj.meta)) {
		begin_stop(k, p);
		return;
	}
	if (ps->work == WORK_NONE && p->status.phase == PHASE_RUNNING && !pod_is_ready(p)) {
		/* Marked not ready while the node was unreachable: the kubelet says otherwise. */
		sim_ms now = sim_now(k->env->sim);

		pod_cond_set(&p->status.ready, "True", NULL, NULL, now);
		pod_cond_set(&p->status.containers_ready, "True", NULL, NULL, now);
		for (size_t i = 0; i < p->status.n_cs; i++)
			p->status.cs[i].ready = true;
		store_update(k->env->store, &p->obj);
		return;
	}
	if (ps->work != WORK_NONE || p->status.phase != PHASE_PENDING)
		return;
	if (p->status.n_cs == 0)
		begin_pod(k, p);
	else if (!pod_is_terminal(p) && p->status.pod_ip == NULL)
		/* Admitted, but the start was lost while the kubelet was away: start again. */
		schedule_start(k, ps, startup_time(k, p));
}

static void
poke(struct kubelet *k, struct pod *p)
{
	struct pod_state *ps = pod_state(k, p);

	/* One pending look at the pod covers every change before it. */
	if (ps->sync_timer == 0)
		ps->sync_timer = sim_after(k->env->sim, 0, sync_pod, ps);
}

static void
kubelet_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct kubelet *k = ctx;

	if (obj->kind == KIND_NODE) {
		if (op == STORE_ADDED) {
			struct node_state *ns = xcalloc(1, sizeof *ns);

			ns->alive = true;
			free(map_put(&k->nodes, obj->meta.name, ns));
		} else if (op == STORE_DELETED)
			free(map_del(&k->nodes, obj->meta.name));
		return;
	}
	if (obj->kind != KIND_POD)
		return;
	if (op == STORE_DELETED) {
		pod_state_drop(k, obj->meta.uid);
		return;
	}
	if (((struct pod *)obj)->spec.node_name != NULL)
		poke(k, (struct pod *)obj);
}

/* The lease stops following the clock, or follows it again: the one write that needs. */
static void
set_lease_renewing(struct kubelet *k, const char *node, bool renewing)
{
	struct lease *l =
	    (struct lease *)store_get(k->env->store, KIND_LEASE, LEASE_NODE_NAMESPACE, node);

	if (l == NULL)
		return;
	lease_set_renewing(l, renewing, sim_now(k->env->sim));
	store_update(k->env->store, &l->obj);
}

/*
 * component-helpers/apimachinery/lease/controller.go newLease: holder the
 * node name, leaseDurationSeconds 40, renewTime now, and (setNodeOwnerFunc)
 * an ownerReference to the Node so the lease goes with it.
 */
void
kubelet_start_lease(struct kubelet *k, const struct node *n)
{
	struct lease *l = lease_new();
	struct ks_err err;

	meta_set_ns(&l->obj.meta, LEASE_NODE_NAMESPACE);
	l->obj.meta.name = xstrdup(n->obj.meta.name);
	l->holder = xstrdup(n->obj.meta.name);
	meta_add_owner(&l->obj.meta, "v1", "Node", n->obj.meta.name, n->obj.meta.uid, false);
	lease_set_renewing(l, true, sim_now(k->env->sim));
	/* Refused only when kube-node-lease is gone: the kubelet then runs without a lease. */
	if (store_create(k->env->store, &l->obj, &err) != STORE_OK)
		lease_free(l);
}

void
kubelet_set_alive(struct kubelet *k, const char *node, bool alive)
{
	struct node_state *ns = node_state(k, node);
	const struct vec *pods;

	if (ns == NULL || ns->alive == alive)
		return;
	ns->alive = alive;
	set_lease_renewing(k, node, alive);
	if (!alive)
		return;
	/* Back again: catch up with everything that happened to its pods. */
	pods = store_pods_on_node(k->env->store, node);
	if (pods != NULL)
		for (size_t i = 0; i < pods->n; i++)
			poke(k, pods->v[i]);
}

bool
kubelet_alive(const struct kubelet *k, const char *node)
{
	const struct node_state *ns = map_get(&k->nodes, node);

	return ns != NULL && ns->alive;
}

struct kubelet *
kubelet_new(const struct ctl_env *env)
{
	struct kubelet *k = xcalloc(1, sizeof *k);

	k->env = env;
	map_init(&k->nodes);
	map_init_borrowed(&k->pods);
	map_init(&k->images);
	store_watch(env->store, kubelet_watch, k);
	return k;
}

void
kubelet_free(struct kubelet *k)
{
	const char *key;
	void *value;

	if (k == NULL)
		return;
	for (size_t it = 0; map_next(&k->nodes, &it, &key, &value);)
		free(value);
	map_free(&k->nodes);
	for (size_t it = 0; map_next(&k->pods, &it, &key, &value);) {
		struct pod_state *ps = value;

		if (ps->sync_timer != 0)
			sim_cancel(k->env->sim, ps->sync_timer);
		if (ps->work_timer != 0)
			sim_cancel(k->env->sim, ps->work_timer);
		free(ps);
	}
	map_free(&k->pods);
	for (size_t it = 0; map_next(&k->images, &it, &key, &value);) {
		struct image_names *in = value;

		atom_put(in->ref);
		atom_put(in->id);
		free(in);
	}
	map_free(&k->images);
	free(k);
}
