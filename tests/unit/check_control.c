/* The control plane: which nodes run a daemon pod, the scheduler's filters, and a whole cluster. */
#include <check.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/defaults.h"
#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "cluster.h"
#include "codec/encode.h"
#include "control/placement.h"
#include "control/sched.h"
#include "runner.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static struct daemonset *
make_ds(void)
{
	struct daemonset *ds = ds_new();
	struct container *c;

	ds->obj.meta.name = xstrdup("agent");
	meta_set_ns(&ds->obj.meta, "default");
	ds->selector.present = true;
	labels_set(&ds->selector.match_labels, "app", "agent");
	labels_set(&ds->tmpl.labels, "app", "agent");
	ds->tmpl.spec.containers = xcalloc(1, sizeof *ds->tmpl.spec.containers);
	ds->tmpl.spec.n_containers = 1;
	c = &ds->tmpl.spec.containers[0];
	c->name = atom_get("agent");
	c->image = atom_get("busybox");
	defaults_daemonset(ds);
	ds_prepare_for_create(ds);
	return ds;
}

static void
taint(struct node *n, const char *key, enum taint_effect e)
{
	struct taint t;

	taint_init(&t, key, "", e);
	node_add_taint(n, &t);
	taint_free(&t);
}

/* NodeShouldRunDaemonPod's table (reference §3.5). */
START_TEST(test_should_run_follows_taints_and_selectors)
{
	struct daemonset *ds = make_ds();
	struct node *n = node_new("node1");
	bool run, keep;

	placement_should_run(ds, n, &run, &keep);
	ck_assert(run && keep);

	taint(n, "dedicated", EFFECT_NO_SCHEDULE);
	placement_should_run(ds, n, &run, &keep);
	ck_assert(!run && keep);

	taint(n, "evict", EFFECT_NO_EXECUTE);
	placement_should_run(ds, n, &run, &keep);
	ck_assert(!run && !keep);

	node_remove_taint(n, "dedicated", EFFECT_ALL);
	node_remove_taint(n, "evict", EFFECT_ALL);
	/* The default DaemonSet tolerations cover these. */
	taint(n, "node.kubernetes.io/unschedulable", EFFECT_NO_SCHEDULE);
	taint(n, "node.kubernetes.io/unreachable", EFFECT_NO_EXECUTE);
	taint(n, "node.kubernetes.io/memory-pressure", EFFECT_NO_SCHEDULE);
	placement_should_run(ds, n, &run, &keep);
	ck_assert(run && keep);
	/* ...but not a not-ready NoSchedule taint. */
	taint(n, "node.kubernetes.io/not-ready", EFFECT_NO_SCHEDULE);
	placement_should_run(ds, n, &run, &keep);
	ck_assert(!run && keep);
	node_free(n);

	n = node_new("node2");
	labels_set(&ds->tmpl.spec.node_selector, "disktype", "ssd");
	placement_should_run(ds, n, &run, &keep);
	ck_assert(!run && !keep);
	labels_set(&n->obj.meta.labels, "disktype", "ssd");
	placement_should_run(ds, n, &run, &keep);
	ck_assert(run && keep);
	node_free(n);
	ds_free(ds);
}
END_TEST

START_TEST(test_network_unavailable_is_tolerated_only_with_host_network)
{
	struct daemonset *ds = make_ds();
	struct node *n = node_new("node1");
	bool run, keep;

	taint(n, "node.kubernetes.io/network-unavailable", EFFECT_NO_SCHEDULE);
	placement_should_run(ds, n, &run, &keep);
	ck_assert(!run);
	ds->tmpl.spec.host_network = true;
	placement_should_run(ds, n, &run, &keep);
	ck_assert(run);
	node_free(n);
	ds_free(ds);
}
END_TEST

START_TEST(test_target_node_comes_from_node_name_or_affinity)
{
	struct pod *p = pod_new();

	ck_assert_ptr_null(placement_target_node(p));
	placement_scheduler.pin(p, "node7");
	ck_assert_str_eq(placement_target_node(p), "node7");
	ck_assert_ptr_null(p->spec.node_name);
	pod_free(p);
	p = pod_new();
	placement_legacy.pin(p, "node8");
	ck_assert_str_eq(p->spec.node_name, "node8");
	ck_assert_str_eq(placement_target_node(p), "node8");
	pod_free(p);
}
END_TEST

/* ---- the scheduler's filters, through a real cluster ---- */

