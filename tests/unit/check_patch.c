/*
 * check_patch.c - the patch library against kubectl v1.32 and apimachinery.
 *
 * The first table was produced by the real kubectl v1.32 on this machine:
 * `kubectl patch --local -f doc.json --type T -p PATCH -o json` applies a
 * patch with the same vendored code as kube-apiserver (evanphx/json-patch
 * v4, strategicpatch with the k8s.io/api tags), so each expected document
 * and error message is what the server would produce (kubectl only adds
 * "error: " in front). check_patch_apply.inc holds kubectl apply's own
 * three-way patches, recorded from the real client. The other three-way cases follow
 * strategicpatch.CreateThreeWayMergePatch as kubectl apply calls it, on the
 * stories of issue 11 (a label added by `kubectl label`, the restartedAt
 * annotation of `rollout restart`, a changed image, a removed container).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "apiserver/patch.h"
#include "codec/jsontext.h"
#include "runner.h"
#include "util/err.h"
#include "util/strbuf.h"

struct apply_case {
	enum patch_type type;
	const char *doc, *patch;
	const char *want;    /* the patched document, or NULL */
	const char *errmsg;  /* the error, or NULL */
};

static const struct apply_case kubectl_cases[] = {
#include "check_patch_local.inc"
};

static char *
compact(const cJSON *v)
{
	struct strbuf sb = STRBUF_INIT;

	encode_json_compact(v, &sb);
	return sb_take(&sb);
}

/* Go error messages may end in a newline that kubectl trims. */
static void
rtrim(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

START_TEST(t_kubectl_apply)
{
	const struct apply_case *tc = &kubectl_cases[_i];
	cJSON *doc = cJSON_Parse(tc->doc), *patch = cJSON_Parse(tc->patch), *out = NULL;
	char *before = compact(doc);
	struct ks_err err = {{0}};
	int rc;

	ck_assert_ptr_nonnull(doc);
	ck_assert_ptr_nonnull(patch);
	rc = patch_apply(tc->type, doc, patch, patch_schema_of(doc), &out, &err);
	if (tc->want != NULL) {
		cJSON *want = cJSON_Parse(tc->want);
		ck_assert_msg(rc == 0, "case %d: %s", _i, err.msg);
		if (!patch_json_equal(out, want)) {
			char *got = compact(out);
			ck_abort_msg("case %d: got %s want %s", _i, got, tc->want);
		}
		cJSON_Delete(want);
	} else {
		ck_assert_msg(rc < 0, "case %d succeeded", _i);
		ck_assert_ptr_null(out);
		rtrim(err.msg);
		ck_assert_str_eq(err.msg, tc->errmsg);
	}
	/* inputs are never modified */
	char *after = compact(doc);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	cJSON_Delete(out);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
}
END_TEST

/* The HTTP status each failure maps to (handlers/patch.go). */
static int
apply_rc(enum patch_type type, const char *doc, const char *patch, char *msg)
{
	cJSON *d = cJSON_Parse(doc), *p = cJSON_Parse(patch), *out = NULL;
	struct ks_err err = {{0}};
	int rc = patch_apply(type, d, p, patch_schema_of(d), &out, &err);

	if (msg != NULL)
		strcpy(msg, err.msg);
	cJSON_Delete(out);
	cJSON_Delete(d);
	cJSON_Delete(p);
	return rc;
}

static const char pod[] = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
			  "\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}";

/* The HTTP status of each failure, as handlers/patch.go maps it. */
static const struct {
	enum patch_type type;
	const char *patch;
	int code;
	const char *msg; /* NULL: not checked */
} status_cases[] = {
	/* a failing op is 422 (NewGenericServerResponse(StatusUnprocessableEntity)) */
	{PATCH_JSON, "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"q\"}]", PATCH_EINVALID,
	    "testing value /metadata/name failed: test failed"},
	/* an undecodable JSON patch is 400 */
	{PATCH_JSON, "{\"op\":\"add\"}", PATCH_EBADREQUEST,
	    "json: cannot unmarshal object into Go value of type jsonpatch.Patch"},
	{PATCH_JSON, "[1]", PATCH_EBADREQUEST, "json: cannot unmarshal number into Go value of type jsonpatch.Operation"},
	/* a replace of a missing index: the server's text, before kubectl's rewording */
	{PATCH_JSON, "[{\"op\":\"replace\",\"path\":\"/spec/containers/9\",\"value\":1}]", PATCH_EINVALID,
	    "replace operation does not apply: doc is missing key: /spec/containers/9: missing value"},
	/* merge patch: null is ErrBadJSONPatch, 400 */
	{PATCH_MERGE, "null", PATCH_EBADREQUEST, "Invalid JSON Patch"},
	/* strategic: an unknown directive is a plain error, 500 */
	{PATCH_STRATEGIC, "{\"$patch\":\"x\"}", PATCH_EINTERNAL, "unknown patch type: x in map: map[$patch:x]"},
	{PATCH_STRATEGIC, "{\"$retainKeys\":\"x\"}", PATCH_EBADREQUEST, "invalid patch format of retainKeys"},
	{PATCH_STRATEGIC, "[]", PATCH_EBADREQUEST, NULL},
	{PATCH_STRATEGIC, "{\"spec\":{\"$deleteFromPrimitiveList\":[1]}}", PATCH_EBADREQUEST,
	    "invalid patch format of primitive list"},
};

START_TEST(t_status_codes)
{
	char msg[KS_ERR_MAX];

	ck_assert_int_eq(apply_rc(status_cases[_i].type, pod, status_cases[_i].patch, msg), status_cases[_i].code);
	if (status_cases[_i].msg != NULL)
		ck_assert_str_eq(msg, status_cases[_i].msg);
}
END_TEST

/* "[first,op,op,...]" with n copies of op. */
static char *
repeat_ops(const char *first, const char *op, int n)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "[%s", first);
	for (int i = 0; i < n; i++)
		sb_addf(&sb, ",%s", op);
	sb_add(&sb, "]");
	return sb_take(&sb);
}

