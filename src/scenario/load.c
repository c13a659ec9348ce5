/*
 * load.c - scenario YAML to steps (SPEC §2).
 *
 * Every key is looked up in a table of the keys its place allows, so a typo
 * is an error naming the file, line and column rather than a silently
 * ignored setting. Manifests inside apply: steps are decoded when the file
 * is loaded, so a broken one fails before the run starts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "api/validate.h"
#include "codec/decode.h"
#include "codec/ydoc.h"
#include "kubectl/kctl.h"
#include "scenario/scenario.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/file.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

struct loader {
	const char *file;
	struct ks_err *err;
	struct scenario *s;
	struct map *names; /* node names of cluster.nodes, to catch duplicates */
};

static int
fail(struct loader *ld, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct loader *ld, const struct ynode *at, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (at == NULL)
		return err_set(ld->err, "%s: %s", ld->file, msg);
	return err_set(ld->err, "%s:%d:%d: %s", ld->file, at->line, at->col, msg);
}

static int
want_str(struct loader *ld, const struct ynode *n, const char *what, char **out)
{
	if (n == NULL || n->type != YNODE_SCALAR || ynode_is_null(n))
		return fail(ld, n, "%s must be a string, got %s", what, ynode_describe(n));
	free(*out);
	*out = xstrdup(n->value);
	return 0;
}

static int
want_bool(struct loader *ld, const struct ynode *n, const char *what, bool *out)
{
	if (ynode_bool(n, out) < 0)
		return fail(ld, n, "%s must be true or false, got %s", what, ynode_describe(n));
	return 0;
}

static int
want_int(struct loader *ld, const struct ynode *n, const char *what, int64_t *out)
{
	if (ynode_int(n, out) < 0)
		return fail(ld, n, "%s must be an integer, got %s", what, ynode_describe(n));
	return 0;
}

static int
want_duration(struct loader *ld, const struct ynode *n, const char *what, int64_t *ms)
{
	struct ks_err derr;

	if (n == NULL || n->type != YNODE_SCALAR || ynode_is_null(n))
		return fail(ld, n, "%s must be a duration like 250ms, 2s or 1m30s, got %s", what,
		    ynode_describe(n));
	if (dur_parse(n->value, ms, &derr) < 0)
		return fail(ld, n, "%s: %s (use a duration like 250ms, 2s or 1m30s)", what, derr.msg);
	return 0;
}

static int
want_map(struct loader *ld, const struct ynode *n, const char *what)
{
	if (n == NULL || n->type != YNODE_MAP)
		return fail(ld, n, "%s must be a mapping, got %s", what, ynode_describe(n));
	return 0;
}

/* "unknown key "foo" in X (known: a, b, c)" */
static int
unknown_key(struct loader *ld, const struct ynode *key, const char *where,
    const char *const *known)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; known[i] != NULL; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", known[i]);
	fail(ld, key, "unknown key \"%s\" in %s (known keys: %s)", key->value, where, sb_str(&sb));
	sb_free(&sb);
	return -1;
}

static bool
in_list(const char *k, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], k) == 0)
			return true;
	return false;
}

static int
check_keys(struct loader *ld, const struct ynode *map, const char *where,
    const char *const *known)
{
	for (size_t i = 0; i < map->n; i++)
		if (!in_list(map->keys[i]->value, known))
			return unknown_key(ld, map->keys[i], where, known);
	return 0;
}

/* ---- nodes ---- */

static const char *const node_keys[] = {"name", "count", "labels", "taints", "capacity",
	"unschedulable", "ready", NULL};

