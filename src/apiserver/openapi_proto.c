/*
 * openapi_proto.c - the OpenAPI v2 document in protocol buffers.
 *
 * kubectl asks /openapi/v2 for application/com.github.proto-openapi.spec.v2@v1.0+protobuf
 * only, and parses what it gets as gnostic's openapi_v2.Document
 * (client-go discovery OpenAPISchema): JSON fails there with "proto: cannot
 * parse invalid wire-format data". kube-apiserver answers it with the same
 * document in that encoding (kube-openapi handler.go, ToProtoBinary). This
 * encodes the parts of the v2 document that openapi.c writes, by the field
 * numbers of github.com/google/gnostic-models openapiv2/OpenAPIv2.proto; a
 * vendor extension is a NamedAny whose Any carries the value as YAML (JSON
 * is YAML), as gnostic's own compiler stores it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "apiserver/openapi.h"
#include "codec/jsontext.h"
#include "util/strbuf.h"

enum { WIRE_VARINT = 0, WIRE_BYTES = 2 };

static void
varint(struct strbuf *out, uint64_t v)
{
	while (v >= 0x80) {
		sb_addc(out, (char)(v | 0x80));
		v >>= 7;
	}
	sb_addc(out, (char)v);
}

static void
bytes_field(struct strbuf *out, unsigned field, const char *s, size_t n)
{
	varint(out, (uint64_t)field << 3 | WIRE_BYTES);
	varint(out, n);
	sb_addn(out, s, n);
}

/* proto3 leaves empty strings and false out. */
static void
string_field(struct strbuf *out, unsigned field, const char *s)
{
	if (s != NULL && s[0] != '\0')
		bytes_field(out, field, s, strlen(s));
}

static void
bool_field(struct strbuf *out, unsigned field, bool v)
{
	if (v) {
		varint(out, (uint64_t)field << 3 | WIRE_VARINT);
		varint(out, 1);
	}
}

static void
message_field(struct strbuf *out, unsigned field, struct strbuf *msg)
{
	bytes_field(out, field, msg->s ? msg->s : "", msg->len);
	sb_free(msg);
}

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void
strings_field(struct strbuf *out, unsigned field, const cJSON *arr)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, arr)
		if (cJSON_IsString(v))
			bytes_field(out, field, v->valuestring, strlen(v->valuestring));
}

/* Each x-... key of o as a NamedAny{name, Any{yaml}} in field. */
static void
vendor_extensions(struct strbuf *out, unsigned field, const cJSON *o)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, o)
	{
		struct strbuf named = STRBUF_INIT, any = STRBUF_INIT, yaml = STRBUF_INIT;

		if (strncmp(v->string, "x-", 2) != 0)
			continue;
		encode_json_compact(v, &yaml);
		string_field(&any, 2, yaml.s);
		sb_free(&yaml);
		string_field(&named, 1, v->string);
		message_field(&named, 2, &any);
		message_field(out, field, &named);
	}
}

static void schema_msg(const cJSON *s, struct strbuf *out);

static void
schema_field(struct strbuf *out, unsigned field, const cJSON *s)
{
	struct strbuf m = STRBUF_INIT;

	schema_msg(s, &m);
	message_field(out, field, &m);
}

/* Schema: _ref 1, format 2, description 4, required 19, additional_properties 21, type 22, items 23, all_of 24, properties 25, vendor_extension 31. */
static void
schema_msg(const cJSON *s, struct strbuf *out)
{
	const cJSON *v;

	string_field(out, 1, str(s, "$ref"));
	string_field(out, 2, str(s, "format"));
	string_field(out, 4, str(s, "description"));
	strings_field(out, 19, cJSON_GetObjectItemCaseSensitive(s, "required"));
	if ((v = cJSON_GetObjectItemCaseSensitive(s, "additionalProperties")) != NULL) {
		struct strbuf m = STRBUF_INIT;

		if (cJSON_IsObject(v))
			schema_field(&m, 1, v);
		else
			bool_field(&m, 2, cJSON_IsTrue(v));
		message_field(out, 21, &m);
	}
	if (str(s, "type") != NULL) {
		struct strbuf m = STRBUF_INIT;

		string_field(&m, 1, str(s, "type"));
		message_field(out, 22, &m);
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(s, "items")) != NULL) {
		struct strbuf m = STRBUF_INIT;

		schema_field(&m, 1, v);
		message_field(out, 23, &m);
	}
	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(s, "allOf"))
		schema_field(out, 24, v);
	if ((v = cJSON_GetObjectItemCaseSensitive(s, "properties")) != NULL) {
		struct strbuf props = STRBUF_INIT;
		const cJSON *p;

		cJSON_ArrayForEach(p, v)
		{
			struct strbuf named = STRBUF_INIT;

			string_field(&named, 1, p->string);
			schema_field(&named, 2, p);
			message_field(&props, 1, &named);
		}
		message_field(out, 25, &props);
	}
	vendor_extensions(out, 31, s);
}

/*
 * ParametersItem{parameter 1: Parameter{body_parameter 1 | non_body_parameter 2}}.
 * A body is BodyParameter{description 1, name 2, in 3, required 4, schema 5};
 * a query or path parameter is NonBodyParameter{query 3 | path 4} with
 * its sub-schema's required 1, in 2, description 3, name 4, type (6 in a
 * query's, 5 in a path's) and unique_items (20, 19).
 */
