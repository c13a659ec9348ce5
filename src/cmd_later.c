/*
 * cmd_later.c - the subcommands SPEC §1 promises that are not built yet.
 *
 * They are listed so `kubesim help` shows the whole product, and each says
 * plainly that it is not available rather than pretending to work.
 */
#include <stdio.h>

#include "kubesim.h"

static int
not_yet(const char *name, const char *what)
{
	fprintf(stderr, "kubesim: %s is not available yet: %s\n", name, what);
	return KS_EXIT_USAGE;
}

static int
tui_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_yet("tui", "the live ncurses view is still being built");
}

static int
kubectl_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_yet("kubectl", "the persistent practice cluster is still being built; "
				  "kubectl commands work inside scenarios (kubesim run)");
}

static int
cluster_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_yet("cluster", "the persistent practice cluster is still being built");
}

const struct ks_command ks_cmd_tui = {
	"tui",
	"Watch a scenario live in the terminal (not available yet)",
	"Usage: kubesim tui [OPTIONS] [SCENARIO]\n\nNot available yet.\n",
	tui_main,
};

const struct ks_command ks_cmd_kubectl = {
	"kubectl",
	"kubectl against a persistent simulated cluster (not available yet)",
	"Usage: kubesim kubectl ARGS...\n\nNot available yet.\n",
	kubectl_main,
};

const struct ks_command ks_cmd_cluster = {
	"cluster",
	"Manage the persistent simulated cluster (not available yet)",
	"Usage: kubesim cluster SUBCOMMAND\n\nNot available yet.\n",
	cluster_main,
};
