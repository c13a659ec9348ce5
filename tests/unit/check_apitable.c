/*
 * check_apitable.c - server-side printing: the meta.k8s.io Table that
 * `kubesim serve` answers `kubectl get` with (apiserver/table.h).
 *
 * Expectations follow kube-apiserver v1.32: Accept negotiation
 * (negotiation.NegotiateOutputMediaType with kubectl get's header), the
 * includeObject option (handlers/response.go asTable, ValidateTableOptions),
 * and the Table GenerateTable builds from printers.go's column definitions
 * and rows (every column, wide ones at priority 1, int64 cells as numbers).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "apiserver/rest.h"
#include "apiserver/table.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "runner.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define S 1000LL

static const char kubectl_accept[] =
    "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

START_TEST(test_accept)
{
	ck_assert_str_eq(api_table_accept(kubectl_accept), "meta.k8s.io/v1");
	ck_assert_str_eq(api_table_accept("application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json"),
	    "meta.k8s.io/v1beta1");
	/* Parameters in any order, spaces around them. */
	ck_assert_str_eq(api_table_accept("application/json; g=meta.k8s.io; v=v1; as=Table"), "meta.k8s.io/v1");
	ck_assert_ptr_null(api_table_accept(NULL));
	ck_assert_ptr_null(api_table_accept("application/json"));
	ck_assert_ptr_null(api_table_accept("*/*"));
	/* The object first: no Table. */
	ck_assert_ptr_null(api_table_accept("application/json,application/json;as=Table;v=v1;g=meta.k8s.io"));
	/* A Table the endpoint cannot convert to is skipped, not chosen. */
	ck_assert_ptr_null(api_table_accept("application/json;as=Table;v=v2;g=meta.k8s.io,application/json"));
	ck_assert_ptr_null(api_table_accept("application/json;as=Table,application/json"));
	/* A higher q wins over the header's order. */
	ck_assert_ptr_null(api_table_accept("application/json;as=Table;v=v1;g=meta.k8s.io;q=0.5,application/json"));
}
END_TEST

START_TEST(test_include_object)
{
	enum api_include inc = API_INCLUDE_NONE;
	struct ks_err err;

	ck_assert_int_eq(api_table_include(NULL, &inc, &err), 0);
	ck_assert_int_eq(inc, API_INCLUDE_METADATA);
	ck_assert_int_eq(api_table_include("None", &inc, &err), 0);
	ck_assert_int_eq(inc, API_INCLUDE_NONE);
	ck_assert_int_eq(api_table_include("Object", &inc, &err), 0);
	ck_assert_int_eq(inc, API_INCLUDE_OBJECT);
	ck_assert_int_eq(api_table_include("Metadata", &inc, &err), 0);
	ck_assert_int_eq(inc, API_INCLUDE_METADATA);
	ck_assert_int_eq(api_table_include("object", &inc, &err), -1);
	ck_assert_str_eq(err.msg,
	    "Unable to convert to Table as requested: includeObject: Unsupported value: \"object\": supported values: \"Metadata\", \"None\", \"Object\"");
}
END_TEST

static struct daemonset *
mk_ds(const char *name, int64_t created)
{
	struct daemonset *ds = ds_new();

	meta_set_ns(&ds->obj.meta, "default");
	ds->obj.meta.name = xstrdup(name);
	ds->obj.meta.creation_ms = created;
	ds->obj.meta.resource_version = 42;
	labels_set(&ds->obj.meta.labels, "app", "web");
	ds->status.desired = 3;
	ds->status.current = 2;
	ds->status.ready = 1;
	ds->status.updated = 2;
	ds->status.available = 1;
	ds->selector.present = true;
	labels_set(&ds->selector.match_labels, "app", "web");
	labels_set(&ds->tmpl.labels, "app", "web");
	ds->tmpl.spec.containers = xcalloc(1, sizeof *ds->tmpl.spec.containers);
	ds->tmpl.spec.n_containers = 1;
	ds->tmpl.spec.containers[0].name = atom_get("nginx");
	ds->tmpl.spec.containers[0].image = atom_get("nginx:1.27");
	return ds;
}