/*
 * Hostile JSON patches: more ops than the server allows (413), and a copy
 * loop that would double the document each op (the copy size limit).
 */
START_TEST(t_hostile_ops)
{
	const char *test = "{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"p\"}";
	char msg[KS_ERR_MAX], *ops;

	ops = repeat_ops(test, test, 10000);
	ck_assert_int_eq(apply_rc(PATCH_JSON, pod, ops, msg), PATCH_ETOOLARGE);
	ck_assert_str_eq(msg, "The allowed maximum operations in a JSON patch is 10000, got 10001");
	free(ops);
	ops = repeat_ops("{\"op\":\"add\",\"path\":\"/x\",\"value\":[\"0123456789012345678901234567890123456789\"]}",
	    "{\"op\":\"copy\",\"from\":\"/x\",\"path\":\"/x/-\"}", 60);
	ck_assert_int_eq(apply_rc(PATCH_JSON, "{}", ops, msg), PATCH_EINVALID);
	ck_assert_msg(strstr(msg, "Unable to complete the copy") != NULL, "%s", msg);
	free(ops);
}
END_TEST

struct create_case {
	const char *original, *modified, *current; /* current NULL: two-way */
	const char *want;                          /* exact bytes, keys sorted */
};

#define DS_HEAD "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"d\""
#define DS_SPEC(c) ",\"spec\":{\"template\":{\"spec\":{\"containers\":[" c "]}}}}"
#define WEB "{\"name\":\"web\",\"image\":\"nginx\"}"

