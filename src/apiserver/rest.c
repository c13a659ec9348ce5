/*
 * rest.c - the Kubernetes REST API over the API layer (see rest.h).
 *
 * Paths as kube-apiserver v1.32 serves them
 * (staging/src/k8s.io/apiserver/pkg/endpoints/installer.go): objects at
 * /api/v1[/namespaces/NS]/RESOURCE[/NAME[/SUBRESOURCE]] and the same under
 * /apis/GROUP/VERSION; what each verb does is the handlers' (handlers/
 * get.go, create.go, update.go, patch.go, delete.go), down to their
 * BadRequest messages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/labels.h"
#include "api/selector.h"
#include "api/store.h"
#include "apiserver/apiserver.h"
#include "apiserver/patch.h"
#include "apiserver/rest.h"
#include "apiserver/table.h"
#include "cluster.h"
#include "codec/decode.h"
#include "codec/encode.h"
#include "util/err.h"
#include "util/vec.h"
#include "util/xmalloc.h"

void
api_response_init(struct api_response *r)
{
	r->code = 0;
	r->body = NULL;
	sb_init(&r->warnings);
}

void
api_response_free(struct api_response *r)
{
	cJSON_Delete(r->body);
	r->body = NULL;
	r->code = 0;
	sb_free(&r->warnings); /* left empty, ready for use again */
}

