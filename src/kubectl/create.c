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
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "apiserver/apiserver.h"
#include "apiserver/patch.h"
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
	{"edit", 0, KF_BOOL, NULL, "Edit the API resource before creating", NULL},
	{"save-config", 0, KF_BOOL, NULL, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.", NULL},
	VALIDATE_FLAG,
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag replace_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "The files that contain the configurations to replace.", NULL},
	{"force", 0, KF_BOOL, NULL, "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.", NULL},
	{"grace-period", 0, KF_INT, "-1", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).", NULL},
	VALIDATE_FLAG,
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag apply_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "The files that contain the configurations to apply.", NULL},
	{"prune", 0, KF_BOOL, NULL, "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.", NULL},
	{"all", 0, KF_BOOL, NULL, "Select all resources in the namespace of the specified resource types.", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.", NULL},
	{"server-side", 0, KF_BOOL, NULL, "If true, apply runs in the server instead of the client.", NULL},
	{"force-conflicts", 0, KF_BOOL, NULL, "If true, server-side apply will force the changes against conflicts.", NULL},
	VALIDATE_FLAG,
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};


#define LAST_APPLIED "kubectl.kubernetes.io/last-applied-configuration"

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
		meta_set_ns(&obj->meta, call->ns);
	return true;
}

