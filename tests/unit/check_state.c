/*
 * The practice cluster's state file: a cluster saved and loaded again is
 * the one that was saved - same objects, same pending work - and goes on
 * exactly as the original would have.
 */
#include "config.h"

#include <check.h>
#include <stdbool.h>
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
#include "util/file.h"
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

static char *
saved_text(void)
{
	struct ks_err err;
	char *text;
	size_t len;

	ck_assert_int_eq(file_read(state_path, 1 << 26, "state", &text, &len, &err), 0);
	return text;
}

/*
 * A save reuses the last snapshot's items for unchanged objects: the file
 * must be the very one a snapshot made from scratch gives, after creates,
 * updates, deletions, the clock moving (leases) and the epoch moving.
 */
START_TEST(test_reused_snapshot_is_the_fresh_one)
{
	struct state st;
	struct ks_err err;
	char *reused, *fresh;
	int64_t epoch = meta_epoch_unix();

	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_int_eq(state_create(&st, MODE_SCHEDULER, CLOCK_MANUAL, 7, 3, true, 1000, &err), 0);
	ck_assert_int_eq(state_save(&st, 2000, &err), 0);
	ck_assert(st.snapshot_ours);
	for (int step = 0; step < 5; step++) {
		switch (step) {
		case 0:
			ck_assert_int_eq(apply(&st, kubectl_entry(ds_yaml, 3, "apply", "-f", "-")), 0);
			break;
		case 1:
			ck_assert_int_eq(apply(&st, kubectl_entry(NULL, 4, "label", "node", "node1", "a=b")), 0);
			break;
		case 2:
			ck_assert_int_eq(apply(&st, node_entry("removeNode", "node3")), 0);
			break;
		case 3:
			ck_assert_int_eq(apply(&st, kubectl_entry(NULL, 4, "delete", "ds", "agent", "--cascade=orphan")), 0);
			break;
		case 4:
			meta_set_epoch_unix(epoch + 3600);
			break;
		}
		cluster_advance_to(st.c, cluster_now(st.c) + 30000);
		ck_assert_int_eq(state_save(&st, 2000, &err), 0);
		reused = saved_text();
		st.snapshot_ours = false;
		ck_assert_int_eq(state_save(&st, 2000, &err), 0);
		fresh = saved_text();
		ck_assert_str_eq(reused, fresh);
		free(reused);
		free(fresh);
	}
	meta_set_epoch_unix(epoch);
	state_close(&st);
}
END_TEST