static struct cluster *
small_cluster(void)
{
	struct timing t;
	struct cluster *c;
	struct ks_err err;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	for (int i = 1; i <= 3; i++) {
		char name[16];
		struct node *n;

		snprintf(name, sizeof name, "node%d", i);
		n = node_new(name);
		ck_assert_int_eq(cluster_add_node(c, n, false, true, &err), 0);
	}
	return c;
}

/* What kubectl could show of every pod and event, less resourceVersions (a skipped cycle writes nothing). */
static char *
observable(const struct cluster *c)
{
	static const enum kind kinds[] = {KIND_POD, KIND_EVENT};
	struct strbuf out = STRBUF_INIT;

	sb_init(&out);
	for (size_t k = 0; k < 2; k++) {
		struct vec objs = VEC_INIT;

		store_list_sorted(c->store, kinds[k], NULL, &objs);
		for (size_t i = 0; i < objs.n; i++) {
			cJSON *doc = encode_object(objs.v[i], cluster_now(c));
			char *text;

			cJSON_DeleteItemFromObject(cJSON_GetObjectItem(doc, "metadata"), "resourceVersion");
			text = cJSON_PrintUnformatted(doc);
			sb_addf(&out, "%s\n", text);
			free(text);
			encode_free(doc);
		}
		vec_free(&objs);
	}
	return sb_take(&out);
}

static bool
never(void *ctx)
{
	(void)ctx;
	return false;
}

/* A pod no node will take: it waits, retried every five and a half minutes. */
static struct pod *
make_misfit(void)
{
	struct pod *p = pod_new();

	p->obj.meta.name = xstrdup("misfit");
	meta_set_ns(&p->obj.meta, "default");
	labels_set(&p->spec.node_selector, "disktype", "none");
	p->spec.containers = xcalloc(1, sizeof *p->spec.containers);
	p->spec.n_containers = 1;
	p->spec.containers[0].name = atom_get("c");
	p->spec.containers[0].image = atom_get("nginx");
	defaults_pod(p);
	return p;
}

START_TEST(test_quiet_retry_loops_skip_to_the_same_state)
{
	const struct image_rule bad = {"busybox", true, -1};
	const sim_ms two_days = 48 * 3600 * 1000;
	struct cluster *exact = small_cluster(), *quick = small_cluster();
	struct daemonset *ds1 = make_ds(), *ds2 = make_ds();
	struct pod *p1 = make_misfit(), *p2 = make_misfit();
	struct ks_err err;
	uint64_t exact_events, quick_events;
	char *want, *got;

	cluster_set_images(exact, &bad, 1);
	cluster_set_images(quick, &bad, 1);
	ck_assert_int_eq(store_create(exact->store, &ds1->obj, &err), STORE_OK);
	ck_assert_int_eq(store_create(quick->store, &ds2->obj, &err), STORE_OK);
	ck_assert_int_eq(store_create(exact->store, &p1->obj, &err), STORE_OK);
	ck_assert_int_eq(store_create(quick->store, &p2->obj, &err), STORE_OK);
	/* Judged instant by instant, as a waitFor does: every pull cycle runs. */
	ck_assert(!cluster_advance_until(exact, two_days, never, NULL));
	exact_events = sim_events_run(exact->sim);
	/*
	 * One long wait: the three pods pulling in step reach the longest
	 * back-off within the first hour, then each of them and the misfit
	 * skips to its last retry.
	 */
	cluster_advance_to(quick, 3600 * 1000);
	quick_events = sim_events_run(quick->sim);
	cluster_advance_to(quick, two_days);
	quick_events = sim_events_run(quick->sim) - quick_events;
	want = observable(exact);
	got = observable(quick);
	ck_assert_str_eq(got, want);
	ck_assert_ptr_nonnull(strstr(got, "\"reason\":\"BackOff\""));
	ck_assert_ptr_nonnull(strstr(got, "\"reason\":\"FailedScheduling\""));
	/* 3 pods x 574 cycles x 2 steps and 523 retries run one by one; skipped, a few per pod. */
	ck_assert_uint_ge(exact_events, 3 * 2 * 570 + 520);
	ck_assert_uint_le(quick_events, 4 * 8);
	free(want);
	free(got);
	cluster_free(exact);
	cluster_free(quick);
}
END_TEST

