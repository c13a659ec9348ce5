/*
 * check_engine.c - the discrete-event engine's ordering and cancellation.
 *
 * Events append a record to a shared log, so each test states the exact
 * order it expects. The stress test drives 10^5 events with random times,
 * random cancellations and events that schedule more events, and checks the
 * dispatch order against (time, id) and every event's fate.
 */
#include <check.h>
#include <stdlib.h>

#include "runner.h"
#include "sim/engine.h"
#include "sim/rng.h"

#define LOG_MAX 64

struct log {
	int n;
	int tag[LOG_MAX];
	sim_ms at[LOG_MAX];
};

struct rec {
	struct log *log;
	int tag;
};

static void
ev_log(struct sim *sim, void *arg)
{
	struct rec *r = arg;
	struct log *log = r->log;

	ck_assert_int_lt(log->n, LOG_MAX);
	log->tag[log->n] = r->tag;
	log->at[log->n] = sim_now(sim);
	log->n++;
}

static void
assert_tags(const struct log *log, const int *want, int n)
{
	int i;

	ck_assert_int_eq(log->n, n);
	for (i = 0; i < n; i++)
		ck_assert_msg(log->tag[i] == want[i], "event %d: ran tag %d, want %d", i, log->tag[i],
		    want[i]);
}

START_TEST(test_events_run_in_time_order)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r[4] = {{&log, 30}, {&log, 10}, {&log, 20}, {&log, 5}};
	int want[] = {5, 10, 20, 30};
	int i;

	for (i = 0; i < 4; i++)
		sim_at(sim, r[i].tag, ev_log, &r[i]);
	ck_assert_uint_eq(sim_pending(sim), 4);
	while (sim_step(sim))
		;
	assert_tags(&log, want, 4);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(log.at[i], want[i]);
	ck_assert_int_eq(sim_now(sim), 30);
	ck_assert_uint_eq(sim_events_run(sim), 4);
	ck_assert_uint_eq(sim_pending(sim), 0);
	sim_free(sim);
}
END_TEST

START_TEST(test_events_at_the_same_time_run_in_the_order_scheduled)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r[6];
	int want[] = {0, 1, 2, 3, 4, 5};
	int i;

	for (i = 0; i < 6; i++) {
		r[i] = (struct rec){&log, i};
		sim_at(sim, 100, ev_log, &r[i]);
	}
	ck_assert_uint_eq(sim_run_until(sim, 100), 6);
	assert_tags(&log, want, 6);
	sim_free(sim);
}
END_TEST

START_TEST(test_ids_are_nonzero_and_distinct)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r = {&log, 0};
	sim_id a = sim_at(sim, 5, ev_log, &r);
	sim_id b = sim_at(sim, 5, ev_log, &r);

	ck_assert_uint_ne(a, 0);
	ck_assert_uint_ne(b, 0);
	ck_assert_uint_ne(a, b);
	ck_assert(sim_is_pending(sim, a));
	ck_assert(!sim_is_pending(sim, 0));
	ck_assert(!sim_cancel(sim, 0));
	sim_free(sim);
}
END_TEST

START_TEST(test_a_cancelled_event_never_runs)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r[3] = {{&log, 1}, {&log, 2}, {&log, 3}};
	int want[] = {1, 3};
	sim_id id;
	sim_ms t;

	sim_at(sim, 10, ev_log, &r[0]);
	id = sim_at(sim, 20, ev_log, &r[1]);
	sim_at(sim, 30, ev_log, &r[2]);
	ck_assert(sim_cancel(sim, id));
	ck_assert(!sim_is_pending(sim, id));
	ck_assert(!sim_cancel(sim, id));
	ck_assert_uint_eq(sim_pending(sim), 2);
	ck_assert_uint_eq(sim_run_until(sim, 1000), 2);
	assert_tags(&log, want, 2);
	ck_assert_uint_eq(sim_events_run(sim), 2);
	ck_assert(!sim_next_time(sim, &t));
	sim_free(sim);
}
END_TEST

START_TEST(test_cancelling_the_earliest_event_exposes_the_next)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r = {&log, 1};
	sim_id a = sim_at(sim, 10, ev_log, &r);
	sim_ms t = -1;

	sim_at(sim, 50, ev_log, &r);
	ck_assert(sim_next_time(sim, &t));
	ck_assert_int_eq(t, 10);
	ck_assert(sim_cancel(sim, a));
	ck_assert(sim_next_time(sim, &t));
	ck_assert_int_eq(t, 50);
	sim_free(sim);
}
END_TEST

