/*
 * sched.h - the default scheduler (pkg/scheduler), the parts that decide
 * where a pod can go: the filter plugins, the FailedScheduling message, and
 * binding.
 */
#ifndef KS_CONTROL_SCHED_H
#define KS_CONTROL_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctl_env;
struct node;
struct pod;
struct sched;
struct store;

struct sched *sched_new(const struct ctl_env *env);
void sched_free(struct sched *s);
/* stopScheduler / startScheduler. */
void sched_set_running(struct sched *s, bool running);
bool sched_running(const struct sched *s);

/*
 * Run the filter plugins for pod on node, in the default profile's order;
 * returns NULL when the node fits, else the first failing plugin's reason
 * ("node(s) had untolerated taint {k: v}", "Insufficient cpu", ...). Several
 * NodeResourcesFit reasons are joined with "\n". buf holds the text.
 */
const char *sched_filter(const struct store *st, const struct pod *pod, const struct node *node,
    char *buf, size_t len);

/* Sum of the requests of the non-terminal pods bound to node, in milli-units. */
int64_t sched_node_requested(const struct store *st, const char *node, const char *resource,
    const char *except_owner_uid);
int sched_node_pod_count(const struct store *st, const char *node);
struct pod_spec;
/* NodePorts: does spec want a host port another pod on node holds (self and except_owner_uid's pods aside)? */
bool sched_ports_conflict(const struct store *st, const struct pod_spec *spec, const struct pod *self,
    const char *node, const char *except_owner_uid);

#endif
