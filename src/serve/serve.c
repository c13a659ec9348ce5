/*
 * serve.c - the HTTP front of `kubesim serve` (see serve.h).
 *
 * Paths as kube-apiserver v1.32 answers them
 * (staging/src/k8s.io/apiserver/pkg/endpoints): /version, /healthz,
 * /livez, /readyz; discovery at /api, /api/v1, /apis and /apis/GROUP/VERSION;
 * objects at /api/v1[/namespaces/NS]/RESOURCE[/NAME] and the same under
 * /apis/GROUP/VERSION. What is not served gets the 404 Status a server
 * sends for an unknown path, so kubectl says "the server doesn't have a
 * resource type".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <microhttpd.h>

#include "api/meta.h"
#include "apiserver/discovery.h"
#include "apiserver/openapi.h"
#include "apiserver/rest.h"
#include "apiserver/table.h"
#include "apiserver/watch.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "serve/proto.h"
#include "serve/serve.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

struct watcher;

/* --stats: how long events waited between happening and going out, by cause. */
struct latencies {
	int64_t *us;
	size_t n, cap;
};

struct server {
	const struct serve_opts *o;
	struct latencies by_clock, by_request;
	uint64_t requests;
	char *bearer; /* "Bearer <token>" */
	struct watch_cache wc;
	struct watcher *watchers; /* every open watch, suspended or streaming */
	bool stopping;
};

/*
 * One open watch: what it streams, where in the cache it is, and the bytes
 * on their way out. A watch with nothing to send suspends its connection
 * (libmicrohttpd then leaves it alone) until the loop sees new events.
 */
struct watcher {
	struct server *s;
	struct MHD_Connection *conn;
	struct api_watch *filter;
	uint64_t next_seq;
	struct strbuf out;
	size_t sent;
	int64_t deadline_ms;      /* monotonic: timeoutSeconds, or the server's own limit */
	int64_t next_bookmark_ms; /* 0: no bookmarks asked for */
	char *gone;               /* the 410 to send, for a start too old for the cache */
	struct api_table_watch *table; /* events as Tables (kubectl get -w); NULL: as objects */
	bool single;              /* follows one object: a client waiting on it */
	bool suspended, ended;
	struct watcher *prev, *next;
};

/* Watches without timeoutSeconds end after this, as kube-apiserver's --min-request-timeout does. */
#define WATCH_DEFAULT_TIMEOUT_MS (1800 * 1000)
/* How often a watch that allows bookmarks gets one (the cacher's bookmark frequency). */
#define WATCH_BOOKMARK_MS (60 * 1000)
/* Events kept for watches that start from an older resourceVersion. */
#define WATCH_CACHE_EVENTS 4096

/* What one request has sent so far. */
struct request_body {
	struct strbuf text;
	bool too_big; /* over API_MAX_BODY: read on and dropped, then refused */
};

/* ---- responses ---- */

