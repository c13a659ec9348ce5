/*
 * decode.c - document trees to Node, Pod and DaemonSet objects.
 *
 * Each struct has one decoder that walks its mapping's keys in file order
 * and dispatches on the key; the field path is kept in a small stack so any
 * message can name "spec.template.spec.containers[0].resources". Kubernetes'
 * JSON decoding is strict about types (a plain `1` is not a string, and
 * go-yaml reads `yes` as a boolean), and so are we, because a learner who
 * writes `value: yes` in a toleration gets the same surprise from kubectl.
 */
#include "codec/decode.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/quantity.h"
#include "api/selector.h"
#include "api/taint.h"
#include "codec/jsontext.h"
#include "codec/ydoc.h"

#include <cjson/cJSON.h>
#include "util/atom.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

struct dec {
	const char *file;
	struct ks_err *err;
	struct strbuf *warnings;
	char path[1024];
	size_t plen;
	bool strict; /* unknown fields are errors (scenario files), not warnings */
	const struct ynode *cur_key; /* the mapping key being decoded, for positions */
	bool mapping_error;          /* a kind/version the server does not serve */
};

/* ---- path stack ---- */

static size_t
path_push(struct dec *d, const char *key)
{
	size_t old = d->plen;
	int n = snprintf(d->path + d->plen, sizeof d->path - d->plen, "%s%s",
	    d->plen > 0 ? "." : "", key);

	if (n > 0)
		d->plen += (size_t)n < sizeof d->path - d->plen ? (size_t)n : 0;
	return old;
}

static size_t
path_index(struct dec *d, size_t i)
{
	size_t old = d->plen;
	int n = snprintf(d->path + d->plen, sizeof d->path - d->plen, "[%zu]", i);

	if (n > 0)
		d->plen += (size_t)n < sizeof d->path - d->plen ? (size_t)n : 0;
	return old;
}

static void
path_pop(struct dec *d, size_t old)
{
	d->plen = old;
	d->path[old] = '\0';
}

static int
dec_fail(struct dec *d, const struct ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
dec_fail(struct dec *d, const struct ynode *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n != NULL)
		return err_set(d->err, "%s:%d:%d: %s%s%s", d->file, n->line, n->col, d->path,
		    d->plen ? ": " : "", msg);
	return err_set(d->err, "%s: %s%s%s", d->file, d->path, d->plen ? ": " : "", msg);
}

/* kubectl warns about a field the API does not know; a scenario's own keys must be right. */
static int
dec_unknown_here(struct dec *d)
{
	if (d->strict && d->cur_key != NULL)
		return err_set(d->err, "%s:%d:%d: unknown field \"%s\"", d->file, d->cur_key->line,
		    d->cur_key->col, d->path);
	if (d->strict)
		return err_set(d->err, "%s: unknown field \"%s\"", d->file, d->path);
	if (d->warnings != NULL)
		sb_addf(d->warnings, "Warning: unknown field \"%s\"\n", d->path);
	return 0;
}

static void
dec_unknown(struct dec *d, const char *key)
{
	if (d->warnings == NULL)
		return;
	sb_addf(d->warnings, "Warning: unknown field \"%s%s%s\"\n", d->path, d->plen ? "." : "", key);
}

/* ---- scalars ---- */

static bool
is_one_of(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

/* go-yaml v2's resolve(): the type a plain scalar becomes. */
const char *
decode_scalar_type(const struct ynode *n)
{
	static const char *const bools[] = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No",
		"NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off",
		"OFF", NULL};
	const char *s;
	char *end;

	if (n == NULL || ynode_is_null(n))
		return "null";
	if (n->type != YNODE_SCALAR || !n->plain)
		return n->type == YNODE_SCALAR ? "string" : (n->type == YNODE_MAP ? "map" : "list");
	s = n->value;
	if (is_one_of(s, bools))
		return "bool";
	errno = 0;
	(void)strtoll(s, &end, 0);
	if (*s != '\0' && *end == '\0')
		return "int";
	if (strspn(s, "+-.0123456789eE") == strlen(s) && strpbrk(s, "0123456789") != NULL) {
		(void)strtod(s, &end);
		if (*end == '\0')
			return "float";
	}
	if (strcmp(s, ".inf") == 0 || strcmp(s, "-.inf") == 0 || strcmp(s, ".nan") == 0)
		return "float";
	return "string";
}

static const char *
json_type(const struct ynode *n)
{
	const char *t = decode_scalar_type(n);

	if (strcmp(t, "int") == 0 || strcmp(t, "float") == 0)
		return "number";
	if (strcmp(t, "map") == 0)
		return "object";
	if (strcmp(t, "list") == 0)
		return "array";
	return t;
}

static int
want_map(struct dec *d, const struct ynode *n)
{
	if (n->type != YNODE_MAP)
		return dec_fail(d, n, "expected an object, got %s", json_type(n));
	return 0;
}

static int
want_seq(struct dec *d, const struct ynode *n)
{
	if (n->type != YNODE_SEQ)
		return dec_fail(d, n, "expected an array, got %s", json_type(n));
	return 0;
}

static int
dec_str(struct dec *d, const struct ynode *n, char **out)
{
	const char *t = decode_scalar_type(n);

	if (strcmp(t, "null") == 0)
		return 0;
	if (strcmp(t, "string") != 0) {
		if (n->type == YNODE_SCALAR)
			return dec_fail(d, n, "expected a string, got %s %s (quote it: \"%s\")",
			    json_type(n), n->value, n->value);
		return dec_fail(d, n, "expected a string, got %s", json_type(n));
	}
	free(*out);
	*out = xstrdup(n->value);
	return 0;
}

/* dec_str into an atom (util/atom.h): strings every pod of a DaemonSet repeats. */
static int
dec_atom(struct dec *d, const struct ynode *n, const char **out)
{
	char *s = NULL;
	int rc = dec_str(d, n, &s);

	if (rc == 0 && s != NULL)
		atom_set(out, s);
	free(s);
	return rc;
}

static int
dec_bool(struct dec *d, const struct ynode *n, bool *out)
{
	if (ynode_is_null(n))
		return 0;
	if (strcmp(decode_scalar_type(n), "bool") != 0)
		return dec_fail(d, n, "expected a boolean, got %s", json_type(n));
	*out = is_one_of(n->value, (const char *const[]){"y", "Y", "yes", "Yes", "YES", "true",
					"True", "TRUE", "on", "On", "ON", NULL});
	return 0;
}

