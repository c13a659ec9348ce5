/*
 * patch.h - the three patch types of the API server, and kubectl apply's
 * patch creation, on cJSON documents.
 *
 * One implementation serves `kubectl patch`, `kubectl apply` (three-way) and
 * the API layer, so the built-in kubectl and a real client talking to
 * `kubesim serve` can never disagree about a patch. It follows:
 *   - JSON patch (RFC 6902) as gopkg.in/evanphx/json-patch.v4 (v4.12.0, what
 *     kube-apiserver v1.32 vendors) applies it, with its error messages;
 *   - JSON merge patch (RFC 7386) as the same library's MergePatch and
 *     CreateMergePatch;
 *   - strategic merge patch as k8s.io/apimachinery/pkg/util/strategicpatch
 *     (StrategicMergeMapPatch, CreateTwoWayMergeMapPatch,
 *     CreateThreeWayMergePatch), with the patchStrategy/patchMergeKey tags of
 *     k8s.io/api for the kinds kubesim serves.
 *
 * Ownership: no function takes ownership of or modifies its inputs; every
 * cJSON * it hands back is new and the caller frees it with cJSON_Delete.
 * Object keys of produced documents keep the order of the input document;
 * keys a patch adds are appended. Created patches have their keys sorted as
 * Go's encoding/json marshals a map (byte order), since that is what kubectl
 * sends and prints with -v.
 *
 * Errors: functions return 0, or a negative HTTP status of the Status the API
 * server would answer (PATCH_EBADREQUEST = -400, PATCH_ETOOLARGE = -413,
 * PATCH_EINVALID = -422, PATCH_EINTERNAL = -500), and fill err->msg with the Status message
 * exactly as kube-apiserver v1.32 words it (e.g. `add operation does not
 * apply: doc is missing path: "/spec/x": missing value`). Inputs are
 * untrusted: nesting deeper than PATCH_MAX_DEPTH fails cleanly, and list
 * merges by key use a hash map, so no input is quadratic.
 */
#ifndef KS_APISERVER_PATCH_H
#define KS_APISERVER_PATCH_H

#include <stdbool.h>

#include <cjson/cJSON.h>

struct ks_err;

#define PATCH_EBADREQUEST (-400) /* metav1.StatusReasonBadRequest */
#define PATCH_ETOOLARGE (-413)   /* StatusReasonRequestEntityTooLarge */
#define PATCH_EINVALID (-422)    /* StatusUnprocessableEntity (reason Invalid) */
#define PATCH_EINTERNAL (-500)   /* StatusReasonInternalError */

/* Documents nested deeper than this are refused (the YAML decoder's limit). */
#define PATCH_MAX_DEPTH 1000

/* The patch types of `kubectl patch --type` and the PATCH Content-Types. */
enum patch_type {
	PATCH_JSON,      /* application/json-patch+json */
	PATCH_MERGE,     /* application/merge-patch+json */
	PATCH_STRATEGIC, /* application/strategic-merge-patch+json */
};

/*
 * "json" / "merge" / "strategic" (kubectl patch --type) to a type; -1 for
 * anything else.
 */
int patch_type_parse(const char *name);

/*
 * The strategic-merge schema of a served kind: which lists merge by which
 * key, which are primitive sets, which fields retain keys. Opaque; static
 * data, never freed. NULL for a kind kubesim has no schema for: every
 * function below then behaves as apimachinery does for fields LookupPatchMeta
 * cannot find (maps merge, lists are replaced whole).
 */
struct patch_schema;
const struct patch_schema *patch_schema_for(const char *api_version, const char *kind);

/* The same from a document's own apiVersion and kind (NULL doc: NULL). */
const struct patch_schema *patch_schema_of(const cJSON *doc);

/*
 * What a schema says of one field, for the OpenAPI documents
 * (x-kubernetes-patch-strategy, -patch-merge-key, -list-map-keys): false
 * when it says nothing. map_keys is comma-separated. type is the field's
 * struct or list element schema (NULL: none known).
 */
