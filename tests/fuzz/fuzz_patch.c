/*
 * fuzz_patch - the patch library (src/apiserver/patch.c) and the paths
 * that hand it untrusted patches: patch_json_apply, patch_merge_apply,
 * patch_strategic_apply without a schema and with the DaemonSet, Pod and
 * Node schemas, patch_merge_create, patch_merge_create_threeway,
 * patch_strategic_create and patch_strategic_create_threeway; then
 * `kubectl patch` (strategic, merge and json) and `kubectl apply -f -`
 * (its three-way merge against the workshop DaemonSet, which was applied,
 * so it has a last-applied-configuration) on a small cluster, so the
 * decode, admission and update path of api_patch and api_update runs.
 *
 * Input: up to three documents A, B and C separated by NUL bytes. For the
 * library each that parses as JSON is a cJSON document: A is the original
 * (the document patched), B the patch or the modified document, C the
 * current object of a three-way merge (B when there is no C). For kubectl
 * the texts themselves are used: A is applied with `kubectl apply -f -`,
 * B is the -p of `kubectl patch` on ds/fluentd-es-demo (all three types)
 * and on node/node1 (merge), and C, when there is one, is applied last.
 *
 * Properties checked (fuzz_fail when one does not hold):
 *   - no function modifies its inputs;
 *   - a patch that patch_merge_create(_threeway) made applies without
 *     error (to the original, or to current), and so does one that
 *     patch_strategic_create(_threeway) made from documents without
 *     directives (apimachinery copies a "$patch" found in modified into
 *     the patch as it is, bogus or not);
 *   - the merge patch from A to B applied to A gives B, when B holds no
 *     null in an object (RFC 7386 cannot say "set to null");
 *   - the schema-less strategic patch from A to B applied to A gives B,
 *     when both are objects without nulls in objects and without keys
 *     starting with "$" (those are directives to the patch);
 *   - a merge patch is idempotent: applied twice it gives what it gave once.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "apiserver/patch.h"
#include "cluster.h"
#include "fuzz.h"
#include "util/err.h"

#define MAX_DOCS 3

/* What a document prints as, to see that nothing modified it. */
struct snap {
	const cJSON *doc;
	char *text;
};

static void
snap_take(struct snap *s, const cJSON *doc)
{
	s->doc = doc;
	s->text = doc != NULL ? cJSON_PrintUnformatted(doc) : NULL;
}

static void
snap_check(struct snap *s, const char *what)
{
	char *now;

	if (s->doc == NULL)
		return;
	now = cJSON_PrintUnformatted(s->doc);
	if (now == NULL || s->text == NULL || strcmp(now, s->text) != 0)
		fuzz_fail("%s modified its input: %s became %s", what, s->text, now);
	cJSON_free(now);
}

static void
snap_free(struct snap *s)
{
	cJSON_free(s->text);
}

/*
 * True when v has, at any depth, with no_null no null member of an object
 * (in arrays a null is a value like another), and with no_dollar no key
 * starting with "$" (a directive: a document holding one is a patch).
 */
static bool
clean(const cJSON *v, bool no_null, bool no_dollar)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, v) {
		if (cJSON_IsObject(v)) {
			if (no_null && cJSON_IsNull(e))
				return false;
			if (no_dollar && e->string != NULL && e->string[0] == '$')
				return false;
		}
		if ((cJSON_IsObject(e) || cJSON_IsArray(e)) && !clean(e, no_null, no_dollar))
			return false;
	}
	return true;
}

static void
fail_diff(const char *what, const cJSON *a, const cJSON *b, const cJSON *p, const cJSON *got)
{
	char *as = cJSON_PrintUnformatted(a), *bs = cJSON_PrintUnformatted(b);
	char *ps = cJSON_PrintUnformatted(p), *gs = cJSON_PrintUnformatted(got);

	fuzz_fail("%s: from %s to %s the patch %s gives %s", what, as, bs, ps, gs);
}

/* The merge patches: apply B to A, idempotence, and the created patch from A to B. */
static void
merge(const cJSON *a, const cJSON *b, const cJSON *c)
{
	cJSON *out = NULL, *twice = NULL, *p = NULL, *got = NULL;
	struct ks_err err;

	if (patch_merge_apply(a, b, &out, &err) == 0) {
		if (patch_merge_apply(out, b, &twice, &err) != 0)
			fuzz_fail("merge patch applies once but not twice: %s", err.msg);
		if (!patch_json_equal(out, twice))
			fail_diff("merge patch not idempotent", a, out, b, twice);
	}
	cJSON_Delete(out);
	cJSON_Delete(twice);

	if (patch_merge_create(a, b, &p, &err) == 0) {
		if (patch_merge_apply(a, p, &got, &err) != 0)
			fuzz_fail("created merge patch does not apply: %s", err.msg);
		if (clean(b, true, false) && !patch_json_equal(got, b))
			fail_diff("merge create/apply", a, b, p, got);
	}
	cJSON_Delete(p);
	cJSON_Delete(got);
	p = got = NULL;

	if (patch_merge_create_threeway(a, b, c, &p, &err) == 0 &&
	    patch_merge_apply(c, p, &got, &err) != 0)
		fuzz_fail("created three-way merge patch does not apply: %s", err.msg);
	cJSON_Delete(p);
	cJSON_Delete(got);
}

