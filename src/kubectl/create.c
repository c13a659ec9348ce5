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
#include "api/defaults.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "api/validate.h"
#include "cluster.h"
#include "codec/jsontext.h"
#include "kubectl/kctl.h"
#include "util/err.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define VALIDATE_FLAG \
	{"validate", 0, KF_STRING, "strict", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. \"warn\" will warn about unknown or duplicate fields without blocking the request. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.", "strict"}

static const struct kctl_flag create_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "Filename, directory, or URL to files to use to create the resource", NULL},
	VALIDATE_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag replace_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "The files that contain the configurations to replace.", NULL},
	VALIDATE_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag apply_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "The files that contain the configurations to apply.", NULL},
	VALIDATE_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/*
 * DefaultTolerationSeconds admission: every pod tolerates not-ready and
 * unreachable for 300 s unless it already says otherwise.
 */
static void
admit_default_toleration_seconds(struct pod_spec *s)
{
	static const char *const keys[] = {"node.kubernetes.io/not-ready",
		"node.kubernetes.io/unreachable"};

	for (size_t i = 0; i < 2; i++) {
		struct taint t = {(char *)keys[i], "", EFFECT_NO_EXECUTE, -1};
		struct toleration tol;

		if (tolerations_tolerate(s->tolerations, s->n_tolerations, &t))
			continue;
		toleration_init(&tol, keys[i], TOL_EXISTS, "", EFFECT_NO_EXECUTE);
		tol.has_seconds = true;
		tol.seconds = 300;
		pod_add_toleration(s, &tol);
		toleration_free(&tol);
	}
}

/* Defaults, then validation; returns false (and reports) when invalid. */
static bool
admit(struct kctl_call *call, struct object *obj, const struct object *old)
{
	struct field_errors fe = {NULL, 0};
	struct strbuf msg = STRBUF_INIT;

	switch (obj->kind) {
	case KIND_DAEMONSET:
		defaults_daemonset((struct daemonset *)obj);
		valid_daemonset((struct daemonset *)obj, (const struct daemonset *)old, &fe);
		break;
	case KIND_POD:
		defaults_pod((struct pod *)obj);
		valid_pod((struct pod *)obj, &fe);
		break;
	case KIND_NODE:
		valid_node((struct node *)obj, &fe);
		break;
	default:
		break;
	}
	if (fe.n == 0)
		return true;
	valid_format(kind_name(obj->kind), obj->meta.name ? obj->meta.name : "", &fe, &msg);
	kctl_err(call->res, "%s\n", sb_str(&msg));
	call->res->status = 1;
	sb_free(&msg);
	field_errors_free(&fe);
	return false;
}

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

/* Create one object; consumes obj. Returns true when created. */
static bool
create_one(struct kctl_call *call, struct object *obj, const char *source, const char *verb)
{
	struct ks_err err;
	int rc;

	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	/* Defaulting and mutating admission come before validation. */
	if (obj->kind == KIND_POD) {
		defaults_pod((struct pod *)obj);
		if (defaults_admit_pod((struct pod *)obj, &err) < 0) {
			kctl_err(call->res, "Error from server (Forbidden): error when %s \"%s\": %s\n", verb,
			    source, err.msg);
			call->res->status = 1;
			object_free(obj);
			return false;
		}
	}
	if (!admit(call, obj, NULL)) {
		object_free(obj);
		return false;
	}
	if (obj->kind == KIND_DAEMONSET)
		ds_prepare_for_create((struct daemonset *)obj);
	if (obj->kind == KIND_POD)
		admit_default_toleration_seconds(&((struct pod *)obj)->spec);
	if (obj->kind == KIND_NODE) {
		/* A Node posted by hand registers like a kubelet would. */
		char *name = xstrdup(obj->meta.name);

		rc = cluster_add_node(call->c, (struct node *)obj, true, true, &err);
		if (rc < 0) {
			kctl_err(call->res, "Error from server (AlreadyExists): error when %s \"%s\": nodes \"%s\" already exists\n",
			    verb, source, name);
			call->res->status = 1;
			object_free(obj);
			free(name);
			return false;
		}
		kctl_out(call->res, "node/%s created\n", name);
		free(name);
		return true;
	}
	rc = store_create(call->c->store, obj, &err);
	if (rc == STORE_ERR_EXISTS) {
		kctl_err(call->res, "Error from server (AlreadyExists): error when %s \"%s\": %s\n",
		    verb, source, err.msg);
		call->res->status = 1;
		object_free(obj);
		return false;
	}
	if (rc != STORE_OK) {
		kctl_err(call->res, "Error from server (Invalid): error when %s \"%s\": %s\n", verb,
		    source, err.msg);
		call->res->status = 1;
		object_free(obj);
		return false;
	}
	kctl_out(call->res, "%s/%s created\n", kctl_type_name(obj->kind), obj->meta.name);
	return true;
}

