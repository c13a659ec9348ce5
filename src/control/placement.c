/*
 * placement.c - what both placement modes share: which nodes should run a
 * daemon pod, and the tolerations every daemon pod carries.
 */
#include "control/placement.h"

#include <string.h>

#include "api/daemonset.h"
#include "api/node.h"
#include "api/pod.h"

/*
 * util/daemonset_util.go AddOrUpdateDaemonPodTolerations, in its order.
 * Daemons must survive a node's trouble, so they tolerate the taints that
 * the node lifecycle controller puts on unhealthy or cordoned nodes.
 */
static const struct {
	const char *key;
	enum taint_effect effect;
	bool host_network_only;
} default_tolerations[] = {
	{"node.kubernetes.io/not-ready", EFFECT_NO_EXECUTE, false},
	{"node.kubernetes.io/unreachable", EFFECT_NO_EXECUTE, false},
	{"node.kubernetes.io/disk-pressure", EFFECT_NO_SCHEDULE, false},
	{"node.kubernetes.io/memory-pressure", EFFECT_NO_SCHEDULE, false},
	{"node.kubernetes.io/pid-pressure", EFFECT_NO_SCHEDULE, false},
	{"node.kubernetes.io/unschedulable", EFFECT_NO_SCHEDULE, false},
	{"node.kubernetes.io/network-unavailable", EFFECT_NO_SCHEDULE, true},
};

void
placement_add_default_tolerations(struct pod *pod)
{
	for (size_t i = 0; i < sizeof default_tolerations / sizeof default_tolerations[0]; i++) {
		struct toleration t;

		if (default_tolerations[i].host_network_only && !pod->spec.host_network)
			continue;
		toleration_init(&t, default_tolerations[i].key, TOL_EXISTS, "",
		    default_tolerations[i].effect);
		pod_add_or_update_toleration(&pod->spec, &t);
		toleration_free(&t);
	}
}

static bool
tolerated_with_defaults(const struct pod_spec *spec, const struct taint *taint)
{
	if (tolerations_tolerate(spec->tolerations, spec->n_tolerations, taint))
		return true;
	for (size_t i = 0; i < sizeof default_tolerations / sizeof default_tolerations[0]; i++) {
		if (default_tolerations[i].host_network_only && !spec->host_network)
			continue;
		if (strcmp(default_tolerations[i].key, taint->key) == 0 &&
		    default_tolerations[i].effect == taint->effect)
			return true;
	}
	return false;
}

void
placement_should_run(const struct daemonset *ds, const struct node *node, bool *should_run,
    bool *should_continue)
{
	const struct pod_spec *spec = &ds->tmpl.spec;
	const char *name = node->obj.meta.name;
	bool untolerated_no_execute = false, untolerated = false;

	*should_run = *should_continue = false;
	if (spec->node_name != NULL && spec->node_name[0] != '\0' && strcmp(spec->node_name, name) != 0)
		return;
	if (!labels_subset(&spec->node_selector, &node->obj.meta.labels))
		return;
	/* Parse errors are ignored upstream; an explicit empty term list matches nothing. */
	if (spec->has_affinity && spec->affinity.has_required &&
	    !node_selector_matches(&spec->affinity.required, &node->obj.meta.labels, name))
		return;
	for (size_t i = 0; i < node->n_taints; i++) {
		const struct taint *t = &node->taints[i];

		if (t->effect != EFFECT_NO_SCHEDULE && t->effect != EFFECT_NO_EXECUTE)
			continue;
		if (tolerated_with_defaults(spec, t))
			continue;
		untolerated = true;
		if (t->effect == EFFECT_NO_EXECUTE)
			untolerated_no_execute = true;
	}
	if (untolerated) {
		/* An untolerated NoSchedule taint keeps a running pod; NoExecute evicts it. */
		*should_continue = !untolerated_no_execute;
		return;
	}
	*should_run = *should_continue = true;
}

const char *
placement_target_node(const struct pod *pod)
{
	return pod_target_node(pod);
}