static const struct create_case create_cases[] = {
	/* kubectl label / rollout restart / status / defaults: unchanged */
	{DS_HEAD ",\"labels\":{\"app\":\"x\"}}" DS_SPEC(WEB), DS_HEAD ",\"labels\":{\"app\":\"x\"}}" DS_SPEC(WEB),
	    DS_HEAD ",\"labels\":{\"app\":\"x\",\"extra\":\"1\"},\"uid\":\"u\"},\"spec\":{\"template\":{\"metadata\":"
		    "{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"t\"}},\"spec\":{\"containers\":"
		    "[{\"name\":\"web\",\"image\":\"nginx\",\"imagePullPolicy\":\"Always\"}],\"restartPolicy\":"
		    "\"Always\"}}},\"status\":{\"numberReady\":1}}",
	    "{}"},
	/* a changed image: the element by its merge key, and the order */
	{DS_HEAD "}" DS_SPEC(WEB), DS_HEAD "}" DS_SPEC("{\"name\":\"web\",\"image\":\"nginx:2\"}"),
	    DS_HEAD ",\"labels\":{\"l\":\"1\"}}" DS_SPEC("{\"name\":\"web\",\"image\":\"nginx\",\"imagePullPolicy\":\"Always\"}"),
	    "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"web\"}],"
	    "\"containers\":[{\"image\":\"nginx:2\",\"name\":\"web\"}]}}}}"},
	/* a removed container and label, an added one */
	{DS_HEAD ",\"labels\":{\"app\":\"x\"}}" DS_SPEC(WEB),
	    DS_HEAD "}" DS_SPEC("{\"name\":\"side\",\"image\":\"busybox\"}"),
	    DS_HEAD ",\"labels\":{\"app\":\"x\",\"extra\":\"1\"}}" DS_SPEC(WEB),
	    "{\"metadata\":{\"labels\":null},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":"
	    "[{\"name\":\"side\"}],\"containers\":[{\"image\":\"busybox\",\"name\":\"side\"},"
	    "{\"$patch\":\"delete\",\"name\":\"web\"}]}}}}"},
	/* no last-applied configuration: nothing is deleted */
	{NULL, DS_HEAD "}" DS_SPEC(WEB), DS_HEAD ",\"labels\":{\"a\":\"b\"}}" DS_SPEC(WEB), "{}"},
	/* a field the manifest sets and someone changed live is set back */
	{DS_HEAD "}" DS_SPEC(WEB), DS_HEAD "}" DS_SPEC(WEB),
	    DS_HEAD "}" DS_SPEC("{\"name\":\"web\",\"image\":\"httpd\"}"),
	    "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"web\"}],"
	    "\"containers\":[{\"image\":\"nginx\",\"name\":\"web\"}]}}}}"},
	/* primitive merge list and retainKeys (volumes) */
	{"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[\"a\",\"b\"]},"
	 "\"spec\":{\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[\"b\",\"c\"]},"
	    "\"spec\":{\"volumes\":[{\"name\":\"v\",\"hostPath\":{\"path\":\"/x\"}}]}}",
	    NULL,
	    "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a\"],\"$setElementOrder/finalizers\":"
	    "[\"b\",\"c\"],\"finalizers\":[\"c\"]},\"spec\":{\"$setElementOrder/volumes\":[{\"name\":\"v\"}],"
	    "\"volumes\":[{\"$retainKeys\":[\"hostPath\",\"name\"],\"emptyDir\":null,\"hostPath\":"
	    "{\"path\":\"/x\"},\"name\":\"v\"}]}}"},
	/* tolerations have no strategy: replaced whole */
	{"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"tolerations\":[{\"key\":\"a\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"tolerations\":[{\"key\":\"a\"},{\"key\":\"b\"}]}}",
	    NULL, "{\"spec\":{\"tolerations\":[{\"key\":\"a\"},{\"key\":\"b\"}]}}"},
	/* only the order changed: $setElementOrder alone (two-way) */
	{DS_HEAD "}" DS_SPEC("{\"name\":\"a\"},{\"name\":\"b\"}"), DS_HEAD "}" DS_SPEC("{\"name\":\"b\"},{\"name\":\"a\"}"),
	    NULL,
	    "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"b\"},{\"name\":\"a\"}]}}}}"},
	/* kubectl apply: a removed env var, an added port */
	{"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"X\","
	 "\"value\":\"1\"}],\"ports\":[{\"containerPort\":80}]}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":80},"
	    "{\"containerPort\":443}]}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"X\","
	    "\"value\":\"1\"}],\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}]}]}}",
	    "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"a\"}],\"containers\":[{\"$setElementOrder/ports\":"
	    "[{\"containerPort\":80},{\"containerPort\":443}],\"env\":null,\"name\":\"a\",\"ports\":"
	    "[{\"containerPort\":443}]}]}}"},
};