static bool apply_one(struct kctl_call *call, struct object *obj, cJSON *doc, const char *source);
static bool replace_one(struct kctl_call *call, struct object *obj, const char *source);

enum write_mode {
	WRITE_CREATE,
	WRITE_APPLY,
	WRITE_REPLACE,
};

/*
 * Field validation (--validate, strict by default since kubectl 1.25): the
 * API server refuses an object with unknown fields, warns about them, or
 * drops them silently. Returns true when the object may be written.
 */
static bool
field_validation(struct kctl_call *call, const char *mode, const struct object *obj,
    const char *warnings, const char *verb, const char *source)
{
	const char *p = warnings;
	bool first = true;

	if (warnings == NULL || warnings[0] == '\0' || strcmp(mode, "ignore") == 0 ||
	    strcmp(mode, "false") == 0)
		return true;
	if (strcmp(mode, "warn") == 0) {
		kctl_err(call->res, "%s", warnings);
		return true;
	}
	kctl_err(call->res, "Error from server (BadRequest): error when %s \"%s\": %s in version \"v1\" cannot be handled as a %s: strict decoding error: ",
	    verb, source, kind_name(obj->kind), kind_name(obj->kind));
	/* Each "Warning: unknown field \"x\"" line becomes one item of the server's list. */
	while ((p = strstr(p, "unknown field")) != NULL) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		kctl_err(call->res, "%s%.*s", first ? "" : ", ", (int)n, p);
		first = false;
		p += n;
	}
	kctl_err(call->res, "\n");
	call->res->status = 1;
	return false;
}

