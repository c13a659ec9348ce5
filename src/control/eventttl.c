/*
 * eventttl.c - events expire an hour after their last update.
 *
 * The API server stores each event under an etcd lease of --event-ttl,
 * renewed whenever the event is written again (a repeat bumps its count).
 * Here the stored events form a list in the order of their last write,
 * linked through the events themselves: a write moves its event to the
 * newest end, a deletion unlinks it, both O(1) with no allocation. Expiry
 * is applied whenever the cluster's clock has moved (eventttl_expire,
 * called by cluster.c before anyone can look): events whose hour has
 * passed are at the oldest end. No engine timer at all: nothing in the
 * control plane reads events, and a timer would only wake every few
 * minutes to find that a repeating event had been renewed, bounding how
 * far a retry loop may skip ahead (sim_quiet_until).
 */
#include "control/eventttl.h"

#include <stdlib.h>

#include "api/event.h"
#include "api/store.h"
#include "control/env.h"
#include "util/xmalloc.h"

struct eventttl {
	const struct ctl_env *env;
	struct event *oldest, *newest;
};

static void
unlink_event(struct eventttl *et, struct event *e)
{
	if (e->ttl_older != NULL)
		e->ttl_older->ttl_newer = e->ttl_newer;
	else if (et->oldest == e)
		et->oldest = e->ttl_newer;
	else
		return; /* not in the list */
	if (e->ttl_newer != NULL)
		e->ttl_newer->ttl_older = e->ttl_older;
	else
		et->newest = e->ttl_older;
	e->ttl_older = e->ttl_newer = NULL;
}

void
eventttl_expire(struct eventttl *et)
{
	sim_ms now = sim_now(et->env->sim);

	/* Deleting unlinks (watch below), so the oldest is the next. */
	while (et->oldest != NULL && et->oldest->ttl_at <= now) {
		struct event *e = et->oldest;

		store_delete(et->env->store, &e->obj, 0);
		/* A finalizer holds it: it goes when that is removed. */
		if (et->oldest == e && e->ttl_at <= now)
			unlink_event(et, e);
	}
}

static void
watch(void *ctx, enum store_op op, struct object *obj)
{
	struct eventttl *et = ctx;
	struct event *e = (struct event *)obj;

	if (obj->kind != KIND_EVENT)
		return;
	unlink_event(et, e);
	if (op == STORE_DELETED)
		return;
	e->ttl_at = sim_now(et->env->sim) + EVENT_TTL_MS;
	e->ttl_older = et->newest;
	if (et->newest != NULL)
		et->newest->ttl_newer = e;
	else
		et->oldest = e;
	et->newest = e;
}

struct eventttl *
eventttl_new(const struct ctl_env *env)
{
	struct eventttl *et = xcalloc(1, sizeof *et);

	et->env = env;
	store_watch(env->store, watch, et);
	return et;
}

void
eventttl_free(struct eventttl *et)
{
	free(et);
}
