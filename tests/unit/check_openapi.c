/* The discovery and OpenAPI documents of kubesim serve (apiserver/discovery.c, openapi.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "apiserver/discovery.h"
#include "apiserver/openapi.h"
#include "runner.h"

static const cJSON *
at(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	ck_assert_msg(v != NULL, "no \"%s\"", key);
	return v;
}

static const char *
str_at(const cJSON *o, const char *key)
{
	const cJSON *v = at(o, key);

	ck_assert(cJSON_IsString(v));
	return v->valuestring;
}

static const cJSON *
schema(const cJSON *doc, const char *name)
{
	return at(at(at(doc, "components"), "schemas"), name);
}

START_TEST(test_daemonset_gvk)
{
	cJSON *doc = api_openapi("/openapi/v3/apis/apps/v1");
	const cJSON *gvk;

	ck_assert_ptr_nonnull(doc);
	gvk = cJSON_GetArrayItem(at(schema(doc, "io.k8s.api.apps.v1.DaemonSet"),
				     "x-kubernetes-group-version-kind"), 0);
	ck_assert_str_eq(str_at(gvk, "group"), "apps");
	ck_assert_str_eq(str_at(gvk, "kind"), "DaemonSet");
	ck_assert_str_eq(str_at(gvk, "version"), "v1");
	cJSON_Delete(doc);
}
END_TEST

/* spec.template.spec.containers, reached from DaemonSet: merge by name, as patch.c merges them. */
START_TEST(test_daemonset_containers_merge_key)
{
	cJSON *doc = api_openapi("/openapi/v3/apis/apps/v1");
	const cJSON *c = at(at(schema(doc, "io.k8s.api.core.v1.PodSpec"), "properties"), "containers");
	const cJSON *keys;

	ck_assert_str_eq(str_at(c, "x-kubernetes-patch-merge-key"), "name");
	ck_assert_str_eq(str_at(c, "x-kubernetes-patch-strategy"), "merge");
	ck_assert_str_eq(str_at(c, "x-kubernetes-list-type"), "map");
	keys = at(c, "x-kubernetes-list-map-keys");
	ck_assert_int_eq(cJSON_GetArraySize(keys), 1);
	ck_assert_str_eq(cJSON_GetArrayItem(keys, 0)->valuestring, "name");
	ck_assert_str_eq(str_at(at(c, "items"), "$ref"), "#/components/schemas/io.k8s.api.core.v1.Container");
	/* volumes retain keys; ports are keyed by port and protocol */
	c = at(at(schema(doc, "io.k8s.api.core.v1.PodSpec"), "properties"), "volumes");
	ck_assert_str_eq(str_at(c, "x-kubernetes-patch-strategy"), "merge,retainKeys");
	c = at(at(schema(doc, "io.k8s.api.core.v1.Container"), "properties"), "ports");
	ck_assert_str_eq(str_at(c, "x-kubernetes-patch-merge-key"), "containerPort");
	ck_assert_int_eq(cJSON_GetArraySize(at(c, "x-kubernetes-list-map-keys")), 2);
	/* a list of strings that merges as a set */
	c = at(at(schema(doc, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), "properties"),
	    "finalizers");
	ck_assert_str_eq(str_at(c, "x-kubernetes-list-type"), "set");
	cJSON_Delete(doc);
}
END_TEST

/* A field's ref sits in allOf beside its description; primitives keep their own type. */
START_TEST(test_field_shapes)
{
	cJSON *doc = api_openapi("/openapi/v3/apis/apps/v1");
	const cJSON *props = at(schema(doc, "io.k8s.api.apps.v1.DaemonSetSpec"), "properties");
	const cJSON *f = at(props, "updateStrategy");

	ck_assert_str_eq(str_at(cJSON_GetArrayItem(at(f, "allOf"), 0), "$ref"),
	    "#/components/schemas/io.k8s.api.apps.v1.DaemonSetUpdateStrategy");
	ck_assert_str_eq(str_at(f, "description"),
	    "An update strategy to replace existing DaemonSet pods with new pods.");
	ck_assert_str_eq(str_at(at(props, "minReadySeconds"), "type"), "integer");
	ck_assert_str_eq(str_at(schema(doc, "io.k8s.apimachinery.pkg.apis.meta.v1.Time"), "format"),
	    "date-time");
	ck_assert(cJSON_IsArray(at(schema(doc, "io.k8s.apimachinery.pkg.api.resource.Quantity"),
	    "oneOf")));
	f = at(at(schema(doc, "io.k8s.api.core.v1.ResourceRequirements"), "properties"), "limits");
	ck_assert_str_eq(str_at(at(f, "additionalProperties"), "$ref"),
	    "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity");
	ck_assert_str_eq(cJSON_GetArrayItem(at(schema(doc, "io.k8s.api.apps.v1.DaemonSetSpec"),
					     "required"), 0)->valuestring, "selector");
	cJSON_Delete(doc);
}
END_TEST

static bool
has_param(const cJSON *params, const char *name)
{
	const cJSON *p;

	cJSON_ArrayForEach(p, params)
		if (strcmp(str_at(p, "name"), name) == 0)
			return true;
	return false;
}

