/*
 * decode.h - manifests (YAML documents) to API objects.
 *
 * One mapping from document trees to objects; JSON input will build the
 * same tree, so both formats share it. Errors carry file:line:col and the
 * field path ("spec.template.spec.containers[0].image"); fields Kubernetes
 * knows but kubesim does not model are accepted silently, and fields
 * Kubernetes does not know produce kubectl's warning
 * `Warning: unknown field "spec.foo"`.
 */
#ifndef KS_CODEC_DECODE_H
#define KS_CODEC_DECODE_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "api/meta.h"
#include "util/vec.h"

struct ks_err;
struct strbuf;
struct ynode;

enum {
	DECODE_ERR_PARSE = -1,   /* not YAML: kubectl says "error parsing FILE" */
	DECODE_ERR_INVALID = -2, /* YAML, but not a valid object: "error validating" */
	DECODE_ERR_MAPPING = -3, /* a kind/version not served: kubectl's own message */
};

/*
 * Decode every object in a multi-document stream (kind: List items are
 * flattened). Appends to objs (caller frees with object_free) and, when
 * docs is not NULL, each object's document as JSON (a cJSON *, caller frees
 * with cJSON_Delete); warnings are appended to *warnings one line each.
 * Returns 0, or a DECODE_ERR_* with err.
 */
int decode_manifests(const char *file, const char *text, size_t len, struct vec *objs,
    struct vec *docs, struct strbuf *warnings, struct ks_err *err);

/*
 * The same, also appending to obj_warnings one string per object decoded
 * (caller frees): the warnings of the document it came from, "" when none,
 * so a client can judge each object by its own unknown fields.
 */
int decode_manifests_each(const char *file, const char *text, size_t len, struct vec *objs,
    struct vec *docs, struct strbuf *warnings, struct vec *obj_warnings, struct ks_err *err);
/* Decode one object from a tree (a scenario's inline manifest). */
int decode_object(const char *file, const struct ynode *root, struct object **out,
    struct strbuf *warnings, struct ks_err *err);

/* The first YAML (or JSON) document of text as JSON, as kubectl's yaml.ToJSON reads a patch. */
int decode_yaml_to_json(const char *file, const char *text, size_t len, cJSON **out,
    struct ks_err *err);
/*
 * Decode one object from a JSON document (the API layer's patched object);
 * unknown fields are appended to warnings as decode_manifests words them.
 */
int decode_json_doc(const cJSON *doc, struct object **out, struct strbuf *warnings,
    struct ks_err *err);

/* An ObjectMeta from its JSON, into out (as meta_init left it); unknown fields are ignored. */
int decode_meta_json(const cJSON *metadata, struct meta *out, struct ks_err *err);

/* Decoders reused by the scenario loader for node entries. */
struct taint;
struct toleration;
struct labels;
struct res_list;
int decode_labels_node(const char *file, const char *path, const struct ynode *n,
    struct labels *out, struct ks_err *err);
struct node;
/* A list of taints (key, value, effect) appended to node. */
int decode_taints_node(const char *file, const char *path, const struct ynode *seq,
    struct node *node, struct ks_err *err);
int decode_resources_node(const char *file, const char *path, const struct ynode *n,
    struct res_list *out, struct ks_err *err);

/*
 * The scalar's YAML type as go-yaml (which kubectl uses) resolves a plain
 * scalar: "null", "bool", "int", "float" or "string".
 */
const char *decode_scalar_type(const struct ynode *n);

#endif