static int
dec_int(struct dec *d, const struct ynode *n, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;
	long long v;

	if (ynode_is_null(n))
		return 0;
	if (strcmp(decode_scalar_type(n), "int") != 0)
		return dec_fail(d, n, "expected an integer, got %s", json_type(n));
	errno = 0;
	v = strtoll(n->value, &end, 0);
	if (errno != 0 || v < lo || v > hi)
		return dec_fail(d, n, "%s is out of range", n->value);
	*out = v;
	return 0;
}

static int
dec_int32(struct dec *d, const struct ynode *n, int32_t *out)
{
	int64_t v = *out;

	if (dec_int(d, n, INT32_MIN, INT32_MAX, &v) < 0)
		return -1;
	*out = (int32_t)v;
	return 0;
}

static int
dec_strv(struct dec *d, const struct ynode *n, char ***out, size_t *nout)
{
	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	*out = xcalloc(n->n ? n->n : 1, sizeof **out);
	*nout = 0;
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		char *s = NULL;

		if (dec_str(d, n->items[i], &s) < 0)
			return -1;
		path_pop(d, old);
		(*out)[(*nout)++] = s ? s : xstrdup("");
	}
	return 0;
}

static int
dec_labels(struct dec *d, const struct ynode *n, struct labels *out)
{
	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_push(d, n->keys[i]->value);
		char *v = NULL;

		if (dec_str(d, n->items[i], &v) < 0)
			return -1;
		path_pop(d, old);
		labels_set(out, n->keys[i]->value, v ? v : "");
		free(v);
	}
	return 0;
}

static int
dec_quantity(struct dec *d, const struct ynode *n, struct quantity *q)
{
	struct ks_err qerr;

	if (n->type != YNODE_SCALAR)
		return dec_fail(d, n, "expected a quantity, got %s", json_type(n));
	if (qty_parse(n->value, q, &qerr) < 0)
		return dec_fail(d, n, "%s", qerr.msg);
	return 0;
}

static int
dec_resources(struct dec *d, const struct ynode *n, struct res_list *out)
{
	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_push(d, n->keys[i]->value);
		struct quantity q;

		if (dec_quantity(d, n->items[i], &q) < 0)
			return -1;
		path_pop(d, old);
		res_list_set(out, n->keys[i]->value, q);
	}
	return 0;
}

static int
dec_intstr(struct dec *d, const struct ynode *n, struct intstr *out)
{
	const char *t = decode_scalar_type(n);

	if (strcmp(t, "null") == 0)
		return 0;
	intstr_free(out);
	out->set = true;
	if (strcmp(t, "int") == 0) {
		int64_t v = 0;

		if (dec_int(d, n, INT32_MIN, INT32_MAX, &v) < 0)
			return -1;
		out->ival = (int32_t)v;
		return 0;
	}
	if (strcmp(t, "string") != 0)
		return dec_fail(d, n, "expected an integer or a percentage, got %s", json_type(n));
	out->is_str = true;
	out->sval = xstrdup(n->value);
	return 0;
}

/*
 * Iterate a mapping: for each key, push it on the path, run the body
 * (which sets rc, or leaves `handled` false for an unknown key), pop.
 */
#define DEC_CAT2(a, b) a##b
#define DEC_CAT(a, b) DEC_CAT2(a, b)
#define FI_ DEC_CAT(fi_, __LINE__)
#define FO_ DEC_CAT(fo_, __LINE__)
#define FOR_FIELDS(d, map, key, val)                                                               \
	for (size_t FI_ = 0, FO_ = 0; FI_ < (map)->n; FI_++)                                       \
		for (const char *key = (FO_ = path_push((d), (map)->keys[FI_]->value),             \
			 (d)->cur_key = (map)->keys[FI_], (map)->keys[FI_]->value);                    \
		     key != NULL; path_pop((d), FO_), key = NULL)                                  \
			for (const struct ynode *val = (map)->items[FI_]; val != NULL; val = NULL)

/* Inside FOR_FIELDS the key is already on the path. */
#define UNKNOWN(d, k) (rc = dec_unknown_here(d))

static bool
ignored(const char *k, const char *const *list)
{
	return is_one_of(k, list);
}

/* ---- metadata ---- */

static int
dec_owner_refs(struct dec *d, const struct ynode *n, struct meta *m)
{
	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		const struct ynode *r = n->items[i];
		char *av = NULL, *kind = NULL, *name = NULL, *uid = NULL;
		bool ctl = false, block = false;
		int rc = 0;

		if (want_map(d, r) < 0)
			return -1;
		FOR_FIELDS(d, r, k, v)
		{
			if (rc < 0)
				continue; /* skip the rest once a field failed */
			if (strcmp(k, "apiVersion") == 0)
				rc = dec_str(d, v, &av);
			else if (strcmp(k, "kind") == 0)
				rc = dec_str(d, v, &kind);
			else if (strcmp(k, "name") == 0)
				rc = dec_str(d, v, &name);
			else if (strcmp(k, "uid") == 0)
				rc = dec_str(d, v, &uid);
			else if (strcmp(k, "controller") == 0)
				rc = dec_bool(d, v, &ctl);
			else if (strcmp(k, "blockOwnerDeletion") == 0)
				rc = dec_bool(d, v, &block);
			else
				UNKNOWN(d, k);
		}
		if (rc == 0)
			meta_add_owner(m, av ? av : "", kind ? kind : "", name ? name : "",
			    uid ? uid : "", ctl);
		free(av);
		free(kind);
		free(name);
		free(uid);
		if (rc < 0)
			return -1;
		path_pop(d, old);
	}
	return 0;
}

static int
dec_meta(struct dec *d, const struct ynode *n, struct meta *m)
{
	static const char *const server_set[] = {"uid", "generation",
		"creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink",
		"managedFields", NULL};
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "name") == 0)
			rc = dec_str(d, v, &m->name);
		else if (strcmp(k, "generateName") == 0)
			rc = dec_str(d, v, &m->generate_name);
		else if (strcmp(k, "namespace") == 0) {
			char *ns = NULL;

			rc = dec_str(d, v, &ns);
			if (ns != NULL)
				meta_set_ns(m, ns);
			free(ns);
		}
		else if (strcmp(k, "labels") == 0)
			rc = dec_labels(d, v, &m->labels);
		else if (strcmp(k, "annotations") == 0)
			rc = dec_labels(d, v, &m->annotations);
		else if (strcmp(k, "ownerReferences") == 0)
			rc = dec_owner_refs(d, v, m);
		else if (strcmp(k, "resourceVersion") == 0) {
			/*
			 * Kept for the API layer's precondition (an update naming a
			 * stale version is a Conflict); one kubesim could not have
			 * issued is opaque to it, as to etcd3's versioner, and ignored.
			 */
			char *rv = NULL, *end;
			unsigned long long num;

			rc = dec_str(d, v, &rv);
			/* resourceVersion: null (or empty) leaves rv NULL: unset */
			if (rc == 0 && rv != NULL && rv[0] >= '1' && rv[0] <= '9') {
				num = strtoull(rv, &end, 10);
				if (*end == '\0')
					m->resource_version = num;
			}
			free(rv);
		}
		else if (strcmp(k, "finalizers") == 0) {
			char **f = NULL;
			size_t nf = 0;

			rc = dec_strv(d, v, &f, &nf);
			for (size_t i = 0; i < nf; i++) {
				meta_add_finalizer(m, f[i]);
				free(f[i]);
			}
			free(f);
		} else if (!ignored(k, server_set))
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- selectors, affinity, tolerations ---- */

