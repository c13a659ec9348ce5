/*
 * run.h - replaying a scenario on a fresh cluster, and what came of it.
 *
 * The runner prints nothing itself: it hands timeline lines to a sink the
 * front end provides, and returns a result per expectation for the
 * reports (text, TAP, JUnit).
 */
#ifndef KS_SCENARIO_RUN_H
#define KS_SCENARIO_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "api/meta.h"
#include "control/env.h"
#include "util/vec.h"

struct scenario;
struct strbuf;

struct scn_sink {
	void (*emit)(void *ctx, const char *text); /* one or more whole lines */
	void *ctx;
};

struct run_opts {
	bool last; /* the process exits after this run: its cluster need not be freed */
	bool quiet;   /* only results */
	bool verbose; /* also every store change */
	bool has_mode;
	enum placement_mode mode;
	bool has_seed;
	uint64_t seed;
	int64_t until_ms; /* < 0: run every step */
	FILE *trace;      /* JSON lines of every store change, or NULL */
};

/* One checked expectation. */
struct exp_result {
	char *name;    /* "demo.yaml:12 expect daemonset/x ready" */
	bool ok;
	char *message; /* why it failed (several lines possible), NULL when ok */
	int64_t at_ms;
};

struct run_result {
	size_t steps;
	struct vec results; /* struct exp_result * */
	size_t failed;
	int64_t end_ms;
	/* What the run took (kubesim run --stats): engine events, objects left by kind. */
	uint64_t sim_events;
	size_t objects[KIND__COUNT];
};

void run_result_free(struct run_result *r);
/* Run every step; returns 0 (expectation failures are in r, not errors). */
int scn_run(const struct scenario *s, const struct run_opts *o, const struct scn_sink *sink,
    struct run_result *r);

/*
 * The same run, played a little at a time (the TUI): the same steps, the
 * same output through the sink, the same results. scn_player_advance runs
 * the steps whose turn comes before simulated time t and lets time pass up
 * to t (a wait or waitFor under way continues on the next call); after the
 * last step the cluster keeps running.
 */
struct scn_player;
struct cluster;
struct scn_player *scn_player_new(const struct scenario *s, const struct run_opts *o,
    const struct scn_sink *sink);
void scn_player_advance(struct scn_player *p, int64_t t);
bool scn_player_finished(const struct scn_player *p);
/* When the steps next need the clock: a wait's end, or now for a step ready to run. */
bool scn_player_next_time(const struct scn_player *p, int64_t *t);
/* The index of the step that runs next (== the number of steps when finished). */
size_t scn_player_step(const struct scn_player *p);
struct cluster *scn_player_cluster(struct scn_player *p);
const struct run_result *scn_player_result(const struct scn_player *p);
void scn_player_free(struct scn_player *p);

/* Reports over finished runs (report.c). */
void report_result_line(const char *file, const struct run_result *r, size_t n_expect,
    struct strbuf *out);
void report_tap(const char *const *files, const struct run_result *const *results,
    const char *const *errors, size_t n, struct strbuf *out);
void report_junit(const char *const *files, const struct run_result *const *results,
    const char *const *errors, size_t n, struct strbuf *out);

#endif