const char *
api_param(const struct api_request *rq, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(rq->params, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

bool
api_is_write(const struct api_request *rq)
{
	return strcmp(rq->method, "GET") != 0 && strcmp(rq->method, "HEAD") != 0;
}

/* metav1.Status in its fields' order: details (when given) before code. */
static cJSON *
status_doc(int code, const char *reason, const char *message, cJSON *details)
{
	cJSON *st = cJSON_CreateObject();

	cJSON_AddStringToObject(st, "kind", "Status");
	cJSON_AddStringToObject(st, "apiVersion", "v1");
	cJSON_AddObjectToObject(st, "metadata");
	cJSON_AddStringToObject(st, "status", "Failure");
	cJSON_AddStringToObject(st, "message", message);
	if (reason[0] != '\0')
		cJSON_AddStringToObject(st, "reason", reason);
	if (details != NULL)
		cJSON_AddItemToObject(st, "details", details);
	cJSON_AddNumberToObject(st, "code", code);
	return st;
}

cJSON *
api_status_doc(int code, const char *reason, const char *message)
{
	return status_doc(code, reason, message, NULL);
}

static int
respond(struct api_response *resp, int code, cJSON *body)
{
	cJSON_Delete(resp->body);
	resp->code = code;
	resp->body = body;
	return code;
}

static int
fail(struct api_response *resp, int code, const char *reason, const char *message)
{
	return respond(resp, code, api_status_doc(code, reason, message));
}

static int
fail_status(struct api_response *resp, struct api_status *st)
{
	cJSON *doc = status_doc(st->code, api_reason_name(st->reason), sb_str(&st->message),
	    st->details);

	st->details = NULL; /* the document has it now */
	return respond(resp, st->code, doc);
}

/* The "not found" a path that names nothing served gets. */
static int
fail_path(struct api_response *resp)
{
	return fail(resp, 404, "NotFound", "the server could not find the requested resource");
}

/* ---- routing ---- */

struct target {
	const struct api_resource *r;
	char *ns;   /* NULL: every namespace (or cluster-scoped) */
	char *name; /* NULL: the collection */
	char *sub;  /* a subresource: status, eviction, log; NULL: none */
};

/* Split a path into what it names; false when it names nothing served. */
static bool
route(const char *url, struct target *t)
{
	char *path = xstrdup(url), *parts[9], *save = NULL;
	size_t n = 0, i;
	char gv[128];
	bool ok = false;

	memset(t, 0, sizeof *t);
	for (char *p = strtok_r(path, "/", &save); p != NULL; p = strtok_r(NULL, "/", &save)) {
		if (n == sizeof parts / sizeof parts[0])
			goto out;
		parts[n++] = p;
	}
	if (n >= 3 && strcmp(parts[0], "api") == 0 && strcmp(parts[1], "v1") == 0) {
		snprintf(gv, sizeof gv, "v1");
		i = 2;
	} else if (n >= 4 && strcmp(parts[0], "apis") == 0) {
		snprintf(gv, sizeof gv, "%s/%s", parts[1], parts[2]);
		i = 3;
	} else
		goto out;
	if (n - i >= 3 && strcmp(parts[i], "namespaces") == 0) {
		t->ns = xstrdup(parts[i + 1]);
		i += 2;
	}
	if (n - i < 1 || n - i > 3)
		goto out;
	for (size_t r = 0; r < api_n_resources; r++)
		if (strcmp(api_resources[r].group_version, gv) == 0 &&
		    strcmp(api_resources[r].name, parts[i]) == 0)
			t->r = &api_resources[r];
	if (t->r == NULL || (t->ns != NULL && !t->r->namespaced))
		goto out;
	if (n - i >= 2)
		t->name = xstrdup(parts[i + 1]);
	if (n - i == 3) {
		const char *sub = parts[i + 2];

		if (!(strcmp(sub, "status") == 0 ||
			(t->r->k == KIND_POD && (strcmp(sub, "eviction") == 0 || strcmp(sub, "log") == 0))))
			goto out;
		t->sub = xstrdup(sub);
	}
	ok = true;
out:
	free(path);
	return ok;
}

static void
target_free(struct target *t)
{
	free(t->ns);
	free(t->name);
	free(t->sub);
}

bool
api_path_served(const char *path)
{
	struct target t;
	bool ok = route(path, &t);

	target_free(&t);
	return ok;
}

static const char *
target_ns(const struct target *t)
{
	return t->r->namespaced ? t->ns : NULL;
}

/* `daemonsets.apps "x" not found`: the message of a NotFound for t's object. */
static int
fail_not_found(struct api_response *resp, const struct target *t, const char *name)
{
	const char *av = t->r->group_version, *slash = strchr(av, '/');
	char *msg = xasprintf("%s%s%.*s \"%s\" not found", t->r->name, slash ? "." : "",
	    slash ? (int)(slash - av) : 0, av, name);

	fail(resp, 404, "NotFound", msg);
	free(msg);
	return 404;
}

/* ---- field selectors ---- */

/*
 * The fields each kind can be selected by, beyond metadata.name and
 * metadata.namespace (every namespaced kind's): the registries' GetAttrs /
 * AddFieldLabelConversionFunc (pkg/apis/core/v1/conversion.go,
 * pkg/registry/core/pod/strategy.go ToSelectableFields).
 */
static const char *const pod_fields[] = {"spec.nodeName", "spec.restartPolicy",
	"spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase",
	"status.podIP", "status.nominatedNodeName", NULL};
static const char *const node_fields[] = {"spec.unschedulable", NULL};
static const char *const event_fields[] = {"involvedObject.kind", "involvedObject.namespace",
	"involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
	"involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
	"reportingComponent", "source", "type", NULL};
static const char *const namespace_fields[] = {"status.phase", NULL};

static bool
field_supported(enum kind k, const char *field)
{
	const char *const *list = k == KIND_POD ? pod_fields :
	    k == KIND_NODE			    ? node_fields :
	    k == KIND_EVENT			    ? event_fields :
	    k == KIND_NAMESPACE			    ? namespace_fields :
							      NULL;

	/* generic.ObjectMetaFieldsSet: metadata.namespace only where there are namespaces. */
	if (strcmp(field, "metadata.name") == 0 ||
	    (strcmp(field, "metadata.namespace") == 0 && kind_namespaced(k)))
		return true;
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(*list, field) == 0)
			return true;
	return false;
}

struct field_term {
	char *field, *value;
	bool negate;
};

static void
field_terms_free(struct vec *terms)
{
	for (size_t i = 0; i < terms->n; i++) {
		struct field_term *t = terms->v[i];

		free(t->field);
		free(t->value);
		free(t);
	}
	vec_free(terms);
}

/* fields.ParseSelector: "a=b,c!=d,e==f" (apimachinery/pkg/fields/selector.go). */
static int
field_selector_parse(enum kind k, const char *text, struct vec *terms, struct ks_err *err)
{
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;

	for (char *term = strtok_r(copy, ",", &save); term != NULL; term = strtok_r(NULL, ",", &save)) {
		char *op = strstr(term, "!=");
		struct field_term *t;
		size_t skip = 2;
		bool negate = op != NULL;

		if (op == NULL && (op = strstr(term, "==")) == NULL) {
			op = strchr(term, '=');
			skip = 1;
		}
		if (op == NULL) {
			rc = err_set(err, "invalid selector: '%s'; can't understand '%s'", text, term);
			break;
		}
		t = xmalloc(sizeof *t);
		t->field = xstrndup(term, (size_t)(op - term));
		t->value = xstrdup(op + skip);
		t->negate = negate;
		vec_push(terms, t);
		if (!field_supported(k, t->field)) {
			rc = err_set(err, "field label not supported: %s", t->field);
			break;
		}
	}
	free(copy);
	return rc;
}

/* The field's value as the registry's selectable fields give it: "" when unset. */
static void
field_value(const cJSON *doc, const char *field, struct strbuf *out)
{
	char *path = xstrdup(strcmp(field, "source") == 0 ? "source.component" : field);
	char *save = NULL;
	const cJSON *v = doc;

	for (char *p = strtok_r(path, ".", &save); p != NULL && v != NULL;
	     p = strtok_r(NULL, ".", &save))
		v = cJSON_GetObjectItemCaseSensitive(v, p);
	free(path);
	sb_reset(out);
	if (cJSON_IsString(v))
		sb_add(out, v->valuestring);
	else if (cJSON_IsBool(v))
		sb_add(out, cJSON_IsTrue(v) ? "true" : "false");
	else if (cJSON_IsNumber(v))
		sb_addf(out, "%lld", (long long)v->valuedouble);
	else if (strcmp(field, "spec.unschedulable") == 0 || strcmp(field, "spec.hostNetwork") == 0)
		sb_add(out, "false");
}

static bool
field_terms_match(const struct vec *terms, const cJSON *doc)
{
	struct strbuf val = STRBUF_INIT;
	bool ok = true;

	for (size_t i = 0; i < terms->n && ok; i++) {
		const struct field_term *t = terms->v[i];

		field_value(doc, t->field, &val);
		ok = (strcmp(sb_str(&val), t->value) == 0) != t->negate;
	}
	sb_free(&val);
	return ok;
}

/* ---- reads ---- */

static char *
list_rv(const struct cluster *c)
{
	return xasprintf("%llu", (unsigned long long)store_resource_version(c->store));
}

static int
get_object(struct cluster *c, const struct target *t, struct api_response *resp)
{
	struct object *o = store_get(c->store, t->r->k, target_ns(t), t->name);

	if (o == NULL)
		return fail_not_found(resp, t, t->name);
	return respond(resp, 200, encode_object(o, cluster_now(c)));
}

/*
 * The objects of t's collection that the request's labelSelector and
 * fieldSelector choose, in the server's order: encoded into items (when not
 * NULL), the objects themselves into chosen (when not NULL).
 */
static int
select_objects(struct cluster *c, const struct api_request *rq, const struct target *t,
    cJSON *items, struct vec *chosen, struct api_response *resp)
{
	const char *label_sel = api_param(rq, "labelSelector");
	const char *field_sel = api_param(rq, "fieldSelector");
	struct label_selector sel;
	struct vec objs = VEC_INIT, terms = VEC_INIT;
	struct ks_err err;

	if (sel_parse(label_sel ? label_sel : "", &sel, &err) < 0)
		return fail(resp, 400, "BadRequest", err.msg);
	if (field_sel != NULL && field_selector_parse(t->r->k, field_sel, &terms, &err) < 0) {
		sel_free(&sel);
		field_terms_free(&terms);
		return fail(resp, 400, "BadRequest", err.msg);
	}
	store_list_sorted(c->store, t->r->k, target_ns(t), &objs);
	for (size_t i = 0; i < objs.n; i++) {
		struct object *o = objs.v[i];
		cJSON *doc;

		if (!sel_matches(&sel, &o->meta.labels))
			continue;
		/* Encoded only when wanted: a Table needs no documents (get_table). */
		doc = items != NULL || terms.n > 0 ? encode_object(o, cluster_now(c)) : NULL;
		if (doc != NULL && !field_terms_match(&terms, doc)) {
			encode_free(doc);
			continue;
		}
		if (items != NULL)
			cJSON_AddItemToArray(items, doc);
		else
			encode_free(doc);
		if (chosen != NULL)
			vec_push(chosen, o);
	}
	sel_free(&sel);
	field_terms_free(&terms);
	vec_free(&objs);
	return 0;
}

static cJSON *
list_doc(struct cluster *c, const struct target *t, cJSON **items)
{
	cJSON *doc = cJSON_CreateObject(), *meta;
	char *kind = xasprintf("%sList", t->r->kind), *rv = list_rv(c);

	cJSON_AddStringToObject(doc, "kind", kind);
	cJSON_AddStringToObject(doc, "apiVersion", t->r->group_version);
	meta = cJSON_AddObjectToObject(doc, "metadata");
	cJSON_AddStringToObject(meta, "resourceVersion", rv);
	*items = cJSON_AddArrayToObject(doc, "items");
	free(kind);
	free(rv);
	return doc;
}

static int
get_list(struct cluster *c, const struct api_request *rq, const struct target *t,
    struct api_response *resp)
{
	cJSON *items, *doc = list_doc(c, t, &items);

	if (select_objects(c, rq, t, items, NULL, resp) != 0) {
		cJSON_Delete(doc);
		return resp->code;
	}
	return respond(resp, 200, doc);
}

/*
 * Server-side printing: the object or the list as a meta.k8s.io Table, for
 * the Accept kubectl get sends (handlers/response.go transformResponseObject:
 * the TableOptions are read and checked once the object is got).
 */
static int
get_table(struct cluster *c, const struct api_request *rq, const struct target *t,
    struct api_response *resp)
{
	struct api_table_opts to = {api_table_accept(rq->accept), API_INCLUDE_METADATA,
		t->name != NULL, NULL, false, cluster_now(c)};
	struct vec chosen = VEC_INIT;
	struct ks_err err;
	char *rv = NULL;
	int rc;

	if (t->name != NULL) {
		struct object *o = store_get(c->store, t->r->k, target_ns(t), t->name);

		if (o == NULL)
			return fail_not_found(resp, t, t->name);
		vec_push(&chosen, o);
	} else {
		rc = select_objects(c, rq, t, NULL, &chosen, resp);
		if (rc != 0) {
			vec_free(&chosen);
			return resp->code;
		}
		to.list_rv = rv = list_rv(c);
	}
	if (api_table_include(api_param(rq, "includeObject"), &to.include, &err) < 0)
		rc = fail(resp, 400, "BadRequest", err.msg);
	else {
		/*
		 * Written as text, not built as a document: a Table of 1,000 pods
		 * is a 700 KB answer, and the tree cost most of the time to send
		 * it. A raw node carries it to the front, which copies it out as is.
		 */
		struct strbuf sb = STRBUF_INIT;
		cJSON *raw = cJSON_CreateRaw("");

		api_table_write(t->r->k, (struct object *const *)chosen.v, chosen.n, &to, &sb);
		cJSON_free(raw->valuestring);
		raw->valuestring = sb_take(&sb);
		rc = respond(resp, 200, raw);
	}
	free(rv);
	vec_free(&chosen);
	return rc;
}

/* ---- writes ---- */

/* dryRun and fieldValidation (handlers/rest.go, fieldmanager's defaults: Warn when unset). */
static int
write_opts(const struct api_request *rq, struct api_opts *o, struct strbuf *warnings,
    struct api_response *resp)
{
	const char *dry = api_param(rq, "dryRun"), *fv = api_param(rq, "fieldValidation");

	memset(o, 0, sizeof *o);
	if (dry != NULL && strcmp(dry, "All") != 0) {
		char *msg = xasprintf("Invalid dryRun value: %s; only \"All\" is supported", dry);

		fail(resp, 400, "BadRequest", msg);
		free(msg);
		return -1;
	}
	o->dry_run = dry != NULL;
	if (fv == NULL || strcmp(fv, "Warn") == 0)
		o->field_validation = API_FIELDS_WARN;
	else if (strcmp(fv, "Strict") == 0)
		o->field_validation = API_FIELDS_STRICT;
	else if (strcmp(fv, "Ignore") == 0)
		o->field_validation = API_FIELDS_IGNORE;
	else {
		char *msg = xasprintf("fieldValidation parameter %s is invalid; must be one of "
				      "Ignore, Warn, or Strict", fv);

		fail(resp, 400, "BadRequest", msg);
		free(msg);
		return -1;
	}
	o->warnings = warnings;
	return 0;
}

/* The body as JSON: JSON itself, or YAML (application/yaml) read as kubectl's yaml.ToJSON does. */
static cJSON *
body_json(const struct api_request *rq, struct api_response *resp)
{
	const char *ct = rq->content_type ? rq->content_type : "";
	struct ks_err err;
	cJSON *doc = NULL;

	if (rq->body == NULL || rq->body_len == 0) {
		fail(resp, 400, "BadRequest", "the body of the request was empty");
		return NULL;
	}
	if (strncmp(ct, "application/yaml", 16) == 0) {
		if (decode_yaml_to_json("body", rq->body, rq->body_len, &doc, &err) < 0) {
			fail(resp, 400, "BadRequest", err.msg);
			return NULL;
		}
		return doc;
	}
	doc = cJSON_ParseWithLength(rq->body, rq->body_len);
	if (doc == NULL) {
		size_t at = (size_t)(cJSON_GetErrorPtr() - rq->body);
		char *msg = xasprintf("couldn't get version/kind; json parse error: invalid character "
				      "at offset %zu",
		    at < rq->body_len ? at : rq->body_len);

		fail(resp, 400, "BadRequest", msg);
		free(msg);
	}
	return doc;
}

/*
 * The object of a POST or PUT body, checked against the path: its kind,
 * namespace and (for a PUT) name (handlers/create.go, update.go).
 */
static struct object *
body_object(const struct api_request *rq, const struct target *t, struct strbuf *unknown,
    struct api_response *resp)
{
	cJSON *doc = body_json(rq, resp);
	struct object *obj = NULL;
	struct ks_err err;
	char *msg = NULL;

	if (doc == NULL)
		return NULL;
	/* The path's kind is the decoder's default (handlers/create.go: scope.Kind). */
	if (cJSON_IsObject(doc) && !cJSON_HasObjectItem(doc, "apiVersion"))
		cJSON_AddStringToObject(doc, "apiVersion", t->r->group_version);
	if (cJSON_IsObject(doc) && !cJSON_HasObjectItem(doc, "kind"))
		cJSON_AddStringToObject(doc, "kind", t->r->kind);
	if (decode_json_doc(doc, &obj, unknown, &err) < 0) {
		msg = xasprintf("%s in version \"%s\" cannot be handled as a %s: %s", t->r->kind,
		    strchr(t->r->group_version, '/') ? strchr(t->r->group_version, '/') + 1 :
							 t->r->group_version,
		    t->r->kind, err.msg);
		fail(resp, 400, "BadRequest", msg);
	} else if (obj->kind != t->r->k) {
		msg = xasprintf("the API version in the data (%s) does not match the expected API "
				"version (%s)",
		    kind_api_version(obj->kind), t->r->group_version);
		fail(resp, 400, "BadRequest", msg);
	} else if (t->r->namespaced && obj->meta.ns != NULL && obj->meta.ns[0] != '\0' &&
	    t->ns != NULL && strcmp(obj->meta.ns, t->ns) != 0) {
		fail(resp, 400, "BadRequest",
		    "the namespace of the provided object does not match the namespace sent on the "
		    "request");
	} else if (t->name != NULL && obj->meta.name != NULL && strcmp(obj->meta.name, t->name) != 0) {
		msg = xasprintf("the name of the object (%s) does not match the name on the URL (%s)",
		    obj->meta.name, t->name);
		fail(resp, 400, "BadRequest", msg);
	} else {
		if (t->r->namespaced && (obj->meta.ns == NULL || obj->meta.ns[0] == '\0')) {
			meta_set_ns(&obj->meta, t->ns);
		}
		if (t->name != NULL && obj->meta.name == NULL)
			obj->meta.name = xstrdup(t->name);
		cJSON_Delete(doc);
		return obj;
	}
	free(msg);
	object_free(obj);
	cJSON_Delete(doc);
	return NULL;
}

/* Warnings as the API layer words them ("Warning: x\n") to header texts ("x\n"). */
static void
take_warnings(const struct strbuf *w, struct api_response *resp)
{
	const char *p = sb_str(w);

	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (strncmp(p, "Warning: ", 9) == 0) {
			p += 9;
			n -= 9;
		}
		sb_addn(&resp->warnings, p, n);
		sb_addc(&resp->warnings, '\n');
		p += n + (end != NULL);
	}
}