START_TEST(test_filter_reasons_are_the_schedulers)
{
	struct cluster *c = small_cluster();
	struct node *n = (struct node *)store_get(c->store, KIND_NODE, NULL, "node1");
	struct pod *p = pod_new();
	char buf[256];
	struct quantity q;
	struct ks_err err;

	p->obj.meta.name = xstrdup("x");
	ck_assert_ptr_null(sched_filter(c->store, p, n, buf, sizeof buf));
	n->unschedulable = true;
	ck_assert_str_eq(sched_filter(c->store, p, n, buf, sizeof buf), "node(s) were unschedulable");
	n->unschedulable = false;
	taint(n, "node-role.kubernetes.io/control-plane", EFFECT_NO_SCHEDULE);
	ck_assert_str_eq(sched_filter(c->store, p, n, buf, sizeof buf),
	    "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
	node_remove_taint(n, "node-role.kubernetes.io/control-plane", EFFECT_ALL);
	labels_set(&p->spec.node_selector, "disktype", "ssd");
	ck_assert_str_eq(sched_filter(c->store, p, n, buf, sizeof buf),
	    "node(s) didn't match Pod's node affinity/selector");
	labels_free(&p->spec.node_selector);
	labels_init(&p->spec.node_selector);
	p->spec.containers = xcalloc(1, sizeof *p->spec.containers);
	p->spec.n_containers = 1;
	ck_assert_int_eq(qty_parse("5", &q, &err), 0);
	res_list_set(&p->spec.containers[0].requests, "cpu", q);
	ck_assert_int_eq(qty_parse("20Gi", &q, &err), 0);
	res_list_set(&p->spec.containers[0].requests, "memory", q);
	ck_assert_str_eq(sched_filter(c->store, p, n, buf, sizeof buf),
	    "Insufficient cpu\nInsufficient memory");
	pod_free(p);
	cluster_free(c);
}
END_TEST

START_TEST(test_a_daemonset_gets_one_running_pod_per_node)
{
	struct cluster *c = small_cluster();
	struct daemonset *ds = make_ds();
	struct ks_err err;
	struct vec pods = VEC_INIT;

	ck_assert_int_eq(store_create(c->store, &ds->obj, &err), STORE_OK);
	cluster_advance_to(c, 10000);
	ck_assert_int_eq(ds->status.desired, 3);
	ck_assert_int_eq(ds->status.current, 3);
	ck_assert_int_eq(ds->status.ready, 3);
	ck_assert_int_eq(ds->status.available, 3);
	ck_assert_int_eq(ds->status.updated, 3);
	ck_assert_int_eq(ds->status.observed_generation, 1);
	store_list(c->store, KIND_POD, NULL, &pods);
	ck_assert_uint_eq(pods.n, 3);
	for (size_t i = 0; i < pods.n; i++) {
		struct pod *p = pods.v[i];

		ck_assert_int_eq(p->status.phase, PHASE_RUNNING);
		ck_assert_ptr_nonnull(p->spec.node_name);
		ck_assert_str_eq(placement_target_node(p), p->spec.node_name);
		ck_assert_ptr_nonnull(p->status.pod_ip);
		ck_assert_ptr_nonnull(meta_controller(&p->obj.meta));
		ck_assert_ptr_nonnull(labels_get(&p->obj.meta.labels, "controller-revision-hash"));
		ck_assert_str_eq(labels_get(&p->obj.meta.labels, "pod-template-generation"), "1");
		/* The six default tolerations, no network-unavailable without hostNetwork. */
		ck_assert_uint_eq(p->spec.n_tolerations, 6);
	}
	vec_free(&pods);
	cluster_free(c);
}
END_TEST

START_TEST(test_same_seed_gives_same_pod_names)
{
	char first[3][64];

	for (int run = 0; run < 2; run++) {
		struct cluster *c = small_cluster();
		struct daemonset *ds = make_ds();
		struct ks_err err;
		struct vec pods = VEC_INIT;

		store_create(c->store, &ds->obj, &err);
		cluster_advance_to(c, 5000);
		store_list_sorted(c->store, KIND_POD, NULL, &pods);
		ck_assert_uint_eq(pods.n, 3);
		for (size_t i = 0; i < 3; i++) {
			const char *name = ((struct object *)pods.v[i])->meta.name;

			if (run == 0)
				snprintf(first[i], sizeof first[i], "%s", name);
			else
				ck_assert_str_eq(first[i], name);
		}
		vec_free(&pods);
		cluster_free(c);
	}
}
END_TEST

/* updateDaemonSetStatus from scratch, to check the controller's running totals against. */
static void
brute_force_status(struct cluster *c, const struct daemonset *ds, struct ds_status *out)
{
	struct vec nodes = VEC_INIT;

	memset(out, 0, sizeof *out);
	store_list(c->store, KIND_NODE, NULL, &nodes);
	for (size_t i = 0; i < nodes.n; i++) {
		const struct node *n = nodes.v[i];
		const struct vec *bound = store_pods_on_node(c->store, n->obj.meta.name);
		const struct vec *pinned = store_pods_pinned_to(c->store, n->obj.meta.name);
		bool run, keep, has = false, ready = false;

		placement_should_run(ds, n, &run, &keep);
		for (int pass = 0; pass < 2; pass++) {
			const struct vec *v = pass == 0 ? bound : pinned;

			for (size_t j = 0; v != NULL && j < v->n; j++) {
				const struct pod *p = v->v[j];
				const struct owner_ref *ref = meta_controller(&p->obj.meta);

				if (ref == NULL || strcmp(ref->uid, ds->obj.meta.uid) != 0)
					continue;
				if (pod_is_terminal(p) && meta_deleting(&p->obj.meta))
					continue;
				/* One pod per node here, so "the oldest" is the only one. */
				has = true;
				ready = pod_is_ready(p);
			}
		}
		if (run) {
			out->desired++;
			out->current += has;
			out->ready += has && ready;
		} else
			out->misscheduled += has;
	}
	vec_free(&nodes);
}

START_TEST(test_running_totals_match_a_full_recount_through_churn)
{
	struct timing t;
	struct cluster *c;
	struct daemonset *ds = make_ds();
	struct ks_err err;
	struct ds_status want;
	char name[32];

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 7);
	/* More nodes than one burst (250) of creations. */
	for (int i = 0; i < 600; i++) {
		snprintf(name, sizeof name, "n%03d", i);
		cluster_add_node(c, node_new(name), false, true, &err);
	}
	ck_assert_int_eq(store_create(c->store, &ds->obj, &err), STORE_OK);
	cluster_advance_to(c, 30000);
	ck_assert_int_eq(ds->status.desired, 600);
	ck_assert_int_eq(ds->status.current, 600);
	ck_assert_int_eq(ds->status.ready, 600);

	/* Churn: NoSchedule and NoExecute taints, node removals, new nodes, a pod deleted. */
	for (int i = 0; i < 600; i += 7) {
		struct node *n;

		snprintf(name, sizeof name, "n%03d", i);
		n = (struct node *)store_get(c->store, KIND_NODE, NULL, name);
		if (i % 3 == 0)
			taint(n, "dedicated", EFFECT_NO_SCHEDULE);
		else if (i % 3 == 1)
			taint(n, "evict", EFFECT_NO_EXECUTE);
		else {
			cluster_remove_node(c, name, &err);
			continue;
		}
		store_update(c->store, &n->obj);
	}
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "extra%02d", i);
		cluster_add_node(c, node_new(name), true, true, &err);
	}
	{
		const struct vec *pods = store_pods_on_node(c->store, "n001");

		ck_assert_ptr_nonnull(pods);
		store_delete(c->store, pods->v[0], -1);
	}
	cluster_advance_to(c, 200000);
	brute_force_status(c, ds, &want);
	ck_assert_int_eq(ds->status.desired, want.desired);
	ck_assert_int_eq(ds->status.current, want.current);
	ck_assert_int_eq(ds->status.ready, want.ready);
	ck_assert_int_eq(ds->status.misscheduled, want.misscheduled);
	/* 600 - 86 tainted or removed + 40 new, all ready again; 29 NoSchedule keep theirs. */
	ck_assert_int_eq(want.desired, 600 - 86 + 40);
	ck_assert_int_eq(want.ready, want.desired);
	ck_assert_int_eq(want.misscheduled, 29);
	cluster_free(c);
}
END_TEST