static const char *
str_at(const cJSON *arr, int i)
{
	const cJSON *c = cJSON_GetArrayItem(arr, i);

	ck_assert_msg(cJSON_IsString(c), "item %d is not a string", i);
	return c->valuestring;
}

START_TEST(test_ds_list)
{
	struct daemonset *ds = mk_ds("web", 2 * S + 700);
	struct object *objs[] = {&ds->obj};
	struct api_table_opts o = {"meta.k8s.io/v1", API_INCLUDE_METADATA, false, "57", false, 92 * S + 300};
	static const char *const names[] = {"Name", "Desired", "Current", "Ready", "Up-to-date",
		"Available", "Node Selector", "Age", "Containers", "Images", "Selector"};
	static const char *const types[] = {"string", "integer", "integer", "integer", "integer",
		"integer", "string", "string", "string", "string", "string"};
	cJSON *t = api_table(KIND_DAEMONSET, objs, 1, &o);
	const cJSON *cols, *rows, *row, *cells, *obj, *md;
	int i;

	ck_assert_str_eq(cJSON_GetObjectItem(t, "kind")->valuestring, "Table");
	ck_assert_str_eq(cJSON_GetObjectItem(t, "apiVersion")->valuestring, "meta.k8s.io/v1");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(t, "metadata"), "resourceVersion")->valuestring,
	    "57");

	cols = cJSON_GetObjectItem(t, "columnDefinitions");
	ck_assert_int_eq(cJSON_GetArraySize(cols), 11);
	for (i = 0; i < 11; i++) {
		const cJSON *c = cJSON_GetArrayItem(cols, i);

		ck_assert_str_eq(cJSON_GetObjectItem(c, "name")->valuestring, names[i]);
		ck_assert_str_eq(cJSON_GetObjectItem(c, "type")->valuestring, types[i]);
		ck_assert_str_eq(cJSON_GetObjectItem(c, "format")->valuestring, i == 0 ? "name" : "");
		/* The wide columns, and only they, at priority 1. */
		ck_assert_int_eq(cJSON_GetObjectItem(c, "priority")->valueint, i >= 8);
		ck_assert(cJSON_IsString(cJSON_GetObjectItem(c, "description")));
	}
	ck_assert(strncmp(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 0), "description")->valuestring,
		      "Name must be unique within a namespace.", 39) == 0);

	rows = cJSON_GetObjectItem(t, "rows");
	ck_assert_int_eq(cJSON_GetArraySize(rows), 1);
	row = cJSON_GetArrayItem(rows, 0);
	ck_assert_ptr_null(cJSON_GetObjectItem(row, "conditions"));
	cells = cJSON_GetObjectItem(row, "cells");
	ck_assert_int_eq(cJSON_GetArraySize(cells), 11);
	ck_assert_str_eq(str_at(cells, 0), "web");
	/* int64 cells are JSON numbers. */
	ck_assert(cJSON_IsNumber(cJSON_GetArrayItem(cells, 1)));
	ck_assert_int_eq(cJSON_GetArrayItem(cells, 1)->valueint, 3);
	ck_assert_int_eq(cJSON_GetArrayItem(cells, 3)->valueint, 1);
	ck_assert_str_eq(str_at(cells, 6), "<none>");
	/* translateTimestampSince of the served (whole-second) timestamp: 92.3 - 2 s. */
	ck_assert_str_eq(str_at(cells, 7), "90s");
	ck_assert_str_eq(str_at(cells, 8), "nginx");
	ck_assert_str_eq(str_at(cells, 9), "nginx:1.27");
	ck_assert_str_eq(str_at(cells, 10), "app=web");

	/* includeObject unset: a PartialObjectMetadata with the whole ObjectMeta. */
	obj = cJSON_GetObjectItem(row, "object");
	ck_assert_str_eq(cJSON_GetObjectItem(obj, "kind")->valuestring, "PartialObjectMetadata");
	ck_assert_str_eq(cJSON_GetObjectItem(obj, "apiVersion")->valuestring, "meta.k8s.io/v1");
	md = cJSON_GetObjectItem(obj, "metadata");
	ck_assert_str_eq(cJSON_GetObjectItem(md, "name")->valuestring, "web");
	ck_assert_str_eq(cJSON_GetObjectItem(md, "namespace")->valuestring, "default");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(md, "labels"), "app")->valuestring, "web");
	ck_assert_ptr_null(cJSON_GetObjectItem(obj, "spec"));
	cJSON_Delete(t);
	ds_free(ds);
}
END_TEST

