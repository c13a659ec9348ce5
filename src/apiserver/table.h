/*
 * table.h - server-side printing: objects as a meta.k8s.io Table.
 *
 * `kubectl get` asks for its tables with
 *   Accept: application/json;as=Table;v=v1;g=meta.k8s.io,
 *           application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json
 * (kubectl pkg/cmd/get/get.go transformRequests, which adds
 * includeObject=Object to the query for --sort-by), and prints the rows the
 * server computed, decorated on its side (namespace, label columns, -o wide
 * filter). kube-apiserver answers with the resource's TableConvertor
 * (apiserver pkg/endpoints/handlers/response.go transformResponseObject and
 * asTable; pkg/printers/storage TableConvertor; pkg/printers/tablegenerator.go
 * GenerateTable):
 *
 *   {"kind":"Table","apiVersion":"meta.k8s.io/v1",
 *    "metadata":{"resourceVersion":"..."},
 *    "columnDefinitions":[{"name","type","format","description","priority"}...],
 *    "rows":[{"cells":[...],"object":{PartialObjectMetadata}}...]}
 *
 * The rows are apiserver/printers.h's, the same the built-in kubectl
 * prints, so both paths print the same cells.
 */
#ifndef KS_APISERVER_TABLE_H
#define KS_APISERVER_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "api/meta.h"

struct ks_err;

/* TableOptions.includeObject: what each row's "object" holds. */
enum api_include {
	API_INCLUDE_METADATA, /* "Metadata" or unset: a PartialObjectMetadata */
	API_INCLUDE_NONE,     /* "None": null */
	API_INCLUDE_OBJECT,   /* "Object": the whole object */
};

/*
 * The Table an Accept header asks for, as the server negotiates it
 * (negotiation.NegotiateOutputMediaType): "meta.k8s.io/v1" or
 * "meta.k8s.io/v1beta1" when the first acceptable media type is a Table of
 * that version, NULL when it is the object itself (or when accept is NULL).
 */
const char *api_table_accept(const char *accept);

/*
 * The includeObject query parameter (value NULL when absent). Returns 0, or
 * -1 with the message of the server's BadRequest in err
 * (handlers/response.go optionsForTransform, ValidateTableOptions).
 */
int api_table_include(const char *value, enum api_include *include, struct ks_err *err);

struct api_table_opts {
	const char *api_version;  /* from api_table_accept */
	enum api_include include;
	/*
	 * A GET of one object (objs[0]): metadata.resourceVersion is the
	 * object's; otherwise it is list_rv (NULL: left out, as for "").
	 */
	bool single;
	const char *list_rv;
	/*
	 * TableOptions.NoHeaders, which only the server sets: a watch sends the
	 * columns with its first event and "columnDefinitions": null after
	 * (handlers/response.go watchEmbeddedEncoder).
	 */
	bool no_headers;
	/* The simulated now: ages are measured against it, and objects encoded at it. */
	int64_t now_ms;
};

/*
 * The Table of n objects of kind k, in the order given. The caller frees it
 * with cJSON_Delete.
 */
cJSON *api_table(enum kind k, struct object *const *objs, size_t n, const struct api_table_opts *o);

#endif
