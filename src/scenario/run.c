/*
 * run.c - replaying a scenario's steps on a simulated cluster.
 *
 * The timeline is written as it happens: each step when it runs, each
 * Kubernetes event when it is recorded (through a store watcher), stamped
 * with simulated time. Expectations are checked against the store; a
 * failing one is reported as "FILE:LINE: expect ... : want X, got Y (at T)"
 * and the run goes on.
 */
#include "scenario/run.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "cluster.h"
#include "codec/encode.h"
#include "control/dsctrl.h"
#include "control/sched.h"
#include "kubectl/kctl.h"
#include "scenario/scenario.h"
#include "sim/engine.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

#define INDENT "           "

struct runner {
	const struct scenario *s;
	const struct run_opts *o;
	const struct scn_sink *sink;
	struct run_result *r;
	struct cluster *c;
	/*
	 * The timeline line being written, and the time column of the last
	 * one: a big run writes hundreds of thousands of lines, mostly at
	 * the same few instants.
	 */
	struct strbuf line;
	int64_t clock_ms;
	char clock[32];
};

/* ---- output ---- */

/* "01:00.050", or "1:02:03.000" past an hour. */
static void
clock_text(int64_t ms, char *buf, size_t len)
{
	int64_t s = ms / 1000;

	if (s >= 3600)
		snprintf(buf, len, "%lld:%02lld:%02lld.%03lld", (long long)(s / 3600),
		    (long long)(s / 60 % 60), (long long)(s % 60), (long long)(ms % 1000));
	else
		snprintf(buf, len, "%02lld:%02lld.%03lld", (long long)(s / 60), (long long)(s % 60),
		    (long long)(ms % 1000));
}

static void
emit(struct runner *rn, const char *text)
{
	rn->sink->emit(rn->sink->ctx, text);
}

static void
timeline(struct runner *rn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
lower_kind(const char *kind, char *buf, size_t len)
{
	size_t i;

	for (i = 0; kind[i] != '\0' && i + 1 < len; i++)
		buf[i] = (char)(kind[i] >= 'A' && kind[i] <= 'Z' ? kind[i] - 'A' + 'a' : kind[i]);
	buf[i] = '\0';
}

/* s, then spaces up to width (printf's "%-*s"). */
static void
add_padded(struct strbuf *sb, const char *s, size_t width)
{
	size_t n = strlen(s);

	sb_addn(sb, s, n);
	if (n < width)
		sb_pad(sb, ' ', width - n);
}

/* rn->line emptied, then the time column. */
static void
timeline_start(struct runner *rn)
{
	int64_t now = cluster_now(rn->c);

	if (rn->clock[0] == '\0' || now != rn->clock_ms) {
		clock_text(now, rn->clock, sizeof rn->clock);
		rn->clock_ms = now;
	}
	sb_reset(&rn->line);
	add_padded(&rn->line, rn->clock, 9);
	sb_add(&rn->line, "  ");
}

static void
timeline(struct runner *rn, const char *fmt, ...)
{
	va_list ap;

	if (rn->o->quiet)
		return;
	timeline_start(rn);
	va_start(ap, fmt);
	sb_vaddf(&rn->line, fmt, ap);
	va_end(ap);
	sb_addc(&rn->line, '\n');
	emit(rn, sb_str(&rn->line));
}

/* "Normal   Started           pod/web-x: Started container c (x2)" */
static void
timeline_event(struct runner *rn, const struct event *e)
{
	char k[32];

	if (rn->o->quiet)
		return;
	lower_kind(e->involved_kind ? e->involved_kind : "", k, sizeof k);
	timeline_start(rn);
	add_padded(&rn->line, e->type ? e->type : "", 7);
	sb_add(&rn->line, "  ");
	add_padded(&rn->line, e->reason ? e->reason : "", 17);
	sb_addc(&rn->line, ' ');
	sb_add(&rn->line, k);
	sb_addc(&rn->line, '/');
	sb_add(&rn->line, e->involved_name ? e->involved_name : "");
	sb_add(&rn->line, ": ");
	sb_add(&rn->line, e->message ? e->message : "");
	if (e->count > 1)
		sb_addf(&rn->line, " (x%d)", e->count);
	sb_addc(&rn->line, '\n');
	emit(rn, sb_str(&rn->line));
}

/* Text indented under the timeline's time column. */
static void
indented(struct runner *rn, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = text;

	if (rn->o->quiet || *text == '\0')
		return;
	sb_init(&sb);
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		sb_add(&sb, INDENT);
		sb_addn(&sb, p, n);
		sb_addc(&sb, '\n');
		p += n + (nl ? 1 : 0);
	}
	emit(rn, sb_str(&sb));
	sb_free(&sb);
}