START_TEST(test_empty_list)
{
	struct api_table_opts o = {"meta.k8s.io/v1beta1", API_INCLUDE_METADATA, false, NULL, false, 0};
	cJSON *t = api_table(KIND_POD, NULL, 0, &o);

	ck_assert_str_eq(cJSON_GetObjectItem(t, "apiVersion")->valuestring, "meta.k8s.io/v1beta1");
	/* An empty ListMeta, columns all the same, and rows: [] rather than null. */
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(t, "metadata")), 0);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(t, "columnDefinitions")), 9);
	ck_assert(cJSON_IsArray(cJSON_GetObjectItem(t, "rows")));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(t, "rows")), 0);
	cJSON_Delete(t);
}
END_TEST

START_TEST(test_single_object_include)
{
	struct daemonset *ds = mk_ds("web", 0);
	struct object *objs[] = {&ds->obj};
	struct api_table_opts o = {"meta.k8s.io/v1", API_INCLUDE_NONE, true, NULL, false, 60 * S};
	cJSON *t = api_table(KIND_DAEMONSET, objs, 1, &o);
	const cJSON *row;

	/* GenerateTable of one object: its own resourceVersion. */
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(t, "metadata"), "resourceVersion")->valuestring,
	    "42");
	row = cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(row, "object")));
	cJSON_Delete(t);

	o.include = API_INCLUDE_OBJECT;
	t = api_table(KIND_DAEMONSET, objs, 1, &o);
	row = cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(row, "object"), "kind")->valuestring,
	    "DaemonSet");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(row, "object"), "apiVersion")->valuestring,
	    "apps/v1");
	ck_assert(cJSON_IsObject(cJSON_GetObjectItem(cJSON_GetObjectItem(row, "object"), "spec")));
	cJSON_Delete(t);

	/* NoHeaders (a watch's later events): the rows without their columns. */
	o.no_headers = true;
	t = api_table(KIND_DAEMONSET, objs, 1, &o);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(t, "columnDefinitions")));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(t, "rows")), 1);
	cJSON_Delete(t);
	ds_free(ds);
}
END_TEST

START_TEST(test_pod_completed_condition)
{
	struct pod *p = pod_new();
	struct object *objs[] = {&p->obj};
	struct api_table_opts o = {"meta.k8s.io/v1", API_INCLUDE_NONE, false, NULL, false, 60 * S};
	const cJSON *row, *cond, *cols;
	cJSON *t;

	meta_set_ns(&p->obj.meta, "default");
	p->obj.meta.name = xstrdup("done");
	p->obj.meta.creation_ms = 0;
	p->status.phase = PHASE_SUCCEEDED;
	t = api_table(KIND_POD, objs, 1, &o);
	cols = cJSON_GetObjectItem(t, "columnDefinitions");
	/* RESTARTS is a string column since restarts print as "N (AGE ago)". */
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 3), "type")->valuestring, "string");
	row = cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0);
	ck_assert(cJSON_IsString(cJSON_GetArrayItem(cJSON_GetObjectItem(row, "cells"), 3)));
	cond = cJSON_GetArrayItem(cJSON_GetObjectItem(row, "conditions"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(cond, "type")->valuestring, "Completed");
	ck_assert_str_eq(cJSON_GetObjectItem(cond, "status")->valuestring, "True");
	ck_assert_str_eq(cJSON_GetObjectItem(cond, "reason")->valuestring, "Succeeded");
	ck_assert_str_eq(cJSON_GetObjectItem(cond, "message")->valuestring, "The pod has completed successfully.");
	cJSON_Delete(t);
	pod_free(p);
}
END_TEST

