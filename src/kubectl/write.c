/*
 * write.c - the client half of every write: dry run, -o and Status errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "apiserver/apiserver.h"
#include "cluster.h"
#include "codec/jsontext.h"
#include "kubectl/jsonpath.h"
#include "kubectl/write.h"
#include "util/err.h"
#include "util/xmalloc.h"

/*
 * klog's line for a warning kubectl logs (helpers.go), dated by the
 * simulated clock; the process id is a fixed 1 so runs stay reproducible.
 */
static void
klog_warning(struct kctl_call *call, const char *where, const char *msg)
{
	int64_t ms = cluster_now(call->c);
	time_t t = (time_t)(meta_epoch_unix() + ms / 1000);
	struct tm tm;
	char stamp[32];

	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "W%m%d %H:%M:%S", &tm);
	kctl_err(call->res, "%s.%06d       1 %s] %s\n", stamp, (int)(ms % 1000) * 1000, where, msg);
}

int
kctl_dry_run(struct kctl_call *call, enum kctl_dry_run *out)
{
	static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True", NULL};
	static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False", NULL};
	const char *v = kctl_str(call, "dry-run");

	*out = KCTL_DRY_NONE;
	if (strcmp(v, "client") == 0)
		*out = KCTL_DRY_CLIENT;
	else if (strcmp(v, "server") == 0)
		*out = KCTL_DRY_SERVER;
	else if (strcmp(v, "none") == 0)
		*out = KCTL_DRY_NONE;
	else if (strcmp(v, "unchanged") == 0) {
		/* A bare --dry-run: the old boolean, now client. */
		klog_warning(call, "helpers.go:702",
		    "--dry-run is deprecated and can be replaced with --dry-run=client.");
		*out = KCTL_DRY_CLIENT;
	} else {
		for (size_t i = 0; t[i] != NULL; i++) {
			if (strcmp(v, t[i]) == 0) {
				char msg[128];

				snprintf(msg, sizeof msg,
				    "--dry-run=%s is deprecated (boolean value) and can be replaced with --dry-run=client.",
				    v);
				klog_warning(call, "helpers.go:716", msg);
				*out = KCTL_DRY_CLIENT;
				return 0;
			}
			if (strcmp(v, f[i]) == 0) {
				char msg[128];

				snprintf(msg, sizeof msg,
				    "--dry-run=%s is deprecated (boolean value) and can be replaced with --dry-run=none.",
				    v);
				klog_warning(call, "helpers.go:719", msg);
				return 0;
			}
		}
		kctl_error(call, "Invalid dry-run value (%s). Must be \"none\", \"server\", or \"client\".",
		    v);
		return -1;
	}
	return 0;
}

const char *
kctl_dry_run_suffix(enum kctl_dry_run d)
{
	return d == KCTL_DRY_CLIENT ? " (dry run)" : d == KCTL_DRY_SERVER ? " (server dry run)" : "";
}

int
kctl_write_output_check(struct kctl_call *call)
{
	const char *o = kctl_str(call, "output");

	if (o[0] == '\0' || strcmp(o, "json") == 0 || strcmp(o, "yaml") == 0 ||
	    strcmp(o, "name") == 0 || strncmp(o, "jsonpath=", 9) == 0)
		return 0;
	if (kctl_template_output(call, o))
		return -1;
	kctl_error(call,
	    "unable to match a printer suitable for the output format \"%s\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml",
	    o);
	return -1;
}

int
kctl_write_print(struct kctl_call *call, const struct object *obj, const cJSON *doc,
    const char *operation, enum kctl_dry_run dry)
{
	const char *o = kctl_str(call, "output");

	if (o[0] == '\0') {
		kctl_out(call->res, "%s/%s %s%s\n", kctl_type_name(obj->kind), obj->meta.name,
		    operation, kctl_dry_run_suffix(dry));
		return 0;
	}
	if (strcmp(o, "name") == 0) {
		kctl_out(call->res, "%s/%s\n", kctl_type_name(obj->kind), obj->meta.name);
		return 0;
	}
	if (doc == NULL)
		return 0;
	return kctl_print_doc(call, o, doc);
}

/*
 * StandardErrorMessage of a Status that AddSourceToErr may have prefixed
 * with "error when <doing> "<source>": ".
 */
static void
standard_message(const struct api_status *st, const char *doing, const char *source,
    struct strbuf *out)
{
	const char *reason = api_reason_name(st->reason);

	if (reason[0] != '\0')
		sb_addf(out, "Error from server (%s): ", reason);
	else
		sb_add(out, "Error from server: ");
	if (doing != NULL && source != NULL)
		sb_addf(out, "error when %s \"%s\": ", doing, source);
	sb_add(out, sb_str(&st->message));
}

/* cmdutil.CheckErr on one error: an Invalid Status is worded from its details. */
static void
single_message(const struct api_status *st, const char *doing, const char *source,
    struct strbuf *out)
{
	if (st->reason == API_INVALID && st->shown.len > 0)
		sb_add(out, sb_str(&st->shown));
	else
		standard_message(st, doing, source, out);
}

void
kctl_api_error(struct kctl_call *call, const struct api_status *st, const char *doing,
    const char *source)
{
	struct strbuf text = STRBUF_INIT;

	single_message(st, doing, source, &text);
	kctl_err(call->res, "%s\n", sb_str(&text));
	sb_free(&text);
	call->res->status = 1;
}

