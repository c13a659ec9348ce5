/*
 * rest.h - the Kubernetes REST API over the API layer.
 *
 * One request in, one response out, with no HTTP in between: the path,
 * query parameters, content type and body of a request as kube-apiserver
 * v1.32 reads them (staging/src/k8s.io/apiserver/pkg/endpoints/handlers),
 * answered with the status code, the JSON document and the Warning
 * headers it would send. `kubesim serve` translates HTTP to and from
 * these, and the practice cluster's journal records the writes as they
 * came, so a replay makes the same calls and the same cluster.
 *
 * Watches are not answered here: they stream, which is the front end's
 * business (api_rest says 400 for them). What a watch asks for is read
 * here, though, with the same routing and selectors as a list.
 */
#ifndef KS_APISERVER_REST_H
#define KS_APISERVER_REST_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "api/meta.h"
#include "apiserver/discovery.h" /* struct api_resource, api_resources[]: what is served */
#include "util/strbuf.h"

struct cluster;

/* kube-apiserver's limit on a request body (--max-request-bytes' default for JSON). */
#define API_MAX_BODY (3 * 1024 * 1024)

struct api_request {
	const char *method; /* GET, POST, PUT, PATCH, DELETE */
	const char *path;   /* /api/v1/namespaces/default/pods/x, no query */
	const cJSON *params; /* query parameters: an object of strings (NULL: none) */
	const char *content_type; /* NULL: none sent */
	const char *body;         /* NULL: none */
	size_t body_len;
	/*
	 * The Accept header (NULL: none sent): a GET asking for a meta.k8s.io
	 * Table is answered with one (server-side printing, apiserver/table.h).
	 */
	const char *accept;
};

struct api_response {
	int code;
	/*
	 * The JSON document to send (an object or a Status); a JSON string is
	 * text to send as it is (text/plain: a pod's log).
	 */
	cJSON *body;
	struct strbuf warnings; /* one warning's text per line, for Warning: 299 headers */
};

void api_response_init(struct api_response *r);
void api_response_free(struct api_response *r);

/* The value of query parameter key, or NULL. */
const char *api_param(const struct api_request *rq, const char *key);

/* Is query parameter key true, as Go's strconv.ParseBool reads it ("1", "t", "True", ...)? */
bool api_param_true(const struct api_request *rq, const char *key);

/* Does path name a served resource (a collection, an object or a subresource)? */
bool api_path_served(const char *path);

/* Is this request a write (one the journal must record when it changed anything)? */
bool api_is_write(const struct api_request *rq);

/*
 * Answer rq against c. Always fills resp (a Status on failure) and returns
 * its code.
 */
int api_rest(struct cluster *c, const struct api_request *rq, struct api_response *resp);

/* Is rq a watch (GET with watch=true or 1)? */
bool api_is_watch(const struct api_request *rq);

/* What a watch streams: a resource, maybe one namespace and name, and selectors. */
struct api_watch;

/*
 * Read rq as a watch; NULL with resp filled (a Status) when its path names
 * nothing served or its selectors are bad.
 */
struct api_watch *api_watch_parse(const struct api_request *rq, struct api_response *resp);
const struct api_resource *api_watch_resource(const struct api_watch *w);
/*
 * Does the watch follow one object (a name in the path, or a
 * metadata.name= field selector), as kubectl's waits do (rollout status,
 * delete, wait)?
 */
bool api_watch_single(const struct api_watch *w);
/* Does an object of kind k, as served (doc), belong to the watch? */
bool api_watch_matches(const struct api_watch *w, enum kind k, const cJSON *doc);
/* The objects a watch without a resourceVersion starts with, encoded, appended to items. */
void api_watch_initial(struct cluster *c, const struct api_watch *w, cJSON *items);
void api_watch_free(struct api_watch *w);

/* A metav1.Status failure document. */
cJSON *api_status_doc(int code, const char *reason, const char *message);

#endif
