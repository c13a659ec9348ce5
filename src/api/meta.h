/*
 * meta.h - what every API object has: its kind and its ObjectMeta.
 *
 * Every typed object (struct node, struct pod, ...) starts with a struct
 * object, so the store, the codecs and kubectl handle them through one
 * pointer type and switch on kind only where the kinds differ. Times are
 * simulated milliseconds since the cluster started (-1 when unset).
 */
#ifndef KS_API_META_H
#define KS_API_META_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/labels.h"

enum kind {
	KIND_NODE,
	KIND_POD,
	KIND_DAEMONSET,
	KIND_EVENT,
	KIND_CONTROLLERREVISION,
	KIND_NAMESPACE,
	KIND_LEASE,
	KIND__COUNT,
};

/* Atoms (util/atom.h): the pods of a DaemonSet share their owner's strings. */
struct owner_ref {
	const char *api_version;
	const char *kind;
	const char *name;
	const char *uid;
	bool controller;
	bool block_owner_deletion;
};

struct meta {
	const char *ns; /* NULL for cluster-scoped kinds; an atom (util/atom.h), set by meta_set_ns */
	char *name;
	char *generate_name;
	char *uid;
	uint64_t resource_version;
	int64_t generation;
	int64_t creation_ms;
	struct labels labels;
	struct labels annotations;
	struct owner_ref *owners;
	size_t n_owners;
	char **finalizers;
	size_t n_finalizers;
	int64_t deletion_ms; /* -1: not being deleted */
	int64_t deletion_grace_s;
};

struct object {
	enum kind kind;
	struct meta meta;
	/* Store bookkeeping; only store.c touches these. */
	size_t store_slot;
	void *store_index; /* a pod's place in the pod indexes */
};

/*
 * Simulated time 0 is this wall-clock instant (2025-01-01T00:00:00Z), so
 * timestamps print as real RFC 3339 times.
 */
#define KS_EPOCH_UNIX 1735689600LL

/*
 * The Unix time simulated time 0 stands for: KS_EPOCH_UNIX, unless a front
 * end that talks to clients with real clocks (kubesim serve, whose clients
 * age objects by the wall clock) moves it, once, before serving.
 */
int64_t meta_epoch_unix(void);
void meta_set_epoch_unix(int64_t unix_s);

/* "2025-01-01T00:01:00Z" for a simulated time in ms (seconds precision, as metav1.Time). */
void meta_format_time(int64_t ms, char *buf, size_t len);

void meta_init(struct meta *m);
/* The namespace (NULL: none), replacing the one there. */
void meta_set_ns(struct meta *m, const char *ns);
/* The namespace of from, shared without a look-up (it is an atom already). */
void meta_share_ns(struct meta *m, const struct meta *from);
void meta_free(struct meta *m);
/* Deep copy; dst is overwritten. */
void meta_copy(struct meta *dst, const struct meta *src);
bool meta_deleting(const struct meta *m);
/* For qsort and vec_sort over struct object *: by namespace, then name, as the API server lists. */
int object_cmp_ns_name(const void *a, const void *b);
/* The ownerReference with controller=true, or NULL (metav1.GetControllerOf). */
const struct owner_ref *meta_controller(const struct meta *m);
void meta_add_owner(struct meta *m, const char *api_version, const char *kind, const char *name,
    const char *uid, bool controller);
/* Removes every ownerReference with this uid; true when one was removed. */
bool meta_remove_owner(struct meta *m, const char *uid);
bool meta_has_finalizer(const struct meta *m, const char *f);
void meta_add_finalizer(struct meta *m, const char *f);
bool meta_remove_finalizer(struct meta *m, const char *f);

/* "Node", "Pod", "DaemonSet", "Event". */
const char *kind_name(enum kind k);
/* Resource plural with group as kubectl names it in errors: "daemonsets.apps", "pods", "nodes". */
const char *kind_resource(enum kind k);
/* "apps/v1", "v1". */
const char *kind_api_version(enum kind k);
/* The apiVersion of the kind kind_name calls name ("Pod": "v1"); NULL for a kind kubesim lacks. */
const char *kind_name_api_version(const char *name);
bool kind_namespaced(enum kind k);

void owner_ref_free(struct owner_ref *r);

/* Free any object through its kind. */
void object_free(struct object *obj);

#endif
