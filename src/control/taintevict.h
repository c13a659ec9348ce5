/*
 * taintevict.h - the taint eviction controller (pkg/controller/tainteviction):
 * deletes pods from nodes with NoExecute taints they do not tolerate.
 */
#ifndef KS_CONTROL_TAINTEVICT_H
#define KS_CONTROL_TAINTEVICT_H

struct ctl_env;
struct taintevict;

struct taintevict *taintevict_new(const struct ctl_env *env);
void taintevict_free(struct taintevict *te);

#endif
