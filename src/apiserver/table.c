/*
 * table.c - objects as a meta.k8s.io Table (see table.h).
 *
 * The shape follows apimachinery pkg/apis/meta/v1 types.go (Table,
 * TableColumnDefinition, TableRow, TableRowCondition, PartialObjectMetadata,
 * and their json tags: "format", "description" and "priority" even when
 * empty, "conditions" only when set, a row's RawExtension "object" null
 * when there is none, and "metadata" an empty ListMeta without a version).
 */
#include "apiserver/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/store.h"
#include "apiserver/printers.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* Trim the spaces and tabs around s[0..n) (RFC 7231 OWS). */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static bool
token_is(const char *s, size_t n, const char *want)
{
	return strlen(want) == n && strncasecmp(s, want, n) == 0;
}

/*
 * One clause of Accept, as negotiation.acceptMediaTypeOptions judges it:
 * 0 not acceptable, 1 the object itself, 2 a Table (*version set).
 * Parameters as, g and v ask for a conversion, which this endpoint allows
 * for Table in meta.k8s.io v1 and v1beta1 (AllowsMediaTypeTransform);
 * others, pretty and q included, do not change what is sent.
 */
static int
clause_accepts(const char *c, size_t n, const char **version, double *q)
{
	const char *semi = memchr(c, ';', n), *p;
	size_t tn = semi != NULL ? (size_t)(semi - c) : n;
	const char *as = NULL, *g = NULL, *v = NULL;
	size_t asn = 0, gn = 0, vn = 0;

	*q = 1;
	trim(&c, &tn);
	if (!token_is(c, tn, "application/json") && !token_is(c, tn, "application/*") &&
	    !token_is(c, tn, "*/*"))
		return 0;
	for (p = semi; p != NULL && p < c + n;) {
		const char *start = p + 1, *next = memchr(start, ';', (size_t)(c + n - start));
		size_t len = (size_t)((next != NULL ? next : c + n) - start);
		const char *eq = memchr(start, '=', len);

		if (eq != NULL) {
			const char *k = start, *val = eq + 1;
			size_t kn = (size_t)(eq - start), valn = len - kn - 1;

			trim(&k, &kn);
			trim(&val, &valn);
			if (token_is(k, kn, "as")) {
				as = val;
				asn = valn;
			} else if (token_is(k, kn, "g")) {
				g = val;
				gn = valn;
			} else if (token_is(k, kn, "v")) {
				v = val;
				vn = valn;
			} else if (token_is(k, kn, "q"))
				*q = strtod(val, NULL);
		}
		p = next;
	}
	if (as == NULL && g == NULL && v == NULL)
		return 1;
	/* Parameter values are case-sensitive, as the server compares them. */
	if (as == NULL || asn != 5 || strncmp(as, "Table", 5) != 0 || g == NULL || gn != 11 ||
	    strncmp(g, "meta.k8s.io", 11) != 0 || v == NULL)
		return 0;
	if (vn == 2 && strncmp(v, "v1", 2) == 0)
		*version = "meta.k8s.io/v1";
	else if (vn == 7 && strncmp(v, "v1beta1", 7) == 0)
		*version = "meta.k8s.io/v1beta1";
	else
		return 0;
	return 2;
}

const char *
api_table_accept(const char *accept)
{
	const char *p = accept, *best_version = NULL;
	double best_q = 0;
	bool found = false;

	/*
	 * goautoneg.ParseAccept orders the clauses by q, keeping the header's
	 * order among equals, and the first acceptable one wins.
	 */
	while (p != NULL && *p != '\0') {
		const char *comma = strchr(p, ','), *version = NULL;
		size_t n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		double q;
		int r = clause_accepts(p, n, &version, &q);

		if (r != 0 && q > 0 && (!found || q > best_q)) {
			found = true;
			best_q = q;
			best_version = r == 2 ? version : NULL;
		}
		p = comma != NULL ? comma + 1 : NULL;
	}
	return best_version;
}

int
api_table_include(const char *value, enum api_include *include, struct ks_err *err)
{
	if (value == NULL || strcmp(value, "") == 0 || strcmp(value, "Metadata") == 0)
		*include = API_INCLUDE_METADATA;
	else if (strcmp(value, "None") == 0)
		*include = API_INCLUDE_NONE;
	else if (strcmp(value, "Object") == 0)
		*include = API_INCLUDE_OBJECT;
	else
		/* field.NotSupported, framed by optionsForTransform. */
		return err_set(err,
		    "Unable to convert to Table as requested: includeObject: Unsupported value: \"%s\": supported values: \"Metadata\", \"None\", \"Object\"",
		    value);
	return 0;
}

static cJSON *
columns_json(enum kind k)
{
	size_t n, i;
	const struct print_column *cols = printers_columns(k, &n);
	cJSON *arr = cJSON_CreateArray();

	for (i = 0; i < n; i++) {
		cJSON *c = cJSON_CreateObject();

		cJSON_AddStringToObject(c, "name", cols[i].name);
		cJSON_AddStringToObject(c, "type", cols[i].type);
		cJSON_AddStringToObject(c, "format", cols[i].format);
		cJSON_AddStringToObject(c, "description", cols[i].description);
		cJSON_AddNumberToObject(c, "priority", cols[i].priority);
		cJSON_AddItemToArray(arr, c);
	}
	return arr;
}