/* A successful write's answer: the object, then a dry run's candidate freed. */
static int
respond_written(struct cluster *c, int code, struct object *out, bool free_out,
    struct api_response *resp)
{
	cJSON *doc = api_encode_result(c, out);

	if (free_out)
		object_free(out);
	return respond(resp, code, doc);
}

/* POST (create, 201) or PUT (update) of the whole object in the body. */
static int
write_whole(struct cluster *c, const struct api_request *rq, const struct target *t, bool create,
    struct api_response *resp)
{
	struct strbuf unknown = STRBUF_INIT, warnings = STRBUF_INIT;
	struct api_status st;
	struct api_opts o;
	struct object *obj, *out;
	int rc;

	if (write_opts(rq, &o, &warnings, resp) < 0)
		return resp->code;
	if (create && t->r->namespaced && t->ns == NULL)
		return fail_path(resp);
	if ((obj = body_object(rq, t, &unknown, resp)) == NULL) {
		sb_free(&unknown);
		return resp->code;
	}
	o.unknown_fields = sb_str(&unknown);
	api_status_init(&st);
	if ((create ? api_create(c, obj, &o, &out, &st) : api_update(c, obj, &o, &out, &st)) == 0)
		rc = respond_written(c, create ? 201 : 200, out, o.dry_run, resp);
	else
		rc = fail_status(resp, &st);
	take_warnings(&warnings, resp);
	api_status_free(&st);
	sb_free(&unknown);
	sb_free(&warnings);
	return rc;
}

