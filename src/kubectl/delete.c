/*
 * delete.c - `kubectl delete`, after staging/src/k8s.io/kubectl/pkg/cmd/delete.
 *
 * --cascade picks the propagation policy (background, foreground, orphan;
 * the old booleans still work with a deprecation warning). As kubectl's
 * default --wait=true does, the command returns only when every deleted
 * object is gone from the API, so simulated time passes while pods
 * terminate or a foreground deletion waits for its dependents.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/pod.h"
#include "api/selector.h"
#include "api/store.h"
#include "cluster.h"
#include "apiserver/apiserver.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/vec.h"
#include "util/xmalloc.h"

/* How long --wait may advance simulated time before giving up. */
#define DELETE_WAIT_MAX_MS (10 * 60 * 1000)

static const struct kctl_flag delete_flags[] = {
	{"filename", 'f', KF_STRING, NULL, "containing the resource to delete.", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on.", NULL},
	{"field-selector", 0, KF_STRING, NULL, "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.", NULL},
	{"all", 0, KF_BOOL, NULL, "Delete all resources, in the namespace of the specified resource types.", NULL},
	{"cascade", 0, KF_BOOL, "background", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.", "background"},
	{"grace-period", 0, KF_INT, "-1", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).", NULL},
	{"force", 0, KF_BOOL, NULL, "If true, immediately remove resources from API and bypass graceful deletion.", NULL},
	{"now", 0, KF_BOOL, NULL, "If true, resources are signaled for immediate shutdown (same as --grace-period=1).", NULL},
	{"wait", 0, KF_BOOL, "true", "If true, wait for resources to be gone before returning.", NULL},
	{"timeout", 0, KF_DURATION, "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object", NULL},
	{"ignore-not-found", 0, KF_BOOL, NULL, "Treat \"resource not found\" as a successful delete.", NULL},
	{"all-namespaces", 'A', KF_BOOL, NULL, "If present, list the requested object(s) across all namespaces.", NULL},
	{"output", 'o', KF_STRING, NULL, "Output mode. Use \"-o name\" for shorter output (resource/name).", NULL},
	KCTL_DRY_RUN_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

enum propagation {
	PROP_BACKGROUND,
	PROP_FOREGROUND,
	PROP_ORPHAN,
};

/* delete_flags.go parseCascadingFlag */
static int
parse_cascade(struct kctl_call *call, enum propagation *out)
{
	const char *v = kctl_str(call, "cascade");
	static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True", NULL};
	static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False", NULL};

	if (strcmp(v, "background") == 0)
		*out = PROP_BACKGROUND;
	else if (strcmp(v, "foreground") == 0)
		*out = PROP_FOREGROUND;
	else if (strcmp(v, "orphan") == 0)
		*out = PROP_ORPHAN;
	else {
		for (int i = 0; t[i] != NULL; i++) {
			if (strcmp(v, t[i]) == 0) {
				kctl_err(call->res, "warning: --cascade=%s is deprecated (boolean value) and can be replaced with --cascade=background.\n",
				    v);
				*out = PROP_BACKGROUND;
				return 0;
			}
			if (strcmp(v, f[i]) == 0) {
				kctl_err(call->res, "warning: --cascade=%s is deprecated (boolean value) and can be replaced with --cascade=orphan.\n",
				    v);
				*out = PROP_ORPHAN;
				return 0;
			}
		}
		kctl_error(call, "invalid cascade value (%s). Must be \"background\", \"foreground\", or \"orphan\"", v);
		return -1;
	}
	return 0;
}

/* Sends the DELETE and prints as DeleteOptions.PrintObj does. */
static void
delete_object(struct kctl_call *call, struct object *obj, enum propagation prop, long grace,
    bool force, enum kctl_dry_run dry, struct vec *waiting)
{
	static const enum api_propagation props[] = {
		[PROP_BACKGROUND] = API_PROPAGATE_BACKGROUND,
		[PROP_FOREGROUND] = API_PROPAGATE_FOREGROUND,
		[PROP_ORPHAN] = API_PROPAGATE_ORPHAN,
	};
	struct api_delete_opts o = {dry == KCTL_DRY_SERVER, grace, props[prop], NULL};
	const char *type = kctl_type_name(obj->kind);
	char *name = xstrdup(obj->meta.name);
	char *uid = xstrdup(obj->meta.uid);
	/* Grace 0 is only reachable with --force; the store then skips the kubelet. */
	bool immediate = force && grace == 0;
	struct api_status st;

	api_status_init(&st);
	if (dry != KCTL_DRY_CLIENT && api_delete(call->c, obj, &o, &st) < 0) {
		kctl_api_error(call, &st, NULL, NULL);
		free(uid);
	} else {
		if (dry == KCTL_DRY_NONE)
			vec_push(waiting, uid);
		else
			free(uid);
		if (strcmp(kctl_str(call, "output"), "name") == 0)
			kctl_out(call->res, "%s/%s\n", type, name);
		else
			kctl_out(call->res, "%s \"%s\" %sdeleted%s\n", type, name, immediate ? "force " : "",
			    kctl_dry_run_suffix(dry));
	}
	api_status_free(&st);
	free(name);
}

/* Empty after Go's strings.TrimSpace, as the builder's selector params see it. */
static bool
blank(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
		s++;
	return *s == '\0';
}

static int
delete_exec(struct kctl_call *call)
{
	struct store *st = call->c->store;
	enum propagation prop;
	long grace = kctl_int(call, "grace-period");
	bool force = kctl_bool(call, "force");
	bool all = kctl_bool(call, "all");
	const char *selector = kctl_str(call, "selector");
	struct vec targets = VEC_INIT, waiting = VEC_INIT;
	struct label_selector sel;
	struct ks_err err;
	/* kubectl reports objects it could not find after the ones it deleted. */
	struct strbuf notfound = STRBUF_INIT;
	int status = 0;
	enum kind kind = KIND_POD;
	size_t first_name = 1;
	enum kctl_dry_run dry;

	if (kctl_dry_run(call, &dry) < 0 || parse_cascade(call, &prop) < 0)
		return 1;
	if (kctl_bool(call, "now")) {
		if (grace != -1)
			return kctl_error(call, "--now and --grace-period cannot be specified together");
		grace = 1;
	}
	if (force && grace > 0)
		return kctl_error(call, "--force and --grace-period greater than 0 cannot be specified together");
	if (force && grace < 0)
		grace = 0;
	/* delete.go Complete: without --force, 0 means "as fast as possible", i.e. 1. */
	if (!force && grace == 0)
		grace = 1;
	if (force && grace == 0)
		kctl_err(call->res, "%s", "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
	/*
	 * The builder's SelectAllParam, in Complete: before either selector is
	 * parsed, a label or a field selector (TrimSpace'd by
	 * LabelSelectorParam/FieldSelectorParam) with --all is refused
	 * (staging/src/k8s.io/cli-runtime/pkg/resource/builder.go).
	 */
	if (all && (!blank(selector) || !blank(kctl_str(call, "field-selector"))))
		return kctl_error(call, "setting 'all' parameter but found a non empty selector. ");
	if (sel_parse(selector, &sel, &err) < 0)
		return kctl_error(call, "%s", err.msg);

	if (kctl_given(call, "filename")) {
		struct vec srcs = VEC_INIT;

		if (kctl_sources(call, &srcs, &err) < 0) {
			for (size_t f = 0; f < srcs.n; f++)
				free(srcs.v[f]);
			vec_free(&srcs);
			sel_free(&sel);
			sb_free(&notfound);
			return kctl_error(call, "%s", err.msg);
		}
		/*
		 * The builder's visitByPaths: files, or resource arguments, not
		 * both; FilenameParam's "the path ... does not exist" comes first.
		 */
		if (call->n_args > 0) {
			bool missing = false;

			for (size_t f = 0; f < srcs.n; f++) {
				struct vec objs = VEC_INIT;

				if (!missing && kctl_read_manifests(call, srcs.v[f], &objs, NULL, NULL, &err) < 0 &&
				    strstr(err.msg, "does not exist") != NULL) {
					kctl_err(call->res, "error: %s\n", err.msg);
					missing = true;
				}
				for (size_t i = 0; i < objs.n; i++)
					object_free(objs.v[i]);
				vec_free(&objs);
				free(srcs.v[f]);
			}
			vec_free(&srcs);
			sel_free(&sel);
			sb_free(&notfound);
			if (missing)
				return call->res->status = 1;
			return kctl_error(call, "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
		}
		for (size_t f = 0; f < srcs.n; f++) {
			struct vec objs = VEC_INIT;

			if (kctl_read_manifests(call, srcs.v[f], &objs, NULL, NULL, &err) < 0) {
				kctl_err(call->res, "error: %s\n", err.msg);
				status = 1;
			}
			for (size_t i = 0; i < objs.n; i++) {
				struct object *o = objs.v[i];
				struct object *live = store_get(st, o->kind,
				    o->meta.ns ? o->meta.ns : call->ns, o->meta.name ? o->meta.name : "");

				if (live == NULL) {
					sb_addf(&notfound,
					    "Error from server (NotFound): error when deleting \"%s\": %s \"%s\" not found\n",
					    (char *)srcs.v[f], kind_resource(o->kind),
					    o->meta.name ? o->meta.name : "");
					status = 1;
				} else
					vec_push(&targets, live);
				object_free(o);
			}
			vec_free(&objs);
			free(srcs.v[f]);
		}
		vec_free(&srcs);
	} else {
		const char *type = call->n_args > 0 ? call->args[0] : NULL;
		char typebuf[128];

		if (type == NULL) {
			sel_free(&sel);
			sb_free(&notfound);
			/* ResourceTypeOrNameArgs: a selector (or --all) with no type. */
			if (all || selector[0] != '\0')
				return kctl_error(call, "at least one resource must be specified to use a selector");
			kctl_no_resources_error(call);
			return call->res->status = 1;
		}
		/* TYPE/NAME form: every argument names its own type. */
		if (strchr(type, '/') != NULL) {
			for (size_t i = 0; i < call->n_args; i++) {
				const char *slash = strchr(call->args[i], '/');
				struct object *o;

				if (slash == NULL) {
					sel_free(&sel);
					sb_free(&notfound);
					return kctl_error(call, "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
				}
				snprintf(typebuf, sizeof typebuf, "%.*s", (int)(slash - call->args[i]),
				    call->args[i]);
				if (kctl_resource(typebuf, &kind) < 0) {
					sel_free(&sel);
					sb_free(&notfound);
					return kctl_unknown_type(call, typebuf);
				}
				o = store_get(st, kind, call->ns, slash + 1);
				if (o == NULL) {
					if (!kctl_bool(call, "ignore-not-found")) {
						kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n",
						    kind_resource(kind), slash + 1);
						status = 1;
					}
				} else
					vec_push(&targets, o);
			}
			first_name = call->n_args;
		} else if (kctl_resource(type, &kind) < 0) {
			sel_free(&sel);
			sb_free(&notfound);
			return kctl_unknown_type(call, type);
		}
		if (first_name < call->n_args) {
			if (all || selector[0] != '\0') {
				sel_free(&sel);
				sb_free(&notfound);
				return kctl_error(call, "name cannot be provided when a selector is specified");
			}
			for (size_t i = first_name; i < call->n_args; i++) {
				struct object *o = store_get(st, kind, call->ns, call->args[i]);

				if (o == NULL) {
					if (!kctl_bool(call, "ignore-not-found")) {
						kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n",
						    kind_resource(kind), call->args[i]);
						status = 1;
					}
				} else
					vec_push(&targets, o);
			}
		} else if (strchr(type, '/') == NULL) {
			struct vec all_objs = VEC_INIT;

			const char *fields = kctl_str(call, "field-selector");
			struct vec freqs = VEC_INIT;
			const char *unknown = NULL;
			char why[KS_ERR_MAX];

			if (!all && selector[0] == '\0' && fields[0] == '\0') {
				sel_free(&sel);
				sb_free(&notfound);
				return kctl_error(call, "resource(s) were provided, but no name was specified");
			}
			if (kctl_field_selector_parse(fields, &freqs, why, sizeof why) < 0) {
				char gvr[128];

				/* The server's fields.ParseSelector, framed by resource.Selector.Visit. */
				kctl_err(call->res,
				    "Error from server (BadRequest): Unable to find \"%s\" that match label selector \"%s\", field selector \"%s\": %s\n",
				    kctl_gvr(kind, gvr, sizeof gvr), selector, fields, why);
				sel_free(&sel);
				sb_free(&notfound);
				return call->res->status = 1;
			}
			store_list_sorted(st, kind,
			    kctl_bool(call, "all-namespaces") || !kind_namespaced(kind) ? NULL : call->ns,
			    &all_objs);
			for (size_t i = 0; i < all_objs.n && unknown == NULL; i++) {
				struct object *o = all_objs.v[i];

				if (sel_matches(&sel, &o->meta.labels) && kctl_field_matches(&freqs, o, &unknown))
					vec_push(&targets, o);
			}
			vec_free(&all_objs);
			if (unknown != NULL) {
				char gvr[128];

				kctl_err(call->res,
				    "Error from server (BadRequest): Unable to find \"%s\" that match label selector \"%s\", field selector \"%s\": field label not supported: %s\n",
				    kctl_gvr(kind, gvr, sizeof gvr), selector, fields, unknown);
				kctl_field_reqs_free(&freqs);
				sel_free(&sel);
				sb_free(&notfound);
				vec_free(&targets);
				return call->res->status = 1;
			}
			kctl_field_reqs_free(&freqs);
			if (targets.n == 0)
				kctl_out(call->res, "%s", "No resources found\n");
		}
	}
	/* Collect uids first: deleting one object can free another (its pods). */
	{
		struct vec uids = VEC_INIT;

		for (size_t i = 0; i < targets.n; i++)
			vec_push(&uids, xstrdup(((struct object *)targets.v[i])->meta.uid));
		for (size_t i = 0; i < uids.n; i++) {
			struct object *o = store_get_uid(st, uids.v[i]);

			if (o != NULL)
				delete_object(call, o, prop, grace, force, dry, &waiting);
			free(uids.v[i]);
		}
		vec_free(&uids);
	}
	if (kctl_bool(call, "wait") && waiting.n > 0) {
		/* kubectl prints "deleted" first, then waits. */
		kctl_flush(call);
		int64_t timeout = 0;
		struct ks_err terr;

		/* --timeout bounds the wait; 0 lets kubectl size it (here: DELETE_WAIT_MAX_MS). */
		if (dur_parse(kctl_str(call, "timeout"), &timeout, &terr) < 0 || timeout <= 0)
			timeout = DELETE_WAIT_MAX_MS;
		if (!cluster_wait_gone(call->c, (char *const *)waiting.v, waiting.n, timeout)) {
			/* wait.go IsDeleted: errWaitTimeoutWithName for the first one still there. */
			for (size_t i = 0; i < waiting.n; i++) {
				const struct object *o = store_get_uid(st, waiting.v[i]);
				const char *res;

				if (o == NULL)
					continue;
				res = kind_resource(o->kind);
				sb_addf(&notfound, "error: timed out waiting for the condition on %.*s/%s\n",
				    (int)strcspn(res, "."), res, o->meta.name);
				status = 1;
				break;
			}
		}
	}
	kctl_err(call->res, "%s", sb_str(&notfound));
	sb_free(&notfound);
	for (size_t i = 0; i < waiting.n; i++)
		free(waiting.v[i]);
	vec_free(&waiting);
	vec_free(&targets);
	sel_free(&sel);
	if (status)
		call->res->status = 1;
	return call->res->status;
}

const struct kctl_verb kctl_delete_verb = {
	.name = "delete",
	.short_help = "Delete resources by file names, stdin, resources and names, or by resources and label selector",
	.usage = "kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]",
	.flags = delete_flags,
	.exec = delete_exec,
};