static int
dec_requirements(struct dec *d, const struct ynode *n, bool node_selector, struct sel_req **out,
    size_t *nout)
{
	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	*out = xcalloc(n->n ? n->n : 1, sizeof **out);
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		const struct ynode *r = n->items[i];
		struct sel_req *req = &(*out)[(*nout)++];
		char *op = NULL;
		int rc = 0;

		memset(req, 0, sizeof *req);
		if (want_map(d, r) < 0)
			return -1;
		FOR_FIELDS(d, r, k, v)
		{
			if (rc < 0)
				continue; /* skip the rest once a field failed */
			if (strcmp(k, "key") == 0)
				rc = dec_str(d, v, &req->key);
			else if (strcmp(k, "operator") == 0) {
				rc = dec_str(d, v, &op);
				if (rc == 0 && op != NULL) {
					enum sel_op o;

					if (sel_op_parse(op, &o) < 0 ||
					    (!node_selector && (o == SEL_GT || o == SEL_LT))) {
						rc = dec_fail(d, v, "Unsupported value: \"%s\": supported values: %s", op,
						    node_selector ? "\"In\", \"NotIn\", \"Exists\", \"DoesNotExist\", \"Gt\", \"Lt\""
								  : "\"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"");
					} else
						req->op = o;
				}
			} else if (strcmp(k, "values") == 0)
				rc = dec_strv(d, v, &req->values, &req->n_values);
			else
				UNKNOWN(d, k);
		}
		if (rc == 0 && op == NULL)
			rc = dec_fail(d, r, "operator: Required value");
		free(op);
		if (rc == 0 && req->key == NULL)
			rc = dec_fail(d, r, "key: Required value");
		if (rc < 0)
			return -1;
		path_pop(d, old);
	}
	return 0;
}

static int
dec_label_selector(struct dec *d, const struct ynode *n, struct label_selector *s)
{
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	s->present = true;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "matchLabels") == 0)
			rc = dec_labels(d, v, &s->match_labels);
		else if (strcmp(k, "matchExpressions") == 0)
			rc = dec_requirements(d, v, false, &s->exprs, &s->n_exprs);
		else
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
dec_node_term(struct dec *d, const struct ynode *n, struct node_term *t)
{
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "matchExpressions") == 0)
			rc = dec_requirements(d, v, true, &t->exprs, &t->n_exprs);
		else if (strcmp(k, "matchFields") == 0)
			rc = dec_requirements(d, v, true, &t->fields, &t->n_fields);
		else
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
dec_node_selector(struct dec *d, const struct ynode *n, struct node_selector *ns)
{
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "nodeSelectorTerms") == 0) {
			if (ynode_is_null(v))
				continue;
			if (want_seq(d, v) < 0)
				return -1;
			ns->terms = xcalloc(v->n ? v->n : 1, sizeof *ns->terms);
			for (size_t i = 0; i < v->n && rc == 0; i++) {
				size_t old = path_index(d, i);

				rc = dec_node_term(d, v->items[i], &ns->terms[ns->n_terms++]);
				if (rc == 0)
					path_pop(d, old);
			}
		} else
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
dec_preferred(struct dec *d, const struct ynode *n, struct affinity *a)
{
	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	a->preferred = xcalloc(n->n ? n->n : 1, sizeof *a->preferred);
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		struct preferred_term *p = &a->preferred[a->n_preferred++];
		int rc = 0;

		if (want_map(d, n->items[i]) < 0)
			return -1;
		FOR_FIELDS(d, n->items[i], k, v)
		{
			if (strcmp(k, "weight") == 0)
				rc = dec_int32(d, v, &p->weight);
			else if (strcmp(k, "preference") == 0)
				rc = dec_node_term(d, v, &p->term);
			else
				UNKNOWN(d, k);
			if (rc < 0)
				return -1;
		}
		path_pop(d, old);
	}
	return 0;
}

static int
dec_affinity(struct dec *d, const struct ynode *n, struct pod_spec *s)
{
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	s->has_affinity = true;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "nodeAffinity") == 0) {
			if (ynode_is_null(v))
				continue;
			if (want_map(d, v) < 0)
				return -1;
			s->affinity.node_affinity = true;
			FOR_FIELDS(d, v, k2, v2)
			{
				if (strcmp(k2, "requiredDuringSchedulingIgnoredDuringExecution") == 0) {
					s->affinity.has_required = !ynode_is_null(v2);
					rc = dec_node_selector(d, v2, &s->affinity.required);
				} else if (strcmp(k2, "preferredDuringSchedulingIgnoredDuringExecution") == 0)
					rc = dec_preferred(d, v2, &s->affinity);
				else
					UNKNOWN(d, k2);
				if (rc < 0)
					return -1;
			}
		} else if (strcmp(k, "podAffinity") == 0 || strcmp(k, "podAntiAffinity") == 0) {
			/* Known to Kubernetes, not modelled by kubesim. */
		} else
			UNKNOWN(d, k);
	}
	return 0;
}

static int
dec_effect(struct dec *d, const struct ynode *n, bool allow_empty, enum taint_effect *out)
{
	char *e = NULL;
	int rc;

	if (dec_str(d, n, &e) < 0)
		return -1;
	if (e == NULL)
		return 0;
	rc = taint_effect_parse(e, allow_empty, out);
	if (rc < 0)
		rc = dec_fail(d, n,
		    "Unsupported value: \"%s\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
		    e);
	free(e);
	return rc;
}

