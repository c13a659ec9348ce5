/*
 * view.c - drawing the TUI's screen from a cluster.
 */
#include "tui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "cluster.h"
#include "kubectl/printers.h"
#include "kubectl/table.h"
#include "tui/screen.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* A node box: its border, status, taints, two bars and two lines of pod chips. */
#define BOX_W 26
#define BOX_H 8
/* A compact cell: "name  R ●●●" on one line. */
#define CELL_W 22

void
view_init(struct view *v)
{
	memset(v, 0, sizeof *v);
	vec_init(&v->log);
	v->log_max = 2000;
	v->mode = "scheduler";
	v->speed = 1;
	v->sel_pod = -1;
	v->prompt = ':';
}

void
view_free(struct view *v)
{
	for (size_t i = 0; i < v->log.n; i++)
		free(v->log.v[i]);
	vec_free(&v->log);
	free(v->output);
	v->output = NULL;
}

void
view_log(struct view *v, const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (v->log.n >= v->log_max) {
			free(v->log.v[0]);
			vec_remove(&v->log, 0);
		}
		vec_push(&v->log, xstrndup(p, n));
		/* Someone reading back keeps their place as new lines arrive. */
		if (v->log_scroll > 0 && v->log_scroll < (int)v->log.n - 1)
			v->log_scroll++;
		p += n + (nl ? 1 : 0);
	}
}

void
view_set_output(struct view *v, const char *text)
{
	free(v->output);
	v->output = xstrdup(text);
	v->show_output = true;
	v->output_scroll = 0;
}

static int
count_text_lines(const char *text)
{
	int n = 0;

	for (const char *p = text; *p != '\0'; p++)
		n += *p == '\n';
	return n;
}

void
view_scroll(struct view *v, int by)
{
	if (v->show_output && v->output != NULL) {
		int last = count_text_lines(v->output) - 1;

		v->output_scroll += by;
		if (v->output_scroll > last)
			v->output_scroll = last;
		if (v->output_scroll < 0)
			v->output_scroll = 0;
		return;
	}
	/* The log counts back from its newest line. */
	v->log_scroll -= by;
	if (v->log_scroll > (int)v->log.n - 1)
		v->log_scroll = (int)v->log.n - 1;
	if (v->log_scroll < 0)
		v->log_scroll = 0;
}

/* ---- what is shown ---- */

static bool
node_matches(const struct node *n, const char *filter)
{
	struct strbuf labels = STRBUF_INIT;
	bool hit;

	if (filter[0] == '\0' || strstr(n->obj.meta.name, filter) != NULL)
		return true;
	labels_format(&n->obj.meta.labels, &labels);
	hit = strstr(sb_str(&labels), filter) != NULL;
	sb_free(&labels);
	return hit;
}

void
view_nodes(const struct view *v, struct vec *out)
{
	struct vec all = VEC_INIT;

	if (v->c == NULL)
		return;
	store_list_sorted(v->c->store, KIND_NODE, NULL, &all);
	for (size_t i = 0; i < all.n; i++)
		if (node_matches(all.v[i], v->filter))
			vec_push(out, all.v[i]);
	vec_free(&all);
}

void
view_node_pods(const struct view *v, const char *node, struct vec *out)
{
	const struct vec *on = v->c ? store_pods_on_node(v->c->store, node) : NULL;
	const struct vec *pinned = v->c ? store_pods_pinned_to(v->c->store, node) : NULL;

	for (size_t i = 0; on != NULL && i < on->n; i++)
		vec_push(out, on->v[i]);
	/* A daemon pod the scheduler has not bound yet still belongs to its node's box. */
	for (size_t i = 0; pinned != NULL && i < pinned->n; i++)
		vec_push(out, pinned->v[i]);
	vec_sort(out, object_cmp_ns_name);
}

const struct object *
view_selected(const struct view *v)
{
	struct vec nodes = VEC_INIT, pods = VEC_INIT;
	const struct object *o = NULL;

	view_nodes(v, &nodes);
	if (v->sel_node >= 0 && (size_t)v->sel_node < nodes.n) {
		const struct node *n = nodes.v[v->sel_node];

		o = &n->obj;
		if (v->sel_pod >= 0) {
			view_node_pods(v, n->obj.meta.name, &pods);
			o = (size_t)v->sel_pod < pods.n ? pods.v[v->sel_pod] : &n->obj;
		}
	}
	vec_free(&nodes);
	vec_free(&pods);
	return o;
}

