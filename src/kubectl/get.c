/*
 * get.c - `kubectl get`, after staging/src/k8s.io/kubectl/pkg/cmd/get.
 *
 * Resolves TYPE[,TYPE...] [NAME...] or TYPE/NAME arguments, filters by
 * namespace, label selector and field selector, and prints a table (the
 * server-side columns of printers.go), names, or a JSONPath template. With
 * several types the tables are printed one after another, separated by a
 * blank line, with kind-qualified names, as kubectl does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/node.h"
#include "api/pod.h"
#include "api/selector.h"
#include "api/store.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "kubectl/jsonpath.h"
#include "kubectl/kctl.h"
#include "kubectl/printers.h"
#include "kubectl/table.h"
#include "util/err.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const struct kctl_flag get_flags[] = {
	{"output", 'o', KF_STRING, NULL, "Output format. One of: (json, yaml, name, jsonpath, wide).", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.", NULL},
	{"field-selector", 0, KF_STRING, NULL, "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.", NULL},
	{"all-namespaces", 'A', KF_BOOL, NULL, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.", NULL},
	{"show-labels", 0, KF_BOOL, NULL, "When printing, show all labels as the last column (default hide labels column)", NULL},
	{"no-headers", 0, KF_BOOL, NULL, "When using the default or custom-column output format, don't print headers (default print headers).", NULL},
	{"label-columns", 'L', KF_STRING, NULL, "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive.", NULL},
	{"ignore-not-found", 0, KF_BOOL, NULL, "If set to true, suppresses NotFound error for specific objects that do not exist.", NULL},
	{"sort-by", 0, KF_STRING, NULL, "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* ---- output ---- */

enum out_kind {
	OUT_TABLE,
	OUT_WIDE,
	OUT_NAME,
	OUT_JSON,
	OUT_YAML,
	OUT_JSONPATH,
	OUT_CUSTOM,
};

static int
parse_output(struct kctl_call *call, enum out_kind *out, const char **arg)
{
	const char *o = kctl_str(call, "output");

	*arg = NULL;
	if (o[0] == '\0')
		*out = OUT_TABLE;
	else if (strcmp(o, "wide") == 0)
		*out = OUT_WIDE;
	else if (strcmp(o, "name") == 0)
		*out = OUT_NAME;
	else if (strcmp(o, "json") == 0)
		*out = OUT_JSON;
	else if (strcmp(o, "yaml") == 0)
		*out = OUT_YAML;
	else if (strncmp(o, "jsonpath=", 9) == 0) {
		*out = OUT_JSONPATH;
		*arg = o + 9;
	} else if (strncmp(o, "custom-columns=", 15) == 0 || strcmp(o, "custom-columns") == 0) {
		*out = OUT_CUSTOM;
		*arg = o[14] == '=' ? o + 15 : "";
	} else
		return kctl_error(call,
		    "unable to match a printer suitable for the output format \"%s\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml",
		    o);
	return 0;
}

struct type_group {
	enum kind kind;
	struct vec objs;
};

/* ---- --sort-by (cmd/get/sorter.go) ---- */

struct sort_item {
	struct object *obj;
	char *key;
	bool numeric;
	double num;
	size_t index; /* for a stable sort */
};

static int
cmp_sort_item(const void *a, const void *b)
{
	const struct sort_item *x = a, *y = b;
	int c;

	if (x->numeric && y->numeric)
		c = x->num < y->num ? -1 : x->num > y->num;
	else
		c = strcmp(x->key, y->key);
	if (c == 0)
		c = x->index < y->index ? -1 : x->index > y->index;
	return c;
}

/* Sort objs by the field's value: numbers as numbers, the rest as strings. */
static int
sort_objects(struct kctl_call *call, struct vec *objs, const char *field)
{
	struct sort_item *items;
	struct ks_err err;
	char *tmpl = jsonpath_relaxed(field, &err);
	size_t found;
	int rc = 0;

	if (tmpl == NULL)
		return kctl_error(call, "%s", err.msg);
	items = xcalloc(objs->n + 1, sizeof *items);
	found = 0;
	for (size_t i = 0; i < objs->n && rc == 0; i++) {
		cJSON *doc = encode_object(objs->v[i], cluster_now(call->c));
		struct strbuf key = STRBUF_INIT;
		size_t count;
		char *end;

		if (jsonpath_column(tmpl, doc, &key, &count, &err) < 0)
			rc = kctl_error(call, "%s", err.msg);
		items[i].obj = objs->v[i];
		items[i].index = i;
		items[i].key = sb_take(&key);
		items[i].num = strtod(items[i].key, &end);
		items[i].numeric = items[i].key[0] != '\0' && *end == '\0';
		found += count > 0;
		encode_free(doc);
	}
	/* sorter.go: a path no object has is an error, not an unsorted list. */
	if (rc == 0 && objs->n > 0 && found == 0)
		rc = kctl_error(call, "couldn't find any field with path \"%s\" in the list of objects", tmpl);
	if (rc == 0) {
		qsort(items, objs->n, sizeof *items, cmp_sort_item);
		for (size_t i = 0; i < objs->n; i++)
			objs->v[i] = items[i].obj;
	}
	for (size_t i = 0; i < objs->n; i++)
		free(items[i].key);
	free(items);
	free(tmpl);
	return rc;
}

