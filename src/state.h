/*
 * state.h - the persistent practice cluster behind `kubesim kubectl` and
 * `kubesim cluster` (SPEC §5).
 *
 * The state file is a journal, not a memory dump. It records how the
 * cluster was created (mode, seed, initial nodes), every change made to it
 * (kubectl commands with the manifests they read, nodes added, failed,
 * recovered and removed), each stamped with the simulated time it happened
 * at, and the simulated clock. Loading replays the journal on a fresh
 * cluster; because the simulation is deterministic, that rebuilds every
 * object and every pending timer (a pod half-way through its image pull, a
 * toleration counting down, a scheduler back-off) exactly, which a dump of
 * the objects alone could not. The file also carries a snapshot of every
 * object as kubectl -o json shows it, for people and tools to read; it is
 * written, never read back.
 *
 * Between invocations the clock moves on by the wall-clock time that passed
 * (at most STATE_MAX_GAP_MS), so pods start while the learner types; a
 * cluster created with the manual clock only moves on `cluster advance`.
 *
 * Every invocation holds an exclusive lock (flock on FILE.lock) from load
 * to save, and the file is replaced atomically (temporary file, fsync,
 * rename), so parallel commands all land and a crash never leaves half a
 * file. When FILE is a symbolic link, FILE is its target throughout: the
 * link stays a link, and every name of the file shares one lock. Where
 * the lock file cannot be created (a directory the user may not write
 * in), reads go on unlocked, which is safe because the file is only ever
 * replaced whole, and saves are refused.
 *
 * A file that cannot be read as a state of this format - bad JSON, a
 * value of the wrong type or out of range anywhere, more than
 * STATE_MAX_NODES nodes - is an error naming the file and the field, and
 * is left as it is.
 */
#ifndef KS_STATE_H
#define KS_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "control/env.h"

struct cluster;
struct kctl_result;
struct ks_err;

/* The format this build writes and the newest it reads. */
#define STATE_FORMAT 1
/* A cluster left alone resumes at most this much later (replay stays fast). */
#define STATE_MAX_GAP_MS (60 * 60 * 1000)
/* A command waiting this long for the lock says so (then waits on). */
#define STATE_LOCK_NOTICE_MS 1000
/* `cluster create --nodes` and the file's "nodes": a load builds every one of them. */
#define STATE_MAX_NODES 1000
/*
 * The simulated clock's range (100 years of 365 days): "now", "at" and an
 * image's pull time. Timestamps stay within four-digit years, a clock
 * plus any timer stays far from int64 overflow, and every value is exact
 * in the double that JSON numbers are read into.
 */
#define STATE_MAX_TIME_MS (100LL * 365 * 24 * 3600 * 1000)
/* "wallClock": milliseconds since 1970 up to the end of the year 9999. */
#define STATE_MAX_WALL_MS 253402300799999LL
/* 2^53 - 1: the largest seed a JSON number holds exactly (jq's limit too). */
#define STATE_MAX_SEED 9007199254740991LL

enum state_clock {
	CLOCK_REAL,   /* follows the wall clock between invocations */
	CLOCK_MANUAL, /* moves only with `cluster advance` */
};

struct state {
	char *path; /* as the user named it, for messages */
	char *file; /* path with symbolic links followed: what is read, locked and replaced */
	int lock_fd;     /* -1: unlocked (see no_lock) */
	char *no_lock;   /* why a read goes on without the lock: its file cannot be made */
	bool changed;    /* the journal grew (or the cluster is new) since the load */
	cJSON *doc;     /* the whole file */
	cJSON *journal; /* doc's "journal" array */
	enum placement_mode mode;
	enum state_clock clock;
	uint64_t seed;
	bool addons;     /* kube-proxy in kube-system, as kubeadm installs it */
	int64_t wall_ms; /* wall clock when last saved (ms since the Unix epoch) */
	sim_ms now;      /* simulated clock when last saved */
	struct cluster *c;
	/*
	 * doc's "objects" are the last save's snapshot, encoded at
	 * snapshot_epoch: a save reuses their unchanged items (state.c snapshot).
	 */
	bool snapshot_ours;
	int64_t snapshot_epoch;
};

/*
 * $KUBESIM_STATE, else ~/.kubesim/cluster.json, creating ~/.kubesim (mode
 * 0700) on first use (caller frees; NULL on error). KUBESIM_STATE set but
 * empty is an error.
 */
int state_default_path(char **out, struct ks_err *err);
/*
 * Take the lock for path (creating the lock file); st is then ready for the
 * rest. When the lock file cannot be created for lack of permission, st is
 * ready unlocked (st->no_lock says why): loads work, saves are refused.
 */
int state_lock(struct state *st, const char *path, struct ks_err *err);
/*
 * The same, and when another command has held the lock for
 * STATE_LOCK_NOTICE_MS, say so on notice ("kubesim: waiting for the lock
 * on FILE (another kubesim command holds it)") and go on waiting.
 */
int state_lock_verbose(struct state *st, const char *path, FILE *notice, struct ks_err *err);
/* Is there a state file at st->path? */
bool state_exists(const struct state *st);
/*
 * Read and check the file, replay it, and move the clock on by the
 * wall-clock time since it was saved (capped). Errors name the file (and
 * the line and column for bad JSON); the file is never touched.
 */
int state_load(struct state *st, int64_t wall_now_ms, struct ks_err *err);
/*
 * A new cluster of n_nodes Ready nodes (node1..nodeN); with addons, the
 * kube-proxy DaemonSet is installed and the clock starts two minutes in,
 * once its pods run.
 */
int state_create(struct state *st, enum placement_mode mode, enum state_clock clock,
    uint64_t seed, unsigned n_nodes, bool addons, int64_t wall_now_ms, struct ks_err *err);
/*
 * Carry out one journal entry (see state.c for the shapes) against the
 * live cluster and, when it changed anything, append it to the journal.
 * kubectl output goes to res (which may have a sink). Takes ownership of
 * entry. Returns the command's exit status; -1 with err for an entry that
 * cannot be carried out at all.
 */
int state_apply(struct state *st, cJSON *entry, struct kctl_result *res, struct ks_err *err);
struct api_request;
struct api_response;
/*
 * The same for one request to `kubesim serve`: answered through the REST
 * layer into resp and, when it changed anything, journaled as an "api"
 * entry that a replay answers again. The body must hold no NUL byte.
 */
int state_apply_request(struct state *st, const struct api_request *rq, struct api_response *resp,
    struct ks_err *err);
/* Write the file atomically, stamped with the wall clock. Refused without the lock. */
int state_save(struct state *st, int64_t wall_now_ms, struct ks_err *err);
/*
 * After a command: save when it changed the cluster or the clock follows
 * the wall clock. 0 when saved or there was nothing to save; -1 with err
 * when a change was not saved; 1 with err when only the clock's advance
 * was not (the command changed nothing, so its output stands: a read in a
 * directory we may not write in).
 */
int state_commit(struct state *st, int64_t wall_now_ms, struct ks_err *err);
/* Remove the state file (under the lock). */
int state_remove(struct state *st, struct ks_err *err);
/* Release the lock but keep the loaded cluster (the TUI shows it between reloads). */
void state_unlock(struct state *st);
/* Free everything and release the lock. */
void state_close(struct state *st);
/* The same, when the process exits next (cluster_free_at_exit). */
void state_close_at_exit(struct state *st);

/* What to tell a user after state_load fails. */
extern const char state_left_alone[];

/* Wall clock in ms since the Unix epoch. */
int64_t state_wall_now(void);

#endif
