/* The REST layer (api_rest) and the protobuf bodies the front end reads. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "api/store.h"
#include "apiserver/rest.h"
#include "cluster.h"
#include "codec/jsontext.h"
#include "runner.h"
#include "serve/proto.h"
#include "util/err.h"
#include "util/strbuf.h"
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
	ck_assert_int_eq(cluster_add_node(c, node_new("node2"), false, true, &err), 0);
	return c;
}

/* Answer one request; params is "k=v&k=v" (no decoding). */
static int
call(struct cluster *c, const char *method, const char *path, const char *params,
    const char *ctype, const char *body, struct api_response *resp)
{
	cJSON *p = cJSON_CreateObject();
	char *copy = strdup(params ? params : ""), *save = NULL;
	struct api_request rq = {method, path, p, ctype, body, body ? strlen(body) : 0, NULL};
	int code;

	for (char *kv = strtok_r(copy, "&", &save); kv != NULL; kv = strtok_r(NULL, "&", &save)) {
		char *eq = strchr(kv, '=');

		*eq = '\0';
		cJSON_AddStringToObject(p, kv, eq + 1);
	}
	api_response_init(resp);
	code = api_rest(c, &rq, resp);
	ck_assert_int_eq(code, resp->code);
	cJSON_Delete(p);
	free(copy);
	return code;
}

static const char *
str_at(const cJSON *doc, const char *a, const char *b)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, a);

	if (b != NULL)
		v = cJSON_GetObjectItemCaseSensitive(v, b);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char ns_body[] = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"practice\"}}";

START_TEST(test_create_then_get_and_already_exists)
{
	struct cluster *c = new_cluster();
	struct api_response r;

	ck_assert_int_eq(call(c, "POST", "/api/v1/namespaces", NULL, "application/json", ns_body, &r), 201);
	ck_assert_str_eq(str_at(r.body, "metadata", "name"), "practice");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "GET", "/api/v1/namespaces/practice", NULL, NULL, NULL, &r), 200);
	ck_assert_str_eq(str_at(r.body, "status", "phase"), "Active");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "POST", "/api/v1/namespaces", NULL, "application/json", ns_body, &r), 409);
	ck_assert_str_eq(str_at(r.body, "reason", NULL), "AlreadyExists");
	ck_assert_str_eq(str_at(r.body, "message", NULL), "namespaces \"practice\" already exists");
	api_response_free(&r);
	cluster_free(c);
}
END_TEST

START_TEST(test_dry_run_stores_nothing)
{
	struct cluster *c = new_cluster();
	struct api_response r;

	ck_assert_int_eq(call(c, "POST", "/api/v1/namespaces", "dryRun=All", "application/json", ns_body, &r), 201);
	api_response_free(&r);
	ck_assert_int_eq(call(c, "GET", "/api/v1/namespaces/practice", NULL, NULL, NULL, &r), 404);
	ck_assert_str_eq(str_at(r.body, "message", NULL), "namespaces \"practice\" not found");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "POST", "/api/v1/namespaces", "dryRun=Some", "application/json", ns_body, &r), 400);
	api_response_free(&r);
	cluster_free(c);
}
END_TEST

START_TEST(test_path_and_body_must_agree)
{
	struct cluster *c = new_cluster();
	struct api_response r;

	ck_assert_int_eq(call(c, "PUT", "/api/v1/namespaces/other", NULL, "application/json", ns_body, &r), 400);
	ck_assert_str_eq(str_at(r.body, "message", NULL),
	    "the name of the object (practice) does not match the name on the URL (other)");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "POST", "/apis/apps/v1/namespaces/default/daemonsets", NULL,
			     "application/json", ns_body, &r), 400);
	ck_assert_str_eq(str_at(r.body, "message", NULL),
	    "the API version in the data (v1) does not match the expected API version (apps/v1)");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "POST", "/api/v1/namespaces", NULL, "application/json", "{\"kind\":", &r), 400);
	ck_assert_str_eq(str_at(r.body, "reason", NULL), "BadRequest");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "GET", "/api/v1/widgets", NULL, NULL, NULL, &r), 404);
	ck_assert_str_eq(str_at(r.body, "message", NULL), "the server could not find the requested resource");
	api_response_free(&r);
	cluster_free(c);
}
END_TEST

