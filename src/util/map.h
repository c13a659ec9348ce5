/*
 * map.h - a string-keyed hash map (open addressing, linear probing).
 *
 * The store indexes every object by "namespace/name" and by uid, and pods by
 * node and by owner, so lookups must stay O(1) at tens of thousands of
 * objects. Keys are copied (or borrowed, see map_init_borrowed); values
 * are borrowed pointers. Deletion uses
 * backward-shift, so there are no tombstones and probe chains stay short.
 * Iteration order is the slot order: never rely on it for output.
 */
#ifndef KS_UTIL_MAP_H
#define KS_UTIL_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct map_slot {
	char *key; /* NULL: empty */
	uint64_t hash;
	void *value;
};

struct map {
	struct map_slot *slots;
	size_t cap; /* power of two, or 0 */
	size_t len;
	bool borrowed; /* keys are the caller's (map_init_borrowed) */
};

void map_init(struct map *m);
/*
 * A map whose keys are not copied: each key must stay unchanged at its
 * address until its entry is deleted. The store indexes objects by their
 * own name and uid this way, saving a copy of each per object.
 */
void map_init_borrowed(struct map *m);
/* Frees the keys (unless borrowed), never the values. */
void map_free(struct map *m);
void *map_get(const struct map *m, const char *key);
bool map_has(const struct map *m, const char *key);
/* Insert or replace; returns the previous value or NULL. */
void *map_put(struct map *m, const char *key, void *value);
/* Returns the removed value or NULL. */
void *map_del(struct map *m, const char *key);
size_t map_len(const struct map *m);

/* for (size_t i = 0; map_next(m, &i, &key, &value);) ... */
bool map_next(const struct map *m, size_t *iter, const char **key, void **value);

uint64_t map_hash(const char *s);

/*
 * Two independent 64-bit hashes of a key fed part by part (FNV-1a and a
 * multiply-xorshift mix), for keys that are compared by
 * hash and never stored: a false match needs both to collide.
 */
struct hash2 {
	uint64_t a, b;
};
void hash2_init(struct hash2 *h);
/* One part, then a separator: ("ab", "c") and ("a", "bc") differ. */
void hash2_part(struct hash2 *h, const char *part);

/*
 * "<a><sep><b>" into buf (at most len bytes with the NUL), as snprintf's
 * "%s%c%s" would, without its cost: map keys are built on hot paths.
 */
void map_key2(char *buf, size_t len, const char *a, char sep, const char *b);

#endif
