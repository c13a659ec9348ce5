/*
 * resources.c - resource names as kubectl resolves them against the API
 * server's discovery: singular, plural, short names, and kind.group forms.
 */
#include <string.h>
#include <strings.h>

#include "kubectl/kctl.h"

static const struct {
	enum kind kind;
	const char *names[8];
	const char *type_name;
} resources[] = {
	{KIND_DAEMONSET,
	    {"daemonsets", "daemonset", "ds", "daemonsets.apps", "daemonset.apps", "ds.apps",
		"daemonsets.v1.apps", NULL},
	    "daemonset.apps"},
	{KIND_POD, {"pods", "pod", "po", "pods.v1.", "pod.v1.", NULL}, "pod"},
	{KIND_NODE, {"nodes", "node", "no", "nodes.v1.", NULL}, "node"},
	{KIND_EVENT, {"events", "event", "ev", "events.v1.", NULL}, "event"},
	{KIND_CONTROLLERREVISION,
	    {"controllerrevisions", "controllerrevision", "controllerrevisions.apps",
		"controllerrevision.apps", NULL},
	    "controllerrevision.apps"},
	{KIND_NAMESPACE, {"namespaces", "namespace", "ns", "namespaces.v1.", NULL}, "namespace"},
	{KIND_LEASE,
	    {"leases", "lease", "leases.coordination.k8s.io", "lease.coordination.k8s.io",
		"leases.v1.coordination.k8s.io", NULL},
	    "lease.coordination.k8s.io"},
};

int
kctl_resource(const char *name, enum kind *out)
{
	for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++) {
		for (size_t j = 0; resources[i].names[j] != NULL; j++) {
			/* Discovery matching is case-insensitive for kinds ("DaemonSet" works). */
			if (strcasecmp(resources[i].names[j], name) == 0) {
				*out = resources[i].kind;
				return 0;
			}
		}
	}
	return -1;
}

const char *
kctl_type_name(enum kind k)
{
	for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++)
		if (resources[i].kind == k)
			return resources[i].type_name;
	return "";
}
