/*
 * openapi.c - the OpenAPI v2 and v3 documents (see openapi.h).
 *
 * The type docs (apiserver/typedocs.h) hold, per type, its description and its fields (name,
 * kubectl's type string, the referenced type, required, description); the
 * kinds carry their group, version and kind. From those a field's schema is
 * rebuilt the way kube-openapi's builders write it, so that kubectl's
 * explain template (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/
 * plaintext.tmpl, "typeGuess") prints the same type strings back:
 *   "[]T"          {"type": "array", "items": T}
 *   "map[string]T" {"type": "object", "additionalProperties": T}
 *   a ref          v3: {"allOf": [{"$ref": "#/components/schemas/R"}]},
 *                  v2: {"$ref": "#/definitions/R"}, the description beside it
 *   otherwise      {"type": "string" | "integer" | "boolean" | "number"}
 * A type without fields is a primitive with a schema type of its own (Time
 * is a date-time string, Quantity and IntOrString are oneOf types, as their
 * OpenAPISchemaType/OpenAPIV3OneOfTypes methods in apimachinery say) or an
 * opaque object (FieldsV1).
 *
 * The paths are those kube-apiserver installs for each served resource
 * (staging/src/k8s.io/apiserver/pkg/endpoints/installer.go): the
 * collection, the object and its subresources, each operation with its
 * x-kubernetes-group-version-kind and x-kubernetes-action, and the query
 * parameters of its verb (fieldValidation on create, update and patch).
 */
#include "apiserver/openapi.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apiserver/discovery.h"
#include "apiserver/patch.h"
#include "apiserver/typedocs.h"
#include "codec/jsontext.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

struct gen {
	bool v3;
	const cJSON *types;    /* typedocs.json's "types" */
	cJSON *schemas;        /* components.schemas or definitions, being filled */
};

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static cJSON *
ref_to(const struct gen *g, const char *name)
{
	cJSON *r = cJSON_CreateObject();
	char *s = xasprintf("%s%s", g->v3 ? "#/components/schemas/" : "#/definitions/", name);

	cJSON_AddStringToObject(r, "$ref", s);
	free(s);
	return r;
}

static void add_type(struct gen *g, const char *name, const struct patch_schema *ps);

/* The schema of kubectl's type string t whose innermost type is ref (or a primitive). */
static cJSON *
type_schema(struct gen *g, const char *t, const char *ref, const struct patch_schema *ps,
    bool top)
{
	cJSON *s;

	if (strncmp(t, "[]", 2) == 0) {
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "type", "array");
		cJSON_AddItemToObject(s, "items", type_schema(g, t + 2, ref, ps, false));
		return s;
	}
	if (strncmp(t, "map[string]", 11) == 0) {
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "type", "object");
		cJSON_AddItemToObject(s, "additionalProperties", type_schema(g, t + 11, ref, ps, false));
		return s;
	}
	if (ref != NULL) {
		add_type(g, ref, ps);
		/* A field's ref has its description beside it, which v3 wraps in allOf. */
		if (!g->v3 || !top)
			return ref_to(g, ref);
		s = cJSON_CreateObject();
		cJSON_AddItemToArray(cJSON_AddArrayToObject(s, "allOf"), ref_to(g, ref));
		return s;
	}
	s = cJSON_CreateObject();
	cJSON_AddStringToObject(s, "type", strcmp(t, "Object") == 0 ? "object" : t);
	return s;
}

