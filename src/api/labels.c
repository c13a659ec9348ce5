/*
 * labels.c - a small string-to-string map kept sorted by key.
 */
#include "api/labels.h"

#include <stdlib.h>
#include <string.h>

#include "util/atom.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/*
 * Binary search for key. Returns true when found; either way *at is where
 * the key is or would be inserted, so labels_set needs only one search.
 */
static bool
labels_find(const struct labels *l, const char *key, size_t *at)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(l->v[mid].key, key);

		if (c == 0) {
			*at = mid;
			return true;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*at = lo;
	return false;
}

void
labels_init(struct labels *l)
{
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
}

void
labels_free(struct labels *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		atom_put(l->v[i].key);
		atom_put(l->v[i].value);
	}
	free(l->v);
	labels_init(l);
}

void
labels_copy(struct labels *dst, const struct labels *src)
{
	size_t i;

	/* Tolerate dst == src: copying a map onto itself leaves it as it was. */
	if (dst == src)
		return;
	labels_free(dst);
	if (src->n == 0)
		return;
	dst->v = xreallocarray(NULL, src->n, sizeof *dst->v);
	dst->cap = src->n;
	for (i = 0; i < src->n; i++) {
		dst->v[i].key = atom_ref(src->v[i].key);
		dst->v[i].value = atom_ref(src->v[i].value);
	}
	dst->n = src->n;
}

void
labels_set(struct labels *l, const char *key, const char *value)
{
	size_t at;

	if (labels_find(l, key, &at)) {
		/* Take the new one first: value may be the one being replaced. */
		const char *nv = atom_get(value);

		atom_put(l->v[at].value);
		l->v[at].value = nv;
		return;
	}
	if (l->n == l->cap) {
		/*
		 * Most maps hold a few entries (a pod's labels: three), and there
		 * are many of them: small ones grow by one, large ones double.
		 */
		if (l->cap >= UINT32_MAX / 2)
			abort();
		l->cap = l->cap < 8 ? l->cap + 1 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof *l->v);
	l->v[at].key = atom_get(key);
	l->v[at].value = atom_get(value);
	l->n++;
}

const char *
labels_get(const struct labels *l, const char *key)
{
	size_t at;

	if (!labels_find(l, key, &at))
		return NULL;
	return l->v[at].value;
}

bool
labels_has(const struct labels *l, const char *key)
{
	size_t at;

	return labels_find(l, key, &at);
}

bool
labels_del(struct labels *l, const char *key)
{
	size_t at;

	if (!labels_find(l, key, &at))
		return false;
	atom_put(l->v[at].key);
	atom_put(l->v[at].value);
	memmove(&l->v[at], &l->v[at + 1], (l->n - at - 1) * sizeof *l->v);
	l->n--;
	return true;
}

bool
labels_equal(const struct labels *a, const struct labels *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	/* Both are sorted with unique keys, so equal maps are equal arrays. */
	for (i = 0; i < a->n; i++) {
		if (strcmp(a->v[i].key, b->v[i].key) != 0 ||
		    strcmp(a->v[i].value, b->v[i].value) != 0)
			return false;
	}
	return true;
}

bool
labels_subset(const struct labels *sub, const struct labels *l)
{
	size_t i;

	for (i = 0; i < sub->n; i++) {
		const char *v = labels_get(l, sub->v[i].key);

		if (v == NULL || strcmp(v, sub->v[i].value) != 0)
			return false;
	}
	return true;
}

void
labels_format(const struct labels *l, struct strbuf *out)
{
	size_t i;

	if (l->n == 0) {
		sb_add(out, "<none>");
		return;
	}
	for (i = 0; i < l->n; i++) {
		if (i != 0)
			sb_addc(out, ',');
		sb_add(out, l->v[i].key);
		sb_addc(out, '=');
		sb_add(out, l->v[i].value);
	}
}
