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
 *
 * Steady retries (sim_after_steady) live in a heap of their own, so that
 * sim_quiet_until can find the next other event at the top of the main one;
 * dispatch takes the earlier of the two tops, by (time, id) as always.
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

struct heap {
	struct ev *v;
	size_t len;
	size_t cap;
};

struct sim {
	sim_ms now;
	sim_id next_id;
	uint64_t run;
	bool in_run;  /* inside sim_run_until */
	sim_ms until; /* its end, while in_run */

	struct heap main;
	struct heap steady; /* sim_after_steady's retries */

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
heap_pop(struct heap *h)
{
	struct ev *heap = h->v;
	size_t len = --h->len;
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
heap_compact(struct heap *h, const struct idset *live)
{
	size_t i, n = 0;

	for (i = 0; i < h->len; i++) {
		if (idset_has(live, h->v[i].id))
			h->v[n++] = h->v[i];
	}
	h->len = n;
	for (i = n / 2; i-- > 0;)
		heap_sift_down(h->v, n, i, h->v[i]);
}

/* Discard cancelled entries from the top; the live top, or NULL. */
static const struct ev *
heap_settle(struct heap *h, const struct idset *live)
{
	while (h->len > 0) {
		if (idset_has(live, h->v[0].id))
			return &h->v[0];
		heap_pop(h);
	}
	return NULL;
}

/* The heap holding the earliest live event, or NULL when none is pending. */
static struct heap *
next_heap(struct sim *sim)
{
	const struct ev *m = heap_settle(&sim->main, &sim->live);
	const struct ev *s = heap_settle(&sim->steady, &sim->live);

	if (m == NULL)
		return s != NULL ? &sim->steady : NULL;
	return s != NULL && ev_before(s, m) ? &sim->steady : &sim->main;
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
	free(sim->main.v);
	free(sim->steady.v);
	free(sim->live.slot);
	free(sim);
}

sim_ms
sim_now(const struct sim *sim)
{
	return sim->now;
}

static sim_id
schedule(struct sim *sim, struct heap *h, sim_ms when, sim_fn fn, void *arg)
{
	struct ev e;

	if (when < sim->now)
		when = sim->now;
	e.time = when;
	e.id = sim->next_id++;
	e.fn = fn;
	e.arg = arg;

	xgrow(&h->v, &h->cap, h->len + 1, sizeof *h->v);
	heap_sift_up(h->v, h->len, e);
	h->len++;
	idset_add(&sim->live, e.id);
	return e.id;
}

/* now + delay, with a negative delay clamped to 0 and overflow saturated. */
static sim_ms
after(const struct sim *sim, sim_ms delay)
{
	if (delay < 0)
		delay = 0;
	/* Saturate: a "never" of INT64_MAX must not wrap into the past. */
	if (delay > INT64_MAX - sim->now)
		return INT64_MAX;
	return sim->now + delay;
}

sim_id
sim_at(struct sim *sim, sim_ms when, sim_fn fn, void *arg)
{
	return schedule(sim, &sim->main, when, fn, arg);
}

sim_id
sim_after(struct sim *sim, sim_ms delay, sim_fn fn, void *arg)
{
	return schedule(sim, &sim->main, after(sim, delay), fn, arg);
}

sim_id
sim_after_steady(struct sim *sim, sim_ms delay, sim_fn fn, void *arg)
{
	return schedule(sim, &sim->steady, after(sim, delay), fn, arg);
}

bool
sim_cancel(struct sim *sim, sim_id id)
{
	size_t dead;

	if (!idset_del(&sim->live, id))
		return false;
	dead = sim->main.len + sim->steady.len - sim->live.count;
	if (dead >= SIM_COMPACT_MIN && dead > sim->live.count) {
		heap_compact(&sim->main, &sim->live);
		heap_compact(&sim->steady, &sim->live);
	}
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
	struct heap *h = next_heap(sim);

	if (h == NULL)
		return false;
	if (when != NULL)
		*when = h->v[0].time;
	return true;
}

/* Run the live event at the top of h. */
static void
dispatch(struct sim *sim, struct heap *h)
{
	struct ev e = h->v[0];

	heap_pop(h);
	/*
	 * Leave the live set before the call, so the event cannot cancel
	 * itself and anything it schedules sorts after it.
	 */
	idset_del(&sim->live, e.id);
	sim->now = e.time;
	sim->run++;
	e.fn(sim, e.arg);
}

bool
sim_step(struct sim *sim)
{
	struct heap *h = next_heap(sim);

	if (h == NULL)
		return false;
	dispatch(sim, h);
	return true;
}

uint64_t
sim_run_until(struct sim *sim, sim_ms until)
{
	uint64_t n = 0;
	struct heap *h;
	bool outer_in_run = sim->in_run;
	sim_ms outer_until = sim->until;

	sim->in_run = true;
	sim->until = until;
	while ((h = next_heap(sim)) != NULL && h->v[0].time <= until) {
		dispatch(sim, h);
		n++;
	}
	sim->in_run = outer_in_run;
	sim->until = outer_until;
	if (until > sim->now)
		sim->now = until;
	return n;
}

sim_ms
sim_quiet_until(struct sim *sim)
{
	const struct ev *next = heap_settle(&sim->main, &sim->live);
	sim_ms limit = sim->now;

	if (sim->in_run)
		limit = sim->until == INT64_MAX ? INT64_MAX : sim->until + 1;
	if (next != NULL && next->time < limit)
		limit = next->time;
	return limit < sim->now ? sim->now : limit;
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
