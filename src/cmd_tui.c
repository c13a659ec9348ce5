/*
 * cmd_tui.c - `kubesim tui [OPTIONS] [SCENARIO]`: the live view (SPEC §6).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kubesim.h"
#include "tui/tui.h"

static const char tui_usage[] =
    "Usage: kubesim tui [OPTIONS] [SCENARIO]\n"
    "\n"
    "Watch a scenario play in the terminal: nodes as boxes with their pods,\n"
    "the DaemonSets, the events, the clock. With no SCENARIO, the built-in\n"
    "workshop demo. Type kubectl commands and scenario steps at the ':'\n"
    "prompt; press ? inside for the keys.\n"
    "\n"
    "Options:\n"
    "  --mode legacy|scheduler  placement mode, overriding the scenario's\n"
    "  --seed N                 random seed, overriding the scenario's\n"
    "  --speed X                simulated seconds per real second (0.25 to 1000,\n"
    "                           default 10)\n"
    "  --cluster                show the practice cluster (kubesim cluster) instead\n"
    "  -h, --help               show this help\n";

static int
tui_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"mode", required_argument, NULL, 'm'},
		{"seed", required_argument, NULL, 's'},
		{"speed", required_argument, NULL, 'S'},
		{"cluster", no_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct tui_opts o;
	int opt;

	memset(&o, 0, sizeof o);
	o.speed = 10;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		char *end;

		switch (opt) {
		case 'm':
			if (ks_opt_mode(optarg, &o.mode) < 0)
				return KS_EXIT_USAGE;
			o.has_mode = true;
			break;
		case 's':
			if (ks_opt_seed(optarg, &o.seed) < 0)
				return KS_EXIT_USAGE;
			o.has_seed = true;
			break;
		case 'S':
			o.speed = strtod(optarg, &end);
			if (*optarg == '\0' || *end != '\0' || !(o.speed >= 0.25 && o.speed <= 1000)) {
				fprintf(stderr, "kubesim: --speed: want a number from 0.25 to 1000, got \"%s\"\n",
				    optarg);
				return KS_EXIT_USAGE;
			}
			break;
		case 'c':
			o.cluster = true;
			break;
		case 'h':
			fputs(tui_usage, stdout);
			return KS_EXIT_OK;
		default:
			fprintf(stderr, "kubesim: tui: unknown option \"%s\" (try 'kubesim help tui')\n",
			    argv[optind - 1]);
			return KS_EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "kubesim: tui takes one scenario, got %d\n", argc - optind);
		return KS_EXIT_USAGE;
	}
	if (o.cluster && argc - optind == 1) {
		fprintf(stderr, "kubesim: tui: --cluster shows the practice cluster, not a scenario\n");
		return KS_EXIT_USAGE;
	}
	o.scenario = argc - optind == 1 ? argv[optind] : NULL;
	return tui_run(&o);
}

const struct ks_command ks_cmd_tui = {
	"tui",
	"Watch a scenario (or the practice cluster) live in the terminal",
	tui_usage,
	tui_main,
};