static int
dec_tolerations(struct dec *d, const struct ynode *n, struct pod_spec *s)
{
	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		struct toleration t;
		char *op = NULL, *key = NULL, *value = NULL;
		int rc = 0;

		toleration_init(&t, "", TOL_EQUAL, "", EFFECT_ALL);
		if (want_map(d, n->items[i]) < 0) {
			toleration_free(&t);
			return -1;
		}
		FOR_FIELDS(d, n->items[i], k, v)
		{
			if (rc < 0)
				continue; /* skip the rest once a field failed */
			if (strcmp(k, "key") == 0)
				rc = dec_str(d, v, &key);
			else if (strcmp(k, "value") == 0)
				rc = dec_str(d, v, &value);
			else if (strcmp(k, "operator") == 0) {
				rc = dec_str(d, v, &op);
				if (rc == 0 && op != NULL) {
					if (strcmp(op, "Exists") == 0)
						t.op = TOL_EXISTS;
					else if (strcmp(op, "Equal") == 0)
						t.op = TOL_EQUAL;
					else
						rc = dec_fail(d, v,
						    "Unsupported value: \"%s\": supported values: \"Equal\", \"Exists\"",
						    op);
				}
			} else if (strcmp(k, "effect") == 0) {
				char *e = NULL;

				/* Unknown effects are the API server's to reject, in its words. */
				rc = dec_str(d, v, &e);
				if (rc == 0 && e != NULL && taint_effect_parse(e, true, &t.effect) < 0) {
					t.bad_effect = e;
					e = NULL;
				}
				free(e);
			} else if (strcmp(k, "tolerationSeconds") == 0) {
				t.has_seconds = !ynode_is_null(v);
				rc = dec_int(d, v, INT64_MIN, INT64_MAX, &t.seconds);
			} else
				UNKNOWN(d, k);
		}
		free(op);
		toleration_set(&t, key, value);
		free(key);
		free(value);
		if (rc == 0)
			pod_add_toleration(s, &t);
		toleration_free(&t);
		if (rc < 0)
			return -1;
		path_pop(d, old);
	}
	return 0;
}

/* ---- containers and volumes ---- */

static int
dec_ports(struct dec *d, const struct ynode *n, struct container *c)
{
	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	c->ports = xcalloc(n->n ? n->n : 1, sizeof *c->ports);
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		struct container_port *p = &c->ports[c->n_ports++];
		int rc = 0;

		if (want_map(d, n->items[i]) < 0)
			return -1;
		FOR_FIELDS(d, n->items[i], k, v)
		{
			if (strcmp(k, "name") == 0)
				rc = dec_str(d, v, &p->name);
			else if (strcmp(k, "containerPort") == 0)
				rc = dec_int32(d, v, &p->container_port);
			else if (strcmp(k, "hostPort") == 0)
				rc = dec_int32(d, v, &p->host_port);
			else if (strcmp(k, "protocol") == 0)
				rc = dec_str(d, v, &p->protocol);
			else if (strcmp(k, "hostIP") == 0)
				rc = dec_str(d, v, &p->host_ip);
			else
				UNKNOWN(d, k);
			if (rc < 0)
				return -1;
		}
		path_pop(d, old);
	}
	return 0;
}

static int
dec_mounts(struct dec *d, const struct ynode *n, struct container *c)
{
	static const char *const known[] = {"subPath", "subPathExpr", "mountPropagation",
		"recursiveReadOnly", NULL};

	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	c->mounts = xcalloc(n->n ? n->n : 1, sizeof *c->mounts);
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		struct volume_mount *m = &c->mounts[c->n_mounts++];
		int rc = 0;

		if (want_map(d, n->items[i]) < 0)
			return -1;
		FOR_FIELDS(d, n->items[i], k, v)
		{
			if (strcmp(k, "name") == 0)
				rc = dec_str(d, v, &m->name);
			else if (strcmp(k, "mountPath") == 0)
				rc = dec_str(d, v, &m->mount_path);
			else if (strcmp(k, "readOnly") == 0)
				rc = dec_bool(d, v, &m->read_only);
			else if (!ignored(k, known))
				UNKNOWN(d, k);
			if (rc < 0)
				return -1;
		}
		path_pop(d, old);
	}
	return 0;
}

static int
dec_container(struct dec *d, const struct ynode *n, struct container *c)
{
	/* Container fields Kubernetes has and kubesim does not model. */
	static const char *const known[] = {"env", "envFrom", "livenessProbe", "readinessProbe",
		"startupProbe", "lifecycle", "securityContext", "workingDir", "terminationMessagePath",
		"terminationMessagePolicy", "stdin", "stdinOnce", "tty", "volumeDevices",
		"resizePolicy", "restartPolicy", NULL};
	int rc = 0;

	if (want_map(d, n) < 0)
		return -1;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "name") == 0)
			rc = dec_atom(d, v, &c->name);
		else if (strcmp(k, "image") == 0)
			rc = dec_atom(d, v, &c->image);
		else if (strcmp(k, "imagePullPolicy") == 0)
			rc = dec_atom(d, v, &c->image_pull_policy);
		else if (strcmp(k, "command") == 0)
			rc = dec_strv(d, v, &c->command, &c->n_command);
		else if (strcmp(k, "args") == 0)
			rc = dec_strv(d, v, &c->args, &c->n_args);
		else if (strcmp(k, "ports") == 0)
			rc = dec_ports(d, v, c);
		else if (strcmp(k, "volumeMounts") == 0)
			rc = dec_mounts(d, v, c);
		else if (strcmp(k, "resources") == 0) {
			if (ynode_is_null(v))
				continue;
			if (want_map(d, v) < 0)
				return -1;
			FOR_FIELDS(d, v, k2, v2)
			{
				if (strcmp(k2, "requests") == 0)
					rc = dec_resources(d, v2, &c->requests);
				else if (strcmp(k2, "limits") == 0)
					rc = dec_resources(d, v2, &c->limits);
				else if (strcmp(k2, "claims") != 0)
					UNKNOWN(d, k2);
				if (rc < 0)
					return -1;
			}
		} else if (!ignored(k, known))
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	if (c->name == NULL)
		return dec_fail(d, n, "name: Required value");
	return 0;
}

