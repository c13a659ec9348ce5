/*
 * kubesim.c - subcommand dispatch, `kubesim help`, `kubesim --version`.
 */
#include "kubesim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

static const struct ks_command *const commands[] = {
	&ks_cmd_run,
	&ks_cmd_tui,
	&ks_cmd_kubectl,
	&ks_cmd_cluster,
	&ks_cmd_serve,
};

static void
usage(FILE *f)
{
	fprintf(f, "kubesim - an in-memory Kubernetes cluster simulator\n\n"
		   "Usage: kubesim COMMAND [ARGS...]\n\nCommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-9s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f, "  %-9s %s\n", "help", "Show help for a command");
	fprintf(f, "\nRun 'kubesim help COMMAND' for a command's options.\n"
		   "With no COMMAND, 'kubesim run' replays the DaemonSet workshop demo.\n");
}

static const struct ks_command *
find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

int
kubesim_main(int argc, char **argv)
{
	const struct ks_command *cmd;

	if (argc < 2) {
		usage(stderr);
		return KS_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("kubesim %s (simulating Kubernetes v1.32)\n", PACKAGE_VERSION);
		return KS_EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return KS_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc < 3) {
			usage(stdout);
			return KS_EXIT_OK;
		}
		cmd = find(argv[2]);
		if (cmd == NULL) {
			fprintf(stderr, "kubesim: unknown command \"%s\" (try 'kubesim help')\n", argv[2]);
			return KS_EXIT_USAGE;
		}
		fputs(cmd->usage, stdout);
		return KS_EXIT_OK;
	}
	cmd = find(argv[1]);
	if (cmd == NULL) {
		fprintf(stderr, "kubesim: unknown command \"%s\" (try 'kubesim help')\n", argv[1]);
		return KS_EXIT_USAGE;
	}
	return cmd->main(argc - 1, argv + 1);
}

int
ks_opt_mode(const char *arg, enum placement_mode *out)
{
	if (placement_mode_parse(arg, out) == 0)
		return 0;
	fprintf(stderr, "kubesim: --mode: want legacy or scheduler, got \"%s\"\n", arg);
	return -1;
}

int
ks_opt_seed(const char *arg, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(arg, &end, 10);
	if (errno == 0 && *arg != '\0' && *end == '\0' && arg[0] != '-')
		return 0;
	fprintf(stderr, "kubesim: --seed: want a non-negative integer, got \"%s\"\n", arg);
	return -1;
}
