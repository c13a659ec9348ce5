/* The store: identity, versions, indexes and watch notifications; namespaces and leases in it. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/lease.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/quantity.h"
#include "api/store.h"
#include "runner.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/xmalloc.h"

static int64_t fake_now;
static uint64_t fake_rand;

static int64_t
now_hook(void *ctx)
{
	(void)ctx;
	return fake_now;
}

static uint64_t
rand_hook(void *ctx)
{
	(void)ctx;
	return fake_rand++ * 0x9e3779b97f4a7c15ULL;
}

static struct store *
new_store(void)
{
	struct store_hooks h = {now_hook, rand_hook, NULL};

	fake_now = 0;
	fake_rand = 1;
	return store_new(&h);
}

static struct pod *
make_pod(const char *name, const char *node)
{
	struct pod *p = pod_new();

	p->obj.meta.name = xstrdup(name);
	if (node != NULL)
		p->spec.node_name = atom_get(node);
	p->spec.termination_grace_s = 30;
	return p;
}

struct seen {
	int added, modified, deleted;
	char last[64];
};

static void
watcher(void *ctx, enum store_op op, struct object *obj)
{
	struct seen *s = ctx;

	if (op == STORE_ADDED)
		s->added++;
	else if (op == STORE_MODIFIED)
		s->modified++;
	else
		s->deleted++;
	strncpy(s->last, obj->meta.name, sizeof s->last - 1);
}

START_TEST(test_create_assigns_uid_version_generation_and_time)
{
	struct store *st = new_store();
	struct pod *p = make_pod("web", NULL);
	struct ks_err err;

	fake_now = 1500;
	ck_assert_int_eq(store_create(st, &p->obj, &err), STORE_OK);
	ck_assert_str_eq(p->obj.meta.ns, "default");
	ck_assert_int_eq(strlen(p->obj.meta.uid), 36);
	ck_assert_int_eq(p->obj.meta.uid[14], '4');
	ck_assert_uint_gt(p->obj.meta.resource_version, 0);
	ck_assert_int_eq(p->obj.meta.generation, 1);
	ck_assert_int_eq(p->obj.meta.creation_ms, 1500);
	ck_assert_ptr_eq(store_get(st, KIND_POD, "default", "web"), p);
	ck_assert_ptr_eq(store_get_uid(st, p->obj.meta.uid), p);
	store_free(st);
}
END_TEST

START_TEST(test_create_twice_is_already_exists)
{
	struct store *st = new_store();
	struct pod *a = make_pod("web", NULL), *b = make_pod("web", NULL);
	struct ks_err err;

	ck_assert_int_eq(store_create(st, &a->obj, &err), STORE_OK);
	ck_assert_int_eq(store_create(st, &b->obj, &err), STORE_ERR_EXISTS);
	ck_assert_str_eq(err.msg, "pods \"web\" already exists");
	pod_free(b);
	store_free(st);
}
END_TEST

START_TEST(test_names_are_per_kind_and_namespace_and_go_with_the_object)
{
	struct store *st = new_store();
	struct pod *here = make_pod("web", NULL), *there = make_pod("web", NULL);
	struct node *node = node_new("web");
	struct pod *many[500];
	struct ks_err err;
	char name[32], uid[64];

	meta_set_ns(&there->obj.meta, "team");
	ck_assert_int_eq(store_create(st, &here->obj, &err), STORE_OK);
	ck_assert_int_eq(store_create(st, &there->obj, &err), STORE_OK);
	ck_assert_int_eq(store_create(st, &node->obj, &err), STORE_OK);
	ck_assert_ptr_eq(store_get(st, KIND_POD, "default", "web"), here);
	ck_assert_ptr_eq(store_get(st, KIND_POD, "team", "web"), there);
	ck_assert_ptr_eq(store_get(st, KIND_NODE, NULL, "web"), node);
	ck_assert_ptr_null(store_get(st, KIND_POD, "elsewhere", "web"));
	/* Enough to grow the indexes, then thin them out again. */
	for (int i = 0; i < 500; i++) {
		snprintf(name, sizeof name, "pod-%d", i);
		many[i] = make_pod(name, NULL);
		ck_assert_int_eq(store_create(st, &many[i]->obj, &err), STORE_OK);
	}
	snprintf(uid, sizeof uid, "%s", there->obj.meta.uid);
	store_remove(st, &there->obj);
	ck_assert_ptr_null(store_get(st, KIND_POD, "team", "web"));
	ck_assert_ptr_null(store_get_uid(st, uid));
	for (int i = 0; i < 500; i += 2)
		store_remove(st, &many[i]->obj);
	for (int i = 0; i < 500; i++) {
		snprintf(name, sizeof name, "pod-%d", i);
		if (i % 2 == 0) {
			ck_assert_ptr_null(store_get(st, KIND_POD, "default", name));
			continue;
		}
		ck_assert_ptr_eq(store_get(st, KIND_POD, "default", name), many[i]);
		ck_assert_ptr_eq(store_get_uid(st, many[i]->obj.meta.uid), many[i]);
	}
	ck_assert_ptr_eq(store_get(st, KIND_POD, "default", "web"), here);
	ck_assert_ptr_eq(store_get_uid(st, node->obj.meta.uid), node);
	store_free(st);
}
END_TEST

