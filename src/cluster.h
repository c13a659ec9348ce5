/*
 * cluster.h - the composition root: one simulated cluster.
 *
 * Builds the engine, the store and the control-plane components for a
 * placement mode and timing, and is the only place that wires them. Front
 * ends, kubectl and scenarios drive a cluster through these functions and
 * read its store.
 */
#ifndef KS_CLUSTER_H
#define KS_CLUSTER_H

#include <stdbool.h>
#include <stdint.h>

#include "control/env.h"

struct ks_err;
struct node;
struct store;

struct cluster {
	struct sim *sim;
	struct store *store;
	struct recorder *rec;
	struct rng rng;
	struct timing timing;
	struct ctl_env env;
	struct dsctrl *dsc;
	struct sched *sched;
	struct kubelet *kubelet;
	struct nodelife *nodelife;
	struct podgc *podgc;
	struct gc *gc;
	struct taintevict *taintevict;
	struct eventttl *eventttl;
	struct nsctrl *nsctrl;
	unsigned next_node_index;
	struct image_rule *images;
	size_t n_images;
};

struct cluster *cluster_new(enum placement_mode mode, const struct timing *timing, uint64_t seed);
void cluster_free(struct cluster *c);
/*
 * The same, for a cluster the process is about to exit with: a big
 * cluster's tens of millions of blocks take seconds to free, and the kernel
 * takes the memory back at once. Freed for real in sanitizer builds
 * (KS_FREE_AT_EXIT), whose leak checker looks.
 */
void cluster_free_at_exit(struct cluster *c);
sim_ms cluster_now(const struct cluster *c);
/* Images that fail to pull or pull slowly (copied). */
void cluster_set_images(struct cluster *c, const struct image_rule *rules, size_t n);
/* Add or change one image's rule (copied), or with remove drop it (the image pulls normally). */
void cluster_set_image_rule(struct cluster *c, const struct image_rule *rule, bool remove);

/*
 * A node joins. Takes ownership of node (name, labels, taints, capacity,
 * unschedulable set by the caller; defaults filled in). With joining, the
 * node registers NotReady and turns Ready nodeJoin later (unless ready is
 * false); without, it is Ready at once (the cluster's initial nodes).
 */
int cluster_add_node(struct cluster *c, struct node *node, bool joining, bool ready,
    struct ks_err *err);
/* The node object is deleted (the machine is gone). */
int cluster_remove_node(struct cluster *c, const char *name, struct ks_err *err);
/* failNode: the node's kubelet stops (no heartbeats, no pod work) until recoverNode. */
int cluster_fail_node(struct cluster *c, const char *name, struct ks_err *err);
int cluster_recover_node(struct cluster *c, const char *name, struct ks_err *err);

/*
 * Run what is due at the current instant (a write's zero-delay reactions),
 * for a clock that stands still between requests.
 */
void cluster_settle(struct cluster *c);
/* Run the simulation up to time t (no-op when t is in the past). */
void cluster_advance_to(struct cluster *c, sim_ms t);
/* Advance (at most max_ms) until no object with these uids exists; true if none is left. */
bool cluster_wait_gone(struct cluster *c, char *const *uids, size_t n, sim_ms max_ms);
/* Advance until pred holds (checked after each event) or the deadline; true if it held. */
bool cluster_advance_until(struct cluster *c, sim_ms deadline, bool (*pred)(void *ctx), void *ctx);

#endif