static int
load_node(struct loader *ld, const struct ynode *n, const char *name, struct scn_node *out)
{
	const struct ynode *v;
	struct node *node = node_new(name);

	out->node = node;
	out->ready = true;
	out->line = n->line;
	{
		/* The API server's own check, so a bad name fails here and not mid-run. */
		struct field_errors fe = {NULL, 0};

		valid_node(node, &fe);
		if (fe.n > 0) {
			fail(ld, ynode_get(n, "name"), "node %s", fe.v[0]);
			field_errors_free(&fe);
			return -1;
		}
	}
	if ((v = ynode_get(n, "labels")) != NULL && !ynode_is_null(v)) {
		if (decode_labels_node(ld->file, "labels", v, &node->obj.meta.labels, ld->err) < 0)
			return -1;
		/* The API server's label rules, placed at the offending key or value. */
		for (size_t i = 0; i < v->n; i++) {
			const char *why;

			if ((why = valid_label_key_error(v->keys[i]->value)) != NULL)
				return fail(ld, v->keys[i], "labels: Invalid value: \"%s\": %s",
				    v->keys[i]->value, why);
			if ((why = valid_label_value_error(v->items[i]->value)) != NULL)
				return fail(ld, v->items[i], "labels: Invalid value: \"%s\": %s",
				    v->items[i]->value, why);
		}
	}
	if ((v = ynode_get(n, "taints")) != NULL &&
	    decode_taints_node(ld->file, "taints", v, node, ld->err) < 0)
		return -1;
	/* validateNodeTaints: a taint's key is a label name, its value a label value. */
	for (size_t i = 0; v != NULL && i < node->n_taints && i < v->n; i++) {
		const struct taint *t = &node->taints[i];
		const char *why;

		if ((why = valid_label_key_error(t->key)) != NULL)
			return fail(ld, v->items[i], "taints[%zu].key: Invalid value: \"%s\": %s", i, t->key,
			    why);
		if ((why = valid_label_value_error(t->value ? t->value : "")) != NULL)
			return fail(ld, v->items[i], "taints[%zu].value: Invalid value: \"%s\": %s", i,
			    t->value ? t->value : "", why);
	}
	if ((v = ynode_get(n, "capacity")) != NULL && !ynode_is_null(v)) {
		static const char *const cap_keys[] = {"cpu", "memory", "pods", "ephemeral-storage",
			NULL};

		if (want_map(ld, v, "capacity") < 0 || check_keys(ld, v, "capacity", cap_keys) < 0)
			return -1;
		if (decode_resources_node(ld->file, "capacity", v, &node->capacity, ld->err) < 0)
			return -1;
		/* ValidateResourceQuantityValue: a node's capacity is never negative. */
		for (size_t i = 0; i < v->n; i++) {
			const struct quantity *q = res_list_get(&node->capacity, v->keys[i]->value);

			if (q != NULL && q->milli < 0)
				return fail(ld, v->items[i],
				    "capacity.%s: Invalid value: \"%s\": must be greater than or equal to 0",
				    v->keys[i]->value, v->items[i]->value);
		}
	}
	if ((v = ynode_get(n, "unschedulable")) != NULL &&
	    want_bool(ld, v, "unschedulable", &node->unschedulable) < 0)
		return -1;
	if ((v = ynode_get(n, "ready")) != NULL && want_bool(ld, v, "ready", &out->ready) < 0)
		return -1;
	return 0;
}

static char *
expand_name(const char *pattern, int64_t i)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = pattern, *hit;

	sb_init(&sb);
	while ((hit = strstr(p, "{i}")) != NULL) {
		sb_addn(&sb, p, (size_t)(hit - p));
		sb_addf(&sb, "%lld", (long long)i);
		p = hit + 3;
	}
	sb_add(&sb, p);
	return sb_take(&sb);
}

/*
 * The list's size in all, before any node is built: an oversized list
 * fails at once. Entries whose count is itself wrong are left to
 * load_node_entry's message.
 */
static int
check_node_total(struct loader *ld, const struct ynode *list)
{
	int64_t total = 0;

	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *countn = ynode_get(list->items[i], "count");
		int64_t count = 1;

		if (countn != NULL && (ynode_int(countn, &count) < 0 || count < 1 || count > SCN_MAX_NODES))
			continue;
		total += count;
		if (total > SCN_MAX_NODES)
			return fail(ld, countn ? countn : list->items[i],
			    "cluster.nodes may hold at most %d nodes in all", SCN_MAX_NODES);
	}
	return 0;
}

/* One entry, possibly with count: N, appended to *nodes. */
static int
load_node_entry(struct loader *ld, const struct ynode *n, struct scn_node **nodes, size_t *nn,
    size_t *cap)
{
	const struct ynode *namen, *countn;
	char *name = NULL;
	int64_t count = 1;
	int rc = 0;

	if (want_map(ld, n, "a node") < 0 || check_keys(ld, n, "a node", node_keys) < 0)
		return -1;
	namen = ynode_get(n, "name");
	if (namen == NULL)
		return fail(ld, n, "a node needs a name");
	if (want_str(ld, namen, "name", &name) < 0)
		return -1;
	countn = ynode_get(n, "count");
	if (countn != NULL) {
		if (want_int(ld, countn, "count", &count) < 0) {
			free(name);
			return -1;
		}
		if (count < 1 || count > SCN_MAX_NODES) {
			free(name);
			return fail(ld, countn, "count must be between 1 and %d, got %lld", SCN_MAX_NODES,
			    (long long)count);
		}
		if (strstr(name, "{i}") == NULL) {
			free(name);
			return fail(ld, namen, "a node with count needs {i} in its name (e.g. \"worker-{i}\")");
		}
	}
	for (int64_t i = 1; i <= count && rc == 0; i++) {
		char *nm = countn ? expand_name(name, i) : xstrdup(name);

		if (ld->names != NULL && map_has(ld->names, nm)) {
			rc = fail(ld, namen, "node \"%s\" is listed twice", nm);
			free(nm);
			break;
		}
		if (ld->names != NULL)
			map_put(ld->names, nm, (void *)1);

		xgrow(nodes, cap, *nn + 1, sizeof **nodes);
		memset(&(*nodes)[*nn], 0, sizeof **nodes);
		rc = load_node(ld, n, nm, &(*nodes)[*nn]);
		(*nn)++;
		free(nm);
	}
	free(name);
	return rc;
}

