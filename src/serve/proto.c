/*
 * proto.c - the few protobuf request bodies kubectl sends (see proto.h).
 *
 * Protocol buffers' wire format: each field a varint key (number << 3 |
 * wire type) then a varint, 8 or 4 bytes, or a length and as many bytes.
 * Fields a schema below does not name are skipped, as a decoder of an
 * older schema does.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "serve/proto.h"
#include "util/err.h"
#include "util/xmalloc.h"

enum ptype {
	P_STRING,
	P_INT,
	P_BOOL,
	P_STRINGS, /* repeated string */
	P_MAP,     /* map<string, string>: repeated {1: key, 2: value} */
	P_MSG,
};

struct pschema;

struct pfield {
	unsigned num;
	const char *name;
	enum ptype type;
	const struct pschema *msg;
};

struct pschema {
	const struct pfield *fields;
};

/* k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto */
static const struct pfield object_meta_fields[] = {
	{1, "name", P_STRING, NULL},
	{2, "generateName", P_STRING, NULL},
	{3, "namespace", P_STRING, NULL},
	{5, "uid", P_STRING, NULL},
	{6, "resourceVersion", P_STRING, NULL},
	{7, "generation", P_INT, NULL},
	{11, "labels", P_MAP, NULL},
	{12, "annotations", P_MAP, NULL},
	{14, "finalizers", P_STRINGS, NULL},
	{0, NULL, P_STRING, NULL},
};
static const struct pschema object_meta = {object_meta_fields};

static const struct pfield preconditions_fields[] = {
	{1, "uid", P_STRING, NULL},
	{2, "resourceVersion", P_STRING, NULL},
	{0, NULL, P_STRING, NULL},
};
static const struct pschema preconditions = {preconditions_fields};

static const struct pfield delete_options_fields[] = {
	{1, "gracePeriodSeconds", P_INT, NULL},
	{2, "preconditions", P_MSG, &preconditions},
	{3, "orphanDependents", P_BOOL, NULL},
	{4, "propagationPolicy", P_STRING, NULL},
	{5, "dryRun", P_STRINGS, NULL},
	{0, NULL, P_STRING, NULL},
};
static const struct pschema delete_options = {delete_options_fields};

/* k8s.io/api/policy/v1/generated.proto */
static const struct pfield eviction_fields[] = {
	{1, "metadata", P_MSG, &object_meta},
	{2, "deleteOptions", P_MSG, &delete_options},
	{0, NULL, P_STRING, NULL},
};
static const struct pschema eviction = {eviction_fields};

/* k8s.io/api/core/v1/generated.proto */
static const struct pfield namespace_spec_fields[] = {
	{1, "finalizers", P_STRINGS, NULL},
	{0, NULL, P_STRING, NULL},
};
static const struct pschema namespace_spec = {namespace_spec_fields};

static const struct pfield namespace_fields[] = {
	{1, "metadata", P_MSG, &object_meta},
	{2, "spec", P_MSG, &namespace_spec},
	{0, NULL, P_STRING, NULL},
};
static const struct pschema namespace_schema = {namespace_fields};

static const struct {
	const char *kind;
	const struct pschema *schema;
} kinds[] = {
	{"DeleteOptions", &delete_options},
	{"Eviction", &eviction},
	{"Namespace", &namespace_schema},
};

struct reader {
	const unsigned char *p, *end;
};

static bool
read_varint(struct reader *r, uint64_t *out)
{
	uint64_t v = 0;

	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end)
			return false;
		v |= (uint64_t)(*r->p & 0x7f) << shift;
		if ((*r->p++ & 0x80) == 0) {
			*out = v;
			return true;
		}
	}
	return false;
}

/* One field: its number, wire type, and value (a varint, or a slice for the others). */
struct pvalue {
	unsigned num, wire;
	uint64_t varint;
	struct reader bytes;
};

static bool
read_field(struct reader *r, struct pvalue *v)
{
	uint64_t key, len;

	if (!read_varint(r, &key) || key >> 3 == 0 || key >> 3 > UINT32_MAX)
		return false;
	v->num = (unsigned)(key >> 3);
	v->wire = key & 7;
	switch (v->wire) {
	case 0:
		return read_varint(r, &v->varint);
	case 1:
	case 5:
		len = v->wire == 1 ? 8 : 4;
		break;
	case 2:
		if (!read_varint(r, &len))
			return false;
		break;
	default:
		return false; /* groups: no Kubernetes message has them */
	}
	if (len > (uint64_t)(r->end - r->p))
		return false;
	v->bytes.p = r->p;
	v->bytes.end = r->p + len;
	r->p += len;
	return true;
}

static char *
slice_str(const struct reader *s)
{
	return xstrndup((const char *)s->p, (size_t)(s->end - s->p));
}