START_TEST(test_event_columns)
{
	struct event *e = event_new();
	struct object *objs[] = {&e->obj};
	struct api_table_opts o = {"meta.k8s.io/v1", API_INCLUDE_NONE, false, NULL, false, 100 * S};
	const cJSON *cols, *cells;
	cJSON *t;

	meta_set_ns(&e->obj.meta, "default");
	e->obj.meta.name = xstrdup("web.1");
	e->type = "Normal";
	e->reason = "SuccessfulCreate";
	e->involved_kind = "DaemonSet";
	e->involved_name = atom_get("web");
	e->message = atom_get("Created pod: web-x ");
	e->first_ms = e->last_ms = 40 * S;
	e->count = 0;
	t = api_table(KIND_EVENT, objs, 1, &o);
	cols = cJSON_GetObjectItem(t, "columnDefinitions");
	/* NAME is last, wide and still the name-format column. */
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 9), "name")->valuestring, "Name");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 9), "format")->valuestring, "name");
	ck_assert_int_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 9), "priority")->valueint, 1);
	cells = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0), "cells");
	ck_assert_str_eq(str_at(cells, 0), "60s");
	ck_assert_str_eq(str_at(cells, 3), "daemonset/web");
	ck_assert_str_eq(str_at(cells, 6), "Created pod: web-x");
	/* A singleton event counts 1, sent as int64(count). */
	ck_assert(cJSON_IsNumber(cJSON_GetArrayItem(cells, 8)));
	ck_assert_int_eq(cJSON_GetArrayItem(cells, 8)->valueint, 1);
	ck_assert_str_eq(str_at(cells, 9), "web.1");
	cJSON_Delete(t);
	event_free(e);
}
END_TEST

START_TEST(test_watch_events)
{
	struct daemonset *ds = mk_ds("web", 0);
	struct api_table_watch *tw;
	struct strbuf out = STRBUF_INIT;
	struct ks_err err;
	cJSON *doc = encode_object(&ds->obj, 60 * S), *row = api_table_row(&ds->obj, 60 * S), *ev;
	const char *nl;

	ck_assert_int_eq(api_table_watch_new("application/json", NULL, &tw, &err), 0);
	ck_assert_ptr_null(tw);
	ck_assert_int_eq(api_table_watch_new(kubectl_accept, "nope", &tw, &err), -1);
	ck_assert_int_eq(api_table_watch_new(kubectl_accept, NULL, &tw, &err), 0);
	ck_assert_ptr_nonnull(tw);

	sb_init(&out);
	api_table_watch_event(tw, "ADDED", KIND_DAEMONSET, doc, row, &out);
	api_table_watch_event(tw, "MODIFIED", KIND_DAEMONSET, doc, row, &out);
	nl = strchr(sb_str(&out), '\n');
	ck_assert_ptr_nonnull(nl);
	ck_assert_str_eq(nl + strlen(nl) - 1, "\n");

	/* The first event's Table has the columns, the next ones not (NoHeaders). */
	ev = cJSON_ParseWithLength(sb_str(&out), (size_t)(nl - sb_str(&out)));
	ck_assert_str_eq(cJSON_GetObjectItem(ev, "type")->valuestring, "ADDED");
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(ev, "object"), "columnDefinitions")),
	    11);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(ev, "object"), "metadata"),
			     "resourceVersion")->valuestring,
	    "42");
	cJSON_Delete(ev);
	ev = cJSON_Parse(nl + 1);
	ck_assert_str_eq(cJSON_GetObjectItem(ev, "type")->valuestring, "MODIFIED");
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(ev, "object"), "columnDefinitions")));
	ck_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(
								       cJSON_GetObjectItem(ev, "object"), "rows"),
								   0),
						 "cells"),
			     7)
			     ->valuestring,
	    "60s");
	cJSON_Delete(ev);

	sb_free(&out);
	api_table_watch_free(tw);
	cJSON_Delete(row);
	encode_free(doc);
	ds_free(ds);
}
END_TEST

