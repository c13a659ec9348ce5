/*
 * watch.c - the watch cache (see watch.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/store.h"
#include "apiserver/table.h"
#include "apiserver/watch.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

/* An object as the cache last saw it. */
struct mirrored {
	enum kind k;
	char *uid;
	uint64_t rv;
	cJSON *doc;
	cJSON *row; /* its Table row, for a DELETED event made from the mirror */
	bool seen; /* found again in a followed cluster */
};

void
watch_cache_init(struct watch_cache *wc, size_t cap)
{
	memset(wc, 0, sizeof *wc);
	wc->cap = cap;
	wc->ring = xcalloc(cap, sizeof *wc->ring);
	map_init(&wc->mirror);
}

static void
event_clear(struct watch_event *e)
{
	cJSON_Delete(e->object);
	cJSON_Delete(e->row);
	free(e->line);
	memset(e, 0, sizeof *e);
}

static void
mirrored_free(struct mirrored *m)
{
	free(m->uid);
	cJSON_Delete(m->doc);
	cJSON_Delete(m->row);
	free(m);
}

void
watch_cache_free(struct watch_cache *wc)
{
	const char *key;
	void *v;

	for (size_t i = 0; i < wc->cap; i++)
		event_clear(&wc->ring[i]);
	free(wc->ring);
	for (size_t it = 0; map_next(&wc->mirror, &it, &key, &v);)
		mirrored_free(v);
	map_free(&wc->mirror);
	for (size_t i = 0; i < wc->follow_ctxs.n; i++)
		free(wc->follow_ctxs.v[i]);
	vec_free(&wc->follow_ctxs);
	memset(wc, 0, sizeof *wc);
}

static uint64_t
doc_rv(const cJSON *doc)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(doc, "metadata"), "resourceVersion");

	return cJSON_IsString(v) ? strtoull(v->valuestring, NULL, 10) : 0;
}

/* Append an event; takes doc and row. */
static void
record(struct watch_cache *wc, enum kind k, const char *type, cJSON *doc, cJSON *row)
{
	struct watch_event *e = &wc->ring[wc->next % wc->cap];
	struct strbuf line = STRBUF_INIT;
	cJSON *wire = cJSON_CreateObject();

	if (e->object != NULL && e->rv > wc->dropped_rv)
		wc->dropped_rv = e->rv;
	event_clear(e);
	e->seq = wc->next++;
	e->born_us = wc->clock_us != NULL ? wc->clock_us() : 0;
	e->by_request = wc->in_request;
	e->rv = doc_rv(doc);
	e->k = k;
	e->type = type;
	e->object = doc;
	e->row = row;
	if (e->rv > wc->last_rv)
		wc->last_rv = e->rv;
	/* Borrowed into the wire document only for encoding it. */
	cJSON_AddStringToObject(wire, "type", type);
	cJSON_AddItemReferenceToObject(wire, "object", doc);
	encode_json_compact(wire, &line);
	sb_addc(&line, '\n');
	cJSON_Delete(wire);
	e->line = sb_take(&line);
}

static char *
mirror_key(enum kind k, const char *ns, const char *name)
{
	return xasprintf("%d/%s/%s", (int)k, ns ? ns : "", name);
}

/* The mirror follows the event: an added or changed object is kept, a deleted one dropped. */
static void
mirror_put(struct watch_cache *wc, const struct object *obj, const cJSON *doc, const cJSON *row,
    bool deleted)
{
	char *key = mirror_key(obj->kind, obj->meta.ns, obj->meta.name);
	struct mirrored *m = deleted ? map_del(&wc->mirror, key) : map_get(&wc->mirror, key);

	if (deleted) {
		if (m != NULL)
			mirrored_free(m);
		free(key);
		return;
	}
	if (m == NULL) {
		m = xcalloc(1, sizeof *m);
		map_put(&wc->mirror, key, m);
	}
	free(m->uid);
	cJSON_Delete(m->doc);
	cJSON_Delete(m->row);
	m->k = obj->kind;
	m->uid = xstrdup(obj->meta.uid ? obj->meta.uid : "");
	m->rv = obj->meta.resource_version;
	m->doc = cJSON_Duplicate(doc, true);
	m->row = cJSON_Duplicate(row, true);
	free(key);
}

struct follow_ctx {
	struct watch_cache *wc;
	struct cluster *c;
};

