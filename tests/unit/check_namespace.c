/* Namespaces in the store, NamespaceLifecycle admission, and node leases' implicit renewals. */
#include <check.h>
#include <string.h>

#include "api/lease.h"
#include "api/namespace.h"
#include "api/pod.h"
#include "api/store.h"
#include "runner.h"
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
	p->obj.meta.ns = xstrdup("nowhere");
	ck_assert_int_eq(nslifecycle_admit(st, &p->obj, &err), NSL_NOT_FOUND);
	ck_assert_str_eq(err.msg, "namespaces \"nowhere\" not found");
	ck_assert_str_eq(nslifecycle_reason(NSL_NOT_FOUND), "NotFound");
	free(p->obj.meta.ns);
	p->obj.meta.ns = xstrdup("team");
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
namespace_suite(void)
{
	Suite *s = suite_create("namespace");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_prepare_for_create_sets_finalizer_label_and_phase);
	tcase_add_test(tc, test_namespace_uids_leave_the_cluster_random_source_alone);
	tcase_add_test(tc, test_deleted_namespace_terminates_until_its_finalizer_goes);
	tcase_add_test(tc, test_lifecycle_refuses_missing_and_terminating_namespaces);
	tcase_add_test(tc, test_immortal_namespaces_may_not_be_deleted);
	tcase_add_test(tc, test_lease_renews_every_ten_seconds_while_its_holder_runs);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(namespace_suite)
