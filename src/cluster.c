/*
 * cluster.c - wiring: engine, store, recorder and the components.
 */
#include "cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/store.h"
#include "control/dsctrl.h"
#include "control/eventttl.h"
#include "control/gc.h"
#include "control/kubelet.h"
#include "control/nodelife.h"
#include "control/nsctrl.h"
#include "control/placement.h"
#include "control/podgc.h"
#include "control/sched.h"
#include "control/taintevict.h"
#include "util/err.h"
#include "util/xmalloc.h"

void
timing_defaults(struct timing *t)
{
	t->pod_startup = 2000;
	t->node_join = 1000;
	t->node_monitor_grace = 50000; /* v1.32 default (kubernetes PR #126287) */
	t->controller_delay = 50;
	t->scheduler_delay = 50;
	t->pod_shutdown = 2000;
}

const char *
placement_mode_name(enum placement_mode m)
{
	return m == MODE_LEGACY ? "legacy" : "scheduler";
}

int
placement_mode_parse(const char *s, enum placement_mode *out)
{
	if (strcmp(s, "scheduler") == 0)
		*out = MODE_SCHEDULER;
	else if (strcmp(s, "legacy") == 0)
		*out = MODE_LEGACY;
	else
		return -1;
	return 0;
}

static int64_t
hook_now(void *ctx)
{
	return sim_now(((struct cluster *)ctx)->sim);
}

static uint64_t
hook_random(void *ctx)
{
	return rng_next(&((struct cluster *)ctx)->rng);
}

/* NamespaceLifecycle for what the components create (the kubectl verbs check it themselves). */
static int
admit_namespace(void *ctx, const struct store *s, const struct object *obj, struct ks_err *err)
{
	(void)ctx;
	return nslifecycle_admit(s, obj, err) < 0 ? -1 : 0;
}

/*
 * The namespaces every cluster starts with: default and the three the API
 * server's bootstrap controller and kubeadm create (kube-system,
 * kube-public, kube-node-lease).
 */
static void
create_system_namespaces(struct cluster *c)
{
	static const char *const names[] = {"default", "kube-node-lease", "kube-public",
		"kube-system"};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct namespace *ns = ns_new(names[i]);
		struct ks_err err;

		ns_prepare_for_create(ns);
		if (store_create(c->store, &ns->obj, &err) != STORE_OK)
			ns_free(ns); /* cannot happen: a new store */
	}
}

struct cluster *
cluster_new(enum placement_mode mode, const struct timing *timing, uint64_t seed)
{
	struct cluster *c = xcalloc(1, sizeof *c);
	struct store_hooks hooks = {hook_now, hook_random, c};

	c->sim = sim_new();
	rng_seed(&c->rng, seed);
	c->timing = *timing;
	c->store = store_new(&hooks);
	c->rec = recorder_new(c->store);
	c->env.sim = c->sim;
	c->env.store = c->store;
	c->env.rec = c->rec;
	c->env.rng = &c->rng;
	c->env.timing = &c->timing;
	c->env.mode = mode;
	/* Order matters only for ties: watchers are told in registration order. */
	c->kubelet = kubelet_new(&c->env);
	c->nodelife = nodelife_new(&c->env);
	c->sched = sched_new(&c->env);
	c->dsc = dsctrl_new(&c->env, mode == MODE_LEGACY ? &placement_legacy : &placement_scheduler);
	c->gc = gc_new(&c->env);
	c->podgc = podgc_new(&c->env);
	c->taintevict = taintevict_new(&c->env);
	c->eventttl = eventttl_new(&c->env);
	c->nsctrl = nsctrl_new(&c->env);
	store_set_admit(c->store, admit_namespace, c);
	create_system_namespaces(c);
	return c;
}

void
cluster_free_at_exit(struct cluster *c)
{
#ifdef KS_FREE_AT_EXIT
	cluster_free(c);
#else
	/* Still reachable from here, so valgrind counts no leak. */
	/* volatile: a store the program never reads back must still happen. */
	static struct cluster *volatile left[4];
	static size_t n_left;

	if (c == NULL)
		return;
	if (n_left == sizeof left / sizeof left[0]) {
		cluster_free(c);
		return;
	}
	left[n_left++] = c;
#endif
}

