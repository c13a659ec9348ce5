/*
 * tui.c - the ncurses front end: the clock, the keys, the command line.
 *
 * Everything drawn comes from view_render into a screen; this file only
 * copies that screen to the terminal, turns keys into actions and moves
 * the simulation on by the real time that passed times the speed. It polls
 * the keyboard every 50 ms, which is both the frame rate and the longest a
 * key waits. Signals only set a flag: the loop then leaves curses mode, so
 * the terminal is restored however the program ends.
 */
#include "tui/tui.h"

#include <ctype.h>
#include <curses.h>
#include <term.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "cluster.h"
#include "kubesim.h"
#include "state.h"
#include "api/event.h"
#include "api/store.h"
#include "kubectl/kctl.h"
#include "scenario/run.h"
#include "scenario/scenario.h"
#include "tui/command.h"
#include "tui/screen.h"
#include "tui/view.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define FRAME_MS 50
#define RELOAD_MS 1000
#define HISTORY_MAX 100

static const double speeds[] = {0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
#define N_SPEEDS (sizeof speeds / sizeof speeds[0])

double
tui_faster(double speed)
{
	for (size_t i = 0; i < N_SPEEDS; i++)
		if (speeds[i] > speed)
			return speeds[i];
	return speeds[N_SPEEDS - 1];
}

double
tui_slower(double speed)
{
	for (size_t i = N_SPEEDS; i-- > 0;)
		if (speeds[i] < speed)
			return speeds[i];
	return speeds[0];
}

static volatile sig_atomic_t quit_signal;

/* Whatever ends the program (an exit deep inside, a failed allocation), the terminal comes back. */
static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void
on_signal(int sig)
{
	quit_signal = sig;
}

struct tui {
	const struct tui_opts *o;
	struct view v;
	struct screen scr;
	bool utf8, color;
	/* a scenario */
	struct scenario scn;
	struct run_opts ro;
	struct scn_player *player;
	enum placement_mode mode;
	struct scn_sink sink;
	/* the practice cluster */
	struct state st;
	bool loaded;
	int64_t last_reload;
	/* the clock */
	int64_t last_real;
	double carry_ms;
	struct vec history; /* char * */
	int hist_pos;
	bool quit;
};

static int64_t
real_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the scenario ---- */

static void
sink_to_log(void *ctx, const char *text)
{
	view_log(&((struct tui *)ctx)->v, text);
}

static void count_checks(struct tui *t);

static void
start_player(struct tui *t)
{
	scn_player_free(t->player);
	for (size_t i = 0; i < t->v.log.n; i++)
		free(t->v.log.v[i]);
	t->v.log.n = 0;
	t->ro.has_mode = true;
	t->ro.mode = t->mode;
	t->sink.emit = sink_to_log;
	t->sink.ctx = t;
	t->player = scn_player_new(&t->scn, &t->ro, &t->sink);
	t->v.c = scn_player_cluster(t->player);
	t->v.mode = placement_mode_name(t->mode);
	t->v.finished = false;
	t->carry_ms = 0;
	t->v.log_scroll = 0;
	/* The steps at time zero (nodes, the first kubectl) run at once. */
	scn_player_advance(t->player, 0);
	count_checks(t);
}

static void
count_checks(struct tui *t)
{
	const struct run_result *r = scn_player_result(t->player);

	t->v.checks_ok = (int)(r->results.n - r->failed);
	t->v.checks_failed = (int)r->failed;
	t->v.finished = scn_player_finished(t->player);
}

/* Move the simulation on by the real time that passed times the speed. */
static void
tick_scenario(struct tui *t, int64_t now)
{
	double dt = (double)(now - t->last_real);

	t->last_real = now;
	if (t->v.paused)
		return;
	t->carry_ms += dt * t->v.speed;
	if (t->carry_ms >= 1) {
		int64_t step = (int64_t)t->carry_ms;

		t->carry_ms -= (double)step;
		scn_player_advance(t->player, cluster_now(t->v.c) + step);
	}
	count_checks(t);
}

/* 'n': pause, then run up to the next simulation event (and any step due by then). */
static void
step_once(struct tui *t)
{
	sim_ms next = -1, step;
	bool have = sim_next_time(t->v.c->sim, &next);

	t->v.paused = true;
	/* The next thing to happen: a simulation event, or a scenario step coming due. */
	if (scn_player_next_time(t->player, &step) && (!have || step < next)) {
		next = step;
		have = true;
	}
	if (have)
		scn_player_advance(t->player, next);
	count_checks(t);
}

/* ---- the practice cluster ---- */

static void
events_to_log(struct tui *t)
{
	struct vec evs = VEC_INIT;
	size_t from;

	for (size_t i = 0; i < t->v.log.n; i++)
		free(t->v.log.v[i]);
	t->v.log.n = 0;
	store_list(t->st.c->store, KIND_EVENT, NULL, &evs);
	from = evs.n > 200 ? evs.n - 200 : 0;
	for (size_t i = from; i < evs.n; i++) {
		const struct event *e = evs.v[i];
		struct strbuf line = STRBUF_INIT;
		int64_t s = e->last_ms / 1000;

		char kind[32];
		size_t k;

		/* Lower-case kinds, as the scenario timeline writes them. */
		for (k = 0; e->involved_kind[k] != '\0' && k + 1 < sizeof kind; k++)
			kind[k] = (char)tolower((unsigned char)e->involved_kind[k]);
		kind[k] = '\0';
		sb_addf(&line, "%02lld:%02lld:%02lld  %-7s  %-17s %s/%s: %s", (long long)(s / 3600),
		    (long long)(s / 60 % 60), (long long)(s % 60), e->type, e->reason, kind,
		    e->involved_name, e->message);
		if (e->count > 1)
			sb_addf(&line, " (x%d)", e->count);
		view_log(&t->v, sb_str(&line));
		sb_free(&line);
	}
	vec_free(&evs);
}

/* Load the state file again (other shells may have changed it); false with a message on error. */
static bool
reload_cluster(struct tui *t)
{
	struct state fresh;
	struct ks_err err;
	char *path;

	if (state_default_path(&path, &err) < 0 || state_lock(&fresh, path, &err) < 0) {
		snprintf(t->v.message, sizeof t->v.message, "kubesim: %.400s", err.msg);
		if (path != NULL)
			free(path);
		return false;
	}
	free(path);
	if (!state_exists(&fresh)) {
		snprintf(t->v.message, sizeof t->v.message,
		    "no practice cluster yet: create one with kubesim cluster create --nodes 3");
		state_close(&fresh);
		return false;
	}
	if (state_load(&fresh, state_wall_now(), &err) < 0) {
		snprintf(t->v.message, sizeof t->v.message, "kubesim: %.400s", err.msg);
		state_close(&fresh);
		return false;
	}
	state_unlock(&fresh);
	if (t->loaded)
		state_close(&t->st);
	t->st = fresh;
	t->loaded = true;
	t->v.c = t->st.c;
	t->v.mode = placement_mode_name(t->st.mode);
	if (strncmp(t->v.message, "kubesim: ", 9) == 0 || strncmp(t->v.message, "no practice", 11) == 0)
		t->v.message[0] = '\0';
	events_to_log(t);
	return true;
}

/* Run a command on the practice cluster as `kubesim kubectl` and `kubesim cluster` would. */
static void
cluster_command(struct tui *t, const struct tcmd *c, struct strbuf *out)
{
	struct state st;
	struct ks_err err;
	struct kctl_result res;
	cJSON *entry = NULL;
	char *path = NULL;
	int rc, saved;

	if (c->kind == TC_KUBECTL) {
		cJSON *args;

		entry = cJSON_CreateObject();
		cJSON_AddStringToObject(entry, "op", "kubectl");
		args = cJSON_AddArrayToObject(entry, "args");
		for (int i = 0; i < c->argc; i++)
			cJSON_AddItemToArray(args, cJSON_CreateString(c->argv[i]));
	} else if (c->node != NULL) {
		entry = cJSON_Duplicate(c->node, true);
	} else if (c->kind != TC_WAIT) {
		sb_add(out, "error: the practice cluster's scheduler and controllers always run\n");
		return;
	}
	if (state_default_path(&path, &err) < 0 || state_lock(&st, path, &err) < 0 ||
	    state_load(&st, state_wall_now(), &err) < 0) {
		sb_addf(out, "kubesim: %s\n", err.msg);
		cJSON_Delete(entry);
		free(path);
		if (path != NULL)
			state_close(&st);
		return;
	}
	free(path);
	if (c->kind == TC_WAIT) {
		cluster_advance_to(st.c, dur_add(cluster_now(st.c), c->ms));
		sb_add(out, "the clock moved on\n");
	} else {
		kctl_result_init(&res);
		rc = state_apply(&st, entry, &res, &err);
		if (rc < 0)
			sb_addf(out, "kubesim: %s\n", err.msg);
		sb_add(out, sb_str(&res.both));
		kctl_result_free(&res);
	}
	/* A wait moves the clock on purpose; anything else saves only what it changed. */
	saved = c->kind == TC_WAIT ? state_save(&st, state_wall_now(), &err)
				   : state_commit(&st, state_wall_now(), &err);
	if (saved < 0)
		sb_addf(out, "kubesim: %s (the change was not saved)\n", err.msg);
	else if (saved > 0)
		sb_addf(out, "kubesim: the clock's advance could not be saved (%s)\n", err.msg);
	state_close(&st);
	reload_cluster(t);
}

/* ---- commands and keys ---- */

static void
run_line(struct tui *t, const char *line)
{
	struct tcmd c;
	struct ks_err err;
	struct strbuf out = STRBUF_INIT;

	if (line[0] == '\0')
		return;
	if (t->history.n == 0 || strcmp(t->history.v[t->history.n - 1], line) != 0) {
		if (t->history.n >= HISTORY_MAX) {
			free(t->history.v[0]);
			vec_remove(&t->history, 0);
		}
		vec_push(&t->history, xstrdup(line));
	}
	if (tcmd_parse(line, &c, &err) < 0) {
		snprintf(t->v.message, sizeof t->v.message, "%.500s", err.msg);
		return;
	}
	sb_add(&out, "$ ");
	if (c.kind == TC_KUBECTL) {
		/* The words kubectl runs, so "kubectl get pods" and "get pods" echo alike. */
		sb_add(&out, "kubectl");
		for (int i = 0; i < c.argc; i++)
			sb_addf(&out, " %s", c.argv[i]);
	} else {
		sb_add(&out, line);
	}
	sb_addc(&out, '\n');
	if (t->o->cluster) {
		cluster_command(t, &c, &out);
	} else {
		int64_t ms = cluster_now(t->v.c);
		char *logline = xasprintf("%02lld:%02lld.%03lld  > %s", (long long)(ms / 60000),
		    (long long)(ms / 1000 % 60), (long long)(ms % 1000), line);

		/* Stamped like the timeline's lines, so it reads in order with them. */
		view_log(&t->v, logline);
		free(logline);
		tcmd_run(&c, t->v.c, &out);
		count_checks(t);
	}
	view_set_output(&t->v, sb_str(&out));
	sb_free(&out);
	tcmd_free(&c);
}

static void
describe_selection(struct tui *t)
{
	const struct object *o = view_selected(&t->v);
	char *line;

	if (o == NULL)
		return;
	if (o->kind == KIND_NODE)
		line = xasprintf("describe node %s", o->meta.name);
	else
		line = xasprintf("describe pod %s -n %s", o->meta.name, o->meta.ns);
	run_line(t, line);
	free(line);
}

static void
line_insert(struct view *v, int ch)
{
	size_t len = strlen(v->line);

	if (len + 1 >= sizeof v->line)
		return;
	memmove(v->line + v->cursor + 1, v->line + v->cursor, len - (size_t)v->cursor + 1);
	v->line[v->cursor++] = (char)ch;
}

static void
set_line(struct view *v, const char *text)
{
	snprintf(v->line, sizeof v->line, "%s", text);
	v->cursor = (int)strlen(v->line);
}

/* Keys while the command line is open: editing as readline does it, history on Up/Down. */
static void
prompt_key(struct tui *t, int ch)
{
	struct view *v = &t->v;
	size_t len = strlen(v->line);

	switch (ch) {
	case 27: /* Esc */
		v->prompt_active = false;
		if (v->prompt == '/')
			v->filter[0] = '\0';
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		v->prompt_active = false;
		if (v->prompt == '/') {
			snprintf(v->filter, sizeof v->filter, "%s", v->line);
			v->sel_node = 0;
			v->sel_pod = -1;
		} else {
			char *line = xstrdup(v->line);

			run_line(t, line);
			free(line);
		}
		break;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (v->cursor > 0) {
			memmove(v->line + v->cursor - 1, v->line + v->cursor, len - (size_t)v->cursor + 1);
			v->cursor--;
		} else if (len == 0) {
			v->prompt_active = false;
		}
		break;
	case KEY_DC:
	case 4: /* ^D */
		if ((size_t)v->cursor < len)
			memmove(v->line + v->cursor, v->line + v->cursor + 1, len - (size_t)v->cursor);
		break;
	case KEY_LEFT:
	case 2: /* ^B */
		if (v->cursor > 0)
			v->cursor--;
		break;
	case KEY_RIGHT:
	case 6: /* ^F */
		if ((size_t)v->cursor < len)
			v->cursor++;
		break;
	case KEY_HOME:
	case 1: /* ^A */
		v->cursor = 0;
		break;
	case KEY_END:
	case 5: /* ^E */
		v->cursor = (int)len;
		break;
	case 21: /* ^U */
		memmove(v->line, v->line + v->cursor, len - (size_t)v->cursor + 1);
		v->cursor = 0;
		break;
	case 11: /* ^K */
		v->line[v->cursor] = '\0';
		break;
	case 23: { /* ^W: the word before the cursor */
		int start = v->cursor;

		while (start > 0 && v->line[start - 1] == ' ')
			start--;
		while (start > 0 && v->line[start - 1] != ' ')
			start--;
		memmove(v->line + start, v->line + v->cursor, len - (size_t)v->cursor + 1);
		v->cursor = start;
		break;
	}
	case KEY_UP:
		if (v->prompt == ':' && t->hist_pos > 0)
			set_line(v, t->history.v[--t->hist_pos]);
		break;
	case KEY_DOWN:
		if (v->prompt == ':' && t->hist_pos < (int)t->history.n) {
			t->hist_pos++;
			set_line(v, t->hist_pos < (int)t->history.n ? (const char *)t->history.v[t->hist_pos] : "");
		}
		break;
	default:
		if (ch >= 0x20 && ch < 0x7F)
			line_insert(v, ch);
		break;
	}
	if (v->prompt == '/' && v->prompt_active)
		snprintf(v->filter, sizeof v->filter, "%s", v->line); /* filter as you type */
}

static void
move_selection(struct tui *t, int dnode, int dpod)
{
	struct view *v = &t->v;

	if (dnode != 0) {
		v->sel_node += dnode;
		v->sel_pod = -1;
		if (v->sel_node < 0)
			v->sel_node = 0;
	}
	if (dpod != 0) {
		struct vec nodes = VEC_INIT, pods = VEC_INIT;

		/* Tab cycles node, its first pod, ..., its last pod, the node again. */
		view_nodes(v, &nodes);
		if (v->sel_node >= 0 && (size_t)v->sel_node < nodes.n)
			view_node_pods(v, ((struct object *)nodes.v[v->sel_node])->meta.name, &pods);
		v->sel_pod += dpod;
		if (v->sel_pod >= (int)pods.n)
			v->sel_pod = -1;
		if (v->sel_pod < -1)
			v->sel_pod = (int)pods.n - 1;
		vec_free(&nodes);
		vec_free(&pods);
	}
	view_clamp(v);
}

static void
key(struct tui *t, int ch)
{
	struct view *v = &t->v;
	bool live = t->o->cluster;

	v->message[0] = '\0';
	if (v->help) {
		v->help = false;
		return;
	}
	if (v->prompt_active) {
		prompt_key(t, ch);
		return;
	}
	switch (ch) {
	case 'q':
	case 'Q':
		t->quit = true;
		break;
	case '?':
	case KEY_F(1):
		v->help = true;
		break;
	case ':':
		v->prompt_active = true;
		v->prompt = ':';
		set_line(v, "");
		t->hist_pos = (int)t->history.n;
		break;
	case '/':
		v->prompt_active = true;
		v->prompt = '/';
		set_line(v, v->filter);
		break;
	case 27:
		v->show_output = false;
		break;
	case KEY_NPAGE:
		view_scroll(v, 10);
		break;
	case KEY_PPAGE:
		view_scroll(v, -10);
		break;
	/* Arrows move through the grid as it is drawn; j/k walk the nodes in order. */
	case 'j':
	case 'l':
	case KEY_RIGHT:
		move_selection(t, 1, 0);
		break;
	case 'k':
	case 'h':
	case KEY_LEFT:
		move_selection(t, -1, 0);
		break;
	case KEY_DOWN:
		move_selection(t, v->grid_cols > 0 ? v->grid_cols : 1, 0);
		break;
	case KEY_UP:
		move_selection(t, -(v->grid_cols > 0 ? v->grid_cols : 1), 0);
		break;
	case '\t':
		move_selection(t, 0, 1);
		break;
	case KEY_BTAB:
		move_selection(t, 0, -1);
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		describe_selection(t);
		break;
	default:
		if (live && strchr(" +=-nrm", ch) != NULL) {
			snprintf(v->message, sizeof v->message,
			    "the practice cluster runs on the wall clock (kubesim cluster advance moves it on)");
			break;
		}
		switch (ch) {
		case ' ':
			v->paused = !v->paused;
			break;
		case '+':
		case '=':
			v->speed = tui_faster(v->speed);
			break;
		case '-':
		case '_':
			v->speed = tui_slower(v->speed);
			break;
		case 'n':
			step_once(t);
			break;
		case 'r':
			start_player(t);
			snprintf(v->message, sizeof v->message, "replaying from the start");
			break;
		case 'm':
			t->mode = t->mode == MODE_LEGACY ? MODE_SCHEDULER : MODE_LEGACY;
			start_player(t);
			snprintf(v->message, sizeof v->message, "replaying in %s mode",
			    placement_mode_name(t->mode));
			break;
		default:
			break;
		}
	}
}

/* ---- the terminal ---- */

enum { PAIR_BASE = 1 };

static const struct {
	short fg, bg;
	bool bold, reverse;
} role_style[R__COUNT] = {
	[R_TEXT] = {-1, -1, false, false},
	[R_DIM] = {-1, -1, false, false},
	[R_TITLE] = {COLOR_CYAN, -1, true, false},
	[R_HEADER] = {COLOR_BLACK, COLOR_CYAN, false, true},
	[R_BORDER] = {COLOR_BLUE, -1, false, false},
	[R_SELECTED] = {COLOR_BLACK, COLOR_YELLOW, true, true},
	[R_READY] = {COLOR_GREEN, -1, true, false},
	[R_NOTREADY] = {COLOR_RED, -1, true, false},
	[R_UNKNOWN] = {COLOR_MAGENTA, -1, true, false},
	[R_CORDONED] = {COLOR_YELLOW, -1, true, false},
	[R_POD_PENDING] = {COLOR_YELLOW, -1, false, false},
	[R_POD_CREATING] = {COLOR_CYAN, -1, false, false},
	[R_POD_RUNNING] = {COLOR_GREEN, -1, false, false},
	[R_POD_TERMINATING] = {COLOR_MAGENTA, -1, false, false},
	[R_POD_FAILED] = {COLOR_RED, -1, true, false},
	[R_PASS] = {COLOR_GREEN, -1, true, false},
	[R_FAIL] = {COLOR_RED, -1, true, false},
	[R_WARNING] = {COLOR_YELLOW, -1, false, false},
	[R_BAR_USED] = {COLOR_GREEN, -1, true, false},
	[R_PROMPT] = {COLOR_YELLOW, -1, true, false},
};

static void
init_colors(struct tui *t)
{
	t->color = has_colors() && getenv("NO_COLOR") == NULL;
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	for (int r = 0; r < R__COUNT; r++)
		init_pair((short)(PAIR_BASE + r), role_style[r].fg, role_style[r].bg);
}

static attr_t
role_attr(const struct tui *t, enum role r)
{
	attr_t a = A_NORMAL;

	if (t->color) {
		a |= COLOR_PAIR(PAIR_BASE + r);
		if (role_style[r].bold)
			a |= A_BOLD;
		return a;
	}
	/* Monochrome: structure by attributes alone. */
	if (r == R_HEADER || r == R_SELECTED)
		a |= A_REVERSE;
	if (r == R_TITLE || r == R_FAIL || r == R_NOTREADY || r == R_PROMPT)
		a |= A_BOLD;
	if (r == R_DIM)
		a |= A_DIM;
	return a;
}

/* ASCII stand-ins when the terminal cannot show UTF-8. */
static chtype
fallback(uint32_t ch)
{
	switch (ch) {
	case 0x2500:
		return ACS_HLINE;
	case 0x2502:
		return ACS_VLINE;
	case 0x250C:
		return ACS_ULCORNER;
	case 0x2510:
		return ACS_URCORNER;
	case 0x2514:
		return ACS_LLCORNER;
	case 0x2518:
		return ACS_LRCORNER;
	case 0x25CF:
		return 'o';
	case 0x2713:
		return '+';
	case 0x2717:
		return 'x';
	default:
		return ch < 0x80 ? (chtype)ch : '?';
	}
}

static void
blit(struct tui *t)
{
	const struct screen *s = &t->scr;

	for (int y = 0; y < s->h; y++) {
		move(y, 0);
		for (int x = 0; x < s->w; x++) {
			const struct cell *c = &s->cells[y * s->w + x];
			attr_t a = role_attr(t, (enum role)c->role);

			/* UTF-8 terminals get the characters themselves; others ACS lines and ASCII. */
			if (c->ch >= 0x80 && t->utf8) {
				wchar_t wc[2] = {(wchar_t)c->ch, 0};
				cchar_t cc;

				setcchar(&cc, wc, a, 0, NULL);
				add_wch(&cc);
			} else {
				addch(fallback(c->ch) | a);
			}
		}
	}
	if (t->v.prompt_active) {
		curs_set(1);
		move(s->h - 1, 1 + t->v.cursor - t->v.line_offset < s->w ? 1 + t->v.cursor - t->v.line_offset : s->w - 1);
	} else {
		curs_set(0);
	}
	refresh();
}

static void
frame(struct tui *t)
{
	int h, w;

	getmaxyx(stdscr, h, w);
	if (h != t->scr.h || w != t->scr.w) {
		screen_free(&t->scr);
		screen_init(&t->scr, w, h);
		clear();
	}
	view_render(&t->v, &t->scr);
	blit(t);
}

static int
setup(struct tui *t)
{
	struct ks_err err;

	view_init(&t->v);
	t->v.speed = t->o->cluster ? 0 : t->o->speed;
	vec_init(&t->history);
	if (t->o->cluster) {
		snprintf(t->v.title, sizeof t->v.title, "practice cluster");
		return 0;
	}
	if (scn_load_file(t->o->scenario, &t->scn, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		scn_free(&t->scn);
		view_free(&t->v);
		vec_free(&t->history);
		return -1;
	}
	memset(&t->ro, 0, sizeof t->ro);
	t->ro.until_ms = -1;
	t->ro.has_seed = t->o->has_seed;
	t->ro.seed = t->o->seed;
	t->mode = t->o->has_mode ? t->o->mode : t->scn.has_mode ? t->scn.mode : MODE_SCHEDULER;
	snprintf(t->v.title, sizeof t->v.title, "%s", t->scn.name);
	return 0;
}

int
tui_run(const struct tui_opts *o)
{
	struct tui t;
	struct sigaction sa;
	SCREEN *term;

	memset(&t, 0, sizeof t);
	t.o = o;
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fprintf(stderr, "kubesim: tui needs a terminal (%s is not one); "
				"`kubesim run` prints the same scenario as a timeline\n",
		    isatty(STDOUT_FILENO) ? "stdin" : "stdout");
		return KS_EXIT_USAGE;
	}
	if (setup(&t) < 0)
		return KS_EXIT_USAGE;
	setlocale(LC_ALL, "");
	t.utf8 = MB_CUR_MAX > 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* newterm, unlike initscr, returns on an unknown terminal instead of exiting. */
	term = newterm(NULL, stdout, stdin);
	if (term == NULL || tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		if (term != NULL) {
			endwin();
			delscreen(term);
		}
		fprintf(stderr, "kubesim: tui cannot drive this terminal (TERM=%s): it needs one that "
				"can move the cursor; `kubesim run` prints the same scenario as a timeline\n",
		    getenv("TERM") ? getenv("TERM") : "");
		scn_free(&t.scn);
		view_free(&t.v);
		vec_free(&t.history);
		return KS_EXIT_USAGE;
	}
	atexit(restore_terminal);
	raw(); /* ^C arrives as a key as well as a signal would; both quit */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(FRAME_MS);
	curs_set(0);
	init_colors(&t);
	screen_init(&t.scr, COLS, LINES);
	if (o->cluster)
		reload_cluster(&t);
	else
		start_player(&t);
	t.last_real = real_ms();
	t.last_reload = t.last_real;
	while (!t.quit && !quit_signal) {
		int64_t now = real_ms();
		int ch;

		if (o->cluster && now - t.last_reload >= RELOAD_MS) {
			t.last_reload = now;
			reload_cluster(&t);
		} else if (!o->cluster) {
			tick_scenario(&t, now);
		}
		frame(&t);
		ch = getch();
		if (ch == 3) /* ^C in raw mode */
			t.quit = true;
		else if (ch != ERR && ch != KEY_RESIZE)
			key(&t, ch);
	}
	endwin();
	delscreen(term);
	scn_player_free(t.player);
	if (t.loaded)
		state_close(&t.st);
	if (!o->cluster)
		scn_free(&t.scn);
	for (size_t i = 0; i < t.history.n; i++)
		free(t.history.v[i]);
	vec_free(&t.history);
	screen_free(&t.scr);
	t.v.c = NULL;
	view_free(&t.v);
	return KS_EXIT_OK;
}
