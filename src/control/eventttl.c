/*
 * eventttl.c - events expire an hour after their last update.
 *
 * The API server stores each event under an etcd lease of --event-ttl,
 * renewed whenever the event is written again (a repeat bumps its count).
 * Here every event write appends (expiry, namespace/name) to a queue that
 * is therefore in time order. Expiry is applied whenever the cluster's
 * clock has moved (eventttl_expire, called by cluster.c before anyone can
 * look): an entry whose event was not renewed since is deleted; a renewed
 * event has a later entry of its own, so the stale one is dropped. That is
 * O(1) per write and no engine timer at all: nothing in the control plane
 * reads events, and a timer would only wake every few minutes to find that
 * a repeating event had been renewed, bounding how far a retry loop may
 * skip ahead (sim_quiet_until).
 */
#include "control/eventttl.h"

#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/store.h"
#include "control/env.h"
#include "util/xmalloc.h"

struct expiry {
	sim_ms at;
	char *key; /* "namespace\0name": one allocation per write, an event's writes being many */
};

static const char *
expiry_name(const struct expiry *x)
{
	return x->key + strlen(x->key) + 1;
}

struct eventttl {
	const struct ctl_env *env;
	struct expiry *q;
	size_t head, n, cap;
};

void
eventttl_expire(struct eventttl *et)
{
	sim_ms now = sim_now(et->env->sim);

	while (et->head < et->n && et->q[et->head].at <= now) {
		struct expiry *x = &et->q[et->head++];
		struct event *e = (struct event *)store_get(et->env->store, KIND_EVENT, x->key,
		    expiry_name(x));

		if (e != NULL && e->last_ms + EVENT_TTL_MS <= now)
			store_delete(et->env->store, &e->obj, 0);
		free(x->key);
	}
	/* Reclaim the consumed front once it is most of the array. */
	if (et->head > 64 && et->head * 2 > et->n) {
		memmove(et->q, et->q + et->head, (et->n - et->head) * sizeof *et->q);
		et->n -= et->head;
		et->head = 0;
	}
}

static void
watch(void *ctx, enum store_op op, struct object *obj)
{
	struct eventttl *et = ctx;
	const struct event *e = (const struct event *)obj;

	if (obj->kind != KIND_EVENT || op == STORE_DELETED)
		return;
	xgrow(&et->q, &et->cap, et->n + 1, sizeof *et->q);
	{
		const char *ns = obj->meta.ns ? obj->meta.ns : "";
		size_t ns_len = strlen(ns), name_len = strlen(obj->meta.name);
		char *key = xmalloc(ns_len + name_len + 2);

		memcpy(key, ns, ns_len + 1);
		memcpy(key + ns_len + 1, obj->meta.name, name_len + 1);
		et->q[et->n].at = e->last_ms + EVENT_TTL_MS;
		et->q[et->n].key = key;
	}
	et->n++;
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
	if (et == NULL)
		return;
	for (size_t i = et->head; i < et->n; i++)
		free(et->q[i].key);
	free(et->q);
	free(et);
}
