/*
 * discovery.c - the served resources and the discovery documents (see
 * discovery.h).
 */
#include "apiserver/discovery.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

#define ALL_VERBS "create,delete,deletecollection,get,list,patch,update,watch"

/*
 * The subresources kubesim serves, with the kinds and verbs kube-apiserver
 * v1.32 lists for them (pkg/registry/core/pod/storage, node/storage,
 * apps/daemonset/storage): status is read and written as the whole object,
 * an eviction is created as a policy/v1 Eviction (kubectl drain evicts only
 * where discovery lists pods/eviction), a log is read.
 */
static const struct api_subresource pod_subs[] = {
	{"eviction", "policy/v1", "Eviction", "create"},
	{"log", "v1", "Pod", "get"},
	{"status", "v1", "Pod", "get,patch,update"},
	{NULL, NULL, NULL, NULL},
};
static const struct api_subresource node_subs[] = {
	{"status", "v1", "Node", "get,patch,update"},
	{NULL, NULL, NULL, NULL},
};
static const struct api_subresource ds_subs[] = {
	{"status", "apps/v1", "DaemonSet", "get,patch,update"},
	{NULL, NULL, NULL, NULL},
};

/*
 * In discovery's order: the core group, then the groups by priority
 * (apps before coordination.k8s.io, as pkg/controlplane/apiserver/options
 * ranks them), each group's resources sorted by name, as the installer
 * registers them. A namespace has no deletecollection (its REST storage
 * has no DeleteCollection); pods and daemonsets are in the "all" category.
 */
const struct api_resource api_resources[] = {
	{"v1", "events", "event", "Event", KIND_EVENT, true, "ev", ALL_VERBS, NULL, NULL},
	{"v1", "namespaces", "namespace", "Namespace", KIND_NAMESPACE, false, "ns",
	    "create,delete,get,list,patch,update,watch", NULL, NULL},
	{"v1", "nodes", "node", "Node", KIND_NODE, false, "no", ALL_VERBS, NULL, node_subs},
	{"v1", "pods", "pod", "Pod", KIND_POD, true, "po", ALL_VERBS, "all", pod_subs},
	{"apps/v1", "controllerrevisions", "controllerrevision", "ControllerRevision",
	    KIND_CONTROLLERREVISION, true, NULL, ALL_VERBS, NULL, NULL},
	{"apps/v1", "daemonsets", "daemonset", "DaemonSet", KIND_DAEMONSET, true, "ds", ALL_VERBS,
	    "all", ds_subs},
	{"coordination.k8s.io/v1", "leases", "lease", "Lease", KIND_LEASE, true, NULL, ALL_VERBS,
	    NULL, NULL},
};
const size_t api_n_resources = sizeof api_resources / sizeof api_resources[0];

const char *const api_group_versions[] = {"apps/v1", "coordination.k8s.io/v1"};
const size_t api_n_group_versions = sizeof api_group_versions / sizeof api_group_versions[0];

cJSON *
api_csv_array(const char *csv)
{
	cJSON *a = cJSON_CreateArray();

	while (csv != NULL && *csv != '\0') {
		size_t n = strcspn(csv, ",");
		char *s = xstrndup(csv, n);

		cJSON_AddItemToArray(a, cJSON_CreateString(s));
		free(s);
		csv += n + (csv[n] == ',');
	}
	return a;
}

/* The group of "group/version" ("" for the core "v1"), in buf. */
static const char *
gv_group(const char *gv, char *buf, size_t size)
{
	const char *slash = strchr(gv, '/');

	snprintf(buf, size, "%.*s", slash ? (int)(slash - gv) : 0, gv);
	return buf;
}

static const char *
gv_version(const char *gv)
{
	const char *slash = strchr(gv, '/');

	return slash ? slash + 1 : gv;
}

/* ---- legacy discovery ---- */

