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

struct cluster;
struct ks_err;
struct strbuf;

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

/*
 * The same Table as encode_json_compact prints it, appended to out without
 * building the document (what kubesim serve sends for `kubectl get`).
 */
void api_table_write(enum kind k, struct object *const *objs, size_t n,
    const struct api_table_opts *o, struct strbuf *out);

/*
 * obj's row without its "object": {"cells":[...]} and, when set,
 * "conditions" (now_ms: what ages are measured against). A watch event
 * keeps it to print its object later, when the object may be gone.
 */
cJSON *api_table_row(const struct object *obj, int64_t now_ms);

/*
 * A watch that asked for Tables (kubectl get -w sends the same Accept):
 * each event carries a Table of its one object, the first with the column
 * definitions and the later ones without (handlers/response.go
 * watchEmbeddedEncoder sets NoHeaders once it has encoded one).
 */
struct api_table_watch;

/*
 * For a watch's Accept and includeObject: *tw is NULL when the events carry
 * the objects themselves. Returns 0, or -1 with the BadRequest's message.
 */
int api_table_watch_new(const char *accept, const char *include, struct api_table_watch **tw,
    struct ks_err *err);
/*
 * Append the event {"type":type,"object":<Table>} and a newline to out; doc
 * is the object as served, of kind k, and row its api_table_row.
 */
void api_table_watch_event(struct api_table_watch *tw, const char *type, enum kind k,
    const cJSON *doc, const cJSON *row, struct strbuf *out);
/* The same for an object of c a watch starts with (an ADDED event made now). */
void api_table_watch_initial(struct api_table_watch *tw, struct cluster *c, enum kind k,
    const cJSON *doc, struct strbuf *out);
void api_table_watch_free(struct api_table_watch *tw);

#endif