/* A primitive type's own schema: its schemaType in the type docs. */
static void
primitive(const struct gen *g, const char *name, const char *schema_type, cJSON *s)
{
	cJSON *one;

	if (schema_type == NULL) { /* FieldsV1: any JSON object */
		cJSON_AddStringToObject(s, "type", "object");
		return;
	}
	if (strcmp(schema_type, "oneOf") != 0) {
		cJSON_AddStringToObject(s, "type", schema_type);
		if (strcmp(name, "io.k8s.apimachinery.pkg.apis.meta.v1.Time") == 0)
			cJSON_AddStringToObject(s, "format", "date-time");
		return;
	}
	/* v2 has no oneOf: both are strings there, IntOrString with its own format. */
	if (strstr(name, "IntOrString") != NULL) {
		if (!g->v3) {
			cJSON_AddStringToObject(s, "type", "string");
			cJSON_AddStringToObject(s, "format", "int-or-string");
			return;
		}
		one = cJSON_AddArrayToObject(s, "oneOf");
		cJSON_AddItemToArray(one, cJSON_Parse("{\"type\":\"integer\"}"));
		cJSON_AddItemToArray(one, cJSON_Parse("{\"type\":\"string\"}"));
		return;
	}
	if (!g->v3) {
		cJSON_AddStringToObject(s, "type", "string");
		return;
	}
	one = cJSON_AddArrayToObject(s, "oneOf");
	cJSON_AddItemToArray(one, cJSON_Parse("{\"type\":\"string\"}"));
	cJSON_AddItemToArray(one, cJSON_Parse("{\"type\":\"number\"}"));
}

/* The patch extensions of one field, from the strategic-merge schema. */
static void
patch_extensions(const struct patch_field_info *pi, bool list, cJSON *s)
{
	if (list && pi->merge_key != NULL) {
		cJSON_AddItemToObject(s, "x-kubernetes-list-map-keys", api_csv_array(pi->map_keys));
		cJSON_AddStringToObject(s, "x-kubernetes-list-type", "map");
	} else if (list && pi->strategy != NULL && strncmp(pi->strategy, "merge", 5) == 0)
		cJSON_AddStringToObject(s, "x-kubernetes-list-type", "set");
	if (pi->merge_key != NULL)
		cJSON_AddStringToObject(s, "x-kubernetes-patch-merge-key", pi->merge_key);
	if (pi->strategy != NULL)
		cJSON_AddStringToObject(s, "x-kubernetes-patch-strategy", pi->strategy);
}

/*
 * Add type name (and every type it refers to) to g->schemas; ps is the
 * strategic-merge schema of the Go type, NULL where it has none.
 */
static void
add_type(struct gen *g, const char *name, const struct patch_schema *ps)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(g->types, name), *f;
	const cJSON *fields = cJSON_GetObjectItemCaseSensitive(t, "fields");
	cJSON *s, *props, *required = NULL;
	const char *desc = str(t, "description");

	if (t == NULL || cJSON_GetObjectItemCaseSensitive(g->schemas, name) != NULL)
		return;
	s = cJSON_CreateObject();
	/* In before its fields, so a type that refers back to itself ends there. */
	cJSON_AddItemToObject(g->schemas, name, s);
	if (desc != NULL && desc[0] != '\0')
		cJSON_AddStringToObject(s, "description", desc);
	if (cJSON_GetArraySize(fields) == 0) {
		primitive(g, name, str(t, "schemaType"), s);
		return;
	}
	cJSON_AddStringToObject(s, "type", "object");
	props = cJSON_AddObjectToObject(s, "properties");
	cJSON_ArrayForEach(f, fields)
	{
		const char *fname = str(f, "name"), *ftype = str(f, "type"), *fdesc = str(f, "description");
		struct patch_field_info pi;
		cJSON *fs;

		patch_schema_field(ps, fname, &pi);
		fs = type_schema(g, ftype, str(f, "ref"), pi.type, true);
		if (fdesc != NULL && fdesc[0] != '\0')
			cJSON_AddStringToObject(fs, "description", fdesc);
		patch_extensions(&pi, strncmp(ftype, "[]", 2) == 0, fs);
		cJSON_AddItemToObject(props, fname, fs);
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "required"))) {
			if (required == NULL)
				required = cJSON_CreateArray();
			cJSON_AddItemToArray(required, cJSON_CreateString(fname));
		}
	}
	if (required != NULL)
		cJSON_AddItemToObject(s, "required", required);
	if (str(t, "kind") != NULL) {
		cJSON *gvk = cJSON_CreateObject();

		cJSON_AddStringToObject(gvk, "group", str(t, "group") ? str(t, "group") : "");
		cJSON_AddStringToObject(gvk, "kind", str(t, "kind"));
		cJSON_AddStringToObject(gvk, "version", str(t, "version"));
		cJSON_AddItemToArray(cJSON_AddArrayToObject(s, "x-kubernetes-group-version-kind"), gvk);
	}
}

