/*
 * placement.h - how the DaemonSet controller places a daemon pod.
 *
 * Two modes share the controller and differ only here (htop's "class as a
 * struct of function pointers"):
 *  - scheduler (Kubernetes >= 1.12): the controller decides which nodes
 *    should run a pod (NodeShouldRunDaemonPod) and pins each pod to its node
 *    with required node affinity on metadata.name; the default scheduler
 *    binds it.
 *  - legacy (before 1.12): the controller runs the scheduling predicates
 *    itself and sets spec.nodeName.
 */
#ifndef KS_CONTROL_PLACEMENT_H
#define KS_CONTROL_PLACEMENT_H

#include <stdbool.h>
#include <stddef.h>

struct ctl_env;
struct daemonset;
struct node;
struct pod;

/* The three-valued answer of nodeShouldRunDaemonPod (legacy keeps all three). */
struct placement_fit {
	bool run;             /* NodeShouldRunDaemonPod's shouldRun, before any fit */
	bool want;            /* counted in desiredNumberScheduled */
	bool should_schedule; /* a missing pod may be created now */
	bool keep;            /* an existing pod may stay (shouldContinueRunning) */
	char why[256];        /* legacy: the FailedPlacement reason, "" when none */
};

struct ds_placement {
	const char *name;
	void (*fit)(const struct ctl_env *env, const struct daemonset *ds, const struct node *node,
	    struct placement_fit *out);
	/* Make a fresh pod (built from the template) belong to node. */
	void (*pin)(struct pod *pod, const char *node);
};

extern const struct ds_placement placement_scheduler;
extern const struct ds_placement placement_legacy;

/*
 * NodeShouldRunDaemonPod (pkg/controller/daemon): template nodeName, node
 * selector and required affinity, and NoSchedule/NoExecute taints against
 * the pod's tolerations plus the default DaemonSet tolerations. Shared by
 * both modes.
 */
void placement_should_run(const struct daemonset *ds, const struct node *node, bool *should_run,
    bool *should_continue);

/* The node a daemon pod is for: spec.nodeName, else its metadata.name affinity (GetTargetNodeName). */
const char *placement_target_node(const struct pod *pod);

/* AddOrUpdateDaemonPodTolerations (util/daemonset_util.go). */
void placement_add_default_tolerations(struct pod *pod);

#endif