static void
parameter_item(const cJSON *p, struct strbuf *item)
{
	struct strbuf param = STRBUF_INIT, sub = STRBUF_INIT;
	const char *in = str(p, "in");
	bool path = in != NULL && strcmp(in, "path") == 0;

	if (in != NULL && strcmp(in, "body") == 0) {
		string_field(&sub, 1, str(p, "description"));
		string_field(&sub, 2, str(p, "name"));
		string_field(&sub, 3, in);
		bool_field(&sub, 4, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "required")));
		if (cJSON_GetObjectItemCaseSensitive(p, "schema") != NULL)
			schema_field(&sub, 5, cJSON_GetObjectItemCaseSensitive(p, "schema"));
		message_field(&param, 1, &sub);
	} else {
		struct strbuf nonbody = STRBUF_INIT;

		bool_field(&sub, 1, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "required")));
		string_field(&sub, 2, in);
		string_field(&sub, 3, str(p, "description"));
		string_field(&sub, 4, str(p, "name"));
		string_field(&sub, path ? 5 : 6, str(p, "type"));
		bool_field(&sub, path ? 19 : 20,
		    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "uniqueItems")));
		message_field(&nonbody, path ? 4 : 3, &sub);
		message_field(&param, 2, &nonbody);
	}
	message_field(item, 1, &param);
}

static void
parameters(struct strbuf *out, unsigned field, const cJSON *arr)
{
	const cJSON *p;

	cJSON_ArrayForEach(p, arr)
	{
		struct strbuf m = STRBUF_INIT;

		parameter_item(p, &m);
		message_field(out, field, &m);
	}
}

/* Operation: tags 1, description 3, operation_id 5, produces 6, consumes 7, parameters 8, responses 9, schemes 10, vendor_extension 13. */
static void
operation(const cJSON *op, struct strbuf *out)
{
	struct strbuf responses = STRBUF_INIT;
	const cJSON *r;

	strings_field(out, 1, cJSON_GetObjectItemCaseSensitive(op, "tags"));
	string_field(out, 3, str(op, "description"));
	string_field(out, 5, str(op, "operationId"));
	strings_field(out, 6, cJSON_GetObjectItemCaseSensitive(op, "produces"));
	strings_field(out, 7, cJSON_GetObjectItemCaseSensitive(op, "consumes"));
	parameters(out, 8, cJSON_GetObjectItemCaseSensitive(op, "parameters"));
	/* Responses{response_code 1: NamedResponseValue{name, ResponseValue{response 1: Response{description 1, schema 2: SchemaItem{schema 1}}}}} */
	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(op, "responses"))
	{
		struct strbuf named = STRBUF_INIT, value = STRBUF_INIT, resp = STRBUF_INIT;

		string_field(&resp, 1, str(r, "description"));
		if (cJSON_GetObjectItemCaseSensitive(r, "schema") != NULL) {
			struct strbuf item = STRBUF_INIT;

			schema_field(&item, 1, cJSON_GetObjectItemCaseSensitive(r, "schema"));
			message_field(&resp, 2, &item);
		}
		message_field(&value, 1, &resp);
		string_field(&named, 1, r->string);
		message_field(&named, 2, &value);
		message_field(&responses, 1, &named);
	}
	message_field(out, 9, &responses);
	strings_field(out, 10, cJSON_GetObjectItemCaseSensitive(op, "schemes"));
	vendor_extensions(out, 13, op);
}

void
api_openapi_v2_proto(const cJSON *doc, struct strbuf *out)
{
	static const struct {
		const char *method;
		unsigned field;
	} methods[] = {{"get", 2}, {"put", 3}, {"post", 4}, {"delete", 5}, {"patch", 8}};
	struct strbuf info = STRBUF_INIT, paths = STRBUF_INIT, defs = STRBUF_INIT;
	const cJSON *v;

	/* Document: swagger 1, info 2 (title 1, version 2), paths 8, definitions 9. */
	string_field(out, 1, str(doc, "swagger"));
	v = cJSON_GetObjectItemCaseSensitive(doc, "info");
	string_field(&info, 1, str(v, "title"));
	string_field(&info, 2, str(v, "version"));
	message_field(out, 2, &info);
	/* Paths{path 2: NamedPathItem{name 1, PathItem{get 2 ... patch 8, parameters 9}}} */
	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(doc, "paths"))
	{
		struct strbuf named = STRBUF_INIT, item = STRBUF_INIT;

		for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
			const cJSON *op = cJSON_GetObjectItemCaseSensitive(v, methods[i].method);
			struct strbuf m = STRBUF_INIT;

			if (op == NULL)
				continue;
			operation(op, &m);
			message_field(&item, methods[i].field, &m);
		}
		parameters(&item, 9, cJSON_GetObjectItemCaseSensitive(v, "parameters"));
		string_field(&named, 1, v->string);
		message_field(&named, 2, &item);
		message_field(&paths, 2, &named);
	}
	message_field(out, 8, &paths);
	/* Definitions{additional_properties 1: NamedSchema{name 1, Schema 2}} */
	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(doc, "definitions"))
	{
		struct strbuf named = STRBUF_INIT;

		string_field(&named, 1, v->string);
		schema_field(&named, 2, v);
		message_field(&defs, 1, &named);
	}
	message_field(out, 9, &defs);
}