START_TEST(test_cancelling_an_event_that_already_ran_returns_false)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r = {&log, 1};
	sim_id id = sim_at(sim, 10, ev_log, &r);

	ck_assert(sim_step(sim));
	ck_assert(!sim_is_pending(sim, id));
	ck_assert(!sim_cancel(sim, id));
	ck_assert(!sim_step(sim));
	sim_free(sim);
}
END_TEST

/* Cancels ctx->victim and itself while running, recording the results. */
struct canceller {
	struct log *log;
	sim_id self;
	sim_id victim;
	bool self_pending;
	bool cancelled_self;
	bool cancelled_victim;
};

static void
ev_cancel(struct sim *sim, void *arg)
{
	struct canceller *c = arg;

	c->self_pending = sim_is_pending(sim, c->self);
	c->cancelled_self = sim_cancel(sim, c->self);
	c->cancelled_victim = sim_cancel(sim, c->victim);
}

START_TEST(test_an_event_can_cancel_another_due_at_the_same_time_but_not_itself)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r = {&log, 2};
	struct canceller c = {0};
	int want[] = {0};

	c.log = &log;
	c.self = sim_at(sim, 7, ev_cancel, &c);
	c.victim = sim_at(sim, 7, ev_log, &r);
	ck_assert_uint_eq(sim_run_until(sim, 7), 1);
	ck_assert(!c.self_pending);
	ck_assert(!c.cancelled_self);
	ck_assert(c.cancelled_victim);
	assert_tags(&log, want, 0);
	ck_assert_uint_eq(sim_pending(sim), 0);
	sim_free(sim);
}
END_TEST

struct chain {
	struct log *log;
	struct rec later;
	sim_ms delay;
};

static void
ev_chain(struct sim *sim, void *arg)
{
	struct chain *c = arg;
	struct rec self = {c->log, 1};

	ev_log(sim, &self);
	sim_after(sim, c->delay, ev_log, &c->later);
}

START_TEST(test_an_event_scheduled_for_now_runs_after_those_already_queued)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct chain c = {&log, {&log, 3}, 0};
	struct rec r = {&log, 2};
	int want[] = {1, 2, 3};

	sim_at(sim, 5, ev_chain, &c);
	sim_at(sim, 5, ev_log, &r);
	ck_assert_uint_eq(sim_run_until(sim, 5), 3);
	assert_tags(&log, want, 3);
	ck_assert_int_eq(log.at[2], 5);
	sim_free(sim);
}
END_TEST

START_TEST(test_a_time_in_the_past_is_clamped_to_now)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r[2] = {{&log, 1}, {&log, 2}};
	int want[] = {1, 2};

	sim_run_until(sim, 100);
	sim_at(sim, 40, ev_log, &r[0]);
	sim_after(sim, -5, ev_log, &r[1]);
	ck_assert(sim_step(sim));
	ck_assert(sim_step(sim));
	assert_tags(&log, want, 2);
	ck_assert_int_eq(log.at[0], 100);
	ck_assert_int_eq(log.at[1], 100);
	sim_free(sim);
}
END_TEST

START_TEST(test_a_huge_delay_saturates_instead_of_wrapping)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r = {&log, 1};
	sim_ms t = 0;

	sim_run_until(sim, 1000);
	sim_after(sim, INT64_MAX, ev_log, &r);
	ck_assert(sim_next_time(sim, &t));
	ck_assert_int_eq(t, INT64_MAX);
	ck_assert_uint_eq(sim_run_until(sim, 2000), 0);
	sim_free(sim);
}
END_TEST

START_TEST(test_run_until_includes_events_scheduled_meanwhile_and_sets_the_clock)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct chain inside = {&log, {&log, 3}, 40};  /* 10 + 40 = 50 <= 60 */
	struct chain outside = {&log, {&log, 4}, 100}; /* 20 + 100 = 120 > 60 */
	int want[] = {1, 1, 3};
	sim_ms t;

	sim_at(sim, 10, ev_chain, &inside);
	sim_at(sim, 20, ev_chain, &outside);
	ck_assert_uint_eq(sim_run_until(sim, 60), 3);
	assert_tags(&log, want, 3);
	ck_assert_int_eq(log.at[2], 50);
	ck_assert_int_eq(sim_now(sim), 60);
	ck_assert(sim_next_time(sim, &t));
	ck_assert_int_eq(t, 120);
	ck_assert_uint_eq(sim_pending(sim), 1);
	sim_free(sim);
}
END_TEST

