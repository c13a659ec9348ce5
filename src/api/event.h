/*
 * event.h - core/v1 Event, and the recorder components use to emit them.
 *
 * Identical events (same source, object, type, reason and message) merge
 * into one with count++ and a new lastTimestamp, as client-go's
 * EventCorrelator does (tools/record/events_cache.go).
 */
#ifndef KS_API_EVENT_H
#define KS_API_EVENT_H

#include <stdint.h>

#include "api/meta.h"

struct store;
struct recorder;

struct event {
	struct object obj;
	/*
	 * The kind, reason, type and source come from a small set: they are
	 * the recorder's (kept until it is freed), never the event's. The
	 * involved object's fields and the message are atoms (util/atom.h):
	 * a pod's events share its names, a DaemonSet's pods their messages.
	 */
	const char *involved_kind;
	const char *involved_ns;
	const char *involved_name;
	const char *involved_uid;
	const char *reason;
	const char *message;
	const char *type; /* "Normal" or "Warning" */
	const char *source;
	char *host;
	int64_t first_ms;
	int64_t last_ms;
	int32_t count;
	/*
	 * The expiry queue (control/eventttl.c) runs through the stored
	 * events themselves, so that a write costs no allocation.
	 */
	struct event *ttl_older, *ttl_newer;
	int64_t ttl_at;
};

struct event *event_new(void);
void event_free(struct event *e);
/*
 * involvedObject.apiVersion: the recorders' ObjectReference
 * (reference.GetReference) carries it, except the kubelet's reference to
 * its own Node (kubelet.go nodeRef: Kind, Name and UID only). NULL: none.
 */
const char *event_involved_api_version(const struct event *e);

/* The recorder remembers which event each (object, type, reason, source, message) became. */
struct recorder *recorder_new(struct store *store);
void recorder_free(struct recorder *rec);
/* Record an event about obj from component (e.g. "daemonset-controller"). */
void event_record(struct recorder *rec, const struct object *about, const char *type,
    const char *reason, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/*
 * The same event happening times times, the last now: a retry loop that
 * skipped identical repetitions no one could observe (sim_quiet_until)
 * records them all at its last one.
 */
void event_record_times(struct recorder *rec, uint32_t times, const struct object *about,
    const char *type, const char *reason, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

#endif
