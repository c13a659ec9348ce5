/*
 * kubectl run and the client-side generators: what they create, and that a
 * client dry run leaves the cluster's random stream alone (the real kubectl
 * sends nothing, so the names and uids the cluster generates afterwards
 * must not move).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "api/labels.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "cluster.h"
#include "kubectl/kctl.h"
#include "runner.h"
#include "util/err.h"
#include "util/xmalloc.h"

static struct cluster *
new_cluster(void)
{
	struct timing t;
	struct ks_err err;
	struct cluster *c;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	ck_assert_int_eq(cluster_add_node(c, node_new("node1"), false, true, &err), 0);
	return c;
}

/* Runs a kubectl command line; returns its exit status, stdout in *out when not NULL. */
static int
kubectl(struct cluster *c, const char *line, char **out)
{
	struct kctl_io io = {NULL, NULL, NULL, NULL, NULL};
	struct kctl_result res;
	struct ks_err err;
	char **argv;
	int argc, rc;

	ck_assert_int_eq(kctl_split(line, &argc, &argv, &err), 0);
	kctl_result_init(&res);
	rc = kctl_run(c, argc, argv, &io, &res);
	if (out != NULL)
		*out = xstrdup(sb_str(&res.out));
	kctl_result_free(&res);
	kctl_argv_free(argc, argv);
	return rc;
}

static const char *
pod_uid(struct cluster *c, const char *name)
{
	struct object *o = store_get(c->store, KIND_POD, "default", name);

	ck_assert_ptr_nonnull(o);
	return o->meta.uid;
}

START_TEST(test_client_dry_runs_draw_nothing)
{
	struct cluster *a = new_cluster(), *b = new_cluster();
	char *first, *second;

	/* create deployment's container name suffix is made client-side, twice the same. */
	ck_assert_int_eq(kubectl(a, "create deploy web --image=my_app.v2 --dry-run=client -o yaml", &first), 0);
	ck_assert_int_eq(kubectl(a, "create deploy web --image=my_app.v2 --dry-run=client -o yaml", &second), 0);
	ck_assert_str_eq(first, second);
	ck_assert_ptr_nonnull(strstr(first, "name: my-app-v2-"));
	free(first);
	free(second);
	ck_assert_int_eq(kubectl(a, "run x --image=nginx --dry-run=client -o yaml", NULL), 0);
	ck_assert_int_eq(kubectl(a, "run p --image=nginx", NULL), 0);
	ck_assert_int_eq(kubectl(b, "run p --image=nginx", NULL), 0);
	/* The cluster that saw the dry runs drew the same uid as the one that did not. */
	ck_assert_str_eq(pod_uid(a, "p"), pod_uid(b, "p"));
	cluster_free(a);
	cluster_free(b);
}
END_TEST

START_TEST(test_run_creates_the_generated_pod)
{
	struct cluster *c = new_cluster();
	struct pod *p;
	char *out;

	ck_assert_int_eq(kubectl(c, "run web --image=nginx --restart=Never --env A=1 -- sleep 10", &out), 0);
	ck_assert_str_eq(out, "pod/web created\n");
	free(out);
	p = (struct pod *)store_get(c->store, KIND_POD, "default", "web");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(labels_get(&p->obj.meta.labels, "run"), "web");
	/* A server dry run stores nothing; a second create is AlreadyExists. */
	ck_assert_int_eq(kubectl(c, "run web2 --image=nginx --dry-run=server", NULL), 0);
	ck_assert_ptr_null(store_get(c->store, KIND_POD, "default", "web2"));
	ck_assert_int_eq(kubectl(c, "run web --image=nginx", NULL), 1);
	cluster_free(c);
}
END_TEST

static Suite *
run_suite(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_client_dry_runs_draw_nothing);
	tcase_add_test(tc, test_run_creates_the_generated_pod);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(run_suite)