/* The type docs' type of a kind, or NULL where kubesim keeps no field docs for it. */
static const char *
kind_type(const cJSON *types, const char *group_version, const char *kind)
{
	const char *slash = strchr(group_version, '/');
	const char *version = slash ? slash + 1 : group_version;
	size_t glen = slash ? (size_t)(slash - group_version) : 0;
	const cJSON *t;

	cJSON_ArrayForEach(t, types)
	{
		const char *tg = str(t, "group") ? str(t, "group") : "";

		if (str(t, "kind") != NULL && strcmp(str(t, "kind"), kind) == 0 &&
		    strcmp(str(t, "version"), version) == 0 && strlen(tg) == glen &&
		    strncmp(tg, group_version, glen) == 0)
			return t->string;
	}
	return NULL;
}

/* ---- paths ---- */

/* Query parameters by verb, as the installer documents them (all strings but the flags). */
static const char *const list_params[] = {"allowWatchBookmarks", "continue", "fieldSelector",
	"labelSelector", "limit", "resourceVersion", "resourceVersionMatch", "sendInitialEvents",
	"timeoutSeconds", "watch", NULL};
static const char *const write_params[] = {"dryRun", "fieldManager", "fieldValidation", NULL};
static const char *const patch_params[] = {"dryRun", "fieldManager", "fieldValidation", "force",
	NULL};
static const char *const delete_params[] = {"dryRun", "gracePeriodSeconds",
	"ignoreStoreReadErrorWithClusterBreakingPotential", "orphanDependents", "propagationPolicy",
	NULL};

static const char *
param_type(const char *name)
{
	static const char *const booleans[] = {"allowWatchBookmarks", "force",
		"ignoreStoreReadErrorWithClusterBreakingPotential", "orphanDependents",
		"sendInitialEvents", "watch", "pretty", NULL};
	static const char *const integers[] = {"gracePeriodSeconds", "limit", "timeoutSeconds",
		NULL};

	for (size_t i = 0; booleans[i] != NULL; i++)
		if (strcmp(name, booleans[i]) == 0)
			return strcmp(name, "pretty") == 0 ? "string" : "boolean";
	for (size_t i = 0; integers[i] != NULL; i++)
		if (strcmp(name, integers[i]) == 0)
			return "integer";
	return "string";
}

static cJSON *
param(const struct gen *g, const char *name, const char *in, const char *desc)
{
	cJSON *p = cJSON_CreateObject(), *s = p;

	cJSON_AddStringToObject(p, "name", name);
	cJSON_AddStringToObject(p, "in", in);
	if (desc != NULL)
		cJSON_AddStringToObject(p, "description", desc);
	if (strcmp(in, "path") == 0)
		cJSON_AddBoolToObject(p, "required", true);
	if (g->v3)
		s = cJSON_AddObjectToObject(p, "schema");
	cJSON_AddStringToObject(s, "type", param_type(name));
	cJSON_AddBoolToObject(s, "uniqueItems", true);
	return p;
}

static void
add_params(const struct gen *g, cJSON *arr, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++)
		cJSON_AddItemToArray(arr, param(g, names[i], "query", NULL));
}

/* The GroupVersionKind of an operation: one object, where a schema has a list. */
static cJSON *
gvk_doc(const char *group_version, const char *kind)
{
	cJSON *k = cJSON_CreateObject();
	const char *slash = strchr(group_version, '/');

	cJSON_AddStringToObject(k, "group", "");
	if (slash != NULL) {
		char *grp = xstrndup(group_version, (size_t)(slash - group_version));

		cJSON_SetValuestring(cJSON_GetObjectItemCaseSensitive(k, "group"), grp);
		free(grp);
	}
	cJSON_AddStringToObject(k, "kind", kind);
	cJSON_AddStringToObject(k, "version", slash ? slash + 1 : group_version);
	return k;
}

/* The media types of a request or response body: JSON, YAML and protobuf, as the server takes them. */
static const char *const plain_types[] = {"application/json", "application/yaml",
	"application/vnd.kubernetes.protobuf", NULL};