START_TEST(test_run_until_runs_an_event_due_exactly_at_the_limit)
{
	struct sim *sim = sim_new();
	struct log log = {0};
	struct rec r[2] = {{&log, 1}, {&log, 2}};
	int want[] = {1};

	sim_at(sim, 60, ev_log, &r[0]);
	sim_at(sim, 61, ev_log, &r[1]);
	ck_assert_uint_eq(sim_run_until(sim, 60), 1);
	assert_tags(&log, want, 1);
	ck_assert_int_eq(sim_now(sim), 60);
	sim_free(sim);
}
END_TEST

START_TEST(test_run_until_never_moves_the_clock_backwards)
{
	struct sim *sim = sim_new();

	ck_assert_uint_eq(sim_run_until(sim, 500), 0);
	ck_assert_int_eq(sim_now(sim), 500);
	ck_assert_uint_eq(sim_run_until(sim, 200), 0);
	ck_assert_int_eq(sim_now(sim), 500);
	sim_free(sim);
}
END_TEST

START_TEST(test_an_empty_engine_has_nothing_to_step)
{
	struct sim *sim = sim_new();
	sim_ms t = 42;

	ck_assert(!sim_step(sim));
	ck_assert(!sim_next_time(sim, &t));
	ck_assert_int_eq(t, 42);
	ck_assert_uint_eq(sim_pending(sim), 0);
	ck_assert_uint_eq(sim_events_run(sim), 0);
	ck_assert_int_eq(sim_now(sim), 0);
	sim_free(sim);
}
END_TEST

static void
ev_nop(struct sim *sim, void *arg)
{
	(void)sim;
	(void)arg;
}

START_TEST(test_mass_cancellation_of_far_timers_leaves_the_queue_consistent)
{
	struct sim *sim = sim_new();
	enum { N = 20000 };
	sim_id *ids = malloc(N * sizeof *ids);
	sim_ms t = 0;
	int i;

	/* Re-armed timeouts: each one is cancelled and replaced by a later one. */
	for (i = 0; i < N; i++) {
		ids[i] = sim_at(sim, 1000000 + i, ev_nop, NULL);
		if (i > 0)
			ck_assert(sim_cancel(sim, ids[i - 1]));
	}
	ck_assert_uint_eq(sim_pending(sim), 1);
	for (i = 0; i < N - 1; i++)
		ck_assert(!sim_is_pending(sim, ids[i]));
	ck_assert(sim_is_pending(sim, ids[N - 1]));
	ck_assert(sim_next_time(sim, &t));
	ck_assert_int_eq(t, 1000000 + N - 1);
	ck_assert_uint_eq(sim_run_until(sim, INT64_MAX), 1);
	ck_assert_uint_eq(sim_pending(sim), 0);
	free(ids);
	sim_free(sim);
}
END_TEST

/*
 * Stress: every event knows its own id; on dispatch it checks it is not
 * before the previous one in (time, id) order; half of them schedule a
 * follow-up (a third of those at "now") and a sixth cancel a random event.
 */
#define STRESS_N 100000

struct stress;

struct sev {
	struct stress *st;
	sim_id id;
	sim_ms due;
	int runs;
	bool cancelled;
};

struct stress {
	struct sim *sim;
	struct rng rng;
	struct sev *ev;
	int n;
	sim_ms last_time;
	sim_id last_id;
	uint64_t dispatched;
};

static void ev_stress(struct sim *sim, void *arg);

static void
stress_add(struct stress *st, sim_ms due)
{
	struct sev *e;

	ck_assert_int_lt(st->n, STRESS_N);
	e = &st->ev[st->n++];
	e->st = st;
	e->due = due;
	e->id = sim_at(st->sim, due, ev_stress, e);
}

static void
stress_cancel_random(struct stress *st)
{
	struct sev *e = &st->ev[rng_below(&st->rng, (uint64_t)st->n)];
	bool pending = sim_is_pending(st->sim, e->id);

	ck_assert(pending == (e->runs == 0 && !e->cancelled));
	ck_assert(sim_cancel(st->sim, e->id) == pending);
	if (pending)
		e->cancelled = true;
}