void
view_clamp(struct view *v)
{
	struct vec nodes = VEC_INIT, pods = VEC_INIT;

	view_nodes(v, &nodes);
	if (v->sel_node >= (int)nodes.n)
		v->sel_node = (int)nodes.n - 1;
	if (v->sel_node < 0)
		v->sel_node = 0;
	if (nodes.n > 0 && v->sel_pod >= 0) {
		view_node_pods(v, ((struct node *)nodes.v[v->sel_node])->obj.meta.name, &pods);
		if (v->sel_pod >= (int)pods.n)
			v->sel_pod = (int)pods.n - 1;
	}
	if (nodes.n == 0)
		v->sel_pod = -1;
	vec_free(&nodes);
	vec_free(&pods);
}

/* ---- colours for states ---- */

static enum role
node_role(const struct node *n, struct strbuf *status)
{
	printers_node_status(n, status);
	if (strncmp(sb_str(status), "Ready", 5) == 0)
		return strstr(sb_str(status), "SchedulingDisabled") ? R_CORDONED : R_READY;
	if (strncmp(sb_str(status), "Unknown", 7) == 0)
		return R_UNKNOWN;
	return R_NOTREADY;
}

static enum role
pod_role(const struct pod *p)
{
	struct strbuf st = STRBUF_INIT;
	const char *s;
	enum role r;

	printers_pod_status(p, &st);
	s = sb_str(&st);
	if (strcmp(s, "Running") == 0)
		r = pod_is_ready(p) ? R_POD_RUNNING : R_POD_CREATING;
	else if (strcmp(s, "Pending") == 0)
		r = R_POD_PENDING;
	else if (strcmp(s, "ContainerCreating") == 0 || strcmp(s, "PodInitializing") == 0)
		r = R_POD_CREATING;
	else if (strcmp(s, "Terminating") == 0)
		r = R_POD_TERMINATING;
	else if (strcmp(s, "Completed") == 0)
		r = R_DIM;
	else
		r = R_POD_FAILED;
	sb_free(&st);
	return r;
}

/* The chip's text: the DaemonSet a pod belongs to, else the pod's own name. */
static const char *
pod_label(const struct pod *p)
{
	const struct owner_ref *o = meta_controller(&p->obj.meta);

	return o != NULL && strcmp(o->kind, "DaemonSet") == 0 ? o->name : p->obj.meta.name;
}

/* ---- pieces ---- */

static void
draw_header(struct view *v, struct screen *s)
{
	char clk[32] = "--:--";
	const char *state;
	int x;

	screen_fill(s, 0, 0, s->w, 1, R_HEADER);
	if (v->c != NULL) {
		int64_t ms = cluster_now(v->c), sec = ms / 1000;

		snprintf(clk, sizeof clk, "%02lld:%02lld:%02lld.%lld", (long long)(sec / 3600),
		    (long long)(sec / 60 % 60), (long long)(sec % 60), (long long)(ms % 1000 / 100));
	}
	state = v->speed == 0 ? "LIVE" : v->paused ? "PAUSED" : v->finished ? "DONE" : "RUNNING";
	/* What changes first, so a narrow terminal cuts the title, not the clock. */
	x = screen_putf(s, 0, 0, R_HEADER, -1, " kubesim  t=%s  ", clk);
	if (v->speed > 0)
		x += screen_putf(s, x, 0, R_HEADER, -1, "%gx ", v->speed);
	x += screen_putf(s, x, 0, v->paused ? R_WARNING : R_HEADER, -1, "%s", state);
	if (v->checks_ok + v->checks_failed > 0) {
		x += screen_putf(s, x, 0, R_HEADER, -1, "  checks ");
		x += screen_putf(s, x, 0, R_PASS, -1, "%d\u2713", v->checks_ok);
		x += screen_put(s, x, 0, " ", R_HEADER, -1);
		x += screen_putf(s, x, 0, v->checks_failed ? R_FAIL : R_HEADER, -1, "%d\u2717",
		    v->checks_failed);
	}
	screen_putf(s, x, 0, R_HEADER, -1, "  %s mode  %s", v->mode, v->title);
}