/* ---- expectations ---- */

struct field_spec {
	const char *name;
	enum value_type type;
};

static const struct field_spec ds_fields[] = {{"namespace", VAL_STR}, {"exists", VAL_BOOL},
	{"desired", VAL_INT}, {"current", VAL_INT}, {"ready", VAL_INT}, {"upToDate", VAL_INT},
	{"available", VAL_INT}, {"unavailable", VAL_INT}, {"misscheduled", VAL_INT},
	{"observedGeneration", VAL_INT}, {NULL, VAL_INT}};
static const struct field_spec node_fields[] = {{"exists", VAL_BOOL}, {"ready", VAL_STR},
	{"unschedulable", VAL_BOOL}, {"taints", VAL_LIST}, {"labels", VAL_LIST}, {"pods", VAL_INT},
	{NULL, VAL_INT}};
static const struct field_spec pods_fields[] = {{"namespace", VAL_STR}, {"selector", VAL_STR},
	{"count", VAL_INT}, {"terminating", VAL_INT}, {"phase", VAL_STR}, {"ready", VAL_INT},
	{"nodes", VAL_LIST}, {"notOnNodes", VAL_LIST}, {"pending", VAL_INT}, {NULL, VAL_INT}};
static const struct field_spec events_fields[] = {{"reason", VAL_STR}, {"object", VAL_STR},
	{"messageContains", VAL_STR}, {"count", VAL_INT}, {NULL, VAL_INT}};

static int
load_field(struct loader *ld, const struct field_spec *spec, const struct ynode *key,
    const struct ynode *v, struct check_field *f)
{
	memset(f, 0, sizeof *f);
	f->name = spec->name;
	f->type = spec->type;
	f->line = key->line;
	switch (spec->type) {
	case VAL_INT:
		return want_int(ld, v, spec->name, &f->i);
	case VAL_BOOL:
		return want_bool(ld, v, spec->name, &f->b);
	case VAL_STR:
		/* node ready: true, false or unknown (the Ready condition's status). */
		if (strcmp(spec->name, "ready") == 0) {
			bool b;

			if (ynode_bool(v, &b) == 0) {
				f->s = xstrdup(b ? "True" : "False");
				return 0;
			}
			if (v->type == YNODE_SCALAR && strcmp(v->value, "unknown") == 0) {
				f->s = xstrdup("Unknown");
				return 0;
			}
			return fail(ld, v, "ready must be true, false or unknown, got %s",
			    ynode_describe(v));
		}
		return want_str(ld, v, spec->name, &f->s);
	case VAL_LIST:
		if (v->type == YNODE_MAP) {
			/* labels: a mapping, kept as "k=v" strings. */
			f->list = xcalloc(v->n ? v->n : 1, sizeof *f->list);
			for (size_t i = 0; i < v->n; i++) {
				if (v->items[i]->type != YNODE_SCALAR)
					return fail(ld, v->items[i], "label values must be strings");
				f->list[f->n_list++] = xasprintf("%s=%s", v->keys[i]->value,
				    v->items[i]->value);
			}
			return 0;
		}
		if (v->type != YNODE_SEQ)
			return fail(ld, v, "%s must be a list, got %s", spec->name, ynode_describe(v));
		f->list = xcalloc(v->n ? v->n : 1, sizeof *f->list);
		for (size_t i = 0; i < v->n; i++) {
			if (v->items[i]->type != YNODE_SCALAR)
				return fail(ld, v->items[i], "%s entries must be strings", spec->name);
			f->list[f->n_list++] = xstrdup(v->items[i]->value);
		}
		return 0;
	}
	return 0;
}