static bool decode_message(struct reader r, const struct pschema *schema, cJSON *into, int depth);

static bool
decode_value(const struct pfield *f, struct pvalue *v, cJSON *into, int depth)
{
	cJSON *item;
	char *s;

	if ((f->type == P_INT || f->type == P_BOOL) != (v->wire == 0))
		return false;
	switch (f->type) {
	case P_INT:
		cJSON_AddItemToObject(into, f->name, cJSON_CreateNumber((double)(int64_t)v->varint));
		return true;
	case P_BOOL:
		cJSON_AddItemToObject(into, f->name, cJSON_CreateBool(v->varint != 0));
		return true;
	case P_STRING:
		s = slice_str(&v->bytes);
		cJSON_AddItemToObject(into, f->name, cJSON_CreateString(s));
		free(s);
		return true;
	case P_STRINGS:
		if ((item = cJSON_GetObjectItemCaseSensitive(into, f->name)) == NULL)
			item = cJSON_AddArrayToObject(into, f->name);
		s = slice_str(&v->bytes);
		cJSON_AddItemToArray(item, cJSON_CreateString(s));
		free(s);
		return true;
	case P_MAP: {
		struct pvalue kv;
		char *key = NULL, *val = NULL;
		bool ok = true;

		if ((item = cJSON_GetObjectItemCaseSensitive(into, f->name)) == NULL)
			item = cJSON_AddObjectToObject(into, f->name);
		while (ok && v->bytes.p < v->bytes.end) {
			if (!(ok = read_field(&v->bytes, &kv) && kv.wire == 2))
				break;
			if (kv.num == 1) {
				free(key);
				key = slice_str(&kv.bytes);
			} else if (kv.num == 2) {
				free(val);
				val = slice_str(&kv.bytes);
			}
		}
		if (ok)
			cJSON_AddItemToObject(item, key ? key : "", cJSON_CreateString(val ? val : ""));
		free(key);
		free(val);
		return ok;
	}
	case P_MSG:
		item = cJSON_AddObjectToObject(into, f->name);
		return decode_message(v->bytes, f->msg, item, depth + 1);
	}
	return false;
}

static bool
decode_message(struct reader r, const struct pschema *schema, cJSON *into, int depth)
{
	struct pvalue v;

	if (depth > 8)
		return false;
	while (r.p < r.end) {
		const struct pfield *f = schema->fields;

		if (!read_field(&r, &v))
			return false;
		while (f->name != NULL && f->num != v.num)
			f++;
		if (f->name != NULL && !decode_value(f, &v, into, depth))
			return false;
	}
	return true;
}

cJSON *
proto_to_json(const unsigned char *body, size_t len, struct ks_err *err)
{
	static const unsigned char magic[] = {'k', '8', 's', 0};
	struct reader r = {body + sizeof magic, body + len}, raw = {NULL, NULL};
	char *api_version = NULL, *kind = NULL;
	struct pvalue v;
	cJSON *doc = NULL;

	if (len < sizeof magic || memcmp(body, magic, sizeof magic) != 0) {
		err_set(err, "the protobuf body does not start with the Kubernetes envelope");
		return NULL;
	}
	/* runtime.Unknown: 1 typeMeta {1 apiVersion, 2 kind}, 2 raw. */
	while (r.p < r.end) {
		if (!read_field(&r, &v) || v.wire != 2)
			goto bad;
		if (v.num == 1) {
			struct pvalue t;

			while (v.bytes.p < v.bytes.end) {
				if (!read_field(&v.bytes, &t) || t.wire != 2)
					goto bad;
				if (t.num == 1) {
					free(api_version);
					api_version = slice_str(&t.bytes);
				} else if (t.num == 2) {
					free(kind);
					kind = slice_str(&t.bytes);
				}
			}
		} else if (v.num == 2)
			raw = v.bytes;
	}
	for (size_t i = 0; kind != NULL && i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kinds[i].kind, kind) != 0)
			continue;
		doc = cJSON_CreateObject();
		cJSON_AddStringToObject(doc, "kind", kind);
		cJSON_AddStringToObject(doc, "apiVersion", api_version ? api_version : "v1");
		if (raw.p != NULL && !decode_message(raw, kinds[i].schema, doc, 0)) {
			cJSON_Delete(doc);
			goto bad;
		}
		goto out;
	}
	err_set(err, "kubesim serve reads %s%s%s in JSON only, not protobuf", kind ? kind : "this body",
	    api_version ? " " : "", api_version ? api_version : "");
	goto out;
bad:
	err_set(err, "the protobuf body cannot be decoded");
	doc = NULL;
out:
	free(api_version);
	free(kind);
	return doc;
}
