/*
 * namespace.h - core/v1 Namespace, and the NamespaceLifecycle admission
 * check every create in a namespace goes through.
 *
 * A namespace is Active until it is deleted; then it is Terminating (with a
 * deletionTimestamp) while the namespace controller deletes its content, and
 * it goes when the controller removes the "kubernetes" finalizer from
 * spec.finalizers (pkg/registry/core/namespace/storage, pkg/controller/namespace).
 */
#ifndef KS_API_NAMESPACE_H
#define KS_API_NAMESPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"

struct ks_err;
struct store;

/* The finalizer the API server puts in every namespace's spec.finalizers. */
#define NS_FINALIZER "kubernetes"

struct ns_cond {
	char *type;
	const char *status; /* "True", "False" */
	char *reason;
	char *message;
	int64_t transition_ms;
};

struct namespace {
	struct object obj;
	char **spec_finalizers;
	size_t n_spec_finalizers;
	bool terminating; /* status.phase: Terminating, else Active */
	struct ns_cond *conds;
	size_t n_conds;
};

struct namespace *ns_new(const char *name);
void ns_free(struct namespace *ns);
const char *ns_phase(const struct namespace *ns);
/* What the namespace strategy's PrepareForCreate does: the finalizer, Active, the name label. */
void ns_prepare_for_create(struct namespace *ns);
bool ns_remove_spec_finalizer(struct namespace *ns, const char *f);
/*
 * Set a condition (added when missing); the transition time moves only when
 * status changes. False when nothing changed.
 */
bool ns_set_cond(struct namespace *ns, const char *type, const char *status, const char *reason,
    const char *message, int64_t now_ms);
/* default, kube-system and kube-public may not be deleted (lifecycle.go immortalNamespaces). */
bool ns_immortal(const char *name);

enum nslifecycle_rc {
	NSL_OK = 0,
	NSL_NOT_FOUND = -1, /* 404: namespaces "x" not found */
	NSL_FORBIDDEN = -2, /* 403: ... is forbidden: ... */
};

/*
 * NamespaceLifecycle admission for creating obj
 * (plugin/pkg/admission/namespace/lifecycle): the namespace must exist and
 * must not be terminating. On refusal err holds the Status message without
 * its "Error from server (Reason): " prefix, and the return value says which
 * reason (NSL_NOT_FOUND, NSL_FORBIDDEN).
 */
int nslifecycle_admit(const struct store *st, const struct object *obj, struct ks_err *err);
/* The same for deleting obj: an immortal namespace is Forbidden. */
int nslifecycle_admit_delete(const struct object *obj, struct ks_err *err);
/* "NotFound", "Forbidden": the reason kubectl prints in parentheses. */
const char *nslifecycle_reason(int rc);

#endif
