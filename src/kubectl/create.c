/*
 * create.c - `kubectl create -f`, `kubectl apply -f` and `kubectl replace -f`.
 *
 * Both read manifests, then act object by object as the API server would:
 * admission defaults, validation with the server's messages, the registry
 * strategy (generation, templateGeneration), and the write. A failing
 * object does not stop the others; the exit status is 1 if any failed, as
 * kubectl's aggregate error makes it.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "apiserver/apiserver.h"
#include "cluster.h"
#include "codec/jsontext.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/err.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define VALIDATE_FLAG \
	{"validate", 0, KF_STRING, "strict", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. \"warn\" will warn about unknown or duplicate fields without blocking the request. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.", "strict"}

static const struct kctl_flag create_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "Filename, directory, or URL to files to use to create the resource", NULL},
	VALIDATE_FLAG,
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag replace_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "The files that contain the configurations to replace.", NULL},
	VALIDATE_FLAG,
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag apply_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "The files that contain the configurations to apply.", NULL},
	VALIDATE_FLAG,
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* Exchange two fields of the same type (moving one object's parts into another). */
#define SWAP_FIELD(a, b)                                                                           \
	do {                                                                                       \
		__typeof__(a) swap_tmp_ = (a);                                                     \
		(a) = (b);                                                                         \
		(b) = swap_tmp_;                                                                   \
	} while (0)

/* The namespace an object goes to: its own, or -n; a clash is kubectl's error. */
static bool
place_namespace(struct kctl_call *call, struct object *obj)
{
	if (!kind_namespaced(obj->kind))
		return true;
	if (obj->meta.ns != NULL && call->ns_set && strcmp(obj->meta.ns, call->ns) != 0) {
		kctl_error(call,
		    "the namespace from the provided object \"%s\" does not match the namespace \"%s\". You must pass '--namespace=%s' to perform this operation.",
		    obj->meta.ns, call->ns, obj->meta.ns);
		return false;
	}
	if (obj->meta.ns == NULL)
		obj->meta.ns = xstrdup(call->ns);
	return true;
}

/* What one object of a manifest brings along to the request. */
struct sent {
	const char *source;  /* as kubectl names it: the path, or STDIN */
	cJSON *doc;          /* the manifest's document */
	const char *unknown; /* the decoder's unknown-field warnings */
	enum kctl_dry_run dry;
};

static void
api_opts_for(struct kctl_call *call, const struct sent *s, struct api_opts *o,
    struct strbuf *warnings)
{
	const char *v = kctl_str(call, "validate");

	o->dry_run = s->dry == KCTL_DRY_SERVER;
	o->field_validation = strcmp(v, "warn") == 0 ? API_FIELDS_WARN :
	    strcmp(v, "ignore") == 0 || strcmp(v, "false") == 0 ? API_FIELDS_IGNORE :
								    API_FIELDS_STRICT;
	o->unknown_fields = s->unknown;
	o->warnings = warnings;
}

/*
 * --dry-run=client: kubectl sends nothing and prints the object it read,
 * with the namespace it would have sent it to.
 */
static bool
print_client_dry_run(struct kctl_call *call, const struct object *obj, const struct sent *s,
    const char *operation)
{
	cJSON *doc = s->doc ? cJSON_Duplicate(s->doc, true) : NULL;

	if (doc != NULL && kind_namespaced(obj->kind)) {
		cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "metadata");

		if (cJSON_IsObject(meta) && !cJSON_HasObjectItem(meta, "namespace"))
			cJSON_AddStringToObject(meta, "namespace", obj->meta.ns);
	}
	kctl_write_print(call, obj, doc, operation, s->dry);
	cJSON_Delete(doc);
	return true;
}

/* Prints a successful write's result; frees a dry run's candidate. */
static void
print_result(struct kctl_call *call, struct object *out, const struct sent *s,
    const char *operation)
{
	const char *fmt = kctl_str(call, "output");
	cJSON *doc = NULL;

	if (fmt[0] != '\0' && strcmp(fmt, "name") != 0)
		doc = api_encode_result(call->c, out);
	if (kctl_write_print(call, out, doc, operation, s->dry) != 0)
		call->res->status = 1;
	if (doc != NULL)
		cJSON_Delete(doc);
	if (s->dry == KCTL_DRY_SERVER)
		object_free(out);
}