static int
load_check(struct loader *ld, enum check_kind kind, const char *what, const struct ynode *at,
    const struct ynode *map, const struct field_spec *specs, struct check *c)
{
	c->kind = kind;
	c->line = at->line;
	if (want_map(ld, map, what) < 0)
		return -1;
	c->fields = xcalloc(map->n ? map->n : 1, sizeof *c->fields);
	for (size_t i = 0; i < map->n; i++) {
		const struct field_spec *spec = NULL;

		for (size_t j = 0; specs[j].name != NULL; j++)
			if (strcmp(specs[j].name, map->keys[i]->value) == 0)
				spec = &specs[j];
		if (spec == NULL) {
			const char *known[16];
			size_t nk = 0;

			for (size_t j = 0; specs[j].name != NULL && nk < 15; j++)
				known[nk++] = specs[j].name;
			known[nk] = NULL;
			return unknown_key(ld, map->keys[i], what, known);
		}
		if (strcmp(spec->name, "namespace") == 0) {
			if (want_str(ld, map->items[i], "namespace", &c->ns) < 0)
				return -1;
			continue;
		}
		/* Counted even when it fails half-way, so scn_free releases what it holds. */
		if (load_field(ld, spec, map->keys[i], map->items[i], &c->fields[c->n_fields++]) < 0)
			return -1;
		ld->s->n_expectations++;
	}
	return 0;
}

static void
push_check(struct expect *e, struct check *c)
{
	e->checks = xreallocarray(e->checks, e->n + 1, sizeof *e->checks);
	e->checks[e->n++] = *c;
}

static int
load_expect_map(struct loader *ld, const struct ynode *map, struct expect *e)
{
	if (want_map(ld, map, "an expectation") < 0)
		return -1;
	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *key = map->keys[i], *v = map->items[i];
		const char *k = key->value;
		struct check c;

		memset(&c, 0, sizeof c);
		if (strncmp(k, "daemonset/", 10) == 0 || strncmp(k, "ds/", 3) == 0) {
			c.name = xstrdup(strchr(k, '/') + 1);
			if (load_check(ld, CHECK_DAEMONSET, k, key, v, ds_fields, &c) < 0)
				goto bad;
			if (c.ns == NULL)
				c.ns = xstrdup("default");
			push_check(e, &c);
		} else if (strncmp(k, "node/", 5) == 0) {
			c.name = xstrdup(k + 5);
			if (load_check(ld, CHECK_NODE, k, key, v, node_fields, &c) < 0)
				goto bad;
			push_check(e, &c);
		} else if (strcmp(k, "pods") == 0 || strcmp(k, "events") == 0) {
			bool pods = strcmp(k, "pods") == 0;
			size_t n = v->type == YNODE_SEQ ? v->n : 1;

			for (size_t j = 0; j < n; j++) {
				const struct ynode *m = v->type == YNODE_SEQ ? v->items[j] : v;

				memset(&c, 0, sizeof c);
				if (load_check(ld, pods ? CHECK_PODS : CHECK_EVENTS, k, m, m,
					pods ? pods_fields : events_fields, &c) < 0)
					goto bad;
				push_check(e, &c);
			}
		} else {
			fail(ld, key,
			    "unknown expectation \"%s\" (use daemonset/NAME, ds/NAME, node/NAME, pods or events)",
			    k);
			return -1;
		}
		continue;
bad:
		/* c is half-built; hand it to the expect so scn_free releases it. */
		push_check(e, &c);
		return -1;
	}
	return 0;
}

static int
load_expect(struct loader *ld, const struct ynode *n, struct expect *e)
{
	if (n->type == YNODE_SEQ) {
		for (size_t i = 0; i < n->n; i++)
			if (load_expect_map(ld, n->items[i], e) < 0)
				return -1;
		return 0;
	}
	return load_expect_map(ld, n, e);
}

/* ---- steps ---- */

static const char *const actions[] = {"note", "kubectl", "apply", "addNode", "removeNode",
	"failNode", "recoverNode", "stopScheduler", "startScheduler", "stopController",
	"startController", "wait", "waitFor", "expect", NULL};

/* Re-emit a YAML subtree as text, so `apply:` can go through kubectl apply -f -. */
static void
yaml_text(const struct ynode *n, int indent, struct strbuf *out);

static void
yaml_scalar(const struct ynode *n, struct strbuf *out)
{
	if (n->plain) {
		sb_add(out, n->value);
		return;
	}
	sb_addc(out, '"');
	for (const char *p = n->value; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			sb_addc(out, '\\');
		if (*p == '\n')
			sb_add(out, "\\n");
		else
			sb_addc(out, *p);
	}
	sb_addc(out, '"');
}