START_TEST(test_generate_name_appends_five_safe_characters)
{
	struct store *st = new_store();
	struct pod *p = pod_new();
	struct ks_err err;

	p->obj.meta.generate_name = xstrdup("fluentd-");
	ck_assert_int_eq(store_create(st, &p->obj, &err), STORE_OK);
	ck_assert_int_eq(strlen(p->obj.meta.name), strlen("fluentd-") + 5);
	ck_assert_int_eq(strncmp(p->obj.meta.name, "fluentd-", 8), 0);
	ck_assert_int_eq(strspn(p->obj.meta.name + 8, "bcdfghjklmnpqrstvwxz2456789"), 5);
	store_free(st);
}
END_TEST

START_TEST(test_update_bumps_resource_version_and_notifies)
{
	struct store *st = new_store();
	struct pod *p = make_pod("web", NULL);
	struct seen seen = {0, 0, 0, ""};
	struct ks_err err;
	uint64_t rv;

	store_watch(st, watcher, &seen);
	store_create(st, &p->obj, &err);
	rv = p->obj.meta.resource_version;
	store_update(st, &p->obj);
	ck_assert_uint_gt(p->obj.meta.resource_version, rv);
	ck_assert_int_eq(seen.added, 1);
	ck_assert_int_eq(seen.modified, 1);
	ck_assert_str_eq(seen.last, "web");
	store_free(st);
}
END_TEST

START_TEST(test_pods_are_indexed_by_node_and_reindexed_on_bind)
{
	struct store *st = new_store();
	struct pod *p = make_pod("web", NULL);
	struct ks_err err;

	store_create(st, &p->obj, &err);
	ck_assert_ptr_null(store_pods_on_node(st, "node1"));
	p->spec.node_name = atom_get("node1");
	store_update(st, &p->obj);
	ck_assert_int_eq(store_pods_on_node(st, "node1")->n, 1);
	ck_assert_ptr_eq(store_pods_on_node(st, "node1")->v[0], p);
	store_free(st);
}
END_TEST

START_TEST(test_node_usage_follows_pods_through_bind_finish_and_removal)
{
	struct store *st = new_store();
	struct pod *a = make_pod("a", NULL), *b = make_pod("b", "node1");
	struct quantity q;
	struct ks_err err;
	const struct store_node_usage *u;

	a->spec.containers = xcalloc(1, sizeof *a->spec.containers);
	a->spec.n_containers = 1;
	ck_assert_int_eq(qty_parse("250m", &q, &err), 0);
	res_list_set(&a->spec.containers[0].requests, "cpu", q);
	a->spec.containers[0].ports = xcalloc(1, sizeof *a->spec.containers[0].ports);
	a->spec.containers[0].n_ports = 1;
	a->spec.containers[0].ports[0].host_port = 8080;
	meta_add_owner(&a->obj.meta, "apps/v1", "DaemonSet", "ds", "uid-1", true);
	store_create(st, &a->obj, &err);
	store_create(st, &b->obj, &err);
	/* Unbound, a pod counts nowhere; b, bound and without requests, counts once. */
	u = store_node_usage(st, "node1");
	ck_assert_int_eq(u->pods, 1);
	ck_assert_int_eq(u->milli[STORE_RES_CPU], 0);
	ck_assert_ptr_null(store_pods_for_node(st, "uid-1", "node1"));
	a->spec.node_name = atom_get("node1");
	store_update(st, &a->obj);
	ck_assert_int_eq(u->pods, 2);
	ck_assert_int_eq(u->milli[STORE_RES_CPU], 250);
	ck_assert_int_eq(u->host_port_pods, 1);
	ck_assert_int_eq(store_pods_for_node(st, "uid-1", "node1")->n, 1);
	/* A finished pod stays on the node but no longer counts. */
	a->status.phase = PHASE_SUCCEEDED;
	store_update(st, &a->obj);
	ck_assert_int_eq(u->pods, 1);
	ck_assert_int_eq(u->milli[STORE_RES_CPU], 0);
	ck_assert_int_eq(u->host_port_pods, 0);
	ck_assert_int_eq(store_pods_on_node(st, "node1")->n, 2);
	store_remove(st, &a->obj);
	ck_assert_ptr_null(store_pods_for_node(st, "uid-1", "node1"));
	store_remove(st, &b->obj);
	/* A node with no pods left reads as zero. */
	u = store_node_usage(st, "node1");
	ck_assert_int_eq(u->pods, 0);
	ck_assert_int_eq(store_resource_index("memory"), STORE_RES_MEMORY);
	ck_assert_int_eq(store_resource_index("nvidia.com/gpu"), -1);
	store_free(st);
}
END_TEST