/* ---- -o custom-columns (cmd/get/customcolumn.go) ---- */

static int
print_custom_columns(struct kctl_call *call, const char *spec, struct type_group *groups,
    size_t ngroups)
{
	struct tabwriter tw = TABWRITER_KUBECTL;
	struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;
	char **headers = NULL, **tmpls = NULL;
	size_t ncols = 0;
	char *copy, *save = NULL;
	struct ks_err err;
	int rc = 0;

	if (spec[0] == '\0')
		return kctl_error(call, "custom-columns format specified but no custom columns given");
	copy = xstrdup(spec);
	for (char *part = strtok_r(copy, ",", &save); part != NULL && rc == 0;
	     part = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(part, ':');
		char *tmpl;

		if (colon == NULL) {
			rc = kctl_error(call, "unexpected custom-columns spec: %s, expected <header>:<json-path-expr>", part);
			break;
		}
		*colon = '\0';
		tmpl = jsonpath_relaxed(colon + 1, &err);
		if (tmpl == NULL) {
			rc = kctl_error(call, "%s", err.msg);
			break;
		}
		headers = xreallocarray(headers, ncols + 1, sizeof *headers);
		tmpls = xreallocarray(tmpls, ncols + 1, sizeof *tmpls);
		headers[ncols] = xstrdup(part);
		tmpls[ncols++] = tmpl;
	}
	free(copy);
	for (size_t g = 0; g < ngroups && rc == 0; g++) {
		if (groups[g].objs.n == 0)
			continue;
		/* The header is printed again whenever the type changes. */
		for (size_t c = 0; c < ncols && !kctl_bool(call, "no-headers"); c++)
			sb_addf(&text, "%s%s", headers[c], c + 1 < ncols ? "\t" : "\n");
		for (size_t i = 0; i < groups[g].objs.n && rc == 0; i++) {
			cJSON *doc = encode_object(groups[g].objs.v[i], cluster_now(call->c));

			for (size_t c = 0; c < ncols; c++) {
				size_t count, at = text.len;

				if (jsonpath_column(tmpls[c], doc, &text, &count, &err) < 0) {
					rc = kctl_error(call, "%s", err.msg);
					break;
				}
				if (count == 0)
					sb_add(&text, "<none>");
				/* EscapeTerminal: no raw control characters reach the terminal. */
				for (size_t k = at; k < text.len; k++)
					if (text.s[k] == '\t' || text.s[k] == '\n')
						text.s[k] = ' ';
				sb_addc(&text, c + 1 < ncols ? '\t' : '\n');
			}
			encode_free(doc);
		}
	}
	if (rc == 0) {
		tabwriter_format(&tw, text.s ? text.s : "", text.len, &out);
		kctl_out(call->res, "%s", sb_str(&out));
	}
	for (size_t c = 0; c < ncols; c++) {
		free(headers[c]);
		free(tmpls[c]);
	}
	free(headers);
	free(tmpls);
	sb_free(&text);
	sb_free(&out);
	return rc;
}

