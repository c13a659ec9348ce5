#include "api/event.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "api/store.h"
#include "util/err.h"
#include "util/map.h"
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
	free(e->involved_kind);
	free(e->involved_ns);
	free(e->involved_name);
	free(e->involved_uid);
	free(e->reason);
	free(e->message);
	free(e->type);
	free(e->source);
	free(e->host);
	free(e);
}

struct recorder {
	struct store *store;
	struct map seen; /* correlation key -> "namespace/name" of the event (owned) */
	uint64_t made;
};

struct recorder *
recorder_new(struct store *store)
{
	struct recorder *rec = xcalloc(1, sizeof *rec);

	rec->store = store;
	map_init(&rec->seen);
	return rec;
}

void
recorder_free(struct recorder *rec)
{
	const char *key;
	void *value;

	if (rec == NULL)
		return;
	for (size_t it = 0; map_next(&rec->seen, &it, &key, &value);)
		free(value);
	map_free(&rec->seen);
	free(rec);
}

static void
record(struct recorder *rec, uint32_t times, const struct object *about, const char *type,
    const char *reason, const char *component, const char *fmt, va_list ap)
{
	struct ks_err err;
	struct event *e;
	char *message, *key, *name;
	int64_t now = store_now(rec->store);
	const char *ns = about->meta.ns ? about->meta.ns : "default";

	message = xvasprintf(fmt, ap);

	/* EventCorrelator: identical events merge into one with count++. */
	key = xasprintf("%s\x1f%s\x1f%s\x1f%s\x1f%s", about->meta.uid, type, reason, component, message);
	name = map_get(&rec->seen, key);
	if (name != NULL) {
		e = (struct event *)store_get(rec->store, KIND_EVENT, ns, name);
		if (e != NULL) {
			/* count is an int32 in the API: a years-long repeat saturates. */
			e->count = (uint32_t)e->count + times > INT32_MAX ? INT32_MAX
									 : e->count + (int32_t)times;
			e->last_ms = now;
			free(message);
			free(key);
			store_update(rec->store, &e->obj);
			return;
		}
	}
	e = event_new();
	e->obj.meta.ns = xstrdup(ns);
	/*
	 * record.makeEvent names an event <object>.<hex UnixNano>; the clock
	 * starts at 2025-01-01T00:00:00Z and a counter keeps names unique
	 * within one millisecond.
	 */
	e->obj.meta.name = xasprintf("%s.%llx", about->meta.name,
	    (unsigned long long)(1735689600000000000ULL + (uint64_t)now * 1000000ULL + rec->made++));
	e->involved_kind = xstrdup(kind_name(about->kind));
	e->involved_ns = xstrdup_or_null(about->meta.ns);
	e->involved_name = xstrdup(about->meta.name);
	e->involved_uid = xstrdup(about->meta.uid);
	e->reason = xstrdup(reason);
	e->message = message;
	e->type = xstrdup(type);
	e->source = xstrdup(component);
	e->first_ms = e->last_ms = now;
	e->count = times > INT32_MAX ? INT32_MAX : (int32_t)times;
	free(map_put(&rec->seen, key, xstrdup(e->obj.meta.name)));
	free(key);
	if (store_create(rec->store, &e->obj, &err) != STORE_OK)
		event_free(e);
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