/* metav1.APIResource, in its JSON field order. */
static cJSON *
legacy_resource(const char *name, const char *singular, bool namespaced, const char *own_gv,
    const char *gv, const char *kind, const char *verbs)
{
	cJSON *e = cJSON_CreateObject();
	char group[128];

	cJSON_AddStringToObject(e, "name", name);
	cJSON_AddStringToObject(e, "singularName", singular);
	cJSON_AddBoolToObject(e, "namespaced", namespaced);
	/* group and version are set only where they differ from the list's (omitempty). */
	if (strcmp(gv, own_gv) != 0) {
		cJSON_AddStringToObject(e, "group", gv_group(gv, group, sizeof group));
		cJSON_AddStringToObject(e, "version", gv_version(gv));
	}
	cJSON_AddStringToObject(e, "kind", kind);
	cJSON_AddItemToObject(e, "verbs", api_csv_array(verbs));
	return e;
}

static cJSON *
resource_list(const char *gv)
{
	cJSON *doc = cJSON_CreateObject(), *list;

	cJSON_AddStringToObject(doc, "kind", "APIResourceList");
	cJSON_AddStringToObject(doc, "apiVersion", "v1");
	cJSON_AddStringToObject(doc, "groupVersion", gv);
	list = cJSON_AddArrayToObject(doc, "resources");
	for (size_t i = 0; i < api_n_resources; i++) {
		const struct api_resource *r = &api_resources[i];
		cJSON *e;

		if (strcmp(r->group_version, gv) != 0)
			continue;
		e = legacy_resource(r->name, r->singular, r->namespaced, gv, gv, r->kind, r->verbs);
		if (r->short_name != NULL)
			cJSON_AddItemToObject(e, "shortNames", api_csv_array(r->short_name));
		if (r->categories != NULL)
			cJSON_AddItemToObject(e, "categories", api_csv_array(r->categories));
		cJSON_AddItemToArray(list, e);
		/* Subresources follow their resource as "pods/status", with no singular name. */
		for (const struct api_subresource *s = r->subresources; s && s->name; s++) {
			char *name = xasprintf("%s/%s", r->name, s->name);

			cJSON_AddItemToArray(list, legacy_resource(name, "", r->namespaced, gv,
						       s->group_version, s->kind, s->verbs));
			free(name);
		}
	}
	return doc;
}

/* metav1.APIGroup of group version gv (kubesim serves one version a group). */
static cJSON *
api_group(const char *gv, bool with_kind)
{
	cJSON *g = cJSON_CreateObject(), *ver = cJSON_CreateObject();
	char group[128];

	if (with_kind) {
		cJSON_AddStringToObject(g, "kind", "APIGroup");
		cJSON_AddStringToObject(g, "apiVersion", "v1");
	}
	cJSON_AddStringToObject(g, "name", gv_group(gv, group, sizeof group));
	cJSON_AddStringToObject(ver, "groupVersion", gv);
	cJSON_AddStringToObject(ver, "version", gv_version(gv));
	cJSON_AddItemToArray(cJSON_AddArrayToObject(g, "versions"), ver);
	cJSON_AddItemToObject(g, "preferredVersion", cJSON_Duplicate(ver, true));
	return g;
}

static cJSON *
group_list(void)
{
	cJSON *doc = cJSON_CreateObject(), *groups;

	cJSON_AddStringToObject(doc, "kind", "APIGroupList");
	cJSON_AddStringToObject(doc, "apiVersion", "v1");
	groups = cJSON_AddArrayToObject(doc, "groups");
	for (size_t i = 0; i < api_n_group_versions; i++)
		cJSON_AddItemToArray(groups, api_group(api_group_versions[i], false));
	return doc;
}

static cJSON *
core_versions(void)
{
	cJSON *doc = cJSON_CreateObject();

	cJSON_AddStringToObject(doc, "kind", "APIVersions");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(doc, "versions"), cJSON_CreateString("v1"));
	return doc;
}

/* ---- aggregated discovery (apidiscovery.k8s.io/v2) ---- */

