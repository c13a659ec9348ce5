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
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "api/node.h"
#include "api/pod.h"
#include "api/quantity.h"
#include "api/selector.h"
#include "api/store.h"
#include "apiserver/discovery.h"
#include "apiserver/table.h"
#include "cluster.h"
#include "codec/encode.h"
#include "codec/jsontext.h"
#include "kubectl/jsonpath.h"
#include "kubectl/kctl.h"
#include "kubectl/printers.h"
#include "kubectl/table.h"
#include "util/err.h"
#include "util/file.h"
#include "util/gosort.h"
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
	{"watch", 'w', KF_BOOL, NULL, "After listing/getting the requested object, watch for changes.", NULL},
	{"watch-only", 0, KF_BOOL, NULL, "Watch for changes to the requested object(s), without listing/getting first.", NULL},
	{"chunk-size", 0, KF_INT, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.", NULL},
	{"template", 0, KF_STRING, NULL, "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].", NULL},
	{"sort-by", 0, KF_STRING, NULL, "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.", NULL},
	{"filename", 'f', KF_STRING, NULL, "Filename, directory, or URL to files identifying the resource to get from a server.", NULL},
	{"kustomize", 'k', KF_STRING, NULL, "Process the kustomization directory. This flag can't be used together with -f or -R.", NULL},
	{"recursive", 'R', KF_BOOL, NULL, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.", NULL},
	{"raw", 0, KF_STRING, NULL, "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.", NULL},
	{"show-kind", 0, KF_BOOL, NULL, "If present, list the resource type for the requested object(s).", NULL},
	{"allow-missing-template-keys", 0, KF_BOOL, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", NULL},
	{"server-print", 0, KF_BOOL, "true", "If true, have the server return the appropriate table output. Supports extension APIs and CRDs.", NULL},
	{"show-managed-fields", 0, KF_BOOL, NULL, "If true, keep the managedFields when printing objects in JSON or YAML format.", NULL},
	{"output-watch-events", 0, KF_BOOL, NULL, "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.", NULL},
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

struct custom_columns {
	char **headers;
	char **tmpls;
	size_t n;
};

/* The printer -o (and --template) ask for. */
struct get_printer {
	enum out_kind out;
	char *tmpl;          /* OUT_JSONPATH: the template (read from the file for jsonpath-file) */
	bool as_json;        /* jsonpath-as-json */
	struct custom_columns cc; /* OUT_CUSTOM */
	bool always_headers; /* custom-columns-file: NewCustomColumnsPrinterFromTemplate sets NoHeaders false */
	/*
	 * kubectl builds a non-table printer only after the objects are read
	 * (printGeneric), so its errors are not printed at once but kept here
	 * (empty when the printer is fine).
	 */
	char err[1024];
};

static int custom_columns_parse(const char *spec, struct custom_columns *cc, char *why, size_t len);
static int custom_columns_parse_file(const char *text, struct custom_columns *cc, char *why, size_t len);
static void custom_columns_free(struct custom_columns *cc);

/* A file a printer reads, or Go's *PathError text for why it could not be read. */
static char *
printer_read_file(const char *path, char *why, size_t len)
{
	struct ks_err err;
	char *text;
	size_t n;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		const char *msg = strerror(errno);

		snprintf(why, len, "open %s: %c%s", path, tolower((unsigned char)msg[0]), msg + 1);
		return NULL;
	}
	if (file_read_stream(f, path, FILE_MAX_MANIFEST, "a template", &text, &n, &err) < 0) {
		const char *msg = strerror(errno != 0 ? errno : EIO);

		fclose(f);
		snprintf(why, len, "read %s: %c%s", path, tolower((unsigned char)msg[0]), msg + 1);
		return NULL;
	}
	fclose(f);
	return text;
}

/*
 * get's PrintFlags.ToPrinter (cmd/get/get_flags.go): JSON/YAML, name,
 * templates (JSONPath), custom columns, then the human-readable table.
 * Only json, yaml and name are matched case-insensitively
 * (strings.ToLower in their ToPrinter); a --template without -o means
 * go-template, and with -o jsonpath or custom-columns it is the template.
 */
static void
parse_output(struct kctl_call *call, struct get_printer *p)
{
	static const struct {
		const char *name;
		enum out_kind out;
		bool any_case;
	} simple[] = {
		{"json", OUT_JSON, true},
		{"yaml", OUT_YAML, true},
		{"name", OUT_NAME, true},
		{"wide", OUT_WIDE, false},
	};
	const char *o = kctl_str(call, "output");
	const char *targ = kctl_str(call, "template");
	char format[64];
	const char *value = NULL;
	size_t n;

	memset(p, 0, sizeof p[0]);
	if (o[0] == '\0' && targ[0] != '\0')
		o = "go-template";
	if (o[0] == '\0') {
		p->out = OUT_TABLE;
		return;
	}
	for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
		if ((simple[i].any_case ? strcasecmp(o, simple[i].name) : strcmp(o, simple[i].name)) == 0) {
			p->out = simple[i].out;
			return;
		}
	p->out = OUT_JSON; /* never printed when err is set */
	if (kctl_template_message(o, p->err, sizeof p->err)) {
		/* GoTemplatePrintFlags: no template at all is its own error. */
		if (strchr(o, '=') == NULL && targ[0] == '\0')
			snprintf(p->err, sizeof p->err, "template format specified but no template given");
		else if (strcmp(o + strcspn(o, "="), "=") == 0 && targ[0] == '\0')
			snprintf(p->err, sizeof p->err, "template format specified but no template given");
		return;
	}
	/* JSONPathPrintFlags / CustomColumnsPrintFlags: FORMAT=VALUE, or FORMAT and --template. */
	n = strcspn(o, "=");
	snprintf(format, sizeof format, "%.*s", (int)(n < sizeof format ? n : sizeof format - 1), o);
	if (targ[0] != '\0') {
		if (o[n] == '\0')
			value = targ;
	} else
		value = o[n] == '=' ? o + n + 1 : "";
	if (value != NULL && n < sizeof format &&
	    (strcmp(format, "jsonpath") == 0 || strcmp(format, "jsonpath-file") == 0 ||
		strcmp(format, "jsonpath-as-json") == 0)) {
		p->out = OUT_JSONPATH;
		p->as_json = strcmp(format, "jsonpath-as-json") == 0;
		if (value[0] == '\0')
			snprintf(p->err, sizeof p->err, "template format specified but no template given");
		else if (strcmp(format, "jsonpath-file") == 0) {
			char why[768];

			p->tmpl = printer_read_file(value, why, sizeof why);
			if (p->tmpl == NULL)
				snprintf(p->err, sizeof p->err, "error reading --template %s, %s", value, why);
		} else
			p->tmpl = xstrdup(value);
		return;
	}
	if (value != NULL && n < sizeof format &&
	    (strcmp(format, "custom-columns") == 0 || strcmp(format, "custom-columns-file") == 0)) {
		p->out = OUT_CUSTOM;
		if (value[0] == '\0')
			snprintf(p->err, sizeof p->err, "custom-columns format specified but no custom columns given");
		else if (strcmp(format, "custom-columns-file") == 0) {
			char why[768];
			char *text = printer_read_file(value, why, sizeof why);

			if (text == NULL)
				snprintf(p->err, sizeof p->err, "error reading template %s, %s", value, why);
			else
				custom_columns_parse_file(text, &p->cc, p->err, sizeof p->err);
			p->always_headers = true;
			free(text);
		} else
			custom_columns_parse(value, &p->cc, p->err, sizeof p->err);
		return;
	}
	snprintf(p->err, sizeof p->err,
	    "unable to match a printer suitable for the output format \"%s\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml",
	    o);
}

static void
get_printer_free(struct get_printer *p)
{
	free(p->tmpl);
	custom_columns_free(&p->cc);
}

/* -o json, yaml, jsonpath and jsonpath-as-json of one object or a List. */
static int
get_print_doc(struct kctl_call *call, const struct get_printer *p, const cJSON *doc)
{
	struct strbuf text = STRBUF_INIT;
	struct ks_err err;
	int rc = 0;

	if (p->out == OUT_JSONPATH) {
		if (jsonpath_eval_printer(p->tmpl, doc, p->as_json, kctl_bool(call, "allow-missing-template-keys"),
			&text, &err) < 0)
			rc = kctl_error(call, "%s", err.msg);
		kctl_out(call->res, "%s", sb_str(&text));
		sb_free(&text);
		return rc;
	}
	return kctl_print_doc(call, p->out == OUT_YAML ? "yaml" : "json", doc);
}

struct type_group {
	enum kind kind;
	struct vec objs;
};

/* ---- --sort-by (cmd/get/sorter.go) ---- */

struct sort_item {
	struct object *obj;
	cJSON *doc;
	const cJSON *key; /* values[0][0] in doc, NULL when the field is missing */
};

/*
 * sortorder.NaturalLess (github.com/fvbommel/sortorder), which isLess uses
 * for strings: runs of digits compare as numbers, digits sort before other
 * bytes, and of two equal numbers the one with fewer leading zeros first.
 */
static bool
natural_less(const char *s1, const char *s2)
{
	size_t i1 = 0, i2 = 0, n1 = strlen(s1), n2 = strlen(s2);

	while (i1 < n1 && i2 < n2) {
		unsigned char c1 = s1[i1], c2 = s2[i2];
		bool d1 = c1 >= '0' && c1 <= '9', d2 = c2 >= '0' && c2 <= '9';
		size_t z1, z2;
		int c;

		if (d1 != d2)
			return d1;
		if (!d1) {
			if (c1 != c2)
				return c1 < c2;
			i1++;
			i2++;
			continue;
		}
		while (i1 < n1 && s1[i1] == '0')
			i1++;
		while (i2 < n2 && s2[i2] == '0')
			i2++;
		z1 = i1;
		z2 = i2;
		while (i1 < n1 && s1[i1] >= '0' && s1[i1] <= '9')
			i1++;
		while (i2 < n2 && s2[i2] >= '0' && s2[i2] <= '9')
			i2++;
		if (i1 - z1 != i2 - z2)
			return i1 - z1 < i2 - z2;
		c = strncmp(s1 + z1, s2 + z2, i1 - z1);
		if (c != 0)
			return c < 0;
		if (z1 != z2)
			return z1 < z2;
	}
	return n1 < n2;
}

/*
 * isLess for the values of an unstructured object: strings that both parse
 * as quantities compare as quantities, other strings naturally; numbers as
 * numbers. kubectl exits on other types (klog.Exitf "unsortable type");
 * kubesim leaves them where they are.
 */
static bool
sort_value_less(const cJSON *i, const cJSON *j)
{
	if (cJSON_IsNull(i) && cJSON_IsNull(j))
		return false;
	if (cJSON_IsNull(i))
		return true;
	if (cJSON_IsNull(j))
		return false;
	if (cJSON_IsString(i) && cJSON_IsString(j)) {
		struct quantity qi, qj;
		struct ks_err err;

		if (qty_parse(i->valuestring, &qi, &err) == 0 && qty_parse(j->valuestring, &qj, &err) == 0)
			return qi.milli < qj.milli;
		return natural_less(i->valuestring, j->valuestring);
	}
	if (cJSON_IsNumber(i) && cJSON_IsNumber(j))
		return i->valuedouble < j->valuedouble;
	return false;
}

/* RuntimeSort.Less: an object without the field is less than any other. */
static bool
sort_less(void *ctx, long i, long j)
{
	struct sort_item *items = ctx;

	if (items[i].key == NULL)
		return true;
	if (items[j].key == NULL)
		return false;
	return sort_value_less(items[i].key, items[j].key);
}

static void
sort_swap(void *ctx, long i, long j)
{
	struct sort_item *items = ctx, t = items[i];

	items[i] = items[j];
	items[j] = t;
}

/*
 * SortObjects: sort.Sort over the objects in the order the server listed
 * them (so ties, and objects without the field, land where Go's pdqsort
 * puts them, which is not a stable order past 12 objects).
 */
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
		items[i].obj = objs->v[i];
		items[i].doc = encode_object(objs->v[i], cluster_now(call->c));
		if (jsonpath_first(tmpl, items[i].doc, &items[i].key, &err) < 0)
			rc = kctl_error(call, "%s", err.msg);
		found += items[i].key != NULL;
	}
	/* sorter.go: a path no object has is an error, not an unsorted list. */
	if (rc == 0 && objs->n > 0 && found == 0)
		rc = kctl_error(call, "couldn't find any field with path \"%s\" in the list of objects", tmpl);
	if (rc == 0) {
		struct gosort_iface data = {items, sort_less, sort_swap};

		gosort_sort(&data, (long)objs->n);
		for (size_t i = 0; i < objs->n; i++)
			objs->v[i] = items[i].obj;
	}
	for (size_t i = 0; i < objs->n; i++)
		encode_free(items[i].doc);
	free(items);
	free(tmpl);
	return rc;
}

