/*
 * node.h - core/v1 Node: labels, taints, cordon, capacity and conditions.
 */
#ifndef KS_API_NODE_H
#define KS_API_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"
#include "api/pod.h"
#include "api/taint.h"

struct node_cond {
	char *type;
	const char *status; /* "True", "False", "Unknown" */
	char *reason;
	char *message;
	int64_t heartbeat_ms;
	int64_t transition_ms;
};

struct node {
	struct object obj;
	bool unschedulable;
	struct taint *taints;
	size_t n_taints;
	char *pod_cidr;
	struct res_list capacity;
	struct res_list allocatable;
	struct node_cond *conds;
	size_t n_conds;
	char *internal_ip;
	char *kubelet_version;
	char *os_image;
	char *kernel_version;
	char *container_runtime;
	/* nodeInfo the kubelet reads from the machine: /etc/machine-id, the DMI product uuid, the boot id. */
	char *machine_id;
	char *system_uuid;
	char *boot_id;
};

struct node *node_new(const char *name);
void node_free(struct node *n);
void node_add_taint(struct node *n, const struct taint *t);
/* Remove every taint with key (and effect, unless EFFECT_ALL); true if any. */
bool node_remove_taint(struct node *n, const char *key, enum taint_effect effect);
const struct taint *node_find_taint(const struct node *n, const char *key, enum taint_effect effect);
struct node_cond *node_cond(struct node *n, const char *type);
const struct node_cond *node_cond_const(const struct node *n, const char *type);
/* Set a condition (added when missing); transition time moves only when status changes. */
void node_set_cond(struct node *n, const char *type, const char *status, const char *reason,
    const char *message, int64_t now_ms);
/* "True", "False", "Unknown", or NULL when there is no Ready condition. */
const char *node_ready_status(const struct node *n);
bool node_is_ready(const struct node *n);
/*
 * Fills machineID, systemUUID and bootID, when unset, from the node's uid:
 * stable for a node's life, different between nodes. Needs the uid, so it
 * runs once the node is stored.
 */
void node_set_system_ids(struct node *n);

#endif