static const char *const patch_types[] = {"application/apply-patch+yaml",
	"application/json-patch+json", "application/merge-patch+json",
	"application/strategic-merge-patch+json", NULL};

static cJSON *
string_list(const char *const *types)
{
	cJSON *list = cJSON_CreateArray();

	for (size_t i = 0; types[i] != NULL; i++)
		cJSON_AddItemToArray(list, cJSON_CreateString(types[i]));
	return list;
}

/* A v3 "content": each media type with the schema (schema_ref, or any object). */
static cJSON *
content(const struct gen *g, const char *const *types, const char *schema_ref)
{
	cJSON *c = cJSON_CreateObject();

	for (size_t i = 0; types[i] != NULL; i++) {
		cJSON *m = cJSON_AddObjectToObject(c, types[i]);

		if (schema_ref != NULL)
			cJSON_AddItemToObject(m, "schema", ref_to(g, schema_ref));
		else
			cJSON_AddItemToObject(cJSON_AddObjectToObject(m, "schema"), "type",
			    cJSON_CreateString("object"));
	}
	return c;
}

struct op_spec {
	const char *method; /* get, put, post, delete, patch */
	const char *verb;   /* the discovery verb it needs */
	const char *id;     /* operationId's verb */
	const char *action; /* x-kubernetes-action */
	const char *desc;   /* with %s for the kind */
	const char *const *params;
	bool body;
};

static const struct op_spec collection_ops[] = {
	{"get", "list", "list", "list", "list or watch objects of kind %s", list_params, false},
	{"post", "create", "create", "post", "create %s", write_params, true},
	{"delete", "deletecollection", "deleteCollection", "deletecollection",
	    "delete collection of %s", delete_params, false},
	{NULL, NULL, NULL, NULL, NULL, NULL, false},
};
static const struct op_spec object_ops[] = {
	{"get", "get", "read", "get", "read the specified %s", NULL, false},
	{"put", "update", "replace", "put", "replace the specified %s", write_params, true},
	{"delete", "delete", "delete", "delete", "delete %s", delete_params, false},
	{"patch", "patch", "patch", "patch", "partially update the specified %s", patch_params, true},
	{NULL, NULL, NULL, NULL, NULL, NULL, false},
};