static enum MHD_Result
send_text(struct MHD_Connection *conn, unsigned code, const char *type, const char *body)
{
	struct MHD_Response *r =
	    MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-cache, private");
	rc = MHD_queue_response(conn, code, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result
send_json_as(struct MHD_Connection *conn, unsigned code, const char *type, const cJSON *doc)
{
	struct strbuf sb = STRBUF_INIT;
	enum MHD_Result rc;

	encode_json_compact(doc, &sb);
	sb_addc(&sb, '\n');
	rc = send_text(conn, code, type, sb_str(&sb));
	sb_free(&sb);
	return rc;
}

static enum MHD_Result
send_json(struct MHD_Connection *conn, unsigned code, const cJSON *doc)
{
	return send_json_as(conn, code, "application/json", doc);
}

/* A metav1.Status failure, as responsewriters.ErrorNegotiated writes it. */
static enum MHD_Result
send_status(struct MHD_Connection *conn, unsigned code, const char *reason, const char *message)
{
	cJSON *st = api_status_doc((int)code, reason, message);
	enum MHD_Result rc = send_json(conn, code, st);

	cJSON_Delete(st);
	return rc;
}

/*
 * The REST layer's answer, with a Warning header per warning in the form
 * kube-apiserver sends them (299, "-", the text quoted as Go's strconv
 * does for these texts: quotes and backslashes escaped).
 */
static enum MHD_Result
send_response(struct MHD_Connection *conn, const struct api_response *resp)
{
	struct strbuf sb = STRBUF_INIT, hdr = STRBUF_INIT;
	struct MHD_Response *r;
	const char *p = sb_str(&resp->warnings);
	enum MHD_Result rc;
	size_t len;

	if (cJSON_IsString(resp->body))
		sb_add(&sb, resp->body->valuestring);
	else {
		encode_json_compact(resp->body, &sb);
		sb_addc(&sb, '\n');
	}
	/* Handed over, not copied: libmicrohttpd frees it once sent. */
	len = sb.len;
	r = MHD_create_response_from_buffer(len, sb_take(&sb), MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, "Content-Type",
	    cJSON_IsString(resp->body) ? "text/plain" : "application/json");
	MHD_add_response_header(r, "Cache-Control", "no-cache, private");
	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		sb_reset(&hdr);
		sb_add(&hdr, "299 - \"");
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '"' || p[i] == '\\')
				sb_addc(&hdr, '\\');
			sb_addc(&hdr, p[i]);
		}
		sb_addc(&hdr, '"');
		MHD_add_response_header(r, "Warning", sb_str(&hdr));
		p += n + (end != NULL);
	}
	rc = MHD_queue_response(conn, (unsigned)resp->code, r);
	MHD_destroy_response(r);
	sb_free(&sb);
	sb_free(&hdr);
	return rc;
}

/* ---- documents ---- */

/* The OpenAPI documents, in the encoding the request's Accept asks for. */
static enum MHD_Result
send_openapi(struct MHD_Connection *conn, const char *url)
{
	struct strbuf body = STRBUF_INIT;
	const char *type;
	struct MHD_Response *r;
	enum MHD_Result rc;

	if (api_openapi_body(url,
		MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT), &body,
		&type) < 0)
		return send_status(conn, MHD_HTTP_NOT_FOUND, "NotFound",
		    "the server could not find the requested resource");
	r = MHD_create_response_from_buffer(body.len, body.s ? body.s : (char *)"",
	    MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "Content-Type", type);
	rc = MHD_queue_response(conn, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	sb_free(&body);
	return rc;
}

/* ---- watches ---- */

static int64_t mono_ms(void);
static int64_t mono_us(void);

/* At most this many samples are kept per cause (a million: 8 MB). */
#define STATS_MAX_SAMPLES 1000000

static void
latency_add(struct latencies *l, int64_t us)
{
	if (l->n == STATS_MAX_SAMPLES)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->us = xrealloc(l->us, l->cap * sizeof *l->us);
	}
	l->us[l->n++] = us;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static void
latency_report(FILE *f, const char *what, struct latencies *l)
{
	if (l->n == 0) {
		fprintf(f, "kubesim serve: %s: no watch events sent\n", what);
		return;
	}
	qsort(l->us, l->n, sizeof *l->us, cmp_i64);
	fprintf(f,
	    "kubesim serve: %s: %zu watch events, from the change to its write: median %.2f ms, "
	    "99th percentile %.2f ms, max %.2f ms\n",
	    what, l->n, (double)l->us[l->n / 2] / 1000, (double)l->us[l->n * 99 / 100] / 1000,
	    (double)l->us[l->n - 1] / 1000);
}

/* A Status as a watch's ERROR event (410 Expired: the client lists again). */
static void
watch_error(struct watcher *w, const char *message)
{
	cJSON *ev = cJSON_CreateObject(), *st = api_status_doc(410, "Expired", message);

	cJSON_AddStringToObject(ev, "type", "ERROR");
	cJSON_AddItemToObject(ev, "object", st);
	encode_json_compact(ev, &w->out);
	sb_addc(&w->out, '\n');
	cJSON_Delete(ev);
	w->ended = true;
}