/* apidiscovery v2 GroupVersionKind: group, version, kind, all always present. */
static cJSON *
response_kind(const char *gv, const char *kind)
{
	cJSON *k = cJSON_CreateObject();
	char group[128];

	cJSON_AddStringToObject(k, "group", gv_group(gv, group, sizeof group));
	cJSON_AddStringToObject(k, "version", gv_version(gv));
	cJSON_AddStringToObject(k, "kind", kind);
	return k;
}

/* APIResourceDiscovery, in its JSON field order (staging/src/k8s.io/api/apidiscovery/v2/types.go). */
static cJSON *
aggregated_resource(const struct api_resource *r)
{
	cJSON *e = cJSON_CreateObject(), *subs;

	cJSON_AddStringToObject(e, "resource", r->name);
	cJSON_AddItemToObject(e, "responseKind", response_kind(r->group_version, r->kind));
	cJSON_AddStringToObject(e, "scope", r->namespaced ? "Namespaced" : "Cluster");
	cJSON_AddStringToObject(e, "singularResource", r->singular);
	cJSON_AddItemToObject(e, "verbs", api_csv_array(r->verbs));
	if (r->short_name != NULL)
		cJSON_AddItemToObject(e, "shortNames", api_csv_array(r->short_name));
	if (r->categories != NULL)
		cJSON_AddItemToObject(e, "categories", api_csv_array(r->categories));
	if (r->subresources == NULL)
		return e;
	subs = cJSON_AddArrayToObject(e, "subresources");
	for (const struct api_subresource *s = r->subresources; s->name != NULL; s++) {
		cJSON *sub = cJSON_CreateObject();

		cJSON_AddStringToObject(sub, "subresource", s->name);
		cJSON_AddItemToObject(sub, "responseKind", response_kind(s->group_version, s->kind));
		cJSON_AddItemToObject(sub, "verbs", api_csv_array(s->verbs));
		cJSON_AddItemToArray(subs, sub);
	}
	return e;
}

/* APIGroupDiscovery of one group version ("v1" is the core group, with no name). */
static cJSON *
aggregated_group(const char *gv)
{
	cJSON *g = cJSON_CreateObject(), *meta, *ver, *list;
	char group[128];

	meta = cJSON_AddObjectToObject(g, "metadata");
	if (strchr(gv, '/') != NULL)
		cJSON_AddStringToObject(meta, "name", gv_group(gv, group, sizeof group));
	/* ObjectMeta's creationTimestamp has no omitempty: Go writes its zero as null. */
	cJSON_AddNullToObject(meta, "creationTimestamp");
	ver = cJSON_CreateObject();
	cJSON_AddStringToObject(ver, "version", gv_version(gv));
	list = cJSON_AddArrayToObject(ver, "resources");
	for (size_t i = 0; i < api_n_resources; i++)
		if (strcmp(api_resources[i].group_version, gv) == 0)
			cJSON_AddItemToArray(list, aggregated_resource(&api_resources[i]));
	cJSON_AddStringToObject(ver, "freshness", "Current");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(g, "versions"), ver);
	return g;
}

static cJSON *
aggregated_list(bool core, const char *api_version)
{
	cJSON *doc = cJSON_CreateObject(), *items;

	cJSON_AddStringToObject(doc, "kind", "APIGroupDiscoveryList");
	cJSON_AddStringToObject(doc, "apiVersion", api_version);
	cJSON_AddObjectToObject(doc, "metadata");
	items = cJSON_AddArrayToObject(doc, "items");
	if (core)
		cJSON_AddItemToArray(items, aggregated_group("v1"));
	else
		for (size_t i = 0; i < api_n_group_versions; i++)
			cJSON_AddItemToArray(items, aggregated_group(api_group_versions[i]));
	return doc;
}