static void
yaml_text(const struct ynode *n, int indent, struct strbuf *out)
{
	switch (n->type) {
	case YNODE_SCALAR:
		yaml_scalar(n, out);
		sb_addc(out, '\n');
		break;
	case YNODE_MAP:
		if (n->n == 0) {
			sb_add(out, "{}\n");
			break;
		}
		sb_addc(out, '\n');
		for (size_t i = 0; i < n->n; i++) {
			sb_pad(out, ' ', (size_t)indent);
			yaml_scalar(n->keys[i], out);
			sb_add(out, ": ");
			yaml_text(n->items[i], indent + 2, out);
		}
		break;
	case YNODE_SEQ:
		if (n->n == 0) {
			sb_add(out, "[]\n");
			break;
		}
		sb_addc(out, '\n');
		for (size_t i = 0; i < n->n; i++) {
			sb_pad(out, ' ', (size_t)indent);
			sb_add(out, "- ");
			yaml_text(n->items[i], indent + 2, out);
		}
		break;
	}
}

static int
load_kubectl_modifiers(struct loader *ld, const struct ynode *m, struct step *st)
{
	static const char *const keys[] = {"kubectl", "stdin", "output", "outputContains", "error",
		"exitCode", NULL};
	const struct ynode *v;

	if (check_keys(ld, m, "a kubectl step", keys) < 0)
		return -1;
	if ((v = ynode_get(m, "stdin")) != NULL && want_str(ld, v, "stdin", &st->stdin_text) < 0)
		return -1;
	if ((v = ynode_get(m, "output")) != NULL) {
		st->has_output = true;
		if (ynode_is_null(v))
			st->output = xstrdup("");
		else if (want_str(ld, v, "output", &st->output) < 0)
			return -1;
		ld->s->n_expectations++;
	}
	if ((v = ynode_get(m, "outputContains")) != NULL) {
		if (v->type == YNODE_SEQ) {
			st->contains = xcalloc(v->n ? v->n : 1, sizeof *st->contains);
			for (size_t i = 0; i < v->n; i++) {
				if (want_str(ld, v->items[i], "outputContains", &st->contains[i]) < 0)
					return -1;
				st->n_contains++;
			}
		} else {
			st->contains = xcalloc(1, sizeof *st->contains);
			if (want_str(ld, v, "outputContains", &st->contains[0]) < 0)
				return -1;
			st->n_contains = 1;
		}
		ld->s->n_expectations += st->n_contains;
	}
	if ((v = ynode_get(m, "error")) != NULL) {
		st->has_error = true;
		if (want_str(ld, v, "error", &st->error) < 0)
			return -1;
		ld->s->n_expectations++;
	}
	if ((v = ynode_get(m, "exitCode")) != NULL) {
		int64_t code;

		if (want_int(ld, v, "exitCode", &code) < 0)
			return -1;
		/* A process's exit status is 0 to 255. */
		if (code < 0 || code > 255)
			return fail(ld, v, "exitCode must be between 0 and 255, got %lld", (long long)code);
		st->has_exit_code = true;
		st->exit_code = (int)code;
		ld->s->n_expectations++;
	}
	return 0;
}