static void
watch_bookmark(struct watcher *w)
{
	const struct api_resource *r = api_watch_resource(w->filter);

	sb_addf(&w->out,
	    "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"%s\",\"apiVersion\":\"%s\","
	    "\"metadata\":{\"resourceVersion\":\"%llu\"}}}\n",
	    r->kind, r->group_version, (unsigned long long)w->s->wc.last_rv);
}

/* Queue what the watch has not yet sent: its events from the cache, a bookmark when due. */
static void
watch_fill(struct watcher *w)
{
	const struct watch_cache *wc = &w->s->wc;

	if (w->gone != NULL) {
		watch_error(w, w->gone);
		return;
	}
	for (; w->next_seq < wc->next && w->out.len < 65536; w->next_seq++) {
		const struct watch_event *e = watch_cache_get(wc, w->next_seq);
		char msg[96];

		if (e == NULL) {
			/* The watch fell behind the cache's window. */
			snprintf(msg, sizeof msg, "too old resource version: %llu (%llu)",
			    (unsigned long long)w->next_seq, (unsigned long long)watch_cache_oldest(wc));
			watch_error(w, msg);
			return;
		}
		if (!api_watch_matches(w->filter, e->k, e->object))
			continue;
		if (w->table != NULL)
			api_table_watch_event(w->table, e->type, e->k, e->object, e->row, &w->out);
		else
			sb_add(&w->out, e->line);
		/* Handed to libmicrohttpd now, which writes it in this same turn. */
		if (w->s->o->stats)
			latency_add(e->by_request ? &w->s->by_request : &w->s->by_clock,
			    mono_us() - e->born_us);
	}
	if (w->next_bookmark_ms != 0 && w->out.len == 0 && mono_ms() >= w->next_bookmark_ms) {
		watch_bookmark(w);
		w->next_bookmark_ms = mono_ms() + WATCH_BOOKMARK_MS;
	}
}

static ssize_t
watch_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct watcher *w = cls;
	size_t n;

	(void)pos;
	if (w->sent == w->out.len) {
		sb_reset(&w->out);
		w->sent = 0;
		if (!w->ended && !w->s->stopping)
			watch_fill(w);
	}
	if (w->sent < w->out.len) {
		n = w->out.len - w->sent < max ? w->out.len - w->sent : max;
		memcpy(buf, w->out.s + w->sent, n);
		w->sent += n;
		return (ssize_t)n;
	}
	if (w->ended || w->s->stopping || mono_ms() >= w->deadline_ms)
		return MHD_CONTENT_READER_END_OF_STREAM;
	MHD_suspend_connection(w->conn);
	w->suspended = true;
	return 0;
}

static void
watch_free(void *cls)
{
	struct watcher *w = cls;

	if (w->prev != NULL)
		w->prev->next = w->next;
	else
		w->s->watchers = w->next;
	if (w->next != NULL)
		w->next->prev = w->prev;
	api_watch_free(w->filter);
	api_table_watch_free(w->table);
	sb_free(&w->out);
	free(w->gone);
	free(w);
}

/*
 * GET ...?watch=1 (handlers/watch.go): a chunked stream of events, one JSON
 * document a line, from the resourceVersion asked for (none or "0": every
 * matching object as ADDED first, then what changes).
 */
static enum MHD_Result
start_watch(struct server *s, struct MHD_Connection *conn, const struct api_request *rq,
    struct cluster *c)
{
	const char *rv = api_param(rq, "resourceVersion"), *timeout = api_param(rq, "timeoutSeconds");
	struct api_response resp;
	struct api_watch *filter;
	struct api_table_watch *table;
	struct MHD_Response *r;
	struct watcher *w;
	struct ks_err err;
	enum MHD_Result rc;

