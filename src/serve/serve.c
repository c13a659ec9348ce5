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

#include "api/selector.h"
#include "api/store.h"
#include "apiserver/table.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "serve/serve.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

/* The resources served, as discovery lists them (api-resources). */
struct resource {
	const char *group_version;
	const char *name;
	const char *kind;
	enum kind k;
	bool namespaced;
	const char *short_name; /* NULL: none */
};

static const struct resource resources[] = {
	{"v1", "events", "Event", KIND_EVENT, true, "ev"},
	{"v1", "namespaces", "Namespace", KIND_NAMESPACE, false, "ns"},
	{"v1", "nodes", "Node", KIND_NODE, false, "no"},
	{"v1", "pods", "Pod", KIND_POD, true, "po"},
	{"apps/v1", "controllerrevisions", "ControllerRevision", KIND_CONTROLLERREVISION, true, NULL},
	{"apps/v1", "daemonsets", "DaemonSet", KIND_DAEMONSET, true, "ds"},
	{"coordination.k8s.io/v1", "leases", "Lease", KIND_LEASE, true, NULL},
};
#define N_RESOURCES (sizeof resources / sizeof resources[0])

static const char *const group_versions[] = {"apps/v1", "coordination.k8s.io/v1"};

struct server {
	struct cluster *c;
	const struct serve_opts *o;
	char *bearer; /* "Bearer <token>" */
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
send_json(struct MHD_Connection *conn, unsigned code, const cJSON *doc)
{
	struct strbuf sb = STRBUF_INIT;
	enum MHD_Result rc;

	encode_json_compact(doc, &sb);
	sb_addc(&sb, '\n');
	rc = send_text(conn, code, "application/json", sb_str(&sb));
	sb_free(&sb);
	return rc;
}

/* A metav1.Status failure, as responsewriters.ErrorNegotiated writes it. */
static enum MHD_Result
send_status(struct MHD_Connection *conn, unsigned code, const char *reason, const char *message)
{
	cJSON *st = cJSON_CreateObject();
	enum MHD_Result rc;

	cJSON_AddStringToObject(st, "kind", "Status");
	cJSON_AddStringToObject(st, "apiVersion", "v1");
	cJSON_AddObjectToObject(st, "metadata");
	cJSON_AddStringToObject(st, "status", "Failure");
	cJSON_AddStringToObject(st, "message", message);
	cJSON_AddStringToObject(st, "reason", reason);
	cJSON_AddNumberToObject(st, "code", code);
	rc = send_json(conn, code, st);
	cJSON_Delete(st);
	return rc;
}

static enum MHD_Result
send_not_found_path(struct MHD_Connection *conn)
{
	return send_status(conn, MHD_HTTP_NOT_FOUND, "NotFound",
	    "the server could not find the requested resource");
}

/* ---- discovery ---- */

static cJSON *
resource_list(const char *gv)
{
	cJSON *doc = cJSON_CreateObject(), *list;

	cJSON_AddStringToObject(doc, "kind", "APIResourceList");
	cJSON_AddStringToObject(doc, "apiVersion", "v1");
	cJSON_AddStringToObject(doc, "groupVersion", gv);
	list = cJSON_AddArrayToObject(doc, "resources");
	for (size_t i = 0; i < N_RESOURCES; i++) {
		const struct resource *r = &resources[i];
		static const char *const verbs[] = {"create", "delete", "deletecollection", "get",
			"list", "patch", "update", "watch"};
		cJSON *e, *v;

		if (strcmp(r->group_version, gv) != 0)
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", r->name);
		cJSON_AddStringToObject(e, "singularName", "");
		cJSON_AddBoolToObject(e, "namespaced", r->namespaced);
		cJSON_AddStringToObject(e, "kind", r->kind);
		v = cJSON_AddArrayToObject(e, "verbs");
		for (size_t j = 0; j < sizeof verbs / sizeof verbs[0]; j++)
			cJSON_AddItemToArray(v, cJSON_CreateString(verbs[j]));
		if (r->short_name != NULL)
			cJSON_AddItemToArray(cJSON_AddArrayToObject(e, "shortNames"),
			    cJSON_CreateString(r->short_name));
		cJSON_AddItemToArray(list, e);
	}
	return doc;
}

static cJSON *
group_list(void)
{
	cJSON *doc = cJSON_CreateObject(), *groups;

	cJSON_AddStringToObject(doc, "kind", "APIGroupList");
	cJSON_AddStringToObject(doc, "apiVersion", "v1");
	groups = cJSON_AddArrayToObject(doc, "groups");
	for (size_t i = 0; i < sizeof group_versions / sizeof group_versions[0]; i++) {
		const char *gv = group_versions[i], *slash = strchr(gv, '/');
		cJSON *g = cJSON_CreateObject(), *ver = cJSON_CreateObject();
		char *name = xstrndup(gv, (size_t)(slash - gv));

		cJSON_AddStringToObject(g, "name", name);
		cJSON_AddStringToObject(ver, "groupVersion", gv);
		cJSON_AddStringToObject(ver, "version", slash + 1);
		cJSON_AddItemToArray(cJSON_AddArrayToObject(g, "versions"), ver);
		cJSON_AddItemToObject(g, "preferredVersion", cJSON_Duplicate(ver, true));
		cJSON_AddItemToArray(groups, g);
		free(name);
	}
	return doc;
}

static cJSON *
version_doc(void)
{
	cJSON *v = cJSON_CreateObject();

	cJSON_AddStringToObject(v, "major", "1");
	cJSON_AddStringToObject(v, "minor", "32");
	cJSON_AddStringToObject(v, "gitVersion", "v1.32.0");
	cJSON_AddStringToObject(v, "gitCommit", "70d3cc986aa8221cd1dfb1121852688902d3bf53");
	cJSON_AddStringToObject(v, "gitTreeState", "clean");
	cJSON_AddStringToObject(v, "buildDate", "2024-12-11T18:04:20Z");
	cJSON_AddStringToObject(v, "goVersion", "go1.23.3");
	cJSON_AddStringToObject(v, "compiler", "gc");
	cJSON_AddStringToObject(v, "platform", "linux/amd64");
	return v;
}

/* ---- objects ---- */

struct target {
	const struct resource *r;
	char *ns;   /* NULL: every namespace (or cluster-scoped) */
	char *name; /* NULL: the collection */
};

/* Split /api/v1/... or /apis/G/V/... into what it names; false when it names nothing served. */
static bool
route(const char *url, struct target *t)
{
	char *path = xstrdup(url), *parts[8], *save = NULL;
	size_t n = 0, i;
	char gv[128];
	bool ok = false;

	for (char *p = strtok_r(path, "/", &save); p != NULL && n < 8;
	     p = strtok_r(NULL, "/", &save))
		parts[n++] = p;
	memset(t, 0, sizeof *t);
	if (n >= 3 && strcmp(parts[0], "api") == 0 && strcmp(parts[1], "v1") == 0) {
		snprintf(gv, sizeof gv, "v1");
		i = 2;
	} else if (n >= 4 && strcmp(parts[0], "apis") == 0) {
		snprintf(gv, sizeof gv, "%s/%s", parts[1], parts[2]);
		i = 3;
	} else
		goto out;
	if (n - i >= 3 && strcmp(parts[i], "namespaces") == 0) {
		t->ns = xstrdup(parts[i + 1]);
		i += 2;
	}
	if (n - i < 1 || n - i > 2)
		goto out;
	for (size_t r = 0; r < N_RESOURCES; r++)
		if (strcmp(resources[r].group_version, gv) == 0 &&
		    strcmp(resources[r].name, parts[i]) == 0)
			t->r = &resources[r];
	/* /api/v1/namespaces/NAME is the namespace itself. */
	if (t->r == NULL && t->ns != NULL && n - i == 0)
		goto out;
	if (t->r == NULL || (t->ns != NULL && !t->r->namespaced))
		goto out;
	if (n - i == 2)
		t->name = xstrdup(parts[i + 1]);
	ok = true;
out:
	free(path);
	return ok;
}

static void
target_free(struct target *t)
{
	free(t->ns);
	free(t->name);
}

static enum MHD_Result
get_objects(struct server *s, struct MHD_Connection *conn, const struct target *t)
{
	const char *label_sel = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
	    "labelSelector");
	const char *field_sel = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
	    "fieldSelector");
	const char *table = api_table_accept(
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT));
	struct label_selector sel;
	struct vec objs = VEC_INIT, kept = VEC_INIT;
	struct ks_err err;
	enum MHD_Result rc;
	cJSON *doc, *items;
	char msg[512];

	if (t->name != NULL) {
		struct object *o = store_get(s->c->store, t->r->k, t->r->namespaced ? t->ns : NULL,
		    t->name);

		if (o == NULL) {
			const char *av = t->r->group_version, *slash = strchr(av, '/');

			snprintf(msg, sizeof msg, "%s%s%.*s \"%s\" not found", t->r->name,
			    slash ? "." : "", slash ? (int)(slash - av) : 0, av, t->name);
			return send_status(conn, MHD_HTTP_NOT_FOUND, "NotFound", msg);
		}
		vec_push(&kept, o);
	} else {
		if (field_sel != NULL && field_sel[0] != '\0')
			return send_status(conn, MHD_HTTP_BAD_REQUEST, "BadRequest",
			    "kubesim serve does not take field selectors yet");
		if (sel_parse(label_sel ? label_sel : "", &sel, &err) < 0)
			return send_status(conn, MHD_HTTP_BAD_REQUEST, "BadRequest", err.msg);
		store_list_sorted(s->c->store, t->r->k, t->r->namespaced ? t->ns : NULL, &objs);
		for (size_t i = 0; i < objs.n; i++)
			if (sel_matches(&sel, &((struct object *)objs.v[i])->meta.labels))
				vec_push(&kept, objs.v[i]);
		sel_free(&sel);
		vec_free(&objs);
	}
	if (table != NULL) {
		/* Server-side printing: kubectl get's Accept asks for a Table. */
		struct api_table_opts to = {table, API_INCLUDE_METADATA, t->name != NULL, NULL, false,
			cluster_now(s->c)};

		if (api_table_include(MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
			"includeObject"), &to.include, &err) < 0)
			rc = send_status(conn, MHD_HTTP_BAD_REQUEST, "BadRequest", err.msg);
		else {
			doc = api_table(t->r->k, (struct object *const *)kept.v, kept.n, &to);
			rc = send_json(conn, MHD_HTTP_OK, doc);
			cJSON_Delete(doc);
		}
		vec_free(&kept);
		return rc;
	}
	if (t->name != NULL) {
		doc = encode_object(kept.v[0], cluster_now(s->c));
		rc = send_json(conn, MHD_HTTP_OK, doc);
		encode_free(doc);
		vec_free(&kept);
		return rc;
	}
	doc = cJSON_CreateObject();
	snprintf(msg, sizeof msg, "%sList", t->r->kind);
	cJSON_AddStringToObject(doc, "kind", msg);
	cJSON_AddStringToObject(doc, "apiVersion", t->r->group_version);
	cJSON_AddObjectToObject(doc, "metadata");
	items = cJSON_AddArrayToObject(doc, "items");
	for (size_t i = 0; i < kept.n; i++)
		cJSON_AddItemToArray(items, encode_object(kept.v[i], cluster_now(s->c)));
	rc = send_json(conn, MHD_HTTP_OK, doc);
	cJSON_Delete(doc);
	vec_free(&kept);
	return rc;
}

