#include "api/event.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/pod.h"
#include "api/store.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

struct event *
event_new(void)
{
	struct event *e = xcalloc(1, sizeof *e);

	e->obj.kind = KIND_EVENT;
	meta_init(&e->obj.meta);
	return e;
}

const char *
event_involved_api_version(const struct event *e)
{
	if (e->source != NULL && strcmp(e->source, "kubelet") == 0 && e->involved_kind != NULL &&
	    strcmp(e->involved_kind, "Node") == 0)
		return NULL;
	return kind_name_api_version(e->involved_kind);
}

void
event_free(struct event *e)
{
	if (e == NULL)
		return;
	meta_free(&e->obj.meta);
	atom_put(e->involved_ns);
	atom_put(e->involved_name);
	atom_put(e->involved_uid);
	atom_put(e->message);
	free(e->host);
	free(e);
}

/*
 * ---- the recorder: client-go's EventCorrelator (tools/record/events_cache.go) ----
 *
 * Each component has its own correlator, as each has its own broadcaster
 * (the kubelet one per node). An event goes through the aggregator (ten
 * events differing only in message within ten minutes turn into one
 * "(combined from similar events): ..." event) and the logger (an identical
 * event adds to the count of the one recorded before). Each keeps at most
 * 4096 entries, least recently used first out, so memory stays bounded
 * however long a cluster runs.
 *
 * Not the spam filter (25 events per source and object, then one every
 * five minutes): the real kubelet re-syncs a pod in back-off every minute
 * or so, emitting BackOff each time, so BackOff is the event the filter
 * keeps fresh; kubesim's kubelet acts once per pull cycle, and the filter
 * would keep the wrong event fresh and let BackOff expire.
 *
 * The scheduler records through the events.k8s.io recorder instead
 * (tools/events): isomorphic events form a series while they repeat within
 * six minutes, with no aggregation.
 */

#define LRU_CAP 4096
#define AGGREGATE_MAX 10
#define AGGREGATE_INTERVAL_MS (600 * 1000)
#define SERIES_FINISH_MS (6 * 60 * 1000)

/*
 * The aggregator's record: the distinct messages seen lately (localKeys),
 * by hash. Most objects only ever say one thing per reason, so the first
 * is kept inline.
 */
struct similar {
	uint64_t first;
	uint64_t *more; /* the second to ninth */
	uint32_t n;
	int64_t last_ms;
};

/* The logger's record of an event it made (eventLog). */
struct observed {
	uint32_t count;
	int64_t first_ms;
	int64_t last_ms;
	uint64_t name_ns; /* the name is "<object>.<this in hex>"; 0: none yet */
};

struct lru_entry {
	uint32_t prev, next; /* indexes in the pool, 0: none; next: older (or the next free) */
	uint64_t h1, h2;     /* the key's two hashes; the key itself is not kept */
	union {
		struct similar similar;
		struct observed observed;
	} v;
};

/*
 * A string-keyed LRU cache (groupcache/lru), bounded to LRU_CAP entries.
 * Keys hold whole messages and are many (five per pod for the kubelets),
 * so an entry keeps two independent 64-bit hashes of its key instead of the
 * key (a false match needs both to collide), and its value inline. Entries
 * live in one growing pool and link by 32-bit index (a cache per kubelet
 * times a few entries per pod is many small allocations otherwise); the
 * index is an open-addressing table of pool indexes on the first hash.
 */
struct lru {
	struct lru_entry *pool; /* pool[0] unused: index 0 is "none" */
	uint32_t pool_cap, pool_used, free_head;
	uint32_t *slots;
	size_t cap, len; /* cap: a power of two, or 0 */
	uint32_t newest, oldest;
};

#define LRU_AT(l, i) (&(l)->pool[i])

/* The slot holding h1, or the empty slot where it would go. */
static size_t
lru_slot(const struct lru *l, uint64_t h1)
{
	size_t mask = l->cap - 1, i = h1 & mask;

	while (l->slots[i] != 0 && LRU_AT(l, l->slots[i])->h1 != h1)
		i = (i + 1) & mask;
	return i;
}