void
cluster_free(struct cluster *c)
{
	if (c == NULL)
		return;
	dsctrl_free(c->dsc);
	sched_free(c->sched);
	kubelet_free(c->kubelet);
	nodelife_free(c->nodelife);
	podgc_free(c->podgc);
	gc_free(c->gc);
	taintevict_free(c->taintevict);
	eventttl_free(c->eventttl);
	nsctrl_free(c->nsctrl);
	recorder_free(c->rec);
	store_free(c->store);
	sim_free(c->sim);
	for (size_t i = 0; i < c->n_images; i++)
		free(c->images[i].image);
	free(c->images);
	free(c);
}

sim_ms
cluster_now(const struct cluster *c)
{
	return sim_now(c->sim);
}

void
cluster_set_images(struct cluster *c, const struct image_rule *rules, size_t n)
{
	for (size_t i = 0; i < c->n_images; i++)
		free(c->images[i].image);
	free(c->images);
	c->images = n ? xcalloc(n, sizeof *c->images) : NULL;
	for (size_t i = 0; i < n; i++) {
		c->images[i] = rules[i];
		c->images[i].image = xstrdup(rules[i].image);
	}
	c->n_images = n;
	c->env.images = c->images;
	c->env.n_images = n;
}

void
cluster_set_image_rule(struct cluster *c, const struct image_rule *rule, bool remove)
{
	size_t i;

	for (i = 0; i < c->n_images && strcmp(c->images[i].image, rule->image) != 0; i++)
		;
	if (remove) {
		if (i < c->n_images) {
			free(c->images[i].image);
			memmove(&c->images[i], &c->images[i + 1], (c->n_images - i - 1) * sizeof *c->images);
			c->n_images--;
		}
	} else if (i < c->n_images) {
		c->images[i].fail = rule->fail;
		c->images[i].pull_ms = rule->pull_ms;
	} else {
		c->images = xreallocarray(c->images, c->n_images + 1, sizeof *c->images);
		c->images[c->n_images] = *rule;
		c->images[c->n_images].image = xstrdup(rule->image);
		c->n_images++;
	}
	c->env.images = c->images;
	c->env.n_images = c->n_images;
}

static void
default_capacity(struct res_list *r, const char *name, const char *value)
{
	struct quantity q;
	struct ks_err err;

	if (res_list_get(r, name) == NULL && qty_parse(value, &q, &err) == 0)
		res_list_set(r, name, q);
}

int
cluster_add_node(struct cluster *c, struct node *n, bool joining, bool ready, struct ks_err *err)
{
	unsigned idx = c->next_node_index++;
	sim_ms now = sim_now(c->sim);

	/* A kind-like node: 4 CPUs, 16Gi, 110 pods unless told otherwise. */
	default_capacity(&n->capacity, "cpu", "4");
	default_capacity(&n->capacity, "memory", "16Gi");
	default_capacity(&n->capacity, "pods", "110");
	if (n->allocatable.n == 0)
		res_list_copy(&n->allocatable, &n->capacity);
	if (n->pod_cidr == NULL)
		n->pod_cidr = xasprintf("10.244.%u.0/24", idx % 256);
	if (n->internal_ip == NULL)
		n->internal_ip = xasprintf("172.18.%u.%u", 0 + (idx + 2) / 256, (idx + 2) % 256);
	if (n->kubelet_version == NULL)
		n->kubelet_version = xstrdup("v1.32.0");
	if (n->os_image == NULL)
		n->os_image = xstrdup("Debian GNU/Linux 12 (bookworm)");
	if (n->kernel_version == NULL)
		n->kernel_version = xstrdup("6.1.0-27-amd64");
	if (n->container_runtime == NULL)
		n->container_runtime = xstrdup("containerd://1.7.24");
	/* Labels the kubelet sets on registration. */
	if (!labels_has(&n->obj.meta.labels, "kubernetes.io/hostname"))
		labels_set(&n->obj.meta.labels, "kubernetes.io/hostname", n->obj.meta.name);
	if (!labels_has(&n->obj.meta.labels, "kubernetes.io/os"))
		labels_set(&n->obj.meta.labels, "kubernetes.io/os", "linux");
	if (!labels_has(&n->obj.meta.labels, "kubernetes.io/arch"))
		labels_set(&n->obj.meta.labels, "kubernetes.io/arch", "amd64");
	if (!labels_has(&n->obj.meta.labels, "beta.kubernetes.io/os"))
		labels_set(&n->obj.meta.labels, "beta.kubernetes.io/os", "linux");
	if (!labels_has(&n->obj.meta.labels, "beta.kubernetes.io/arch"))
		labels_set(&n->obj.meta.labels, "beta.kubernetes.io/arch", "amd64");
	/* The kubelet registers with its pressure conditions first, Ready last, as setNodeStatus orders them. */
	node_set_cond(n, "MemoryPressure", "False", "KubeletHasSufficientMemory",
	    "kubelet has sufficient memory available", now);
	node_set_cond(n, "DiskPressure", "False", "KubeletHasNoDiskPressure",
	    "kubelet has no disk pressure", now);
	node_set_cond(n, "PIDPressure", "False", "KubeletHasSufficientPID",
	    "kubelet has sufficient PID available", now);
	if (joining || !ready)
		node_set_cond(n, "Ready", "False", "KubeletNotReady",
		    "container runtime network not ready: NetworkReady=false", now);
	else
		node_set_cond(n, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now);
	if (store_create(c->store, &n->obj, err) != STORE_OK) {
		if (strstr(err->msg, "already exists") != NULL)
			err_set(err, "node \"%s\" already exists", n->obj.meta.name);
		return -1;
	}
	node_set_system_ids(n);
	kubelet_start_lease(c->kubelet, n);
	if (joining || !ready)
		nodelife_joined(c->nodelife, n->obj.meta.name, ready);
	return 0;
}

