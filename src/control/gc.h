/*
 * gc.h - the garbage collector (pkg/controller/garbagecollector): deletes
 * or orphans the dependents of a deleted owner.
 */
#ifndef KS_CONTROL_GC_H
#define KS_CONTROL_GC_H

struct ctl_env;
struct gc;

struct gc *gc_new(const struct ctl_env *env);
void gc_free(struct gc *g);

#endif