static int
load_step(struct loader *ld, const struct ynode *m, struct step *st)
{
	const struct ynode *key = NULL, *v;
	const char *k;

	if (want_map(ld, m, "a step") < 0)
		return -1;
	st->line = m->line;
	for (size_t i = 0; i < m->n; i++) {
		if (in_list(m->keys[i]->value, actions)) {
			if (key != NULL)
				return fail(ld, m->keys[i],
				    "a step takes one action, and this one has both \"%s\" and \"%s\"",
				    key->value, m->keys[i]->value);
			key = m->keys[i];
			v = m->items[i];
		}
	}
	if (key == NULL) {
		if (m->n > 0 && !in_list(m->keys[0]->value, actions))
			return unknown_key(ld, m->keys[0], "a step", actions);
		return fail(ld, m, "empty step");
	}
	k = key->value;
	v = ynode_get(m, k);
	if (strcmp(k, "kubectl") == 0) {
		int argc;
		char **argv;
		struct ks_err serr;

		st->kind = STEP_KUBECTL;
		if (want_str(ld, v, "kubectl", &st->text) < 0)
			return -1;
		/* Split now, so a bad quote is a load error with a line, not a failed step. */
		if (kctl_split(st->text, &argc, &argv, &serr) < 0)
			return fail(ld, v, "kubectl: %s", serr.msg);
		kctl_argv_free(argc, argv);
		return load_kubectl_modifiers(ld, m, st);
	}
	if (strcmp(k, "waitFor") == 0) {
		static const char *const keys[] = {"waitFor", "timeout", NULL};
		const struct ynode *t = ynode_get(m, "timeout");

		if (check_keys(ld, m, "a waitFor step", keys) < 0)
			return -1;
		st->kind = STEP_WAIT_FOR;
		st->ms = 5 * 60 * 1000;
		if (t != NULL && want_duration(ld, t, "timeout", &st->ms) < 0)
			return -1;
		return load_expect(ld, v, &st->expect);
	}
	/* Every other action stands alone. */
	if (m->n > 1) {
		for (size_t i = 0; i < m->n; i++)
			if (m->keys[i] != key)
				return fail(ld, m->keys[i], "unknown key \"%s\" in a %s step",
				    m->keys[i]->value, k);
	}
	if (strcmp(k, "note") == 0) {
		st->kind = STEP_NOTE;
		return want_str(ld, v, "note", &st->text);
	}
	if (strcmp(k, "apply") == 0) {
		struct strbuf yaml = STRBUF_INIT;
		size_t n = v->type == YNODE_SEQ ? v->n : 1;

		st->kind = STEP_APPLY;
		sb_init(&yaml);
		for (size_t i = 0; i < n; i++) {
			const struct ynode *obj = v->type == YNODE_SEQ ? v->items[i] : v;

			if (want_map(ld, obj, "apply") < 0) {
				sb_free(&yaml);
				return -1;
			}
			/* Decode now, so a broken manifest fails before the run starts. */
			{
				struct object *o;
				struct strbuf warnings = STRBUF_INIT;

				if (decode_object(ld->file, obj, &o, &warnings, ld->err) < 0) {
					if (strncmp(ld->err->msg, ld->file, strlen(ld->file)) != 0)
						err_prefix(ld->err, "%s:%d:%d", ld->file, obj->line, obj->col);
					sb_free(&warnings);
					sb_free(&yaml);
					return -1;
				}
				object_free(o);
				sb_free(&warnings);
			}
			sb_add(&yaml, "---");
			yaml_text(obj, 0, &yaml);
		}
		st->stdin_text = sb_take(&yaml);
		return 0;
	}
	if (strcmp(k, "addNode") == 0) {
		struct scn_node *nodes = NULL;
		size_t nn = 0, cap = 0;
		int rc;

		struct map *cluster_names = ld->names;

		st->kind = STEP_ADD_NODE;
		if (want_map(ld, v, "addNode") < 0)
			return -1;
		/* A node added later may reuse a removed node's name. */
		ld->names = NULL;
		if (ynode_get(v, "count") != NULL)
			return fail(ld, ynode_get(v, "count"), "addNode adds one node; count is for cluster.nodes");
		rc = load_node_entry(ld, v, &nodes, &nn, &cap);
		ld->names = cluster_names;
		if (nn > 0)
			st->node = nodes[0];
		free(nodes);
		return rc;
	}
	if (strcmp(k, "removeNode") == 0) {
		st->kind = STEP_REMOVE_NODE;
		return want_str(ld, v, "removeNode", &st->text);
	}
	if (strcmp(k, "failNode") == 0 || strcmp(k, "recoverNode") == 0) {
		st->kind = strcmp(k, "failNode") == 0 ? STEP_FAIL_NODE : STEP_RECOVER_NODE;
		return want_str(ld, v, k, &st->text);
	}
	if (strcmp(k, "stopScheduler") == 0 || strcmp(k, "startScheduler") == 0 ||
	    strcmp(k, "stopController") == 0 || strcmp(k, "startController") == 0) {
		bool b;

		if (want_bool(ld, v, k, &b) < 0)
			return -1;
		if (!b)
			return fail(ld, v, "%s takes true (write \"%s: true\")", k, k);
		st->kind = strcmp(k, "stopScheduler") == 0 ? STEP_STOP_SCHEDULER
		    : strcmp(k, "startScheduler") == 0	     ? STEP_START_SCHEDULER
		    : strcmp(k, "stopController") == 0	     ? STEP_STOP_CONTROLLER
							     : STEP_START_CONTROLLER;
		return 0;
	}
	if (strcmp(k, "wait") == 0) {
		st->kind = STEP_WAIT;
		return want_duration(ld, v, "wait", &st->ms);
	}
	/* expect */
	st->kind = STEP_EXPECT;
	return load_expect(ld, v, &st->expect);
}

/* ---- the file ---- */

static const char *const top_keys[] = {"name", "description", "mode", "seed", "timing", "images",
	"cluster", "steps", NULL};

static int
load_timing(struct loader *ld, const struct ynode *n, struct timing *t)
{
	static const struct {
		const char *key;
		size_t off;
	} fields[] = {
		{"podStartup", offsetof(struct timing, pod_startup)},
		{"nodeJoin", offsetof(struct timing, node_join)},
		{"nodeMonitorGracePeriod", offsetof(struct timing, node_monitor_grace)},
		{"controllerDelay", offsetof(struct timing, controller_delay)},
		{"schedulerDelay", offsetof(struct timing, scheduler_delay)},
		{"podShutdown", offsetof(struct timing, pod_shutdown)},
	};
	static const char *const keys[] = {"podStartup", "nodeJoin", "nodeMonitorGracePeriod",
		"controllerDelay", "schedulerDelay", "podShutdown", NULL};

	if (want_map(ld, n, "timing") < 0 || check_keys(ld, n, "timing", keys) < 0)
		return -1;
	for (size_t i = 0; i < n->n; i++)
		for (size_t j = 0; j < sizeof fields / sizeof fields[0]; j++)
			if (strcmp(fields[j].key, n->keys[i]->value) == 0 &&
			    want_duration(ld, n->items[i], fields[j].key,
				(int64_t *)((char *)t + fields[j].off)) < 0)
				return -1;
	return 0;
}

