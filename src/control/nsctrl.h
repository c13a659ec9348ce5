/*
 * nsctrl.h - the namespace controller (pkg/controller/namespace): empties a
 * Terminating namespace, then removes its "kubernetes" finalizer so the
 * namespace goes.
 */
#ifndef KS_CONTROL_NSCTRL_H
#define KS_CONTROL_NSCTRL_H

struct ctl_env;
struct nsctrl;

struct nsctrl *nsctrl_new(const struct ctl_env *env);
void nsctrl_free(struct nsctrl *nc);

#endif