	api_response_init(&resp);
	if ((filter = api_watch_parse(rq, &resp)) == NULL) {
		rc = send_response(conn, &resp);
		api_response_free(&resp);
		return rc;
	}
	api_response_free(&resp);
	if (api_table_watch_new(rq->accept, api_param(rq, "includeObject"), &table, &err) < 0) {
		api_watch_free(filter);
		return send_status(conn, MHD_HTTP_BAD_REQUEST, "BadRequest", err.msg);
	}
	w = xcalloc(1, sizeof *w);
	w->table = table;
	w->s = s;
	w->conn = conn;
	w->filter = filter;
	w->single = api_watch_single(filter);
	sb_init(&w->out);
	w->next_seq = s->wc.next;
	if (rv == NULL || rv[0] == '\0' || strcmp(rv, "0") == 0) {
		cJSON *items = cJSON_CreateArray(), *it;

		api_watch_initial(c, filter, items);
		cJSON_ArrayForEach(it, items)
		{
			if (table != NULL) {
				api_table_watch_initial(table, c, api_watch_resource(filter)->k, it, &w->out);
				continue;
			}
			sb_add(&w->out, "{\"type\":\"ADDED\",\"object\":");
			encode_json_compact(it, &w->out);
			sb_add(&w->out, "}\n");
		}
		cJSON_Delete(items);
	} else {
		char *end;
		unsigned long long v = strtoull(rv, &end, 10);

		if (*end != '\0' || !watch_cache_start(&s->wc, v, &w->next_seq))
			w->gone = xasprintf("too old resource version: %s (%llu)", rv,
			    (unsigned long long)s->wc.last_rv);
	}
	w->deadline_ms = mono_ms() + (timeout != NULL && atoll(timeout) > 0 ?
						 atoll(timeout) * 1000 :
						 WATCH_DEFAULT_TIMEOUT_MS);
	if (api_param_true(rq, "allowWatchBookmarks"))
		w->next_bookmark_ms = mono_ms() + WATCH_BOOKMARK_MS;
	w->next = s->watchers;
	if (s->watchers != NULL)
		s->watchers->prev = w;
	s->watchers = w;
	/* Small blocks: a quiet watch should cost its connection little memory. */
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, watch_read, w, watch_free);
	MHD_add_response_header(r, "Content-Type", "application/json");
	MHD_add_response_header(r, "Cache-Control", "no-cache, private");
	rc = MHD_queue_response(conn, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return rc;
}

/*
 * A clock that stands still (a manual clock, or --speed 0) moves while a
 * client waits on one object (rollout status, delete, wait), as kubesim's
 * own kubectl moves it while it waits: to the next simulated event, once
 * every watch has sent what it had and the clients had WATCH_STEP_MS to
 * act on it (a satisfied client closes its watch, and the clock stops
 * where it was satisfied). A watch of a whole collection (get -w) does not
 * move it.
 */
#define WATCH_STEP_MS 50

static bool
clients_waiting(const struct server *s)
{
	bool waiting = false;

	for (const struct watcher *w = s->watchers; w != NULL; w = w->next) {
		if (!w->suspended && !w->ended)
			return false; /* still sending: let the client see it first */
		if (w->single && !w->ended)
			waiting = true;
	}
	return waiting;
}

/*
 * libmicrohttpd does not watch a suspended connection, so it would never
 * see a client that went away from a quiet watch (and a manual clock would
 * go on moving for a client no longer waiting). The loop looks itself: a
 * watch's client sends nothing after its request, so a socket that reads
 * (a TLS close, an end of file) or hangs up is a client gone. Those
 * watches end, and libmicrohttpd then closes them.
 */
