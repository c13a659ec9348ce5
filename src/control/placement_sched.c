/*
 * placement_sched.c - scheduler mode (ScheduleDaemonSetPods, GA in 1.17).
 *
 * The controller only decides which nodes should run a daemon pod; the pod
 * is created unbound with required node affinity naming its node, and the
 * default scheduler binds it, so resources, ports and cordons are the
 * scheduler's business and a node without room leaves the pod Pending.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/node.h"
#include "api/pod.h"
#include "control/placement.h"
#include "util/xmalloc.h"

static void
sched_fit(const struct ctl_env *env, const struct daemonset *ds, const struct node *node,
    struct placement_fit *out)
{
	bool run, keep;

	(void)env;
	placement_should_run(ds, node, &run, &keep);
	out->run = run;
	out->want = run;
	out->should_schedule = run;
	out->keep = keep;
	out->why[0] = '\0';
}

/*
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the whole required term list
 * becomes one matchFields metadata.name In [node] term; preferred terms stay.
 */
static void
sched_pin(struct pod *pod, const char *node)
{
	struct affinity *a = &pod->spec.affinity;
	struct node_term *term;
	struct sel_req *req;

	node_selector_free(&a->required);
	node_selector_init(&a->required);
	term = xcalloc(1, sizeof *term);
	req = xcalloc(1, sizeof *req);
	req->key = xstrdup("metadata.name");
	req->op = SEL_IN;
	req->values = xcalloc(1, sizeof *req->values);
	req->values[0] = xstrdup(node);
	req->n_values = 1;
	term->fields = req;
	term->n_fields = 1;
	a->required.terms = term;
	a->required.n_terms = 1;
	a->has_required = true;
	a->node_affinity = true;
	pod->spec.has_affinity = true;
}

const struct ds_placement placement_scheduler = {
	.name = "scheduler",
	.fit = sched_fit,
	.pin = sched_pin,
};