struct table_sort {
	struct sort_item *items;
	struct type_group *tabs;
};

static void
table_sort_swap(void *ctx, long i, long j)
{
	struct table_sort *ts = ctx;
	struct type_group t = ts->tabs[i];

	sort_swap(ts->items, i, j);
	ts->tabs[i] = ts->tabs[j];
	ts->tabs[j] = t;
}

static bool
table_sort_less(void *ctx, long i, long j)
{
	return sort_less(((struct table_sort *)ctx)->items, i, j);
}

/*
 * --sort-by when the server sent several Tables (one per type listed, one
 * per object named): RuntimeSorter gets them as unstructured objects, not
 * *metav1.Table, so it sorts the Tables themselves by the field in their
 * own JSON (sorter.go Sort, SortObjects) instead of sorting rows, and a
 * field of the objects is in none of them. tabs[] are reordered.
 */
static int
sort_tables(struct kctl_call *call, struct type_group *tabs, size_t n, bool single, const char *field)
{
	struct api_table_opts to = {"meta.k8s.io/v1", API_INCLUDE_OBJECT, single, NULL, false,
		cluster_now(call->c)};
	struct sort_item *items;
	struct ks_err err;
	char *tmpl = jsonpath_relaxed(field, &err);
	size_t found = 0;
	int rc = 0;

	if (tmpl == NULL)
		return kctl_error(call, "%s", err.msg);
	items = xcalloc(n + 1, sizeof *items);
	for (size_t i = 0; i < n && rc == 0; i++) {
		items[i].doc = api_table(tabs[i].kind, (struct object *const *)tabs[i].objs.v, tabs[i].objs.n, &to);
		if (jsonpath_first(tmpl, items[i].doc, &items[i].key, &err) < 0)
			rc = kctl_error(call, "%s", err.msg);
		found += items[i].key != NULL;
	}
	if (rc == 0 && found == 0)
		rc = kctl_error(call, "couldn't find any field with path \"%s\" in the list of objects", tmpl);
	if (rc == 0) {
		struct table_sort ts = {items, tabs};
		struct gosort_iface data = {&ts, table_sort_less, table_sort_swap};

		gosort_sort(&data, (long)n);
	}
	for (size_t i = 0; i < n; i++)
		cJSON_Delete(items[i].doc);
	free(items);
	free(tmpl);
	return rc;
}