/* Create one object; consumes obj. Returns true when created. */
static bool
create_one(struct kctl_call *call, struct object *obj, const struct sent *s)
{
	struct strbuf warnings = STRBUF_INIT;
	struct api_status st;
	struct api_opts o;
	struct object *out;
	bool ok;

	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	if (s->dry == KCTL_DRY_CLIENT) {
		print_client_dry_run(call, obj, s, "created");
		object_free(obj);
		return true;
	}
	api_status_init(&st);
	api_opts_for(call, s, &o, &warnings);
	ok = api_create(call->c, obj, &o, &out, &st) == 0;
	kctl_err(call->res, "%s", sb_str(&warnings));
	if (ok)
		print_result(call, out, s, "created");
	else
		kctl_api_error(call, &st, "creating", s->source);
	sb_free(&warnings);
	api_status_free(&st);
	return ok;
}

static bool apply_one(struct kctl_call *call, struct object *obj, const struct sent *s);
static bool replace_one(struct kctl_call *call, struct object *obj, const struct sent *s);

enum write_mode {
	WRITE_CREATE,
	WRITE_APPLY,
	WRITE_REPLACE,
};

static int
run_sources(struct kctl_call *call, enum write_mode mode)
{
	static const char *const modes[] = {"true", "strict", "warn", "false", "ignore", NULL};
	const char *validate = kctl_str(call, "validate");
	struct vec srcs = VEC_INIT;
	enum kctl_dry_run dry;
	struct ks_err serr;
	int status = 0;
	size_t m;

	for (m = 0; modes[m] != NULL && strcmp(modes[m], validate) != 0; m++)
		;
	if (modes[m] == NULL)
		return kctl_error(call, "invalid - validate option \"%s\"; must be one of: strict (or true), warn, ignore (or false)", validate);
	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	if (!kctl_given(call, "filename"))
		return kctl_error(call, "must specify one of -f and -k");
	if (call->n_args > 0 && mode != WRITE_APPLY)
		return kctl_usage_error(call, "Unexpected args: [%s]", call->args[0]);
	if (kctl_sources(call, &srcs, &serr) < 0) {
		for (size_t i = 0; i < srcs.n; i++)
			free(srcs.v[i]);
		vec_free(&srcs);
		return kctl_error(call, "%s", serr.msg);
	}
	for (size_t i = 0; i < srcs.n; i++) {
		const char *src = srcs.v[i];
		struct vec objs = VEC_INIT, docs = VEC_INIT, warnings = VEC_INIT;
		struct ks_err err;

		if (kctl_read_manifests(call, src, &objs, &docs, &warnings, &err) < 0) {
			kctl_err(call->res, "error: %s\n", err.msg);
			status = 1;
		} else {
			if (objs.n == 0) {
				static const char *const verbs[] = {"create", "apply", "replace"};

				kctl_err(call->res, "error: no objects passed to %s\n", verbs[mode]);
				status = 1;
			}
			for (size_t j = 0; j < objs.n; j++) {
				struct sent s = {strcmp(src, "-") == 0 ? "STDIN" : src, docs.v[j],
					warnings.v[j], dry};
				struct object *o = objs.v[j];
				bool ok;

				ok = mode == WRITE_APPLY ? apply_one(call, o, &s)
				    : mode == WRITE_REPLACE ? replace_one(call, o, &s)
							     : create_one(call, o, &s);
				if (!ok)
					status = 1;
			}
		}
		for (size_t j = 0; j < docs.n; j++)
			cJSON_Delete(docs.v[j]);
		for (size_t j = 0; j < warnings.n; j++)
			free(warnings.v[j]);
		vec_free(&warnings);
		vec_free(&docs);
		vec_free(&objs);
		free(srcs.v[i]);
	}
	vec_free(&srcs);
	call->res->status = status ? 1 : call->res->status;
	return call->res->status;
}

static int
create_exec(struct kctl_call *call)
{
	return run_sources(call, WRITE_CREATE);
}

/* ---- apply ---- */

#define LAST_APPLIED "kubectl.kubernetes.io/last-applied-configuration"

/*
 * apply.GetModifiedConfiguration: the manifest as applied (not the
 * defaulted object), with the namespace kubectl filled in and its own
 * annotation left out, as compact JSON with sorted keys and a newline.
 */
