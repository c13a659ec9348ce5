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

const struct ks_command ks_cmd_tui = {
	"tui",
	"Watch a scenario live in the terminal (not available yet)",
	"Usage: kubesim tui [OPTIONS] [SCENARIO]\n\nNot available yet.\n",
	tui_main,
};
