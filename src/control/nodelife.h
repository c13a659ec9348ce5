/*
 * nodelife.h - node registration and health: the kubelet's node status and
 * the node lifecycle controller's taints (pkg/controller/nodelifecycle).
 */
#ifndef KS_CONTROL_NODELIFE_H
#define KS_CONTROL_NODELIFE_H

#include <stdbool.h>

struct ctl_env;
struct nodelife;

struct nodelife *nodelife_new(const struct ctl_env *env);
void nodelife_free(struct nodelife *nl);
/*
 * A node object was just created by its kubelet: it turns Ready nodeJoin
 * later, or stays NotReady when ready is false. Until Ready it carries the
 * node.kubernetes.io/not-ready taints.
 */
void nodelife_joined(struct nodelife *nl, const char *node, bool ready);
/* failNode: the kubelet stopped posting; the monitor notices after the grace period. */
void nodelife_fail(struct nodelife *nl, const char *node);
/* recoverNode: the kubelet posts again: Ready, and the unreachable taints go. */
void nodelife_recover(struct nodelife *nl, const char *node);

#endif
