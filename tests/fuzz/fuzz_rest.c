/*
 * fuzz_rest - what `kubesim serve` hands the REST layer from the network:
 * api_rest (src/apiserver/rest.c) with every method on a path, query and
 * body taken from the input, on a cluster running the workshop DaemonSet;
 * and proto_to_json (src/serve/proto.c) on the input's body, as the front
 * end reads a protobuf request.
 *
 * Input: "PATH?QUERY", a NUL, a Content-Type, a NUL, then the body (the
 * rest). The query is split at & and = without URL-decoding (the front end
 * decodes; the layer sees what any text can be).
 *
 * Properties checked (fuzz_fail when one does not hold):
 *   - every answer has a status code from 200 to 599 and a JSON object
 *     body; a failure's body is a metav1.Status with that code;
 *   - a read (GET) changes nothing in the store.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "api/store.h"
#include "apiserver/rest.h"
#include "cluster.h"
#include "fuzz.h"
#include "serve/proto.h"
#include "util/err.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static cJSON *
parse_query(char *q)
{
	cJSON *params = cJSON_CreateObject();
	char *save = NULL;

	for (char *kv = strtok_r(q, "&", &save); kv != NULL; kv = strtok_r(NULL, "&", &save)) {
		char *eq = strchr(kv, '=');

		if (eq != NULL)
			*eq++ = '\0';
		if (cJSON_GetObjectItemCaseSensitive(params, kv) == NULL)
			cJSON_AddStringToObject(params, kv, eq ? eq : "");
	}
	return params;
}

static void
check_answer(const char *method, const struct api_response *resp)
{
	const cJSON *code;

	if (resp->code < 200 || resp->code > 599 || !cJSON_IsObject(resp->body))
		fuzz_fail("%s: code %d, body %s", method, resp->code,
		    resp->body ? "not an object" : "missing");
	if (resp->code >= 300) {
		code = cJSON_GetObjectItemCaseSensitive(resp->body, "code");
		if (!cJSON_IsNumber(code) || (int)code->valuedouble != resp->code)
			fuzz_fail("%s: a %d answer whose body is not its Status", method, resp->code);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
	char *text = fuzz_text(data, size), *ctype, *body, *query;
	size_t path_len = strlen(text), ctype_len, body_len;
	struct cluster *c;
	struct ks_err err;
	cJSON *params, *json;

	if (path_len >= size) {
		free(text);
		return 0;
	}
	ctype = text + path_len + 1;
	ctype_len = strnlen(ctype, size - path_len - 1);
	body = ctype + ctype_len + (path_len + 1 + ctype_len < size);
	body_len = size - (size_t)(body - text);
	json = proto_to_json((const unsigned char *)body, body_len, &err);
	cJSON_Delete(json);
	if ((query = strchr(text, '?')) != NULL)
		*query++ = '\0';
	params = parse_query(query ? query : (char[]){""});
	c = fuzz_cluster(2, true);
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
		struct api_request rq = {methods[i], text, params, ctype, body, body_len, NULL};
		struct api_response resp;
		uint64_t writes = store_writes(c->store);

		api_response_init(&resp);
		api_rest(c, &rq, &resp);
		check_answer(methods[i], &resp);
		if (i == 0 && store_writes(c->store) != writes)
			fuzz_fail("GET %s changed the store", text);
		api_response_free(&resp);
	}
	cluster_free(c);
	cJSON_Delete(params);
	free(text);
	return 0;
}