/*
 * NodeShouldRunDaemonPod, case by case, after TestNodeShouldRunDaemonPod in
 * pkg/controller/daemon/daemon_controller_test.go (scheduler mode: resources,
 * host ports and cordons are the scheduler's business, not this check's).
 */
struct should_run_case {
	const char *name;
	const char *node_labels;   /* "k=v,k2=v2" */
	const char *node_taints;   /* "key=value:Effect,..." */
	bool unschedulable;
	const char *node_selector; /* template nodeSelector */
	const char *affinity;      /* a -l style requirement set for one required term; "|" separates terms */
	const char *tolerations;   /* "key=value:Effect" (Equal), "key:Effect" (Exists), "*" (all) */
	const char *node_name;     /* template spec.nodeName */
	bool host_network;
	const char *cpu_request;
	bool want_run, want_continue;
};

static const struct should_run_case should_run_cases[] = {
	{"plain node", "", "", false, "", "", "", NULL, false, NULL, true, true},
	{"insufficient resources do not matter", "", "", false, "", "", "", NULL, false, "64", true, true},
	{"cordoned node", "", "", true, "", "", "", NULL, false, NULL, true, true},
	{"node name matches", "", "", false, "", "", "", "node1", false, NULL, true, true},
	{"node name mismatch", "", "", false, "", "", "", "node2", false, NULL, false, false},
	{"nodeSelector matches", "disk=ssd,zone=a", "", false, "disk=ssd", "", "", NULL, false, NULL, true, true},
	{"nodeSelector mismatch", "disk=hdd", "", false, "disk=ssd", "", "", NULL, false, NULL, false, false},
	{"nodeSelector on a label the node lacks", "", "", false, "disk=ssd", "", "", NULL, false, NULL, false, false},
	{"affinity In matches", "zone=a", "", false, "", "zone in (a,b)", "", NULL, false, NULL, true, true},
	{"affinity In mismatch", "zone=c", "", false, "", "zone in (a,b)", "", NULL, false, NULL, false, false},
	{"affinity NotIn", "zone=c", "", false, "", "zone notin (a,b)", "", NULL, false, NULL, true, true},
	{"affinity Exists", "gpu=1", "", false, "", "gpu", "", NULL, false, NULL, true, true},
	{"affinity DoesNotExist", "gpu=1", "", false, "", "!gpu", "", NULL, false, NULL, false, false},
	{"affinity terms are ORed", "zone=c", "", false, "", "zone in (a)|zone in (c)", "", NULL, false, NULL, true, true},
	{"affinity expressions are ANDed", "zone=a", "", false, "", "zone in (a),gpu", "", NULL, false, NULL, false, false},
	{"affinity and nodeSelector both apply", "zone=a", "", false, "disk=ssd", "zone in (a)", "", NULL, false, NULL, false, false},
	{"untolerated NoSchedule keeps a running pod", "", "dedicated=db:NoSchedule", false, "", "", "", NULL, false, NULL, false, true},
	{"untolerated NoExecute removes it", "", "dedicated=db:NoExecute", false, "", "", "", NULL, false, NULL, false, false},
	{"NoSchedule and NoExecute together", "", "a=1:NoSchedule,b=2:NoExecute", false, "", "", "", NULL, false, NULL, false, false},
	{"PreferNoSchedule is ignored", "", "dedicated=db:PreferNoSchedule", false, "", "", "", NULL, false, NULL, true, true},
	{"tolerated with Equal", "", "dedicated=db:NoSchedule", false, "", "", "dedicated=db:NoSchedule", NULL, false, NULL, true, true},
	{"Equal with another value does not tolerate", "", "dedicated=db:NoSchedule", false, "", "", "dedicated=web:NoSchedule", NULL, false, NULL, false, true},
	{"tolerated with Exists", "", "dedicated=db:NoExecute", false, "", "", "dedicated:NoExecute", NULL, false, NULL, true, true},
	{"a toleration for another effect does not count", "", "dedicated=db:NoExecute", false, "", "", "dedicated:NoSchedule", NULL, false, NULL, false, false},
	{"tolerate everything", "", "a=1:NoSchedule,b=2:NoExecute", false, "", "", "*", NULL, false, NULL, true, true},
	{"control-plane taint needs a toleration", "", "node-role.kubernetes.io/control-plane:NoSchedule", false, "", "", "", NULL, false, NULL, false, true},
	{"default: unschedulable", "", "node.kubernetes.io/unschedulable:NoSchedule", true, "", "", "", NULL, false, NULL, true, true},
	{"default: not-ready NoExecute", "", "node.kubernetes.io/not-ready:NoExecute", false, "", "", "", NULL, false, NULL, true, true},
	{"default: unreachable NoExecute", "", "node.kubernetes.io/unreachable:NoExecute", false, "", "", "", NULL, false, NULL, true, true},
	{"default: pressure taints", "", "node.kubernetes.io/memory-pressure:NoSchedule,node.kubernetes.io/disk-pressure:NoSchedule,node.kubernetes.io/pid-pressure:NoSchedule", false, "", "", "", NULL, false, NULL, true, true},
	{"not-ready NoSchedule is not a default", "", "node.kubernetes.io/not-ready:NoSchedule", false, "", "", "", NULL, false, NULL, false, true},
	{"unreachable NoSchedule is not a default", "", "node.kubernetes.io/unreachable:NoSchedule", false, "", "", "", NULL, false, NULL, false, true},
	{"network-unavailable without hostNetwork", "", "node.kubernetes.io/network-unavailable:NoSchedule", false, "", "", "", NULL, false, NULL, false, true},
	{"network-unavailable with hostNetwork", "", "node.kubernetes.io/network-unavailable:NoSchedule", false, "", "", "", NULL, true, NULL, true, true},
};