/* ---- the handler ---- */

static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
    const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	struct server *s = cls;
	const char *auth;
	struct target t;
	enum MHD_Result rc;
	cJSON *doc = NULL;

	(void)version;
	(void)upload_data;
	/* The first call announces the request; a body (none read yet) would follow. */
	if (*con_cls == NULL) {
		*con_cls = s;
		return MHD_YES;
	}
	if (*upload_data_size != 0) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	if (auth == NULL || strcmp(auth, s->bearer) != 0)
		return send_status(conn, MHD_HTTP_UNAUTHORIZED, "Unauthorized", "Unauthorized");
	if (strcmp(url, "/healthz") == 0 || strcmp(url, "/livez") == 0 ||
	    strcmp(url, "/readyz") == 0)
		return send_text(conn, MHD_HTTP_OK, "text/plain; charset=utf-8", "ok");
	if (strcmp(method, "GET") != 0)
		return send_status(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "MethodNotAllowed",
		    "kubesim serve answers reads only so far; write with `kubesim kubectl`");
	if (strcmp(url, "/version") == 0)
		doc = version_doc();
	else if (strcmp(url, "/api") == 0) {
		doc = cJSON_CreateObject();
		cJSON_AddStringToObject(doc, "kind", "APIVersions");
		cJSON_AddItemToArray(cJSON_AddArrayToObject(doc, "versions"), cJSON_CreateString("v1"));
	} else if (strcmp(url, "/apis") == 0)
		doc = group_list();
	else if (strcmp(url, "/api/v1") == 0)
		doc = resource_list("v1");
	else if (strncmp(url, "/apis/", 6) == 0) {
		for (size_t i = 0; i < sizeof group_versions / sizeof group_versions[0]; i++)
			if (strcmp(url + 6, group_versions[i]) == 0)
				doc = resource_list(group_versions[i]);
	}
	if (doc != NULL) {
		rc = send_json(conn, MHD_HTTP_OK, doc);
		cJSON_Delete(doc);
		return rc;
	}
	if (!route(url, &t))
		return send_not_found_path(conn);
	rc = get_objects(s, conn, &t);
	target_free(&t);
	return rc;
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
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
serve_run(struct cluster *c, const struct serve_opts *o, serve_ready_fn ready, void *ready_ctx,
    volatile sig_atomic_t *stop, struct ks_err *err)
{
	struct server s = {c, o, xasprintf("Bearer %s", o->token)};
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	int64_t wall0 = mono_ms(), checked = wall0;
	sim_ms sim0 = cluster_now(c);
	int epfd, rc = 0;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->address, &sa.sin_addr) != 1) {
		free(s.bearer);
		return err_set(err, "--address %s: not an IPv4 address", o->address);
	}
	d = MHD_start_daemon(MHD_USE_EPOLL | MHD_USE_TLS, (uint16_t)o->port, NULL, NULL, handle,
	    &s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned)10000, MHD_OPTION_HTTPS_MEM_KEY, o->key_pem, MHD_OPTION_HTTPS_MEM_CERT,
	    o->cert_pem, MHD_OPTION_END);
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
	epfd = MHD_get_daemon_info(d, MHD_DAEMON_INFO_EPOLL_FD)->epoll_fd;
	while (!*stop) {
		MHD_UNSIGNED_LONG_LONG wait_ms = 100;
		struct pollfd p = {epfd, POLLIN, 0};

		if (o->reload != NULL && mono_ms() - checked >= 1000) {
			struct cluster *fresh = o->reload(o->reload_ctx);

			checked = mono_ms();
			if (fresh != NULL) {
				s.c = c = fresh;
				wall0 = checked;
				sim0 = cluster_now(c);
			}
		}

		/* The simulated clock follows the wall clock, times the speed. */
		if (o->speed > 0)
			cluster_advance_to(c, sim0 + (sim_ms)((double)(mono_ms() - wall0) * o->speed));
		if (MHD_get_timeout(d, &wait_ms) == MHD_YES && wait_ms > 100)
			wait_ms = 100;
		if (poll(&p, 1, (int)wait_ms) < 0 && errno != EINTR) {
			rc = err_set(err, "poll: %s", strerror(errno));
			break;
		}
		MHD_run(d);
	}
	MHD_stop_daemon(d);
	free(s.bearer);
	return rc;
}
