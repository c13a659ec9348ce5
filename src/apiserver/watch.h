/*
 * watch.h - the watch cache: every change to the served cluster, in order.
 *
 * kube-apiserver answers watches from its cacher (staging/src/k8s.io/
 * apiserver/pkg/storage/cacher): a window of recent events, each with the
 * resourceVersion it happened at, which a watch starting from a list's
 * resourceVersion replays from, and "too old resource version" (410 Gone)
 * when that version has left the window. This is that window, fed by the
 * store's watchers, with each event's wire text made once for every watch
 * that streams it.
 *
 * The served cluster can be replaced (another command changed the state
 * file and it was loaded again): the cache keeps a mirror of every object
 * as last seen, so following the new cluster turns the difference into
 * ADDED, MODIFIED and DELETED events, as a real watch would have shown them.
 */
#ifndef KS_APISERVER_WATCH_H
#define KS_APISERVER_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "api/meta.h"
#include "util/map.h"
#include "util/vec.h"

struct cluster;

struct watch_event {
	uint64_t seq; /* the cache's own order, unbroken across replaced clusters */
	uint64_t rv;  /* the object's resourceVersion */
	enum kind k;
	const char *type; /* "ADDED", "MODIFIED", "DELETED" */
	cJSON *object;    /* as served */
	cJSON *row;       /* its Table row when it happened (api_table_row), for watches of Tables */
	char *line;       /* {"type":...,"object":...} and a newline: the event on the wire */
	int64_t born_us;  /* watch_cache.clock_us when it happened (0: no clock) */
	bool by_request;  /* a request's doing, not the simulated clock's */
};

struct watch_cache {
	struct watch_event *ring;
	size_t cap;
	uint64_t next; /* the seq the next event gets; events next-cap .. next-1 are kept */
	struct map mirror; /* "kind/ns/name" -> the object as last seen */
	uint64_t last_rv;  /* the newest resourceVersion seen */
	uint64_t base_rv;  /* the first cluster's, when following began: older ones are unknown */
	uint64_t dropped_rv; /* the newest resourceVersion of an event that left the window */
	unsigned follows;    /* clusters followed so far */
	struct vec follow_ctxs; /* what each cluster's store hands the cache's hook */
	/* For latency figures: a clock events are stamped with, and what moves the cluster now. */
	int64_t (*clock_us)(void);
	bool in_request;
};

void watch_cache_init(struct watch_cache *wc, size_t cap);
void watch_cache_free(struct watch_cache *wc);

/*
 * Follow c's changes from now on. The first cluster is taken as it is; a
 * later one (a reload) adds the events that turn the mirror into it.
 */
void watch_cache_follow(struct watch_cache *wc, struct cluster *c);

/* The event with this seq, or NULL when it has left the window or not happened yet. */
const struct watch_event *watch_cache_get(const struct watch_cache *wc, uint64_t seq);

/* The oldest seq still kept. */
uint64_t watch_cache_oldest(const struct watch_cache *wc);

/*
 * Where a watch from resourceVersion rv starts: the seq of the first event
 * after rv. False when events after rv have left the window (410 Gone).
 */
bool watch_cache_start(const struct watch_cache *wc, uint64_t rv, uint64_t *seq);

#endif