/* The patch types a server takes, by Content-Type (handlers/patch.go). */
static int
patch_type_of(const char *ct)
{
	static const struct {
		const char *type;
		enum patch_type t;
	} types[] = {
		{"application/json-patch+json", PATCH_JSON},
		{"application/merge-patch+json", PATCH_MERGE},
		{"application/strategic-merge-patch+json", PATCH_STRATEGIC},
	};

	for (size_t i = 0; ct != NULL && i < sizeof types / sizeof types[0]; i++)
		if (strncmp(ct, types[i].type, strlen(types[i].type)) == 0)
			return (int)types[i].t;
	return -1;
}

static int
patch(struct cluster *c, const struct api_request *rq, const struct target *t,
    struct api_response *resp)
{
	struct strbuf warnings = STRBUF_INIT;
	struct api_status st;
	struct api_opts o;
	struct object *out;
	int type = patch_type_of(rq->content_type), rc;
	bool changed = false;
	cJSON *doc;

	if (type < 0) {
		char *msg = xasprintf("the body of the request was in an unknown format - accepted "
				      "media types include: application/json-patch+json, "
				      "application/merge-patch+json, "
				      "application/strategic-merge-patch+json");

		/* Server-side apply (application/apply-patch+yaml) is not simulated. */
		fail(resp, 415, "UnsupportedMediaType", msg);
		free(msg);
		return 415;
	}
	if (write_opts(rq, &o, &warnings, resp) < 0)
		return resp->code;
	doc = cJSON_ParseWithLength(rq->body ? rq->body : "", rq->body_len);
	if (doc == NULL) {
		sb_free(&warnings);
		return fail(resp, 400, "BadRequest", "error decoding patch: invalid JSON");
	}
	api_status_init(&st);
	if (api_patch(c, t->r->k, target_ns(t), t->name, type, doc, &o, &out, &changed, &st) == 0)
		rc = respond_written(c, 200, out, o.dry_run && changed, resp);
	else
		rc = fail_status(resp, &st);
	take_warnings(&warnings, resp);
	api_status_free(&st);
	sb_free(&warnings);
	cJSON_Delete(doc);
	return rc;
}