static int
dec_volume(struct dec *d, const struct ynode *n, struct volume *vol)
{
	static const char *const known[] = {"persistentVolumeClaim", "projected", "downwardAPI",
		"nfs", "csi", "ephemeral", "image", NULL};
	int rc = 0;

	if (want_map(d, n) < 0)
		return -1;
	vol->source = VOL_EMPTY_DIR;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "name") == 0)
			rc = dec_str(d, v, &vol->name);
		else if (strcmp(k, "hostPath") == 0) {
			vol->source = VOL_HOST_PATH;
			if (ynode_is_null(v))
				continue;
			if (want_map(d, v) < 0)
				return -1;
			FOR_FIELDS(d, v, k2, v2)
			{
				if (strcmp(k2, "path") == 0)
					rc = dec_str(d, v2, &vol->path);
				else if (strcmp(k2, "type") == 0)
					rc = dec_str(d, v2, &vol->type);
				else
					UNKNOWN(d, k2);
				if (rc < 0)
					return -1;
			}
		} else if (strcmp(k, "emptyDir") == 0) {
			vol->source = VOL_EMPTY_DIR;
		} else if (strcmp(k, "configMap") == 0 || strcmp(k, "secret") == 0) {
			vol->source = strcmp(k, "configMap") == 0 ? VOL_CONFIG_MAP : VOL_SECRET;
			if (v->type == YNODE_MAP) {
				const struct ynode *nm =
				    ynode_get(v, vol->source == VOL_SECRET ? "secretName" : "name");

				if (nm != NULL)
					rc = dec_str(d, nm, &vol->path);
			}
		} else if (!ignored(k, known))
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	if (vol->name == NULL)
		return dec_fail(d, n, "name: Required value");
	return 0;
}

static int
dec_pod_spec(struct dec *d, const struct ynode *n, struct pod_spec *s)
{
	static const char *const known[] = {"securityContext", "hostPID", "hostIPC",
		"imagePullSecrets", "initContainers", "automountServiceAccountToken",
		"hostname", "subdomain", "dnsConfig", "hostAliases",
		"shareProcessNamespace", "topologySpreadConstraints", "readinessGates", "runtimeClassName",
		"overhead", "os", "ephemeralContainers",
		"setHostnameAsFQDN", "schedulingGates", "resourceClaims", "hostUsers", NULL};
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "nodeName") == 0)
			rc = dec_atom(d, v, &s->node_name);
		else if (strcmp(k, "nodeSelector") == 0)
			rc = dec_labels(d, v, &s->node_selector);
		else if (strcmp(k, "affinity") == 0)
			rc = dec_affinity(d, v, s);
		else if (strcmp(k, "tolerations") == 0)
			rc = dec_tolerations(d, v, s);
		else if (strcmp(k, "containers") == 0) {
			if (ynode_is_null(v))
				continue;
			if (want_seq(d, v) < 0)
				return -1;
			s->containers = xcalloc(v->n ? v->n : 1, sizeof *s->containers);
			for (size_t i = 0; i < v->n && rc == 0; i++) {
				size_t old = path_index(d, i);

				rc = dec_container(d, v->items[i], &s->containers[s->n_containers++]);
				if (rc == 0)
					path_pop(d, old);
			}
		} else if (strcmp(k, "volumes") == 0) {
			if (ynode_is_null(v))
				continue;
			if (want_seq(d, v) < 0)
				return -1;
			s->volumes = xcalloc(v->n ? v->n : 1, sizeof *s->volumes);
			for (size_t i = 0; i < v->n && rc == 0; i++) {
				size_t old = path_index(d, i);

				rc = dec_volume(d, v->items[i], &s->volumes[s->n_volumes++]);
				if (rc == 0)
					path_pop(d, old);
			}
		} else if (strcmp(k, "terminationGracePeriodSeconds") == 0)
			rc = dec_int(d, v, 0, INT64_MAX, &s->termination_grace_s);
		else if (strcmp(k, "restartPolicy") == 0)
			rc = dec_atom(d, v, &s->restart_policy);
		else if (strcmp(k, "schedulerName") == 0)
			rc = dec_atom(d, v, &s->scheduler_name);
		else if (strcmp(k, "dnsPolicy") == 0)
			rc = dec_atom(d, v, &s->dns_policy);
		else if (strcmp(k, "serviceAccountName") == 0 || strcmp(k, "serviceAccount") == 0)
			rc = dec_atom(d, v, &s->service_account);
		else if (strcmp(k, "hostNetwork") == 0)
			rc = dec_bool(d, v, &s->host_network);
		else if (strcmp(k, "priority") == 0) {
			rc = dec_int32(d, v, &s->priority);
			s->has_priority = !ynode_is_null(v);
		} else if (strcmp(k, "priorityClassName") == 0)
			rc = dec_atom(d, v, &s->priority_class_name);
		else if (strcmp(k, "preemptionPolicy") == 0)
			rc = dec_atom(d, v, &s->preemption_policy);
		else if (strcmp(k, "enableServiceLinks") == 0) {
			rc = dec_bool(d, v, &s->enable_service_links);
			s->has_enable_service_links = !ynode_is_null(v);
		} else if (strcmp(k, "activeDeadlineSeconds") == 0) {
			rc = dec_int(d, v, INT64_MIN, INT64_MAX, &s->active_deadline_s);
			s->has_active_deadline = !ynode_is_null(v);
		}
		else if (!ignored(k, known))
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
dec_template(struct dec *d, const struct ynode *n, struct pod_template *t)
{
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "metadata") == 0) {
			struct meta m;

			meta_init(&m);
			rc = dec_meta(d, v, &m);
			labels_copy(&t->labels, &m.labels);
			labels_copy(&t->annotations, &m.annotations);
			meta_free(&m);
		} else if (strcmp(k, "spec") == 0)
			rc = dec_pod_spec(d, v, &t->spec);
		else
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- kinds ---- */

