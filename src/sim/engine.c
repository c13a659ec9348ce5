/*
 * engine.c - binary heap plus a live-id set; see engine.h for the design.
 *
 * The heap moves a hole rather than swapping, so a sift writes each entry it
 * passes once. The live set is linear probing over a power-of-two table of
 * ids (0 marks an empty slot, which is why 0 is never an id), kept at most
 * half full, with Fibonacci hashing because consecutive ids would otherwise
 * fill contiguous runs and make probes long when old and new ids interleave.
 * Deletion shifts later entries of the run back instead of leaving
 * tombstones, so a table that sees millions of insert/delete pairs never
 * degrades and never needs a cleaning rehash. Neither array shrinks: a
 * simulation that once had 10^6 events pending is likely to again.
 */
#include "sim/engine.h"

#include <stdlib.h>

#include "util/xmalloc.h"

struct ev {
	sim_ms time;
	sim_id id; /* also the tie-breaking sequence */
	sim_fn fn;
	void *arg;
};

struct idset {
	sim_id *slot; /* 0 = empty */
	size_t cap;   /* power of two, or 0 before the first insert */
	size_t count;
	unsigned shift; /* 64 - log2(cap) */
};

struct sim {
	sim_ms now;
	sim_id next_id;
	uint64_t run;

	struct ev *heap;
	size_t len;
	size_t cap;

	struct idset live;
};

/* Below this many corpses compaction is not worth an O(n) pass. */
#define SIM_COMPACT_MIN 1024

/* 2^64 / golden ratio: spreads consecutive ids evenly over the table. */
#define FIB_MULT UINT64_C(11400714819323198485)

static size_t
idset_home(const struct idset *set, sim_id id)
{
	return (size_t)((id * FIB_MULT) >> set->shift);
}

/* Slot holding id, or the empty slot where it would go. */
static size_t
idset_find(const struct idset *set, sim_id id)
{
	size_t mask = set->cap - 1;
	size_t i = idset_home(set, id);

	while (set->slot[i] != 0 && set->slot[i] != id)
		i = (i + 1) & mask;
	return i;
}

static bool
idset_has(const struct idset *set, sim_id id)
{
	if (id == 0 || set->count == 0)
		return false;
	return set->slot[idset_find(set, id)] == id;
}

static void
idset_resize(struct idset *set, size_t ncap)
{
	sim_id *old = set->slot;
	size_t ocap = set->cap;
	unsigned bits = 0;
	size_t i;

	while (((size_t)1 << bits) < ncap)
		bits++;
	set->slot = xcalloc(ncap, sizeof *set->slot);
	set->cap = ncap;
	set->shift = 64 - bits;
	for (i = 0; i < ocap; i++) {
		if (old[i] != 0)
			set->slot[idset_find(set, old[i])] = old[i];
	}
	free(old);
}

/* Ids are fresh, so no duplicate check. */
static void
idset_add(struct idset *set, sim_id id)
{
	if ((set->count + 1) * 2 > set->cap)
		idset_resize(set, set->cap ? set->cap * 2 : 1024);
	set->slot[idset_find(set, id)] = id;
	set->count++;
}

static bool
idset_del(struct idset *set, sim_id id)
{
	size_t mask, i, j, home;

	if (id == 0 || set->count == 0)
		return false;
	mask = set->cap - 1;
	i = idset_find(set, id);
	if (set->slot[i] != id)
		return false;

	/*
	 * Backward-shift deletion: walk the rest of the probe run and pull
	 * back any entry whose home is not cyclically within (i, j], since
	 * the hole at i would otherwise cut it off from its home.
	 */
	for (j = (i + 1) & mask; set->slot[j] != 0; j = (j + 1) & mask) {
		home = idset_home(set, set->slot[j]);
		if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) {
			set->slot[i] = set->slot[j];
			i = j;
		}
	}
	set->slot[i] = 0;
	set->count--;
	return true;
}

static bool
ev_before(const struct ev *a, const struct ev *b)
{
	if (a->time != b->time)
		return a->time < b->time;
	return a->id < b->id;
}

static void
heap_sift_up(struct ev *heap, size_t i, struct ev e)
{
	while (i > 0) {
		size_t parent = (i - 1) / 2;

		if (!ev_before(&e, &heap[parent]))
			break;
		heap[i] = heap[parent];
		i = parent;
	}
	heap[i] = e;
}

static void
heap_sift_down(struct ev *heap, size_t len, size_t i, struct ev e)
{
	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= len)
			break;
		if (child + 1 < len && ev_before(&heap[child + 1], &heap[child]))
			child++;
		if (!ev_before(&heap[child], &e))
			break;
		heap[i] = heap[child];
		i = child;
	}
	heap[i] = e;
}