static void
ev_stress(struct sim *sim, void *arg)
{
	struct sev *e = arg;
	struct stress *st = e->st;
	sim_ms now = sim_now(sim);

	ck_assert(!e->cancelled);
	ck_assert_int_eq(e->runs, 0);
	e->runs++;
	st->dispatched++;
	ck_assert_int_eq(now, e->due);
	ck_assert_msg(now > st->last_time || (now == st->last_time && e->id > st->last_id),
	    "event %llu at %lld ran after %llu at %lld", (unsigned long long)e->id, (long long)now,
	    (unsigned long long)st->last_id, (long long)st->last_time);
	st->last_time = now;
	st->last_id = e->id;

	switch (rng_below(&st->rng, 6)) {
	case 0:
		if (st->n < STRESS_N)
			stress_add(st, now);
		break;
	case 1:
	case 2:
		if (st->n < STRESS_N)
			stress_add(st, now + (sim_ms)rng_below(&st->rng, 1000));
		break;
	case 3:
		stress_cancel_random(st);
		break;
	default:
		break;
	}
}

START_TEST(test_a_hundred_thousand_random_events_run_in_time_then_id_order)
{
	struct stress st = {0};
	uint64_t ran, cancelled = 0;
	int i;

	st.sim = sim_new();
	st.ev = calloc(STRESS_N, sizeof *st.ev);
	rng_seed(&st.rng, 20240601);
	st.last_time = -1;

	/* Few distinct times, so ties are common. */
	for (i = 0; i < STRESS_N * 3 / 5; i++)
		stress_add(&st, (sim_ms)rng_below(&st.rng, 5000));
	for (i = 0; i < STRESS_N / 20; i++)
		stress_cancel_random(&st);

	ran = sim_run_until(st.sim, INT64_MAX - 1);
	ck_assert_uint_eq(ran, st.dispatched);
	ck_assert_uint_eq(sim_events_run(st.sim), st.dispatched);
	ck_assert_uint_eq(sim_pending(st.sim), 0);
	for (i = 0; i < st.n; i++) {
		ck_assert_int_eq(st.ev[i].runs, st.ev[i].cancelled ? 0 : 1);
		cancelled += st.ev[i].cancelled;
	}
	ck_assert_uint_eq(ran + cancelled, (uint64_t)st.n);
	ck_assert_int_eq(st.n, STRESS_N);
	ck_assert_uint_gt(cancelled, 0);
	free(st.ev);
	sim_free(st.sim);
}
END_TEST

static Suite *
engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("ordering");
	TCase *tcc = tcase_create("cancel");
	TCase *tcr = tcase_create("run_until");
	TCase *tcs = tcase_create("stress");

	tcase_add_test(tc, test_events_run_in_time_order);
	tcase_add_test(tc, test_events_at_the_same_time_run_in_the_order_scheduled);
	tcase_add_test(tc, test_ids_are_nonzero_and_distinct);
	tcase_add_test(tc, test_an_event_scheduled_for_now_runs_after_those_already_queued);
	tcase_add_test(tc, test_a_time_in_the_past_is_clamped_to_now);
	tcase_add_test(tc, test_a_huge_delay_saturates_instead_of_wrapping);
	tcase_add_test(tc, test_an_empty_engine_has_nothing_to_step);
	suite_add_tcase(s, tc);

	tcase_add_test(tcc, test_a_cancelled_event_never_runs);
	tcase_add_test(tcc, test_cancelling_the_earliest_event_exposes_the_next);
	tcase_add_test(tcc, test_cancelling_an_event_that_already_ran_returns_false);
	tcase_add_test(tcc, test_an_event_can_cancel_another_due_at_the_same_time_but_not_itself);
	tcase_add_test(tcc, test_mass_cancellation_of_far_timers_leaves_the_queue_consistent);
	suite_add_tcase(s, tcc);

	tcase_add_test(tcr, test_run_until_includes_events_scheduled_meanwhile_and_sets_the_clock);
	tcase_add_test(tcr, test_run_until_runs_an_event_due_exactly_at_the_limit);
	tcase_add_test(tcr, test_run_until_never_moves_the_clock_backwards);
	suite_add_tcase(s, tcr);

	tcase_add_test(tcs, test_a_hundred_thousand_random_events_run_in_time_then_id_order);
	/* Generous for sanitizer and valgrind builds. */
	tcase_set_timeout(tcs, 60);
	suite_add_tcase(s, tcs);
	return s;
}

KS_CHECK_MAIN(engine_suite)