START_TEST(test_invalid_carries_causes)
{
	struct cluster *c = new_cluster();
	struct api_response r;
	const cJSON *causes;

	ck_assert_int_eq(call(c, "POST", "/api/v1/namespaces", NULL, "application/json",
			     "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"Bad_Name\"}}", &r),
	    422);
	ck_assert_str_eq(str_at(r.body, "reason", NULL), "Invalid");
	ck_assert_str_eq(str_at(r.body, "details", "kind"), "Namespace");
	ck_assert_str_eq(str_at(r.body, "details", "name"), "Bad_Name");
	causes = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r.body, "details"), "causes");
	ck_assert_int_eq(cJSON_GetArraySize(causes), 1);
	ck_assert_str_eq(str_at(cJSON_GetArrayItem(causes, 0), "field", NULL), "metadata.name");
	ck_assert_str_eq(str_at(cJSON_GetArrayItem(causes, 0), "reason", NULL), "FieldValueInvalid");
	api_response_free(&r);
	cluster_free(c);
}
END_TEST

START_TEST(test_field_selectors)
{
	struct cluster *c = new_cluster();
	struct api_response r;
	const cJSON *items;

	ck_assert_int_eq(call(c, "GET", "/api/v1/nodes", "fieldSelector=metadata.name=node2", NULL, NULL, &r), 200);
	items = cJSON_GetObjectItemCaseSensitive(r.body, "items");
	ck_assert_int_eq(cJSON_GetArraySize(items), 1);
	ck_assert_str_eq(str_at(cJSON_GetArrayItem(items, 0), "metadata", "name"), "node2");
	ck_assert_ptr_nonnull(str_at(r.body, "metadata", "resourceVersion"));
	api_response_free(&r);
	ck_assert_int_eq(call(c, "GET", "/api/v1/nodes", "fieldSelector=spec.unschedulable!=true,metadata.name!=node2",
			     NULL, NULL, &r), 200);
	items = cJSON_GetObjectItemCaseSensitive(r.body, "items");
	ck_assert_int_eq(cJSON_GetArraySize(items), 1);
	ck_assert_str_eq(str_at(cJSON_GetArrayItem(items, 0), "metadata", "name"), "node1");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "GET", "/api/v1/nodes", "fieldSelector=spec.nodeName=x", NULL, NULL, &r), 400);
	ck_assert_str_eq(str_at(r.body, "message", NULL), "field label not supported: spec.nodeName");
	api_response_free(&r);
	cluster_free(c);
}
END_TEST

START_TEST(test_delete_answers_status_or_object)
{
	struct cluster *c = new_cluster();
	struct api_response r;

	ck_assert_int_eq(call(c, "POST", "/api/v1/namespaces", NULL, "application/json", ns_body, &r), 201);
	api_response_free(&r);
	/* A namespace waits for its finalizer: the object, 202, Terminating. */
	ck_assert_int_eq(call(c, "DELETE", "/api/v1/namespaces/practice", NULL, NULL, NULL, &r), 202);
	ck_assert_str_eq(str_at(r.body, "status", "phase"), "Terminating");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "DELETE", "/api/v1/nodes/node2", "propagationPolicy=Sideways", NULL, NULL, &r), 422);
	api_response_free(&r);
	ck_assert_int_eq(call(c, "DELETE", "/api/v1/nodes/node2", NULL, "application/json",
			     "{\"preconditions\":{\"uid\":\"nope\"}}", &r), 409);
	api_response_free(&r);
	ck_assert_int_eq(call(c, "DELETE", "/api/v1/nodes/node2", NULL, NULL, NULL, &r), 200);
	ck_assert_str_eq(str_at(r.body, "status", NULL), "Success");
	ck_assert_str_eq(str_at(r.body, "details", "kind"), "nodes");
	api_response_free(&r);
	ck_assert_ptr_null(store_get(c->store, KIND_NODE, NULL, "node2"));
	cluster_free(c);
}
END_TEST

START_TEST(test_server_side_apply_is_unsupported_media)
{
	struct cluster *c = new_cluster();
	struct api_response r;

	ck_assert_int_eq(call(c, "PATCH", "/api/v1/nodes/node1", NULL, "application/apply-patch+yaml", "{}", &r), 415);
	ck_assert_str_eq(str_at(r.body, "reason", NULL), "UnsupportedMediaType");
	api_response_free(&r);
	ck_assert_int_eq(call(c, "PATCH", "/api/v1/nodes/node1", NULL, "application/merge-patch+json",
			     "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", &r), 200);
	ck_assert_str_eq(str_at(cJSON_GetObjectItemCaseSensitive(r.body, "metadata"), "labels", "a"), "b");
	api_response_free(&r);
	cluster_free(c);
}
END_TEST

