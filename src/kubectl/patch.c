/*
 * patch.c - `kubectl patch` and `kubectl scale`, after
 * staging/src/k8s.io/kubectl/pkg/cmd/patch and cmd/scale.
 *
 * patch sends the patch to the API layer, which applies it to the live
 * object (strategic merge by default; --type json|merge) and stores the
 * result as an update: "patched", or "patched (no change)" when the object
 * came back as it was. scale asks for the scale subresource, which none of
 * the kinds kubesim serves has, so it fails as a real cluster does for a
 * DaemonSet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/store.h"
#include "apiserver/apiserver.h"
#include "apiserver/patch.h"
#include "cluster.h"
#include "codec/decode.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/err.h"
#include "util/file.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const struct kctl_flag patch_flags[] = {
	{"patch", 'p', KF_STRING, NULL, "The patch to be applied to the resource JSON file.", NULL},
	{"patch-file", 0, KF_STRING, NULL, "A file containing a patch to be applied to the resource.", NULL},
	{"type", 0, KF_STRING, "strategic", "The type of patch being provided; one of [json merge strategic]", NULL},
	{"filename", 'f', KF_STRING, NULL, "Filename, directory, or URL to files identifying the resource to update", NULL},
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag scale_flags[] = {
	{"replicas", 0, KF_INT, "-1", "The new desired number of replicas. Required.", NULL},
	{"current-replicas", 0, KF_INT, "-1", "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.", NULL},
	{"resource-version", 0, KF_STRING, NULL, "Precondition for resource version. Requires that the current resource version match this value in order to scale.", NULL},
	{"filename", 'f', KF_STRING, NULL, "Filename, directory, or URL to files identifying the resource to set a new size", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2).", NULL},
	{"all", 0, KF_BOOL, NULL, "Select all resources in the namespace of the specified resource types", NULL},
	{"timeout", 0, KF_STRING, "0s", "The length of time to wait before giving up on a scale operation, zero means don't wait.", NULL},
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* ---- patch ---- */

static int
read_patch(struct kctl_call *call, cJSON **out)
{
	const char *text = kctl_str(call, "patch");
	char *file_text = NULL;
	size_t len = strlen(text);
	struct ks_err err;
	int rc;

	if (kctl_given(call, "patch-file")) {
		const char *path = kctl_str(call, "patch-file");

		if (call->io->read_file == NULL)
			return kctl_error(call, "unable to read patch file: open %s: no such file or directory",
			    path);
		if (call->io->read_file(call->io->ctx, path, &file_text, &len, &err) < 0) {
			/* os.ReadFile's wording, not -f's "the path ... does not exist". */
			if (strstr(err.msg, "does not exist") != NULL)
				return kctl_error(call,
				    "unable to read patch file: open %s: no such file or directory", path);
			return kctl_error(call, "unable to read patch file: %s", err.msg);
		}
		text = file_text;
	}
	rc = decode_yaml_to_json("patch", text, len, out, &err);
	free(file_text);
	if (rc < 0)
		return kctl_error(call, "unable to parse \"%s\": %s", kctl_str(call, "patch"), err.msg);
	return 0;
}