/* The strategic patches with one schema (or none). */
static void
strategic(const cJSON *a, const cJSON *b, const cJSON *c, const struct patch_schema *s)
{
	cJSON *out = NULL, *p = NULL, *got = NULL;
	struct ks_err err;
	/*
	 * apimachinery's diff copies a directive found in modified into the
	 * patch as it is (diffMaps, handleDirectiveMarker), so only patches
	 * made from documents without directives must apply.
	 */
	bool plain = clean(a, false, true) && clean(b, false, true);

	(void)patch_strategic_apply(a, b, s, &out, &err);
	cJSON_Delete(out);

	if (patch_strategic_create(a, b, s, &p, &err) == 0 && plain) {
		if (patch_strategic_apply(a, p, s, &got, &err) != 0) {
			char *ps = cJSON_PrintUnformatted(p);

			fuzz_fail("created strategic patch %s does not apply: %s", ps, err.msg);
		}
		if (s == NULL && cJSON_IsObject(a) && cJSON_IsObject(b) && clean(b, true, false) &&
		    !patch_json_equal(got, b))
			fail_diff("strategic create/apply", a, b, p, got);
	}
	cJSON_Delete(p);
	cJSON_Delete(got);
	p = got = NULL;

	if (patch_strategic_create_threeway(a, b, c, s, &p, &err) == 0 && plain &&
	    clean(c, false, true) && patch_strategic_apply(c, p, s, &got, &err) != 0) {
		char *ps = cJSON_PrintUnformatted(p);

		fuzz_fail("created three-way strategic patch %s does not apply: %s", ps, err.msg);
	}
	cJSON_Delete(p);
	cJSON_Delete(got);
}

static void
library(const cJSON *a, const cJSON *b, const cJSON *c)
{
	static const char *const kinds[][2] = {
	    {"apps/v1", "DaemonSet"}, {"v1", "Pod"}, {"v1", "Node"}};
	struct snap sa, sb, sc;
	cJSON *out = NULL;
	struct ks_err err;

	snap_take(&sa, a);
	snap_take(&sb, b);
	snap_take(&sc, c);

	(void)patch_json_apply(a, b, &out, &err);
	cJSON_Delete(out);
	merge(a, b, c);
	strategic(a, b, c, NULL);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const struct patch_schema *s = patch_schema_for(kinds[i][0], kinds[i][1]);

		if (s == NULL)
			fuzz_fail("no schema for %s", kinds[i][1]);
		strategic(a, b, c, s);
	}
	(void)patch_strategic_apply(a, b, patch_schema_of(a), &out, &err);
	cJSON_Delete(out);
	(void)patch_is_empty(b);

	snap_check(&sa, "the patch library");
	snap_check(&sb, "the patch library");
	snap_check(&sc, "the patch library");
	snap_free(&sa);
	snap_free(&sb);
	snap_free(&sc);
}

static void
kubectl(const char *a, const char *b, const char *c)
{
	static const char *const types[] = {"--type=strategic", "--type=merge", "--type=json"};
	char *apply[] = {"apply", "-f", "-", NULL};
	struct cluster *cl = fuzz_cluster(1, true);

	fuzz_kubectl(cl, 3, apply, a);
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		char *argv[] = {"patch", "ds", "fluentd-es-demo", (char *)types[i], "-p", (char *)b, NULL};

		fuzz_kubectl(cl, 6, argv, "");
	}
	{
		char *argv[] = {"patch", "node", "node1", "--type", "merge", "-p", (char *)b, NULL};

		fuzz_kubectl(cl, 7, argv, "");
	}
	if (c != NULL)
		fuzz_kubectl(cl, 3, apply, c);
	cluster_advance_to(cl, cluster_now(cl) + 10000);
	cluster_free(cl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text[MAX_DOCS] = {NULL, NULL, NULL};
	cJSON *doc[MAX_DOCS] = {NULL, NULL, NULL};
	char *all = fuzz_text(data, size), *p = all, *end = all + size;
	size_t n = 0;

	while (n < MAX_DOCS) {
		text[n++] = p;
		p += strlen(p);
		if (p >= end)
			break;
		p++;
	}
	for (size_t i = 0; i < n; i++)
		doc[i] = cJSON_Parse(text[i]);

	if (doc[0] != NULL && doc[1] != NULL)
		library(doc[0], doc[1], doc[2] != NULL ? doc[2] : doc[1]);
	kubectl(text[0], n > 1 ? text[1] : "{}", n > 2 ? text[2] : NULL);

	for (size_t i = 0; i < MAX_DOCS; i++)
		cJSON_Delete(doc[i]);
	free(all);
	return 0;
}