/* What one object of a manifest brings along to the request. */
struct sent {
	const char *source;  /* as kubectl names it: the path, or STDIN */
	cJSON *doc;          /* the manifest's document */
	const char *unknown; /* the decoder's unknown-field warnings */
	enum kctl_dry_run dry;
	bool save_config; /* create --save-config: record it as apply would */
	struct kctl_errs *errs; /* the server's refusals, printed together at the end */
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

/* The same for a patch the server may have found empty. */
static void
print_result_patched(struct kctl_call *call, struct object *out, bool changed,
    const struct sent *s, const char *operation)
{
	struct sent kept = *s;

	/* print_result frees a server dry run's candidate; an unchanged one is the live object. */
	if (!changed && s->dry == KCTL_DRY_SERVER)
		kept.dry = KCTL_DRY_NONE;
	if (kept.dry != s->dry) {
		const char *fmt = kctl_str(call, "output");
		cJSON *doc = fmt[0] != '\0' && strcmp(fmt, "name") != 0 ?
		    api_encode_result(call->c, out) :
		    NULL;

		kctl_write_print(call, out, doc, operation, s->dry);
		cJSON_Delete(doc);
		return;
	}
	print_result(call, out, s, operation);
}

static char *applied_configuration(const cJSON *doc, const struct object *obj);

/*
 * POST (create) or PUT (replace) one whole object; consumes obj. recreate:
 * replace --force's POST, which kubectl reports as "replaced".
 */
static bool
send_whole(struct kctl_call *call, struct object *obj, const struct sent *s, bool create,
    bool recreate)
{
	const char *done = create && !recreate ? "created" : "replaced";
	struct strbuf warnings = STRBUF_INIT;
	struct api_status st;
	struct api_opts o;
	struct object *out;
	bool ok;

	if (s->dry == KCTL_DRY_CLIENT) {
		print_client_dry_run(call, obj, s, done);
		object_free(obj);
		return true;
	}
	/*
	 * kubectl's resource.Helper.Create (modify=true) clears a
	 * resourceVersion the manifest carries, so the server never sees it.
	 */
	if (create || recreate)
		obj->meta.resource_version = 0;
	api_status_init(&st);
	api_opts_for(call, s, &o, &warnings);
	ok = (create || recreate ? api_create(call->c, obj, &o, &out, &st) :
				   api_update(call->c, obj, &o, &out, &st)) == 0;
	kctl_err(call->res, "%s", sb_str(&warnings));
	if (ok)
		print_result(call, out, s, done);
	else
		kctl_errs_add(s->errs, &st, create && !recreate ? "creating" : "replacing", s->source);
	sb_free(&warnings);
	api_status_free(&st);
	return ok;
}


/* Create one object; consumes obj. Returns true when created. */
static bool
create_one(struct kctl_call *call, struct object *obj, const struct sent *s)
{
	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	if (s->save_config) {
		char *applied = applied_configuration(s->doc, obj);

		labels_set(&obj->meta.annotations, LAST_APPLIED, applied);
		free(applied);
	}
	return send_whole(call, obj, s, true, false);
}

static bool apply_one(struct kctl_call *call, struct object *obj, const struct sent *s);
static bool replace_one(struct kctl_call *call, struct object *obj, const struct sent *s);

enum write_mode {
	WRITE_CREATE,
	WRITE_APPLY,
	WRITE_REPLACE,
};

/*
 * Each command's Validate (apply.go, replace.go, create.go), for the flags
 * that ask for what kubesim's kubectl does not do, with kubectl's own
 * errors first.
 */
static int
validate_mode_flags(struct kctl_call *call, enum write_mode mode, enum kctl_dry_run dry)
{
	if (mode == WRITE_APPLY) {
		bool ssa = kctl_bool(call, "server-side");

		if (kctl_bool(call, "force-conflicts") && !ssa)
			return kctl_error(call, "--force-conflicts only works with --server-side");
		if (dry == KCTL_DRY_CLIENT && ssa)
			return kctl_error(call, "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
		if (kctl_bool(call, "prune")) {
			bool all = kctl_bool(call, "all"), sel = kctl_str(call, "selector")[0] != '\0';

			if (all && sel)
				return kctl_error(call, "cannot set --all and --selector at the same time");
			if (!all && !sel)
				return kctl_error(call, "all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector");
			return kctl_error(call, "kubesim's kubectl does not prune; delete what the files no longer name");
		}
		if (ssa)
			return kctl_error(call, "kubesim's kubectl has no server-side apply (field managers are not simulated); leave out --server-side");
	}
	if (mode == WRITE_REPLACE && kctl_int(call, "grace-period") >= 0 && !kctl_bool(call, "force"))
		return kctl_error(call, "--grace-period must have --force specified");
	if (mode == WRITE_CREATE && kctl_bool(call, "edit"))
		return kctl_error(call, "kubesim's kubectl opens no editor; edit the file, then create it without --edit");
	return 0;
}

static int
run_sources(struct kctl_call *call, enum write_mode mode)
{
	static const char *const modes[] = {"true", "strict", "warn", "false", "ignore", NULL};
	const char *validate = kctl_str(call, "validate");
	struct kctl_errs errs = KCTL_ERRS_INIT;
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
	if (validate_mode_flags(call, mode, dry) != 0)
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
					warnings.v[j], dry,
					mode == WRITE_CREATE && kctl_bool(call, "save-config"), &errs};
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
	kctl_errs_flush(call, &errs);
	call->res->status = status ? 1 : call->res->status;
	return call->res->status;
}

/*
 * `kubectl create namespace NAME` (cmd/create/create_namespace.go): the
 * generator builds a bare Namespace and posts it; errors name no file.
 */
static int
create_namespace(struct kctl_call *call)
{
	struct kctl_errs errs = KCTL_ERRS_INIT;
	struct sent s = {NULL, NULL, NULL, KCTL_DRY_NONE, kctl_bool(call, "save-config"), &errs};

	if (call->n_args != 2) {
		kctl_err(call->res,
		    "error: exactly one NAME is required, got %zu\nSee 'kubectl create namespace -h' for help and examples\n",
		    call->n_args - 1);
		return call->res->status = 1;
	}
	cJSON *doc, *meta;
	bool ok;

	if (kctl_dry_run(call, &s.dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	/* What the generator built, as --dry-run=client prints it. */
	doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "apiVersion", "v1");
	cJSON_AddStringToObject(doc, "kind", "Namespace");
	meta = cJSON_AddObjectToObject(doc, "metadata");
	cJSON_AddNullToObject(meta, "creationTimestamp");
	cJSON_AddStringToObject(meta, "name", call->args[1]);
	cJSON_AddObjectToObject(doc, "spec");
	cJSON_AddObjectToObject(doc, "status");
	s.doc = doc;
	ok = create_one(call, &ns_new(call->args[1])->obj, &s);
	cJSON_Delete(doc);
	kctl_errs_flush(call, &errs);
	return ok ? 0 : 1;
}

static int
create_exec(struct kctl_call *call)
{
	if (call->n_args > 0 &&
	    (strcmp(call->args[0], "namespace") == 0 || strcmp(call->args[0], "ns") == 0))
		return create_namespace(call);
	/*
	 * create.go ValidateArgs: words that name no generator (kctl.c sends
	 * create deployment, configmap and secret to absent.c) are refused
	 * before -f is looked at, all of them in Go's %v of a slice.
	 */
	if (call->n_args > 0) {
		char words[2048];

		return kctl_usage_error(call, "Unexpected args: [%s]",
		    kctl_join_args(call, 0, words, sizeof words));
	}
	return run_sources(call, WRITE_CREATE);
}

/* ---- apply ---- */

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

/*
 * apply.GetModifiedConfiguration(annotate=true): the manifest with the
 * last-applied annotation holding the manifest itself.
 */
static cJSON *
modified_configuration(const cJSON *doc, const struct object *obj, const char *applied)
{
	cJSON *copy = cJSON_Duplicate(doc, true);
	cJSON *meta = cJSON_GetObjectItemCaseSensitive(copy, "metadata");
	cJSON *annots;

	if (!cJSON_IsObject(meta)) {
		cJSON_DeleteItemFromObjectCaseSensitive(copy, "metadata");
		meta = cJSON_AddObjectToObject(copy, "metadata");
	}
	if (kind_namespaced(obj->kind) && obj->meta.ns != NULL &&
	    !cJSON_HasObjectItem(meta, "namespace"))
		cJSON_AddStringToObject(meta, "namespace", obj->meta.ns);
	annots = cJSON_GetObjectItemCaseSensitive(meta, "annotations");
	if (!cJSON_IsObject(annots)) {
		cJSON_DeleteItemFromObjectCaseSensitive(meta, "annotations");
		annots = cJSON_AddObjectToObject(meta, "annotations");
	}
	cJSON_DeleteItemFromObjectCaseSensitive(annots, LAST_APPLIED);
	cJSON_AddStringToObject(annots, LAST_APPLIED, applied);
	return copy;
}

/*
 * apply's Patcher (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go):
 * the three-way strategic merge patch from the last-applied configuration,
 * the manifest and the live object. Fields the manifest never named (a
 * label from `kubectl label`, rollout restart's annotation, defaults,
 * status) are left alone; an empty patch is "unchanged" and sends nothing.
 */
static bool
apply_patch(struct kctl_call *call, const struct object *obj, const struct object *live,
    const char *applied, const struct sent *s)
{
	const char *last = labels_get(&live->meta.annotations, LAST_APPLIED);
	struct strbuf warnings = STRBUF_INIT;
	cJSON *original = last ? cJSON_Parse(last) : NULL;
	cJSON *modified = modified_configuration(s->doc, obj, applied);
	cJSON *current = api_encode_result(call->c, live);
	cJSON *patch = NULL;
	struct api_status st;
	struct api_opts o;
	struct object *out;
	struct ks_err err;
	bool changed, ok = true;

	api_status_init(&st);
	if (patch_strategic_create_threeway(original, modified, current,
		patch_schema_of(current), &patch, &err) < 0) {
		kctl_error(call, "error when creating patch with:\noriginal:\n%s\nmodified:\n%s\ncurrent:\n...\nfor: \"%s\": %s",
		    last ? last : "", applied, s->source, err.msg);
		ok = false;
	} else if (patch_is_empty(patch)) {
		kctl_write_print(call, live, NULL, "unchanged", s->dry);
	} else {
		api_opts_for(call, s, &o, &warnings);
		o.unknown_fields = NULL;
		ok = api_patch(call->c, obj->kind, obj->meta.ns, obj->meta.name, PATCH_STRATEGIC,
			 patch, &o, &out, &changed, &st) == 0;
		kctl_err(call->res, "%s", sb_str(&warnings));
		if (ok)
			print_result_patched(call, out, changed, s, "configured");
		else
			kctl_errs_add(s->errs, &st, "patching", s->source);
	}
	api_status_free(&st);
	sb_free(&warnings);
	cJSON_Delete(original);
	cJSON_Delete(modified);
	cJSON_Delete(current);
	cJSON_Delete(patch);
	return ok;
}

static bool
apply_one(struct kctl_call *call, struct object *obj, const struct sent *s)
{
	struct object *live;
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
	live = store_get(call->c->store, obj->kind, obj->meta.ns, obj->meta.name);
	if (live == NULL) {
		labels_set(&obj->meta.annotations, LAST_APPLIED, applied);
		free(applied);
		return create_one(call, obj, s);
	}
	/* applyOneObject: a client dry run neither warns nor works out a patch. */
	if (s->dry == KCTL_DRY_CLIENT) {
		print_client_dry_run(call, obj, s, "configured");
		free(applied);
		object_free(obj);
		return true;
	}
	if (!labels_has(&live->meta.annotations, LAST_APPLIED))
		warn_missing_annotation(call, live);
	ok = apply_patch(call, obj, live, applied, s);
	free(applied);
	object_free(obj);
	return ok;
}

/*
 * Go's json.Indent with no prefix and two spaces: the compact text laid
 * out one value per line, key order kept, trailing newline kept.
 */
static void
json_indent(const char *src, struct strbuf *out)
{
	int depth = 0;
	bool in_str = false, need_indent = false;

	for (const char *p = src; *p != '\0'; p++) {
		char c = *p;

		if (in_str) {
			sb_addc(out, c);
			if (c == '\\' && p[1] != '\0')
				sb_addc(out, *++p);
			else if (c == '"')
				in_str = false;
			continue;
		}
		if (need_indent && c != ']' && c != '}') {
			sb_addc(out, '\n');
			sb_pad(out, ' ', (size_t)depth * 2);
			need_indent = false;
		}
		switch (c) {
		case '"':
			in_str = true;
			sb_addc(out, c);
			break;
		case '{':
		case '[':
			sb_addc(out, c);
			depth++;
			need_indent = true;
			break;
		case '}':
		case ']':
			depth--;
			if (need_indent)
				need_indent = false; /* an empty {} or [] stays on its line */
			else {
				sb_addc(out, '\n');
				sb_pad(out, ' ', (size_t)depth * 2);
			}
			sb_addc(out, c);
			break;
		case ',':
			sb_addc(out, c);
			sb_addc(out, '\n');
			sb_pad(out, ' ', (size_t)depth * 2);
			break;
		case ':':
			sb_add(out, ": ");
			break;
		default:
			sb_addc(out, c);
			break;
		}
	}
}

/*
 * `kubectl apply view-last-applied (TYPE NAME | TYPE/NAME)`
 * (apply_view_last_applied.go): the last-applied-configuration annotation,
 * as YAML (the default) or indented JSON.
 */
static int
view_last_applied(struct kctl_call *call)
{
	const char *fmt = kctl_str(call, "output");
	struct vec targets = VEC_INIT;
	int rc;

	if (fmt[0] == '\0')
		fmt = "yaml";
	/* Validate's cmdutil.UsageErrorf, naming the subcommand's path. */
	if (strcmp(fmt, "yaml") != 0 && strcmp(fmt, "json") != 0) {
		kctl_err(call->res,
		    "error: Unexpected -o output mode: %s, the flag 'output' must be one of yaml|json\n"
		    "See 'kubectl apply view-last-applied -h' for help and examples\n",
		    fmt);
		return call->res->status = 1;
	}
	rc = kctl_resolve_targets(call, call->args + 1, call->n_args - 1, &targets);
	for (size_t i = 0; rc == 0 && i < targets.n; i++) {
		const struct kctl_target *t = targets.v[i];
		const struct object *o = store_get(call->c->store, t->kind,
		    kind_namespaced(t->kind) ? call->ns : NULL, t->name);
		struct strbuf text = STRBUF_INIT;
		const char *last;

		if (o == NULL) {
			kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n",
			    kind_resource(t->kind), t->name);
			rc = call->res->status = 1;
			break;
		}
		last = labels_get(&o->meta.annotations, LAST_APPLIED);
		/*
		 * Complete means to fail with "no last-applied-configuration
		 * annotation found on resource", but wraps a nil error with
		 * AddSourceToErr, which returns nil: v1.32 prints nothing, exit 0.
		 */
		if (last == NULL) {
			sb_free(&text);
			break;
		}
		if (strcmp(fmt, "json") == 0)
			json_indent(last, &text);
		else {
			cJSON *doc = cJSON_Parse(last);

			if (doc != NULL)
				encode_yaml_text(doc, &text);
			cJSON_Delete(doc);
		}
		kctl_out(call->res, "%s", sb_str(&text));
		sb_free(&text);
	}
	kctl_targets_free(&targets);
	return rc != 0 ? 1 : call->res->status;
}

static int
apply_exec(struct kctl_call *call)
{
	const char *sub = call->n_args > 0 ? call->args[0] : "";

	if (strcmp(sub, "view-last-applied") == 0)
		return view_last_applied(call);
	if (strcmp(sub, "edit-last-applied") == 0 || strcmp(sub, "set-last-applied") == 0) {
		if (call->n_args == 1 && !kctl_given(call, "filename"))
			return kctl_no_resources_error(call);
		return kctl_error(call, "kubesim's kubectl does not %s; apply the file again instead",
		    sub[0] == 'e' ? "edit the last-applied configuration" :
				    "set the last-applied configuration");
	}
	return run_sources(call, WRITE_APPLY);
}

/* ---- replace: a PUT of the whole object ---- */

/* How long replace --force waits for the old object to go, as delete does. */
#define REPLACE_WAIT_MAX_MS (10 * 60 * 1000)

/*
 * replace --force (replace.go forceReplace): delete the live object, wait
 * until it is gone, create the one from the file. What the API refuses an
 * update (a pod's spec) it allows this way, which is why learners use it.
 */
static bool
force_replace(struct kctl_call *call, struct object *obj, const struct sent *s)
{
	struct object *live = obj->meta.name ?
	    store_get(call->c->store, obj->kind, kind_namespaced(obj->kind) ? obj->meta.ns : NULL,
		obj->meta.name) :
	    NULL;

	if (live != NULL && s->dry == KCTL_DRY_NONE) {
		int64_t grace = kctl_int(call, "grace-period");
		struct api_delete_opts del = {false, grace, API_PROPAGATE_BACKGROUND, NULL};
		char *uid = xstrdup(live->meta.uid);
		struct api_status st;

		api_status_init(&st);
		if (api_delete(call->c, live, &del, &st) < 0) {
			kctl_errs_add(s->errs, &st, "deleting", s->source);
			api_status_free(&st);
			free(uid);
			object_free(obj);
			return false;
		}
		api_status_free(&st);
		kctl_out(call->res, "%s \"%s\" deleted\n", kctl_type_name(obj->kind), obj->meta.name);
		kctl_flush(call);
		cluster_wait_gone(call->c, &uid, 1, REPLACE_WAIT_MAX_MS);
		free(uid);
	}
	/* resource.Helper.Create(modify=true) sends it without a resourceVersion. */
	obj->meta.resource_version = 0;
	return send_whole(call, obj, s, false, true);
}

static bool
replace_one(struct kctl_call *call, struct object *obj, const struct sent *s)
{
	if (!place_namespace(call, obj)) {
		object_free(obj);
		return false;
	}
	if (kctl_bool(call, "force"))
		return force_replace(call, obj, s);
	return send_whole(call, obj, s, false, false);
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
