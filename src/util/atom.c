#include "util/atom.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/map.h"
#include "util/xmalloc.h"

struct atom {
	uint64_t hash;
	uint32_t holders;
	uint32_t len;
	char s[];
};

/*
 * Open addressing on the hash, linear probing, backward-shift deletion (as
 * map.c). Each slot keeps its atom's hash, so a probe reads no atom but
 * the one it finds.
 */
struct slot {
	uint64_t hash;
	struct atom *atom; /* NULL: empty */
};

static struct {
	struct slot *slots;
	size_t cap, len; /* cap: a power of two, or 0 */
} table;

static struct atom *
atom_of(const char *s)
{
	return (struct atom *)(void *)(s - offsetof(struct atom, s));
}

static void
grow(void)
{
	struct slot *old = table.slots;
	size_t ocap = table.cap;

	table.cap = ocap ? ocap * 2 : 256;
	table.slots = xcalloc(table.cap, sizeof *table.slots);
	for (size_t i = 0; i < ocap; i++) {
		size_t mask = table.cap - 1, j;

		if (old[i].atom == NULL)
			continue;
		for (j = old[i].hash & mask; table.slots[j].atom != NULL; j = (j + 1) & mask)
			;
		table.slots[j] = old[i];
	}
	free(old);
}

const char *
atom_get(const char *s)
{
	uint64_t hash;
	size_t len, mask, i;
	struct atom *a;

	if (s == NULL)
		return NULL;
	hash = map_hash(s);
	len = strlen(s);
	if (len >= UINT32_MAX)
		abort();
	if ((table.len + 1) * 4 > table.cap * 3)
		grow();
	mask = table.cap - 1;
	for (i = hash & mask; (a = table.slots[i].atom) != NULL; i = (i + 1) & mask)
		if (table.slots[i].hash == hash && a->len == len && memcmp(a->s, s, len) == 0) {
			if (a->holders == UINT32_MAX)
				abort();
			a->holders++;
			return a->s;
		}
	a = xmalloc(sizeof *a + len + 1);
	a->hash = hash;
	a->holders = 1;
	a->len = (uint32_t)len;
	memcpy(a->s, s, len + 1);
	table.slots[i].hash = hash;
	table.slots[i].atom = a;
	table.len++;
	return a->s;
}

const char *
atom_ref(const char *s)
{
	struct atom *a;

	if (s == NULL)
		return NULL;
	a = atom_of(s);
	if (a->holders == UINT32_MAX)
		abort();
	a->holders++;
	return s;
}

void
atom_put(const char *s)
{
	struct atom *a;
	size_t mask, i, j;

	if (s == NULL)
		return;
	a = atom_of(s);
	if (--a->holders > 0)
		return;
	mask = table.cap - 1;
	for (i = a->hash & mask; table.slots[i].atom != a; i = (i + 1) & mask)
		;
	table.slots[i].atom = NULL;
	for (j = i;;) {
		size_t home;

		j = (j + 1) & mask;
		if (table.slots[j].atom == NULL)
			break;
		home = table.slots[j].hash & mask;
		if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
			table.slots[i] = table.slots[j];
			table.slots[j].atom = NULL;
			i = j;
		}
	}
	free(a);
	/* The last atom gone, so is the table: nothing outlives its strings. */
	if (--table.len == 0) {
		free(table.slots);
		table.slots = NULL;
		table.cap = 0;
	}
}

void
atom_set(const char **slot, const char *s)
{
	const char *kept = atom_get(s);

	atom_put(*slot);
	*slot = kept;
}

size_t
atom_count(void)
{
	return table.len;
}
