/*
 * podgc.h - the pod garbage collector (pkg/controller/podgc): force-deletes
 * pods bound to nodes that no longer exist.
 */
#ifndef KS_CONTROL_PODGC_H
#define KS_CONTROL_PODGC_H

struct ctl_env;
struct podgc;

struct podgc *podgc_new(const struct ctl_env *env);
void podgc_free(struct podgc *pg);

#endif