static int
dec_ds_spec(struct dec *d, const struct ynode *n, struct daemonset *ds)
{
	int rc = 0;

	if (ynode_is_null(n))
		return 0;
	if (want_map(d, n) < 0)
		return -1;
	FOR_FIELDS(d, n, k, v)
	{
		if (strcmp(k, "selector") == 0)
			rc = dec_label_selector(d, v, &ds->selector);
		else if (strcmp(k, "template") == 0)
			rc = dec_template(d, v, &ds->tmpl);
		else if (strcmp(k, "minReadySeconds") == 0)
			rc = dec_int32(d, v, &ds->min_ready_seconds);
		else if (strcmp(k, "revisionHistoryLimit") == 0) {
			rc = dec_int32(d, v, &ds->revision_history_limit);
			ds->has_revision_history_limit = !ynode_is_null(v);
		}
		else if (strcmp(k, "templateGeneration") == 0)
			rc = dec_int(d, v, INT64_MIN, INT64_MAX, &ds->template_generation);
		else if (strcmp(k, "updateStrategy") == 0) {
			if (ynode_is_null(v))
				continue;
			if (want_map(d, v) < 0)
				return -1;
			FOR_FIELDS(d, v, k2, v2)
			{
				if (strcmp(k2, "type") == 0) {
					rc = dec_str(d, v2, &ds->strategy_name);
					if (rc == 0 && ds->strategy_name != NULL) {
						if (strcmp(ds->strategy_name, "RollingUpdate") == 0)
							ds->strategy = DS_ROLLING_UPDATE;
						else if (strcmp(ds->strategy_name, "OnDelete") == 0)
							ds->strategy = DS_ON_DELETE;
						else
							ds->strategy = DS_STRATEGY_OTHER;
					}
				} else if (strcmp(k2, "rollingUpdate") == 0) {
					if (ynode_is_null(v2))
						continue;
					if (want_map(d, v2) < 0)
						return -1;
					ds->has_rolling = true;
					FOR_FIELDS(d, v2, k3, v3)
					{
						if (strcmp(k3, "maxUnavailable") == 0)
							rc = dec_intstr(d, v3, &ds->max_unavailable);
						else if (strcmp(k3, "maxSurge") == 0)
							rc = dec_intstr(d, v3, &ds->max_surge);
						else
							UNKNOWN(d, k3);
						if (rc < 0)
							return -1;
					}
				} else
					UNKNOWN(d, k2);
				if (rc < 0)
					return -1;
			}
		} else
			UNKNOWN(d, k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
dec_taints(struct dec *d, const struct ynode *n, struct node *node)
{
	if (ynode_is_null(n))
		return 0;
	if (want_seq(d, n) < 0)
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		size_t old = path_index(d, i);
		struct taint t;
		int rc = 0;

		taint_init(&t, "", "", EFFECT_ALL);
		if (want_map(d, n->items[i]) < 0) {
			taint_free(&t);
			return -1;
		}
		FOR_FIELDS(d, n->items[i], k, v)
		{
			if (rc < 0)
				continue; /* skip the rest once a field failed */
			if (strcmp(k, "key") == 0)
				rc = dec_str(d, v, &t.key);
			else if (strcmp(k, "value") == 0)
				rc = dec_str(d, v, &t.value);
			else if (strcmp(k, "effect") == 0)
				rc = dec_effect(d, v, false, &t.effect);
			else if (strcmp(k, "timeAdded") != 0)
				UNKNOWN(d, k);
		}
		if (rc == 0 && (t.key == NULL || t.key[0] == '\0'))
			rc = dec_fail(d, n->items[i], "key: Required value");
		if (rc == 0 && t.effect == EFFECT_ALL)
			rc = dec_fail(d, n->items[i], "effect: Required value");
		if (t.value == NULL)
			t.value = xstrdup("");
		if (rc == 0)
			node_add_taint(node, &t);
		taint_free(&t);
		if (rc < 0)
			return -1;
		path_pop(d, old);
	}
	return 0;
}

static int
dec_node(struct dec *d, const struct ynode *spec, const struct ynode *status, struct node *node)
{
	int rc = 0;

	if (spec != NULL && !ynode_is_null(spec)) {
		size_t old = path_push(d, "spec");

		if (want_map(d, spec) < 0)
			return -1;
		FOR_FIELDS(d, spec, k, v)
		{
			if (strcmp(k, "unschedulable") == 0)
				rc = dec_bool(d, v, &node->unschedulable);
			else if (strcmp(k, "taints") == 0)
				rc = dec_taints(d, v, node);
			else if (strcmp(k, "podCIDR") == 0)
				rc = dec_str(d, v, &node->pod_cidr);
			else if (strcmp(k, "podCIDRs") != 0 && strcmp(k, "providerID") != 0)
				UNKNOWN(d, k);
			if (rc < 0)
				return -1;
		}
		path_pop(d, old);
	}
	if (status != NULL && !ynode_is_null(status)) {
		size_t old = path_push(d, "status");

		if (want_map(d, status) < 0)
			return -1;
		FOR_FIELDS(d, status, k, v)
		{
			if (strcmp(k, "capacity") == 0)
				rc = dec_resources(d, v, &node->capacity);
			else if (strcmp(k, "allocatable") == 0)
				rc = dec_resources(d, v, &node->allocatable);
			/* The rest of a node's status is the kubelet's to report. */
			if (rc < 0)
				return -1;
		}
		path_pop(d, old);
	}
	return 0;
}

/* A Namespace's spec.finalizers; its status is the server's (PrepareForCreate resets it). */
static int
dec_namespace(struct dec *d, const struct ynode *spec, struct namespace *ns)
{
	int rc = 0;

	if (spec != NULL && !ynode_is_null(spec)) {
		size_t old = path_push(d, "spec");

		if (want_map(d, spec) < 0)
			return -1;
		FOR_FIELDS(d, spec, k, v)
		{
			if (strcmp(k, "finalizers") == 0)
				rc = dec_strv(d, v, &ns->spec_finalizers, &ns->n_spec_finalizers);
			else
				UNKNOWN(d, k);
			if (rc < 0)
				return -1;
		}
		path_pop(d, old);
	}
	return 0;
}

/* ---- documents ---- */

/*
 * A document as kubectl sees it after sigs.k8s.io/yaml turns it into JSON:
 * plain scalars typed as go-yaml types them. kubectl apply records this
 * (not the defaulted object) in its last-applied-configuration annotation.
 */
static cJSON *
node_to_json(const struct ynode *n)
{
	const char *t;
	cJSON *o;

	switch (n->type) {
	case YNODE_MAP:
		o = cJSON_CreateObject();
		for (size_t i = 0; i < n->n; i++)
			cJSON_AddItemToObject(o, n->keys[i]->value, node_to_json(n->items[i]));
		return o;
	case YNODE_SEQ:
		o = cJSON_CreateArray();
		for (size_t i = 0; i < n->n; i++)
			cJSON_AddItemToArray(o, node_to_json(n->items[i]));
		return o;
	case YNODE_SCALAR:
		break;
	}
	t = decode_scalar_type(n);
	if (strcmp(t, "null") == 0)
		return cJSON_CreateNull();
	if (strcmp(t, "bool") == 0) {
		bool b = false;
		struct dec d;

		memset(&d, 0, sizeof d);
		dec_bool(&d, n, &b);
		return cJSON_CreateBool(b);
	}
	if (strcmp(t, "int") == 0 || strcmp(t, "float") == 0)
		return cJSON_CreateNumber(strtod(n->value, NULL));
	return cJSON_CreateString(n->value);
}

/*
 * The REST mapping kubectl looks up before anything is sent: a kind or
 * version the server does not serve fails with its message.
 */
static int
check_api_version(struct dec *d, const struct ynode *root, const char *kind, const char *av)
{
	static const struct {
		const char *kind, *group;
	} kinds[] = {{"DaemonSet", "apps/v1"}, {"Pod", "v1"}, {"Node", "v1"}, {"Namespace", "v1"},
		{"List", "v1"}};
	const struct ynode *md = ynode_get(root, "metadata");
	const struct ynode *name = ynode_get(md, "name"), *ns = ynode_get(md, "namespace");

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].kind, kind) == 0 && strcmp(kinds[i].group, av) == 0)
			return 0;
	d->mapping_error = true;
	return err_set(d->err,
	    "resource mapping not found for name: \"%s\" namespace: \"%s\" from \"%s\": no matches for kind \"%s\" in version \"%s\"\nensure CRDs are installed first",
	    name && name->type == YNODE_SCALAR ? name->value : "",
	    ns && ns->type == YNODE_SCALAR ? ns->value : "", d->file, kind, av);
}