static void
on_change(void *ctx, enum store_op op, struct object *obj)
{
	struct follow_ctx *f = ctx;
	cJSON *doc = encode_object(obj, cluster_now(f->c));
	cJSON *row = api_table_row(obj, cluster_now(f->c));
	static const char *const types[] = {
		[STORE_ADDED] = "ADDED",
		[STORE_MODIFIED] = "MODIFIED",
		[STORE_DELETED] = "DELETED",
	};

	mirror_put(f->wc, obj, doc, row, op == STORE_DELETED);
	record(f->wc, obj->kind, types[op], doc, row);
}

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The objects of c that differ from the mirror, as events; the mirror then is c. */
static void
diff_into(struct watch_cache *wc, struct cluster *c, bool quiet)
{
	struct vec gone = VEC_INIT;
	const char *key;
	void *v;

	for (size_t it = 0; map_next(&wc->mirror, &it, &key, &v);)
		((struct mirrored *)v)->seen = false;
	for (int k = 0; k < KIND__COUNT; k++) {
		struct vec objs = VEC_INIT;

		store_list_sorted(c->store, (enum kind)k, NULL, &objs);
		for (size_t i = 0; i < objs.n; i++) {
			struct object *o = objs.v[i];
			char *mk = mirror_key(o->kind, o->meta.ns, o->meta.name);
			struct mirrored *m = map_get(&wc->mirror, mk);
			const char *type = NULL;
			cJSON *doc, *row;

			if (m != NULL && strcmp(m->uid, o->meta.uid ? o->meta.uid : "") != 0) {
				/* Deleted and made again while nobody watched. */
				if (!quiet)
					record(wc, m->k, "DELETED", cJSON_Duplicate(m->doc, true),
					    cJSON_Duplicate(m->row, true));
				type = "ADDED";
			} else if (m == NULL)
				type = "ADDED";
			else if (m->rv != o->meta.resource_version)
				type = "MODIFIED";
			free(mk);
			if (m != NULL)
				m->seen = true;
			if (type == NULL)
				continue;
			doc = encode_object(o, cluster_now(c));
			row = api_table_row(o, cluster_now(c));
			mirror_put(wc, o, doc, row, false);
			mk = mirror_key(o->kind, o->meta.ns, o->meta.name);
			((struct mirrored *)map_get(&wc->mirror, mk))->seen = true;
			free(mk);
			if (quiet) {
				cJSON_Delete(doc);
				cJSON_Delete(row);
				if (o->meta.resource_version > wc->last_rv)
					wc->last_rv = o->meta.resource_version;
			} else
				record(wc, o->kind, type, doc, row);
		}
		vec_free(&objs);
	}
	for (size_t it = 0; map_next(&wc->mirror, &it, &key, &v);)
		if (!((struct mirrored *)v)->seen)
			vec_push(&gone, xstrdup(key));
	vec_sort(&gone, key_cmp);
	for (size_t i = 0; i < gone.n; i++) {
		struct mirrored *m = map_del(&wc->mirror, gone.v[i]);

		record(wc, m->k, "DELETED", m->doc, m->row);
		m->doc = NULL;
		m->row = NULL;
		mirrored_free(m);
		free(gone.v[i]);
	}
	vec_free(&gone);
}

void
watch_cache_follow(struct watch_cache *wc, struct cluster *c)
{
	struct follow_ctx *f = xmalloc(sizeof *f);

	diff_into(wc, c, wc->follows == 0);
	if (wc->follows++ == 0)
		wc->base_rv = store_resource_version(c->store);
	if (store_resource_version(c->store) > wc->last_rv)
		wc->last_rv = store_resource_version(c->store);
	f->wc = wc;
	f->c = c;
	/* The store owns ctx's lifetime no more than its own: freed with the cache. */
	vec_push(&wc->follow_ctxs, f);
	store_watch(c->store, on_change, f);
}

const struct watch_event *
watch_cache_get(const struct watch_cache *wc, uint64_t seq)
{
	if (seq >= wc->next || seq < watch_cache_oldest(wc))
		return NULL;
	return &wc->ring[seq % wc->cap];
}

uint64_t
watch_cache_oldest(const struct watch_cache *wc)
{
	return wc->next > wc->cap ? wc->next - wc->cap : 0;
}

bool
watch_cache_start(const struct watch_cache *wc, uint64_t rv, uint64_t *seq)
{
	uint64_t s = watch_cache_oldest(wc);

	if (rv < wc->base_rv || rv < wc->dropped_rv)
		return false;
	while (s < wc->next && wc->ring[s % wc->cap].rv <= rv)
		s++;
	*seq = s;
	return true;
}