static void
parse_taints_into(struct node *n, const char *spec)
{
	char *copy = xstrdup(spec), *save = NULL;

	for (char *t = strtok_r(copy, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save)) {
		char *colon = strrchr(t, ':'), *eq;
		enum taint_effect e;
		struct taint taint;

		*colon = '\0';
		ck_assert_int_eq(taint_effect_parse(colon + 1, false, &e), 0);
		eq = strchr(t, '=');
		if (eq != NULL)
			*eq = '\0';
		taint_init(&taint, t, eq ? eq + 1 : "", e);
		node_add_taint(n, &taint);
		taint_free(&taint);
	}
	free(copy);
}

START_TEST(test_node_should_run_daemon_pod_table)
{
	const struct should_run_case *tc = &should_run_cases[_i];
	struct daemonset *ds = make_ds();
	struct node *n = node_new("node1");
	struct label_selector sel;
	struct ks_err err;
	bool run, keep;

	ck_assert_int_eq(sel_parse(tc->node_labels, &sel, &err), 0);
	for (size_t i = 0; i < sel.n_exprs; i++)
		labels_set(&n->obj.meta.labels, sel.exprs[i].key, sel.exprs[i].values[0]);
	sel_free(&sel);
	parse_taints_into(n, tc->node_taints);
	n->unschedulable = tc->unschedulable;
	ck_assert_int_eq(sel_parse(tc->node_selector, &sel, &err), 0);
	for (size_t i = 0; i < sel.n_exprs; i++)
		labels_set(&ds->tmpl.spec.node_selector, sel.exprs[i].key, sel.exprs[i].values[0]);
	sel_free(&sel);
	if (tc->affinity[0] != '\0') {
		char *copy = xstrdup(tc->affinity), *save = NULL;
		struct node_selector *ns = &ds->tmpl.spec.affinity.required;

		ds->tmpl.spec.has_affinity = ds->tmpl.spec.affinity.node_affinity = true;
		ds->tmpl.spec.affinity.has_required = true;
		for (char *term = strtok_r(copy, "|", &save); term != NULL; term = strtok_r(NULL, "|", &save)) {
			ck_assert_int_eq(sel_parse(term, &sel, &err), 0);
			ns->terms = xreallocarray(ns->terms, ns->n_terms + 1, sizeof *ns->terms);
			ns->terms[ns->n_terms].exprs = sel.exprs;
			ns->terms[ns->n_terms].n_exprs = sel.n_exprs;
			ns->terms[ns->n_terms].fields = NULL;
			ns->terms[ns->n_terms].n_fields = 0;
			ns->n_terms++;
			sel.exprs = NULL;
			sel.n_exprs = 0;
			sel_free(&sel);
		}
		free(copy);
	}
	if (strcmp(tc->tolerations, "*") == 0) {
		struct toleration t;

		toleration_init(&t, "", TOL_EXISTS, "", EFFECT_ALL);
		pod_add_toleration(&ds->tmpl.spec, &t);
		toleration_free(&t);
	} else if (tc->tolerations[0] != '\0') {
		char *copy = xstrdup(tc->tolerations);
		char *colon = strrchr(copy, ':'), *eq;
		enum taint_effect e;
		struct toleration t;

		*colon = '\0';
		ck_assert_int_eq(taint_effect_parse(colon + 1, false, &e), 0);
		eq = strchr(copy, '=');
		if (eq != NULL)
			*eq = '\0';
		toleration_init(&t, copy, eq ? TOL_EQUAL : TOL_EXISTS, eq ? eq + 1 : "", e);
		pod_add_toleration(&ds->tmpl.spec, &t);
		toleration_free(&t);
		free(copy);
	}
	if (tc->node_name != NULL)
		ds->tmpl.spec.node_name = atom_get(tc->node_name);
	ds->tmpl.spec.host_network = tc->host_network;
	if (tc->cpu_request != NULL) {
		struct quantity q;

		ck_assert_int_eq(qty_parse(tc->cpu_request, &q, &err), 0);
		res_list_set(&ds->tmpl.spec.containers[0].requests, "cpu", q);
	}
	placement_should_run(ds, n, &run, &keep);
	ck_assert_msg(run == tc->want_run && keep == tc->want_continue,
	    "%s: got shouldRun=%d shouldContinueRunning=%d, want %d %d", tc->name, run, keep,
	    tc->want_run, tc->want_continue);
	node_free(n);
	ds_free(ds);
}
END_TEST

