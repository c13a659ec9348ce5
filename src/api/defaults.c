/*
 * defaults.c - per-kind defaulting and the pod admission plugins.
 *
 * Each function names the Kubernetes function it follows; only the fields
 * kubesim models are set. Defaulting never fails; admission may refuse.
 */
#include "api/defaults.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/pod.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/xmalloc.h"

/* core/v1 SetDefaults_Container: the pull policy by tag. */
static void
default_container(struct container *c)
{
	if (c->image_pull_policy == NULL) {
		const char *tag = c->image ? strrchr(c->image, ':') : NULL;

		/* "latest" or no tag pulls Always; anything else IfNotPresent. */
		if (c->image != NULL && strchr(c->image, '@') == NULL &&
		    (tag == NULL || strchr(tag, '/') != NULL || strcmp(tag, ":latest") == 0))
			c->image_pull_policy = atom_get("Always");
		else
			c->image_pull_policy = atom_get("IfNotPresent");
	}
	/* ContainerPort.Protocol is defaulted declaratively (+default="TCP"). */
	for (size_t j = 0; j < c->n_ports; j++)
		if (c->ports[j].protocol == NULL)
			c->ports[j].protocol = xstrdup("TCP");
}

void
defaults_pod_spec(struct pod_spec *s)
{
	/*
	 * SetDefaults_PodSpec. Its comment warns that a field added here shows
	 * up in every template (issue 69445); the Pod-only ones are in
	 * defaults_pod.
	 */
	if (s->dns_policy == NULL)
		s->dns_policy = atom_get("ClusterFirst");
	if (s->restart_policy == NULL)
		s->restart_policy = atom_get("Always");
	if (s->termination_grace_s < 0)
		s->termination_grace_s = 30;
	if (s->scheduler_name == NULL)
		s->scheduler_name = atom_get("default-scheduler");
	for (size_t i = 0; i < s->n_containers; i++)
		default_container(&s->containers[i]);
}

void
defaults_pod(struct pod *p)
{
	struct pod_spec *s = &p->spec;

	defaults_pod_spec(s);
	/*
	 * SetDefaults_Pod: requests default to limits "only on a v1.Pod and not
	 * a v1.PodTemplate", enableServiceLinks to true, and under hostNetwork
	 * each container port's hostPort to its containerPort.
	 */
	for (size_t i = 0; i < s->n_containers; i++) {
		struct container *c = &s->containers[i];

		for (size_t j = 0; j < c->limits.n; j++)
			if (res_list_get(&c->requests, c->limits.v[j].name) == NULL)
				res_list_set(&c->requests, c->limits.v[j].name, c->limits.v[j].q);
		if (s->host_network)
			for (size_t j = 0; j < c->n_ports; j++)
				if (c->ports[j].host_port == 0)
					c->ports[j].host_port = c->ports[j].container_port;
	}
	if (!s->has_enable_service_links) {
		s->has_enable_service_links = true;
		s->enable_service_links = true;
	}
}

void
defaults_daemonset(struct daemonset *ds)
{
	/* apps/v1 SetDefaults_DaemonSet. */
	if (ds->strategy == DS_ROLLING_UPDATE) {
		if (!ds->max_unavailable.set) {
			ds->max_unavailable.set = true;
			ds->max_unavailable.ival = 1;
		}
		if (!ds->max_surge.set) {
			ds->max_surge.set = true;
			ds->max_surge.ival = 0;
		}
		ds->has_rolling = true;
	}
	if (!ds->has_revision_history_limit) {
		ds->has_revision_history_limit = true;
		ds->revision_history_limit = 10;
	}
	defaults_pod_spec(&ds->tmpl.spec);
}

bool
defaults_priority_class(const char *name, int32_t *value)
{
	/* The two classes every cluster has (pkg/apis/scheduling SystemPriorityClasses). */
	if (strcmp(name, "system-node-critical") == 0) {
		*value = 2000001000;
		return true;
	}
	if (strcmp(name, "system-cluster-critical") == 0) {
		*value = 2000000000;
		return true;
	}
	return false;
}

/* admission.NewForbidden: a pod not named yet goes by its generateName. */
static int
forbidden(const struct pod *p, struct ks_err *err, const char *why)
{
	const char *name = p->obj.meta.name && p->obj.meta.name[0] ? p->obj.meta.name :
	    p->obj.meta.generate_name && p->obj.meta.generate_name[0] ? p->obj.meta.generate_name :
									 "Unknown";

	return err_set(err, "pods \"%s\" is forbidden: %s", name, why);
}

int
defaults_admit_pod(struct pod *p, struct ks_err *err)
{
	struct pod_spec *s = &p->spec;
	int32_t priority = 0;
	char why[256];

	/* plugin/pkg/admission/serviceaccount: every pod runs as some account. */
	if (s->service_account == NULL || s->service_account[0] == '\0') {
		atom_set(&s->service_account, "default");
	}
	/*
	 * plugin/pkg/admission/priority admitPod on create: the class's value,
	 * or 0 and PreemptLowerPriority when the pod names none and no class
	 * is the global default; a priority written in the pod must agree.
	 */
	if (s->priority_class_name != NULL && s->priority_class_name[0] != '\0' &&
	    !defaults_priority_class(s->priority_class_name, &priority)) {
		snprintf(why, sizeof why, "no PriorityClass with name %s was found",
		    s->priority_class_name);
		return forbidden(p, err, why);
	}
	if (s->has_priority && s->priority != priority) {
		snprintf(why, sizeof why,
		    "the integer value of priority (%d) must not be provided in pod spec; priority admission controller computed %d from the given PriorityClass name",
		    s->priority, priority);
		return forbidden(p, err, why);
	}
	s->has_priority = true;
	s->priority = priority;
	if (s->preemption_policy != NULL && strcmp(s->preemption_policy, "PreemptLowerPriority") != 0) {
		snprintf(why, sizeof why,
		    "the string value of PreemptionPolicy (%s) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name",
		    s->preemption_policy);
		return forbidden(p, err, why);
	}
	if (s->preemption_policy == NULL)
		s->preemption_policy = atom_get("PreemptLowerPriority");
	return 0;
}

void
defaults_admit_pod_update(struct pod *p, const struct pod *old)
{
	struct pod_spec *s = &p->spec;

	/*
	 * Priority's admitPod on update keeps what it set on create when the
	 * new object leaves it out; kubesim keeps the service account the
	 * same way, as it keeps the scheduler's nodeName, so re-sending the
	 * manifest a pod was created from is not a change.
	 */
	if (!s->has_priority && old->spec.has_priority) {
		s->has_priority = true;
		s->priority = old->spec.priority;
	}
	if (s->preemption_policy == NULL)
		s->preemption_policy = atom_ref(old->spec.preemption_policy);
	if (s->service_account == NULL)
		s->service_account = atom_ref(old->spec.service_account);
}
