/*
 * explain.c - `kubectl explain`, after staging/src/k8s.io/kubectl/pkg/explain/v2
 * (the OpenAPI v3 plaintext template) for the DaemonSet, Pod and Node trees.
 *
 * The field docs are the Kubernetes API reference's (the OpenAPI
 * descriptions, as of v1.32), in apiserver/typedocs.h.
 *
 * The layout is the template's, with v1.32's `wrap`: go-wordwrap breaks a
 * description greedily at spaces and keeps its own line breaks (widths in
 * bytes; a word as long as the width is never broken or moved). The real
 * kubectl against `kubesim serve` (whose OpenAPI documents are generated
 * from the same docs) is the check: tests/serve.sh.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apiserver/typedocs.h"
#include "kubectl/kctl.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"


static const struct kctl_flag explain_flags[] = {
	{"recursive", 0, KF_BOOL, NULL, "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.", NULL},
	{"api-version", 0, KF_STRING, NULL, "Use given api-version (group/version) of the resource.", NULL},
	{"output", 'o', KF_STRING, "plaintext", "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* Write the pending spaces and word out, and forget them. */
static void
wrap_flush(struct strbuf *out, struct strbuf *space, struct strbuf *word)
{
	sb_addn(out, space->s ? space->s : "", space->len);
	sb_addn(out, word->s ? word->s : "", word->len);
	sb_reset(space);
	sb_reset(word);
}

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

		if (ch == '\n' || ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f' || ch == '\r') {
			/* Spaces before a newline are dropped when they would overflow the line. */
			if (ch == '\n' && word.len == 0 && cur + space.len > lim)
				sb_reset(&space);
			if (ch == '\n' || space.len == 0 || word.len > 0) {
				cur += space.len + word.len;
				wrap_flush(out, &space, &word);
			}
			if (ch == '\n') {
				sb_addc(out, '\n');
				cur = 0;
			} else
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
	if (word.len == 0 && cur + space.len > lim)
		sb_reset(&space);
	wrap_flush(out, &space, &word);
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

/*
 * ---- --output plaintext-openapiv2: the OpenAPI v2 printer ----
 *
 * staging/src/k8s.io/kubectl/pkg/explain (explain.go, field_lookup.go,
 * model_printer.go, fields_printer.go, recursive_fields_printer.go,
 * typename.go, formatter.go) over the schema models kube-openapi's proto
 * package makes of the v2 document: a field is an Array, a Map, a
 * Reference to a type or a Primitive; a type with fields is a Kind, one
 * without is a Primitive (its v2 type: a oneOf type is a string there) or,
 * an object without properties (FieldsV1), a Map of Arbitrary.
 */
enum v2_kind { V2_ARRAY, V2_MAP, V2_REF, V2_KIND, V2_PRIM, V2_ARB };

struct v2 {
	enum v2_kind k;
	const char *tstr; /* ARRAY, MAP: the field's type string from "[]" or "map[string]" on */
	const char *ref;  /* the referenced type's name */
	const char *desc;
	const cJSON *type; /* KIND */
};

static struct v2
v2_of(const char *tstr, const char *ref, const char *desc)
{
	struct v2 n = {V2_PRIM, tstr, ref, desc ? desc : "", NULL};

	if (strncmp(tstr, "[]", 2) == 0)
		n.k = V2_ARRAY;
	else if (strncmp(tstr, "map[string]", 11) == 0)
		n.k = V2_MAP;
	else if (ref != NULL)
		n.k = V2_REF;
	return n;
}

static struct v2
v2_type(const cJSON *types, const char *name)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(types, name);
	const char *st = str(t, "schemaType");
	struct v2 n = {V2_KIND, NULL, name, str(t, "description"), t};

	if (n.desc == NULL)
		n.desc = "";
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(t, "fields")) > 0)
		return n;
	if (st != NULL) {
		n.k = V2_PRIM;
		n.tstr = strcmp(st, "oneOf") == 0 ? "string" : st;
	} else
		n.k = V2_MAP; /* type: object, no properties: parseMap, of Arbitrary */
	return n;
}

static struct v2
v2_sub(const cJSON *types, const struct v2 *n)
{
	/* parseMap gives the Arbitrary it holds the map's own schema, description and all. */
	struct v2 arbitrary = {V2_ARB, NULL, NULL, n->desc, NULL};

	if (n->k == V2_REF)
		return v2_type(types, n->ref);
	if (n->tstr == NULL)
		return arbitrary;
	return v2_of(n->tstr + (n->k == V2_ARRAY ? 2 : 11), n->ref, "");
}