static int
get_exec(struct kctl_call *call)
{
	struct store *st = call->c->store;
	struct type_group groups[KIND__COUNT];
	size_t ngroups = 0;
	enum out_kind out = OUT_TABLE;
	const char *out_arg;
	bool all_ns = kctl_bool(call, "all-namespaces");
	const char *ns = all_ns ? NULL : call->ns;
	struct label_selector sel;
	struct vec freqs = VEC_INIT;
	struct ks_err err;
	bool by_name = false;
	bool category = false, sort_failed = false;
	/* get prints what it found, then the objects it could not find. */
	struct strbuf notfound = STRBUF_INIT;
	int status = 0;
	size_t total = 0;

	if (parse_output(call, &out, &out_arg) != 0)
		return 1;
	if (call->n_args == 0) {
		kctl_err(call->res, "%s", "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n");
		return call->res->status = 1;
	}
	if (sel_parse(kctl_str(call, "selector"), &sel, &err) < 0)
		return kctl_error(call, "%s", err.msg);
	if (kctl_field_selector(call, kctl_str(call, "field-selector"), &freqs) != 0) {
		sel_free(&sel);
		return 1;
	}
	memset(groups, 0, sizeof groups);

	if (strchr(call->args[0], '/') != NULL) {
		/* TYPE/NAME ...: each argument names one object. */
		by_name = true;
		for (size_t i = 0; i < call->n_args; i++) {
			const char *slash = strchr(call->args[i], '/');
			char type[128];
			enum kind k;
			struct object *o;
			size_t g;

			if (slash == NULL) {
				sel_free(&sel);
				kctl_field_reqs_free(&freqs);
				sb_free(&notfound);
				return kctl_error(call,
				    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
			}
			snprintf(type, sizeof type, "%.*s", (int)(slash - call->args[i]), call->args[i]);
			if (kctl_resource(type, &k) < 0) {
				sel_free(&sel);
				kctl_field_reqs_free(&freqs);
				sb_free(&notfound);
				return kctl_unknown_type(call, type);
			}
			for (g = 0; g < ngroups && groups[g].kind != k; g++)
				;
			if (g == ngroups)
				groups[ngroups++].kind = k;
			o = store_get(st, k, call->ns, slash + 1);
			if (o == NULL) {
				sb_addf(&notfound, "Error from server (NotFound): %s \"%s\" not found\n",
				    kind_resource(k), slash + 1);
				status = 1;
			} else
				vec_push(&groups[g].objs, o);
		}
	} else {
		char *types = xstrdup(call->args[0]), *save = NULL;

		for (char *t = strtok_r(types, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save)) {
			enum kind k;

			/* The "all" category, in discovery's order, of the kinds kubesim serves. */
			if (strcmp(t, "all") == 0) {
				groups[ngroups++].kind = KIND_POD;
				groups[ngroups++].kind = KIND_DAEMONSET;
				category = true;
				continue;
			}
			if (kctl_resource(t, &k) < 0) {
				kctl_unknown_type(call, t);
				free(types);
				sel_free(&sel);
				kctl_field_reqs_free(&freqs);
				sb_free(&notfound);
				return 1;
			}
			groups[ngroups++].kind = k;
		}
		free(types);
		by_name = call->n_args > 1;
		for (size_t g = 0; g < ngroups; g++) {
			enum kind k = groups[g].kind;

			if (by_name) {
				for (size_t i = 1; i < call->n_args; i++) {
					struct object *o = store_get(st, k, call->ns, call->args[i]);

					if (o == NULL) {
						if (!kctl_bool(call, "ignore-not-found")) {
							sb_addf(&notfound, "Error from server (NotFound): %s \"%s\" not found\n",
							    kind_resource(k), call->args[i]);
							status = 1;
						}
					} else
						vec_push(&groups[g].objs, o);
				}
				continue;
			}
			store_list(st, k, kind_namespaced(k) ? ns : NULL, &groups[g].objs);
			vec_sort(&groups[g].objs, object_cmp_ns_name);
		}
	}
	/* Filters apply to lists and to named gets alike. */
	for (size_t g = 0; g < ngroups; g++) {
		struct vec *v = &groups[g].objs;
		size_t j = 0;

		for (size_t i = 0; i < v->n; i++) {
			struct object *o = v->v[i];
			bool keep = sel_matches(&sel, &o->meta.labels);

			for (size_t f = 0; keep && f < freqs.n; f++) {
				struct kctl_field_req *r = freqs.v[f];
				char buf[16];
				const char *val = kctl_field_value(o, r->field, buf, sizeof buf);

				if (val == NULL) {
					/* Kinds with their own field labels refuse others in their conversion func. */
					bool own = o->kind == KIND_POD || o->kind == KIND_NODE || o->kind == KIND_EVENT ||
					    o->kind == KIND_NAMESPACE;

					kctl_err(call->res, "Error from server (BadRequest): Unable to find \"%s\" that match label selector \"%s\", field selector \"%s\": ",
					    kind_resource(o->kind), kctl_str(call, "selector"), kctl_str(call, "field-selector"));
					if (own)
						kctl_err(call->res, "field label not supported: %s\n", r->field);
					else
						kctl_err(call->res, "\"%s\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"\n",
						    r->field);
					call->res->status = 1;
					sel_free(&sel);
					kctl_field_reqs_free(&freqs);
					sb_free(&notfound);
					for (size_t x = 0; x < ngroups; x++)
						vec_free(&groups[x].objs);
					return 1;
				}
				keep = (strcmp(val, r->value) == 0) != r->negate;
			}
			if (keep)
				v->v[j++] = o;
		}
		v->n = j;
		total += j;
		if (kctl_str(call, "sort-by")[0] != '\0' && out != OUT_JSON && out != OUT_YAML &&
		    out != OUT_NAME && sort_objects(call, v, kctl_str(call, "sort-by")) != 0)
			sort_failed = true;
	}
	if (sort_failed) {
		sel_free(&sel);
		kctl_field_reqs_free(&freqs);
		sb_free(&notfound);
		for (size_t x = 0; x < ngroups; x++)
			vec_free(&groups[x].objs);
		return call->res->status = 1;
	}

	if (out == OUT_CUSTOM) {
		if (print_custom_columns(call, out_arg, groups, ngroups) != 0)
			status = 1;
	} else if (out == OUT_NAME) {
		for (size_t g = 0; g < ngroups; g++)
			for (size_t i = 0; i < groups[g].objs.n; i++)
				kctl_out(call->res, "%s/%s\n", kctl_type_name(groups[g].kind),
				    ((struct object *)groups[g].objs.v[i])->meta.name);
	} else if (out == OUT_JSON || out == OUT_YAML || out == OUT_JSONPATH) {
		struct vec flat = VEC_INIT;
		bool single = by_name && total == 1 && ngroups == 1;
		struct strbuf text = STRBUF_INIT;
		cJSON *doc;

		for (size_t g = 0; g < ngroups; g++)
			for (size_t i = 0; i < groups[g].objs.n; i++)
				vec_push(&flat, groups[g].objs.v[i]);
		doc = single ? encode_object(flat.v[0], cluster_now(call->c))
			     : encode_list((struct object *const *)flat.v, flat.n, cluster_now(call->c));
		sb_init(&text);
		if (out == OUT_JSON)
			encode_json_text(doc, &text);
		else if (out == OUT_YAML)
			encode_yaml_text(doc, &text);
		else if (jsonpath_eval(out_arg, doc, &text, &err) < 0) {
			kctl_err(call->res, "error: %s\n", err.msg);
			status = 1;
		}
		kctl_out(call->res, "%s", sb_str(&text));
		sb_free(&text);
		encode_free(doc);
		vec_free(&flat);
	} else {
		struct print_opts po;
		bool printed = false;
		char *label_cols = xstrdup(kctl_str(call, "label-columns"));
		const char *cols[32];
		size_t ncols = 0;
		char *save = NULL;

		for (char *c = strtok_r(label_cols, ",", &save); c != NULL && ncols < 32;
		     c = strtok_r(NULL, ",", &save))
			cols[ncols++] = c;
		memset(&po, 0, sizeof po);
		po.wide = out == OUT_WIDE;
		po.all_namespaces = all_ns;
		po.with_kind = ngroups > 1 || category;
		po.show_labels = kctl_bool(call, "show-labels");
		po.label_columns = cols;
		po.n_label_columns = ncols;
		for (size_t g = 0; g < ngroups; g++) {
			struct strbuf text = STRBUF_INIT;
			struct table *t;

			if (groups[g].objs.n == 0)
				continue;
			t = table_new();
			printers_table(groups[g].kind, (struct object *const *)groups[g].objs.v,
			    groups[g].objs.n, &po, cluster_now(call->c), t);
			sb_init(&text);
			table_render(t, kctl_bool(call, "no-headers"), &text);
			kctl_out(call->res, "%s%s", printed ? "\n" : "", sb_str(&text));
			sb_free(&text);
			table_free(t);
			printed = true;
		}
		free(label_cols);
	}
	if (total == 0 && !by_name && out != OUT_JSON && out != OUT_YAML) {
		bool cluster_scoped = true;

		for (size_t g = 0; g < ngroups; g++)
			if (kind_namespaced(groups[g].kind))
				cluster_scoped = false;
		if (all_ns || cluster_scoped)
			kctl_err(call->res, "%s", "No resources found\n");
		else
			kctl_err(call->res, "No resources found in %s namespace.\n", call->ns);
	}
	kctl_err(call->res, "%s", sb_str(&notfound));
	sb_free(&notfound);
	for (size_t g = 0; g < ngroups; g++)
		vec_free(&groups[g].objs);
	sel_free(&sel);
	kctl_field_reqs_free(&freqs);
	if (status)
		call->res->status = 1;
	return call->res->status;
}

const struct kctl_verb kctl_get_verb = {
	.name = "get",
	.short_help = "Display one or many resources",
	.usage = "kubectl get [(-o|--output=)json|yaml|name|wide|jsonpath=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
	.flags = get_flags,
	.exec = get_exec,
};