START_TEST(test_default_table)
{
	/* A kind without a printer (none is served yet): defaultTableConvertor's table. */
	struct object o;
	struct object *objs[] = {&o};
	struct api_table_opts opts = {"meta.k8s.io/v1", API_INCLUDE_METADATA, true, NULL, false, 90 * S};
	const cJSON *cols, *cells;
	cJSON *t;

	memset(&o, 0, sizeof o);
	meta_init(&o.meta);
	o.kind = KIND__COUNT;
	o.meta.name = xstrdup("thing");
	o.meta.creation_ms = 61 * S;
	t = api_table(KIND__COUNT, objs, 1, &opts);
	cols = cJSON_GetObjectItem(t, "columnDefinitions");
	ck_assert_int_eq(cJSON_GetArraySize(cols), 2);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 0), "name")->valuestring, "Name");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 1), "name")->valuestring, "Created At");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cols, 1), "type")->valuestring, "date");
	cells = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0), "cells");
	ck_assert_str_eq(str_at(cells, 0), "thing");
	/* The creation time in RFC 3339, not an age. */
	ck_assert_str_eq(str_at(cells, 1), "2025-01-01T00:01:01Z");
	cJSON_Delete(t);
	meta_free(&o.meta);
}
END_TEST

/* api_rest, the one place a GET turns into a Table. */
static int
rest_get(struct cluster *c, const char *path, const char *accept, const char *include,
    struct api_response *resp)
{
	cJSON *p = cJSON_CreateObject();
	struct api_request rq = {"GET", path, p, NULL, NULL, 0, accept};
	int code;

	if (include != NULL)
		cJSON_AddStringToObject(p, "includeObject", include);
	api_response_init(resp);
	code = api_rest(c, &rq, resp);
	cJSON_Delete(p);
	/* A Table comes written (api_table_write): read it back to look inside. */
	if (cJSON_IsRaw(resp->body)) {
		cJSON *doc = cJSON_Parse(resp->body->valuestring);

		ck_assert_ptr_nonnull(doc);
		cJSON_Delete(resp->body);
		resp->body = doc;
	}
	return code;
}

/* One write through api_rest, which must succeed. */
static void
rest_write(struct cluster *c, const char *method, const char *path, const char *body)
{
	cJSON *p = cJSON_CreateObject();
	struct api_request rq = {method, path, p, "application/json", body, body ? strlen(body) : 0, NULL};
	struct api_response r;
	int code;

	api_response_init(&r);
	code = api_rest(c, &rq, &r);
	ck_assert_msg(code >= 200 && code < 300, "%s %s: %d", method, path, code);
	api_response_free(&r);
	cJSON_Delete(p);
}

/*
 * api_table_write must give the very bytes encode_json_compact prints for
 * api_table's document, for every kind, includeObject, header choice and
 * the metadata's every field: annotations that need escaping, finalizers,
 * owner references, a deletion (with and without a grace period), a
 * DaemonSet's generation, a Completed condition.
 */
