/*
 * apiserver.h - the API semantics every client shares.
 *
 * What kube-apiserver does between decoding a request and writing etcd,
 * for the built-in kubectl today and `kubesim serve` next: admission
 * (defaulting, namespace lifecycle, validation, field validation), the
 * registry strategies (what an update may change, generation bumps, status
 * kept from the live object), resourceVersion preconditions, dry run, and
 * failures as metav1.Status values. It takes and returns objects, never
 * text for a terminal: the caller decides how kubectl words a Status.
 *
 * Writes come in three shapes, as over HTTP:
 *  - api_create (POST) and api_update (PUT) take a whole object;
 *  - api_edit hands out a copy of a live object's writable part (metadata
 *    and spec, no status) for a client to change and send back with
 *    api_update, which is how kubectl's label, taint, cordon, set image and
 *    rollout verbs compute their patches;
 *  - api_delete asks for deletion with DeleteOptions.
 * With dry_run set nothing is stored and no controller hears of it, but
 * every check runs, so the answer is what the write would have returned.
 */
#ifndef KS_APISERVER_APISERVER_H
#define KS_APISERVER_APISERVER_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "api/meta.h"
#include "util/strbuf.h"

struct cluster;

/* metav1.StatusReason values kubesim answers with. */
enum api_reason {
	API_OK = 0,
	API_BAD_REQUEST,
	API_NOT_FOUND,
	API_ALREADY_EXISTS,
	API_CONFLICT,
	API_INVALID,
	API_FORBIDDEN,
	API_METHOD_NOT_ALLOWED,
	API_INTERNAL,
	API_UNKNOWN, /* a 500 with no reason, which kubectl prints as "Error from server: ..." */
};

/* A failed request as metav1.Status: reason, HTTP code and message. */
struct api_status {
	enum api_reason reason;
	int code;
	/*
	 * The Status message as the server words it: `daemonsets.apps "x"
	 * not found`, `The DaemonSet "x" is invalid: spec.selector: ...`.
	 */
	struct strbuf message;
	/*
	 * Invalid only: how kubectl words the Status from its details
	 * (cmdutil.CheckErr: `The DaemonSet "x" is invalid: ...`, or "The
	 * request is invalid: ..." when there is no kind and name).
	 */
	struct strbuf shown;
	/*
	 * metav1.StatusDetails for an Invalid Status (name, group, kind and
	 * a cause per field error), which a client renders; NULL otherwise.
	 */
	cJSON *details;
};

void api_status_init(struct api_status *st);
void api_status_free(struct api_status *st);
/* "NotFound", "AlreadyExists", "Conflict", "Invalid", ... ("" for API_OK). */
const char *api_reason_name(enum api_reason r);
/* Fill st and return -1, for `return api_fail(st, API_NOT_FOUND, "...")`. */
int api_fail(struct api_status *st, enum api_reason r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

struct field_errors;
/*
 * An Invalid Status from field errors (apierrors.NewInvalid): the message
 * `DaemonSet.apps "x" is invalid: [a, b]` and kubectl's rendering of it.
 * Returns -1.
 */
int api_fail_invalid(struct api_status *st, enum kind k, const char *name,
    const struct field_errors *fe);

/* fieldValidation: what to do with fields the type does not have. */
enum api_field_validation {
	API_FIELDS_STRICT,
	API_FIELDS_WARN,
	API_FIELDS_IGNORE,
};

struct api_opts {
	bool dry_run; /* dryRun=All */
	enum api_field_validation field_validation;
	/*
	 * The decoder's unknown-field warnings for the object sent, one
	 * `Warning: unknown field "spec.x"` line each; NULL or "" for none.
	 */
	const char *unknown_fields;
	/*
	 * Warnings the server returns with a successful answer (fieldValidation
	 * warn): appended here when not NULL.
	 */
	struct strbuf *warnings;
};

/*
 * POST. Consumes obj. On success *out (when out is not NULL) is the stored
 * object, or with dry_run a new object the caller frees with object_free,
 * holding what would have been stored.
 */
int api_create(struct cluster *c, struct object *obj, const struct api_opts *o,
    struct object **out, struct api_status *st);

/*
 * PUT of a whole object, found by its kind, namespace and name. Consumes
 * obj. A non-zero metadata.resourceVersion must match the live one (409
 * Conflict otherwise). Only what the kind's strategy lets a client change
 * is taken: status always stays the live object's. *out as for api_create;
 * for dry_run it is the live object as it would be after the update.
 */
int api_update(struct cluster *c, struct object *obj, const struct api_opts *o,
    struct object **out, struct api_status *st);

/*
 * A copy of the writable part of live (metadata and spec; status left
 * empty), with its resourceVersion, for the client to change and hand to
 * api_update. The caller owns it.
 */
struct object *api_edit(const struct object *live);

/*
 * PATCH: the live object, encoded as the server serves it, with patch
 * applied (type as patch.h's enum patch_type), decoded and sent on as an
 * update. A patch that leaves the object as it was stores nothing; *changed
 * (when not NULL) says which. Unknown fields follow o->field_validation.
 */
int api_patch(struct cluster *c, enum kind k, const char *ns, const char *name, int type,
    const cJSON *patch, const struct api_opts *o, struct object **out, bool *changed,
    struct api_status *st);

enum api_propagation {
	API_PROPAGATE_DEFAULT, /* the kind's default: background for everything kubesim serves */
	API_PROPAGATE_BACKGROUND,
	API_PROPAGATE_FOREGROUND,
	API_PROPAGATE_ORPHAN,
};

struct api_delete_opts {
	bool dry_run;
	/* gracePeriodSeconds; < 0: the object's own (a pod's terminationGracePeriodSeconds). */
	int64_t grace_s;
	enum api_propagation propagation;
	/* preconditions.uid, when not NULL. */
	const char *uid;
};

/*
 * DELETE. Objects with finalizers, and pods a kubelet must stop, stay with
 * a deletionTimestamp; the rest go at once. Deleting a Node also stops its
 * kubelet (the simulated machine leaves with it).
 */
int api_delete(struct cluster *c, struct object *obj, const struct api_delete_opts *o,
    struct api_status *st);

/*
 * The object the server returns for a write, as JSON, for -o json|yaml|...
 * with dry run: the stored object, or the live one with the candidate's
 * metadata and spec, which is what an update would leave.
 */
cJSON *api_encode_result(struct cluster *c, const struct object *result);

#endif
