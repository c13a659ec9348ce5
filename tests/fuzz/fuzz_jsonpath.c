/*
 * fuzz_jsonpath - kubectl's JSONPath templates and custom columns: the
 * template parser and evaluator (jsonpath_eval, as -o jsonpath= runs it),
 * one column (jsonpath_column, as -o custom-columns= and --sort-by run it),
 * the relaxed spelling (jsonpath_relaxed), and the same text given to
 * `kubectl get` as -o jsonpath=, -o custom-columns= and --sort-by on a
 * small cluster, which also parses the column specs.
 *
 * Input: the template, then optionally a newline and a JSON document to
 * run it on; without one (or when it is not JSON) the document is the
 * List that `kubectl get nodes,pods,ds -o json` prints for the cluster.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "api/store.h"
#include "cluster.h"
#include "codec/encode.h"
#include "fuzz.h"
#include "kubectl/jsonpath.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

/* Read-only after LLVMFuzzerInitialize: kubectl get changes nothing. */
static struct cluster *cluster;
static cJSON *list;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const enum kind kinds[] = {KIND_NODE, KIND_POD, KIND_DAEMONSET};
	struct vec all = VEC_INIT, one = VEC_INIT;

	(void)argc;
	(void)argv;
	cluster = fuzz_cluster(2, true);
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		store_list_sorted(cluster->store, kinds[k], NULL, &one);
		for (size_t i = 0; i < one.n; i++)
			vec_push(&all, one.v[i]);
		vec_clear(&one);
	}
	list = encode_list((struct object *const *)all.v, all.n, cluster_now(cluster));
	vec_free(&all);
	vec_free(&one);
	return 0;
}

static void
get(const char *flag, const char *value)
{
	char *arg = xasprintf("%s%s", flag, value);
	char *argv[] = {"get", "nodes,pods,ds", arg, NULL};

	fuzz_kubectl(cluster, 3, argv, "");
	free(arg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *nl, *relaxed;
	cJSON *own = NULL;
	const cJSON *doc = list;
	struct strbuf out = STRBUF_INIT;
	struct ks_err err;
	size_t count;

	/* The template is a command-line argument: it cannot hold a NUL. */
	nl = memchr(text, '\n', size);
	if (memchr(text, '\0', nl != NULL ? (size_t)(nl - text) : size) != NULL) {
		free(text);
		return -1;
	}
	if (nl != NULL) {
		*nl = '\0';
		own = cJSON_ParseWithLength(nl + 1, size - (size_t)(nl + 1 - text));
		if (own != NULL)
			doc = own;
	}

	(void)jsonpath_eval(text, doc, &out, &err);
	sb_reset(&out);
	(void)jsonpath_column(text, doc, &out, &count, &err);
	sb_reset(&out);
	relaxed = jsonpath_relaxed(text, &err);
	if (relaxed != NULL) {
		(void)jsonpath_column(relaxed, doc, &out, &count, &err);
		free(relaxed);
	}

	get("-o=jsonpath=", text);
	get("-o=custom-columns=", text);
	get("--sort-by=", text);

	cJSON_Delete(own);
	sb_free(&out);
	free(text);
	return 0;
}