void
kctl_errs_add(struct kctl_errs *e, const struct api_status *st, const char *doing,
    const char *source)
{
	struct strbuf single = STRBUF_INIT, multi = STRBUF_INIT;

	single_message(st, doing, source, &single);
	standard_message(st, doing, source, &multi);
	vec_push(&e->single, sb_take(&single));
	vec_push(&e->multi, sb_take(&multi));
}

void
kctl_errs_flush(struct kctl_call *call, struct kctl_errs *e)
{
	/* An aggregate of one is unwrapped; several print each in standard form (MultipleErrors). */
	for (size_t i = 0; i < e->single.n; i++)
		kctl_err(call->res, "%s\n",
		    (const char *)(e->single.n == 1 ? e->single.v[i] : e->multi.v[i]));
	if (e->single.n > 0)
		call->res->status = 1;
	for (size_t i = 0; i < e->single.n; i++) {
		free(e->single.v[i]);
		free(e->multi.v[i]);
	}
	vec_free(&e->single);
	vec_free(&e->multi);
}

int
kctl_write_update(struct kctl_call *call, struct object *edited, const char *operation,
    enum kctl_dry_run dry)
{
	return kctl_write_update_as(call, edited, operation, dry, true);
}

int
kctl_write_update_as(struct kctl_call *call, struct object *edited, const char *operation,
    enum kctl_dry_run dry, bool dry_suffix)
{
	enum kctl_dry_run shown = dry_suffix ? dry : KCTL_DRY_NONE;

	const char *fmt = kctl_str(call, "output");
	bool want_doc = fmt[0] != '\0' && strcmp(fmt, "name") != 0;
	struct api_opts o = {dry == KCTL_DRY_SERVER, API_FIELDS_STRICT, NULL, NULL};
	struct api_status st;
	struct object *out;
	cJSON *doc = NULL;
	int rc = 0;

	if (dry == KCTL_DRY_CLIENT) {
		/* Nothing is sent: kubectl prints the object as it changed it. */
		if (want_doc)
			doc = api_encode_result(call->c, edited);
		rc = kctl_write_print(call, edited, doc, operation, shown);
		cJSON_Delete(doc);
		object_free(edited);
		return rc;
	}
	api_status_init(&st);
	if (api_update(call->c, edited, &o, &out, &st) < 0) {
		kctl_api_error(call, &st, NULL, NULL);
		api_status_free(&st);
		return 1;
	}
	api_status_free(&st);
	if (want_doc)
		doc = api_encode_result(call->c, out);
	rc = kctl_write_print(call, out, doc, operation, shown);
	cJSON_Delete(doc);
	if (dry == KCTL_DRY_SERVER)
		object_free(out);
	return rc;
}

/* ---- the objects a write names ---- */

void
kctl_targets_free(struct vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		struct kctl_target *t = v->v[i];

		free(t->name);
		free(t);
	}
	vec_free(v);
}

static void
target_add(struct vec *v, enum kind k, const char *name)
{
	struct kctl_target *t = xmalloc(sizeof *t);

	t->kind = k;
	t->name = xstrdup(name);
	vec_push(v, t);
}

static const char combined_args_error[] =
    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

int
kctl_resolve_targets(struct kctl_call *call, char *const *args, size_t n, struct vec *out)
{
	enum kind k;

	if (kctl_given(call, "filename")) {
		struct vec srcs = VEC_INIT;
		struct ks_err err;
		int rc = 0;

		if (kctl_sources(call, &srcs, &err) < 0)
			rc = kctl_error(call, "%s", err.msg);
		for (size_t f = 0; f < srcs.n; f++) {
			struct vec objs = VEC_INIT;

			if (rc == 0 && kctl_read_manifests(call, srcs.v[f], &objs, NULL, NULL, &err) < 0)
				rc = kctl_error(call, "%s", err.msg);
			for (size_t i = 0; i < objs.n; i++) {
				struct object *o = objs.v[i];

				target_add(out, o->kind, o->meta.name ? o->meta.name : "");
				object_free(o);
			}
			vec_free(&objs);
			free(srcs.v[f]);
		}
		vec_free(&srcs);
		return rc;
	}
	if (n == 0) {
		kctl_no_resources_error(call);
		return call->res->status = 1;
	}
	if (strchr(args[0], '/') != NULL) {
		for (size_t i = 0; i < n; i++) {
			const char *slash = strchr(args[i], '/');
			char type[128];

			if (slash == NULL)
				return kctl_error(call, "%s", combined_args_error);
			snprintf(type, sizeof type, "%.*s", (int)(slash - args[i]), args[i]);
			if (kctl_resource(type, &k) < 0)
				return kctl_unknown_type(call, type);
			target_add(out, k, slash + 1);
		}
		return 0;
	}
	if (kctl_resource(args[0], &k) < 0)
		return kctl_unknown_type(call, args[0]);
	if (n == 1)
		return kctl_error(call, "resource(s) were provided, but no name was specified");
	for (size_t i = 1; i < n; i++) {
		if (strchr(args[i], '/') != NULL)
			return kctl_error(call, "%s", combined_args_error);
		target_add(out, k, args[i]);
	}
	return 0;
}
