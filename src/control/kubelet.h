/*
 * kubelet.h - every node's kubelet: admits bound pods, starts and stops
 * their containers, reports pod status and IPs.
 */
#ifndef KS_CONTROL_KUBELET_H
#define KS_CONTROL_KUBELET_H

#include <stdbool.h>

struct ctl_env;
struct kubelet;
struct node;

struct kubelet *kubelet_new(const struct ctl_env *env);
void kubelet_free(struct kubelet *k);
/* failNode / recoverNode: a silent kubelet neither starts nor stops pods. */
void kubelet_set_alive(struct kubelet *k, const char *node, bool alive);
bool kubelet_alive(const struct kubelet *k, const char *node);
/*
 * The node lease controller starts with the kubelet: it creates its node's
 * Lease in kube-node-lease (owned by the Node) and renews it while the
 * kubelet is alive (api/lease.h says how the renewals stay implicit).
 */
void kubelet_start_lease(struct kubelet *k, const struct node *n);

#endif