START_TEST(test_written_table_matches_document)
{
	static const char ds_body[] =
	    "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"web\","
	    "\"annotations\":{\"note\":\"<a & b> \\\"q\\\" \\\\ caf\u00e9 \\u2028\\t\"},\"labels\":{\"z\":\"1\",\"app\":\"web\"}},"
	    "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":"
	    "{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}";
	static const char pod_body[] = /* finalizers in a namespace of their own */
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"held\",\"namespace\":\"practice\","
	    "\"finalizers\":[\"example.com/hold\",\"b<c\"]},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}";
	static const enum api_include includes[] = {API_INCLUDE_METADATA, API_INCLUDE_NONE, API_INCLUDE_OBJECT};
	struct timing tm;
	struct ks_err err;
	struct cluster *c;
	struct pod *done = pod_new();
	struct namespace *gone = ns_new("gone");
	struct vec objs = VEC_INIT;
	int checked = 0;

	timing_defaults(&tm);
	c = cluster_new(MODE_SCHEDULER, &tm, 1);
	ck_assert_int_eq(cluster_add_node(c, node_new("node1"), false, true, &err), 0);
	ck_assert_int_eq(cluster_add_node(c, node_new("node2"), false, true, &err), 0);
	rest_write(c, "POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"practice\"}}");
	rest_write(c, "POST", "/apis/apps/v1/namespaces/default/daemonsets", ds_body);
	rest_write(c, "POST", "/api/v1/namespaces/practice/pods", pod_body);
	cluster_advance_to(c, 95 * S);

	meta_set_ns(&done->obj.meta, "default");
	done->obj.meta.name = xstrdup("done");
	done->obj.meta.creation_ms = 0;
	done->status.phase = PHASE_FAILED;
	/* Being deleted, held by finalizers, owned twice. */
	done->obj.meta.deletion_ms = 50 * S;
	done->obj.meta.deletion_grace_s = 30;
	done->obj.meta.n_finalizers = 2;
	done->obj.meta.finalizers = xcalloc(2, sizeof *done->obj.meta.finalizers);
	done->obj.meta.finalizers[0] = xstrdup("example.com/hold");
	done->obj.meta.finalizers[1] = xstrdup("b<c");
	for (int i = 0; i < 2; i++) {
		char name[16], uid[16];

		snprintf(name, sizeof name, "owner%d", i);
		snprintf(uid, sizeof uid, "uid-%d", i);
		meta_add_owner(&done->obj.meta, "apps/v1", "DaemonSet", name, uid, i == 0);
	}
	/* The namespace registry's Delete: a deletionTimestamp, no grace period. */
	gone->obj.meta.deletion_ms = 60 * S;
	gone->obj.meta.deletion_grace_s = 0;
	for (int k = 0; k < KIND__COUNT; k++) {
		store_list_sorted(c->store, (enum kind)k, NULL, &objs);
		if (k == KIND_POD)
			vec_push(&objs, &done->obj);
		if (k == KIND_NAMESPACE)
			vec_push(&objs, &gone->obj);
		ck_assert_msg(objs.n > 0, "no object of kind %d to print", k);
		for (size_t i = 0; i < sizeof includes / sizeof *includes; i++)
			for (int single = 0; single < 2; single++)
				for (int no_headers = 0; no_headers < 2; no_headers++) {
					struct api_table_opts o = {"meta.k8s.io/v1beta1", includes[i], single,
						"1234", no_headers, 95 * S};
					size_t n = single ? 1 : objs.n;
					struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
					cJSON *t = api_table((enum kind)k, (struct object *const *)objs.v, n, &o);

					encode_json_compact(t, &want);
					api_table_write((enum kind)k, (struct object *const *)objs.v, n, &o, &got);
					ck_assert_str_eq(sb_str(&got), sb_str(&want));
					cJSON_Delete(t);
					sb_free(&want);
					sb_free(&got);
					checked++;
				}
	}
	ck_assert_int_eq(checked, KIND__COUNT * 12);
	vec_free(&objs);
	pod_free(done);
	ns_free(gone);
	cluster_free(c);
}
END_TEST