static void
reap_gone_watchers(struct server *s)
{
	struct pollfd *fds = NULL;
	struct watcher **ws = NULL;
	size_t n = 0, cap = 0;

	for (struct watcher *w = s->watchers; w != NULL; w = w->next) {
		const union MHD_ConnectionInfo *ci;

		if (!w->suspended || w->ended)
			continue;
		ci = MHD_get_connection_info(w->conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci == NULL)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			fds = xrealloc(fds, cap * sizeof *fds);
			ws = xrealloc(ws, cap * sizeof *ws);
		}
		fds[n].fd = ci->connect_fd;
		fds[n].events = POLLIN; /* an end of file reads too; POLLHUP comes unasked */
		fds[n].revents = 0;
		ws[n++] = w;
	}
	if (n > 0 && poll(fds, n, 0) > 0)
		for (size_t i = 0; i < n; i++)
			if (fds[i].revents != 0)
				ws[i]->ended = true;
	free(fds);
	free(ws);
}

/* Resume every suspended watch with something to send or to end; true when any was. */
static bool
wake_watchers(struct server *s)
{
	int64_t now = mono_ms();
	bool any = false;

	reap_gone_watchers(s);
	for (struct watcher *w = s->watchers; w != NULL; w = w->next) {
		if (!w->suspended)
			continue;
		if (w->next_seq < s->wc.next || w->gone != NULL || s->stopping || w->ended ||
		    now >= w->deadline_ms || (w->next_bookmark_ms != 0 && now >= w->next_bookmark_ms)) {
			w->suspended = false;
			MHD_resume_connection(w->conn);
			any = true;
		}
	}
	return any;
}

/*
 * Clients age objects by their own wall clock. At --speed 1 the shift set
 * at start keeps simulated now at wall now; at any other speed (a manual
 * clock stands still) it is set again before every request, so ages read
 * as the simulated clock has them, to the second, as kubesim's own
 * kubectl prints them.
 */
static void
pin_epoch(const struct serve_opts *o, struct cluster *c)
{
	struct timespec ts;

	if (o->speed == 1)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	meta_set_epoch_unix((int64_t)ts.tv_sec - cluster_now(c) / 1000);
}

/* ---- objects ---- */

static enum MHD_Result
add_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	if (cJSON_GetObjectItemCaseSensitive(cls, key) == NULL)
		cJSON_AddStringToObject(cls, key, value ? value : "");
	return MHD_YES;
}

/* A request for the REST layer: reads answered here, writes by the owner of the journal. */
static enum MHD_Result
serve_rest(struct server *s, struct MHD_Connection *conn, const char *url, const char *method,
    const char *ctype, const struct request_body *body)
{
	cJSON *params = cJSON_CreateObject();
	struct api_request rq = {method, url, params, ctype, body->text.len ? body->text.s : NULL,
		body->text.len,
		MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT)};
	struct api_response resp;
	enum MHD_Result rc;

	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_param, params);
	pin_epoch(s->o, s->o->current(s->o->ctx, NULL));
	if (api_is_watch(&rq)) {
		rc = start_watch(s, conn, &rq, s->o->current(s->o->ctx, NULL));
		cJSON_Delete(params);
		return rc;
	}
	api_response_init(&resp);
	if (api_is_write(&rq))
		s->o->write(s->o->ctx, &rq, &resp);
	else
		api_rest(s->o->current(s->o->ctx, NULL), &rq, &resp);
	rc = send_response(conn, &resp);
	api_response_free(&resp);
	cJSON_Delete(params);
	return rc;
}

/* ---- the handler ---- */