/* DeleteOptions from the body (a DeleteOptions or an Eviction's) and the query. */
static int
delete_opts(const struct api_request *rq, const cJSON *opts, struct api_delete_opts *d,
    struct api_response *resp)
{
	const char *grace = api_param(rq, "gracePeriodSeconds");
	const char *prop = api_param(rq, "propagationPolicy");
	const cJSON *v;

	d->dry_run = api_param(rq, "dryRun") != NULL;
	d->grace_s = -1;
	d->propagation = API_PROPAGATE_DEFAULT;
	d->uid = NULL;
	if (grace != NULL)
		d->grace_s = strtoll(grace, NULL, 10);
	if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(opts, "gracePeriodSeconds")))
		d->grace_s = (int64_t)v->valuedouble;
	if (cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(opts, "propagationPolicy")))
		prop = v->valuestring;
	if (cJSON_IsArray(v = cJSON_GetObjectItemCaseSensitive(opts, "dryRun")) &&
	    cJSON_GetArraySize(v) > 0)
		d->dry_run = true;
	if (cJSON_IsObject(v = cJSON_GetObjectItemCaseSensitive(opts, "preconditions")) &&
	    cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(v, "uid")))
		d->uid = v->valuestring;
	if (prop == NULL)
		return 0;
	if (strcmp(prop, "Orphan") == 0)
		d->propagation = API_PROPAGATE_ORPHAN;
	else if (strcmp(prop, "Background") == 0)
		d->propagation = API_PROPAGATE_BACKGROUND;
	else if (strcmp(prop, "Foreground") == 0)
		d->propagation = API_PROPAGATE_FOREGROUND;
	else {
		char *msg = xasprintf("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: "
				      "Unsupported value: \"%s\": supported values: \"Foreground\", "
				      "\"Background\", \"Orphan\", \"nil\"",
		    prop);

		fail(resp, 422, "Invalid", msg);
		free(msg);
		return -1;
	}
	return 0;
}

