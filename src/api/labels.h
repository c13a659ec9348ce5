/*
 * labels.h - a small string-to-string map kept sorted by key.
 *
 * Labels, annotations and nodeSelector maps hold a handful of entries, so a
 * sorted array beats a hash table: lookups are a binary search, iteration is
 * already in the key order kubectl prints (labels.FormatLabels sorts), and
 * equality is a linear compare. Keys and values are atoms (util/atom.h):
 * the pods of a DaemonSet, and their copies, share one of each.
 */
#ifndef KS_API_LABELS_H
#define KS_API_LABELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

struct label {
	const char *key;
	const char *value;
};

/* In every object twice (labels, annotations): 32-bit counts keep it at 16 bytes. */
struct labels {
	struct label *v; /* sorted by key, keys unique */
	uint32_t n;
	uint32_t cap;
};

void labels_init(struct labels *l);
void labels_free(struct labels *l);
void labels_copy(struct labels *dst, const struct labels *src); /* dst is overwritten */
/* Insert or overwrite. */
void labels_set(struct labels *l, const char *key, const char *value);
/* NULL when absent. */
const char *labels_get(const struct labels *l, const char *key);
bool labels_has(const struct labels *l, const char *key);
/* True when the key was present. */
bool labels_del(struct labels *l, const char *key);
bool labels_equal(const struct labels *a, const struct labels *b);
/* Every entry of sub is in l with the same value. */
bool labels_subset(const struct labels *sub, const struct labels *l);
/* labels.FormatLabels: "a=b,c=d", or "<none>" when empty. */
void labels_format(const struct labels *l, struct strbuf *out);

#endif