START_TEST(t_create)
{
	const struct create_case *tc = &create_cases[_i];
	cJSON *o = tc->original ? cJSON_Parse(tc->original) : NULL, *m = cJSON_Parse(tc->modified);
	cJSON *cur = tc->current ? cJSON_Parse(tc->current) : NULL, *out = NULL, *applied = NULL;
	struct ks_err err = {{0}};
	int rc;

	if (tc->current != NULL)
		rc = patch_strategic_create_threeway(o, m, cur, patch_schema_of(m), &out, &err);
	else
		rc = patch_strategic_create(o, m, patch_schema_of(m), &out, &err);
	ck_assert_msg(rc == 0, "case %d: %s", _i, err.msg);
	char *got = compact(out);
	ck_assert_str_eq(got, tc->want);
	ck_assert(patch_is_empty(out) == (strcmp(tc->want, "{}") == 0));
	/* the two-way patch turns original into modified */
	if (tc->current == NULL && o != NULL) {
		ck_assert_int_eq(patch_strategic_apply(o, out, patch_schema_of(m), &applied, &err), 0);
		ck_assert_msg(patch_json_equal(applied, m), "case %d does not round-trip", _i);
	}
	free(got);
	cJSON_Delete(applied);
	cJSON_Delete(out);
	cJSON_Delete(o);
	cJSON_Delete(m);
	cJSON_Delete(cur);
}
END_TEST

struct threeway_case {
	const char *original, *modified, *current, *want;
};

static const struct threeway_case kubectl_threeway[] = {
#include "check_patch_apply.inc"
};

START_TEST(t_kubectl_threeway)
{
	const struct threeway_case *tc = &kubectl_threeway[_i];
	cJSON *o = tc->original ? cJSON_Parse(tc->original) : NULL, *m = cJSON_Parse(tc->modified);
	cJSON *cur = cJSON_Parse(tc->current), *out = NULL;
	struct ks_err err = {{0}};
	char *got;

	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(cur);
	ck_assert_msg(patch_strategic_create_threeway(o, m, cur, patch_schema_of(m), &out, &err) == 0, "case %d: %s",
	    _i, err.msg);
	got = compact(out);
	ck_assert_str_eq(got, tc->want);
	ck_assert(patch_is_empty(out) == (strcmp(tc->want, "{}") == 0));
	free(got);
	cJSON_Delete(out);
	cJSON_Delete(o);
	cJSON_Delete(m);
	cJSON_Delete(cur);
}
END_TEST

START_TEST(t_merge_create)
{
	cJSON *o = cJSON_Parse("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"},\"e\":null}");
	cJSON *m = cJSON_Parse("{\"a\":1,\"b\":{\"c\":[1,3]},\"f\":true}");
	cJSON *cur = cJSON_Parse("{\"a\":2,\"b\":{\"c\":[1,2],\"d\":\"x\",\"g\":1},\"e\":null}");
	cJSON *out = NULL;
	struct ks_err err = {{0}};
	char *s;

	ck_assert_int_eq(patch_merge_create(o, m, &out, &err), 0);
	s = compact(out);
	ck_assert_str_eq(s, "{\"b\":{\"c\":[1,3],\"d\":null},\"e\":null,\"f\":true}");
	free(s);
	cJSON_Delete(out);
	/* three-way: b.g (live only) stays, b.d (dropped) goes, a set back */
	ck_assert_int_eq(patch_merge_create_threeway(o, m, cur, &out, &err), 0);
	s = compact(out);
	ck_assert_str_eq(s, "{\"a\":1,\"b\":{\"c\":[1,3],\"d\":null},\"e\":null,\"f\":true}");
	free(s);
	cJSON_Delete(out);
	ck_assert_int_eq(patch_merge_create_threeway(m, m, m, &out, &err), 0);
	ck_assert(patch_is_empty(out));
	cJSON_Delete(out);
	cJSON_Delete(o);
	cJSON_Delete(m);
	cJSON_Delete(cur);
}
END_TEST

START_TEST(t_schema)
{
	ck_assert_ptr_nonnull(patch_schema_for("apps/v1", "DaemonSet"));
	ck_assert_ptr_nonnull(patch_schema_for("v1", "Pod"));
	ck_assert_ptr_nonnull(patch_schema_for(NULL, "Node"));
	ck_assert_ptr_null(patch_schema_for("v1", "DaemonSet"));
	ck_assert_ptr_null(patch_schema_for("example.com/v1", "Widget"));
	ck_assert_int_eq(patch_type_parse("merge"), PATCH_MERGE);
	ck_assert_int_eq(patch_type_parse("strategic"), PATCH_STRATEGIC);
	ck_assert_int_eq(patch_type_parse("apply"), -1);
}
END_TEST