/* metav1.Status success for a deletion that returns no object (registry/store.go). */
static cJSON *
deleted_status(const struct target *t, const struct object *o)
{
	const char *av = t->r->group_version, *slash = strchr(av, '/');
	cJSON *st = cJSON_CreateObject(), *d;
	char *group = xstrndup(av, slash ? (size_t)(slash - av) : 0);

	cJSON_AddStringToObject(st, "kind", "Status");
	cJSON_AddStringToObject(st, "apiVersion", "v1");
	cJSON_AddObjectToObject(st, "metadata");
	cJSON_AddStringToObject(st, "status", "Success");
	d = cJSON_AddObjectToObject(st, "details");
	cJSON_AddStringToObject(d, "name", o->meta.name);
	cJSON_AddStringToObject(d, "group", group);
	cJSON_AddStringToObject(d, "kind", t->r->name);
	cJSON_AddStringToObject(d, "uid", o->meta.uid ? o->meta.uid : "");
	free(group);
	return st;
}

/*
 * Delete o; the answer is the object when it stays (202, graceful or held by
 * a finalizer) or, gone, the last object for pods (whose registry returns
 * it) and a Status for the rest (handlers/delete.go).
 */
static int
delete_one(struct cluster *c, const struct target *t, struct object *o,
    const struct api_delete_opts *d, cJSON **answer, struct api_status *st)
{
	enum kind k = o->kind;
	char *ns = o->meta.ns ? xstrdup(o->meta.ns) : NULL, *name = xstrdup(o->meta.name);
	cJSON *last = encode_object(o, cluster_now(c)), *status = deleted_status(t, o);
	struct object *after;
	int code = 200;

	if (api_delete(c, o, d, st) < 0) {
		encode_free(last);
		cJSON_Delete(status);
		free(ns);
		free(name);
		return -1;
	}
	after = store_get(c->store, k, kind_namespaced(k) ? ns : NULL, name);
	if (after != NULL && !d->dry_run) {
		encode_free(last);
		last = encode_object(after, cluster_now(c));
		code = 202;
	}
	if (k == KIND_POD || code == 202) {
		*answer = last;
		cJSON_Delete(status);
	} else {
		*answer = status;
		encode_free(last);
	}
	free(ns);
	free(name);
	return code;
}

static int
delete(struct cluster *c, const struct api_request *rq, const struct target *t,
    struct api_response *resp)
{
	struct api_delete_opts d;
	struct api_status st;
	struct object *o;
	cJSON *opts = NULL, *answer = NULL;
	int code;