/* query_param_verifier_v3.go: fieldValidation on the kind's PATCH operation. */
START_TEST(test_patch_takes_field_validation)
{
	cJSON *doc = api_openapi("/openapi/v3/apis/apps/v1");
	const cJSON *patch = at(at(at(doc, "paths"),
				    "/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}"), "patch");
	const cJSON *gvk = at(patch, "x-kubernetes-group-version-kind");

	ck_assert_str_eq(str_at(gvk, "kind"), "DaemonSet");
	ck_assert(has_param(at(patch, "parameters"), "fieldValidation"));
	ck_assert_ptr_nonnull(cJSON_GetObjectItemCaseSensitive(at(at(patch, "requestBody"), "content"),
	    "application/strategic-merge-patch+json"));
	ck_assert_str_eq(str_at(patch, "operationId"), "patchAppsV1NamespacedDaemonSet");
	/* explain finds the kind through the collection's GET */
	ck_assert_str_eq(str_at(at(at(at(at(doc, "paths"), "/apis/apps/v1/namespaces/{namespace}/daemonsets"),
				      "get"), "x-kubernetes-group-version-kind"), "kind"),
	    "DaemonSet");
	ck_assert_ptr_nonnull(cJSON_GetObjectItemCaseSensitive(at(doc, "paths"),
	    "/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}/status"));
	cJSON_Delete(doc);
	doc = api_openapi("/openapi/v3/api/v1");
	patch = at(at(at(doc, "paths"), "/api/v1/nodes/{name}"), "patch");
	ck_assert_str_eq(str_at(patch, "operationId"), "patchCoreV1Node");
	ck_assert(has_param(at(patch, "parameters"), "fieldValidation"));
	ck_assert_str_eq(str_at(at(at(at(doc, "paths"),
				       "/api/v1/namespaces/{namespace}/pods/{name}/eviction"), "post"),
			     "operationId"), "createCoreV1NamespacedPodEviction");
	cJSON_Delete(doc);
}
END_TEST

START_TEST(test_index_and_unknown)
{
	cJSON *doc = api_openapi("/openapi/v3");
	const char *url = str_at(at(at(doc, "paths"), "apis/apps/v1"), "serverRelativeURL");

	ck_assert_int_eq(strncmp(url, "/openapi/v3/apis/apps/v1?hash=", 30), 0);
	ck_assert_int_eq(strlen(url), 30 + 16);
	cJSON_Delete(doc);
	ck_assert_ptr_null(api_openapi("/openapi/v3/apis/batch/v1"));
	ck_assert_ptr_null(api_openapi("/api/v1"));
	doc = api_openapi("/openapi/v2");
	ck_assert_str_eq(str_at(doc, "swagger"), "2.0");
	ck_assert_str_eq(str_at(at(at(at(at(doc, "definitions"), "io.k8s.api.apps.v1.DaemonSetSpec"),
				    "properties"), "updateStrategy"), "$ref"),
	    "#/definitions/io.k8s.api.apps.v1.DaemonSetUpdateStrategy");
	cJSON_Delete(doc);
}
END_TEST

START_TEST(test_discovery_negotiation)
{
	const char *type;
	cJSON *doc;

	doc = api_discovery("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json", &type);
	ck_assert_str_eq(type, "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
	ck_assert_str_eq(str_at(doc, "kind"), "APIGroupDiscoveryList");
	ck_assert_str_eq(str_at(at(cJSON_GetArrayItem(at(doc, "items"), 0), "metadata"), "name"), "apps");
	cJSON_Delete(doc);
	doc = api_discovery("/apis", "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", &type);
	ck_assert_str_eq(str_at(doc, "apiVersion"), "apidiscovery.k8s.io/v2beta1");
	cJSON_Delete(doc);
	doc = api_discovery("/apis", "application/json", &type);
	ck_assert_str_eq(type, "application/json");
	ck_assert_str_eq(str_at(doc, "kind"), "APIGroupList");
	cJSON_Delete(doc);
	doc = api_discovery("/api", NULL, &type);
	ck_assert_str_eq(str_at(doc, "kind"), "APIVersions");
	cJSON_Delete(doc);
	doc = api_discovery("/apis/apps/v1", NULL, &type);
	ck_assert_str_eq(str_at(cJSON_GetArrayItem(at(doc, "resources"), 1), "singularName"),
	    "daemonset");
	cJSON_Delete(doc);
	doc = api_discovery("/apis/coordination.k8s.io", NULL, &type);
	ck_assert_str_eq(str_at(doc, "kind"), "APIGroup");
	ck_assert_str_eq(str_at(at(doc, "preferredVersion"), "groupVersion"), "coordination.k8s.io/v1");
	cJSON_Delete(doc);
	ck_assert_ptr_null(api_discovery("/apis/batch/v1", NULL, &type));
	ck_assert_ptr_null(api_discovery("/apis/coordination", NULL, &type));
}
END_TEST

static Suite *
openapi_suite(void)
{
	Suite *s = suite_create("openapi");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_daemonset_gvk);
	tcase_add_test(tc, test_daemonset_containers_merge_key);
	tcase_add_test(tc, test_field_shapes);
	tcase_add_test(tc, test_patch_takes_field_validation);
	tcase_add_test(tc, test_index_and_unknown);
	tcase_add_test(tc, test_discovery_negotiation);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(openapi_suite)
