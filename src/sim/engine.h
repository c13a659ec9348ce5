/*
 * engine.h - the discrete-event engine everything else is driven by.
 *
 * Time is a signed count of simulated milliseconds since the start; nothing
 * here reads a real clock, so a run is a pure function of its inputs. An
 * event is a callback and an opaque argument due at some time. Events run in
 * (time, sequence) order, where the sequence is the id handed out when the
 * event was scheduled, so events due at the same millisecond run in the order
 * they were scheduled - including ones scheduled by a running event for "now",
 * which therefore run after it and after everything already queued for now.
 * That tie rule is what makes runs reproducible.
 *
 * The queue is a binary heap of 32-byte entries (time, id, fn, arg) held by
 * value in one array: schedule and dispatch are O(log n) with no allocation
 * beyond the array doubling, which is what 10^6 pending events needs.
 *
 * Cancellation is lazy: a cancelled entry stays in the heap and is discarded
 * when it reaches the top. To know which entries are still live, the engine
 * keeps an open-addressing hash set of the ids of live events (scheduled, not
 * yet run, not cancelled). A set of live ids rather than of cancelled ones,
 * because sim_cancel must say whether the event was still pending and
 * sim_is_pending must answer for ids that already ran, and only the live set
 * can tell "ran" from "never cancelled". It costs one O(1) insert when an
 * event is scheduled and one O(1) delete when it runs or is cancelled, about
 * 16 bytes per pending event. An id->heap-slot index would allow eager
 * removal, but every sift step would then have to update the index, taxing
 * the common path to speed up the rare one.
 *
 * Lazy deletion alone would let a workload that keeps re-arming far-future
 * timers fill the heap with corpses, so when cancelled entries outnumber live
 * ones the heap is compacted and rebuilt in O(n); that is amortised O(1) per
 * cancel. The engine never frees callback arguments: their owner does, and a
 * cancelled event's argument is the canceller's to free.
 *
 * The engine knows nothing of Kubernetes; it is only a clock and a queue.
 */
#ifndef KS_SIM_ENGINE_H
#define KS_SIM_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t sim_ms;  /* simulated milliseconds since the start */
typedef uint64_t sim_id; /* 0 is never a valid id */

struct sim;
typedef void (*sim_fn)(struct sim *sim, void *arg);

struct sim *sim_new(void);
/* Frees the engine and its queue; never frees args. */
void sim_free(struct sim *sim);
sim_ms sim_now(const struct sim *sim);

/* Schedule fn(sim, arg) at when; a time before now is clamped to now. */
sim_id sim_at(struct sim *sim, sim_ms when, sim_fn fn, void *arg);
/* Schedule after delay ms (negative clamps to 0, overflow saturates). */
sim_id sim_after(struct sim *sim, sim_ms delay, sim_fn fn, void *arg);
/*
 * Cancel a pending event; true when it was pending. Cancelling an event that
 * already ran, is running, or was cancelled (or id 0) returns false. O(1)
 * amortised.
 */
bool sim_cancel(struct sim *sim, sim_id id);
bool sim_is_pending(const struct sim *sim, sim_id id);
/* Live (not cancelled, not yet run) events. */
size_t sim_pending(const struct sim *sim);

/*
 * Time of the earliest live event; false when none. Non-const because it may
 * drop cancelled entries from the top of the heap on the way.
 */
bool sim_next_time(struct sim *sim, sim_ms *when);
/* Run the earliest live event with the clock set to its time; false when none. */
bool sim_step(struct sim *sim);
/*
 * Run every event with time <= until (including ones scheduled meanwhile at
 * times <= until), then set the clock to until (never backwards). Returns how
 * many ran.
 */
uint64_t sim_run_until(struct sim *sim, sim_ms until);
/*
 * Retry loops in a steady state. A component retrying something that keeps
 * failing the same way (an image that will not pull, a pod that does not
 * fit) repeats identical work whose only traces are an event's count and a
 * waiting reason, which nothing in the control plane reads. Such a loop
 * schedules its timers with sim_after_steady, and may ask sim_quiet_until
 * for the time before which nothing else will run and no one will look:
 * the next live event that is not a steady retry, or just past the end of
 * the current sim_run_until, whichever comes first (the current time when
 * events are stepped one by one, as a caller judging each instant does).
 * Repetitions that end before it may be skipped and counted at the last
 * one: no one could tell them from having happened, and a wait of years
 * costs one cycle per loop instead of one per five minutes. Other loops'
 * steady retries do not bound it, as they touch only their own traces.
 */
sim_id sim_after_steady(struct sim *sim, sim_ms delay, sim_fn fn, void *arg);
sim_ms sim_quiet_until(struct sim *sim);
/* Total events dispatched so far. */
uint64_t sim_events_run(const struct sim *sim);
/* Total events ever scheduled (cancelled ones included). */
uint64_t sim_events_scheduled(const struct sim *sim);

#endif