	if (rq->body != NULL && rq->body_len > 0 &&
	    (opts = cJSON_ParseWithLength(rq->body, rq->body_len)) == NULL)
		return fail(resp, 400, "BadRequest", "couldn't decode DeleteOptions: invalid JSON");
	if (delete_opts(rq, opts, &d, resp) < 0) {
		cJSON_Delete(opts);
		return resp->code;
	}
	if (t->name == NULL) {
		/* deletecollection: the list of what was deleted (registry/store.go DeleteCollection). */
		struct vec chosen = VEC_INIT;
		cJSON *items, *doc = list_doc(c, t, &items);

		if (select_objects(c, rq, t, items, &chosen, resp) != 0) {
			cJSON_Delete(doc);
			cJSON_Delete(opts);
			return resp->code;
		}
		for (size_t i = 0; i < chosen.n; i++) {
			api_status_init(&st);
			if (delete_one(c, t, chosen.v[i], &d, &answer, &st) >= 0)
				cJSON_Delete(answer);
			api_status_free(&st);
		}
		vec_free(&chosen);
		cJSON_Delete(opts);
		return respond(resp, 200, doc);
	}
	o = store_get(c->store, t->r->k, target_ns(t), t->name);
	if (o == NULL) {
		cJSON_Delete(opts);
		return fail_not_found(resp, t, t->name);
	}
	api_status_init(&st);
	code = delete_one(c, t, o, &d, &answer, &st);
	if (code < 0)
		code = fail_status(resp, &st);
	else
		respond(resp, code, answer);
	api_status_free(&st);
	cJSON_Delete(opts);
	return code;
}

/*
 * POST pods/NAME/eviction (policy/v1): with no PodDisruptionBudgets
 * simulated every eviction is allowed, and is the pod's deletion with the
 * Eviction's DeleteOptions (pkg/registry/core/pod/storage/eviction.go).
 */
static int
evict(struct cluster *c, const struct api_request *rq, const struct target *t,
    struct api_response *resp)
{
	struct api_delete_opts d;
	struct api_status st;
	struct object *o;
	cJSON *ev = body_json(rq, resp), *answer = NULL;
	int code;

	if (ev == NULL)
		return resp->code;
	if (delete_opts(rq, cJSON_GetObjectItemCaseSensitive(ev, "deleteOptions"), &d, resp) < 0) {
		cJSON_Delete(ev);
		return resp->code;
	}
	o = store_get(c->store, KIND_POD, t->ns, t->name);
	if (o == NULL) {
		cJSON_Delete(ev);
		return fail_not_found(resp, t, t->name);
	}
	api_status_init(&st);
	code = delete_one(c, t, o, &d, &answer, &st);
	if (code < 0)
		code = fail_status(resp, &st);
	else {
		cJSON *ok = cJSON_CreateObject();

		cJSON_Delete(answer);
		cJSON_AddStringToObject(ok, "kind", "Status");
		cJSON_AddStringToObject(ok, "apiVersion", "v1");
		cJSON_AddObjectToObject(ok, "metadata");
		cJSON_AddStringToObject(ok, "status", "Success");
		code = respond(resp, 201, ok);
	}
	api_status_free(&st);
	cJSON_Delete(ev);
	return code;
}

/* ---- watches ---- */

struct api_watch {
	struct target t;
	struct label_selector sel;
	struct vec terms;
};

bool
api_param_true(const struct api_request *rq, const char *key)
{
	static const char *const yes[] = {"1", "t", "T", "TRUE", "true", "True"};
	const char *v = api_param(rq, key);

	/* strconv.ParseBool, which the query's decoding uses. */
	for (size_t i = 0; v != NULL && i < sizeof yes / sizeof yes[0]; i++)
		if (strcmp(v, yes[i]) == 0)
			return true;
	return false;
}

bool
api_is_watch(const struct api_request *rq)
{
	return strcmp(rq->method, "GET") == 0 && api_param_true(rq, "watch");
}

struct api_watch *
api_watch_parse(const struct api_request *rq, struct api_response *resp)
{
	struct api_watch *w = xcalloc(1, sizeof *w);
	const char *label_sel = api_param(rq, "labelSelector");
	const char *field_sel = api_param(rq, "fieldSelector");
	struct ks_err err;

	vec_init(&w->terms);
	if (!route(rq->path, &w->t) || w->t.sub != NULL) {
		target_free(&w->t);
		free(w);
		fail_path(resp);
		return NULL;
	}
	if (sel_parse(label_sel ? label_sel : "", &w->sel, &err) < 0) {
		target_free(&w->t);
		free(w);
		fail(resp, 400, "BadRequest", err.msg);
		return NULL;
	}
	if (field_sel != NULL && field_selector_parse(w->t.r->k, field_sel, &w->terms, &err) < 0) {
		fail(resp, 400, "BadRequest", err.msg);
		api_watch_free(w);
		return NULL;
	}
	return w;
}

bool
api_watch_single(const struct api_watch *w)
{
	if (w->t.name != NULL)
		return true;
	for (size_t i = 0; i < w->terms.n; i++) {
		const struct field_term *t = w->terms.v[i];

		if (!t->negate && strcmp(t->field, "metadata.name") == 0)
			return true;
	}
	return false;
}

const struct api_resource *
api_watch_resource(const struct api_watch *w)
{
	return w->t.r;
}