static int decode_into(struct dec *d, const struct ynode *root, struct vec *objs,
    struct vec *docs);

static int
decode_one(struct dec *d, const struct ynode *root, struct object **out)
{
	const struct ynode *avn, *kn, *md, *spec, *status;
	char *av = NULL, *kind = NULL;
	struct object *obj = NULL;
	int rc = -1;

	*out = NULL;
	if (want_map(d, root) < 0)
		return -1;
	avn = ynode_get(root, "apiVersion");
	kn = ynode_get(root, "kind");
	if (avn != NULL && dec_str(d, avn, &av) < 0)
		goto out;
	if (kn != NULL && dec_str(d, kn, &kind) < 0)
		goto out;
	/* kubectl's client-side check, worded as kubectl words it. */
	/* kubectl's own client-side check, in its words (no position: the whole document). */
	if (av == NULL && kind == NULL) {
		err_set(d->err, "error validating data: [apiVersion not set, kind not set]");
		goto out;
	}
	if (av == NULL) {
		err_set(d->err, "error validating data: apiVersion not set");
		goto out;
	}
	if (kind == NULL) {
		err_set(d->err, "error validating data: kind not set");
		goto out;
	}
	if (check_api_version(d, root, kind, av) < 0)
		goto out;
	md = ynode_get(root, "metadata");
	spec = ynode_get(root, "spec");
	status = ynode_get(root, "status");
	for (size_t i = 0; i < root->n; i++) {
		const char *k = root->keys[i]->value;

		if (strcmp(k, "apiVersion") != 0 && strcmp(k, "kind") != 0 &&
		    strcmp(k, "metadata") != 0 && strcmp(k, "spec") != 0 && strcmp(k, "status") != 0)
			dec_unknown(d, k);
	}
	if (strcmp(kind, "DaemonSet") == 0) {
		struct daemonset *ds = ds_new();
		size_t old;

		obj = &ds->obj;
		old = path_push(d, "metadata");
		if (md != NULL && dec_meta(d, md, &obj->meta) < 0)
			goto out;
		path_pop(d, old);
		old = path_push(d, "spec");
		if (spec != NULL && dec_ds_spec(d, spec, ds) < 0)
			goto out;
		path_pop(d, old);
	} else if (strcmp(kind, "Pod") == 0) {
		struct pod *p = pod_new();
		size_t old;

		obj = &p->obj;
		old = path_push(d, "metadata");
		if (md != NULL && dec_meta(d, md, &obj->meta) < 0)
			goto out;
		path_pop(d, old);
		old = path_push(d, "spec");
		if (spec != NULL && dec_pod_spec(d, spec, &p->spec) < 0)
			goto out;
		path_pop(d, old);
	} else if (strcmp(kind, "Node") == 0) {
		struct node *n = node_new(NULL);
		size_t old;

		obj = &n->obj;
		old = path_push(d, "metadata");
		if (md != NULL && dec_meta(d, md, &obj->meta) < 0)
			goto out;
		path_pop(d, old);
		if (dec_node(d, spec, status, n) < 0)
			goto out;
	} else if (strcmp(kind, "Namespace") == 0) {
		struct namespace *ns = ns_new(NULL);
		size_t old;

		obj = &ns->obj;
		old = path_push(d, "metadata");
		if (md != NULL && dec_meta(d, md, &obj->meta) < 0)
			goto out;
		path_pop(d, old);
		if (dec_namespace(d, spec, ns) < 0)
			goto out;
	}
	*out = obj;
	obj = NULL;
	rc = 0;
out:
	object_free(obj);
	free(av);
	free(kind);
	return rc;
}

static int
decode_into(struct dec *d, const struct ynode *root, struct vec *objs, struct vec *docs)
{
	const struct ynode *kn = ynode_get(root, "kind");
	struct object *obj;

	if (kn != NULL && kn->type == YNODE_SCALAR && strcmp(kn->value, "List") == 0) {
		const struct ynode *items = ynode_get(root, "items");
		size_t old = path_push(d, "items");

		if (items != NULL && !ynode_is_null(items)) {
			if (want_seq(d, items) < 0)
				return -1;
			for (size_t i = 0; i < items->n; i++) {
				size_t o2 = path_index(d, i);

				if (decode_into(d, items->items[i], objs, docs) < 0)
					return -1;
				path_pop(d, o2);
			}
		}
		path_pop(d, old);
		return 0;
	}
	if (decode_one(d, root, &obj) < 0)
		return -1;
	vec_push(objs, obj);
	if (docs != NULL)
		vec_push(docs, node_to_json(root));
	return 0;
}

/*
 * A manifest copied from a web page often arrives with every line flush
 * left. YAML still parses much of it (as one flat mapping), so the real
 * error surfaces somewhere confusing; say what happened instead.
 */
static bool
looks_flattened(const char *text, size_t len)
{
	size_t lines = 0, indented = 0, keys = 0;
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p;

		if (eol == NULL)
			eol = end;
		while (q < eol && (*q == ' ' || *q == '\t'))
			q++;
		if (q < eol && *q != '#' && !(eol - q >= 3 && strncmp(q, "---", 3) == 0)) {
			const char *colon = memchr(q, ':', (size_t)(eol - q));
			size_t kl = colon ? (size_t)(colon - q) : 0;

			lines++;
			if (q > p)
				indented++;
			/* "key:" lines, so that junk or a password file is not called a manifest. */
			if (colon != NULL && kl > 0 &&
			    (colon + 1 == eol || colon[1] == ' ') &&
			    strspn(q, "-_./abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ") >= kl)
				keys++;
		}
		p = eol + 1;
	}
	return lines >= 4 && indented == 0 && keys * 2 >= lines;
}

