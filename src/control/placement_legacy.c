/*
 * placement_legacy.c - legacy mode: the DaemonSet controller places pods
 * itself, as before Kubernetes 1.12 (daemon_controller.go with the
 * ScheduleDaemonSetPods gate off: nodeShouldRunDaemonPod, simulate,
 * Predicates).
 *
 * The controller runs the predicates over the node with every other pod on
 * it (its own DaemonSet's pods excluded), sets spec.nodeName and never asks
 * the scheduler, so pods land with no scheduler running and cordoned nodes
 * get them too. A node without room is still desired, gets no pod and a
 * FailedPlacement event; the controller remembers it (suspended daemon
 * pods, dsctrl.c) and tries again when a pod bound there is deleted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "control/env.h"
#include "control/placement.h"
#include "control/sched.h"
#include "util/atom.h"
#include "util/xmalloc.h"

static void
legacy_fit(const struct ctl_env *env, const struct daemonset *ds, const struct node *node,
    struct placement_fit *out)
{
	static const char *const resources[] = {"cpu", "memory", "ephemeral-storage"};
	const char *name = node->obj.meta.name;
	const struct quantity *pods_cap = res_list_get(&node->allocatable, "pods");
	bool run, keep;

	placement_should_run(ds, node, &run, &keep);
	out->run = run;
	out->want = run;
	out->should_schedule = run;
	out->keep = keep;
	out->why[0] = '\0';
	if (!run)
		return;
	/* PodFitsHostPorts: an intentional mismatch, so no pod and no event. */
	if (sched_ports_conflict(env->store, &ds->tmpl.spec, NULL, name, ds->obj.meta.uid)) {
		out->want = out->should_schedule = out->keep = false;
		return;
	}
	/* PodFitsResources over the node without this DaemonSet's own pods. */
	if (pods_cap != NULL) {
		int used = sched_node_pod_count(env->store, name);
		const struct vec *own = store_pods_for_node(env->store, ds->obj.meta.uid, name);

		for (size_t i = 0; own != NULL && i < own->n; i++) {
			const struct pod *p = own->v[i];

			if (p->spec.node_name != NULL && !pod_is_terminal(p))
				used--;
		}
		if (used + 1 > qty_value(pods_cap)) {
			snprintf(out->why, sizeof out->why,
			    "Node didn't have enough resource: pods, requested: 1, used: %d, capacity: %lld",
			    used, (long long)qty_value(pods_cap));
			out->should_schedule = false;
			return;
		}
	}
	for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++) {
		int64_t want = pod_request_milli(&ds->tmpl.spec, resources[i]);
		const struct quantity *alloc = res_list_get(&node->allocatable, resources[i]);
		int64_t used;
		bool milli = strcmp(resources[i], "cpu") == 0;

		if (want == 0 || alloc == NULL)
			continue;
		used = sched_node_requested(env->store, name, resources[i], ds->obj.meta.uid);
		if (used + want <= alloc->milli)
			continue;
		snprintf(out->why, sizeof out->why,
		    "Node didn't have enough resource: %s, requested: %lld, used: %lld, capacity: %lld",
		    resources[i], (long long)(milli ? want : (want + 999) / 1000),
		    (long long)(milli ? used : (used + 999) / 1000),
		    (long long)(milli ? alloc->milli : qty_value(alloc)));
		out->should_schedule = false;
		return;
	}
}

static void
legacy_pin(struct pod *pod, const char *node)
{
	atom_set(&pod->spec.node_name, node);
	/* Since 1.11 such pods name the controller as their scheduler. */
	atom_set(&pod->spec.scheduler_name, "kubernetes.io/daemonset-controller");
}

const struct ds_placement placement_legacy = {
	.name = "legacy",
	.fit = legacy_fit,
	.pin = legacy_pin,
};
