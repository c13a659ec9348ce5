/*
 * events.c - `kubectl events` (v1.26+), after
 * staging/src/k8s.io/kubectl/pkg/cmd/events (events.go, event_printer.go).
 *
 * Unlike `get events` it prints no NAME and no SOURCE: LAST SEEN TYPE
 * REASON OBJECT MESSAGE, with OBJECT as Kind/name and LAST SEEN as
 * "2m (x3 over 10m)" for a repeated event, sorted by the time the event
 * last happened. --for keeps the events about one object, --types those of
 * the given types. It takes no arguments (events.go ignores them). -w is
 * refused: the built-in kubectl returns when the command is done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/event.h"
#include "api/store.h"
#include "cluster.h"
#include "codec/encode.h"
#include "kubectl/kctl.h"
#include "kubectl/printers.h"
#include "kubectl/table.h"
#include "kubectl/write.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/gosort.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const struct kctl_flag events_flags[] = {
	{"all-namespaces", 'A', KF_BOOL, NULL, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.", NULL},
	{"chunk-size", 0, KF_INT, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.", NULL},
	{"for", 0, KF_STRING, NULL, "Filter events to only those pertaining to the specified resource.", NULL},
	{"no-headers", 0, KF_BOOL, NULL, "When using the default output format, don't print headers.", NULL},
	KCTL_WRITE_OUTPUT_FLAG,
	{"types", 0, KF_STRING, NULL, "Output only events of given types.", NULL},
	{"watch", 'w', KF_BOOL, NULL, "After listing the requested events, watch for more events.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* filteredEventType: no --types keeps every event; types compare case-insensitively. */
static bool
type_wanted(const char *types, const char *type)
{
	char *copy, *save = NULL;
	bool found = false;

	if (types[0] == '\0')
		return true;
	copy = xstrdup(types);
	for (char *t = strtok_r(copy, ",", &save); t != NULL && !found; t = strtok_r(NULL, ",", &save))
		found = strcasecmp(t, type != NULL ? type : "") == 0;
	free(copy);
	return found;
}

/*
 * eventTime: lastTimestamp, or the zero time (eventTime is never set
 * here), in whole seconds as kubectl decodes it from the serialised
 * object: two events in the same second are equal.
 */
static int64_t
event_sort_time(const struct event *e)
{
	return e->last_ms >= 0 ? e->last_ms / 1000 : INT64_MIN;
}

static bool
events_less(void *ctx, long i, long j)
{
	struct vec *evs = ctx;

	return event_sort_time(evs->v[i]) < event_sort_time(evs->v[j]);
}

static void
events_swap(void *ctx, long i, long j)
{
	struct vec *evs = ctx;
	void *t = evs->v[i];

	evs->v[i] = evs->v[j];
	evs->v[j] = t;
}

/*
 * sort.Sort(SortableEvents) by eventTime, over the list in the server's
 * order (namespace, name). Go's pdqsort is not stable: past 12 events the
 * order among equal times is the one its comparisons and swaps leave.
 */
static void
sort_events(struct vec *evs)
{
	struct gosort_iface data = {evs, events_less, events_swap};

	gosort_sort(&data, (long)evs->n);
}

/* getInterval: no eventTime and no series in the model, so the v1 timestamps and count. */
static void
interval(const struct event *e, int64_t now, struct strbuf *out)
{
	char first[DUR_BUF_MAX], last[DUR_BUF_MAX];

	printers_age(e->first_ms, now, first, sizeof first);
	if (e->count > 1) {
		printers_age(e->last_ms, now, last, sizeof last);
		sb_addf(out, "%s (x%d over %s)", last, (int)e->count, first);
	} else
		sb_add(out, first);
}

/* printers.EscapeTerminal, then strings.TrimSpace for the message. */
static void
add_escaped(struct strbuf *out, const char *s, bool trim)
{
	const char *end;

	s = s != NULL ? s : "";
	end = s + strlen(s);
	if (trim) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
			s++;
		while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' ||
		                      end[-1] == '\r' || end[-1] == '\v' || end[-1] == '\f'))
			end--;
	}
	for (; s < end; s++) {
		if (*s == '\x1b')
			sb_add(out, "^[");
		else if (*s == '\r')
			sb_add(out, "\\r");
		else
			sb_addc(out, *s);
	}
}