/* "[####......] 12%" */
static void
draw_bar(struct screen *s, int x, int y, int w, const char *name, int64_t used, int64_t total)
{
	int pct = total > 0 ? (int)(used * 100 / total) : 0;
	int inner = w - 11, fill;

	if (inner < 3)
		inner = 3;
	fill = total > 0 ? (int)((used * inner + total - 1) / total) : 0;
	if (fill > inner)
		fill = inner;
	screen_putf(s, x, y, R_DIM, -1, "%-3s", name);
	screen_put(s, x + 4, y, "[", R_DIM, -1);
	for (int i = 0; i < inner; i++)
		screen_put(s, x + 5 + i, y, i < fill ? "#" : ".", i < fill ? R_BAR_USED : R_DIM, -1);
	screen_putf(s, x + 5 + inner, y, R_DIM, -1, "]%3d%%", pct);
}

/* "unreachable:NS,NE dedicated:NS": the key's last segment and its effects, abbreviated. */
static void
taint_text(const struct node *n, struct strbuf *out)
{
	for (size_t i = 0; i < n->n_taints; i++) {
		const char *key = n->taints[i].key;
		const char *e = taint_effect_name(n->taints[i].effect);
		const char *abbr = strcmp(e, "NoSchedule") == 0 ? "NS" : strcmp(e, "NoExecute") == 0 ? "NE" : "PNS";
		const char *k = strrchr(key, '/');
		bool same = i > 0 && strcmp(n->taints[i - 1].key, key) == 0;

		if (same)
			sb_addf(out, ",%s", abbr);
		else
			sb_addf(out, "%s%s:%s", i ? " " : "", k ? k + 1 : key, abbr);
	}
}

static void
sums(const struct vec *pods, int64_t *cpu, int64_t *mem)
{
	*cpu = *mem = 0;
	for (size_t i = 0; i < pods->n; i++) {
		const struct pod *p = pods->v[i];

		if (p->spec.node_name == NULL || pod_is_terminal(p))
			continue;
		*cpu += pod_request_milli(&p->spec, "cpu");
		*mem += pod_request_milli(&p->spec, "memory");
	}
}

static void
draw_box(struct view *v, struct screen *s, const struct node *n, int x, int y, bool selected)
{
	struct strbuf status = STRBUF_INIT, taints = STRBUF_INIT;
	struct vec pods = VEC_INIT;
	enum role role = node_role(n, &status);
	int64_t cpu, mem;
	int cx = x + 1, cy = y + 5, inner = BOX_W - 2, shown = 0;

	screen_box(s, x, y, BOX_W, BOX_H, selected && v->sel_pod < 0 ? R_SELECTED : R_BORDER, NULL);
	screen_put(s, x + 1, y, n->obj.meta.name, selected ? R_SELECTED : R_TITLE, inner);
	screen_put(s, x + 1, y + 1, sb_str(&status), role, inner);
	taint_text(n, &taints);
	screen_put(s, x + 1, y + 2, taints.len ? sb_str(&taints) : "no taints",
	    taints.len ? R_WARNING : R_DIM, inner);
	view_node_pods(v, n->obj.meta.name, &pods);
	sums(&pods, &cpu, &mem);
	draw_bar(s, x + 1, y + 3, inner, "cpu", cpu, res_list_milli(&n->allocatable, "cpu"));
	draw_bar(s, x + 1, y + 4, inner, "mem", mem, res_list_milli(&n->allocatable, "memory"));
	/* Pods as chips, packed two lines deep. */
	for (size_t i = 0; i < pods.n; i++) {
		const struct pod *p = pods.v[i];
		const char *label = pod_label(p);
		int len = (int)strlen(label) + 2;
		enum role pr = pod_role(p);
		bool sel = selected && v->sel_pod == (int)i;

		if (len > inner)
			len = inner;
		if (cx + len > x + 1 + inner) {
			cx = x + 1;
			cy++;
		}
		if (cy > y + 6 || (cy == y + 6 && i + 1 < pods.n && cx + len + 4 > x + 1 + inner)) {
			screen_putf(s, cx, y + 6, R_DIM, x + 1 + inner - cx, "+%zu", pods.n - i);
			break;
		}
		screen_put(s, cx, cy, "\u25cf", sel ? R_SELECTED : pr, 1);
		screen_put(s, cx + 1, cy, label, sel ? R_SELECTED : pr, len - 2);
		cx += len;
		shown++;
	}
	if (pods.n == 0)
		screen_put(s, x + 1, y + 5, "no pods", R_DIM, inner);
	vec_free(&pods);
	sb_free(&status);
	sb_free(&taints);
}