START_TEST(test_pods_are_indexed_by_controller_and_orphans_under_empty_key)
{
	struct store *st = new_store();
	struct pod *p = make_pod("web", NULL);
	struct ks_err err;

	store_create(st, &p->obj, &err);
	ck_assert_int_eq(store_pods_owned_by(st, "")->n, 1);
	meta_add_owner(&p->obj.meta, "apps/v1", "DaemonSet", "ds", "uid-1", true);
	store_update(st, &p->obj);
	ck_assert_ptr_null(store_pods_owned_by(st, ""));
	ck_assert_int_eq(store_pods_owned_by(st, "uid-1")->n, 1);
	meta_remove_owner(&p->obj.meta, "uid-1");
	store_update(st, &p->obj);
	ck_assert_int_eq(store_pods_owned_by(st, "")->n, 1);
	store_free(st);
}
END_TEST

START_TEST(test_deleting_a_bound_pod_is_graceful)
{
	struct store *st = new_store();
	struct pod *p = make_pod("web", "node1");
	struct seen seen = {0, 0, 0, ""};
	struct ks_err err;

	store_watch(st, watcher, &seen);
	store_create(st, &p->obj, &err);
	fake_now = 5000;
	store_delete(st, &p->obj, -1);
	ck_assert_int_eq(p->obj.meta.deletion_ms, 5000);
	ck_assert_int_eq(p->obj.meta.deletion_grace_s, 30);
	ck_assert_int_eq(seen.deleted, 0);
	store_remove(st, &p->obj);
	ck_assert_int_eq(seen.deleted, 1);
	ck_assert_ptr_null(store_get(st, KIND_POD, "default", "web"));
	ck_assert_ptr_null(store_pods_on_node(st, "node1"));
	store_free(st);
}
END_TEST

START_TEST(test_deleting_an_unbound_pod_removes_it_at_once)
{
	struct store *st = new_store();
	struct pod *p = make_pod("web", NULL);
	struct ks_err err;

	store_create(st, &p->obj, &err);
	store_delete(st, &p->obj, -1);
	ck_assert_ptr_null(store_get(st, KIND_POD, "default", "web"));
	ck_assert_uint_eq(store_count(st, KIND_POD), 0);
	store_free(st);
}
END_TEST

START_TEST(test_finalizers_hold_an_object_until_removed)
{
	struct store *st = new_store();
	struct daemonset *ds = ds_new();
	struct ks_err err;

	ds->obj.meta.name = xstrdup("agent");
	store_create(st, &ds->obj, &err);
	meta_add_finalizer(&ds->obj.meta, "orphan");
	store_delete(st, &ds->obj, -1);
	ck_assert_ptr_eq(store_get(st, KIND_DAEMONSET, "default", "agent"), ds);
	ck_assert(meta_deleting(&ds->obj.meta));
	meta_remove_finalizer(&ds->obj.meta, "orphan");
	store_update(st, &ds->obj);
	ck_assert_ptr_null(store_get(st, KIND_DAEMONSET, "default", "agent"));
	store_free(st);
}
END_TEST