static char *
applied_configuration(const cJSON *doc, const struct object *obj)
{
	cJSON *copy = cJSON_Duplicate(doc, true);
	cJSON *meta = cJSON_GetObjectItemCaseSensitive(copy, "metadata");
	cJSON *annots;
	struct strbuf sb = STRBUF_INIT;

	if (!cJSON_IsObject(meta)) {
		cJSON_DeleteItemFromObjectCaseSensitive(copy, "metadata");
		meta = cJSON_AddObjectToObject(copy, "metadata");
	}
	annots = cJSON_GetObjectItemCaseSensitive(meta, "annotations");
	if (!cJSON_IsObject(annots)) {
		cJSON_DeleteItemFromObjectCaseSensitive(meta, "annotations");
		annots = cJSON_AddObjectToObject(meta, "annotations");
	}
	cJSON_DeleteItemFromObjectCaseSensitive(annots, LAST_APPLIED);
	if (kind_namespaced(obj->kind) && obj->meta.ns != NULL) {
		cJSON_DeleteItemFromObjectCaseSensitive(meta, "namespace");
		cJSON_AddStringToObject(meta, "namespace", obj->meta.ns);
	}
	sb_init(&sb);
	encode_json_compact(copy, &sb);
	sb_addc(&sb, '\n');
	cJSON_Delete(copy);
	return sb_take(&sb);
}

/* apply's warning for an object that `create` made (patch.go / apply.go). */
static void
warn_missing_annotation(struct kctl_call *call, const struct object *live)
{
	const char *res = kind_resource(live->kind);
	const char *dot = strchr(res, '.');

	kctl_err(call->res,
	    "Warning: resource %.*s/%s is missing the " LAST_APPLIED
	    " annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
	    dot ? (int)(dot - res) : (int)strlen(res), res, live->meta.name);
}

static void
merge_meta(struct meta *dst, const struct meta *src)
{
	labels_copy(&dst->labels, &src->labels);
	for (size_t i = 0; i < src->annotations.n; i++)
		labels_set(&dst->annotations, src->annotations.v[i].key, src->annotations.v[i].value);
}

/*
 * The object apply sends: the live one with the manifest's spec, labels
 * and annotations. NULL when nothing would change ("unchanged").
 */
static struct object *
apply_candidate(struct object *obj, const struct object *live)
{
	struct object *cand = api_edit(live);
	bool same = false;

	switch (obj->kind) {
	case KIND_DAEMONSET: {
		struct daemonset *ds = (struct daemonset *)obj, *c = (struct daemonset *)cand;

		ds_set_defaults(ds);
		same = ds_spec_equal(ds, (const struct daemonset *)live) &&
		    labels_equal(&obj->meta.labels, &live->meta.labels) &&
		    labels_subset(&obj->meta.annotations, &live->meta.annotations);
		SWAP_FIELD(c->selector, ds->selector);
		SWAP_FIELD(c->tmpl, ds->tmpl);
		SWAP_FIELD(c->max_unavailable, ds->max_unavailable);
		SWAP_FIELD(c->max_surge, ds->max_surge);
		SWAP_FIELD(c->strategy_name, ds->strategy_name);
		c->strategy = ds->strategy;
		c->has_rolling = ds->has_rolling;
		c->min_ready_seconds = ds->min_ready_seconds;
		c->revision_history_limit = ds->revision_history_limit;
		merge_meta(&cand->meta, &obj->meta);
		break;
	}
	case KIND_POD: {
		struct pod *p = (struct pod *)obj, *c = (struct pod *)cand;

		same = labels_equal(&obj->meta.labels, &live->meta.labels) &&
		    labels_subset(&obj->meta.annotations, &live->meta.annotations);
		SWAP_FIELD(c->spec, p->spec);
		merge_meta(&cand->meta, &obj->meta);
		/* A spec change must still reach the server, which refuses it. */
		if (same) {
			pod_spec_set_defaults(&c->spec);
			same = pod_spec_equal(&c->spec, &((const struct pod *)live)->spec) ||
			    (c->spec.node_name == NULL &&
				((const struct pod *)live)->spec.node_name != NULL);
		}
		break;
	}
	case KIND_NODE: {
		const struct node *l = (const struct node *)live;
		struct node *n = (struct node *)obj, *c = (struct node *)cand;
		bool taints_same = n->n_taints == l->n_taints;

		for (size_t i = 0; taints_same && i < n->n_taints; i++)
			taints_same = node_find_taint(l, n->taints[i].key, n->taints[i].effect) != NULL;
		same = taints_same && n->unschedulable == l->unschedulable &&
		    labels_subset(&obj->meta.labels, &live->meta.labels);
		for (size_t i = 0; i < obj->meta.labels.n; i++)
			labels_set(&cand->meta.labels, obj->meta.labels.v[i].key,
			    obj->meta.labels.v[i].value);
		c->unschedulable = n->unschedulable;
		SWAP_FIELD(c->taints, n->taints);
		SWAP_FIELD(c->n_taints, n->n_taints);
		break;
	}
	default:
		break;
	}
	if (same) {
		object_free(cand);
		return NULL;
	}
	return cand;
}