static void
draw_cell(struct view *v, struct screen *s, const struct node *n, int x, int y, int w,
    bool selected)
{
	struct strbuf status = STRBUF_INIT;
	struct vec pods = VEC_INIT;
	enum role role = node_role(n, &status);
	const char *st = sb_str(&status);
	const char *mark = strstr(st, "SchedulingDisabled") ? "C" : strncmp(st, "Ready", 5) == 0 ? "R" :
	    strncmp(st, "Unknown", 7) == 0						     ? "?" :
											       "N";
	int name_w = w - 8, px;

	screen_put(s, x, y, n->obj.meta.name, selected && v->sel_pod < 0 ? R_SELECTED : R_TEXT,
	    name_w);
	screen_put(s, x + name_w + 1, y, mark, role, 1);
	view_node_pods(v, n->obj.meta.name, &pods);
	px = x + name_w + 3;
	for (size_t i = 0; i < pods.n && px < x + w - 1; i++, px++) {
		bool sel = selected && v->sel_pod == (int)i;

		screen_put(s, px, y, "\u25cf", sel ? R_SELECTED : pod_role(pods.v[i]), 1);
	}
	vec_free(&pods);
	sb_free(&status);
}

static void
draw_grid(struct view *v, struct screen *s, int top, int height)
{
	struct vec nodes = VEC_INIT;
	int cols, rows, row_h, cell_w, sel_row;
	bool boxes;

	view_nodes(v, &nodes);
	if (nodes.n == 0) {
		screen_put(s, 1, top, v->filter[0] ? "no node matches the filter" : "no nodes", R_DIM, -1);
		vec_free(&nodes);
		return;
	}
	cols = s->w / BOX_W > 0 ? s->w / BOX_W : 1;
	rows = ((int)nodes.n + cols - 1) / cols;
	boxes = rows * BOX_H <= height && s->w >= BOX_W;
	if (!boxes) {
		cols = s->w / CELL_W > 0 ? s->w / CELL_W : 1;
		rows = ((int)nodes.n + cols - 1) / cols;
	}
	row_h = boxes ? BOX_H : 1;
	cell_w = boxes ? BOX_W : s->w / cols;
	v->grid_cols = cols;
	/* Scroll so the selected node stays in sight. */
	sel_row = v->sel_node / cols;
	if (sel_row < v->grid_scroll)
		v->grid_scroll = sel_row;
	if ((sel_row - v->grid_scroll + 1) * row_h > height)
		v->grid_scroll = sel_row - height / row_h + 1;
	if (v->grid_scroll < 0)
		v->grid_scroll = 0;
	for (int r = v->grid_scroll; r < rows && (r - v->grid_scroll + 1) * row_h <= height; r++) {
		for (int c = 0; c < cols; c++) {
			size_t i = (size_t)(r * cols + c);
			int x = c * cell_w, y = top + (r - v->grid_scroll) * row_h;

			if (i >= nodes.n)
				break;
			if (boxes)
				draw_box(v, s, nodes.v[i], x, y, (int)i == v->sel_node);
			else
				draw_cell(v, s, nodes.v[i], x, y, cell_w, (int)i == v->sel_node);
		}
	}
	if (rows * row_h > height) {
		int shown = height / row_h;

		/* On the line under the grid, so it never hides a node. */
		screen_putf(s, s->w - 20 > 12 ? s->w - 20 : 12, top + height, R_DIM, 20,
		    "rows %d-%d of %d", v->grid_scroll + 1,
		    v->grid_scroll + shown < rows ? v->grid_scroll + shown : rows, rows);
	}
	vec_free(&nodes);
}