START_TEST(test_list_keeps_creation_order_and_sorted_list_sorts_by_name)
{
	struct store *st = new_store();
	const char *names[] = {"c", "a", "b"};
	struct vec v = VEC_INIT;
	struct ks_err err;

	for (int i = 0; i < 3; i++) {
		struct node *n = node_new(names[i]);

		store_create(st, &n->obj, &err);
	}
	store_list(st, KIND_NODE, NULL, &v);
	ck_assert_str_eq(((struct object *)v.v[0])->meta.name, "c");
	ck_assert_str_eq(((struct object *)v.v[2])->meta.name, "b");
	store_list_sorted(st, KIND_NODE, NULL, &v);
	ck_assert_str_eq(((struct object *)v.v[0])->meta.name, "a");
	ck_assert_str_eq(((struct object *)v.v[2])->meta.name, "c");
	vec_free(&v);
	store_free(st);
}
END_TEST

START_TEST(test_removal_keeps_the_creation_order_of_the_rest)
{
	struct store *st = new_store();
	struct vec v = VEC_INIT;
	struct ks_err err;
	char name[16];

	for (int i = 0; i < 200; i++) {
		struct pod *p;

		snprintf(name, sizeof name, "p%03d", i);
		p = make_pod(name, NULL);
		store_create(st, &p->obj, &err);
	}
	for (int i = 0; i < 200; i += 2) {
		snprintf(name, sizeof name, "p%03d", i);
		store_remove(st, store_get(st, KIND_POD, "default", name));
	}
	store_list(st, KIND_POD, NULL, &v);
	ck_assert_uint_eq(v.n, 100);
	for (size_t i = 0; i < v.n; i++) {
		snprintf(name, sizeof name, "p%03zu", 2 * i + 1);
		ck_assert_str_eq(((struct object *)v.v[i])->meta.name, name);
	}
	vec_free(&v);
	store_free(st);
}
END_TEST

/* ---- namespaces, NamespaceLifecycle admission, node leases ---- */

static struct namespace *
add_ns(struct store *st, const char *name)
{
	struct namespace *ns = ns_new(name);
	struct ks_err err;

	ns_prepare_for_create(ns);
	ck_assert_int_eq(store_create(st, &ns->obj, &err), STORE_OK);
	return ns;
}

START_TEST(test_prepare_for_create_sets_finalizer_label_and_phase)
{
	struct namespace *ns = ns_new("team");

	ns_prepare_for_create(ns);
	ck_assert_uint_eq(ns->n_spec_finalizers, 1);
	ck_assert_str_eq(ns->spec_finalizers[0], "kubernetes");
	ck_assert_str_eq(labels_get(&ns->obj.meta.labels, "kubernetes.io/metadata.name"), "team");
	ck_assert_str_eq(ns_phase(ns), "Active");
	ns_free(ns);
}
END_TEST

START_TEST(test_namespace_uids_leave_the_cluster_random_source_alone)
{
	struct store *st = new_store();

	add_ns(st, "a");
	add_ns(st, "b");
	ck_assert_uint_eq(fake_rand, 1);
	store_free(st);
}
END_TEST

START_TEST(test_deleted_namespace_terminates_until_its_finalizer_goes)
{
	struct store *st = new_store();
	struct namespace *ns = add_ns(st, "team");

	fake_now = 5000;
	store_delete(st, &ns->obj, -1);
	ns = (struct namespace *)store_get(st, KIND_NAMESPACE, NULL, "team");
	ck_assert_ptr_nonnull(ns);
	ck_assert(ns->terminating);
	ck_assert_str_eq(ns_phase(ns), "Terminating");
	ck_assert_int_eq(ns->obj.meta.deletion_ms, 5000);
	/* A condition write keeps it... */
	ck_assert(ns_set_cond(ns, "NamespaceContentRemaining", "True", "SomeResourcesRemain", "x",
	    fake_now));
	ck_assert(!ns_set_cond(ns, "NamespaceContentRemaining", "True", "SomeResourcesRemain", "x",
	    fake_now));
	store_update(st, &ns->obj);
	ck_assert_ptr_nonnull(store_get(st, KIND_NAMESPACE, NULL, "team"));
	/* ...finalizing removes it. */
	ck_assert(ns_remove_spec_finalizer(ns, NS_FINALIZER));
	store_update(st, &ns->obj);
	ck_assert_ptr_null(store_get(st, KIND_NAMESPACE, NULL, "team"));
	store_free(st);
}
END_TEST