/*
 * The row's object as asTable leaves it for the includeObject asked, from
 * obj or, when obj is NULL, from doc (the object as served).
 */
static cJSON *
row_object(const struct object *obj, const cJSON *doc, const struct api_table_opts *o)
{
	cJSON *partial;

	if (o->include == API_INCLUDE_NONE)
		return cJSON_CreateNull();
	if (o->include == API_INCLUDE_OBJECT)
		return obj != NULL ? encode_object(obj, o->now_ms) : cJSON_Duplicate(doc, true);
	/* meta.AsPartialObjectMetadata: the whole ObjectMeta, under the Table's group version. */
	partial = cJSON_CreateObject();
	cJSON_AddStringToObject(partial, "kind", "PartialObjectMetadata");
	cJSON_AddStringToObject(partial, "apiVersion", o->api_version);
	cJSON_AddItemToObject(partial, "metadata", obj != NULL ? encode_meta(obj) :
	    cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(doc, "metadata"), true));
	return partial;
}

cJSON *
api_table_row(const struct object *obj, int64_t now_ms)
{
	struct print_row r;
	cJSON *row = cJSON_CreateObject(), *cells;
	size_t j;

	printers_row(obj, now_ms, &r);
	cells = cJSON_AddArrayToObject(row, "cells");
	for (j = 0; j < r.n; j++)
		cJSON_AddItemToArray(cells, r.is_int[j] ? cJSON_CreateNumber((double)strtoll(r.cells[j], NULL, 10))
							: cJSON_CreateString(r.cells[j]));
	if (r.completed_reason != NULL) {
		cJSON *cond = cJSON_CreateObject();

		cJSON_AddStringToObject(cond, "type", "Completed");
		cJSON_AddStringToObject(cond, "status", "True");
		cJSON_AddStringToObject(cond, "reason", r.completed_reason);
		cJSON_AddStringToObject(cond, "message", r.completed_message);
		cJSON_AddItemToArray(cJSON_AddArrayToObject(row, "conditions"), cond);
	}
	printers_row_free(&r);
	return row;
}

/* The Table's head: kind, apiVersion, metadata and the columns (null with no_headers). */
static cJSON *
table_head(enum kind k, const char *rv, const struct api_table_opts *o)
{
	cJSON *t = cJSON_CreateObject(), *meta;

	cJSON_AddStringToObject(t, "kind", "Table");
	cJSON_AddStringToObject(t, "apiVersion", o->api_version);
	meta = cJSON_AddObjectToObject(t, "metadata");
	if (rv != NULL && rv[0] != '\0')
		cJSON_AddStringToObject(meta, "resourceVersion", rv);
	cJSON_AddItemToObject(t, "columnDefinitions", o->no_headers ? cJSON_CreateNull() : columns_json(k));
	return t;
}

cJSON *
api_table(enum kind k, struct object *const *objs, size_t n, const struct api_table_opts *o)
{
	char rv[32];
	cJSON *t, *rows;
	size_t i;

	/* GenerateTable: the list's resourceVersion, or the object's (CommonAccessor). */
	if (o->single && n == 1)
		snprintf(rv, sizeof rv, "%llu", (unsigned long long)objs[0]->meta.resource_version);
	else
		snprintf(rv, sizeof rv, "%s", o->list_rv != NULL ? o->list_rv : "");
	t = table_head(k, rv, o);
	rows = cJSON_AddArrayToObject(t, "rows");
	for (i = 0; i < n; i++) {
		cJSON *row = api_table_row(objs[i], o->now_ms);

		cJSON_AddItemToObject(row, "object", row_object(objs[i], NULL, o));
		cJSON_AddItemToArray(rows, row);
	}
	return t;
}

/*
 * api_table's document written as encode_json_compact prints it, without
 * building it: keys in json.Marshal's bytewise order (apiVersion,
 * columnDefinitions, kind, metadata, rows; a row's cells, conditions,
 * object), the same cells, numbers and escapes. check_apitable holds the
 * two to the same bytes.
 */
static void
write_columns(enum kind k, struct strbuf *out)
{
	size_t n, i;
	const struct print_column *cols = printers_columns(k, &n);

	sb_addc(out, '[');
	for (i = 0; i < n; i++) {
		sb_add(out, i > 0 ? ",{\"description\":" : "{\"description\":");
		encode_json_string(cols[i].description, out);
		sb_add(out, ",\"format\":");
		encode_json_string(cols[i].format, out);
		sb_add(out, ",\"name\":");
		encode_json_string(cols[i].name, out);
		sb_add(out, ",\"priority\":");
		encode_json_number(cols[i].priority, out);
		sb_add(out, ",\"type\":");
		encode_json_string(cols[i].type, out);
		sb_addc(out, '}');
	}
	sb_addc(out, ']');
}

