/*
 * The practice cluster's state file: a cluster saved and loaded again is
 * the one that was saved - same objects, same pending work - and goes on
 * exactly as the original would have.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/store.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "kubectl/kctl.h"
#include "runner.h"
#include "state.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const char ds_yaml[] =
    "apiVersion: apps/v1\n"
    "kind: DaemonSet\n"
    "metadata: {name: agent}\n"
    "spec:\n"
    "  selector: {matchLabels: {app: agent}}\n"
    "  template:\n"
    "    metadata: {labels: {app: agent}}\n"
    "    spec:\n"
    "      containers: [{name: agent, image: busybox}]\n";

static char state_path[64];

static void
setup(void)
{
	snprintf(state_path, sizeof state_path, "/tmp/check_state.%ld.json", (long)getpid());
	unlink(state_path);
}

static void
teardown(void)
{
	char lock[80];

	snprintf(lock, sizeof lock, "%s.lock", state_path);
	unlink(state_path);
	unlink(lock);
}

/* Every object as kubectl -o json shows it, plus the engine's pending work. */
static char *
picture(struct cluster *c)
{
	static const enum kind kinds[] = {KIND_NODE, KIND_DAEMONSET, KIND_CONTROLLERREVISION,
		KIND_POD, KIND_EVENT};
	struct strbuf sb = STRBUF_INIT;
	struct vec v = VEC_INIT;
	sim_ms next = -1;

	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		store_list_sorted(c->store, kinds[k], NULL, &v);
		for (size_t i = 0; i < v.n; i++) {
			cJSON *doc = encode_object(v.v[i], cluster_now(c));

			encode_json_compact(doc, &sb);
			sb_addc(&sb, '\n');
			cJSON_Delete(doc);
		}
		vec_clear(&v);
	}
	vec_free(&v);
	sim_next_time(c->sim, &next);
	sb_addf(&sb, "now=%lld pending=%zu next=%lld writes=%llu\n", (long long)cluster_now(c),
	    sim_pending(c->sim), (long long)next, (unsigned long long)store_writes(c->store));
	return sb_take(&sb);
}

static cJSON *
kubectl_entry(const char *stdin_text, int n, ...)
{
	cJSON *e = cJSON_CreateObject(), *args;
	va_list ap;

	cJSON_AddStringToObject(e, "op", "kubectl");
	args = cJSON_AddArrayToObject(e, "args");
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		cJSON_AddItemToArray(args, cJSON_CreateString(va_arg(ap, const char *)));
	va_end(ap);
	if (stdin_text != NULL)
		cJSON_AddStringToObject(e, "stdin", stdin_text);
	return e;
}

static cJSON *
node_entry(const char *op, const char *name)
{
	cJSON *e = cJSON_CreateObject();

	cJSON_AddStringToObject(e, "op", op);
	cJSON_AddStringToObject(e, "name", name);
	return e;
}

static int
apply(struct state *st, cJSON *e)
{
	struct kctl_result res;
	struct ks_err err;
	int rc;

	kctl_result_init(&res);
	rc = state_apply(st, e, &res, &err);
	kctl_result_free(&res);
	return rc;
}

/* Mid-flight work - pods pulling, a node silent, taints counting down - survives a save. */
START_TEST(test_reload_resumes_exactly)
{
	struct state live, again;
	struct ks_err err;
	char *before, *after;
	sim_ms t0;

	ck_assert_int_eq(state_lock(&live, state_path, &err), 0);
	ck_assert_int_eq(state_create(&live, MODE_SCHEDULER, CLOCK_MANUAL, 7, 3, true, 1000, &err), 0);
	ck_assert_int_eq(apply(&live, kubectl_entry(ds_yaml, 3, "apply", "-f", "-")), 0);
	t0 = cluster_now(live.c); /* after kube-proxy settled */
	cluster_advance_to(live.c, t0 + 1500); /* pods created, containers still starting */
	ck_assert_int_eq(apply(&live, node_entry("failNode", "node2")), 0);
	cluster_advance_to(live.c, t0 + 47321);
	ck_assert_int_eq(apply(&live, kubectl_entry(NULL, 2, "cordon", "node3")), 0);
	cluster_advance_to(live.c, t0 + 52004);
	ck_assert_int_gt(sim_pending(live.c->sim), 0);
	ck_assert_int_eq(cJSON_GetArraySize(live.journal), 3);
	ck_assert_int_eq(state_save(&live, 2000, &err), 0);
	before = picture(live.c);

	/* Another process: the lock is free once the first one is done with it. */
	cluster_advance_to(live.c, t0 + 52004 + 600000);
	state_close(&live);
	ck_assert_int_eq(state_lock(&again, state_path, &err), 0);
	ck_assert_int_eq(state_load(&again, 2000, &err), 0);
	after = picture(again.c);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	state_close(&again);
}
END_TEST