/* Envelope "k8s\0", typeMeta {apiVersion, kind}, raw. */
static size_t
envelope(unsigned char *out, const char *av, const char *kind, const unsigned char *raw, size_t n)
{
	size_t at = 0, tm = 2 + strlen(av) + 2 + strlen(kind);

	memcpy(out, "k8s", 4);
	at = 4;
	out[at++] = 0x0a;
	out[at++] = (unsigned char)tm;
	out[at++] = 0x0a;
	out[at++] = (unsigned char)strlen(av);
	memcpy(out + at, av, strlen(av));
	at += strlen(av);
	out[at++] = 0x12;
	out[at++] = (unsigned char)strlen(kind);
	memcpy(out + at, kind, strlen(kind));
	at += strlen(kind);
	out[at++] = 0x12;
	out[at++] = (unsigned char)n;
	memcpy(out + at, raw, n);
	return at + n;
}

START_TEST(test_protobuf_delete_options_and_eviction)
{
	/* gracePeriodSeconds: 30, preconditions {uid: "u1"}, propagationPolicy: "Orphan", dryRun: ["All"] */
	static const unsigned char opts[] = {0x08, 30, 0x12, 4, 0x0a, 2, 'u', '1', 0x22, 6, 'O', 'r',
		'p', 'h', 'a', 'n', 0x2a, 3, 'A', 'l', 'l'};
	unsigned char buf[256], ev[64];
	struct strbuf sb = STRBUF_INIT;
	struct ks_err err;
	size_t n = envelope(buf, "v1", "DeleteOptions", opts, sizeof opts);
	cJSON *doc = proto_to_json(buf, n, &err);

	ck_assert_ptr_nonnull(doc);
	encode_json_compact(doc, &sb);
	ck_assert_str_eq(sb_str(&sb),
	    "{\"apiVersion\":\"v1\",\"dryRun\":[\"All\"],\"gracePeriodSeconds\":30,"
	    "\"kind\":\"DeleteOptions\",\"preconditions\":{\"uid\":\"u1\"},\"propagationPolicy\":\"Orphan\"}");
	cJSON_Delete(doc);
	sb_reset(&sb);
	/* Eviction {metadata {name: "p"}, deleteOptions {gracePeriodSeconds: 0}} */
	ev[0] = 0x0a, ev[1] = 3, ev[2] = 0x0a, ev[3] = 1, ev[4] = 'p';
	ev[5] = 0x12, ev[6] = 2, ev[7] = 0x08, ev[8] = 0;
	n = envelope(buf, "policy/v1", "Eviction", ev, 9);
	doc = proto_to_json(buf, n, &err);
	ck_assert_ptr_nonnull(doc);
	encode_json_compact(doc, &sb);
	ck_assert_str_eq(sb_str(&sb),
	    "{\"apiVersion\":\"policy/v1\",\"deleteOptions\":{\"gracePeriodSeconds\":0},"
	    "\"kind\":\"Eviction\",\"metadata\":{\"name\":\"p\"}}");
	cJSON_Delete(doc);
	sb_free(&sb);
}
END_TEST

START_TEST(test_protobuf_refusals)
{
	static const unsigned char raw[] = {0x0a, 0};
	unsigned char buf[256];
	struct ks_err err;
	size_t n = envelope(buf, "apps/v1", "DaemonSet", raw, sizeof raw);

	ck_assert_ptr_null(proto_to_json(buf, n, &err));
	ck_assert_str_eq(err.msg, "kubesim serve reads DaemonSet apps/v1 in JSON only, not protobuf");
	ck_assert_ptr_null(proto_to_json((const unsigned char *)"{}", 2, &err));
	ck_assert_str_eq(err.msg, "the protobuf body does not start with the Kubernetes envelope");
	/* A length running past the end. */
	n = envelope(buf, "v1", "DeleteOptions", (const unsigned char *)"\x12\x7f", 2);
	ck_assert_ptr_null(proto_to_json(buf, n, &err));
	ck_assert_str_eq(err.msg, "the protobuf body cannot be decoded");
}
END_TEST

static Suite *
rest_suite(void)
{
	Suite *s = suite_create("rest");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_create_then_get_and_already_exists);
	tcase_add_test(tc, test_dry_run_stores_nothing);
	tcase_add_test(tc, test_path_and_body_must_agree);
	tcase_add_test(tc, test_invalid_carries_causes);
	tcase_add_test(tc, test_field_selectors);
	tcase_add_test(tc, test_delete_answers_status_or_object);
	tcase_add_test(tc, test_server_side_apply_is_unsupported_media);
	tcase_add_test(tc, test_protobuf_delete_options_and_eviction);
	tcase_add_test(tc, test_protobuf_refusals);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(rest_suite)