static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
    const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	struct server *s = cls;
	struct request_body *body = *con_cls;
	const char *auth, *ctype, *type = "application/json";
	enum MHD_Result rc;
	cJSON *doc = NULL;

	(void)version;
	/* The first call announces the request; its body, if any, follows in pieces. */
	if (body == NULL) {
		body = xcalloc(1, sizeof *body);
		sb_init(&body->text);
		*con_cls = body;
		return MHD_YES;
	}
	if (*upload_data_size != 0) {
		if (body->text.len + *upload_data_size > API_MAX_BODY)
			body->too_big = true;
		else
			sb_addn(&body->text, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	s->requests++;
	auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	if (auth == NULL || strcmp(auth, s->bearer) != 0)
		return send_status(conn, MHD_HTTP_UNAUTHORIZED, "Unauthorized", "Unauthorized");
	/* handlers/rest.go limitedReadBody */
	if (body->too_big) {
		char msg[64];

		snprintf(msg, sizeof msg, "Request entity too large: limit is %d", API_MAX_BODY);
		return send_status(conn, 413, "RequestEntityTooLarge", msg);
	}
	ctype = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (ctype != NULL && strncmp(ctype, "application/vnd.kubernetes.protobuf", 35) == 0 &&
	    body->text.len > 0) {
		struct ks_err err;
		cJSON *json = proto_to_json((const unsigned char *)body->text.s, body->text.len, &err);

		/* What is not served is not found, whatever its body (a typed client's Deployment). */
		if (json == NULL && !api_path_served(url))
			return send_status(conn, MHD_HTTP_NOT_FOUND, "NotFound",
			    "the server could not find the requested resource");
		if (json == NULL)
			return send_status(conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
			    err.msg);
		sb_reset(&body->text);
		encode_json_compact(json, &body->text);
		cJSON_Delete(json);
		ctype = "application/json";
	}
	/* The journal keeps a body as a string. */
	if (memchr(body->text.s ? body->text.s : "", '\0', body->text.len) != NULL)
		return send_status(conn, MHD_HTTP_BAD_REQUEST, "BadRequest",
		    "the body of the request holds a NUL byte");
	if (strcmp(url, "/healthz") == 0 || strcmp(url, "/livez") == 0 ||
	    strcmp(url, "/readyz") == 0)
		return send_text(conn, MHD_HTTP_OK, "text/plain; charset=utf-8", "ok");
	if (strcmp(method, "GET") == 0) {
		if (strcmp(url, "/version") == 0)
			return send_text(conn, MHD_HTTP_OK, "application/json", api_version_body());
		else if (strncmp(url, "/openapi/", 9) == 0)
			return send_openapi(conn, url);
		else
			doc = api_discovery(url,
			    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT),
			    &type);
	}
	if (doc != NULL) {
		rc = send_json_as(conn, MHD_HTTP_OK, type, doc);
		cJSON_Delete(doc);
		return rc;
	}
	return serve_rest(s, conn, url, method, ctype, body);
}

static void
request_done(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct request_body *body = *con_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (body != NULL) {
		sb_free(&body->text);
		free(body);
		*con_cls = NULL;
	}
}

/* ---- TLS ---- */

int
serve_make_cert(const char *address, char **cert_pem, char **key_pem, struct ks_err *err)
{
	gnutls_x509_privkey_t key = NULL;
	gnutls_x509_crt_t crt = NULL;
	gnutls_datum_t c = {NULL, 0}, k = {NULL, 0};
	unsigned char serial[16];
	struct in_addr ip;
	time_t now = time(NULL);
	int rc = -1;

	*cert_pem = *key_pem = NULL;
	if (inet_pton(AF_INET, address, &ip) != 1)
		return err_set(err, "--address %s: not an IPv4 address", address);
	if (gnutls_x509_privkey_init(&key) < 0 || gnutls_x509_crt_init(&crt) < 0 ||
	    gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA,
		GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0) < 0 ||
	    gnutls_rnd(GNUTLS_RND_NONCE, serial, sizeof serial) < 0) {
		err_set(err, "cannot make a TLS key");
		goto out;
	}
	serial[0] &= 0x7f; /* a positive serial number */
	if (gnutls_x509_crt_set_version(crt, 3) < 0 ||
	    gnutls_x509_crt_set_serial(crt, serial, sizeof serial) < 0 ||
	    gnutls_x509_crt_set_activation_time(crt, now - 3600) < 0 ||
	    gnutls_x509_crt_set_expiration_time(crt, now + 365L * 24 * 3600) < 0 ||
	    gnutls_x509_crt_set_dn(crt, "CN=kubesim", NULL) < 0 ||
	    gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, &ip, sizeof ip,
		GNUTLS_FSAN_SET) < 0 ||
	    gnutls_x509_crt_set_basic_constraints(crt, 1, -1) < 0 ||
	    gnutls_x509_crt_set_key_usage(crt, GNUTLS_KEY_DIGITAL_SIGNATURE |
		    GNUTLS_KEY_KEY_CERT_SIGN) < 0 ||
	    gnutls_x509_crt_set_key_purpose_oid(crt, GNUTLS_KP_TLS_WWW_SERVER, 0) < 0 ||
	    gnutls_x509_crt_set_key(crt, key) < 0 ||
	    gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0) < 0 ||
	    gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &c) < 0 ||
	    gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &k) < 0) {
		err_set(err, "cannot make a TLS certificate");
		goto out;
	}
	*cert_pem = xstrndup((const char *)c.data, c.size);
	*key_pem = xstrndup((const char *)k.data, k.size);
	rc = 0;