static void
lru_grow(struct lru *l)
{
	uint32_t *old = l->slots;
	size_t ocap = l->cap;

	l->cap = ocap ? ocap * 2 : 16;
	l->slots = xcalloc(l->cap, sizeof *l->slots);
	for (size_t i = 0; i < ocap; i++)
		if (old[i] != 0)
			l->slots[lru_slot(l, LRU_AT(l, old[i])->h1)] = old[i];
	free(old);
}

static void
lru_unlink(struct lru *l, uint32_t n)
{
	struct lru_entry *e = LRU_AT(l, n);

	if (e->prev != 0)
		LRU_AT(l, e->prev)->next = e->next;
	else
		l->newest = e->next;
	if (e->next != 0)
		LRU_AT(l, e->next)->prev = e->prev;
	else
		l->oldest = e->prev;
	e->prev = e->next = 0;
}

static void
lru_push(struct lru *l, uint32_t n)
{
	struct lru_entry *e = LRU_AT(l, n);

	e->prev = 0;
	e->next = l->newest;
	if (l->newest != 0)
		LRU_AT(l, l->newest)->prev = n;
	l->newest = n;
	if (l->oldest == 0)
		l->oldest = n;
}

/* A zeroed entry from the pool (which may move: indexes stay, pointers do not). */
static uint32_t
lru_alloc(struct lru *l)
{
	uint32_t n;

	if (l->free_head != 0) {
		n = l->free_head;
		l->free_head = LRU_AT(l, n)->next;
	} else {
		if (l->pool_used + 1 >= l->pool_cap) {
			uint32_t ncap = l->pool_cap ? l->pool_cap * 2 : 8;

			l->pool = xreallocarray(l->pool, ncap, sizeof *l->pool);
			l->pool_cap = ncap;
		}
		n = ++l->pool_used;
	}
	memset(LRU_AT(l, n), 0, sizeof *LRU_AT(l, n));
	return n;
}

/* Remove the entry from index and list and free it (backward-shift deletion, as map.c). */
static void
lru_remove(struct lru *l, uint32_t n, bool similar)
{
	size_t mask = l->cap - 1, i = lru_slot(l, LRU_AT(l, n)->h1), j = i;

	l->slots[i] = 0;
	for (;;) {
		size_t home;

		j = (j + 1) & mask;
		if (l->slots[j] == 0)
			break;
		home = LRU_AT(l, l->slots[j])->h1 & mask;
		if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
			l->slots[i] = l->slots[j];
			l->slots[j] = 0;
			i = j;
		}
	}
	l->len--;
	lru_unlink(l, n);
	if (similar)
		free(LRU_AT(l, n)->v.similar.more);
	LRU_AT(l, n)->next = l->free_head;
	l->free_head = n;
}

/*
 * The entry for key, now the most recently used; a new zeroed one when
 * absent (evicting the least recently used past the cap). *fresh says
 * which. The pointer holds until the next call.
 */
static struct lru_entry *
lru_get(struct lru *l, const struct hash2 *key, bool similar, bool *fresh)
{
	uint64_t h1 = key->a, h2 = key->b;
	uint32_t n;

	if (l->cap > 0) {
		n = l->slots[lru_slot(l, h1)];
		if (n != 0 && LRU_AT(l, n)->h2 == h2) {
			lru_unlink(l, n);
			lru_push(l, n);
			*fresh = false;
			return LRU_AT(l, n);
		}
		/* Another key with the same first hash makes way. */
		if (n != 0)
			lru_remove(l, n, similar);
	}
	if ((l->len + 1) * 2 > l->cap)
		lru_grow(l);
	n = lru_alloc(l);
	LRU_AT(l, n)->h1 = h1;
	LRU_AT(l, n)->h2 = h2;
	l->slots[lru_slot(l, h1)] = n;
	l->len++;
	lru_push(l, n);
	if (l->len > LRU_CAP)
		lru_remove(l, l->oldest, similar);
	*fresh = true;
	return LRU_AT(l, n);
}