static bool
apply_one(struct kctl_call *call, struct object *obj, const struct sent *s)
{
	struct strbuf warnings = STRBUF_INIT;
	struct object *live, *cand, *out;
	struct api_status st;
	struct api_opts o;
	char *applied;
	bool ok;

	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	if (obj->meta.name == NULL || obj->meta.name[0] == '\0') {
		kctl_error(call, "error when retrieving current configuration of:\nResource: \"%s\", Name: \"\", Namespace: \"%s\"\nfrom server for: \"%s\": resource name may not be empty",
		    kind_resource(obj->kind), obj->meta.ns ? obj->meta.ns : "", s->source);
		object_free(obj);
		return false;
	}
	applied = applied_configuration(s->doc, obj);
	labels_set(&obj->meta.annotations, LAST_APPLIED, applied);
	free(applied);
	live = store_get(call->c->store, obj->kind, obj->meta.ns, obj->meta.name);
	if (live == NULL)
		return create_one(call, obj, s);
	if (!labels_has(&live->meta.annotations, LAST_APPLIED))
		warn_missing_annotation(call, live);
	if (s->dry == KCTL_DRY_CLIENT) {
		print_client_dry_run(call, obj, s, "configured");
		object_free(obj);
		return true;
	}
	cand = apply_candidate(obj, live);
	object_free(obj);
	if (cand == NULL) {
		kctl_write_print(call, live, NULL, "unchanged", s->dry);
		return true;
	}
	api_status_init(&st);
	api_opts_for(call, s, &o, &warnings);
	ok = api_update(call->c, cand, &o, &out, &st) == 0;
	kctl_err(call->res, "%s", sb_str(&warnings));
	if (ok)
		print_result(call, out, s, "configured");
	else
		kctl_api_error(call, &st, "patching", s->source);
	sb_free(&warnings);
	api_status_free(&st);
	return ok;
}

static int
apply_exec(struct kctl_call *call)
{
	return run_sources(call, WRITE_APPLY);
}

/* ---- replace: a PUT of the whole object ---- */

static bool
replace_one(struct kctl_call *call, struct object *obj, const struct sent *s)
{
	struct strbuf warnings = STRBUF_INIT;
	struct api_status st;
	struct api_opts o;
	struct object *out;
	bool ok;

	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	if (s->dry == KCTL_DRY_CLIENT) {
		print_client_dry_run(call, obj, s, "replaced");
		object_free(obj);
		return true;
	}
	api_status_init(&st);
	api_opts_for(call, s, &o, &warnings);
	ok = api_update(call->c, obj, &o, &out, &st) == 0;
	kctl_err(call->res, "%s", sb_str(&warnings));
	if (ok)
		print_result(call, out, s, "replaced");
	else
		kctl_api_error(call, &st, "replacing", s->source);
	sb_free(&warnings);
	api_status_free(&st);
	return ok;
}

static int
replace_exec(struct kctl_call *call)
{
	return run_sources(call, WRITE_REPLACE);
}

const struct kctl_verb kctl_replace_verb = {
	.name = "replace",
	.short_help = "Replace a resource by file name or stdin",
	.usage = "kubectl replace -f FILENAME [options]",
	.flags = replace_flags,
	.exec = replace_exec,
};

const struct kctl_verb kctl_create_verb = {
	.name = "create",
	.short_help = "Create a resource from a file or from stdin",
	.usage = "kubectl create -f FILENAME [options]",
	.flags = create_flags,
	.exec = create_exec,
};

const struct kctl_verb kctl_apply_verb = {
	.name = "apply",
	.short_help = "Apply a configuration to a resource by file name or stdin",
	.usage = "kubectl apply (-f FILENAME | -k DIRECTORY) [options]",
	.flags = apply_flags,
	.exec = apply_exec,
};
