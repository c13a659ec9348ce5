/*
 * kubelet.h - every node's kubelet: admits bound pods, starts and stops
 * their containers, reports pod status and IPs.
 */
#ifndef KS_CONTROL_KUBELET_H
#define KS_CONTROL_KUBELET_H

#include <stdbool.h>

struct ctl_env;
struct kubelet;

struct kubelet *kubelet_new(const struct ctl_env *env);
void kubelet_free(struct kubelet *k);
/* failNode / recoverNode: a silent kubelet neither starts nor stops pods. */
void kubelet_set_alive(struct kubelet *k, const char *node, bool alive);
bool kubelet_alive(const struct kubelet *k, const char *node);

#endif