static void
lru_free(struct lru *l, bool similar)
{
	for (uint32_t n = l->newest; n != 0; n = LRU_AT(l, n)->next)
		if (similar)
			free(LRU_AT(l, n)->v.similar.more);
	free(l->pool);
	free(l->slots);
	memset(l, 0, sizeof *l);
}

struct correlator {
	bool series; /* the events.k8s.io recorder (the scheduler's) */
	struct lru similar;
	struct lru observed;
};

struct recorder {
	struct store *store;
	struct map correlators; /* "component\x1fhost" -> struct correlator */
	struct map words;        /* reasons, types and sources events point to (owned) */
	struct correlator *last; /* the one asked for last, under these names */
	char last_component[64], last_host[256];
	/* The name and uid (atoms) of the object last recorded about: a pod's events come in runs. */
	const char *about_name, *about_uid;
	uint64_t made;
};

struct recorder *
recorder_new(struct store *store)
{
	struct recorder *rec = xcalloc(1, sizeof *rec);

	rec->store = store;
	map_init(&rec->correlators);
	map_init(&rec->words);
	return rec;
}

void
recorder_free(struct recorder *rec)
{
	const char *key;
	void *value;

	if (rec == NULL)
		return;
	for (size_t it = 0; map_next(&rec->correlators, &it, &key, &value);) {
		struct correlator *c = value;

		lru_free(&c->similar, true);
		lru_free(&c->observed, false);
		free(c);
	}
	map_free(&rec->correlators);
	for (size_t it = 0; map_next(&rec->words, &it, &key, &value);)
		free(value);
	map_free(&rec->words);
	atom_put(rec->about_name);
	atom_put(rec->about_uid);
	free(rec);
}

/* The recorder's copy of a reason, type or source: one per distinct word, however many events. */
static const char *
recorder_word(struct recorder *rec, const char *word)
{
	char *kept = map_get(&rec->words, word);

	if (kept == NULL) {
		kept = xstrdup(word);
		map_put(&rec->words, word, kept);
	}
	return kept;
}

/* The kubelet on each node has its own broadcaster; the controllers one each. */
static struct correlator *
correlator_for(struct recorder *rec, const struct object *about, const char *component)
{
	const char *host = "";
	char key[512];
	struct correlator *c;

	if (strcmp(component, "kubelet") == 0) {
		if (about->kind == KIND_POD && ((const struct pod *)about)->spec.node_name != NULL)
			host = ((const struct pod *)about)->spec.node_name;
		else if (about->kind == KIND_NODE)
			host = about->meta.name;
	}
	/* A kubelet records several events in a row about one pod: ask the map once. */
	if (rec->last != NULL && strcmp(rec->last_component, component) == 0 &&
	    strcmp(rec->last_host, host) == 0)
		return rec->last;
	map_key2(key, sizeof key, component, '\x1f', host);
	c = map_get(&rec->correlators, key);
	if (c == NULL) {
		c = xcalloc(1, sizeof *c);
		c->series = strcmp(component, "default-scheduler") == 0;
		map_put(&rec->correlators, key, c);
	}
	/* Remembered only when both names fit. */
	rec->last = NULL;
	if (strlen(component) < sizeof rec->last_component && strlen(host) < sizeof rec->last_host) {
		strcpy(rec->last_component, component);
		strcpy(rec->last_host, host);
		rec->last = c;
	}
	return c;
}

/*
 * EventAggregate: true when the event is the tenth (or later) distinct
 * message of its kind within the interval, to be recorded as the
 * aggregate. Upstream then drops an arbitrary message from the set
 * (sets.String.PopAny); the one just added is dropped here, so runs repeat.
 */