/*
 * Remove the top entry; the caller has copied it if it wants it. Floyd's
 * bottom-up variant: the last entry almost always belongs near the bottom,
 * so walk the hole down to a leaf by the smaller child (one comparison per
 * level, not two) and sift the last entry up from there, which is usually
 * no distance at all.
 */
static void
heap_pop(struct sim *sim)
{
	struct ev *heap = sim->heap;
	size_t len = --sim->len;
	size_t i = 0, child;

	if (len == 0)
		return;
	while ((child = 2 * i + 1) < len) {
		if (child + 1 < len && ev_before(&heap[child + 1], &heap[child]))
			child++;
		heap[i] = heap[child];
		i = child;
	}
	heap_sift_up(heap, i, heap[len]);
}

/* Drop cancelled entries and rebuild the heap bottom-up: O(n). */
static void
heap_compact(struct sim *sim)
{
	size_t i, n = 0;

	for (i = 0; i < sim->len; i++) {
		if (idset_has(&sim->live, sim->heap[i].id))
			sim->heap[n++] = sim->heap[i];
	}
	sim->len = n;
	for (i = n / 2; i-- > 0;)
		heap_sift_down(sim->heap, n, i, sim->heap[i]);
}

/* Discard cancelled entries from the top; true if a live one remains. */
static bool
heap_settle(struct sim *sim)
{
	while (sim->len > 0) {
		if (idset_has(&sim->live, sim->heap[0].id))
			return true;
		heap_pop(sim);
	}
	return false;
}

struct sim *
sim_new(void)
{
	struct sim *sim = xcalloc(1, sizeof *sim);

	sim->next_id = 1;
	return sim;
}

void
sim_free(struct sim *sim)
{
	if (sim == NULL)
		return;
	free(sim->heap);
	free(sim->live.slot);
	free(sim);
}

sim_ms
sim_now(const struct sim *sim)
{
	return sim->now;
}

sim_id
sim_at(struct sim *sim, sim_ms when, sim_fn fn, void *arg)
{
	struct ev e;

	if (when < sim->now)
		when = sim->now;
	e.time = when;
	e.id = sim->next_id++;
	e.fn = fn;
	e.arg = arg;

	xgrow(&sim->heap, &sim->cap, sim->len + 1, sizeof *sim->heap);
	heap_sift_up(sim->heap, sim->len, e);
	sim->len++;
	idset_add(&sim->live, e.id);
	return e.id;
}

sim_id
sim_after(struct sim *sim, sim_ms delay, sim_fn fn, void *arg)
{
	sim_ms when;

	if (delay < 0)
		delay = 0;
	/* Saturate: a "never" of INT64_MAX must not wrap into the past. */
	if (delay > INT64_MAX - sim->now)
		when = INT64_MAX;
	else
		when = sim->now + delay;
	return sim_at(sim, when, fn, arg);
}

bool
sim_cancel(struct sim *sim, sim_id id)
{
	size_t dead;

	if (!idset_del(&sim->live, id))
		return false;
	dead = sim->len - sim->live.count;
	if (dead >= SIM_COMPACT_MIN && dead > sim->live.count)
		heap_compact(sim);
	return true;
}

bool
sim_is_pending(const struct sim *sim, sim_id id)
{
	return idset_has(&sim->live, id);
}

size_t
sim_pending(const struct sim *sim)
{
	return sim->live.count;
}

bool
sim_next_time(struct sim *sim, sim_ms *when)
{
	if (!heap_settle(sim))
		return false;
	if (when != NULL)
		*when = sim->heap[0].time;
	return true;
}

bool
sim_step(struct sim *sim)
{
	struct ev e;

	if (!heap_settle(sim))
		return false;
	e = sim->heap[0];
	heap_pop(sim);
	/*
	 * Leave the live set before the call, so the event cannot cancel
	 * itself and anything it schedules sorts after it.
	 */
	idset_del(&sim->live, e.id);
	sim->now = e.time;
	sim->run++;
	e.fn(sim, e.arg);
	return true;
}

uint64_t
sim_run_until(struct sim *sim, sim_ms until)
{
	uint64_t n = 0;
	sim_ms when;

	while (sim_next_time(sim, &when) && when <= until) {
		sim_step(sim);
		n++;
	}
	if (until > sim->now)
		sim->now = until;
	return n;
}

uint64_t
sim_events_run(const struct sim *sim)
{
	return sim->run;
}

uint64_t
sim_events_scheduled(const struct sim *sim)
{
	return sim->next_id - 1;
}