/* No schema: lists are replaced, maps merge (LookupPatchMeta's fallback). */
START_TEST(t_no_schema)
{
	cJSON *d = cJSON_Parse("{\"spec\":{\"containers\":[{\"name\":\"a\"}],\"m\":{\"x\":1}}}");
	cJSON *p = cJSON_Parse("{\"spec\":{\"containers\":[{\"name\":\"b\"}],\"m\":{\"y\":2}}}");
	cJSON *out = NULL;
	struct ks_err err = {{0}};
	char *s;

	ck_assert_int_eq(patch_strategic_apply(d, p, NULL, &out, &err), 0);
	s = compact(out);
	ck_assert_str_eq(s, "{\"spec\":{\"containers\":[{\"name\":\"b\"}],\"m\":{\"x\":1,\"y\":2}}}");
	free(s);
	cJSON_Delete(out);
	cJSON_Delete(d);
	cJSON_Delete(p);
}
END_TEST

START_TEST(t_depth_limit)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc, *patch, *out = NULL;
	struct ks_err err = {{0}};
	int n = 1100;

	/* build {"a":{"a":...}} deeper than the limit, without cJSON_Parse's own limit */
	patch = cJSON_CreateObject();
	cJSON *cur = patch;
	for (int i = 0; i < n; i++) {
		cJSON *next = cJSON_CreateObject();
		cJSON_AddItemToObject(cur, "a", next);
		cur = next;
	}
	doc = cJSON_Duplicate(patch, 1);
	ck_assert_int_lt(patch_strategic_apply(doc, patch, NULL, &out, &err), 0);
	ck_assert_ptr_null(out);
	ck_assert_int_lt(patch_merge_apply(doc, patch, &out, &err), 0);
	ck_assert_int_lt(patch_strategic_create(doc, patch, NULL, &out, &err), 0);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
	sb_free(&sb);
}
END_TEST

/*
 * 20000 containers merged by name, in reverse order: hashed lookups keep
 * this at ~0.3 s; Go's linear index() scans would make it quadratic and
 * run into the test case's timeout.
 */
START_TEST(t_long_list)
{
	struct strbuf d = STRBUF_INIT, p = STRBUF_INIT;
	cJSON *doc, *patch, *out = NULL, *back = NULL;
	struct ks_err err = {{0}};
	int n = 20000;

	sb_add(&d, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[");
	sb_add(&p, "{\"spec\":{\"containers\":[");
	for (int i = 0; i < n; i++) {
		sb_addf(&d, "%s{\"name\":\"c%d\",\"image\":\"i\"}", i ? "," : "", i);
		sb_addf(&p, "%s{\"name\":\"c%d\",\"image\":\"j\"}", i ? "," : "", n - 1 - i);
	}
	sb_add(&d, "]}}");
	sb_add(&p, "]}}");
	doc = cJSON_Parse(d.s);
	patch = cJSON_Parse(p.s);
	ck_assert_int_eq(patch_strategic_apply(doc, patch, patch_schema_of(doc), &out, &err), 0);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(out, "spec"), "containers")), n);
	/* patch order wins: c19999 first */
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(out, "spec"),
				 "containers"), 0), "name")->valuestring, "c19999");
	ck_assert_int_eq(patch_strategic_create_threeway(doc, out, doc, patch_schema_of(doc), &back, &err), 0);
	cJSON_Delete(back);
	cJSON_Delete(out);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
	sb_free(&d);
	sb_free(&p);
}
END_TEST

/*
 * Duplicate keys: Go decodes {"k":1,"k":2} as {"k":2} (the last wins), so
 * patch_json_equal compares that, and a document equals itself (fuzz_patch
 * found the merge patch from a to such a b applied to a "differed" from b).
 */
START_TEST(t_equal_duplicate_keys)
{
	cJSON *dup = cJSON_Parse("{\"m\":{\"k\":1,\"j\":0,\"k\":2}}");
	cJSON *last = cJSON_Parse("{\"m\":{\"j\":0,\"k\":2}}");
	cJSON *first = cJSON_Parse("{\"m\":{\"j\":0,\"k\":1}}");

	ck_assert(patch_json_equal(dup, dup));
	ck_assert(patch_json_equal(dup, last));
	ck_assert(patch_json_equal(last, dup));
	ck_assert(!patch_json_equal(dup, first));
	ck_assert(!patch_json_equal(first, dup));
	cJSON_Delete(dup);
	cJSON_Delete(last);
	cJSON_Delete(first);
}
END_TEST