/* Does the media type [p, end) have parameter key=value? */
static bool
has_param(const char *p, const char *end, const char *key, const char *value)
{
	size_t kl = strlen(key), vl = strlen(value);

	while ((p = memchr(p, ';', (size_t)(end - p))) != NULL) {
		const char *v, *stop;

		p++;
		while (p < end && *p == ' ')
			p++;
		if ((size_t)(end - p) <= kl || strncmp(p, key, kl) != 0 || p[kl] != '=')
			continue;
		v = p + kl + 1;
		stop = v;
		while (stop < end && *stop != ';' && *stop != ' ')
			stop++;
		if ((size_t)(stop - v) == vl && strncmp(v, value, vl) == 0)
			return true;
	}
	return false;
}

/*
 * The apidiscovery version that Accept asks for, in its order of
 * preference, or NULL for the legacy documents: the aggregated handler
 * serves application/json;g=apidiscovery.k8s.io;v=v2 (or v2beta1);
 * as=APIGroupDiscoveryList (aggregated/negotiation.go), and kubesim
 * answers JSON only.
 */
static const char *
aggregated_version(const char *accept)
{
	const char *p = accept;

	while (p != NULL && *p != '\0') {
		const char *end = p + strcspn(p, ","), *type = p;

		while (*type == ' ')
			type++;
		if (strncmp(type, "application/json", 16) == 0 &&
		    (type[16] == ';' || type[16] == ' ') &&
		    has_param(type, end, "g", "apidiscovery.k8s.io") &&
		    has_param(type, end, "as", "APIGroupDiscoveryList")) {
			if (has_param(type, end, "v", "v2"))
				return "v2";
			if (has_param(type, end, "v", "v2beta1"))
				return "v2beta1";
		}
		p = *end ? end + 1 : NULL;
	}
	return NULL;
}

cJSON *
api_discovery(const char *path, const char *accept, const char **content_type)
{
	bool core = strcmp(path, "/api") == 0 || strcmp(path, "/api/") == 0;
	const char *agg;

	*content_type = "application/json";
	if (core || strcmp(path, "/apis") == 0 || strcmp(path, "/apis/") == 0) {
		agg = aggregated_version(accept);
		if (agg == NULL)
			return core ? core_versions() : group_list();
		*content_type = strcmp(agg, "v2") == 0
		    ? "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
		    : "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
		return aggregated_list(core, strcmp(agg, "v2") == 0 ? "apidiscovery.k8s.io/v2"
								     : "apidiscovery.k8s.io/v2beta1");
	}
	if (strcmp(path, "/api/v1") == 0)
		return resource_list("v1");
	if (strncmp(path, "/apis/", 6) == 0)
		for (size_t i = 0; i < api_n_group_versions; i++) {
			const char *gv = api_group_versions[i];
			size_t glen = strcspn(gv, "/");

			if (strcmp(path + 6, gv) == 0)
				return resource_list(gv);
			/* /apis/GROUP: the group itself (groupversion.go's APIGroupHandler) */
			if (strncmp(path + 6, gv, glen) == 0 && path[6 + glen] == '\0')
				return api_group(gv, true);
		}
	return NULL;
}

/*
 * version.Info (staging/src/k8s.io/apimachinery/pkg/version/types.go) as
 * routes.Version serves it: WriteRawJSON's json.MarshalIndent(object, "", "  ")
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters).
 */
const char *
api_version_body(void)
{
	return "{\n"
	       "  \"major\": \"1\",\n"
	       "  \"minor\": \"32\",\n"
	       "  \"gitVersion\": \"v1.32.0\",\n"
	       "  \"gitCommit\": \"70d3cc986aa8221cd1dfb1121852688902d3bf53\",\n"
	       "  \"gitTreeState\": \"clean\",\n"
	       "  \"buildDate\": \"2024-12-11T18:04:20Z\",\n"
	       "  \"goVersion\": \"go1.23.3\",\n"
	       "  \"compiler\": \"gc\",\n"
	       "  \"platform\": \"linux/amd64\"\n"
	       "}";
}