static int
print_events(struct kctl_call *call, const char *output, struct vec *evs, bool all_ns)
{
	int64_t now = cluster_now(call->c);
	struct strbuf text = STRBUF_INIT;
	int rc = 0;

	if (output[0] == '\0') {
		/* EventPrinter through GetNewTabWriter. */
		struct tabwriter tw = TABWRITER_KUBECTL;
		struct strbuf table = STRBUF_INIT;

		if (!kctl_bool(call, "no-headers"))
			sb_addf(&text, "%sLAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n", all_ns ? "NAMESPACE\t" : "");
		for (size_t i = 0; i < evs->n; i++) {
			const struct event *e = evs->v[i];

			if (all_ns)
				sb_addf(&text, "%s\t", e->obj.meta.ns != NULL ? e->obj.meta.ns : "");
			interval(e, now, &text);
			sb_addc(&text, '\t');
			add_escaped(&text, e->type, false);
			sb_addc(&text, '\t');
			add_escaped(&text, e->reason, false);
			sb_addc(&text, '\t');
			add_escaped(&text, e->involved_kind, false);
			sb_addc(&text, '/');
			add_escaped(&text, e->involved_name, false);
			sb_addc(&text, '\t');
			add_escaped(&text, e->message, true);
			sb_addc(&text, '\n');
		}
		tabwriter_format(&tw, sb_str(&text), text.len, &table);
		kctl_out(call->res, "%s", sb_str(&table));
		sb_free(&table);
	} else if (strcmp(output, "name") == 0) {
		/*
		 * Nothing: events.go hands the name printer the EventList it
		 * built, whose TypeMeta is empty, and the printer prints no
		 * line for an object it cannot name (checked with kubectl v1.32).
		 */
	} else {
		/* An EventList built by the client: its metadata is empty. */
		cJSON *doc = cJSON_CreateObject(), *items;

		cJSON_AddStringToObject(doc, "apiVersion", "v1");
		items = cJSON_AddArrayToObject(doc, "items");
		for (size_t i = 0; i < evs->n; i++)
			cJSON_AddItemToArray(items, encode_object(evs->v[i], now));
		cJSON_AddStringToObject(doc, "kind", "EventList");
		cJSON_AddObjectToObject(doc, "metadata");
		rc = kctl_print_doc(call, output, doc);
		encode_free(doc);
	}
	sb_free(&text);
	return rc;
}

static int
events_exec(struct kctl_call *call)
{
	const char *output = kctl_str(call, "output");
	const char *types = kctl_str(call, "types");
	const char *for_obj = kctl_str(call, "for");
	bool all_ns = kctl_bool(call, "all-namespaces");
	const char *for_kind = NULL;
	char *for_name = NULL;
	struct vec all = VEC_INIT, shown = VEC_INIT;
	int rc;

	/* ToOptions: --for's resource/name, then the printer; Validate: --types. */
	if (for_obj[0] != '\0') {
		const char *slash = strchr(for_obj, '/');
		char type[128];
		enum kind k;

		if (slash == NULL)
			return kctl_error(call, "--for must be in resource/name form");
		if (strchr(slash + 1, '/') != NULL)
			return kctl_error(call, "arguments in resource/name form may not have more than one slash");
		snprintf(type, sizeof type, "%.*s", (int)(slash - for_obj), for_obj);
		if (kctl_resource(type, &k) < 0)
			return kctl_no_resource_match(call, type);
		for_kind = kind_name(k);
		for_name = xstrdup(slash + 1);
	}
	if (kctl_write_output_check(call) < 0) {
		free(for_name);
		return 1;
	}
	if (!type_wanted(types, "Normal") || !type_wanted(types, "Warning")) {
		char *copy = xstrdup(types), *save = NULL;

		for (char *t = strtok_r(copy, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save))
			if (strcasecmp(t, "Normal") != 0 && strcasecmp(t, "Warning") != 0) {
				free(copy);
				free(for_name);
				return kctl_error(call, "valid --types are Normal or Warning");
			}
		free(copy);
	}
	if (kctl_bool(call, "watch")) {
		free(for_name);
		return kctl_error(call, "kubesim's built-in kubectl does not watch (kubectl events -w); use the real kubectl against `kubesim serve`");
	}
	store_list_sorted(call->c->store, KIND_EVENT, all_ns ? NULL : call->ns, &all);
	for (size_t i = 0; i < all.n; i++) {
		const struct event *e = all.v[i];

		/* The field selector on involvedObject.kind and involvedObject.name. */
		if (for_kind != NULL && (e->involved_kind == NULL || strcmp(e->involved_kind, for_kind) != 0 ||
		                            e->involved_name == NULL || strcmp(e->involved_name, for_name) != 0))
			continue;
		if (type_wanted(types, e->type))
			vec_push(&shown, all.v[i]);
	}
	free(for_name);
	vec_free(&all);
	if (shown.n == 0) {
		if (all_ns)
			kctl_err(call->res, "%s", "No events found.\n");
		else
			kctl_err(call->res, "No events found in %s namespace.\n", call->ns);
		vec_free(&shown);
		return 0;
	}
	sort_events(&shown);
	rc = print_events(call, output, &shown, all_ns);
	vec_free(&shown);
	return rc;
}

const struct kctl_verb kctl_events_verb = {
	.name = "events",
	.short_help = "List events",
	.usage = "kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]",
	.flags = events_flags,
	.exec = events_exec,
};