static int
load_images(struct loader *ld, const struct ynode *n, struct scenario *s)
{
	if (want_map(ld, n, "images") < 0)
		return -1;
	s->images = xcalloc(n->n ? n->n : 1, sizeof *s->images);
	for (size_t i = 0; i < n->n; i++) {
		static const char *const keys[] = {"pull", "pullTime", NULL};
		const struct ynode *rule = n->items[i], *v;
		struct image_rule *r = &s->images[s->n_images++];

		r->image = xstrdup(n->keys[i]->value);
		r->pull_ms = -1;
		if (want_map(ld, rule, "an image rule") < 0 ||
		    check_keys(ld, rule, "an image rule", keys) < 0)
			return -1;
		if ((v = ynode_get(rule, "pull")) != NULL) {
			if (v->type != YNODE_SCALAR ||
			    (strcmp(v->value, "fail") != 0 && strcmp(v->value, "ok") != 0))
				return fail(ld, v, "pull must be fail or ok, got %s", ynode_describe(v));
			r->fail = strcmp(v->value, "fail") == 0;
		}
		if ((v = ynode_get(rule, "pullTime")) != NULL &&
		    want_duration(ld, v, "pullTime", &r->pull_ms) < 0)
			return -1;
	}
	return 0;
}

static char *
dir_of(const char *file)
{
	const char *slash = strrchr(file, '/');

	return slash ? xstrndup(file, (size_t)(slash - file)) : xstrdup(".");
}

int
scn_load(const char *file, const char *text, size_t len, bool embedded, struct scenario *s,
    struct ks_err *err)
{
	struct ystream st;
	struct map names;
	struct loader ld = {file, err, s, &names};
	const struct ynode *root, *v;
	size_t nodes_cap = 0;
	int rc = -1;

	memset(s, 0, sizeof *s);
	map_init(&names);
	s->file = xstrdup(file);
	s->dir = dir_of(file);
	s->embedded = embedded;
	s->seed = 1;
	timing_defaults(&s->timing);
	if (ydoc_parse(file, text, len, &st, err) < 0) {
		map_free(&names);
		return -1;
	}
	if (st.n == 0 || st.docs[0].root == NULL) {
		err_set(err, "%s: empty scenario (it needs at least a name and steps)", file);
		goto out;
	}
	if (st.n > 1) {
		err_set(err, "%s:%d:1: a scenario file holds one YAML document", file, st.docs[1].line);
		goto out;
	}
	root = st.docs[0].root;
	if (want_map(&ld, root, "a scenario") < 0 || check_keys(&ld, root, "a scenario", top_keys) < 0)
		goto out;
	if ((v = ynode_get(root, "name")) == NULL) {
		fail(&ld, root, "a scenario needs a name");
		goto out;
	}
	if (want_str(&ld, v, "name", &s->name) < 0)
		goto out;
	if ((v = ynode_get(root, "description")) != NULL &&
	    want_str(&ld, v, "description", &s->description) < 0)
		goto out;
	if ((v = ynode_get(root, "mode")) != NULL) {
		if (v->type != YNODE_SCALAR || placement_mode_parse(v->value, &s->mode) < 0) {
			fail(&ld, v, "mode must be scheduler or legacy, got %s",
			    v->type == YNODE_SCALAR ? v->value : ynode_describe(v));
			goto out;
		}
		s->has_mode = true;
	}
	if ((v = ynode_get(root, "seed")) != NULL) {
		int64_t seed;

		if (v->type == YNODE_SCALAR && v->plain && strspn(v->value, "0123456789") == strlen(v->value) &&
		    v->value[0] != '\0' && ynode_int(v, &seed) < 0) {
			fail(&ld, v, "seed %s is out of range (at most %lld)", v->value, (long long)INT64_MAX);
			goto out;
		}
		if (want_int(&ld, v, "seed", &seed) < 0)
			goto out;
		if (seed < 0) {
			fail(&ld, v, "seed must not be negative, got %lld", (long long)seed);
			goto out;
		}
		s->seed = (uint64_t)seed;
	}
	if ((v = ynode_get(root, "timing")) != NULL && load_timing(&ld, v, &s->timing) < 0)
		goto out;
	if ((v = ynode_get(root, "images")) != NULL && load_images(&ld, v, s) < 0)
		goto out;
	if ((v = ynode_get(root, "cluster")) != NULL) {
		static const char *const keys[] = {"nodes", NULL};
		const struct ynode *nodes;

		if (want_map(&ld, v, "cluster") < 0 || check_keys(&ld, v, "cluster", keys) < 0)
			goto out;
		nodes = ynode_get(v, "nodes");
		if (nodes != NULL && !ynode_is_null(nodes)) {
			if (nodes->type != YNODE_SEQ) {
				fail(&ld, nodes, "cluster.nodes must be a list, got %s",
				    ynode_describe(nodes));
				goto out;
			}
			if (check_node_total(&ld, nodes) < 0)
				goto out;
			for (size_t i = 0; i < nodes->n; i++)
				if (load_node_entry(&ld, nodes->items[i], &s->nodes, &s->n_nodes,
					&nodes_cap) < 0)
					goto out;
		}
	}
	if ((v = ynode_get(root, "steps")) == NULL) {
		fail(&ld, root, "a scenario needs steps");
		goto out;
	}
	if (v->type != YNODE_SEQ) {
		fail(&ld, v, "steps must be a list, got %s", ynode_describe(v));
		goto out;
	}
	s->steps = xcalloc(v->n ? v->n : 1, sizeof *s->steps);
	for (size_t i = 0; i < v->n; i++) {
		struct step *stp = &s->steps[s->n_steps++];

		if (load_step(&ld, v->items[i], stp) < 0)
			goto out;
	}
	rc = 0;
out:
	ystream_free(&st);
	map_free(&names);
	return rc;
}

