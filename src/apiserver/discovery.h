/*
 * discovery.h - the resources kubesim serves, and the discovery documents
 * that list them.
 *
 * One table (api_resources) says what each served resource is: its group
 * version, plural and singular names, kind, scope, short names, verbs,
 * categories and subresources. The REST routing, the legacy discovery
 * documents (/api, /api/v1, /apis, /apis/GROUP/VERSION: APIVersions,
 * APIGroupList, APIResourceList) and the aggregated one kubectl 1.32 asks
 * for first (apidiscovery.k8s.io/v2 APIGroupDiscoveryList at /api and
 * /apis) are all read from it, as kube-apiserver derives both discovery
 * forms from the same installed storage
 * (staging/src/k8s.io/apiserver/pkg/endpoints/discovery and .../aggregated).
 */
#ifndef KS_APISERVER_DISCOVERY_H
#define KS_APISERVER_DISCOVERY_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "api/meta.h"

/* A subresource: pods/status, pods/eviction, pods/log... */
struct api_subresource {
	const char *name;          /* NULL ends a list */
	const char *group_version; /* of its kind: "policy/v1" for an eviction */
	const char *kind;
	const char *verbs; /* comma-separated */
};

/* A resource as discovery lists it and the REST paths name it. */
struct api_resource {
	const char *group_version;
	const char *name; /* plural, as in the path */
	const char *singular;
	const char *kind;
	enum kind k;
	bool namespaced;
	const char *short_name; /* NULL: none */
	const char *verbs;      /* comma-separated, as discovery lists them */
	const char *categories; /* comma-separated; NULL: none */
	const struct api_subresource *subresources; /* NULL: none */
};

extern const struct api_resource api_resources[];
extern const size_t api_n_resources;

/* The group versions served under /apis, in discovery's (priority) order. */
extern const char *const api_group_versions[];
extern const size_t api_n_group_versions;

/* A comma-separated list of the table ("get,list") as a JSON array of strings. */
cJSON *api_csv_array(const char *csv);

/*
 * The discovery document for path (/api, /api/v1, /apis, /apis/G/V) as
 * kube-apiserver v1.32 answers a request with this Accept header (NULL:
 * none): aggregated discovery when Accept asks for it, the legacy document
 * otherwise. *content_type is the response's. NULL: path is no discovery
 * path (the caller answers it or says 404).
 */
cJSON *api_discovery(const char *path, const char *accept, const char **content_type);

/*
 * The body of GET /version: kube-apiserver v1.32's version.Info written by
 * responsewriters.WriteRawJSON, i.e. json.MarshalIndent with two spaces,
 * fields in the struct's order, no final newline. kubectl get --raw
 * prints it as it comes.
 */
const char *api_version_body(void);

#endif