out:
	gnutls_free(c.data);
	gnutls_free(k.data);
	if (crt != NULL)
		gnutls_x509_crt_deinit(crt);
	if (key != NULL)
		gnutls_x509_privkey_deinit(key);
	return rc;
}

/* ---- the loop ---- */

static int64_t
mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* libmicrohttpd's turn: what changes the cluster meanwhile is a request's doing. */
static void
serve_requests(struct server *s, struct MHD_Daemon *d)
{
	s->wc.in_request = true;
	MHD_run(d);
	s->wc.in_request = false;
}

/*
 * Run the simulation up to target one instant at a time, sending what each
 * instant changed before the next runs: a busy stretch (a rolling update
 * over a thousand nodes) would otherwise hold every event of it until the
 * whole stretch had run. After FOLLOW_SLICE_MS the rest waits for the next
 * turn, so requests are not starved either.
 */
#define FOLLOW_SLICE_MS 50

static void
follow_clock(struct server *s, struct MHD_Daemon *d, struct cluster *c, unsigned gen,
    sim_ms target)
{
	int64_t start = mono_ms();
	unsigned now_gen;
	sim_ms next;

	while (sim_next_time(c->sim, &next) && next <= target) {
		if (next <= cluster_now(c))
			cluster_settle(c);
		else
			cluster_advance_to(c, next);
		if (wake_watchers(s)) {
			serve_requests(s, d);
			/* A request may have loaded another command's cluster in place of c. */
			if (s->o->current(s->o->ctx, &now_gen) != c || now_gen != gen)
				return;
		}
		if (mono_ms() - start >= FOLLOW_SLICE_MS)
			return;
	}
	cluster_advance_to(c, target);
}

/* How long the loop may sleep before the simulated clock has something to run. */
static int
sim_wait_ms(struct cluster *c, double speed)
{
	sim_ms when;
	double wait;

	if (speed <= 0 || !sim_next_time(c->sim, &when))
		return 100;
	wait = (double)(when - cluster_now(c)) / speed;
	return wait < 0 ? 0 : wait > 100 ? 100 : (int)wait + 1;
}

