/*
 * write.h - what kubectl's write verbs share: --dry-run, -o on the
 * object the server returned, and how a metav1.Status is worded.
 *
 * Every write verb sends its change through the API layer
 * (src/apiserver/), as the real kubectl sends a request; these helpers are
 * the client half (cmdutil.GetDryRunStrategy, genericclioptions.PrintFlags,
 * cmdutil.CheckErr and AddSourceToErr).
 */
#ifndef KS_KUBECTL_WRITE_H
#define KS_KUBECTL_WRITE_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "api/meta.h"
#include "kubectl/kctl.h"
#include "util/vec.h"

struct api_status;

enum kctl_dry_run {
	KCTL_DRY_NONE,
	KCTL_DRY_CLIENT,
	KCTL_DRY_SERVER,
};

#define KCTL_DRY_RUN_FLAG                                                                          \
	{"dry-run", 0, KF_BOOL, "none",                                                          \
		"Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.", \
		"unchanged"}

#define KCTL_WRITE_OUTPUT_FLAG                                                                     \
	{"output", 'o', KF_STRING, NULL,                                                           \
		"Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).", \
		NULL}

/* GetDryRunStrategy: parses --dry-run; on a bad value prints kubectl's error and returns -1. */
int kctl_dry_run(struct kctl_call *call, enum kctl_dry_run *out);
/* " (dry run)", " (server dry run)" or "", as kubectl appends to its messages. */
const char *kctl_dry_run_suffix(enum kctl_dry_run d);

/* Checks -o for a write verb (json, yaml, name, jsonpath=...); -1 with kubectl's error. */
int kctl_write_output_check(struct kctl_call *call);
/*
 * Prints the outcome of a write on obj: "<type>/<name> <operation><dry-run
 * suffix>" by default, or obj (its returned document doc, which may be
 * NULL for -o name) in the -o format. Returns 0, or 1 when a jsonpath fails.
 */
int kctl_write_print(struct kctl_call *call, const struct object *obj, const cJSON *doc,
    const char *operation, enum kctl_dry_run dry);

/*
 * Sends edited (a copy from api_edit that the verb changed; consumed) as
 * an update and prints the outcome as kctl_write_print does, or kubectl's
 * error. Returns 0, or 1 on failure.
 */
int kctl_write_update(struct kctl_call *call, struct object *edited, const char *operation,
    enum kctl_dry_run dry);
/*
 * kctl_write_update, with dry_suffix false for the verbs whose message never
 * says "(dry run)" or "(server dry run)" (taint, patch: their Complete sets the suffix before ToPrinter overwrites the operation).
 */
int kctl_write_update_as(struct kctl_call *call, struct object *edited, const char *operation,
    enum kctl_dry_run dry, bool dry_suffix);

/*
 * A failed request as kubectl prints it: "Error from server (Reason):
 * [error when <doing> "<source>": ]message", except Invalid, whose message
 * kubectl prints alone. doing and source may be NULL. Sets exit status 1.
 */
void kctl_api_error(struct kctl_call *call, const struct api_status *st, const char *doing,
    const char *source);

/* An object a command names: its kind and name (namespace from -n). */
struct kctl_target {
	enum kind kind;
	char *name;
};
/*
 * ResourceTypeOrNameArgs over args (TYPE NAME..., TYPE/NAME...) or the
 * objects of -f: appends struct kctl_target *. Returns 0, or 1 after
 * kubectl's error.
 */
int kctl_resolve_targets(struct kctl_call *call, char *const *args, size_t n, struct vec *out);
void kctl_targets_free(struct vec *v);

/*
 * Errors kubectl gathers while it visits every object of its -f sources
 * and prints at the end as one aggregate (cmdutil.CheckErr).
 */
struct kctl_errs {
	struct vec single; /* char *: how the error prints when it is the only one */
	struct vec multi;  /* char *: how it prints among several */
};
#define KCTL_ERRS_INIT {VEC_INIT, VEC_INIT}

void kctl_errs_add(struct kctl_errs *e, const struct api_status *st, const char *doing,
    const char *source);
/* Prints them (and sets exit status 1 when there were any), then empties e. */
void kctl_errs_flush(struct kctl_call *call, struct kctl_errs *e);

#endif