/* typename.go GetTypeName */
static void
v2_type_name(const cJSON *types, const struct v2 *n, struct strbuf *out)
{
	struct v2 sub;

	switch (n->k) {
	case V2_ARRAY:
	case V2_MAP:
		sb_add(out, n->k == V2_ARRAY ? "[]" : "map[string]");
		/* fallthrough */
	case V2_REF:
		sub = v2_sub(types, n);
		v2_type_name(types, &sub, out);
		break;
	case V2_KIND:
		sb_add(out, "Object");
		break;
	case V2_PRIM:
		sb_add(out, n->tstr);
		break;
	case V2_ARB:
		break;
	}
}

static bool
go_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* formatter.go shouldStartNewLine: after "x:", before a blank line or a list item. */
static bool
v2_new_line(bool last_colon, const char *line, size_t len)
{
	size_t i = 0;

	if (last_colon)
		return true;
	while (len > 0 && go_space(*line))
		line++, len--;
	while (len > 0 && go_space(line[len - 1]))
		len--;
	if (len == 0)
		return true;
	/* bullet: ^(\d+\.?|-|\*)\s */
	if (line[0] == '-' || line[0] == '*')
		return len > 1 && go_space(line[1]);
	while (i < len && line[i] >= '0' && line[i] <= '9')
		i++;
	if (i == 0)
		return false;
	if (i < len && line[i] == '.')
		i++;
	return i < len && go_space(line[i]);
}

/*
 * formatter.go WriteWrapped: the text's lines (words rejoined by single
 * spaces) filled up to wrap - indent columns, each written with the indent;
 * indented code lines kept, blank lines kept after the first line.
 */
static void
v2_wrapped(const char *text, int indent, struct strbuf *out)
{
	size_t lim = (size_t)(80 - indent);
	struct strbuf line = STRBUF_INIT;
	bool last_colon = false; /* the last word added ends in ':' */
	size_t n_wrapped = 0;
	const char *p = text;

#define V2_FLUSH()                                                                                 \
	do {                                                                                       \
		if (line.len > 0) {                                                                \
			last_colon = false;                                                        \
			sb_pad(out, ' ', (size_t)indent);                                          \
			sb_addn(out, line.s, line.len);                                            \
			sb_addc(out, '\n');                                                        \
			sb_reset(&line);                                                           \
			n_wrapped++;                                                               \
		}                                                                                  \
	} while (0)

	for (;;) {
		size_t len = strcspn(p, "\n"), i = 0;
		bool blank = true;

		for (size_t j = 0; j < len; j++)
			blank = blank && go_space(p[j]);
		if (len >= 4 && strncmp(p, "    ", 4) == 0) {
			V2_FLUSH();
			sb_pad(out, ' ', (size_t)indent);
			sb_addn(out, p, len);
			sb_addc(out, '\n');
			n_wrapped++;
		} else if (n_wrapped > 0 && blank) {
			V2_FLUSH();
			sb_addc(out, '\n'); /* Write("") indents no empty line */
			n_wrapped++;
		} else {
			if (v2_new_line(last_colon, p, len))
				V2_FLUSH();
			while (i < len) {
				size_t w;

				while (i < len && go_space(p[i]))
					i++;
				for (w = 0; i + w < len && !go_space(p[i + w]); w++)
					;
				if (w == 0)
					break;
				/* lastWord is set first: a flush for this very word clears it again */
				last_colon = p[i + w - 1] == ':';
				if (line.len > 0 && line.len + 1 + w > lim)
					V2_FLUSH();
				if (line.len > 0)
					sb_addc(&line, ' ');
				sb_addn(&line, p + i, w);
				i += w;
			}
		}
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	V2_FLUSH();
#undef V2_FLUSH
	sb_free(&line);
}

/* model_printer.go PrintDescription: the descriptions met on the way, blank lines between. */
static void
v2_description(const char *const *descs, size_t n, struct strbuf *out)
{
	bool empty = true;

	sb_add(out, "DESCRIPTION:\n");
	for (size_t i = 0; i < n; i++) {
		if (descs[i][0] == '\0')
			continue;
		empty = false;
		if (i != 0)
			sb_addc(out, '\n');
		v2_wrapped(descs[i], 5, out);
	}
	if (empty)
		v2_wrapped("<empty>", 5, out);
}

/* recursive_fields_printer.go: names and types, a reference not entered twice on one path. */
static void
v2_fields_recursive(const cJSON *types, const struct v2 *n, int indent, struct vec *seen,
    struct strbuf *out)
{
	struct v2 sub;
	const cJSON *f;

	switch (n->k) {
	case V2_ARRAY:
	case V2_MAP:
		sub = v2_sub(types, n);
		v2_fields_recursive(types, &sub, indent, seen, out);
		break;
	case V2_REF:
		for (size_t i = 0; i < seen->n; i++)
			if (strcmp(seen->v[i], n->ref) == 0)
				return;
		vec_push(seen, (void *)n->ref);
		sub = v2_sub(types, n);
		v2_fields_recursive(types, &sub, indent, seen, out);
		seen->n--;
		break;
	case V2_KIND:
		cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(n->type, "fields"))
		{
			struct v2 fn = v2_of(str(f, "type"), str(f, "ref"), str(f, "description"));

			sb_pad(out, ' ', (size_t)indent);
			sb_addf(out, "%s\t<", str(f, "name"));
			v2_type_name(types, &fn, out);
			sb_add(out, ">\n");
			v2_fields_recursive(types, &fn, indent + 3, seen, out);
		}
		break;
	default:
		break;
	}
}