/* ---- the event recorder (client-go's EventCorrelator) ---- */

/* The events about obj with this reason, in creation order. */
static size_t
events_about(const struct cluster *c, const struct object *obj, const char *reason,
    struct event **out, size_t max)
{
	struct vec all = VEC_INIT;
	size_t n = 0;

	store_list(c->store, KIND_EVENT, NULL, &all);
	for (size_t i = 0; i < all.n; i++) {
		struct event *e = all.v[i];

		if (strcmp(e->involved_uid, obj->meta.uid) == 0 && strcmp(e->reason, reason) == 0 &&
		    n < max)
			out[n++] = e;
	}
	vec_free(&all);
	return n;
}

/* A DaemonSet in a cluster whose controllers record nothing else about it. */
static struct cluster *
recorder_cluster(struct object **ds)
{
	struct timing t;
	struct cluster *c;
	struct daemonset *d = make_ds();
	struct ks_err err;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	ck_assert_int_eq(store_create(c->store, &d->obj, &err), STORE_OK);
	*ds = &d->obj;
	return c;
}

START_TEST(test_similar_events_aggregate_from_the_tenth)
{
	struct object *ds;
	struct cluster *c = recorder_cluster(&ds);
	struct event *ev[16];

	for (int i = 1; i <= 12; i++)
		event_record(c->rec, ds, "Normal", "Probe", "daemonset-controller", "message %d", i);
	/* Nine as they came, then one aggregate that the tenth to twelfth count in. */
	ck_assert_uint_eq(events_about(c, ds, "Probe", ev, 16), 10);
	ck_assert_str_eq(ev[8]->message, "message 9");
	ck_assert_int_eq(ev[8]->count, 1);
	ck_assert_str_eq(ev[9]->message, "(combined from similar events): message 12");
	ck_assert_int_eq(ev[9]->count, 3);
	/* A message already seen is counted on its own event, not the aggregate. */
	event_record(c->rec, ds, "Normal", "Probe", "daemonset-controller", "message 2");
	ck_assert_uint_eq(events_about(c, ds, "Probe", ev, 16), 10);
	ck_assert_int_eq(ev[1]->count, 2);
	ck_assert_int_eq(ev[9]->count, 3);
	/* Ten quiet minutes later, new messages start over. */
	cluster_advance_to(c, 601 * 1000);
	event_record(c->rec, ds, "Normal", "Probe", "daemonset-controller", "message 13");
	ck_assert_uint_eq(events_about(c, ds, "Probe", ev, 16), 11);
	ck_assert_str_eq(ev[10]->message, "message 13");
	cluster_free(c);
}
END_TEST

