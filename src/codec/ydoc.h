/*
 * ydoc.h - YAML documents as a tree with positions.
 *
 * libyaml's event stream is turned into a small tree whose every node
 * remembers its line and column, so the decoders above can say
 * "demo.yaml:12:5: ..." for any field they reject. Aliases are expanded,
 * and the limits hold after expansion: no tree deeper than YDOC_MAX_DEPTH
 * (the decoders recurse over it), no more than YDOC_MAX_ALIAS_NODES nodes
 * copied by aliases (a billion-laughs file fails at once instead of
 * exhausting memory). Duplicate mapping keys are errors (as in Kubernetes'
 * YAML), found in O(1) each; strings holding a NUL are refused, since
 * nothing above could carry them; a stream may hold several documents.
 */
#ifndef KS_CODEC_YDOC_H
#define KS_CODEC_YDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ks_err;

#define YDOC_MAX_DEPTH 256
#define YDOC_MAX_ALIAS_NODES 1000000

enum ynode_type {
	YNODE_SCALAR,
	YNODE_MAP,
	YNODE_SEQ,
};

struct ynode {
	enum ynode_type type;
	int line; /* 1-based */
	int col;  /* 1-based */
	/* scalar */
	char *value;
	bool plain; /* unquoted: may be null, a bool or a number */
	/* map: keys[i] -> items[i]; seq: items[i] */
	struct ynode **keys;
	struct ynode **items;
	size_t n;
	size_t size; /* nodes in this subtree, keys included: what an alias to it copies */
	int height;  /* levels in this subtree (1 for a scalar): how deep an alias to it reaches */
};

struct ydoc {
	struct ynode *root; /* NULL for an empty document */
	int line;           /* where the document starts */
};

struct ystream {
	struct ydoc *docs;
	size_t n;
	/*
	 * Work done: nodes built or copied by aliases, key comparisons and
	 * anchor lookups.
	 * Linear in the input (plus alias copies, which are capped); tests
	 * hold the parser to that.
	 */
	size_t work;
};

/*
 * Parse text (len bytes) named file for messages. Returns 0, or -1 with err
 * "FILE:LINE:COL: what is wrong".
 */
int ydoc_parse(const char *file, const char *text, size_t len, struct ystream *out,
    struct ks_err *err);
void ystream_free(struct ystream *s);
void ynode_free(struct ynode *n);

/* A plain scalar spelled null, ~ or empty (YAML 1.1 core). */
bool ynode_is_null(const struct ynode *n);
/* Value for key in a mapping, or NULL. */
struct ynode *ynode_get(const struct ynode *map, const char *key);
/* "a mapping", "a sequence", "a string", "null", ... for messages. */
const char *ynode_describe(const struct ynode *n);
/* Scalar conversions; return -1 when the scalar is not of that type. */
int ynode_bool(const struct ynode *n, bool *out);
int ynode_int(const struct ynode *n, int64_t *out);

#endif