static void
write_row(const struct object *obj, const struct api_table_opts *o, struct strbuf *out)
{
	struct print_row r;
	size_t j;

	printers_row(obj, o->now_ms, &r);
	sb_add(out, "{\"cells\":[");
	for (j = 0; j < r.n; j++) {
		if (j > 0)
			sb_addc(out, ',');
		if (r.is_int[j])
			encode_json_number((double)strtoll(r.cells[j], NULL, 10), out);
		else
			encode_json_string(r.cells[j], out);
	}
	sb_addc(out, ']');
	if (r.completed_reason != NULL) {
		sb_add(out, ",\"conditions\":[{\"message\":");
		encode_json_string(r.completed_message, out);
		sb_add(out, ",\"reason\":");
		encode_json_string(r.completed_reason, out);
		sb_add(out, ",\"status\":\"True\",\"type\":\"Completed\"}]");
	}
	printers_row_free(&r);
	sb_add(out, ",\"object\":");
	if (o->include == API_INCLUDE_NONE)
		sb_add(out, "null");
	else if (o->include == API_INCLUDE_OBJECT) {
		cJSON *doc = encode_object(obj, o->now_ms);

		encode_json_compact(doc, out);
		encode_free(doc);
	} else {
		sb_add(out, "{\"apiVersion\":");
		encode_json_string(o->api_version, out);
		sb_add(out, ",\"kind\":\"PartialObjectMetadata\",\"metadata\":");
		encode_meta_json(obj, out);
		sb_addc(out, '}');
	}
	sb_addc(out, '}');
}

void
api_table_write(enum kind k, struct object *const *objs, size_t n, const struct api_table_opts *o,
    struct strbuf *out)
{
	size_t i;

	sb_add(out, "{\"apiVersion\":");
	encode_json_string(o->api_version, out);
	sb_add(out, ",\"columnDefinitions\":");
	if (o->no_headers)
		sb_add(out, "null");
	else
		write_columns(k, out);
	sb_add(out, ",\"kind\":\"Table\",\"metadata\":{");
	/* As api_table: the object's resourceVersion for one object got, else the list's. */
	if (o->single && n == 1)
		sb_addf(out, "\"resourceVersion\":\"%llu\"",
		    (unsigned long long)objs[0]->meta.resource_version);
	else if (o->list_rv != NULL && o->list_rv[0] != '\0') {
		sb_add(out, "\"resourceVersion\":");
		encode_json_string(o->list_rv, out);
	}
	sb_add(out, "},\"rows\":[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_addc(out, ',');
		write_row(objs[i], o, out);
	}
	sb_add(out, "]}");
}

struct api_table_watch {
	struct api_table_opts o;
};

int
api_table_watch_new(const char *accept, const char *include, struct api_table_watch **tw,
    struct ks_err *err)
{
	const char *version = api_table_accept(accept);
	enum api_include inc;

	*tw = NULL;
	if (version == NULL)
		return 0;
	if (api_table_include(include, &inc, err) < 0)
		return -1;
	*tw = xcalloc(1, sizeof **tw);
	(*tw)->o.api_version = version;
	(*tw)->o.include = inc;
	(*tw)->o.single = true;
	return 0;
}

void
api_table_watch_event(struct api_table_watch *tw, const char *type, enum kind k, const cJSON *doc,
    const cJSON *row, struct strbuf *out)
{
	const cJSON *rv = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(doc, "metadata"), "resourceVersion");
	cJSON *t, *r;

	sb_addf(out, "{\"type\":\"%s\",\"object\":", type);
	if (row == NULL) {
		/* Never expected: every event keeps its row. The object as it is, then. */
		encode_json_compact(doc, out);
		sb_add(out, "}\n");
		return;
	}
	t = table_head(k, cJSON_IsString(rv) ? rv->valuestring : NULL, &tw->o);
	r = cJSON_Duplicate(row, true);
	cJSON_AddItemToObject(r, "object", row_object(NULL, doc, &tw->o));
	cJSON_AddItemToArray(cJSON_AddArrayToObject(t, "rows"), r);
	encode_json_compact(t, out);
	sb_add(out, "}\n");
	cJSON_Delete(t);
	tw->o.no_headers = true;
}

void
api_table_watch_initial(struct api_table_watch *tw, struct cluster *c, enum kind k, const cJSON *doc,
    struct strbuf *out)
{
	const cJSON *md = cJSON_GetObjectItemCaseSensitive(doc, "metadata");
	const cJSON *ns = cJSON_GetObjectItemCaseSensitive(md, "namespace");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(md, "name");
	const struct object *obj = cJSON_IsString(name) ?
	    store_get(c->store, k, cJSON_IsString(ns) ? ns->valuestring : NULL, name->valuestring) :
	    NULL;
	cJSON *row = obj != NULL ? api_table_row(obj, cluster_now(c)) : NULL;

	api_table_watch_event(tw, "ADDED", k, doc, row, out);
	cJSON_Delete(row);
}

void
api_table_watch_free(struct api_table_watch *tw)
{
	free(tw);
}