static void
free_expect(struct expect *e)
{
	for (size_t i = 0; i < e->n; i++) {
		struct check *c = &e->checks[i];

		for (size_t j = 0; j < c->n_fields; j++) {
			free(c->fields[j].s);
			for (size_t k = 0; k < c->fields[j].n_list; k++)
				free(c->fields[j].list[k]);
			free(c->fields[j].list);
		}
		free(c->fields);
		free(c->name);
		free(c->ns);
	}
	free(e->checks);
}

void
scn_free(struct scenario *s)
{
	free(s->file);
	free(s->dir);
	free(s->name);
	free(s->description);
	for (size_t i = 0; i < s->n_images; i++)
		free(s->images[i].image);
	free(s->images);
	for (size_t i = 0; i < s->n_nodes; i++)
		node_free(s->nodes[i].node);
	free(s->nodes);
	for (size_t i = 0; i < s->n_steps; i++) {
		struct step *st = &s->steps[i];

		free(st->text);
		free(st->stdin_text);
		free(st->output);
		for (size_t j = 0; j < st->n_contains; j++)
			free(st->contains[j]);
		free(st->contains);
		free(st->error);
		node_free(st->node.node);
		free_expect(&st->expect);
		vec_free(&st->objects);
	}
	free(s->steps);
	memset(s, 0, sizeof *s);
}

int
scn_read_file(const struct scenario *s, const char *path, char **text, size_t *len,
    struct ks_err *err)
{
	char *full = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", s->dir, path);
	int rc;

	if (s->embedded) {
		for (size_t i = 0; i < scn_embedded_n; i++) {
			if (strcmp(scn_embedded[i].path, full) == 0) {
				*text = xstrndup(scn_embedded[i].text, scn_embedded[i].len);
				*len = scn_embedded[i].len;
				free(full);
				return 0;
			}
		}
		free(full);
		/* kubectl's wording for a missing file. */
		return err_set(err, "the path \"%s\" does not exist", path);
	}
	rc = file_read(full, FILE_MAX_MANIFEST, "a manifest", text, len, err);
	if (rc < 0 && errno == ENOENT)
		err_set(err, "the path \"%s\" does not exist", path); /* kubectl's wording */
	free(full);
	return rc;
}

/* ---- from a file, or the built-in default ---- */

int
scn_load_file(const char *path, struct scenario *s, struct ks_err *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (path == NULL) {
		for (size_t i = 0; i < scn_embedded_n; i++)
			if (strcmp(scn_embedded[i].path, scn_default_path) == 0)
				return scn_load(scn_default_path, scn_embedded[i].text, scn_embedded[i].len,
				    true, s, err);
		return err_set(err, "the built-in scenario is missing");
	}
	if (file_read(path, FILE_MAX_SCENARIO, "a scenario file", &text, &len, err) < 0)
		return -1;
	rc = scn_load(path, text, len, false, s, err);
	free(text);
	return rc;
}