/*
 * Duplicate keys in a document or a patch: Go decodes both into maps, where
 * the last of duplicate keys wins, before patching (evanphx MergePatch and
 * json-patch, strategicpatch); cJSON keeps them all. fuzz_patch found the
 * merge patch {"a":{"y":1},"a":{"z":2}} merging both objects.
 */
static void
dup_case(enum patch_type type, const char *doc, const char *patch, const char *want)
{
	cJSON *d = cJSON_Parse(doc), *p = cJSON_Parse(patch), *out = NULL;
	struct ks_err err = {{0}};
	char *got;

	ck_assert_int_eq(patch_apply(type, d, p, NULL, &out, &err), 0);
	got = compact(out);
	ck_assert_str_eq(got, want);
	free(got);
	cJSON_Delete(out);
	cJSON_Delete(d);
	cJSON_Delete(p);
}

static void
dup_create(bool strategic, const char *a, const char *b, const char *want)
{
	cJSON *o = cJSON_Parse(a), *m = cJSON_Parse(b), *out = NULL;
	struct ks_err err = {{0}};
	char *got;

	ck_assert_int_eq(strategic ? patch_strategic_create(o, m, NULL, &out, &err)
				   : patch_merge_create(o, m, &out, &err), 0);
	got = compact(out);
	ck_assert_str_eq(got, want);
	free(got);
	cJSON_Delete(out);
	cJSON_Delete(o);
	cJSON_Delete(m);
}

START_TEST(t_duplicate_keys)
{
	dup_case(PATCH_MERGE, "{\"a\":{\"x\":1}}", "{\"a\":{\"y\":1},\"a\":{\"z\":2}}",
	    "{\"a\":{\"x\":1,\"z\":2}}");
	dup_case(PATCH_STRATEGIC, "{\"a\":{\"x\":1}}", "{\"a\":{\"y\":1},\"a\":{\"z\":2}}",
	    "{\"a\":{\"x\":1,\"z\":2}}");
	dup_case(PATCH_MERGE, "{\"a\":{\"x\":1},\"a\":{\"w\":0}}", "{\"a\":{\"z\":2}}",
	    "{\"a\":{\"w\":0,\"z\":2}}");
	dup_case(PATCH_JSON, "{\"a\":1,\"a\":2}",
	    "[{\"op\":\"test\",\"path\":\"/a\",\"value\":2},{\"op\":\"add\",\"path\":\"/x\",\"path\":\"/b\",\"value\":3}]",
	    "{\"a\":2,\"b\":3}");
	dup_create(false, "{\"k\":1}", "{\"k\":2,\"k\":1}", "{}");
	dup_create(true, "{\"k\":1}", "{\"k\":2,\"k\":1}", "{}");
	dup_create(false, "{\"k\":1,\"k\":2}", "{\"k\":2}", "{}");
}
END_TEST

static Suite *
patch_suite(void)
{
	Suite *s = suite_create("patch");
	TCase *tc = tcase_create("patch");

	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, t_kubectl_apply, 0, (int)(sizeof kubectl_cases / sizeof kubectl_cases[0]));
	tcase_add_loop_test(tc, t_status_codes, 0, (int)(sizeof status_cases / sizeof status_cases[0]));
	tcase_add_test(tc, t_hostile_ops);
	tcase_add_loop_test(tc, t_create, 0, (int)(sizeof create_cases / sizeof create_cases[0]));
	tcase_add_loop_test(tc, t_kubectl_threeway, 0, (int)(sizeof kubectl_threeway / sizeof kubectl_threeway[0]));
	tcase_add_test(tc, t_merge_create);
	tcase_add_test(tc, t_schema);
	tcase_add_test(tc, t_no_schema);
	tcase_add_test(tc, t_depth_limit);
	tcase_add_test(tc, t_long_list);
	tcase_add_test(tc, t_equal_duplicate_keys);
	tcase_add_test(tc, t_duplicate_keys);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(patch_suite)