/* ---- -o custom-columns (cmd/get/customcolumn.go) ---- */

static void
custom_columns_free(struct custom_columns *cc)
{
	for (size_t c = 0; c < cc->n; c++) {
		free(cc->headers[c]);
		free(cc->tmpls[c]);
	}
	free(cc->headers);
	free(cc->tmpls);
	memset(cc, 0, sizeof *cc);
}

/* One column: its header and RelaxedJSONPathExpression(spec); -1 with the error in why. */
static int
custom_columns_add(struct custom_columns *cc, const char *header, const char *spec, char *why, size_t len)
{
	struct ks_err err;
	char *tmpl = jsonpath_relaxed(spec, &err);

	if (tmpl == NULL) {
		snprintf(why, len, "%s", err.msg);
		return -1;
	}
	cc->headers = xreallocarray(cc->headers, cc->n + 1, sizeof *cc->headers);
	cc->tmpls = xreallocarray(cc->tmpls, cc->n + 1, sizeof *cc->tmpls);
	cc->headers[cc->n] = xstrdup(header);
	cc->tmpls[cc->n++] = tmpl;
	return 0;
}

/* NewCustomColumnsPrinterFromSpec: 0, or -1 with its error in why. */
static int
custom_columns_parse(const char *spec, struct custom_columns *cc, char *why, size_t len)
{
	char *copy, *save = NULL;
	int rc = 0;

	memset(cc, 0, sizeof *cc);
	if (spec[0] == '\0') {
		snprintf(why, len, "custom-columns format specified but no custom columns given");
		return -1;
	}
	copy = xstrdup(spec);
	for (char *part = strtok_r(copy, ",", &save); part != NULL; part = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(part, ':');

		if (colon == NULL) {
			snprintf(why, len, "unexpected custom-columns spec: %s, expected <header>:<json-path-expr>", part);
			rc = -1;
			break;
		}
		*colon = '\0';
		if ((rc = custom_columns_add(cc, part, colon + 1, why, len)) < 0)
			break;
	}
	free(copy);
	if (rc < 0)
		custom_columns_free(cc);
	return rc;
}