/* A note, wrapped at 78 columns, every line marked "# " under the time. */
static void
note(struct runner *rn, const char *text)
{
	const size_t width = 78 - (sizeof INDENT - 1) - 2;
	struct strbuf line = STRBUF_INIT;
	const char *p = text;
	bool first = true;

	if (rn->o->quiet)
		return;
	sb_init(&line);
	for (;;) {
		size_t n = strcspn(p, " \n");

		if (n == 0 || (line.len > 0 && line.len + 1 + n > width)) {
			if (first)
				timeline(rn, "# %s", sb_str(&line));
			else {
				struct strbuf out = STRBUF_INIT;

				sb_init(&out);
				sb_addf(&out, INDENT "# %s\n", sb_str(&line));
				emit(rn, sb_str(&out));
				sb_free(&out);
			}
			first = false;
			sb_reset(&line);
			if (n == 0)
				break;
		}
		if (line.len > 0)
			sb_addc(&line, ' ');
		sb_addn(&line, p, n);
		p += n;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	sb_free(&line);
}

static void
runner_watch(void *ctx, enum store_op op, struct object *obj)
{
	struct runner *rn = ctx;

	if (rn->o->trace != NULL) {
		static const char *const ops[] = {"ADDED", "MODIFIED", "DELETED"};
		struct strbuf line = STRBUF_INIT;

		encode_trace_line(cluster_now(rn->c), ops[op], obj, &line);
		fputs(sb_str(&line), rn->o->trace);
		sb_free(&line);
	}
	if (rn->o->verbose && obj->kind != KIND_EVENT) {
		static const char *const ops[] = {"added", "modified", "deleted"};
		char k[32];

		lower_kind(kind_name(obj->kind), k, sizeof k);
		timeline(rn, "  store %s %s/%s (resourceVersion %llu)", ops[op], k, obj->meta.name,
		    (unsigned long long)obj->meta.resource_version);
	}
	if (obj->kind == KIND_EVENT && op != STORE_DELETED)
		timeline_event(rn, (const struct event *)obj);
}

/* ---- results ---- */

static void
record(struct runner *rn, int line, const char *what, bool ok, const char *message)
{
	struct exp_result *er = xcalloc(1, sizeof *er);

	er->name = xasprintf("%s:%d %s", rn->s->file, line, what);
	er->ok = ok;
	er->message = ok ? NULL : xstrdup(message);
	er->at_ms = cluster_now(rn->c);
	vec_push(&rn->r->results, er);
	if (!ok) {
		rn->r->failed++;
		/* Failures show even with -q: they are results. */
		emit(rn, message);
		emit(rn, "\n");
	}
}

void
run_result_free(struct run_result *r)
{
	for (size_t i = 0; i < r->results.n; i++) {
		struct exp_result *er = r->results.v[i];

		free(er->name);
		free(er->message);
		free(er);
	}
	vec_free(&r->results);
}

/* ---- evaluating expectations ---- */

/* One failed field: "<field>: want X, got Y". */
struct mismatch {
	const struct check_field *f;
	char *text;
};

static void
add_mismatch(struct vec *out, const struct check_field *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
add_mismatch(struct vec *out, const struct check_field *f, const char *fmt, ...)
{
	struct mismatch *m = xcalloc(1, sizeof *m);
	va_list ap;

	m->f = f;
	va_start(ap, fmt);
	m->text = xvasprintf(fmt, ap);
	va_end(ap);
	vec_push(out, m);
}

static void
check_int(struct vec *out, const struct check_field *f, int64_t got)
{
	if (got != f->i)
		add_mismatch(out, f, "want %lld, got %lld", (long long)f->i, (long long)got);
}

static void
eval_ds(struct runner *rn, const struct check *c, struct vec *out)
{
	const struct daemonset *ds =
	    (const struct daemonset *)store_get(rn->c->store, KIND_DAEMONSET, c->ns, c->name);

	for (size_t i = 0; i < c->n_fields; i++) {
		const struct check_field *f = &c->fields[i];
		const char *n = f->name;

		if (strcmp(n, "exists") == 0) {
			if (f->b != (ds != NULL))
				add_mismatch(out, f, "want %s, got %s", f->b ? "true" : "false",
				    ds ? "true" : "false");
			continue;
		}
		if (ds == NULL) {
			add_mismatch(out, f, "want %lld, got nothing: daemonset \"%s\" not found in namespace \"%s\"",
			    (long long)f->i, c->name, c->ns);
			continue;
		}
		if (strcmp(n, "desired") == 0)
			check_int(out, f, ds->status.desired);
		else if (strcmp(n, "current") == 0)
			check_int(out, f, ds->status.current);
		else if (strcmp(n, "ready") == 0)
			check_int(out, f, ds->status.ready);
		else if (strcmp(n, "upToDate") == 0)
			check_int(out, f, ds->status.updated);
		else if (strcmp(n, "available") == 0)
			check_int(out, f, ds->status.available);
		else if (strcmp(n, "unavailable") == 0)
			check_int(out, f, ds->status.unavailable);
		else if (strcmp(n, "misscheduled") == 0)
			check_int(out, f, ds->status.misscheduled);
		else if (strcmp(n, "observedGeneration") == 0)
			check_int(out, f, ds->status.observed_generation);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Both lists sorted and joined: "[a, b]". */
static char *
list_text(char **items, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	char **copy = xcalloc(n ? n : 1, sizeof *copy);

	memcpy(copy, items, n * sizeof *copy);
	qsort(copy, n, sizeof *copy, cmp_str);
	sb_init(&sb);
	sb_addc(&sb, '[');
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", copy[i]);
	sb_addc(&sb, ']');
	free(copy);
	return sb_take(&sb);
}

static void
eval_node(struct runner *rn, const struct check *c, struct vec *out)
{
	const struct node *n = (const struct node *)store_get(rn->c->store, KIND_NODE, NULL, c->name);

	for (size_t i = 0; i < c->n_fields; i++) {
		const struct check_field *f = &c->fields[i];
		const char *fn = f->name;

		if (strcmp(fn, "exists") == 0) {
			if (f->b != (n != NULL))
				add_mismatch(out, f, "want %s, got %s", f->b ? "true" : "false",
				    n ? "true" : "false");
			continue;
		}
		if (n == NULL) {
			add_mismatch(out, f, "node \"%s\" not found", c->name);
			continue;
		}
		if (strcmp(fn, "ready") == 0) {
			const char *got = node_ready_status(n);

			if (got == NULL || strcmp(got, f->s) != 0)
				add_mismatch(out, f, "want %s, got %s",
				    strcmp(f->s, "True") == 0 ? "true" : strcmp(f->s, "False") == 0 ? "false" : "unknown",
				    got == NULL ? "no Ready condition"
					: strcmp(got, "True") == 0 ? "true" : strcmp(got, "False") == 0 ? "false" : "unknown");
		} else if (strcmp(fn, "unschedulable") == 0) {
			if (f->b != n->unschedulable)
				add_mismatch(out, f, "want %s, got %s", f->b ? "true" : "false",
				    n->unschedulable ? "true" : "false");
		} else if (strcmp(fn, "taints") == 0) {
			char **got = xcalloc(n->n_taints ? n->n_taints : 1, sizeof *got);
			char *want_s, *got_s;

			for (size_t j = 0; j < n->n_taints; j++) {
				struct strbuf sb = STRBUF_INIT;

				taint_format(&n->taints[j], &sb);
				got[j] = sb_take(&sb);
			}
			want_s = list_text(f->list, f->n_list);
			got_s = list_text(got, n->n_taints);
			if (strcmp(want_s, got_s) != 0)
				add_mismatch(out, f, "want %s, got %s", want_s, got_s);
			free(want_s);
			free(got_s);
			for (size_t j = 0; j < n->n_taints; j++)
				free(got[j]);
			free(got);
		} else if (strcmp(fn, "labels") == 0) {
			for (size_t j = 0; j < f->n_list; j++) {
				const char *eq = strchr(f->list[j], '=');
				char key[256];
				const char *got;

				snprintf(key, sizeof key, "%.*s", (int)(eq - f->list[j]), f->list[j]);
				got = labels_get(&n->obj.meta.labels, key);
				if (got == NULL || strcmp(got, eq + 1) != 0)
					add_mismatch(out, f, "want %s, got %s%s%s", f->list[j],
					    got ? key : "no label ", got ? "=" : key, got ? got : "");
			}
		} else if (strcmp(fn, "pods") == 0) {
			const struct vec *pods = store_pods_on_node(rn->c->store, c->name);
			int64_t count = 0;

			for (size_t j = 0; pods != NULL && j < pods->n; j++)
				if (!pod_is_terminal(pods->v[j]))
					count++;
			check_int(out, f, count);
		}
	}
}

static void
eval_pods(struct runner *rn, const struct check *c, struct vec *out)
{
	struct label_selector sel;
	struct vec all = VEC_INIT, counted = VEC_INIT;
	const char *selector = "";
	int64_t terminating = 0, ready = 0, pending = 0;
	struct ks_err err;

	for (size_t i = 0; i < c->n_fields; i++)
		if (strcmp(c->fields[i].name, "selector") == 0)
			selector = c->fields[i].s;
	if (sel_parse(selector, &sel, &err) < 0) {
		for (size_t i = 0; i < c->n_fields; i++)
			if (strcmp(c->fields[i].name, "selector") == 0)
				add_mismatch(out, &c->fields[i], "bad selector: %s", err.msg);
		return;
	}
	store_list_sorted(rn->c->store, KIND_POD, c->ns, &all);
	for (size_t i = 0; i < all.n; i++) {
		struct pod *p = all.v[i];

		if (!sel_matches(&sel, &p->obj.meta.labels))
			continue;
		if (meta_deleting(&p->obj.meta)) {
			terminating++;
			continue;
		}
		vec_push(&counted, p);
		if (pod_is_ready(p))
			ready++;
		if (p->spec.node_name == NULL)
			pending++;
	}
	for (size_t i = 0; i < c->n_fields; i++) {
		const struct check_field *f = &c->fields[i];
		const char *fn = f->name;

		if (strcmp(fn, "count") == 0)
			check_int(out, f, (int64_t)counted.n);
		else if (strcmp(fn, "terminating") == 0)
			check_int(out, f, terminating);
		else if (strcmp(fn, "ready") == 0)
			check_int(out, f, ready);
		else if (strcmp(fn, "pending") == 0)
			check_int(out, f, pending);
		else if (strcmp(fn, "phase") == 0) {
			for (size_t j = 0; j < counted.n; j++) {
				const struct pod *p = counted.v[j];

				if (strcmp(pod_phase_name(p->status.phase), f->s) != 0) {
					add_mismatch(out, f, "want every pod %s, got %s %s", f->s,
					    p->obj.meta.name, pod_phase_name(p->status.phase));
					break;
				}
			}
		} else if (strcmp(fn, "nodes") == 0 || strcmp(fn, "notOnNodes") == 0) {
			/* Read only, as list_text reads it: the cast drops const, not ownership. */
			char **got = xcalloc(counted.n ? counted.n : 1, sizeof *got);

			for (size_t j = 0; j < counted.n; j++) {
				const struct pod *p = counted.v[j];

				got[j] = (char *)(p->spec.node_name ? p->spec.node_name : "<none>");
			}
			if (strcmp(fn, "nodes") == 0) {
				char *want_s = list_text(f->list, f->n_list), *got_s = list_text(got, counted.n);

				if (strcmp(want_s, got_s) != 0)
					add_mismatch(out, f, "want %s, got %s", want_s, got_s);
				free(want_s);
				free(got_s);
			} else {
				for (size_t j = 0; j < counted.n; j++)
					for (size_t k = 0; k < f->n_list; k++)
						if (strcmp(got[j], f->list[k]) == 0) {
							add_mismatch(out, f, "want no pod on %s, got %s there",
							    f->list[k], ((struct pod *)counted.v[j])->obj.meta.name);
							k = f->n_list;
							j = counted.n - 1;
						}
			}
			free(got);
		}
	}
	sel_free(&sel);
	vec_free(&all);
	vec_free(&counted);
}

static void
eval_events(struct runner *rn, const struct check *c, struct vec *out)
{
	const char *reason = NULL, *object = NULL, *contains = NULL;
	int64_t want = 1, got = 0;
	const struct check_field *count_field = NULL, *first = c->n_fields ? &c->fields[0] : NULL;
	struct vec all = VEC_INIT;

	for (size_t i = 0; i < c->n_fields; i++) {
		const struct check_field *f = &c->fields[i];

		if (strcmp(f->name, "reason") == 0)
			reason = f->s;
		else if (strcmp(f->name, "object") == 0)
			object = f->s;
		else if (strcmp(f->name, "messageContains") == 0)
			contains = f->s;
		else if (strcmp(f->name, "count") == 0) {
			want = f->i;
			count_field = f;
		}
	}
	store_list(rn->c->store, KIND_EVENT, c->ns, &all);
	for (size_t i = 0; i < all.n; i++) {
		const struct event *e = all.v[i];
		char obj[512], k[32];

		lower_kind(e->involved_kind, k, sizeof k);
		snprintf(obj, sizeof obj, "%s/%s", k, e->involved_name);
		if (reason != NULL && strcmp(e->reason, reason) != 0)
			continue;
		if (object != NULL && strcmp(obj, object) != 0)
			continue;
		if (contains != NULL && strstr(e->message, contains) == NULL)
			continue;
		got += e->count;
	}
	vec_free(&all);
	if (got < want && first != NULL)
		add_mismatch(out, count_field ? count_field : first,
		    "want at least %lld matching event%s, got %lld", (long long)want, want == 1 ? "" : "s",
		    (long long)got);
}

static void
eval_check(struct runner *rn, const struct check *c, struct vec *out)
{
	switch (c->kind) {
	case CHECK_DAEMONSET:
		eval_ds(rn, c, out);
		break;
	case CHECK_NODE:
		eval_node(rn, c, out);
		break;
	case CHECK_PODS:
		eval_pods(rn, c, out);
		break;
	case CHECK_EVENTS:
		eval_events(rn, c, out);
		break;
	}
}

static void
mismatches_free(struct vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		struct mismatch *m = v->v[i];

		free(m->text);
		free(m);
	}
	vec_free(v);
}

static void
check_label(const struct check *c, char *buf, size_t len)
{
	switch (c->kind) {
	case CHECK_DAEMONSET:
		snprintf(buf, len, "daemonset/%s", c->name);
		break;
	case CHECK_NODE:
		snprintf(buf, len, "node/%s", c->name);
		break;
	case CHECK_PODS:
		snprintf(buf, len, "pods");
		break;
	case CHECK_EVENTS:
		snprintf(buf, len, "events");
		break;
	}
}

/* Record one result per field of every check; verb is "expect" or "waitFor". */
static void
record_expect(struct runner *rn, const struct expect *e, const char *verb, const char *suffix)
{
	char at[DUR_BUF_MAX];

	dur_go(cluster_now(rn->c), at, sizeof at);
	for (size_t i = 0; i < e->n; i++) {
		const struct check *c = &e->checks[i];
		struct vec mm = VEC_INIT;
		char label[300];

		check_label(c, label, sizeof label);
		eval_check(rn, c, &mm);
		for (size_t j = 0; j < c->n_fields; j++) {
			const struct check_field *f = &c->fields[j];
			char what[400];
			struct mismatch *m = NULL;

			snprintf(what, sizeof what, "%s %s %s", verb, label, f->name);
			for (size_t k = 0; k < mm.n; k++)
				if (((struct mismatch *)mm.v[k])->f == f)
					m = mm.v[k];
			if (m == NULL)
				record(rn, f->line, what, true, NULL);
			else {
				char *msg = xasprintf("%s:%d: %s: %s (%sat %s)", rn->s->file, f->line, what,
				    m->text, suffix, at);

				record(rn, f->line, what, false, msg);
				free(msg);
			}
		}
		mismatches_free(&mm);
	}
}

static bool
expect_holds(void *ctx)
{
	void **pair = ctx;
	struct runner *rn = pair[0];
	const struct expect *e = pair[1];

	for (size_t i = 0; i < e->n; i++) {
		struct vec mm = VEC_INIT;
		bool ok;

		eval_check(rn, &e->checks[i], &mm);
		ok = mm.n == 0;
		mismatches_free(&mm);
		if (!ok)
			return false;
	}
	return true;
}

/* ---- steps ---- */

struct kubectl_ctx {
	struct runner *rn;
	const struct scenario *s;
};

static int
read_for_kubectl(void *ctx, const char *path, char **text, size_t *len, struct ks_err *err)
{
	return scn_read_file(((struct kubectl_ctx *)ctx)->s, path, text, len, err);
}

/* -f DIR, relative to the scenario file like every path in it. */
static int
list_for_kubectl(void *ctx, const char *path, struct vec *files, struct ks_err *err)
{
	const struct scenario *s = ((struct kubectl_ctx *)ctx)->s;
	char *full;
	int rc;

	if (s->embedded)
		return 0;
	full = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", s->dir, path);
	rc = kctl_list_manifest_dir(full, path, files, err);
	free(full);
	return rc;
}

static void
flush_for_kubectl(void *ctx, const char *text)
{
	indented(((struct kubectl_ctx *)ctx)->rn, text);
}

/* Compare ignoring trailing spaces on each line and trailing blank lines. */
static char *
normalise(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = s;

	sb_init(&sb);
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
			n--;
		sb_addn(&sb, p, n);
		sb_addc(&sb, '\n');
		p = nl ? nl + 1 : p + strlen(p);
	}
	while (sb.len > 0 && sb.s[sb.len - 1] == '\n')
		sb.s[--sb.len] = '\0';
	return sb_take(&sb);
}

static void
add_block(struct strbuf *sb, const char *prefix, const char *text)
{
	const char *p = text;

	if (*p == '\0') {
		sb_addf(sb, "\n%s(nothing)", prefix);
		return;
	}
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		sb_addf(sb, "\n%s", prefix);
		sb_addn(sb, p, n);
		p += n + (nl ? 1 : 0);
	}
}

static void
run_kubectl(struct runner *rn, const struct step *st)
{
	struct kubectl_ctx kctx = {rn, rn->s};
	struct kctl_io io = {st->stdin_text, read_for_kubectl, flush_for_kubectl, &kctx,
	    list_for_kubectl};
	struct kctl_result res;
	struct ks_err err;
	int argc;
	char **argv;
	char what[600], at[DUR_BUF_MAX];
	const char *args = st->text;

	if (strncmp(args, "kubectl ", 8) == 0)
		args += 8;
	snprintf(what, sizeof what, "kubectl %s", args);
	timeline(rn, "$ kubectl %s", args);
	if (kctl_split(args, &argc, &argv, &err) < 0) {
		char *msg = xasprintf("%s:%d: %s: %s", rn->s->file, st->line, what, err.msg);

		record(rn, st->line, what, false, msg);
		free(msg);
		return;
	}
	kctl_result_init(&res);
	kctl_run(rn->c, argc, argv, &io, &res);
	kctl_argv_free(argc, argv);
	indented(rn, sb_str(&res.both) + res.flushed);
	dur_go(cluster_now(rn->c), at, sizeof at);

	if (st->has_output) {
		char *want = normalise(st->output), *got = normalise(sb_str(&res.out));
		char name[700];

		snprintf(name, sizeof name, "%s output", what);
		if (strcmp(want, got) == 0)
			record(rn, st->line, name, true, NULL);
		else {
			struct strbuf msg = STRBUF_INIT;

			sb_init(&msg);
			sb_addf(&msg, "%s:%d: %s: output differs (at %s)\n  want:", rn->s->file, st->line,
			    what, at);
			add_block(&msg, "    ", want);
			sb_add(&msg, "\n  got:");
			add_block(&msg, "    ", got);
			record(rn, st->line, name, false, sb_str(&msg));
			sb_free(&msg);
		}
		free(want);
		free(got);
	}
	for (size_t i = 0; i < st->n_contains; i++) {
		char name[700];

		snprintf(name, sizeof name, "%s outputContains", what);
		if (strstr(sb_str(&res.out), st->contains[i]) != NULL)
			record(rn, st->line, name, true, NULL);
		else {
			char *msg = xasprintf("%s:%d: %s: output does not contain \"%s\" (at %s)",
			    rn->s->file, st->line, what, st->contains[i], at);

			record(rn, st->line, name, false, msg);
			free(msg);
		}
	}
	if (st->has_error) {
		char name[700];

		snprintf(name, sizeof name, "%s error", what);
		/* With an explicit exitCode, error: only checks stderr (warnings on success). */
		if ((res.status != 0 || st->has_exit_code) && strstr(sb_str(&res.err), st->error) != NULL)
			record(rn, st->line, name, true, NULL);
		else {
			char *msg = res.status == 0 && !st->has_exit_code
			    ? xasprintf("%s:%d: %s: want it to fail with \"%s\", but it succeeded (at %s)",
				  rn->s->file, st->line, what, st->error, at)
			    : xasprintf("%s:%d: %s: want an error containing \"%s\", got \"%s\" (at %s)",
				  rn->s->file, st->line, what, st->error, sb_str(&res.err), at);

			record(rn, st->line, name, false, msg);
			free(msg);
		}
	}
	if (st->has_exit_code) {
		char name[700];

		snprintf(name, sizeof name, "%s exitCode", what);
		if (res.status == st->exit_code)
			record(rn, st->line, name, true, NULL);
		else {
			char *msg = xasprintf("%s:%d: %s: want exit code %d, got %d (at %s)", rn->s->file,
			    st->line, what, st->exit_code, res.status, at);

			record(rn, st->line, name, false, msg);
			free(msg);
		}
	}
	/* With no error or exitCode expected, the command itself must succeed. */
	if (!st->has_error && !st->has_exit_code) {
		char name[700];

		snprintf(name, sizeof name, "%s succeeds", what);
		if (res.status == 0)
			record(rn, st->line, name, true, NULL);
		else {
			char *msg = xasprintf("%s:%d: %s: failed with exit code %d (at %s)", rn->s->file,
			    st->line, what, res.status, at);

			record(rn, st->line, name, false, msg);
			free(msg);
		}
	}
	kctl_result_free(&res);
}

static bool
until_reached(struct runner *rn)
{
	return rn->o->until_ms >= 0 && cluster_now(rn->c) >= rn->o->until_ms;
}

static int64_t
clamp_until(struct runner *rn, int64_t t)
{
	if (rn->o->until_ms >= 0 && t > rn->o->until_ms)
		return rn->o->until_ms;
	return t;
}

static void
run_step(struct runner *rn, const struct step *st)
{
	struct ks_err err;

	switch (st->kind) {
	case STEP_NOTE:
		note(rn, st->text);
		break;
	case STEP_KUBECTL:
		run_kubectl(rn, st);
		break;
	case STEP_APPLY: {
		struct step k = *st;

		k.text = "apply -f -";
		k.has_output = k.has_error = k.has_exit_code = false;
		k.n_contains = 0;
		run_kubectl(rn, &k);
		break;
	}
	case STEP_ADD_NODE: {
		struct node *n = node_new(NULL);

		timeline(rn, "addNode %s", st->node.node->obj.meta.name);
		n->obj.meta.name = xstrdup(st->node.node->obj.meta.name);
		labels_copy(&n->obj.meta.labels, &st->node.node->obj.meta.labels);
		for (size_t i = 0; i < st->node.node->n_taints; i++)
			node_add_taint(n, &st->node.node->taints[i]);
		res_list_copy(&n->capacity, &st->node.node->capacity);
		n->unschedulable = st->node.node->unschedulable;
		if (cluster_add_node(rn->c, n, true, st->node.ready, &err) < 0) {
			char *msg = xasprintf("%s:%d: addNode: %s", rn->s->file, st->line, err.msg);

			node_free(n);
			record(rn, st->line, "addNode", false, msg);
			free(msg);
		}
		break;
	}
	case STEP_REMOVE_NODE:
		timeline(rn, "removeNode %s", st->text);
		if (cluster_remove_node(rn->c, st->text, &err) < 0) {
			char *msg = xasprintf("%s:%d: removeNode: %s", rn->s->file, st->line, err.msg);

			record(rn, st->line, "removeNode", false, msg);
			free(msg);
		}
		break;
	case STEP_FAIL_NODE:
	case STEP_RECOVER_NODE: {
		bool fail = st->kind == STEP_FAIL_NODE;
		const char *what = fail ? "failNode" : "recoverNode";

		timeline(rn, "%s %s", what, st->text);
		if ((fail ? cluster_fail_node : cluster_recover_node)(rn->c, st->text, &err) < 0) {
			char *msg = xasprintf("%s:%d: %s: %s", rn->s->file, st->line, what, err.msg);

			record(rn, st->line, what, false, msg);
			free(msg);
		}
		break;
	}
	case STEP_STOP_SCHEDULER:
		timeline(rn, "stopScheduler");
		sched_set_running(rn->c->sched, false);
		break;
	case STEP_START_SCHEDULER:
		timeline(rn, "startScheduler");
		sched_set_running(rn->c->sched, true);
		break;
	case STEP_STOP_CONTROLLER:
		timeline(rn, "stopController");
		dsctrl_set_running(rn->c->dsc, false);
		break;
	case STEP_START_CONTROLLER:
		timeline(rn, "startController");
		dsctrl_set_running(rn->c->dsc, true);
		break;
	case STEP_WAIT:
	case STEP_WAIT_FOR:
		/* They let time pass: scn_player_advance runs them. */
		break;
	case STEP_EXPECT: {
		size_t before = rn->r->failed, n = 0;

		for (size_t i = 0; i < st->expect.n; i++)
			n += st->expect.checks[i].n_fields;
		record_expect(rn, &st->expect, "expect", "");
		if (rn->r->failed == before)
			timeline(rn, "expect: %zu check%s passed", n, n == 1 ? "" : "s");
		break;
	}
	}
}

/* ---- playing ---- */

struct scn_player {
	struct runner rn;
	struct run_result r;
	size_t next;      /* the step to run */
	bool in_wait;     /* steps[next] is a wait or waitFor under way */
	int64_t wait_start;
	int64_t wait_end;
	bool finished;
};

struct scn_player *
scn_player_new(const struct scenario *s, const struct run_opts *o, const struct scn_sink *sink)
{
	struct scn_player *p = xcalloc(1, sizeof *p);
	struct runner *rn = &p->rn;
	enum placement_mode mode = o->has_mode ? o->mode : (s->has_mode ? s->mode : MODE_SCHEDULER);
	uint64_t seed = o->has_seed ? o->seed : s->seed;
	struct ks_err err;

	rn->s = s;
	rn->o = o;
	rn->sink = sink;
	sb_init(&rn->line);
	rn->r = &p->r;
	rn->c = cluster_new(mode, &s->timing, seed);
	cluster_set_images(rn->c, s->images, s->n_images);
	store_watch(rn->c->store, runner_watch, rn);
	if (!o->quiet) {
		struct strbuf sb = STRBUF_INIT;

		sb_init(&sb);
		sb_addf(&sb, "== %s (%s, %s mode, seed %llu)\n", s->name, s->file,
		    placement_mode_name(mode), (unsigned long long)seed);
		if (o->verbose && s->description != NULL)
			sb_addf(&sb, "%s%s", s->description,
			    s->description[0] && s->description[strlen(s->description) - 1] == '\n' ? "" : "\n");
		emit(rn, sb_str(&sb));
		sb_free(&sb);
	}
	for (size_t i = 0; i < s->n_nodes; i++) {
		struct node *n = node_new(NULL);
		const struct node *src = s->nodes[i].node;

		n->obj.meta.name = xstrdup(src->obj.meta.name);
		labels_copy(&n->obj.meta.labels, &src->obj.meta.labels);
		for (size_t j = 0; j < src->n_taints; j++)
			node_add_taint(n, &src->taints[j]);
		res_list_copy(&n->capacity, &src->capacity);
		n->unschedulable = src->unschedulable;
		if (cluster_add_node(rn->c, n, false, s->nodes[i].ready, &err) < 0) {
			char *msg = xasprintf("%s:%d: %s", s->file, s->nodes[i].line, err.msg);

			node_free(n);
			record(rn, s->nodes[i].line, "cluster.nodes", false, msg);
			free(msg);
		}
	}
	return p;
}

/* A wait or waitFor, up to time t at most; true when it is over. */
static bool
play_wait(struct scn_player *p, const struct step *st, int64_t t)
{
	struct runner *rn = &p->rn;
	char d[DUR_BUF_MAX];

	if (!p->in_wait) {
		dur_go(st->ms, d, sizeof d);
		timeline(rn, st->kind == STEP_WAIT ? "wait %s" : "waitFor (timeout %s)", d);
		p->in_wait = true;
		p->wait_start = cluster_now(rn->c);
		p->wait_end = clamp_until(rn, dur_add(p->wait_start, st->ms));
	}
	if (st->kind == STEP_WAIT) {
		cluster_advance_to(rn->c, t < p->wait_end ? t : p->wait_end);
		return cluster_now(rn->c) >= p->wait_end;
	} else {
		void *pair[2] = {rn, (void *)&st->expect};
		bool held = cluster_advance_until(rn->c, t < p->wait_end ? t : p->wait_end, expect_holds,
		    pair);
		char *suffix;

		if (!held && cluster_now(rn->c) < p->wait_end)
			return false;
		if (!held && until_reached(rn)) {
			/* Cut short by --until: not a verdict on the scenario. */
			timeline(rn, "waitFor: stopped by --until");
			return true;
		}
		dur_go(st->ms, d, sizeof d);
		if (held)
			timeline(rn, "waitFor: condition met after %s",
			    (dur_go(cluster_now(rn->c) - p->wait_start, d, sizeof d), d));
		suffix = held ? xstrdup("") : xasprintf("timed out after %s, ", d);
		record_expect(rn, &st->expect, "waitFor", suffix);
		free(suffix);
		return true;
	}
}

void
scn_player_advance(struct scn_player *p, int64_t t)
{
	const struct scenario *s = p->rn.s;

	while (!p->finished) {
		const struct step *st;

		if (p->next >= s->n_steps || until_reached(&p->rn)) {
			p->finished = true;
			break;
		}
		st = &s->steps[p->next];
		if (st->kind == STEP_WAIT || st->kind == STEP_WAIT_FOR) {
			if (!play_wait(p, st, t))
				break;
			p->in_wait = false;
		} else {
			run_step(&p->rn, st);
		}
		p->next++;
		p->r.steps++;
	}
	/* After the last step the cluster runs on (the TUI keeps watching it). */
	if (p->finished && t > cluster_now(p->rn.c) && t < INT64_MAX)
		cluster_advance_to(p->rn.c, t);
}

bool
scn_player_next_time(const struct scn_player *p, int64_t *t)
{
	if (p->finished)
		return false;
	/* A wait under way ends at its deadline; any other step runs now. */
	*t = p->in_wait ? p->wait_end : cluster_now(p->rn.c);
	return true;
}

bool
scn_player_finished(const struct scn_player *p)
{
	return p->finished;
}

size_t
scn_player_step(const struct scn_player *p)
{
	return p->next;
}

struct cluster *
scn_player_cluster(struct scn_player *p)
{
	return p->rn.c;
}

const struct run_result *
scn_player_result(const struct scn_player *p)
{
	return &p->r;
}

void
scn_player_free(struct scn_player *p)
{
	if (p == NULL)
		return;
	cluster_free(p->rn.c);
	run_result_free(&p->r);
	sb_free(&p->rn.line);
	free(p);
}

int
scn_run(const struct scenario *s, const struct run_opts *o, const struct scn_sink *sink,
    struct run_result *r)
{
	struct scn_player *p = scn_player_new(s, o, sink);

	scn_player_advance(p, INT64_MAX);
	p->r.end_ms = cluster_now(p->rn.c);
	p->r.sim_events = sim_events_run(p->rn.c->sim);
	for (int k = 0; k < KIND__COUNT; k++)
		p->r.objects[k] = store_count(p->rn.c->store, (enum kind)k);
	if (o->last) {
		cluster_free_at_exit(p->rn.c);
		p->rn.c = NULL;
	}
	*r = p->r;
	memset(&p->r, 0, sizeof p->r);
	scn_player_free(p);
	return 0;
}