/* meta_format_time writes the date by hand: the same text strftime gives. */
START_TEST(test_format_time_matches_strftime)
{
	static const int64_t epochs[] = {0, 951782400 /* 2000-02-29 */, 1700000000, 4102444799 /* 2099-12-31 */,
		253402300799LL /* 9999-12-31 */, -1, -86401, -2208988800LL /* 1900 */};
	int64_t saved = meta_epoch_unix();

	for (size_t e = 0; e < sizeof epochs / sizeof *epochs; e++) {
		meta_set_epoch_unix(epochs[e]);
		for (int64_t ms = -3 * 86400 * S; ms <= 400 * 86400 * S; ms += 86400 * S / 7 + 1234) {
			int64_t secs = epochs[e] + (ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
			time_t t = (time_t)secs;
			struct tm g;
			char want[64], got[64];

			gmtime_r(&t, &g);
			strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &g);
			meta_format_time(ms, got, sizeof got);
			ck_assert_str_eq(got, want);
		}
	}
	meta_set_epoch_unix(saved);
}
END_TEST

START_TEST(test_rest_get_table)
{
	struct timing tm;
	struct ks_err err;
	struct cluster *c;
	struct api_response r;
	const cJSON *rows;

	timing_defaults(&tm);
	c = cluster_new(MODE_SCHEDULER, &tm, 1);
	ck_assert_int_eq(cluster_add_node(c, node_new("node1"), false, true, &err), 0);
	ck_assert_int_eq(cluster_add_node(c, node_new("node2"), false, true, &err), 0);

	ck_assert_int_eq(rest_get(c, "/api/v1/nodes", kubectl_accept, NULL, &r), 200);
	ck_assert_str_eq(cJSON_GetObjectItem(r.body, "kind")->valuestring, "Table");
	/* A list's Table carries the list's resourceVersion. */
	ck_assert_str_ne(cJSON_GetObjectItem(cJSON_GetObjectItem(r.body, "metadata"), "resourceVersion")->valuestring, "");
	rows = cJSON_GetObjectItem(r.body, "rows");
	ck_assert_int_eq(cJSON_GetArraySize(rows), 2);
	ck_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(rows, 1), "cells"), 0)->valuestring,
	    "node2");
	api_response_free(&r);

	ck_assert_int_eq(rest_get(c, "/api/v1/nodes/node1", kubectl_accept, "Object", &r), 200);
	rows = cJSON_GetObjectItem(r.body, "rows");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(rows, 0), "object"), "kind")->valuestring,
	    "Node");
	api_response_free(&r);

	/* The options are read once the object is got: NotFound first. */
	ck_assert_int_eq(rest_get(c, "/api/v1/nodes/nosuch", kubectl_accept, "bad", &r), 404);
	api_response_free(&r);
	ck_assert_int_eq(rest_get(c, "/api/v1/nodes/node1", kubectl_accept, "bad", &r), 400);
	ck_assert_str_eq(cJSON_GetObjectItem(r.body, "reason")->valuestring, "BadRequest");
	api_response_free(&r);

	/* Without the Accept, the object itself; includeObject means nothing then. */
	ck_assert_int_eq(rest_get(c, "/api/v1/nodes", "application/json", "bad", &r), 200);
	ck_assert_str_eq(cJSON_GetObjectItem(r.body, "kind")->valuestring, "NodeList");
	api_response_free(&r);
	cluster_free(c);
}
END_TEST

static Suite *
apitable_suite(void)
{
	Suite *s = suite_create("apitable");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_accept);
	tcase_add_test(tc, test_include_object);
	tcase_add_test(tc, test_ds_list);
	tcase_add_test(tc, test_empty_list);
	tcase_add_test(tc, test_single_object_include);
	tcase_add_test(tc, test_pod_completed_condition);
	tcase_add_test(tc, test_event_columns);
	tcase_add_test(tc, test_rest_get_table);
	tcase_add_test(tc, test_watch_events);
	tcase_add_test(tc, test_default_table);
	tcase_add_test(tc, test_written_table_matches_document);
	tcase_add_test(tc, test_format_time_matches_strftime);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(apitable_suite)