/* splitOnWhitespace: strings.Fields after collapsing runs of spaces and tabs. */
static char **
split_fields(const char *line, size_t *n)
{
	char **v = NULL;
	const char *p = line;

	*n = 0;
	for (;;) {
		size_t len;

		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\v' || *p == '\f')
			p++;
		if (*p == '\0')
			break;
		len = strcspn(p, " \t\r\v\f");
		v = xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = xstrndup(p, len);
		p += len;
	}
	return v;
}

static void
fields_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* NewCustomColumnsPrinterFromTemplate: a line of headers, a line of specs. */
static int
custom_columns_parse_file(const char *text, struct custom_columns *cc, char *why, size_t len)
{
	const char *nl = strchr(text, '\n');
	char *first, *second;
	char **heads, **specs;
	size_t nh, ns;
	int rc = 0;

	memset(cc, 0, sizeof *cc);
	if (text[0] == '\0') {
		snprintf(why, len, "invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.");
		return -1;
	}
	if (nl == NULL || nl[1] == '\0') {
		snprintf(why, len, "invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.");
		return -1;
	}
	first = xstrndup(text, (size_t)(nl - text));
	second = xstrndup(nl + 1, strcspn(nl + 1, "\n"));
	heads = split_fields(first, &nh);
	specs = split_fields(second, &ns);
	if (nh != ns) {
		snprintf(why, len, "number of headers (%zu) and field specifications (%zu) don't match", nh, ns);
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < nh; i++)
		rc = custom_columns_add(cc, heads[i], specs[i], why, len);
	if (rc < 0)
		custom_columns_free(cc);
	fields_free(heads, nh);
	fields_free(specs, ns);
	free(first);
	free(second);
	return rc;
}

/*
 * printGeneric hands the printer one List, so the header is printed once,
 * even when the list is empty.
 */
static int
print_custom_columns(struct kctl_call *call, const struct custom_columns *ccp, bool headers,
    struct object *const *objs, size_t n)
{
	struct tabwriter tw = TABWRITER_KUBECTL;
	struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;
	const struct custom_columns cc = *ccp;
	struct ks_err err;
	int rc = 0;

	for (size_t c = 0; c < cc.n && headers; c++)
		sb_addf(&text, "%s%s", cc.headers[c], c + 1 < cc.n ? "\t" : "\n");
	for (size_t i = 0; i < n && rc == 0; i++) {
		cJSON *doc = encode_object(objs[i], cluster_now(call->c));

		for (size_t c = 0; c < cc.n; c++) {
			size_t count, at = text.len;

			if (jsonpath_column(cc.tmpls[c], doc, &text, &count, &err) < 0) {
				rc = kctl_error(call, "%s", err.msg);
				break;
			}
			if (count == 0)
				sb_add(&text, "<none>");
			/* EscapeTerminal: no raw control characters reach the terminal. */
			for (size_t k = at; k < text.len; k++)
				if (text.s[k] == '\t' || text.s[k] == '\n')
					text.s[k] = ' ';
			sb_addc(&text, c + 1 < cc.n ? '\t' : '\n');
		}
		encode_free(doc);
	}
	if (rc == 0) {
		tabwriter_format(&tw, text.s ? text.s : "", text.len, &out);
		kctl_out(call->res, "%s", sb_str(&out));
	}
	sb_free(&text);
	sb_free(&out);
	return rc;
}