static void
draw_text_lines(struct screen *s, int top, int height, const char *text, int skip)
{
	const char *p = text;
	int line = 0, y = top;

	while (*p != '\0' && y < top + height) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (line >= skip) {
			char *one = xstrndup(p, n);

			screen_put(s, 1, y++, one, strncmp(one, "Warning", 7) == 0 ? R_WARNING : R_TEXT,
			    s->w - 2);
			free(one);
		}
		line++;
		p += n + (nl ? 1 : 0);
	}
}

static void
draw_daemonsets(struct view *v, struct screen *s, int top, int height)
{
	struct vec dss = VEC_INIT;
	struct print_opts po;
	struct table *t;
	struct strbuf text = STRBUF_INIT;

	screen_put(s, 0, top, "DaemonSets", R_TITLE, -1);
	store_list_sorted(v->c->store, KIND_DAEMONSET, NULL, &dss);
	if (dss.n == 0) {
		screen_put(s, 12, top, "(none)", R_DIM, -1);
		vec_free(&dss);
		return;
	}
	memset(&po, 0, sizeof po);
	po.all_namespaces = true;
	t = table_new();
	printers_table(KIND_DAEMONSET, (struct object *const *)dss.v, dss.n, &po, cluster_now(v->c), t);
	table_render(t, false, &text);
	draw_text_lines(s, top + 1, height - 1, sb_str(&text), 0);
	if ((int)dss.n > height - 2)
		screen_putf(s, s->w - 14, top, R_DIM, 14, "(%zu of %zu)", (size_t)(height - 2), dss.n);
	table_free(t);
	sb_free(&text);
	vec_free(&dss);
}

static void
draw_log(struct view *v, struct screen *s, int top, int height)
{
	if (v->show_output && v->output != NULL) {
		screen_put(s, 0, top, "Output", R_TITLE, -1);
		screen_put(s, 8, top, "(PgUp/PgDn scroll, Esc back to the log)", R_DIM, -1);
		draw_text_lines(s, top + 1, height - 1, v->output, v->output_scroll);
		return;
	}
	screen_put(s, 0, top, "Log", R_TITLE, -1);
	if (v->log_scroll > 0)
		screen_putf(s, 5, top, R_DIM, -1, "(%d lines back; PgDn returns)", v->log_scroll);
	for (int i = 0; i < height - 1; i++) {
		int idx = (int)v->log.n - v->log_scroll - (height - 1) + i;
		const char *line;
		enum role r = R_TEXT;

		if (idx < 0)
			continue;
		line = v->log.v[idx];
		if (strstr(line, "Warning ") != NULL)
			r = R_WARNING;
		if (strstr(line, "expect:") != NULL || strstr(line, "condition met") != NULL)
			r = R_PASS;
		if (strstr(line, ": expected ") != NULL || strstr(line, "timed out") != NULL ||
		    strncmp(line, "FAIL", 4) == 0)
			r = R_FAIL;
		/* Checks carry a mark as they are made. */
		if (r == R_PASS || r == R_FAIL) {
			screen_put(s, 0, top + 1 + i, r == R_PASS ? "\u2713" : "\u2717", r, 1);
			screen_put(s, 1, top + 1 + i, line, r, s->w - 1);
		} else {
			screen_put(s, 1, top + 1 + i, line, r, s->w - 2);
		}
	}
}

static void
draw_footer(struct view *v, struct screen *s)
{
	int y = s->h - 1;

	screen_fill(s, 0, y, s->w, 1, R_TEXT);
	if (v->prompt_active) {
		char p[2] = {v->prompt, '\0'};
		int room = s->w - 2 > 1 ? s->w - 2 : 1;

		/* Scroll the line sideways so the cursor stays in sight. */
		v->line_offset = v->cursor > room ? v->cursor - room : 0;
		screen_put(s, 0, y, p, R_PROMPT, 1);
		screen_put(s, 1, y, v->line + v->line_offset, R_TEXT, s->w - 1);
		return;
	}
	if (v->message[0] != '\0') {
		screen_put(s, 0, y, v->message, R_WARNING, s->w);
		return;
	}
	screen_put(s, 0, y,
	    v->speed > 0 ? "space pause  +/- speed  n step  r replay  m mode  : cmd  / find  ? help  q quit" :
			   ": command  / filter  arrows select  enter describe  ? help  q quit",
	    R_DIM, s->w);
}

