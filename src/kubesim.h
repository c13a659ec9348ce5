/*
 * kubesim.h - the subcommand table of the kubesim program.
 *
 * Each subcommand lives in src/cmd_<name>.c and exports one struct
 * ks_command; main() only calls kubesim_main().
 */
#ifndef KS_KUBESIM_H
#define KS_KUBESIM_H

#include <stdint.h>

#include "control/env.h"

/* Exit statuses everywhere (SPEC §1). */
enum {
	KS_EXIT_OK = 0,
	KS_EXIT_FAILED = 1, /* an expectation (or a kubectl command) failed */
	KS_EXIT_USAGE = 2,  /* bad input or usage */
};

struct ks_command {
	const char *name;
	const char *summary;
	const char *usage; /* full help text */
	int (*main)(int argc, char **argv);
};

extern const struct ks_command ks_cmd_run;
extern const struct ks_command ks_cmd_tui;
extern const struct ks_command ks_cmd_kubectl;
extern const struct ks_command ks_cmd_cluster;
extern const struct ks_command ks_cmd_serve;

int kubesim_main(int argc, char **argv);

/* --mode and --seed, as run and tui take them: 0, or -1 after saying what is wrong. */
int ks_opt_mode(const char *arg, enum placement_mode *out);
int ks_opt_seed(const char *arg, uint64_t *out);

#endif