START_TEST(test_lifecycle_refuses_missing_and_terminating_namespaces)
{
	struct store *st = new_store();
	struct namespace *ns = add_ns(st, "team");
	struct pod *p = pod_new();
	struct ks_err err;

	p->obj.meta.name = xstrdup("web");
	meta_set_ns(&p->obj.meta, "nowhere");
	ck_assert_int_eq(nslifecycle_admit(st, &p->obj, &err), NSL_NOT_FOUND);
	ck_assert_str_eq(err.msg, "namespaces \"nowhere\" not found");
	ck_assert_str_eq(nslifecycle_reason(NSL_NOT_FOUND), "NotFound");
	meta_set_ns(&p->obj.meta, "team");
	ck_assert_int_eq(nslifecycle_admit(st, &p->obj, &err), NSL_OK);
	store_delete(st, &ns->obj, -1);
	ck_assert_int_eq(nslifecycle_admit(st, &p->obj, &err), NSL_FORBIDDEN);
	ck_assert_str_eq(err.msg,
	    "pods \"web\" is forbidden: unable to create new content in namespace team because it is being terminated");
	ck_assert_str_eq(nslifecycle_reason(NSL_FORBIDDEN), "Forbidden");
	pod_free(p);
	store_free(st);
}
END_TEST

START_TEST(test_immortal_namespaces_may_not_be_deleted)
{
	struct namespace *ns = ns_new("kube-system");
	struct ks_err err;

	ck_assert_int_eq(nslifecycle_admit_delete(&ns->obj, &err), NSL_FORBIDDEN);
	ck_assert_str_eq(err.msg,
	    "namespaces \"kube-system\" is forbidden: this namespace may not be deleted");
	free(ns->obj.meta.name);
	ns->obj.meta.name = xstrdup("kube-node-lease");
	ck_assert_int_eq(nslifecycle_admit_delete(&ns->obj, &err), NSL_OK);
	ns_free(ns);
}
END_TEST

START_TEST(test_lease_renews_every_ten_seconds_while_its_holder_runs)
{
	struct lease *l = lease_new();

	lease_set_renewing(l, true, 1500);
	ck_assert_int_eq(lease_renew_time(l, 1500), 1500);
	ck_assert_int_eq(lease_renew_time(l, 11499), 1500);
	ck_assert_int_eq(lease_renew_time(l, 11500), 11500);
	ck_assert_int_eq(lease_renew_time(l, 95000), 91500);
	/* The kubelet stops: the last renewal stays. */
	lease_set_renewing(l, false, 95000);
	ck_assert_int_eq(lease_renew_time(l, 300000), 91500);
	/* It comes back: renewed at once, then every 10 s from then. */
	lease_set_renewing(l, true, 300200);
	ck_assert_int_eq(lease_renew_time(l, 300200), 300200);
	ck_assert_int_eq(lease_renew_time(l, 315000), 310200);
	lease_free(l);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_create_assigns_uid_version_generation_and_time);
	tcase_add_test(tc, test_create_twice_is_already_exists);
	tcase_add_test(tc, test_names_are_per_kind_and_namespace_and_go_with_the_object);
	tcase_add_test(tc, test_generate_name_appends_five_safe_characters);
	tcase_add_test(tc, test_update_bumps_resource_version_and_notifies);
	tcase_add_test(tc, test_pods_are_indexed_by_node_and_reindexed_on_bind);
	tcase_add_test(tc, test_pods_are_indexed_by_controller_and_orphans_under_empty_key);
	tcase_add_test(tc, test_node_usage_follows_pods_through_bind_finish_and_removal);
	tcase_add_test(tc, test_deleting_a_bound_pod_is_graceful);
	tcase_add_test(tc, test_deleting_an_unbound_pod_removes_it_at_once);
	tcase_add_test(tc, test_finalizers_hold_an_object_until_removed);
	tcase_add_test(tc, test_list_keeps_creation_order_and_sorted_list_sorts_by_name);
	tcase_add_test(tc, test_removal_keeps_the_creation_order_of_the_rest);
	suite_add_tcase(s, tc);
	tc = tcase_create("namespaces");
	tcase_add_test(tc, test_prepare_for_create_sets_finalizer_label_and_phase);
	tcase_add_test(tc, test_namespace_uids_leave_the_cluster_random_source_alone);
	tcase_add_test(tc, test_deleted_namespace_terminates_until_its_finalizer_goes);
	tcase_add_test(tc, test_lifecycle_refuses_missing_and_terminating_namespaces);
	tcase_add_test(tc, test_immortal_namespaces_may_not_be_deleted);
	tcase_add_test(tc, test_lease_renews_every_ten_seconds_while_its_holder_runs);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(store_suite)
