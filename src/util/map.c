#include "util/map.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

/*
 * Eight bytes at a time, each word folded in with a multiply and a shift,
 * then a final avalanche (murmur3's fmix64) so the low bits the table
 * indexes by depend on every byte. Keys are 10 to 80 bytes ("default/
 * fluentd-es-demo-x7k2p", uids, event names): a byte-at-a-time FNV-1a was
 * a tenth of a large run's time.
 */
uint64_t
map_hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL), w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0x94d049bb133111ebULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

void
hash2_init(struct hash2 *h)
{
	h->a = 1469598103934665603ULL;
	h->b = 0x9e3779b97f4a7c15ULL;
}

void
hash2_part(struct hash2 *h, const char *part)
{
	uint64_t a = h->a, b = h->b;

	for (const unsigned char *p = (const unsigned char *)part;; p++) {
		unsigned c = *p != '\0' ? *p : 0x1f;

		a = (a ^ c) * 1099511628211ULL;
		b = (b ^ c) * 0xff51afd7ed558ccdULL;
		b ^= b >> 29;
		if (*p == '\0')
			break;
	}
	h->a = a;
	h->b = b;
}

void
map_key2(char *buf, size_t len, const char *a, char sep, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), at = 0;

	if (len == 0)
		return;
	if (na > len - 1)
		na = len - 1;
	memcpy(buf, a, na);
	at = na;
	if (at < len - 1)
		buf[at++] = sep;
	if (nb > len - 1 - at)
		nb = len - 1 - at;
	memcpy(buf + at, b, nb);
	buf[at + nb] = '\0';
}

void
map_init(struct map *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->len = 0;
	m->borrowed = false;
}

void
map_init_borrowed(struct map *m)
{
	map_init(m);
	m->borrowed = true;
}

void
map_free(struct map *m)
{
	bool borrowed = m->borrowed;

	if (!borrowed)
		for (size_t i = 0; i < m->cap; i++)
			free(m->slots[i].key);
	free(m->slots);
	map_init(m);
	m->borrowed = borrowed;
}

static size_t
map_find(const struct map *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1;
	size_t i = h & mask;

	while (m->slots[i].key != NULL) {
		if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

static void
map_resize(struct map *m, size_t ncap)
{
	struct map_slot *old = m->slots;
	size_t ocap = m->cap;

	m->slots = xcalloc(ncap, sizeof *m->slots);
	m->cap = ncap;
	for (size_t i = 0; i < ocap; i++) {
		if (old[i].key != NULL) {
			size_t j = old[i].hash & (ncap - 1);

			while (m->slots[j].key != NULL)
				j = (j + 1) & (ncap - 1);
			m->slots[j] = old[i];
		}
	}
	free(old);
}

void *
map_get(const struct map *m, const char *key)
{
	size_t i;

	if (m->len == 0)
		return NULL;
	i = map_find(m, key, map_hash(key));
	return m->slots[i].key != NULL ? m->slots[i].value : NULL;
}

bool
map_has(const struct map *m, const char *key)
{
	if (m->len == 0)
		return false;
	return m->slots[map_find(m, key, map_hash(key))].key != NULL;
}

void *
map_put(struct map *m, const char *key, void *value)
{
	uint64_t h = map_hash(key);
	size_t i;
	void *old;

	/*
	 * Keep the load factor under 3/4: probe chains stay a few slots long
	 * (2.5 on average for a hit), and the slots of the store's maps, most of
	 * the memory a pod costs outside the pod, stay a third smaller than at 1/2.
	 */
	if ((m->len + 1) * 4 > m->cap * 3)
		map_resize(m, m->cap ? m->cap * 2 : 16);
	i = map_find(m, key, h);
	if (m->slots[i].key != NULL) {
		old = m->slots[i].value;
		m->slots[i].value = value;
		return old;
	}
	m->slots[i].key = m->borrowed ? (char *)key : xstrdup(key);
	m->slots[i].hash = h;
	m->slots[i].value = value;
	m->len++;
	return NULL;
}

void *
map_del(struct map *m, const char *key)
{
	size_t mask, i, j;
	void *old;

	if (m->len == 0)
		return NULL;
	mask = m->cap - 1;
	i = map_find(m, key, map_hash(key));
	if (m->slots[i].key == NULL)
		return NULL;
	old = m->slots[i].value;
	if (!m->borrowed)
		free(m->slots[i].key);
	m->slots[i].key = NULL;
	m->len--;
	/* Backward-shift: pull later members of the chain into the hole. */
	j = i;
	for (;;) {
		size_t home;

		j = (j + 1) & mask;
		if (m->slots[j].key == NULL)
			break;
		home = m->slots[j].hash & mask;
		/* Move j into i unless its home lies cyclically in (i, j]. */
		if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
			m->slots[i] = m->slots[j];
			m->slots[j].key = NULL;
			i = j;
		}
	}
	return old;
}

size_t
map_len(const struct map *m)
{
	return m->len;
}

bool
map_next(const struct map *m, size_t *iter, const char **key, void **value)
{
	while (*iter < m->cap) {
		size_t i = (*iter)++;

		if (m->slots[i].key != NULL) {
			if (key != NULL)
				*key = m->slots[i].key;
			if (value != NULL)
				*value = m->slots[i].value;
			return true;
		}
	}
	return false;
}