int
serve_run(const struct serve_opts *o, serve_ready_fn ready, void *ready_ctx,
    volatile sig_atomic_t *stop, struct ks_err *err)
{
	struct server s = {.o = o, .bearer = xasprintf("Bearer %s", o->token)};
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	unsigned gen = 0, last_gen;
	struct cluster *c = o->current(o->ctx, &gen);
	int64_t wall0 = mono_ms(), stepped = 0;
	sim_ms sim0 = cluster_now(c);
	int epfd, rc = 0;

	/*
	 * Answers are large and short-lived (a Table of 1,000 pods is 700 KB,
	 * built and copied out per request): kept mapped once freed rather than
	 * handed back and faulted in again, which cost a fifth of each request.
	 */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->address, &sa.sin_addr) != 1) {
		free(s.bearer);
		return err_set(err, "--address %s: not an IPv4 address", o->address);
	}
	d = MHD_start_daemon(MHD_USE_EPOLL | MHD_USE_TLS | MHD_ALLOW_SUSPEND_RESUME,
	    (uint16_t)o->port, NULL, NULL, handle, &s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONNECTION_MEMORY, MHD_OPTION_HTTPS_MEM_KEY,
	    o->key_pem, MHD_OPTION_HTTPS_MEM_CERT, o->cert_pem, MHD_OPTION_NOTIFY_COMPLETED,
	    request_done, NULL, MHD_OPTION_END);
	if (d == NULL) {
		free(s.bearer);
		return err_set(err, "cannot listen on %s:%u: %s", o->address, o->port,
		    strerror(errno ? errno : EADDRINUSE));
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (ready != NULL && ready(ready_ctx, info ? info->port : o->port, err) < 0) {
		MHD_stop_daemon(d);
		free(s.bearer);
		return -1;
	}
	watch_cache_init(&s.wc, WATCH_CACHE_EVENTS);
	s.wc.clock_us = mono_us;
	watch_cache_follow(&s.wc, c);
	last_gen = gen;
	epfd = MHD_get_daemon_info(d, MHD_DAEMON_INFO_EPOLL_FD)->epoll_fd;
	while (!*stop) {
		MHD_UNSIGNED_LONG_LONG wait_ms = 100;
		struct pollfd p = {epfd, POLLIN, 0};

		c = o->current(o->ctx, &gen);
		/* Another command replaced the cluster: its clock is where that left it. */
		if (gen != last_gen) {
			last_gen = gen;
			watch_cache_follow(&s.wc, c);
			wall0 = mono_ms();
			sim0 = cluster_now(c);
		}
		/* The simulated clock follows the wall clock, times the speed. */
		if (o->speed > 0)
			follow_clock(&s, d, c, gen, sim0 + (sim_ms)((double)(mono_ms() - wall0) * o->speed));
		else if (clients_waiting(&s) && mono_ms() - stepped >= WATCH_STEP_MS) {
			sim_ms next;

			/* What is due now runs first (a write's reactions), then the next instant. */
			if (sim_next_time(c->sim, &next) && next <= cluster_now(c))
				cluster_settle(c);
			else if (sim_next_time(c->sim, &next))
				cluster_advance_to(c, next);
			stepped = mono_ms();
		}
		if (o->tick != NULL)
			o->tick(o->ctx);
		/* What just changed goes out at once, before the loop sleeps. */
		if (wake_watchers(&s)) {
			serve_requests(&s, d);
			continue;
		}
		if (MHD_get_timeout(d, &wait_ms) != MHD_YES || wait_ms > 100)
			wait_ms = 100;
		if ((int)wait_ms > sim_wait_ms(c, o->speed))
			wait_ms = (MHD_UNSIGNED_LONG_LONG)sim_wait_ms(c, o->speed);
		if (o->speed == 0 && clients_waiting(&s) && wait_ms > WATCH_STEP_MS)
			wait_ms = WATCH_STEP_MS;
		if (poll(&p, 1, (int)wait_ms) < 0 && errno != EINTR) {
			rc = err_set(err, "poll: %s", strerror(errno));
			break;
		}
		serve_requests(&s, d);
	}
	/* Every watch ends its stream; libmicrohttpd must not stop with one suspended. */
	s.stopping = true;
	for (int i = 0; i < 3 && wake_watchers(&s); i++)
		MHD_run(d);
	MHD_stop_daemon(d);
	if (o->stats) {
		fprintf(stderr, "kubesim serve: %llu requests\n", (unsigned long long)s.requests);
		latency_report(stderr, "changes by the clock", &s.by_clock);
		latency_report(stderr, "changes by requests (each saved first)", &s.by_request);
	}
	free(s.by_clock.us);
	free(s.by_request.us);
	watch_cache_free(&s.wc);
	free(s.bearer);
	return rc;
}