static void
draw_help(struct screen *s)
{
	static const char *const lines[] = {
		"space        pause or resume the clock",
		"+  -         speed up, slow down (0.25x to 1000x)",
		"n            step to the next event (pauses)",
		"r            replay the scenario from the start",
		"m            replay it in the other placement mode",
		"arrows/hjkl  move between nodes (j/k: next, previous)",
		"tab          the selected node's pods, one by one",
		"enter        kubectl describe the selection",
		"/            filter nodes by name or label",
		":            a command: any kubectl command, or",
		"             addNode NAME [--label k=v] [--taint k=v:Effect]",
		"             removeNode|failNode|recoverNode NAME, wait 30s,",
		"             stopScheduler, startScheduler",
		"PgUp/PgDn    scroll the output; Esc returns to the log",
		"q            quit",
	};
	int n = (int)(sizeof lines / sizeof lines[0]);
	int w = 64 < s->w ? 64 : s->w, h = n + 2 < s->h ? n + 2 : s->h;
	int x = (s->w - w) / 2, y = (s->h - h) / 2;

	screen_fill(s, x, y, w, h, R_TEXT);
	screen_box(s, x, y, w, h, R_BORDER, " keys ");
	for (int i = 0; i < n && i < h - 2; i++)
		screen_put(s, x + 2, y + 1 + i, lines[i], R_TEXT, w - 4);
}

void
view_render(struct view *v, struct screen *s)
{
	int body, log_h, ds_h, grid_h, n_ds;

	screen_clear(s);
	draw_header(v, s);
	draw_footer(v, s);
	if (s->w < 40 || s->h < 10) {
		screen_putf(s, 0, s->h / 2, R_WARNING, s->w, "terminal too small (%dx%d)", s->w, s->h);
		return;
	}
	if (v->c == NULL) {
		/* Nothing to draw yet, but what a command said must still show. */
		draw_log(v, s, 1, s->h - 2);
		if (v->help)
			draw_help(s);
		return;
	}
	view_clamp(v);
	body = s->h - 2;
	n_ds = (int)store_count(v->c->store, KIND_DAEMONSET);
	log_h = s->h >= 36 ? 10 : s->h >= 30 ? 8 : 6;
	ds_h = 2 + (n_ds > 0 ? n_ds : 0);
	if (ds_h > (s->h >= 36 ? 8 : 4))
		ds_h = s->h >= 36 ? 8 : 4;
	if (n_ds == 0)
		ds_h = 1;
	grid_h = body - log_h - ds_h;
	if (grid_h < 3) {
		log_h -= 3 - grid_h;
		grid_h = 3;
	}
	if (log_h < 2)
		log_h = 2;
	/* Room the node boxes do not need goes to the log. */
	{
		struct vec nodes = VEC_INIT;
		int cols = s->w / BOX_W > 0 ? s->w / BOX_W : 1, need;

		view_nodes(v, &nodes);
		need = (((int)nodes.n + cols - 1) / cols) * BOX_H;
		if (need > grid_h || s->w < BOX_W) {
			/* Compact cells, one line per row of them. */
			cols = s->w / CELL_W > 0 ? s->w / CELL_W : 1;
			need = ((int)nodes.n + cols - 1) / cols;
		}
		if (nodes.n == 0)
			need = 1;
		if (need < grid_h) {
			log_h += grid_h - need;
			grid_h = need;
		}
		vec_free(&nodes);
	}
	draw_daemonsets(v, s, 1 + grid_h, ds_h);
	draw_grid(v, s, 1, grid_h);
	draw_log(v, s, 1 + grid_h + ds_h, log_h);
	if (v->help)
		draw_help(s);
}