struct patch_field_info {
	const char *strategy;  /* "merge", "merge,retainKeys"...; NULL: none */
	const char *merge_key; /* NULL: none */
	const char *map_keys;  /* NULL: none */
	const struct patch_schema *type;
};
bool patch_schema_field(const struct patch_schema *s, const char *name,
    struct patch_field_info *out);

/*
 * RFC 6902: apply the operation array `ops` to doc. *out is the new
 * document. A failing op gives the json-patch library's message with
 * PATCH_EINVALID (the server's 422), an undecodable patch (not an array of
 * objects) PATCH_EBADREQUEST, more than 10000 ops PATCH_ETOOLARGE (the
 * server's maxJSONPatchOperations). Copies are limited to 3 MiB in all.
 */
int patch_json_apply(const cJSON *doc, const cJSON *ops, cJSON **out, struct ks_err *err);

/* RFC 7386: apply a merge patch. A non-object doc or patch is replaced whole. */
int patch_merge_apply(const cJSON *doc, const cJSON *patch, cJSON **out, struct ks_err *err);

/*
 * The JSON merge patch that turns original into modified (evanphx
 * CreateMergePatch): changed and added keys set, removed keys null, lists
 * replaced whole. "{}" when equal.
 */
int patch_merge_create(const cJSON *original, const cJSON *modified, cJSON **out,
    struct ks_err *err);

/*
 * kubectl apply's three-way JSON merge patch for kinds without a schema
 * (jsonmergepatch.CreateThreeWayJSONMergePatch): deletions are what original
 * had and modified dropped; additions and changes are modified vs current.
 */
int patch_merge_create_threeway(const cJSON *original, const cJSON *modified,
    const cJSON *current, cJSON **out, struct ks_err *err);

/*
 * Strategic merge patch (StrategicMergeMapPatch): maps merge, null deletes a
 * key, lists merge by their merge key or as primitive sets where the schema
 * says so and are replaced otherwise; honours $patch (merge, replace,
 * delete), $retainKeys, $setElementOrder/<field> and
 * $deleteFromPrimitiveList/<field>. schema NULL: no list has a strategy.
 */
int patch_strategic_apply(const cJSON *doc, const cJSON *patch, const struct patch_schema *schema,
    cJSON **out, struct ks_err *err);

/*
 * The two-way strategic patch from original to modified
 * (CreateTwoWayMergeMapPatch), with $setElementOrder directives as v1.32
 * emits them. "{}" when nothing changed.
 */
int patch_strategic_create(const cJSON *original, const cJSON *modified,
    const struct patch_schema *schema, cJSON **out, struct ks_err *err);

/*
 * kubectl apply's three-way strategic patch (CreateThreeWayMergePatch with
 * overwrite=true): original is the last-applied-configuration (NULL or {}
 * when there is none), modified the new manifest, current the live object.
 * Fields only current has (labels from `kubectl label`, status, defaults)
 * are left alone; fields original had and modified dropped are deleted;
 * fields modified sets differently from current are set.
 */
int patch_strategic_create_threeway(const cJSON *original, const cJSON *modified,
    const cJSON *current, const struct patch_schema *schema, cJSON **out, struct ks_err *err);

/*
 * Dispatch on type: json, merge, or strategic with schema. A convenience for
 * `kubectl patch` and the API layer's PATCH.
 */
int patch_apply(enum patch_type type, const cJSON *doc, const cJSON *patch,
    const struct patch_schema *schema, cJSON **out, struct ks_err *err);

/*
 * True when a created patch changes nothing: kubectl apply prints
 * "unchanged" when the patch it computed is "{}" (string(patch) == "{}" in
 * staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go), and sends no request.
 */
bool patch_is_empty(const cJSON *patch);

/*
 * True when a and b are equal JSON values (objects compared as maps,
 * numbers by value): reflect.DeepEqual on decoded JSON.
 */
bool patch_json_equal(const cJSON *a, const cJSON *b);

#endif