/* Both copies, run on for ten minutes, stay identical (the NoExecute eviction included). */
START_TEST(test_reloaded_cluster_runs_on_identically)
{
	struct state live, again;
	struct ks_err err;
	char *a, *b;

	ck_assert_int_eq(state_lock(&live, state_path, &err), 0);
	ck_assert_int_eq(state_create(&live, MODE_LEGACY, CLOCK_MANUAL, 3, 2, false, 0, &err), 0);
	ck_assert_int_eq(apply(&live, kubectl_entry(ds_yaml, 3, "create", "-f", "-")), 0);
	cluster_advance_to(live.c, 20000);
	ck_assert_int_eq(apply(&live, node_entry("failNode", "node1")), 0);
	cluster_advance_to(live.c, 33333);
	ck_assert_int_eq(state_save(&live, 0, &err), 0);
	cluster_advance_to(live.c, 33333 + 600000);
	a = picture(live.c);
	state_close(&live);

	ck_assert_int_eq(state_lock(&again, state_path, &err), 0);
	ck_assert_int_eq(state_load(&again, 0, &err), 0);
	cluster_advance_to(again.c, 33333 + 600000);
	b = picture(again.c);
	ck_assert_str_eq(b, a);
	free(a);
	free(b);
	state_close(&again);
}
END_TEST

/* The real clock moves on by the wall-clock gap, but never more than STATE_MAX_GAP_MS. */
START_TEST(test_real_clock_follows_the_wall_clock_capped)
{
	struct state st;
	struct ks_err err;

	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_int_eq(state_create(&st, MODE_SCHEDULER, CLOCK_REAL, 1, 1, false, 1000000, &err), 0);
	ck_assert_int_eq(state_save(&st, 1000000, &err), 0);
	state_close(&st);

	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_int_eq(state_load(&st, 1004250, &err), 0);
	ck_assert_int_eq(cluster_now(st.c), 4250);
	ck_assert_int_eq(state_save(&st, 1004250, &err), 0);
	state_close(&st);

	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_int_eq(state_load(&st, 1004250 + 7LL * 24 * 3600 * 1000, &err), 0);
	ck_assert_int_eq(cluster_now(st.c), 4250 + STATE_MAX_GAP_MS);
	state_close(&st);
}
END_TEST

/* Commands that change nothing are not journaled; ones that do are, with what they read. */
START_TEST(test_journal_keeps_only_changes)
{
	struct state st;
	struct ks_err err;
	cJSON *first;

	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_int_eq(state_create(&st, MODE_SCHEDULER, CLOCK_MANUAL, 1, 2, false, 0, &err), 0);
	ck_assert_int_eq(apply(&st, kubectl_entry(NULL, 2, "get", "nodes")), 0);
	ck_assert_int_eq(apply(&st, kubectl_entry(NULL, 3, "get", "ds", "nope")), 1);
	ck_assert_int_eq(apply(&st, node_entry("removeNode", "node9")), 1);
	ck_assert_int_eq(cJSON_GetArraySize(st.journal), 0);
	ck_assert_int_eq(apply(&st, kubectl_entry(ds_yaml, 3, "create", "-f", "-")), 0);
	ck_assert_int_eq(cJSON_GetArraySize(st.journal), 1);
	first = cJSON_GetArrayItem(st.journal, 0);
	ck_assert_str_eq(cJSON_GetObjectItem(first, "stdin")->valuestring, ds_yaml);
	ck_assert_ptr_null(cJSON_GetObjectItem(first, "files"));
	state_close(&st);
}
END_TEST

static Suite *
state_suite(void)
{
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("replay");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_reload_resumes_exactly);
	tcase_add_test(tc, test_reloaded_cluster_runs_on_identically);
	tcase_add_test(tc, test_real_clock_follows_the_wall_clock_capped);
	tcase_add_test(tc, test_journal_keeps_only_changes);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(state_suite)
