/*
 * openapi.h - the OpenAPI documents of the served types, as kube-apiserver
 * v1.32 publishes them (staging/src/k8s.io/kube-openapi/pkg/handler for
 * /openapi/v2, .../handler3 for /openapi/v3).
 *
 * Generated, not written per field: the schemas come from the API field
 * docs that `kubectl explain` prints (apiserver/typedocs.h), the
 * patch extensions (x-kubernetes-patch-strategy, -patch-merge-key,
 * -list-type, -list-map-keys) from the strategic-merge schemas of
 * apiserver/patch.c, and the paths from the resource table of
 * apiserver/discovery.h. So the real kubectl explains, patches and
 * validates with the same facts as the built-in one.
 *
 * kubectl 1.32 reads OpenAPI v3 for explain, for apply's strategic merge
 * patch, and to learn that the server takes fieldValidation (the query
 * parameter on a kind's PATCH operation, kubectl/pkg/util/openapi and
 * resource/query_param_verifier_v3.go).
 */
#ifndef KS_APISERVER_OPENAPI_H
#define KS_APISERVER_OPENAPI_H

#include <cjson/cJSON.h>

struct strbuf;

/*
 * The document at path (without the query): /openapi/v2, /openapi/v3 (the
 * index of group versions, each with its serverRelativeURL and content
 * hash), /openapi/v3/api/v1 or /openapi/v3/apis/GROUP/VERSION. NULL: no
 * such document (the caller says 404). The caller frees it.
 */
cJSON *api_openapi(const char *path);

/*
 * The body kube-apiserver sends for path given the request's Accept
 * (NULL: none): the JSON of api_openapi, or for /openapi/v2 asked as
 * application/com.github.proto-openapi.spec.v2@v1.0+protobuf (as kubectl
 * asks it) the protocol buffers. *content_type is the response's. -1: no
 * such document.
 */
int api_openapi_body(const char *path, const char *accept, struct strbuf *body,
    const char **content_type);

/* The v2 document doc as gnostic's openapi_v2.Document in protocol buffers. */
void api_openapi_v2_proto(const cJSON *doc, struct strbuf *out);

#endif
