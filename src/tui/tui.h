/*
 * tui.h - the live terminal view (SPEC §6): a scenario played on the
 * simulated clock, or the practice cluster, with a command line.
 */
#ifndef KS_TUI_TUI_H
#define KS_TUI_TUI_H

#include <stdbool.h>
#include <stdint.h>

#include "control/env.h"

struct tui_opts {
	const char *scenario; /* NULL: the built-in demo */
	bool cluster;         /* the practice cluster instead of a scenario */
	bool has_mode;
	enum placement_mode mode;
	bool has_seed;
	uint64_t seed;
	double speed;
};

/* Runs until the user quits; returns an exit status. The terminal is always restored. */
int tui_run(const struct tui_opts *o);

/* The speeds + and - step through. */
double tui_faster(double speed);
double tui_slower(double speed);

#endif