static bool
aggregate(struct correlator *c, const struct hash2 *similar_key, const char *message,
    int64_t now)
{
	bool fresh;
	struct similar *s = &lru_get(&c->similar, similar_key, true, &fresh)->v.similar;
	uint64_t h = map_hash(message);

	if (!fresh && now - s->last_ms > AGGREGATE_INTERVAL_MS)
		s->n = 0;
	s->last_ms = now;
	if (s->n > 0 && s->first == h)
		return false;
	for (uint32_t i = 1; i < s->n; i++)
		if (s->more[i - 1] == h)
			return false;
	if (s->n + 1 >= AGGREGATE_MAX)
		return true;
	if (s->n == 0)
		s->first = h;
	else {
		s->more = xreallocarray(s->more, s->n, sizeof *s->more);
		s->more[s->n - 1] = h;
	}
	s->n++;
	return false;
}

/* An event on its way through a correlator: its keys and (final) message. */
struct occurrence {
	struct correlator *c;
	const struct object *about;
	const char *type, *reason, *component;
	struct hash2 similar_key; /* the aggregator's: the object, type and reason */
	struct strbuf message;
};

static void
occurrence_init(struct occurrence *oc, struct recorder *rec, const struct object *about,
    const char *type, const char *reason, const char *component)
{
	oc->c = correlator_for(rec, about, component);
	oc->about = about;
	oc->type = type;
	oc->reason = reason;
	oc->component = component;
	sb_init(&oc->message);
	hash2_init(&oc->similar_key);
	hash2_part(&oc->similar_key, kind_name(about->kind));
	hash2_part(&oc->similar_key, about->meta.ns ? about->meta.ns : "default");
	hash2_part(&oc->similar_key, about->meta.name);
	hash2_part(&oc->similar_key, about->meta.uid ? about->meta.uid : "");
	hash2_part(&oc->similar_key, type);
	hash2_part(&oc->similar_key, reason);
}

static void
occurrence_free(struct occurrence *oc)
{
	sb_free(&oc->message);
}

/*
 * EventAggregate then eventObserve for one occurrence of message at now:
 * sets oc's message (combined when aggregated) and returns the logger's
 * record, its count already including this occurrence (times of them).
 */
static struct observed *
observe(struct recorder *rec, struct occurrence *oc, const char *message, uint32_t times,
    int64_t now)
{
	struct correlator *c = oc->c;
	struct observed *o;
	bool fresh;

	struct hash2 event_key = oc->similar_key;

	sb_reset(&oc->message);
	if (!c->series && aggregate(c, &oc->similar_key, message, now)) {
		/* EventAggregatorByReasonMessageFunc; the aggregate's key is the similar one. */
		sb_add(&oc->message, "(combined from similar events): ");
		sb_add(&oc->message, message);
	} else {
		sb_add(&oc->message, message);
		hash2_part(&event_key, message);
	}
	o = &lru_get(&c->observed, &event_key, false, &fresh)->v.observed;
	if (!fresh && c->series && times == 1 && now - o->last_ms > SERIES_FINISH_MS) {
		/*
		 * The series finished: an isomorphic event now starts a new one.
		 * (Repetitions recorded at once came closer together than that.)
		 */
		memset(o, 0, sizeof *o);
	}
	if (o->name_ns == 0) {
		/*
		 * record.makeEvent names an event <object>.<hex UnixNano>; the clock
		 * starts at 2025-01-01T00:00:00Z and a counter keeps names unique
		 * within one millisecond.
		 */
		o->name_ns = 1735689600000000000ULL + (uint64_t)now * 1000000ULL + rec->made++;
		o->first_ms = now;
	}
	o->count = (uint64_t)o->count + times > INT32_MAX ? INT32_MAX : o->count + times;
	o->last_ms = now;
	return o;
}

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* "<object>.<suffix in hex>" into buf, as snprintf's "%s.%llx" would (a hot path). */
static void
event_name(char *buf, size_t len, const char *object, uint64_t suffix)
{
	char hex[17];
	size_t n = 0, at = strlen(object);

	do {
		hex[sizeof hex - 1 - ++n] = "0123456789abcdef"[suffix & 0xf];
		suffix >>= 4;
	} while (suffix != 0);
	if (at + 1 + n + 1 > len)
		at = len - 1 - n - 1; /* names are at most 253 bytes; never here */
	memcpy(buf, object, at);
	buf[at] = '.';
	memcpy(buf + at + 1, hex + sizeof hex - 1 - n, n);
	buf[at + 1 + n] = '\0';
}

