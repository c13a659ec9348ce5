/*
 * explain.c - `kubectl explain`, after staging/src/k8s.io/kubectl/pkg/explain/v2
 * (the OpenAPI v3 plaintext template) for the DaemonSet, Pod and Node trees.
 *
 * The field docs are the Kubernetes API reference's (the OpenAPI
 * descriptions, as of v1.32), kept in src/kubectl/explain.json and compiled
 * in: {"roots": {resource: type}, "types": {type: {group, kind, version,
 * description, fields: [{name, type, ref, required, description}]}}}.
 *
 * The layout is the template's, with v1.32's `wrap`: go-wordwrap breaks a
 * description greedily at spaces and keeps its own line breaks (widths in
 * bytes; a word as long as the width is never broken or moved). The real
 * kubectl against `kubesim serve` (whose OpenAPI documents are generated
 * from the same explain.json) is the check: tests/serve.sh.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "kubectl/kctl.h"
#include "util/embedded.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

extern const struct embedded_file kctl_explain_data[];
extern const size_t kctl_explain_data_n;

static const struct kctl_flag explain_flags[] = {
	{"recursive", 0, KF_BOOL, NULL, "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.", NULL},
	{"api-version", 0, KF_STRING, NULL, "Use given api-version (group/version) of the resource.", NULL},
	{"output", 'o', KF_STRING, "plaintext", "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/*
 * go-wordwrap v1.0.1 WrapString (funcs.go wrap, v1.32): a newline ends the
 * line where it stands (pending spaces are kept if they fit), so the blank
 * line between a field's description and its type's survives.
 */
static void
wrap(const char *s, size_t lim, struct strbuf *out)
{
	struct strbuf word = STRBUF_INIT, space = STRBUF_INIT;
	size_t cur = 0;

	for (const char *p = s; *p != '\0'; p++) {
		char ch = *p;

		if (ch == '\n') {
			if (word.len == 0) {
				if (cur + space.len <= lim)
					sb_addn(out, space.s ? space.s : "", space.len);
			} else {
				sb_addn(out, space.s ? space.s : "", space.len);
				sb_addn(out, word.s, word.len);
				sb_reset(&word);
			}
			sb_reset(&space);
			sb_addc(out, '\n');
			cur = 0;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f' || ch == '\r') {
			if (space.len == 0 || word.len > 0) {
				cur += space.len + word.len;
				sb_addn(out, space.s ? space.s : "", space.len);
				sb_addn(out, word.s ? word.s : "", word.len);
				sb_reset(&space);
				sb_reset(&word);
			}
			sb_addc(&space, ch);
		} else {
			sb_addc(&word, ch);
			if (cur + space.len + word.len > lim && word.len < lim) {
				sb_addc(out, '\n');
				cur = 0;
				sb_reset(&space);
			}
		}
	}
	if (word.len == 0) {
		if (cur + space.len <= lim)
			sb_addn(out, space.s ? space.s : "", space.len);
	} else {
		sb_addn(out, space.s ? space.s : "", space.len);
		sb_addn(out, word.s, word.len);
	}
	sb_free(&word);
	sb_free(&space);
}

/* funcs.go indent: n spaces at the start and after every newline. */
static void
indent(const char *s, int n, struct strbuf *out)
{
	sb_pad(out, ' ', (size_t)n);
	for (const char *p = s; *p != '\0'; p++) {
		sb_addc(out, *p);
		if (*p == '\n')
			sb_pad(out, ' ', (size_t)n);
	}
}

static void
wrapped_block(const char *text, size_t width, int ind, struct strbuf *out)
{
	struct strbuf w = STRBUF_INIT;

	wrap(text, width, &w);
	indent(sb_str(&w), ind, out);
	sb_free(&w);
}

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const cJSON *
field_named(const cJSON *type, const char *name)
{
	const cJSON *f;

	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(type, "fields"))
		if (strcmp(str(f, "name"), name) == 0)
			return f;
	return NULL;
}

/* fieldList: every field, its type and (unless short) its description; --recursive descends. */
static void
field_list(const cJSON *types, const cJSON *type, int level, bool recursive, int depth,
    struct strbuf *out)
{
	const cJSON *f;
	int ind = level * 2;

	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(type, "fields"))
	{
		const char *ref = str(f, "ref");
		const char *desc = str(f, "description");

		sb_pad(out, ' ', (size_t)ind);
		sb_addf(out, "%s\t<%s>", str(f, "name"), str(f, "type"));
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "required")))
			sb_add(out, " -required-");
		sb_addc(out, '\n');
		if (recursive) {
			/* A type met again on the way down is a cycle; the template stops there too. */
			if (ref != NULL && depth < 16)
				field_list(types, cJSON_GetObjectItemCaseSensitive(types, ref), level + 1, true,
				    depth + 1, out);
			continue;
		}
		wrapped_block(desc && desc[0] ? desc : "<no description>", (size_t)(78 - ind), ind + 2,
		    out);
		sb_add(out, "\n\n");
	}
}

