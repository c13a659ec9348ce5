/*
 * typedocs.h - the API field docs of the served kinds' types.
 *
 * The Kubernetes API reference's OpenAPI descriptions as of v1.32, kept in
 * src/apiserver/typedocs.json: {"roots": {resource: type}, "types": {type:
 * {group, kind, version (the kinds'), description, schemaType (types
 * without fields), fields: [{name, type (kubectl's type string), ref,
 * required, description}]}}}. `kubectl explain` prints them, and the
 * OpenAPI documents of `kubesim serve` are generated from them, so the
 * built-in kubectl and the real one explain the same facts.
 */
#ifndef KS_APISERVER_TYPEDOCS_H
#define KS_APISERVER_TYPEDOCS_H

#include <cjson/cJSON.h>

/* The docs, parsed afresh; the caller frees them with cJSON_Delete. */
cJSON *api_typedocs(void);

#endif