START_TEST(test_each_component_correlates_apart)
{
	struct object *ds;
	struct cluster *c = recorder_cluster(&ds);
	struct event *ev[4];

	event_record(c->rec, ds, "Normal", "Probe", "daemonset-controller", "same");
	event_record(c->rec, ds, "Normal", "Probe", "daemonset-controller", "same");
	event_record(c->rec, ds, "Normal", "Probe", "node-controller", "same");
	ck_assert_uint_eq(events_about(c, ds, "Probe", ev, 4), 2);
	ck_assert_int_eq(ev[0]->count, 2);
	ck_assert_str_eq(ev[1]->source, "node-controller");
	ck_assert_int_eq(ev[1]->count, 1);
	cluster_free(c);
}
END_TEST

START_TEST(test_the_correlator_forgets_the_least_recent_past_4096)
{
	struct object *ds;
	struct cluster *c = recorder_cluster(&ds);
	struct event *ev[2];

	event_record(c->rec, ds, "Normal", "First", "daemonset-controller", "x");
	/* Distinct reasons, so that no two of them aggregate. */
	for (int i = 0; i < 4096; i++) {
		char reason[32];

		snprintf(reason, sizeof reason, "Other%d", i);
		event_record(c->rec, ds, "Normal", reason, "daemonset-controller", "x");
	}
	/* Its logger entry is gone: the same event again is a new Event. */
	event_record(c->rec, ds, "Normal", "First", "daemonset-controller", "x");
	ck_assert_uint_eq(events_about(c, ds, "First", ev, 2), 2);
	ck_assert_int_eq(ev[0]->count, 1);
	ck_assert_int_eq(ev[1]->count, 1);
	cluster_free(c);
}
END_TEST