static void
add_flat_hint(struct ks_err *err, const char *text, size_t len)
{
	size_t n;

	if (!looks_flattened(text, len))
		return;
	n = strlen(err->msg);
	snprintf(err->msg + n, sizeof err->msg - n,
	    " (every line of this manifest starts in column 1: its indentation looks lost, as in a "
	    "copy-paste from a web page; indent nested fields, e.g. \"name:\" two spaces under "
	    "\"metadata:\")");
}

static void
drop_docs(struct vec *docs, size_t first)
{
	while (docs != NULL && docs->n > first)
		cJSON_Delete(docs->v[--docs->n]);
}

int
decode_manifests(const char *file, const char *text, size_t len, struct vec *objs,
    struct vec *docs, struct strbuf *warnings, struct ks_err *err)
{
	return decode_manifests_each(file, text, len, objs, docs, warnings, NULL, err);
}

int
decode_manifests_each(const char *file, const char *text, size_t len, struct vec *objs,
    struct vec *docs, struct strbuf *warnings, struct vec *obj_warnings, struct ks_err *err)
{
	size_t first_warning = obj_warnings != NULL ? obj_warnings->n : 0;
	size_t first_doc = docs != NULL ? docs->n : 0;
	struct ystream st;
	struct dec d;
	size_t first = objs->n;
	struct strbuf local = STRBUF_INIT;

	memset(&d, 0, sizeof d);
	d.file = file;
	d.err = err;
	d.warnings = &local;
	if (ydoc_parse(file, text, len, &st, err) < 0) {
		add_flat_hint(err, text, len);
		return DECODE_ERR_PARSE;
	}
	for (size_t i = 0; i < st.n; i++) {
		/* kubectl's StreamVisitor skips empty and null documents ("---" at the end). */
		if (st.docs[i].root == NULL || ynode_is_null(st.docs[i].root))
			continue;
		size_t objs_before = objs->n, warn_at = local.len;

		d.plen = 0;
		d.path[0] = '\0';
		if (decode_into(&d, st.docs[i].root, objs, docs) < 0) {
			while (objs->n > first)
				object_free(objs->v[--objs->n]);
			drop_docs(docs, first_doc);
			while (obj_warnings != NULL && obj_warnings->n > first_warning)
				free(obj_warnings->v[--obj_warnings->n]);
			ystream_free(&st);
			sb_free(&local);
			if (d.mapping_error)
				return DECODE_ERR_MAPPING;
			add_flat_hint(err, text, len);
			return DECODE_ERR_INVALID;
		}
		/* Every object of this document (a List has several) shares its warnings. */
		for (size_t o = objs_before; obj_warnings != NULL && o < objs->n; o++)
			vec_push(obj_warnings, xstrndup(local.s ? local.s + warn_at : "", local.len - warn_at));
	}
	ystream_free(&st);
	if (local.len > 0 && looks_flattened(text, len)) {
		sb_free(&local);
		while (objs->n > first)
			object_free(objs->v[--objs->n]);
		drop_docs(docs, first_doc);
		while (obj_warnings != NULL && obj_warnings->n > first_warning)
			free(obj_warnings->v[--obj_warnings->n]);
		err_set(err, "%s: fields sit at the top level where Kubernetes expects them nested", file);
		add_flat_hint(err, text, len);
		return DECODE_ERR_INVALID;
	}
	if (warnings != NULL)
		sb_add(warnings, sb_str(&local));
	sb_free(&local);
	return 0;
}

int
decode_object(const char *file, const struct ynode *root, struct object **out,
    struct strbuf *warnings, struct ks_err *err)
{
	struct dec d;

	memset(&d, 0, sizeof d);
	d.file = file;
	d.err = err;
	d.warnings = warnings;
	return decode_one(&d, root, out);
}

int
decode_labels_node(const char *file, const char *path, const struct ynode *n, struct labels *out,
    struct ks_err *err)
{
	struct dec d;

	memset(&d, 0, sizeof d);
	d.file = file;
	d.err = err;
	d.strict = true;
	path_push(&d, path);
	return dec_labels(&d, n, out);
}

int
decode_taints_node(const char *file, const char *path, const struct ynode *seq, struct node *node,
    struct ks_err *err)
{
	struct dec d;

	memset(&d, 0, sizeof d);
	d.file = file;
	d.err = err;
	d.strict = true;
	path_push(&d, path);
	return dec_taints(&d, seq, node);
}

int
decode_resources_node(const char *file, const char *path, const struct ynode *n,
    struct res_list *out, struct ks_err *err)
{
	struct dec d;

	memset(&d, 0, sizeof d);
	d.file = file;
	d.err = err;
	d.strict = true;
	path_push(&d, path);
	return dec_resources(&d, n, out);
}

int
decode_yaml_to_json(const char *file, const char *text, size_t len, cJSON **out,
    struct ks_err *err)
{
	struct ystream ys;

	*out = NULL;
	if (ydoc_parse(file, text, len, &ys, err) < 0)
		return -1;
	*out = ys.n > 0 && ys.docs[0].root != NULL ? node_to_json(ys.docs[0].root) :
						     cJSON_CreateNull();
	ystream_free(&ys);
	return 0;
}

int
decode_json_doc(const cJSON *doc, struct object **out, struct strbuf *warnings,
    struct ks_err *err)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream ys;
	int rc;

	*out = NULL;
	encode_json_compact(doc, &text);
	rc = ydoc_parse("", sb_str(&text), text.len, &ys, err);
	if (rc == 0) {
		if (ys.n == 0 || ys.docs[0].root == NULL)
			rc = err_set(err, "Object 'Kind' is missing in '{}'");
		else
			rc = decode_object("", ys.docs[0].root, out, warnings, err);
		ystream_free(&ys);
	}
	sb_free(&text);
	return rc;
}

int
decode_meta_json(const cJSON *metadata, struct meta *out, struct ks_err *err)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream ys;
	struct dec d;
	int rc;

	encode_json_compact(metadata, &text);
	rc = ydoc_parse("", sb_str(&text), text.len, &ys, err);
	if (rc == 0) {
		memset(&d, 0, sizeof d);
		d.file = "";
		d.err = err;
		if (ys.n > 0 && ys.docs[0].root != NULL) {
			size_t old = path_push(&d, "metadata");

			rc = dec_meta(&d, ys.docs[0].root, out);
			path_pop(&d, old);
		}
		ystream_free(&ys);
	}
	sb_free(&text);
	return rc;
}
