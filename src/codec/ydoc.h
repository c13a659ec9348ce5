/*
 * ydoc.h - YAML documents as a tree with positions.
 *
 * libyaml's event stream is turned into a small tree whose every node
 * remembers its line and column, so the decoders above can say
 * "demo.yaml:12:5: ..." for any field they reject. Aliases are expanded
 * (with a depth cap so a billion-laughs file fails instead of exhausting
 * memory), duplicate mapping keys are errors (as in Kubernetes' YAML), and
 * a stream may hold several documents.
 */
#ifndef KS_CODEC_YDOC_H
#define KS_CODEC_YDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ks_err;

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
};

struct ydoc {
	struct ynode *root; /* NULL for an empty document */
	int line;           /* where the document starts */
};

struct ystream {
	struct ydoc *docs;
	size_t n;
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