/* The involved object's name and uid as atoms, held by the event. */
static void
involved_names(struct recorder *rec, const struct object *about, const char **name,
    const char **uid)
{
	if (rec->about_name == NULL || !same_str(rec->about_name, about->meta.name) ||
	    !same_str(rec->about_uid, about->meta.uid)) {
		atom_put(rec->about_name);
		atom_put(rec->about_uid);
		rec->about_name = atom_get(about->meta.name);
		rec->about_uid = atom_get(about->meta.uid);
	}
	*name = atom_ref(rec->about_name);
	*uid = atom_ref(rec->about_uid);
}

/* Write the event as the logger knows it: count occurrences, the last at last_ms. */
static void
write_event(struct recorder *rec, const struct occurrence *oc, const struct observed *o,
    uint32_t times, int32_t count, int64_t last_ms, const char *message)
{
	const struct object *about = oc->about;
	const char *ns = about->meta.ns ? about->meta.ns : "default";
	char name[320];
	struct event *e;
	struct ks_err err;

	event_name(name, sizeof name, about->meta.name, o->name_ns);
	/* A first occurrence has a name no event had. */
	e = (uint32_t)count > times ? (struct event *)store_get(rec->store, KIND_EVENT, ns, name) : NULL;

	if (e != NULL) {
		e->count = count;
		e->last_ms = last_ms;
		if (strcmp(e->message, message) != 0) {
			atom_put(e->message);
			e->message = atom_get(message);
		}
		store_update(rec->store, &e->obj);
		return;
	}
	/* New, or the one recorded before is gone (expired): created again under its name. */
	e = event_new();
	if (about->meta.ns != NULL)
		meta_share_ns(&e->obj.meta, &about->meta);
	else
		meta_set_ns(&e->obj.meta, ns);
	e->obj.meta.name = xstrdup(name);
	e->involved_kind = kind_name(about->kind);
	e->involved_ns = atom_ref(about->meta.ns);
	involved_names(rec, about, &e->involved_name, &e->involved_uid);
	e->reason = recorder_word(rec, oc->reason);
	e->message = atom_get(message);
	e->type = recorder_word(rec, oc->type);
	e->source = recorder_word(rec, oc->component);
	e->first_ms = o->first_ms;
	e->last_ms = last_ms;
	e->count = count;
	if (store_create(rec->store, &e->obj, &err) != STORE_OK)
		event_free(e);
}

static void
record(struct recorder *rec, uint32_t times, const struct object *about, const char *type,
    const char *reason, const char *component, const char *fmt, va_list ap)
{
	struct occurrence oc;
	struct observed *o;
	char *message = xvasprintf(fmt, ap);

	occurrence_init(&oc, rec, about, type, reason, component);
	o = observe(rec, &oc, message, times, store_now(rec->store));
	write_event(rec, &oc, o, times, (int32_t)o->count, o->last_ms, sb_str(&oc.message));
	occurrence_free(&oc);
	free(message);
}

void
event_record(struct recorder *rec, const struct object *about, const char *type, const char *reason,
    const char *component, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(rec, 1, about, type, reason, component, fmt, ap);
	va_end(ap);
}

void
event_record_times(struct recorder *rec, uint32_t times, const struct object *about,
    const char *type, const char *reason, const char *component, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(rec, times, about, type, reason, component, fmt, ap);
	va_end(ap);
}