int
cluster_remove_node(struct cluster *c, const char *name, struct ks_err *err)
{
	struct object *n = store_get(c->store, KIND_NODE, NULL, name);

	if (n == NULL)
		return err_set(err, "node \"%s\" not found", name);
	store_remove(c->store, n);
	return 0;
}

int
cluster_fail_node(struct cluster *c, const char *name, struct ks_err *err)
{
	if (store_get(c->store, KIND_NODE, NULL, name) == NULL)
		return err_set(err, "node \"%s\" not found", name);
	if (!kubelet_alive(c->kubelet, name))
		return err_set(err, "node \"%s\" has already failed", name);
	kubelet_set_alive(c->kubelet, name, false);
	nodelife_fail(c->nodelife, name);
	return 0;
}

int
cluster_recover_node(struct cluster *c, const char *name, struct ks_err *err)
{
	if (store_get(c->store, KIND_NODE, NULL, name) == NULL)
		return err_set(err, "node \"%s\" not found", name);
	if (kubelet_alive(c->kubelet, name))
		return err_set(err, "node \"%s\" has not failed", name);
	/* The kubelet posts Ready first, then catches up with its pods. */
	nodelife_recover(c->nodelife, name);
	kubelet_set_alive(c->kubelet, name, true);
	return 0;
}

void
cluster_advance_to(struct cluster *c, sim_ms t)
{
	if (t > sim_now(c->sim))
		sim_run_until(c->sim, t);
	eventttl_expire(c->eventttl);
}

void
cluster_settle(struct cluster *c)
{
	sim_run_until(c->sim, sim_now(c->sim));
	eventttl_expire(c->eventttl);
}

bool
cluster_advance_until(struct cluster *c, sim_ms deadline, bool (*pred)(void *ctx), void *ctx)
{
	sim_ms next;

	if (pred(ctx))
		return true;
	while (sim_next_time(c->sim, &next) && next <= deadline) {
		/* Finish the whole instant before judging: a state half-way through one is not observable. */
		sim_run_until(c->sim, next);
		eventttl_expire(c->eventttl);
		if (pred(ctx))
			return true;
	}
	cluster_advance_to(c, deadline);
	return pred(ctx);
}

struct gone_check {
	const struct cluster *c;
	char *const *uids;
	size_t n;
};

static bool
all_gone(void *ctx)
{
	const struct gone_check *g = ctx;

	for (size_t i = 0; i < g->n; i++)
		if (store_get_uid(g->c->store, g->uids[i]) != NULL)
			return false;
	return true;
}

bool
cluster_wait_gone(struct cluster *c, char *const *uids, size_t n, sim_ms max_ms)
{
	struct gone_check g = {c, uids, n};

	return cluster_advance_until(c, cluster_now(c) + max_ms, all_gone, &g);
}
