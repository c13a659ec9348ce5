/*
 * store.h - the in-memory API server.
 *
 * Holds every object, assigns uid, resourceVersion, generation and
 * creationTimestamp, generates names from generateName, keeps the indexes
 * the controllers need (pods by node, pods by controller uid, with "" for
 * orphans) and tells watchers about every change.
 *
 * Writers mutate an object in place and then call store_update, which bumps
 * its resourceVersion, re-indexes it and notifies: there is no copy per
 * write, which is what lets a 10,000-node cluster run in memory. Watchers
 * are called synchronously; components only schedule work on the engine from
 * them, and must hold keys (uid, namespace/name), never pointers, across
 * simulated time, because a deleted object is freed right after its DELETED
 * notification.
 */
#ifndef KS_API_STORE_H
#define KS_API_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"
#include "util/vec.h"

struct ks_err;
struct store;

enum store_op {
	STORE_ADDED,
	STORE_MODIFIED,
	STORE_DELETED,
};

enum store_rc {
	STORE_OK = 0,
	STORE_ERR_EXISTS = -1,
	STORE_ERR_NOT_FOUND = -2,
	STORE_ERR_INVALID = -3,
	STORE_ERR_REFUSED = -4, /* by the admission hook */
};

typedef void (*store_watch_fn)(void *ctx, enum store_op op, struct object *obj);

struct store_hooks {
	int64_t (*now_ms)(void *ctx);
	uint64_t (*random)(void *ctx);
	void *ctx;
};

/*
 * Admission for every create (the cluster installs NamespaceLifecycle):
 * return < 0 with err filled to refuse obj.
 */
typedef int (*store_admit_fn)(void *ctx, const struct store *s, const struct object *obj,
    struct ks_err *err);

struct store *store_new(const struct store_hooks *hooks);
void store_set_admit(struct store *s, store_admit_fn fn, void *ctx);
void store_free(struct store *s);
void store_watch(struct store *s, store_watch_fn fn, void *ctx);
int64_t store_now(const struct store *s);

/*
 * Add obj. On success the store owns it (name generated from generateName
 * when empty, uid, resourceVersion, generation 1, creationTimestamp set) and
 * returns STORE_OK; otherwise the caller still owns it and err says why
 * (STORE_ERR_EXISTS: `<resource> "<name>" already exists`).
 */
int store_create(struct store *s, struct object *obj, struct ks_err *err);
/*
 * The checks and system fields of store_create (name from generateName,
 * uid, creation time; no resourceVersion) without storing: a dry run.
 */
int store_create_dry_run(struct store *s, struct object *obj, struct ks_err *err);
/* After mutating obj in place: new resourceVersion, re-index, notify. */
void store_update(struct store *s, struct object *obj);
/*
 * Ask for deletion, as the API server's DELETE does. Objects with finalizers,
 * and pods bound to a node (which the kubelet must stop), get a
 * deletionTimestamp and stay; everything else is removed at once. grace_s < 0
 * means the pod's terminationGracePeriodSeconds; 0 removes a pod at once.
 */
void store_delete(struct store *s, struct object *obj, int64_t grace_s);
/* Remove now (the kubelet's final delete, a force delete): notify, then free. */
void store_remove(struct store *s, struct object *obj);

struct object *store_get(const struct store *s, enum kind k, const char *ns, const char *name);
struct object *store_get_uid(const struct store *s, const char *uid);
size_t store_count(const struct store *s, enum kind k);
/* Objects of a kind in creation order (ns NULL: every namespace). */
void store_list(const struct store *s, enum kind k, const char *ns, struct vec *out);
/* The same, sorted by namespace then name, as the API server lists them. */
void store_list_sorted(const struct store *s, enum kind k, const char *ns, struct vec *out);
/* Pods whose spec.nodeName is node (NULL when none); order unspecified. */
const struct vec *store_pods_on_node(const struct store *s, const char *node);
/* Unbound pods whose required affinity pins them to node (daemon pods in scheduler mode). */
const struct vec *store_pods_pinned_to(const struct store *s, const char *node);
/*
 * Pods owned by owner_uid (controller ownerReference) that are bound to
 * node, or unbound and pinned to it (getNodesToDaemonPods' grouping);
 * NULL when none.
 */
const struct vec *store_pods_for_node(const struct store *s, const char *owner_uid,
    const char *node);

/* The resources whose requests the store sums per node. */
enum store_resource {
	STORE_RES_CPU,
	STORE_RES_MEMORY,
	STORE_RES_EPHEMERAL_STORAGE,
	STORE_RES__COUNT,
};
/* "cpu", "memory", "ephemeral-storage"; -1 for any other. */
int store_resource_index(const char *resource);

/* What the pods bound to a node and not finished add up to (NodeInfo's Requested). */
struct store_node_usage {
	int pods;
	int host_port_pods; /* how many of them ask for a host port */
	int64_t milli[STORE_RES__COUNT];
};
/* Never NULL: a node without pods has a zero usage. */
const struct store_node_usage *store_node_usage(const struct store *s, const char *node);

/* Pods whose controller ownerReference has this uid; "" for pods with none. */
const struct vec *store_pods_owned_by(const struct store *s, const char *uid);
/* The resourceVersion of the latest write (a list's metadata.resourceVersion). */
uint64_t store_resource_version(const struct store *s);
/* Total store writes so far (creates, updates, deletes). */
uint64_t store_writes(const struct store *s);

#endif