static void
runs_free(struct type_group *runs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vec_free(&runs[i].objs);
	free(runs);
}

/*
 * Every object got, in the order kubectl visits them: the files' or the
 * arguments' order for named objects (visit), else type by type.
 */
static void
objects_in_order(const struct vec *visit, const struct type_group *groups, size_t ngroups,
    struct vec *flat)
{
	if (visit->n > 0)
		for (size_t i = 0; i < visit->n; i++)
			vec_push(flat, visit->v[i]);
	else
		for (size_t g = 0; g < ngroups; g++)
			for (size_t i = 0; i < groups[g].objs.n; i++)
				vec_push(flat, groups[g].objs.v[i]);
}

/* Tables of n objects: a new one wherever the kind changes (get.go's new printer per mapping). */
static struct type_group *
runs_of(const struct vec *objs, size_t *nruns)
{
	struct type_group *runs = xcalloc(objs->n + 1, sizeof *runs);

	*nruns = 0;
	for (size_t i = 0; i < objs->n; i++) {
		enum kind k = ((struct object *)objs->v[i])->kind;

		if (*nruns == 0 || runs[*nruns - 1].kind != k)
			runs[(*nruns)++].kind = k;
		vec_push(&runs[*nruns - 1].objs, objs->v[i]);
	}
	return runs;
}

/*
 * get --raw PATH: the request as is, its body printed as the server sent
 * it. kubesim answers /version (as tests/compare's stand-in serves it) and
 * nothing else.
 */
static int
get_raw(struct kctl_call *call)
{
	const char *raw = kctl_str(call, "raw");

	/* GetOptions.Validate */
	if (kctl_bool(call, "watch") || kctl_bool(call, "watch-only") || kctl_str(call, "selector")[0] != '\0')
		return kctl_error(call, "--raw may not be specified with other flags that filter the server request or alter the output");
	if (kctl_str(call, "output")[0] != '\0')
		return kctl_error(call, "--raw and --output are mutually exclusive");
	/* url.ParseRequestURI: an absolute path or an absolute URL. */
	if (raw[0] != '/' && strstr(raw, "://") == NULL)
		return kctl_error(call, "--raw must be a valid URL path: parse \"%s\": invalid URI for request", raw);
	if (strcmp(raw, "/version") == 0 || strcmp(raw, "/version/") == 0) {
		/* RawGet copies the body to stdout as the server wrote it. */
		kctl_out(call->res, "%s", api_version_body());
		return 0;
	}
	kctl_err(call->res, "%s", "Error from server (NotFound): the server could not find the requested resource\n");
	return call->res->status = 1;
}

/*
 * FilenameParam: -f and -k exclude each other, every -f path must exist,
 * and kubesim has no kustomize to build a -k directory with. 0, or 1 with
 * kubectl's error printed.
 */
static int
get_check_files(struct kctl_call *call)
{
	const char *k = kctl_str(call, "kustomize");
	struct stat sb;

	if (kctl_given(call, "filename") && kctl_given(call, "kustomize"))
		return kctl_error(call, "only one of -f or -k can be specified");
	if (kctl_given(call, "kustomize")) {
		/* krusty's errors, which kubectl prints without its "error: ". */
		if (lstat(k, &sb) < 0) {
			kctl_err(call->res,
			    "must build at directory: not a valid directory: evalsymlink failure on '%s' : lstat %s: no such file or directory\n",
			    k, k);
			return call->res->status = 1;
		}
		return kctl_error(call, "kubesim's built-in kubectl does not run kustomize (kubectl get -k); use the real kubectl against `kubesim serve`");
	}
	for (const char *all = kctl_str(call, "filename"); *all != '\0';) {
		size_t n = strcspn(all, "\n");
		char *path = xstrndup(all, n);

		all += n + (all[n] == '\n');
		if (strcmp(path, "-") != 0 && stat(path, &sb) < 0) {
			kctl_error(call, "the path \"%s\" does not exist", path);
			free(path);
			return 1;
		}
		free(path);
	}
	return 0;
}

/* Does a by-name get name a namespaced type (all types known)? */
static bool
get_names_across_namespaces(struct kctl_call *call)
{
	bool namespaced = false;

	for (size_t i = 0; i < call->n_args; i++) {
		const char *a = call->args[i], *slash = strchr(a, '/');
		char *types = slash != NULL ? xstrndup(a, (size_t)(slash - a)) : xstrdup(a);
		char *save = NULL;

		for (char *t = strtok_r(types, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save)) {
			enum kind kd;

			if (strcmp(t, "all") == 0) {
				namespaced = true;
				continue;
			}
			/* An unknown type is the error kubectl reports first. */
			if (kctl_resource(t, &kd) < 0) {
				free(types);
				return false;
			}
			namespaced = namespaced || kind_namespaced(kd);
		}
		free(types);
		if (slash == NULL)
			break; /* TYPE NAME...: only the first argument holds types */
	}
	return namespaced;
}