static int
explain_v2(struct kctl_call *call, const cJSON *types, const char *root, char **path,
    size_t n_path, struct strbuf *out)
{
	struct v2 n = v2_type(types, root);
	const char *name = n_path ? path[n_path - 1] : "", *descs[64];
	const cJSON *rt = n.type, *f;
	size_t i = 0, n_descs = 0;
	struct strbuf type = STRBUF_INIT;
	const char *group = str(rt, "group");

	/* field_lookup.go: a primitive ends the walk, whatever path is left. */
	for (;;) {
		struct v2 sub;

		if (i == n_path || n.k == V2_PRIM || n.k == V2_ARB)
			break;
		if (n.k != V2_KIND) {
			sub = v2_sub(types, &n);
			n = sub;
			continue;
		}
		f = field_named(n.type, path[i]);
		if (f == NULL)
			return kctl_error(call, "field \"%s\" does not exist", path[i]);
		n = v2_of(str(f, "type"), str(f, "ref"), str(f, "description"));
		i++;
	}
	/* model_printer.go: collect descriptions and the outermost type down to a Kind or a Primitive. */
	while (n.k == V2_ARRAY || n.k == V2_MAP || n.k == V2_REF) {
		struct v2 sub = v2_sub(types, &n);

		if (n_descs < 63)
			descs[n_descs++] = n.desc;
		if (n.k != V2_REF && type.len == 0)
			v2_type_name(types, &n, &type);
		n = sub;
	}
	descs[n_descs++] = n.desc;
	sb_addf(out, "KIND:     %s\nVERSION:  %s%s%s\n\n", str(rt, "kind"),
	    group && group[0] ? group : "", group && group[0] ? "/" : "", str(rt, "version"));
	if (n.k == V2_KIND) {
		if (type.len == 0)
			sb_add(&type, "Object");
		if (name[0] != '\0')
			sb_addf(out, "RESOURCE: %s <%s>\n\n", name, sb_str(&type));
		v2_description(descs, n_descs, out);
		sb_add(out, "\nFIELDS:\n");
		if (kctl_bool(call, "recursive")) {
			struct vec seen = VEC_INIT;

			v2_fields_recursive(types, &n, 3, &seen, out);
			vec_free(&seen);
		} else
			cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(n.type, "fields"))
			{
				struct v2 fn = v2_of(str(f, "type"), str(f, "ref"), str(f, "description"));
				bool req = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "required"));

				sb_addf(out, "   %s\t<", str(f, "name"));
				v2_type_name(types, &fn, out);
				sb_addf(out, ">%s\n", req ? " -required-" : "");
				v2_wrapped(fn.desc, 5, out);
				sb_addc(out, '\n');
			}
	} else {
		if (n.k == V2_PRIM) {
			if (type.len == 0)
				sb_add(&type, n.tstr);
			sb_addf(out, "FIELD:    %s <%s>\n\n", name, sb_str(&type));
		}
		v2_description(descs, n_descs, out);
	}
	sb_free(&type);
	return 0;
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
		rc = kctl_no_resource_match(call, first ? first : "");
		free(path);
		return rc;
	}
	root = k == KIND_DAEMONSET ? roots[0][0] : k == KIND_POD ? roots[1][0] : k == KIND_NODE ? roots[2][0] : NULL;
	if (root == NULL) {
		rc = kctl_error(call, "kubesim keeps the field docs of daemonsets, pods and nodes only, not of \"%s\"", first);
		free(path);
		return rc;
	}
	doc = api_typedocs();
	types = cJSON_GetObjectItemCaseSensitive(doc, "types");
	type = cJSON_GetObjectItemCaseSensitive(types,
	    str(cJSON_GetObjectItemCaseSensitive(doc, "roots"), root));
	if (strcmp(o, "plaintext-openapiv2") == 0) {
		char *fields[64];
		size_t n = 0;

		for (char *name = strtok_r(NULL, ".", &save); name != NULL && n < 64;
		     name = strtok_r(NULL, ".", &save))
			fields[n++] = name;
		rc = explain_v2(call, types, str(cJSON_GetObjectItemCaseSensitive(doc, "roots"), root),
		    fields, n, &out);
		if (rc == 0)
			kctl_out(call->res, "%s", sb_str(&out));
		cJSON_Delete(doc);
		sb_free(&out);
		free(path);
		return rc;
	}
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
