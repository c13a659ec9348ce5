/*
 * env.h - what every control-plane component is handed.
 *
 * Components never see the cluster that wires them (that would make the
 * composition root a dependency of its parts); they get the engine, the
 * store, the event recorder, the timing and the random source through this
 * one struct, owned by the cluster and outliving every component.
 */
#ifndef KS_CONTROL_ENV_H
#define KS_CONTROL_ENV_H

#include <stdbool.h>

#include "sim/engine.h"
#include "sim/rng.h"

struct store;
struct recorder;

/* Simulated latencies; SPEC §2 `timing:`. */
struct timing {
	sim_ms pod_startup;              /* pod bound -> running and ready */
	sim_ms node_join;                /* node added -> Ready */
	sim_ms node_monitor_grace;       /* kubelet silent -> Ready=Unknown */
	sim_ms controller_delay;         /* a change reaches the controllers */
	sim_ms scheduler_delay;          /* a pending pod is picked up */
	sim_ms pod_shutdown;             /* SIGTERM -> containers gone (capped by the grace period) */
};

void timing_defaults(struct timing *t);

enum placement_mode {
	MODE_SCHEDULER,
	MODE_LEGACY,
};

const char *placement_mode_name(enum placement_mode m);
int placement_mode_parse(const char *s, enum placement_mode *out);

/* How an image behaves when pulled (SPEC §2 `images:`). */
struct image_rule {
	char *image;
	bool fail;
	sim_ms pull_ms; /* -1: the default (part of podStartup) */
};

struct ctl_env {
	struct sim *sim;
	struct store *store;
	struct recorder *rec;
	struct rng *rng;
	const struct timing *timing;
	enum placement_mode mode;
	const struct image_rule *images;
	size_t n_images;
};

#endif