static int
get_exec(struct kctl_call *call)
{
	struct store *st = call->c->store;
	struct type_group groups[KIND__COUNT];
	size_t ngroups = 0;
	struct type_group *runs = NULL; /* tables sorted across types: runs of one type */
	size_t nruns = 0;
	struct get_printer pr;
	enum out_kind out;
	/* printGeneric's printers, as opposed to the human-readable table. */
	bool generic;
	bool all_ns = kctl_bool(call, "all-namespaces");
	const char *ns = all_ns ? NULL : call->ns;
	struct label_selector sel;
	struct vec freqs = VEC_INIT;
	struct ks_err err;
	bool by_name = false;
	/* --server-print: tables from the server (kubectl's default), or the objects themselves. */
	bool server_print = kctl_bool(call, "server-print");
	bool category = false, sort_failed = false;
	bool from_files = false, files_implied = false;
	char sel_err[KS_ERR_MAX] = ""; /* why the server would refuse the selectors */
	struct vec visit = VEC_INIT; /* -f, TYPE/NAME: the objects named, in the order of the files or arguments */
	/* get prints what it found, then the objects it could not find. */
	struct strbuf notfound = STRBUF_INIT;
	int status = 0;
	size_t total = 0;

	/* GetOptions.Complete: --raw is a request of its own. */
	if (kctl_given(call, "raw")) {
		if (call->n_args > 0)
			return kctl_error(call, "arguments may not be passed when --raw is specified");
		if (kctl_str(call, "raw")[0] != '\0')
			return get_raw(call);
	}
	/* GetOptions.Validate */
	if (kctl_bool(call, "show-labels")) {
		const char *o = kctl_str(call, "output");

		if (o[0] != '\0' && strcmp(o, "wide") != 0)
			return kctl_error(call, "--show-labels option cannot be used with %s printer", o);
	}
	if (kctl_bool(call, "output-watch-events") && !kctl_bool(call, "watch") && !kctl_bool(call, "watch-only"))
		return kctl_error(call, "--output-watch-events option can only be used with --watch or --watch-only");
	if (kctl_bool(call, "watch") || kctl_bool(call, "watch-only"))
		return kctl_error(call, "kubesim's built-in kubectl does not watch (kubectl get -w); use the real kubectl against `kubesim serve`");
	if (kctl_given(call, "filename") || kctl_given(call, "kustomize")) {
		if (get_check_files(call) != 0)
			return call->res->status;
		from_files = true;
	}

	if (call->n_args == 0 && !from_files) {
		kctl_err(call->res, "%s", "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n");
		return call->res->status = 1;
	}
	/*
	 * The builder's ResourceTypeOrNameArgs and visitBySelector: names and
	 * selectors do not mix.
	 */
	/* ResourceTypeOrNameArgs: TYPE/NAME throughout, or not at all. */
	switch (kctl_combined_type_args(call, call->args, call->n_args)) {
	case 1:
		for (size_t i = 0; i < call->n_args; i++) {
			const char *a = call->args[i], *slash = strchr(a, '/');

			/* splitResourceTypeName */
			if (strchr(slash + 1, '/') != NULL)
				return kctl_error(call, "arguments in resource/name form may not have more than one slash");
			if (slash == a || slash[1] == '\0' || memchr(a, ',', (size_t)(slash - a)) != NULL)
				return kctl_error(call, "arguments in resource/name form must have a single resource and name");
		}
		break;
	case 2:
		return call->res->status;
	}
	/* visitByPaths: files name the objects, and nothing else may. */
	if (from_files && call->n_args > 0) {
		if (strchr(call->args[0], '/') != NULL)
			return kctl_error(call, "resource/name arguments cannot be provided when a path is specified");
		return kctl_error(call, "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
	}
	/*
	 * visitByResource and visitByName: once every type is known, a
	 * namespaced one cannot be got by name with -A.
	 */
	if (all_ns && !from_files && (strchr(call->args[0], '/') != NULL || call->n_args > 1) &&
	    get_names_across_namespaces(call))
		return kctl_error(call, "a resource cannot be retrieved by name across all namespaces");
	if (!from_files && (kctl_str(call, "selector")[0] != '\0' || kctl_str(call, "field-selector")[0] != '\0')) {
		if (strchr(call->args[0], '/') != NULL)
			return kctl_error(call, "selectors and the all flag cannot be used when passing resource/name arguments");
		if (call->n_args > 1)
			return kctl_error(call, "name cannot be provided when a selector is specified");
	}
	/*
	 * kubectl sends the selectors as they are: the server parses them
	 * (label selector first, as ListOptions converts them) and a bad one
	 * is its BadRequest for each list (see the list below).
	 */
	if (sel_parse(kctl_str(call, "selector"), &sel, &err) < 0) {
		snprintf(sel_err, sizeof sel_err, "%s", err.msg);
		sel_init(&sel);
	} else
		(void)kctl_field_selector_parse(kctl_str(call, "field-selector"), &freqs, sel_err, sizeof sel_err);
	memset(groups, 0, sizeof groups);
	parse_output(call, &pr);
	out = pr.out;
	generic = out != OUT_TABLE && out != OUT_WIDE;

	if (from_files) {
		/* -f: each object in the files, got from the server by kind, namespace and name. */
		struct vec srcs = VEC_INIT;

		by_name = true;
		if (kctl_sources(call, &srcs, &err) < 0) {
			kctl_err(call->res, "error: %s\n", err.msg);
			status = 1;
		}
		for (size_t f = 0; f < srcs.n; f++) {
			struct vec objs = VEC_INIT;

			if (kctl_read_manifests(call, srcs.v[f], &objs, NULL, NULL, &err) < 0) {
				sb_addf(&notfound, "error: %s\n", err.msg);
				status = 1;
			}
			for (size_t i = 0; i < objs.n; i++) {
				struct object *o = objs.v[i];
				const char *name = o->meta.name ? o->meta.name : "";
				struct object *live = store_get(st, o->kind,
				    kind_namespaced(o->kind) ? (o->meta.ns ? o->meta.ns : call->ns) : NULL, name);
				size_t g;

				for (g = 0; g < ngroups && groups[g].kind != o->kind; g++)
					;
				if (g == ngroups)
					groups[ngroups++].kind = o->kind;
				if (live == NULL) {
					sb_addf(&notfound, "Error from server (NotFound): %s \"%s\" not found\n",
					    kind_resource(o->kind), name);
					status = 1;
				} else {
					vec_push(&groups[g].objs, live);
					vec_push(&visit, live);
				}
				object_free(o);
			}
			vec_free(&objs);
		}
		/* Result.singleItemImplied: one path, not a directory. */
		files_implied = srcs.n == 1 && kctl_str(call, "filename")[strcspn(kctl_str(call, "filename"), "\n")] == '\0' &&
		    strcmp(srcs.v[0], kctl_str(call, "filename")) == 0;
		for (size_t f = 0; f < srcs.n; f++)
			free(srcs.v[f]);
		vec_free(&srcs);
	} else if (strchr(call->args[0], '/') != NULL) {
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
				get_printer_free(&pr);
				vec_free(&visit);
				sb_free(&notfound);
				return kctl_error(call,
				    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
			}
			snprintf(type, sizeof type, "%.*s", (int)(slash - call->args[i]), call->args[i]);
			if (kctl_resource(type, &k) < 0) {
				sel_free(&sel);
				kctl_field_reqs_free(&freqs);
				get_printer_free(&pr);
				vec_free(&visit);
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
			} else {
				vec_push(&groups[g].objs, o);
				vec_push(&visit, o); /* the order of the arguments, for sort_tables */
			}
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
				get_printer_free(&pr);
				vec_free(&visit);
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
			if (sel_err[0] != '\0') {
				char gvr[128];

				/* resource.Selector.Visit frames the server's BadRequest. */
				sb_addf(&notfound, "Error from server (BadRequest): Unable to find \"%s\" that match label selector \"%s\", field selector \"%s\": %s\n",
				    kctl_gvr(k, gvr, sizeof gvr), kctl_str(call, "selector"),
				    kctl_str(call, "field-selector"), sel_err);
				status = 1;
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

					char gvr[128];

					kctl_err(call->res, "Error from server (BadRequest): Unable to find \"%s\" that match label selector \"%s\", field selector \"%s\": ",
					    kctl_gvr(o->kind, gvr, sizeof gvr), kctl_str(call, "selector"), kctl_str(call, "field-selector"));
					if (own)
						kctl_err(call->res, "field label not supported: %s\n", r->field);
					else
						kctl_err(call->res, "\"%s\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"\n",
						    r->field);
					call->res->status = 1;
					sel_free(&sel);
					kctl_field_reqs_free(&freqs);
					get_printer_free(&pr);
					vec_free(&visit);
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
		/* One Table from the server: kubectl sorts its rows (TableSorter). */
		if (kctl_str(call, "sort-by")[0] != '\0' && !generic && server_print && ngroups == 1 &&
		    (!by_name || j <= 1) && sort_objects(call, v, kctl_str(call, "sort-by")) != 0)
			sort_failed = true;
	}
	/*
	 * Several Tables from the server with --sort-by: one per type listed
	 * (empty ones too), one per object named. Sorted as Tables (see
	 * sort_tables), then printed one after another, a new table whenever
	 * the type changes (get.go keeps its printer while the mapping stays).
	 */
	if (kctl_str(call, "sort-by")[0] != '\0' && !generic && !sort_failed && server_print &&
	    (by_name ? total > 1 : ngroups > 1 && sel_err[0] == '\0')) {
		struct type_group *tabs = xcalloc((by_name ? total : ngroups) + 1, sizeof *tabs);
		struct vec sorted = VEC_INIT, none = VEC_INIT;
		size_t ntabs = 0;

		if (by_name && visit.n > 0) {
			for (size_t i = 0; i < visit.n; i++) {
				tabs[ntabs].kind = ((struct object *)visit.v[i])->kind;
				vec_push(&tabs[ntabs++].objs, visit.v[i]);
			}
		} else
			for (size_t g = 0; g < ngroups; g++) {
				if (!by_name) {
					tabs[ntabs].kind = groups[g].kind;
					for (size_t i = 0; i < groups[g].objs.n; i++)
						vec_push(&tabs[ntabs].objs, groups[g].objs.v[i]);
					ntabs++;
					continue;
				}
				for (size_t i = 0; i < groups[g].objs.n; i++) {
					tabs[ntabs].kind = groups[g].kind;
					vec_push(&tabs[ntabs++].objs, groups[g].objs.v[i]);
				}
			}
		if (sort_tables(call, tabs, ntabs, by_name, kctl_str(call, "sort-by")) != 0)
			sort_failed = true;
		objects_in_order(&none, tabs, ntabs, &sorted); /* the tables' objects, in their new order */
		runs = runs_of(&sorted, &nruns);
		vec_free(&sorted);
		runs_free(tabs, ntabs);
	}
	/*
	 * --server-print=false: kubectl gets the objects themselves, and
	 * RuntimeSorter sorts them all together (when more than one), a new
	 * table wherever the type changes.
	 */
	if (kctl_str(call, "sort-by")[0] != '\0' && !generic && !sort_failed && !server_print && total > 1) {
		struct vec flat = VEC_INIT;

		objects_in_order(&visit, groups, ngroups, &flat);
		if (sort_objects(call, &flat, kctl_str(call, "sort-by")) != 0)
			sort_failed = true;
		runs = runs_of(&flat, &nruns);
		vec_free(&flat);
	}
	/*
	 * -f and TYPE/NAME tables: a new table whenever the type changes, in
	 * the order of the files or arguments.
	 */
	if (visit.n > 0 && !generic && runs == NULL && !sort_failed)
		runs = runs_of(&visit, &nruns);

	if (sort_failed) {
		vec_free(&visit);
		runs_free(runs, nruns);
		sel_free(&sel);
		kctl_field_reqs_free(&freqs);
		get_printer_free(&pr);
		vec_free(&visit);
		sb_free(&notfound);
		for (size_t x = 0; x < ngroups; x++)
			vec_free(&groups[x].objs);
		return call->res->status = 1;
	}

	if (generic) {
		/*
		 * printGeneric: one name (IntoSingleItemImplied) that is missing is
		 * only its error; otherwise the printer is built, the objects are
		 * made one List (one object for one name), sorted by --sort-by
		 * (SortingPrinter), printed, and the errors follow. Nothing says
		 * "No resources found" here.
		 */
		struct vec flat = VEC_INIT;
		bool implied = from_files ? files_implied
					  : ngroups == 1 && (strchr(call->args[0], '/') != NULL ? call->n_args == 1 : call->n_args == 2);
		bool single = implied && total == 1;
		const char *sort_by = kctl_str(call, "sort-by");
		cJSON *doc;

		objects_in_order(&visit, groups, ngroups, &flat);
		if ((implied && notfound.len > 0) || (flat.n == 0 && kctl_bool(call, "ignore-not-found"))) {
			/* Only the error, or nothing at all. */
		} else if (pr.err[0] != '\0') {
			kctl_error(call, "%s", pr.err);
			sb_reset(&notfound);
		} else if (sort_by[0] != '\0' && !single && sort_objects(call, &flat, sort_by) != 0) {
			status = 1;
		} else if (out == OUT_CUSTOM) {
			if (print_custom_columns(call, &pr.cc, pr.always_headers || !kctl_bool(call, "no-headers"),
				(struct object *const *)flat.v, flat.n) != 0)
				status = 1;
		} else if (out == OUT_NAME) {
			for (size_t i = 0; i < flat.n; i++)
				kctl_out(call->res, "%s/%s\n", kctl_type_name(((struct object *)flat.v[i])->kind),
				    ((struct object *)flat.v[i])->meta.name);
		} else {
			doc = single ? encode_object(flat.v[0], cluster_now(call->c))
				     : encode_list((struct object *const *)flat.v, flat.n, cluster_now(call->c));
			if (get_print_doc(call, &pr, doc) != 0)
				status = 1;
			encode_free(doc);
		}
		if (pr.err[0] != '\0')
			status = 1;
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
		po.with_kind = ngroups > 1 || category || kctl_bool(call, "show-kind");
		po.show_labels = kctl_bool(call, "show-labels");
		po.client_side = !server_print;
		po.label_columns = cols;
		po.n_label_columns = ncols;
		for (size_t g = 0; g < (runs != NULL ? nruns : ngroups); g++) {
			const struct type_group *tg = runs != NULL ? &runs[g] : &groups[g];
			struct strbuf text = STRBUF_INIT;
			struct table *t;

			if (tg->objs.n == 0)
				continue;
			t = table_new();
			printers_table(tg->kind, (struct object *const *)tg->objs.v, tg->objs.n, &po,
			    cluster_now(call->c), t);
			sb_init(&text);
			table_render(t, kctl_bool(call, "no-headers"), &text);
			/* get.go's separatorWriter: a blank line between tables, only with headers. */
			kctl_out(call->res, "%s%s", printed && !kctl_bool(call, "no-headers") ? "\n" : "",
			    sb_str(&text));
			sb_free(&text);
			table_free(t);
			printed = true;
			/*
			 * get.go's printers share one HumanReadableFlags
			 * (PrintFlags.Copy copies the pointer), so once
			 * EnsureWithNamespace ran for a namespaced type, the
			 * cluster-scoped types printed after it keep NAMESPACE.
			 */
			if (all_ns && kind_namespaced(tg->kind))
				po.namespace_sticky = true;
		}
		free(label_cols);
	}
	/* get.go: "No resources found" only when nothing was written and nothing failed. */
	if (total == 0 && !by_name && !generic && notfound.len == 0) {
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
	runs_free(runs, nruns);
	sel_free(&sel);
	kctl_field_reqs_free(&freqs);
	get_printer_free(&pr);
	vec_free(&visit);
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