static int
patch_exec(struct kctl_call *call)
{
	const char *type_name = kctl_str(call, "type");
	struct vec targets = VEC_INIT;
	enum kctl_dry_run dry;
	cJSON *patch = NULL;
	int type, status = 0;

	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	/* Validate, in its order. */
	if (kctl_given(call, "patch") && kctl_given(call, "patch-file"))
		return kctl_error(call, "cannot specify --patch and --patch-file together");
	if (kctl_str(call, "patch")[0] == '\0' && kctl_str(call, "patch-file")[0] == '\0')
		return kctl_error(call, "must specify --patch or --patch-file containing the contents of the patch");
	type = patch_type_parse(type_name);
	if (type < 0)
		return kctl_error(call, "--type must be one of [json merge strategic], not \"%s\"",
		    type_name);
	if (read_patch(call, &patch) != 0)
		return 1;
	if (kctl_resolve_targets(call, call->args, call->n_args, &targets) != 0) {
		cJSON_Delete(patch);
		kctl_targets_free(&targets);
		return 1;
	}
	for (size_t i = 0; i < targets.n; i++) {
		struct kctl_target *t = targets.v[i];
		struct api_opts o = {dry != KCTL_DRY_NONE, API_FIELDS_WARN, NULL, NULL};
		struct strbuf warnings = STRBUF_INIT;
		struct api_status st;
		struct object *out;
		bool changed;

		o.warnings = &warnings;
		api_status_init(&st);
		if (api_patch(call->c, t->kind, call->ns, t->name, type, patch, &o, &out, &changed,
			&st) < 0) {
			kctl_api_error(call, &st, NULL, NULL);
			status = 1;
		} else {
			const char *fmt = kctl_str(call, "output");
			cJSON *doc = NULL;

			kctl_err(call->res, "%s", sb_str(&warnings));
			if (fmt[0] != '\0' && strcmp(fmt, "name") != 0)
				doc = api_encode_result(call->c, out);
			/*
			 * No "(dry run)": as taint.go, patch.go's Complete calls
			 * PrintFlagsWithDryRunStrategy before ToPrinter sets
			 * NamePrintFlags.Operation, which overwrites the suffix (v1.32).
			 */
			if (kctl_write_print(call, out, doc, changed ? "patched" : "patched (no change)",
				KCTL_DRY_NONE) != 0)
				status = 1;
			cJSON_Delete(doc);
			if (dry != KCTL_DRY_NONE && changed)
				object_free(out);
		}
		sb_free(&warnings);
		api_status_free(&st);
	}
	if (targets.n == 0 && status == 0)
		status = kctl_error(call, "no objects passed to patch");
	cJSON_Delete(patch);
	kctl_targets_free(&targets);
	if (status)
		call->res->status = 1;
	return call->res->status;
}

/* ---- scale ---- */

static int
scale_exec(struct kctl_call *call)
{
	struct vec targets = VEC_INIT;
	enum kctl_dry_run dry;
	int status = 0;

	/* cobra's required flag comes before anything the command checks. */
	if (!kctl_given(call, "replicas"))
		return kctl_error(call, "required flag(s) \"replicas\" not set");
	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	if (kctl_int(call, "replicas") < 0)
		return kctl_error(call, "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
	if (kctl_resolve_targets(call, call->args, call->n_args, &targets) != 0) {
		kctl_targets_free(&targets);
		return 1;
	}
	for (size_t i = 0; i < targets.n; i++) {
		struct kctl_target *t = targets.v[i];

		if (store_get(call->c->store, t->kind, kind_namespaced(t->kind) ? call->ns : NULL,
			t->name) == NULL) {
			/* v1.32's wording (kubectl#1770 made it a plain NotFound in 1.35). */
			kctl_error(call, "no objects passed to scale %s \"%s\" not found",
			    kind_resource(t->kind), t->name);
			status = 1;
			break;
		}
		/*
		 * The scale client asks for <resource>/<name>/scale; no kind kubesim
		 * serves has that subresource (Deployments, ReplicaSets and
		 * StatefulSets do), so the server answers 404.
		 */
		kctl_err(call->res,
		    "Error from server (NotFound): the server could not find the requested resource\n");
		status = 1;
		break;
	}
	kctl_targets_free(&targets);
	if (status)
		call->res->status = 1;
	return call->res->status;
}

const struct kctl_verb kctl_patch_verb = {
	.name = "patch",
	.short_help = "Update fields of a resource",
	.usage = "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
	.flags = patch_flags,
	.exec = patch_exec,
};

const struct kctl_verb kctl_scale_verb = {
	.name = "scale",
	.short_help = "Set a new size for a deployment, replica set, or replication controller",
	.usage = "kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
	.flags = scale_flags,
	.exec = scale_exec,
};
