/*
 * namespace.c - core/v1 Namespace and NamespaceLifecycle admission.
 */
#include "api/namespace.h"

#include <stdlib.h>
#include <string.h>

#include "api/store.h"
#include "util/err.h"
#include "util/xmalloc.h"

struct namespace *
ns_new(const char *name)
{
	struct namespace *ns = xcalloc(1, sizeof *ns);

	ns->obj.kind = KIND_NAMESPACE;
	meta_init(&ns->obj.meta);
	ns->obj.meta.name = xstrdup_or_null(name);
	return ns;
}

void
ns_free(struct namespace *ns)
{
	if (ns == NULL)
		return;
	meta_free(&ns->obj.meta);
	for (size_t i = 0; i < ns->n_spec_finalizers; i++)
		free(ns->spec_finalizers[i]);
	free(ns->spec_finalizers);
	for (size_t i = 0; i < ns->n_conds; i++) {
		free(ns->conds[i].type);
		free(ns->conds[i].reason);
		free(ns->conds[i].message);
	}
	free(ns->conds);
	free(ns);
}

const char *
ns_phase(const struct namespace *ns)
{
	return ns->terminating ? "Terminating" : "Active";
}

/*
 * namespaceStrategy.PrepareForCreate puts "kubernetes" in spec.finalizers
 * and sets the phase Active whatever the client sent; the
 * kubernetes.io/metadata.name label is set by the strategy's defaulting
 * (NamespaceDefaultLabelName, always on since 1.22).
 */
void
ns_prepare_for_create(struct namespace *ns)
{
	bool has = false;

	for (size_t i = 0; i < ns->n_spec_finalizers; i++)
		has = has || strcmp(ns->spec_finalizers[i], NS_FINALIZER) == 0;
	if (!has) {
		ns->spec_finalizers = xreallocarray(ns->spec_finalizers, ns->n_spec_finalizers + 1,
		    sizeof *ns->spec_finalizers);
		ns->spec_finalizers[ns->n_spec_finalizers++] = xstrdup(NS_FINALIZER);
	}
	ns->terminating = false;
	if (ns->obj.meta.name != NULL)
		labels_set(&ns->obj.meta.labels, "kubernetes.io/metadata.name", ns->obj.meta.name);
}

bool
ns_remove_spec_finalizer(struct namespace *ns, const char *f)
{
	for (size_t i = 0; i < ns->n_spec_finalizers; i++) {
		if (strcmp(ns->spec_finalizers[i], f) == 0) {
			free(ns->spec_finalizers[i]);
			memmove(&ns->spec_finalizers[i], &ns->spec_finalizers[i + 1],
			    (ns->n_spec_finalizers - i - 1) * sizeof *ns->spec_finalizers);
			ns->n_spec_finalizers--;
			return true;
		}
	}
	return false;
}

bool
ns_set_cond(struct namespace *ns, const char *type, const char *status, const char *reason,
    const char *message, int64_t now_ms)
{
	struct ns_cond *c = NULL;

	for (size_t i = 0; i < ns->n_conds && c == NULL; i++)
		if (strcmp(ns->conds[i].type, type) == 0)
			c = &ns->conds[i];
	if (c == NULL) {
		ns->conds = xreallocarray(ns->conds, ns->n_conds + 1, sizeof *ns->conds);
		c = &ns->conds[ns->n_conds++];
		memset(c, 0, sizeof *c);
		c->type = xstrdup(type);
		c->transition_ms = now_ms;
	} else if (strcmp(c->status, status) != 0)
		c->transition_ms = now_ms;
	else if (strcmp(c->reason, reason) == 0 && strcmp(c->message, message) == 0)
		return false;
	c->status = status;
	free(c->reason);
	free(c->message);
	c->reason = xstrdup(reason);
	c->message = xstrdup(message);
	return true;
}

bool
ns_immortal(const char *name)
{
	return strcmp(name, "default") == 0 || strcmp(name, "kube-system") == 0 ||
	    strcmp(name, "kube-public") == 0;
}

/* The resource as the API server names it in a Forbidden message: "pods", "daemonsets.apps". */
int
nslifecycle_admit(const struct store *st, const struct object *obj, struct ks_err *err)
{
	const struct namespace *ns;

	if (!kind_namespaced(obj->kind) || obj->meta.ns == NULL)
		return NSL_OK;
	ns = (const struct namespace *)store_get(st, KIND_NAMESPACE, NULL, obj->meta.ns);
	if (ns == NULL) {
		err_set(err, "namespaces \"%s\" not found", obj->meta.ns);
		return NSL_NOT_FOUND;
	}
	if (ns->terminating) {
		err_set(err,
		    "%s \"%s\" is forbidden: unable to create new content in namespace %s because it is being terminated",
		    kind_resource(obj->kind),
		    obj->meta.name != NULL && obj->meta.name[0] != '\0' ? obj->meta.name : "",
		    obj->meta.ns);
		return NSL_FORBIDDEN;
	}
	return NSL_OK;
}

int
nslifecycle_admit_delete(const struct object *obj, struct ks_err *err)
{
	if (obj->kind == KIND_NAMESPACE && ns_immortal(obj->meta.name)) {
		err_set(err, "namespaces \"%s\" is forbidden: this namespace may not be deleted",
		    obj->meta.name);
		return NSL_FORBIDDEN;
	}
	return NSL_OK;
}

const char *
nslifecycle_reason(int rc)
{
	return rc == NSL_NOT_FOUND ? "NotFound" : "Forbidden";
}