bool
api_watch_matches(const struct api_watch *w, enum kind k, const cJSON *doc)
{
	const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "metadata");
	const cJSON *ns = cJSON_GetObjectItemCaseSensitive(meta, "namespace");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(meta, "name");
	const cJSON *labels = cJSON_GetObjectItemCaseSensitive(meta, "labels"), *it;
	struct labels l;
	bool ok;

	if (k != w->t.r->k)
		return false;
	if (target_ns(&w->t) != NULL && (!cJSON_IsString(ns) || strcmp(ns->valuestring, w->t.ns) != 0))
		return false;
	if (w->t.name != NULL && (!cJSON_IsString(name) || strcmp(name->valuestring, w->t.name) != 0))
		return false;
	labels_init(&l);
	cJSON_ArrayForEach(it, labels)
		if (cJSON_IsString(it))
			labels_set(&l, it->string, it->valuestring);
	ok = sel_matches(&w->sel, &l) && field_terms_match(&w->terms, doc);
	labels_free(&l);
	return ok;
}

void
api_watch_initial(struct cluster *c, const struct api_watch *w, cJSON *items)
{
	struct vec objs = VEC_INIT;

	store_list_sorted(c->store, w->t.r->k, target_ns(&w->t), &objs);
	for (size_t i = 0; i < objs.n; i++) {
		cJSON *doc = encode_object(objs.v[i], cluster_now(c));

		if (api_watch_matches(w, w->t.r->k, doc))
			cJSON_AddItemToArray(items, doc);
		else
			encode_free(doc);
	}
	vec_free(&objs);
}

void
api_watch_free(struct api_watch *w)
{
	if (w == NULL)
		return;
	target_free(&w->t);
	sel_free(&w->sel);
	field_terms_free(&w->terms);
	free(w);
}

/* ---- dispatch ---- */

static int
not_allowed(struct api_response *resp, const struct api_request *rq)
{
	char *msg = xasprintf("the server does not allow this method on the requested resource");

	(void)rq;
	fail(resp, 405, "MethodNotAllowed", msg);
	free(msg);
	return 405;
}

/*
 * A namespace's ResourceQuotas and LimitRanges: none are simulated, and
 * the lists are empty, so `kubectl describe ns` says "No resource quota."
 * and "No LimitRange resource." as on a cluster without any (a 404 would
 * make it leave both out).
 */
static bool
empty_policy_list(const char *path, struct api_response *resp)
{
	static const char *const kinds[][2] = {{"resourcequotas", "ResourceQuotaList"},
		{"limitranges", "LimitRangeList"}};
	const char *p = path, *slash;
	cJSON *doc;

	if (strncmp(p, "/api/v1/namespaces/", 19) != 0)
		return false;
	p += 19;
	if ((slash = strchr(p, '/')) == NULL || slash == p)
		return false;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(slash + 1, kinds[i][0]) != 0)
			continue;
		doc = cJSON_CreateObject();
		cJSON_AddStringToObject(doc, "kind", kinds[i][1]);
		cJSON_AddStringToObject(doc, "apiVersion", "v1");
		cJSON_AddObjectToObject(doc, "metadata");
		cJSON_AddArrayToObject(doc, "items");
		respond(resp, 200, doc);
		return true;
	}
	return false;
}

int
api_rest(struct cluster *c, const struct api_request *rq, struct api_response *resp)
{
	struct target t;
	const char *m = rq->method;
	int rc;

	if (!route(rq->path, &t)) {
		target_free(&t);
		if (strcmp(m, "GET") == 0 && empty_policy_list(rq->path, resp))
			return 200;
		return fail_path(resp);
	}
	if (t.sub != NULL && strcmp(t.sub, "eviction") == 0)
		rc = strcmp(m, "POST") == 0 ? evict(c, rq, &t, resp) : not_allowed(resp, rq);
	else if (t.sub != NULL && strcmp(t.sub, "log") == 0)
		/* Containers write no logs yet (issue 14): the log of a pod that exists is empty. */
		rc = strcmp(m, "GET") != 0 ? not_allowed(resp, rq) :
		    store_get(c->store, KIND_POD, t.ns, t.name) == NULL ?
					     fail_not_found(resp, &t, t.name) :
					     respond(resp, 200, cJSON_CreateString(""));
	else if (t.sub != NULL && strcmp(m, "GET") != 0)
		rc = not_allowed(resp, rq); /* status writes: controllers' business here */
	else if (strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0) {
		if (api_is_watch(rq))
			rc = fail(resp, 400, "BadRequest", "watch is served by the front end");
		else if (t.sub == NULL && api_table_accept(rq->accept) != NULL)
			rc = get_table(c, rq, &t, resp);
		else
			rc = t.name != NULL ? get_object(c, &t, resp) : get_list(c, rq, &t, resp);
	} else if (strcmp(m, "POST") == 0)
		rc = t.name == NULL ? write_whole(c, rq, &t, true, resp) : not_allowed(resp, rq);
	else if (strcmp(m, "PUT") == 0)
		rc = t.name != NULL ? write_whole(c, rq, &t, false, resp) : not_allowed(resp, rq);
	else if (strcmp(m, "PATCH") == 0)
		rc = t.name != NULL ? patch(c, rq, &t, resp) : not_allowed(resp, rq);
	else if (strcmp(m, "DELETE") == 0)
		rc = delete(c, rq, &t, resp);
	else
		rc = not_allowed(resp, rq);
	target_free(&t);
	return rc;
}