static int
run_sources(struct kctl_call *call, enum write_mode mode)
{
	static const char *const modes[] = {"true", "strict", "warn", "false", "ignore", NULL};
	const char *validate = kctl_str(call, "validate");
	bool apply = mode == WRITE_APPLY;
	struct vec srcs = VEC_INIT;
	struct ks_err serr;
	int status = 0;
	size_t m;

	for (m = 0; modes[m] != NULL && strcmp(modes[m], validate) != 0; m++)
		;
	if (modes[m] == NULL)
		return kctl_error(call, "invalid - validate option \"%s\"; must be one of: strict (or true), warn, ignore (or false)", validate);
	if (!kctl_given(call, "filename"))
		return kctl_error(call, "must specify one of -f and -k");
	if (call->n_args > 0 && !apply)
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

		if (kctl_read_manifests(call, src, &objs, apply ? &docs : NULL, &warnings, &err) < 0) {
			kctl_err(call->res, "error: %s\n", err.msg);
			status = 1;
		} else {
			if (objs.n == 0) {
				static const char *const verbs[] = {"create", "apply", "replace"};

				kctl_err(call->res, "error: no objects passed to %s\n", verbs[mode]);
				status = 1;
			}
			for (size_t j = 0; j < objs.n; j++) {
				const char *shown = strcmp(src, "-") == 0 ? "STDIN" : src;
				struct object *o = objs.v[j];
				const char *verb = mode == WRITE_REPLACE ? "replacing" : "creating";
				bool ok;

				if (mode == WRITE_APPLY && o->meta.name != NULL &&
				    store_get(call->c->store, o->kind,
					kind_namespaced(o->kind) ? (o->meta.ns ? o->meta.ns : call->ns) : NULL,
					o->meta.name) != NULL)
					verb = "patching";
				if (!field_validation(call, validate, o, warnings.v[j], verb, shown)) {
					object_free(o);
					status = 1;
					continue;
				}
				ok = mode == WRITE_APPLY ? apply_one(call, o, docs.v[j], shown)
				    : mode == WRITE_REPLACE ? replace_one(call, o, shown)
							     : create_one(call, o, shown, "creating");
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

/* Move the spec of a freshly decoded DaemonSet into the stored one. */
static void
ds_take_spec(struct daemonset *dst, struct daemonset *src)
{
	struct label_selector sel = dst->selector;
	struct pod_template tmpl = dst->tmpl;
	struct intstr mu = dst->max_unavailable, ms = dst->max_surge;
	char *sname = dst->strategy_name;

	dst->selector = src->selector;
	dst->tmpl = src->tmpl;
	dst->max_unavailable = src->max_unavailable;
	dst->max_surge = src->max_surge;
	dst->strategy_name = src->strategy_name;
	src->selector = sel;
	src->tmpl = tmpl;
	src->max_unavailable = mu;
	src->max_surge = ms;
	src->strategy_name = sname;
	dst->strategy = src->strategy;
	dst->has_rolling = src->has_rolling;
	dst->min_ready_seconds = src->min_ready_seconds;
	dst->revision_history_limit = src->revision_history_limit;
	dst->template_generation = src->template_generation;
	dst->obj.meta.generation = src->obj.meta.generation;
	merge_meta(&dst->obj.meta, &src->obj.meta);
}

static bool
apply_daemonset(struct kctl_call *call, struct daemonset *ds, struct daemonset *old)
{
	bool same;

	if (!admit(call, &ds->obj, &old->obj))
		return false;
	ds_prepare_for_update(ds, old);
	/* The annotation is part of the subset: a new applied configuration is a change. */
	same = ds_spec_equal(ds, old) && labels_equal(&ds->obj.meta.labels, &old->obj.meta.labels) &&
	    labels_subset(&ds->obj.meta.annotations, &old->obj.meta.annotations);
	if (same) {
		kctl_out(call->res, "daemonset.apps/%s unchanged\n", old->obj.meta.name);
		return true;
	}
	ds_take_spec(old, ds);
	store_update(call->c->store, &old->obj);
	kctl_out(call->res, "daemonset.apps/%s configured\n", old->obj.meta.name);
	return true;
}

static bool
apply_pod(struct kctl_call *call, struct pod *p, struct pod *old)
{
	defaults_pod(p);
	defaults_admit_pod_update(p, old);
	admit_default_toleration_seconds(&p->spec);
	/* The scheduler's binding is not the user's to undo. */
	if (p->spec.node_name == NULL && old->spec.node_name != NULL)
		p->spec.node_name = xstrdup(old->spec.node_name);
	if (!pod_spec_equal(&p->spec, &old->spec)) {
		kctl_err(call->res, "The Pod \"%s\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n",
		    old->obj.meta.name);
		call->res->status = 1;
		return false;
	}
	if (labels_equal(&p->obj.meta.labels, &old->obj.meta.labels) &&
	    labels_subset(&p->obj.meta.annotations, &old->obj.meta.annotations)) {
		kctl_out(call->res, "pod/%s unchanged\n", old->obj.meta.name);
		return true;
	}
	merge_meta(&old->obj.meta, &p->obj.meta);
	store_update(call->c->store, &old->obj);
	kctl_out(call->res, "pod/%s configured\n", old->obj.meta.name);
	return true;
}

static bool
apply_node(struct kctl_call *call, struct node *n, struct node *old)
{
	bool taints_same = n->n_taints == old->n_taints;

	for (size_t i = 0; taints_same && i < n->n_taints; i++)
		taints_same = node_find_taint(old, n->taints[i].key, n->taints[i].effect) != NULL;
	if (taints_same && n->unschedulable == old->unschedulable &&
	    labels_subset(&n->obj.meta.labels, &old->obj.meta.labels)) {
		kctl_out(call->res, "node/%s unchanged\n", old->obj.meta.name);
		return true;
	}
	for (size_t i = 0; i < n->obj.meta.labels.n; i++)
		labels_set(&old->obj.meta.labels, n->obj.meta.labels.v[i].key,
		    n->obj.meta.labels.v[i].value);
	old->unschedulable = n->unschedulable;
	while (old->n_taints > 0)
		node_remove_taint(old, old->taints[0].key, EFFECT_ALL);
	for (size_t i = 0; i < n->n_taints; i++)
		node_add_taint(old, &n->taints[i]);
	store_update(call->c->store, &old->obj);
	kctl_out(call->res, "node/%s configured\n", old->obj.meta.name);
	return true;
}

static bool
apply_one(struct kctl_call *call, struct object *obj, cJSON *doc, const char *source)
{
	struct object *old;
	char *applied;
	bool ok;

	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	if (obj->meta.name == NULL || obj->meta.name[0] == '\0') {
		kctl_error(call, "error when retrieving current configuration of:\nResource: \"%s\", Name: \"\", Namespace: \"%s\"\nfrom server for: \"%s\": resource name may not be empty",
		    kind_resource(obj->kind), obj->meta.ns ? obj->meta.ns : "", source);
		object_free(obj);
		return false;
	}
	applied = applied_configuration(doc, obj);
	labels_set(&obj->meta.annotations, LAST_APPLIED, applied);
	free(applied);
	old = store_get(call->c->store, obj->kind, obj->meta.ns, obj->meta.name);
	if (old == NULL)
		return create_one(call, obj, source, "creating");
	if (!labels_has(&old->meta.annotations, LAST_APPLIED))
		warn_missing_annotation(call, old);
	switch (obj->kind) {
	case KIND_DAEMONSET:
		ok = apply_daemonset(call, (struct daemonset *)obj, (struct daemonset *)old);
		break;
	case KIND_POD:
		ok = apply_pod(call, (struct pod *)obj, (struct pod *)old);
		break;
	case KIND_NODE:
		ok = apply_node(call, (struct node *)obj, (struct node *)old);
		break;
	default:
		ok = false;
		break;
	}
	object_free(obj);
	return ok;
}

static int
apply_exec(struct kctl_call *call)
{
	return run_sources(call, WRITE_APPLY);
}

/* ---- replace: a PUT of the whole object ---- */

static bool
replace_one(struct kctl_call *call, struct object *obj, const char *source)
{
	struct object *old;
	bool ok = true;

	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	old = obj->meta.name ? store_get(call->c->store, obj->kind, obj->meta.ns, obj->meta.name) :
			       NULL;
	if (old == NULL) {
		kctl_err(call->res, "Error from server (NotFound): error when replacing \"%s\": %s \"%s\" not found\n",
		    source, kind_resource(obj->kind), obj->meta.name ? obj->meta.name : "");
		call->res->status = 1;
		object_free(obj);
		return false;
	}
	switch (obj->kind) {
	case KIND_DAEMONSET: {
		struct daemonset *ds = (struct daemonset *)obj, *live = (struct daemonset *)old;

		if (!admit(call, obj, old)) {
			ok = false;
			break;
		}
		ds_prepare_for_update(ds, live);
		ds_take_spec(live, ds);
		labels_copy(&live->obj.meta.annotations, &ds->obj.meta.annotations);
		store_update(call->c->store, old);
		break;
	}
	case KIND_POD: {
		struct pod *p = (struct pod *)obj, *live = (struct pod *)old;

		defaults_pod(p);
		defaults_admit_pod_update(p, live);
		admit_default_toleration_seconds(&p->spec);
		if (p->spec.node_name == NULL && live->spec.node_name != NULL)
			p->spec.node_name = xstrdup(live->spec.node_name);
		if (!pod_spec_equal(&p->spec, &live->spec)) {
			kctl_err(call->res, "The Pod \"%s\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n",
			    live->obj.meta.name);
			call->res->status = 1;
			ok = false;
			break;
		}
		labels_copy(&live->obj.meta.labels, &p->obj.meta.labels);
		labels_copy(&live->obj.meta.annotations, &p->obj.meta.annotations);
		store_update(call->c->store, old);
		break;
	}
	case KIND_NODE: {
		struct node *n = (struct node *)obj, *live = (struct node *)old;

		labels_copy(&live->obj.meta.labels, &n->obj.meta.labels);
		labels_copy(&live->obj.meta.annotations, &n->obj.meta.annotations);
		live->unschedulable = n->unschedulable;
		while (live->n_taints > 0)
			node_remove_taint(live, live->taints[0].key, EFFECT_ALL);
		for (size_t i = 0; i < n->n_taints; i++)
			node_add_taint(live, &n->taints[i]);
		store_update(call->c->store, old);
		break;
	}
	default:
		ok = false;
		break;
	}
	if (ok)
		kctl_out(call->res, "%s/%s replaced\n", kctl_type_name(old->kind), old->meta.name);
	object_free(obj);
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