static bool
has_verb(const char *verbs, const char *verb)
{
	size_t n = strlen(verb);

	for (const char *p = verbs; p != NULL && *p != '\0';) {
		size_t len = strcspn(p, ",");

		if (len == n && strncmp(p, verb, n) == 0)
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

/* "CoreV1", "AppsV1", "CoordinationV1": the operationId's group version (friendly names). */
static void
op_group(const char *gv, struct strbuf *out)
{
	const char *slash = strchr(gv, '/');
	const char *v = slash ? slash + 1 : gv;

	if (slash == NULL)
		sb_add(out, "Core");
	else {
		size_t n = strcspn(gv, "./");

		sb_addf(out, "%c%.*s", gv[0] - 'a' + 'A', (int)n - 1, gv + 1);
	}
	sb_addf(out, "%c%s", v[0] - 'a' + 'A', v + 1);
}

struct path_ctx {
	const struct api_resource *r;
	const char *kind;       /* the operation's kind */
	const char *kind_gv;    /* and its group version */
	const char *schema_ref; /* the kind's schema, NULL: none */
	const char *suffix;     /* "Status", "Eviction", "Log" or "" */
	bool all_namespaces;
};

static cJSON *
operation(const struct gen *g, const struct path_ctx *pc, const struct op_spec *o)
{
	cJSON *op = cJSON_CreateObject(), *params, *resp;
	struct strbuf sb = STRBUF_INIT;
	char tag[128];
	const char *slash = strchr(pc->r->group_version, '/');

	if (slash == NULL)
		snprintf(tag, sizeof tag, "core_%s", pc->r->group_version);
	else
		snprintf(tag, sizeof tag, "%.*s_%s", (int)strcspn(pc->r->group_version, "./"),
		    pc->r->group_version, slash + 1);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(op, "tags"), cJSON_CreateString(tag));
	if (pc->suffix[0] != '\0' && strcmp(pc->suffix, "Status") == 0) {
		/* "read status of the specified Pod" */
		const char *sp = strchr(o->desc, ' ');

		sb_addf(&sb, "%.*s status of%s", (int)(sp - o->desc), o->desc, sp);
	} else
		sb_add(&sb, o->desc);
	{
		char *d = xasprintf(sb_str(&sb), pc->r->kind);

		cJSON_AddStringToObject(op, "description", d);
		free(d);
	}
	sb_reset(&sb);
	sb_add(&sb, o->id);
	op_group(pc->r->group_version, &sb);
	sb_addf(&sb, "%s%s%s%s", pc->r->namespaced && !pc->all_namespaces ? "Namespaced" : "",
	    pc->r->kind, pc->suffix, pc->all_namespaces ? "ForAllNamespaces" : "");
	cJSON_AddStringToObject(op, "operationId", sb_str(&sb));
	sb_free(&sb);
	if (!g->v3) {
		cJSON_AddItemToObject(op, "consumes",
		    string_list(strcmp(o->method, "patch") == 0 ? patch_types : plain_types));
		cJSON_AddItemToObject(op, "produces", string_list(plain_types));
		cJSON_AddItemToArray(cJSON_AddArrayToObject(op, "schemes"), cJSON_CreateString("https"));
	}
	params = cJSON_AddArrayToObject(op, "parameters");
	if (o->body && !g->v3) {
		cJSON *b = cJSON_CreateObject();

		cJSON_AddStringToObject(b, "name", "body");
		cJSON_AddStringToObject(b, "in", "body");
		cJSON_AddBoolToObject(b, "required", true);
		if (pc->schema_ref != NULL && strcmp(o->method, "patch") != 0)
			cJSON_AddItemToObject(b, "schema", ref_to(g, pc->schema_ref));
		else
			cJSON_AddItemToObject(cJSON_AddObjectToObject(b, "schema"), "type",
			    cJSON_CreateString("object"));
		cJSON_AddItemToArray(params, b);
	}
	if (o->params != NULL && !pc->all_namespaces)
		add_params(g, params, o->params);
	if (cJSON_GetArraySize(params) == 0)
		cJSON_DeleteItemFromObject(op, "parameters");
	if (o->body && g->v3) {
		bool patch = strcmp(o->method, "patch") == 0;
		cJSON *rb = cJSON_AddObjectToObject(op, "requestBody");

		cJSON_AddItemToObject(rb, "content",
		    content(g, patch ? patch_types : plain_types, patch ? NULL : pc->schema_ref));
		cJSON_AddBoolToObject(rb, "required", true);
	}
	resp = cJSON_AddObjectToObject(cJSON_AddObjectToObject(op, "responses"), "200");
	cJSON_AddStringToObject(resp, "description", "OK");
	if (pc->schema_ref != NULL && strcmp(o->id, "list") != 0 &&
	    strcmp(o->id, "deleteCollection") != 0) {
		if (g->v3)
			cJSON_AddItemToObject(resp, "content", content(g, plain_types, pc->schema_ref));
		else
			cJSON_AddItemToObject(resp, "schema", ref_to(g, pc->schema_ref));
	}
	cJSON_AddStringToObject(op, "x-kubernetes-action", o->action);
	cJSON_AddItemToObject(op, "x-kubernetes-group-version-kind", gvk_doc(pc->kind_gv, pc->kind));
	return op;
}

/* One path with the operations of ops whose verbs vs allows, and its path parameters. */
static void
add_path(const struct gen *g, cJSON *paths, const char *path, const struct path_ctx *pc,
    const struct op_spec *ops, const char *verbs, bool named)
{
	cJSON *item = cJSON_CreateObject(), *params;
	char *desc;

	for (const struct op_spec *o = ops; o->method != NULL; o++)
		if (has_verb(verbs, o->verb) && (!pc->all_namespaces || strcmp(o->verb, "list") == 0))
			cJSON_AddItemToObject(item, o->method, operation(g, pc, o));
	if (cJSON_GetArraySize(item) == 0) {
		cJSON_Delete(item);
		return;
	}
	params = cJSON_AddArrayToObject(item, "parameters");
	if (pc->all_namespaces)
		add_params(g, params, list_params);
	if (named) {
		desc = xasprintf("name of the %s", pc->r->kind);
		cJSON_AddItemToArray(params, param(g, "name", "path", desc));
		free(desc);
	}
	if (pc->r->namespaced && !pc->all_namespaces)
		cJSON_AddItemToArray(params, param(g, "namespace", "path",
						 "object name and auth scope, such as for teams and projects"));
	cJSON_AddItemToArray(params, param(g, "pretty", "query",
					 "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget)."));
	cJSON_AddItemToObject(paths, path, item);
}

/* Subresources' operations: status is read, replaced and patched; eviction created; log read. */
static const struct op_spec status_ops[] = {
	{"get", "get", "read", "get", "read the specified %s", NULL, false},
	{"put", "update", "replace", "put", "replace the specified %s", write_params, true},
	{"patch", "patch", "patch", "patch", "partially update the specified %s", patch_params, true},
	{NULL, NULL, NULL, NULL, NULL, NULL, false},
};
static const struct op_spec create_ops[] = {
	{"post", "create", "create", "post", "create %s", write_params, true},
	{NULL, NULL, NULL, NULL, NULL, NULL, false},
};
static const struct op_spec connect_ops[] = {
	{"get", "get", "read", "get", "read log of the specified %s", NULL, false},
	{NULL, NULL, NULL, NULL, NULL, NULL, false},
};

static void
resource_paths(const struct gen *g, cJSON *paths, const struct api_resource *r,
    const char *schema_ref)
{
	struct path_ctx pc = {r, r->kind, r->group_version, schema_ref, "", false};
	struct strbuf base = STRBUF_INIT, p = STRBUF_INIT;

	sb_addf(&base, "/%s/%s", strchr(r->group_version, '/') ? "apis" : "api", r->group_version);
	if (r->namespaced)
		sb_add(&base, "/namespaces/{namespace}");
	sb_addf(&base, "/%s", r->name);
	add_path(g, paths, sb_str(&base), &pc, collection_ops, r->verbs, false);
	sb_addf(&p, "%s/{name}", sb_str(&base));
	add_path(g, paths, sb_str(&p), &pc, object_ops, r->verbs, true);
	for (const struct api_subresource *s = r->subresources; s && s->name; s++) {
		struct path_ctx sc = pc;
		char cap[64];

		snprintf(cap, sizeof cap, "%c%s", s->name[0] - 'a' + 'A', s->name + 1);
		sc.suffix = cap;
		sc.kind = s->kind;
		sc.kind_gv = s->group_version;
		if (strcmp(s->kind, r->kind) != 0 || strcmp(s->group_version, r->group_version) != 0)
			sc.schema_ref = NULL;
		sb_reset(&p);
		sb_addf(&p, "%s/{name}/%s", sb_str(&base), s->name);
		add_path(g, paths, sb_str(&p), &sc,
		    strcmp(s->name, "status") == 0 ? status_ops
		    : strcmp(s->verbs, "create") == 0 ? create_ops
						      : connect_ops,
		    s->verbs, true);
	}
	if (r->namespaced) {
		pc.all_namespaces = true;
		sb_reset(&p);
		sb_addf(&p, "/%s/%s/%s", strchr(r->group_version, '/') ? "apis" : "api",
		    r->group_version, r->name);
		add_path(g, paths, sb_str(&p), &pc, collection_ops, r->verbs, false);
	}
	sb_free(&base);
	sb_free(&p);
}

/* ---- documents ---- */

/* Schemas and paths of the resources whose group version is gv (NULL: all). */
static void
fill(struct gen *g, const char *gv, cJSON *paths)
{
	for (size_t i = 0; i < api_n_resources; i++) {
		const struct api_resource *r = &api_resources[i];
		const char *type;

		if (gv != NULL && strcmp(r->group_version, gv) != 0)
			continue;
		type = kind_type(g->types, r->group_version, r->kind);
		if (type != NULL)
			add_type(g, type, patch_schema_for(r->group_version, r->kind));
		resource_paths(g, paths, r, type);
	}
}

/* The v3 document of group version gv, or (v3 false) the v2 document of everything. */
static cJSON *
document(const cJSON *types, bool v3, const char *gv)
{
	struct gen g = {v3, types, NULL};
	cJSON *doc = cJSON_CreateObject(), *info, *paths;

	cJSON_AddStringToObject(doc, v3 ? "openapi" : "swagger", v3 ? "3.0.0" : "2.0");
	info = cJSON_AddObjectToObject(doc, "info");
	cJSON_AddStringToObject(info, "title", "Kubernetes");
	cJSON_AddStringToObject(info, "version", "v1.32.0");
	paths = cJSON_AddObjectToObject(doc, "paths");
	g.schemas = v3 ? cJSON_AddObjectToObject(cJSON_AddObjectToObject(doc, "components"), "schemas")
		       : cJSON_AddObjectToObject(doc, "definitions");
	fill(&g, v3 ? gv : NULL, paths);
	return doc;
}

/* "api/v1" or "apis/apps/v1": the index's key for a group version. */
/*
 * The hash in a document's URL (FNV-1a of its text): a client caches by
 * the URL, so it is the same from run to run and build to build.
 */
static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static char *
gv_key(const char *gv)
{
	return xasprintf("%s/%s", strchr(gv, '/') ? "apis" : "api", gv);
}

/*
 * The v3 index (handler3's OpenAPIV3Discovery): each group version's URL
 * with the hash of its document, which kubectl keeps its cached copy under.
 */
static cJSON *
v3_index(const cJSON *types)
{
	cJSON *doc = cJSON_CreateObject(), *paths = cJSON_AddObjectToObject(doc, "paths");
	const char *gvs[16];
	size_t n = 0;

	gvs[n++] = "v1";
	for (size_t i = 0; i < api_n_group_versions && n < 16; i++)
		gvs[n++] = api_group_versions[i];
	for (size_t i = 0; i < n; i++) {
		cJSON *d = document(types, true, gvs[i]), *e = cJSON_CreateObject();
		struct strbuf sb = STRBUF_INIT;
		char *key = gv_key(gvs[i]), *url;

		encode_json_compact(d, &sb);
		url = xasprintf("/openapi/v3/%s?hash=%016llX", key,
		    (unsigned long long)fnv1a(sb_str(&sb)));
		cJSON_AddStringToObject(e, "serverRelativeURL", url);
		cJSON_AddItemToObject(paths, key, e);
		free(url);
		free(key);
		sb_free(&sb);
		cJSON_Delete(d);
	}
	return doc;
}

cJSON *
api_openapi(const char *path)
{
	cJSON *types_doc, *doc = NULL;
	const cJSON *types;

	if (strncmp(path, "/openapi/", 9) != 0)
		return NULL;
	types_doc = api_typedocs();
	types = cJSON_GetObjectItemCaseSensitive(types_doc, "types");
	if (strcmp(path, "/openapi/v2") == 0)
		doc = document(types, false, NULL);
	else if (strcmp(path, "/openapi/v3") == 0 || strcmp(path, "/openapi/v3/") == 0)
		doc = v3_index(types);
	else if (strcmp(path, "/openapi/v3/api/v1") == 0)
		doc = document(types, true, "v1");
	else if (strncmp(path, "/openapi/v3/apis/", 17) == 0)
		for (size_t i = 0; i < api_n_group_versions && doc == NULL; i++)
			if (strcmp(path + 17, api_group_versions[i]) == 0)
				doc = document(types, true, api_group_versions[i]);
	cJSON_Delete(types_doc);
	return doc;
}

int
api_openapi_body(const char *path, const char *accept, struct strbuf *body,
    const char **content_type)
{
	cJSON *doc = api_openapi(path);

	if (doc == NULL)
		return -1;
	/* handler.go: protobuf where Accept names it first-class, JSON otherwise. */
	if (strcmp(path, "/openapi/v2") == 0 && accept != NULL &&
	    strstr(accept, "application/com.github.proto-openapi.spec.v2") != NULL &&
	    strstr(accept, "protobuf") != NULL) {
		api_openapi_v2_proto(doc, body);
		/* handler.go's own spelling: "@" is no token character, and client-go parses it. */
		*content_type = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
	} else {
		encode_json_compact(doc, body);
		*content_type = "application/json";
	}
	cJSON_Delete(doc);
	return 0;
}