static int
explain_exec(struct kctl_call *call)
{
	static const char *const roots[][2] = {
		{"daemonsets", "daemonset"}, {"pods", "pod"}, {"nodes", "node"}};
	cJSON *doc, *types;
	const cJSON *type, *field = NULL;
	char *path, *save = NULL, *first;
	const char *root = NULL, *o = kctl_str(call, "output");
	struct strbuf desc = STRBUF_INIT, out = STRBUF_INIT;
	enum kind k;
	int rc = 0;

	if (call->n_args == 0)
		return kctl_error(call, "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.");
	if (call->n_args > 1)
		return kctl_usage_error(call, "We accept only this format: explain RESOURCE");
	if (strcmp(o, "plaintext") != 0 && strcmp(o, "plaintext-openapiv2") != 0)
		return kctl_error(call, "unsupported output format: %s. Valid values are: (plaintext, plaintext-openapiv2)", o);
	path = xstrdup(call->args[0]);
	first = strtok_r(path, ".", &save);
	if (first == NULL || kctl_resource(first, &k) < 0) {
		rc = kctl_unknown_type(call, first ? first : "");
		free(path);
		return rc;
	}
	root = k == KIND_DAEMONSET ? roots[0][0] : k == KIND_POD ? roots[1][0] : k == KIND_NODE ? roots[2][0] : NULL;
	if (root == NULL) {
		rc = kctl_error(call, "kubesim keeps the field docs of daemonsets, pods and nodes only, not of \"%s\"", first);
		free(path);
		return rc;
	}
	doc = cJSON_ParseWithLength(kctl_explain_data[0].text, kctl_explain_data[0].len);
	types = cJSON_GetObjectItemCaseSensitive(doc, "types");
	type = cJSON_GetObjectItemCaseSensitive(types,
	    str(cJSON_GetObjectItemCaseSensitive(doc, "roots"), root));
	if (str(type, "group") != NULL && str(type, "group")[0] != '\0')
		sb_addf(&out, "GROUP:      %s\n", str(type, "group"));
	sb_addf(&out, "KIND:       %s\nVERSION:    %s\n\n", str(type, "kind"), str(type, "version"));
	sb_addf(&desc, "%s\n", str(type, "description"));
	/* Follow the field path; arrays and maps are entered through their item type ("ref"). */
	for (char *name = strtok_r(NULL, ".", &save); name != NULL; name = strtok_r(NULL, ".", &save)) {
		const char *last = name;

		field = type ? field_named(type, name) : NULL;
		if (field == NULL) {
			char *rest;

			/* The template names the path's last element, whichever was missing. */
			while ((rest = strtok_r(NULL, ".", &save)) != NULL)
				last = rest;
			/* The template has written the header by then; only the error follows it. */
			kctl_out(call->res, "%s", sb_str(&out));
			rc = kctl_error(call, "field \"%s\" does not exist", last);
			break;
		}
		sb_reset(&desc);
		if (str(field, "description") && str(field, "description")[0])
			sb_addf(&desc, "%s\n", str(field, "description"));
		type = str(field, "ref") ? cJSON_GetObjectItemCaseSensitive(types, str(field, "ref")) : NULL;
		if (type != NULL && str(type, "description") && str(type, "description")[0])
			sb_addf(&desc, "%s\n", str(type, "description"));
		if (save == NULL || *save == '\0')
			sb_addf(&out, "FIELD: %s <%s>\n\n\n", name, str(field, "type"));
	}
	if (rc == 0) {
		sb_add(&out, "DESCRIPTION:\n");
		wrapped_block(desc.len ? sb_str(&desc) : "<empty>", 76, 4, &out);
		sb_addc(&out, '\n');
		if (type != NULL && cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(type, "fields")) > 0) {
			sb_add(&out, "FIELDS:\n");
			field_list(types, type, 1, kctl_bool(call, "recursive"), 0, &out);
		}
		sb_addc(&out, '\n');
		kctl_out(call->res, "%s", sb_str(&out));
	}
	cJSON_Delete(doc);
	sb_free(&desc);
	sb_free(&out);
	free(path);
	return rc;
}

const struct kctl_verb kctl_explain_verb = {
	.name = "explain",
	.short_help = "Get documentation for a resource",
	.usage = "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
	.flags = explain_flags,
	.exec = explain_exec,
};