START_TEST(test_a_scheduler_series_ends_after_six_quiet_minutes)
{
	struct object *ds;
	struct cluster *c = recorder_cluster(&ds);
	struct event *ev[16];

	event_record(c->rec, ds, "Warning", "Probe", "default-scheduler", "same");
	cluster_advance_to(c, 5 * 60 * 1000);
	event_record(c->rec, ds, "Warning", "Probe", "default-scheduler", "same");
	ck_assert_uint_eq(events_about(c, ds, "Probe", ev, 16), 1);
	ck_assert_int_eq(ev[0]->count, 2);
	cluster_advance_to(c, 12 * 60 * 1000);
	event_record(c->rec, ds, "Warning", "Probe", "default-scheduler", "same");
	ck_assert_uint_eq(events_about(c, ds, "Probe", ev, 16), 2);
	ck_assert_int_eq(ev[1]->count, 1);
	/* The scheduler's recorder does not aggregate. */
	for (int i = 0; i < 12; i++)
		event_record(c->rec, ds, "Warning", "Many", "default-scheduler", "m %d", i);
	ck_assert_uint_eq(events_about(c, ds, "Many", ev, 16), 12);
	ck_assert_str_eq(ev[11]->message, "m 11");
	cluster_free(c);
}
END_TEST

START_TEST(test_events_expire_an_hour_after_their_last_write)
{
	struct object *ds;
	struct cluster *c = recorder_cluster(&ds);
	struct event *ev[4];

	event_record(c->rec, ds, "Normal", "Renewed", "daemonset-controller", "x");
	event_record(c->rec, ds, "Normal", "Once", "daemonset-controller", "x");
	event_record(c->rec, ds, "Normal", "Deleted", "daemonset-controller", "x");
	ck_assert_uint_eq(events_about(c, ds, "Deleted", ev, 4), 1);
	store_delete(c->store, &ev[0]->obj, 0);
	cluster_advance_to(c, 30 * 60 * 1000);
	event_record(c->rec, ds, "Normal", "Renewed", "daemonset-controller", "x");
	event_record(c->rec, ds, "Normal", "Held", "daemonset-controller", "x");
	ck_assert_uint_eq(events_about(c, ds, "Held", ev, 4), 1);
	meta_add_finalizer(&ev[0]->obj.meta, "example.com/hold");
	store_update(c->store, &ev[0]->obj);
	cluster_advance_to(c, 60 * 60 * 1000 - 1);
	ck_assert_uint_eq(events_about(c, ds, "Once", ev, 4), 1);
	cluster_advance_to(c, 60 * 60 * 1000);
	ck_assert_uint_eq(events_about(c, ds, "Once", ev, 4), 0);
	ck_assert_uint_eq(events_about(c, ds, "Renewed", ev, 4), 1);
	ck_assert_int_eq(ev[0]->count, 2);
	cluster_advance_to(c, 90 * 60 * 1000);
	ck_assert_uint_eq(events_about(c, ds, "Renewed", ev, 4), 0);
	/* A finalizer keeps an expired event, being deleted, however long. */
	ck_assert_uint_eq(events_about(c, ds, "Held", ev, 4), 1);
	ck_assert(meta_deleting(&ev[0]->obj.meta));
	cluster_advance_to(c, 5 * 60 * 60 * 1000);
	ck_assert_uint_eq(events_about(c, ds, "Held", ev, 4), 1);
	cluster_free(c);
}
END_TEST

static Suite *
control_suite(void)
{
	Suite *s = suite_create("control");
	TCase *tc = tcase_create("placement");

	tcase_add_test(tc, test_should_run_follows_taints_and_selectors);
	tcase_add_test(tc, test_network_unavailable_is_tolerated_only_with_host_network);
	tcase_add_test(tc, test_target_node_comes_from_node_name_or_affinity);
	tcase_add_test(tc, test_filter_reasons_are_the_schedulers);
	tcase_add_test(tc, test_a_daemonset_gets_one_running_pod_per_node);
	tcase_add_test(tc, test_same_seed_gives_same_pod_names);
	tcase_add_test(tc, test_running_totals_match_a_full_recount_through_churn);
	tcase_add_test(tc, test_quiet_retry_loops_skip_to_the_same_state);
	tcase_add_test(tc, test_similar_events_aggregate_from_the_tenth);
	tcase_add_test(tc, test_each_component_correlates_apart);
	tcase_add_test(tc, test_the_correlator_forgets_the_least_recent_past_4096);
	tcase_add_test(tc, test_a_scheduler_series_ends_after_six_quiet_minutes);
	tcase_add_test(tc, test_events_expire_an_hour_after_their_last_write);
	tcase_add_loop_test(tc, test_node_should_run_daemon_pod_table, 0,
	    (int)(sizeof should_run_cases / sizeof should_run_cases[0]));
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(control_suite)