/* The largest seed comes back as itself (cJSON alone prints it to 15 digits, another seed). */
START_TEST(test_largest_seed_round_trips)
{
	struct state st;
	struct ks_err err;

	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_int_eq(state_create(&st, MODE_SCHEDULER, CLOCK_MANUAL, STATE_MAX_SEED, 1, false, 0, &err), 0);
	ck_assert_int_eq(state_save(&st, 0, &err), 0);
	ck_assert_int_eq(state_save(&st, 0, &err), 0);
	state_close(&st);
	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_msg(state_load(&st, 0, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(st.seed, 9007199254740991ULL);
	ck_assert_int_eq(state_save(&st, 0, &err), 0);
	state_close(&st);
	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_msg(state_load(&st, 0, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(st.seed, 9007199254740991ULL);
	state_close(&st);
}
END_TEST

/* Write text as the state file and load it; the load's return value, err filled. */
static int
load_text(const char *text, struct state *st, struct ks_err *err)
{
	FILE *f = fopen(state_path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(state_lock(st, state_path, err), 0);
	return state_load(st, 0, err);
}

/*
 * The "objects" snapshot is never read back, so a load does not build it:
 * on a 1,000-node cluster it was most of a command's time and memory.
 */
START_TEST(test_load_skips_the_snapshot)
{
	static const char *const texts[] = {
		/* as state_save writes it, last */
		"{\"kind\": \"KubesimCluster\", \"format\": 1, \"mode\": \"legacy\", \"clock\": \"manual\", "
		"\"seed\": 1, \"nodes\": 2, \"wallClock\": 0, \"now\": 0, \"journal\": [],\n"
		"\"objects\": {\"items\": [{\"a\": [1, -2.5e+3, 0, true, false, null, \"\\u00e9\\ud83d\\ude00\\n\"]}, "
		"[[[]]], {}]}}\n",
		/* anywhere, and among strings with every escape */
		"{\"objects\": [\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"], \"kind\": \"KubesimCluster\", \"format\": 1, "
		"\"mode\": \"legacy\", \"clock\": \"manual\", \"seed\": 1, \"nodes\": 2, \"wallClock\": 0, "
		"\"now\": 0, \"journal\": [{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"label\", \"node\", "
		"\"node1\", \"x=\\u0079\"]}]}",
	};

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct state st;
		struct ks_err err;
		const cJSON *objects;

		ck_assert_msg(load_text(texts[i], &st, &err) == 0, "%s", err.msg);
		objects = cJSON_GetObjectItemCaseSensitive(st.doc, "objects");
		ck_assert_msg(cJSON_IsNull(objects), "text %zu: the snapshot was parsed", i);
		ck_assert_int_eq(store_count(st.c->store, KIND_NODE), 2);
		state_close(&st);
	}
}
END_TEST

/* What the strict scan does not take is parsed whole: the same result, the same messages. */
START_TEST(test_load_without_the_skip_is_unchanged)
{
	static const struct {
		const char *text, *want; /* want: NULL when the file loads */
	} cases[] = {
		/* a raw tab in a string: cJSON takes it, the scan does not */
		{"{\"kind\": \"KubesimCluster\", \"kubesim\": \"a\tb\", \"format\": 1, \"mode\": \"legacy\", "
		 "\"clock\": \"manual\", \"seed\": 1, \"nodes\": 1, \"wallClock\": 0, \"now\": 0, "
		 "\"journal\": [], \"objects\": [1, 2, 3]}",
		    NULL},
		/* broken inside the snapshot, and after it: the position in the whole file */
		{"{\"kind\": \"KubesimCluster\", \"format\": 1, \"mode\": \"legacy\", \"clock\": \"manual\",\n"
		 "\"seed\": 1, \"nodes\": 1, \"wallClock\": 0, \"now\": 0, \"journal\": [],\n"
		 "\"objects\": [1, 2,, 3]}\n",
		    ":3:18: the state file is not valid JSON"},
		{"{\"kind\": \"KubesimCluster\", \"format\": 1, \"mode\": \"legacy\", \"clock\": \"manual\",\n"
		 "\"seed\": 1, \"nodes\": 1, \"wallClock\": 0, \"now\": 0, \"journal\": [],\n"
		 "\"objects\": [1, 2,\n 3]} x\n",
		    ":4:6: the state file is not valid JSON"},
		{"{\"kind\": \"KubesimCluster\", \"format\": 1, \"mode\": \"legacy\", \"clock\": \"manual\",\n"
		 "\"seed\": 1, \"nodes\": 1, \"wallClock\": 0, \"now\": 0, \"journal\": [],\n"
		 "\"objects\": [\"\\ud800\"]}\n",
		    ":3:14: the state file is not valid JSON"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct state st;
		struct ks_err err;
		int rc = load_text(cases[i].text, &st, &err);

		if (cases[i].want == NULL) {
			ck_assert_msg(rc == 0, "case %zu: %s", i, err.msg);
		} else {
			char *want = xasprintf("%s%s", state_path, cases[i].want);

			ck_assert_int_eq(rc, -1);
			ck_assert_str_eq(err.msg, want);
			free(want);
		}
		state_close(&st);
	}
}
END_TEST

/* A file without "kubesim" gets it back on save (the new string was leaked and the key lost). */
START_TEST(test_save_writes_the_version_back)
{
	struct state st;
	struct ks_err err;
	char *text;
	size_t len;
	cJSON *doc;

	ck_assert_msg(load_text("{\"kind\": \"KubesimCluster\", \"format\": 1, \"mode\": \"legacy\", "
				"\"clock\": \"manual\", \"seed\": 1, \"nodes\": 1, \"wallClock\": 0, "
				"\"now\": 0, \"journal\": []}",
			  &st, &err) == 0,
	    "%s", err.msg);
	ck_assert_int_eq(state_save(&st, 0, &err), 0);
	state_close(&st);
	ck_assert_int_eq(file_read(state_path, FILE_MAX_STATE, "a state file", &text, &len, &err), 0);
	doc = cJSON_Parse(text);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "kubesim")),
	    PACKAGE_VERSION);
	cJSON_Delete(doc);
	free(text);
}
END_TEST

/* ---- hostile files: every wrong value is refused with a message, never a crash ---- */

/* The file's fields, in order; a case replaces one of them or the journal. */
static const char *const header_keys[] = {"kind", "format", "kubesim", "mode", "clock", "seed",
	"nodes", "addons", "wallClock", "now"};
static const char *const header_values[] = {"\"KubesimCluster\"", "1", "\"0.1.0\"",
	"\"scheduler\"", "\"manual\"", "1", "1", "false", "0", "1000"};

struct hostile {
	const char *key;   /* a header field to replace, or NULL */
	const char *value; /* its JSON text */
	const char *entry; /* the journal's one entry, or NULL for none */
	const char *want;  /* the message after "PATH: " */
};

static const struct hostile hostile_files[] = {
	/* numbers: out of range, fractional, infinite, of the wrong type */
	{"format", "1e300", NULL, "\"format\" must be a whole number from 1 to 2147483647, not 1e+300"},
	{"format", "\"1\"", NULL, "\"format\" must be a whole number from 1 to 2147483647, not a string"},
	{"format", "0.5", NULL, "\"format\" must be a whole number from 1 to 2147483647, not 0.5"},
	{"seed", "-1", NULL, "\"seed\" must be a whole number from 0 to 9007199254740991, not -1"},
	{"seed", "1e999", NULL, "\"seed\" must be a whole number from 0 to 9007199254740991, not inf"},
	{"seed", "-1e999", NULL, "\"seed\" must be a whole number from 0 to 9007199254740991, not -inf"},
	{"seed", "1.5", NULL, "\"seed\" must be a whole number from 0 to 9007199254740991, not 1.5"},
	{"seed", "9007199254740992", NULL,
	    "\"seed\" must be a whole number from 0 to 9007199254740991, not 9007199254740992"},
	{"nodes", "\"3\"", NULL, "\"nodes\" must be a whole number from 0 to 1000, not a string"},
	{"nodes", "1e300", NULL, "\"nodes\" must be a whole number from 0 to 1000, not 1e+300"},
	/* cluster create's limit: a small file must not make every command build 100,000 nodes */
	{"nodes", "100000", NULL, "\"nodes\" must be a whole number from 0 to 1000, not 100000"},
	{"nodes", "1001", NULL, "\"nodes\" must be a whole number from 0 to 1000, not 1001"},
	{"wallClock", "1e300", NULL,
	    "\"wallClock\" must be a whole number from 0 to 253402300799999, not 1e+300"},
	{"wallClock", "null", NULL,
	    "\"wallClock\" must be a whole number from 0 to 253402300799999, not null"},
	{"now", "1e300", NULL, "\"now\" must be a whole number from 0 to 3153600000000, not 1e+300"},
	{"now", "-5", NULL, "\"now\" must be a whole number from 0 to 3153600000000, not -5"},
	{"now", "3153600000001", NULL,
	    "\"now\" must be a whole number from 0 to 3153600000000, not 3153600000001"},
	{"addons", "\"yes\"", NULL, "\"addons\" must be true or false, not a string"},
	{"mode", "5", NULL, "\"mode\" must be a string, not 5"},
	{"mode", "\"sideways\"", NULL, "\"mode\" must be legacy or scheduler, not \"sideways\""},
	{"clock", "[]", NULL, "\"clock\" must be a string, not a list"},
	{"clock", "\"slow\"", NULL, "\"clock\" must be real or manual, not \"slow\""},
	{"journal", "{}", NULL, "\"journal\" must be a list, not an object"},
	{"kind", "7", NULL, "not a kubesim state file (no \"kind\": \"KubesimCluster\")"},
	/* entries */
	{NULL, NULL, "\"x\"", "journal entry 1: an entry must be an object, not a string"},
	{NULL, NULL, "[]", "journal entry 1: an entry must be an object, not a list"},
	{NULL, NULL, "{\"at\": 0}", "journal entry 1: \"op\" is missing"},
	{NULL, NULL, "{\"op\": \"failNode\", \"name\": \"node1\"}", "journal entry 1: \"at\" is missing"},
	{NULL, NULL, "{\"at\": \"0\", \"op\": \"failNode\", \"name\": \"node1\"}",
	    "journal entry 1: \"at\" must be a whole number from 0 to 1000, not a string"},
	{NULL, NULL, "{\"at\": 0.5, \"op\": \"failNode\", \"name\": \"node1\"}",
	    "journal entry 1: \"at\" must be a whole number from 0 to 1000, not 0.5"},
	{NULL, NULL, "{\"at\": 1e300, \"op\": \"failNode\", \"name\": \"node1\"}",
	    "journal entry 1: \"at\" must be a whole number from 0 to 1000, not 1e+300"},
	{NULL, NULL, "{\"at\": 0, \"op\": 7}", "journal entry 1: \"op\" must be a string, not 7"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"frob\", \"name\": \"node1\"}",
	    "journal entry 1: unknown \"op\" \"frob\" (kubectl, api, image, addNode, removeNode, "
	    "failNode or recoverNode)"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"api\", \"path\": \"/api/v1/nodes\"}",
	    "journal entry 1: \"method\" is missing"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"api\", \"method\": \"POST\", \"path\": 7}",
	    "journal entry 1: \"path\" must be a string, not 7"},
	{NULL, NULL,
	    "{\"at\": 0, \"op\": \"api\", \"method\": \"DELETE\", \"path\": \"/api/v1/nodes/node1\", "
	    "\"params\": {\"dryRun\": [1]}}",
	    "journal entry 1: \"params.dryRun\" must be a string, not a list"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\"}", "journal entry 1: \"args\" is missing"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": \"get\"}",
	    "journal entry 1: \"args\" must be a list, not a string"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"get\", 1]}",
	    "journal entry 1: \"args[1]\" must be a string, not 1"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"get\"], \"stdin\": {}}",
	    "journal entry 1: \"stdin\" must be a string, not an object"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"get\"], \"files\": []}",
	    "journal entry 1: \"files\" must be an object, not a list"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"get\"], \"files\": {\"a.yaml\": 1}}",
	    "journal entry 1: \"files\": \"a.yaml\" must be a string, not 1"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"get\"], \"dirs\": [\"d\"]}",
	    "journal entry 1: \"dirs\" must be an object, not a list"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"get\"], \"dirs\": {\"d\": \"x\"}}",
	    "journal entry 1: \"dirs\": \"d\" must be a list, not a string"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"kubectl\", \"args\": [\"get\"], \"dirs\": {\"d\": [true]}}",
	    "journal entry 1: \"dirs\": \"d[0]\" must be a string, not true"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\"}", "journal entry 1: \"name\" is missing"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"removeNode\", \"name\": null}",
	    "journal entry 1: \"name\" must be a string, not null"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"labels\": [\"ssd\"]}",
	    "journal entry 1: \"labels\" must be an object, not a list"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"labels\": {\"a\": 1}}",
	    "journal entry 1: \"labels\": \"a\" must be a string, not 1"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"capacity\": [\"1\"]}",
	    "journal entry 1: \"capacity\" must be an object, not a list"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"capacity\": {\"cpu\": 2}}",
	    "journal entry 1: \"capacity\": \"cpu\" must be a string, not 2"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"taints\": {}}",
	    "journal entry 1: \"taints\" must be a list, not an object"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"taints\": [\"k\"]}",
	    "journal entry 1: \"taints[0]\" must be an object, not a string"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"taints\": [{\"effect\": \"NoSchedule\"}]}",
	    "journal entry 1: taints[0]: \"key\" is missing"},
	{NULL, NULL,
	    "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"taints\": [{\"key\": \"k\", \"value\": 1, "
	    "\"effect\": \"NoSchedule\"}]}",
	    "journal entry 1: taints[0]: \"value\" must be a string, not 1"},
	{NULL, NULL,
	    "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"taints\": [{\"key\": \"k\", \"effect\": "
	    "\"Sometimes\"}]}",
	    "journal entry 1: taints[0]: \"effect\" must be NoSchedule, PreferNoSchedule or NoExecute, "
	    "not \"Sometimes\""},
	{NULL, NULL, "{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"unschedulable\": \"yes\"}",
	    "journal entry 1: \"unschedulable\" must be true or false, not a string"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"image\"}", "journal entry 1: \"image\" is missing"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"image\", \"image\": \"x\", \"pullMs\": 1e300}",
	    "journal entry 1: \"pullMs\" must be a whole number from 0 to 3153600000000, not 1e+300"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"image\", \"image\": \"x\", \"pullMs\": -1}",
	    "journal entry 1: \"pullMs\" must be a whole number from 0 to 3153600000000, not -1"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"image\", \"image\": \"x\", \"pullMs\": 2.5}",
	    "journal entry 1: \"pullMs\" must be a whole number from 0 to 3153600000000, not 2.5"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"image\", \"image\": \"x\", \"pullMs\": \"20s\"}",
	    "journal entry 1: \"pullMs\" must be a whole number from 0 to 3153600000000, not a string"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"image\", \"image\": \"x\", \"fail\": 1}",
	    "journal entry 1: \"fail\" must be true or false, not 1"},
	{NULL, NULL, "{\"at\": 0, \"op\": \"image\", \"image\": \"x\", \"clear\": \"no\"}",
	    "journal entry 1: \"clear\" must be true or false, not a string"},
};

static char *
hostile_text(const struct hostile *h)
{
	struct strbuf sb = STRBUF_INIT;
	bool journal_done = false;

	sb_add(&sb, "{");
	for (size_t i = 0; i < sizeof header_keys / sizeof header_keys[0]; i++) {
		bool mine = h->key != NULL && strcmp(h->key, header_keys[i]) == 0;

		sb_addf(&sb, "\"%s\": %s, ", header_keys[i], mine ? h->value : header_values[i]);
	}
	if (h->key != NULL && strcmp(h->key, "journal") == 0) {
		sb_addf(&sb, "\"journal\": %s", h->value);
		journal_done = true;
	}
	if (!journal_done)
		sb_addf(&sb, "\"journal\": [%s]", h->entry != NULL ? h->entry : "");
	sb_add(&sb, "}\n");
	return sb_take(&sb);
}

START_TEST(test_hostile_file_is_refused)
{
	const struct hostile *h = &hostile_files[_i];
	char *text = hostile_text(h), *want, *after;
	size_t len;
	struct state st;
	struct ks_err err;
	FILE *f = fopen(state_path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_int_eq(state_load(&st, 0, &err), -1);
	want = xasprintf("%s: %s", state_path, h->want);
	ck_assert_str_eq(err.msg, want);
	state_close(&st);
	ck_assert_int_eq(file_read(state_path, FILE_MAX_STATE, "a state file", &after, &len, &err), 0);
	ck_assert_str_eq(after, text);
	free(after);
	free(want);
	free(text);
}
END_TEST

/* The same file with good values loads: the cases above fail for the one value they change. */
START_TEST(test_hostile_base_file_loads)
{
	struct hostile ok = {NULL, NULL,
		"{\"at\": 0, \"op\": \"addNode\", \"name\": \"n2\", \"labels\": {\"disk\": \"ssd\"}, "
		"\"taints\": [{\"key\": \"k\", \"value\": \"v\", \"effect\": \"NoSchedule\"}], "
		"\"capacity\": {\"cpu\": \"2\"}, \"unschedulable\": false}, "
		"{\"at\": 500, \"op\": \"image\", \"image\": \"x\", \"pullMs\": 20000}, "
		"{\"at\": 1000, \"op\": \"kubectl\", \"args\": [\"label\", \"node\", \"n2\", \"a=b\"], "
		"\"files\": {}, \"dirs\": {\"d\": []}}",
		NULL};
	char *text = hostile_text(&ok);
	struct state st;
	struct ks_err err;
	FILE *f = fopen(state_path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(state_lock(&st, state_path, &err), 0);
	ck_assert_msg(state_load(&st, 0, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(store_count(st.c->store, KIND_NODE), 2);
	state_close(&st);
	free(text);
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
	tc = tcase_create("hostile");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_hostile_base_file_loads);
	tcase_add_test(tc, test_largest_seed_round_trips);
	tcase_add_test(tc, test_load_skips_the_snapshot);
	tcase_add_test(tc, test_load_without_the_skip_is_unchanged);
	tcase_add_test(tc, test_save_writes_the_version_back);
	tcase_add_test(tc, test_reused_snapshot_is_the_fresh_one);
	tcase_add_loop_test(tc, test_hostile_file_is_refused, 0,
	    (int)(sizeof hostile_files / sizeof hostile_files[0]));
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(state_suite)
