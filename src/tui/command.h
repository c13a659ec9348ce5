/*
 * command.h - what can be typed at the TUI's ':' prompt.
 *
 * Any kubectl command (with or without the word "kubectl"), or a scenario
 * step: addNode NAME [--label K=V]... [--taint K[=V]:EFFECT]... [--cpu Q]
 * [--memory Q], removeNode NAME, failNode NAME, recoverNode NAME,
 * wait DURATION, stopScheduler, startScheduler, stopController,
 * startController. Parsing is separate from running so the scenario player
 * and the practice cluster (which journals what it runs) share it.
 */
#ifndef KS_TUI_COMMAND_H
#define KS_TUI_COMMAND_H

#include <stdint.h>

#include <cjson/cJSON.h>

struct cluster;
struct ks_err;
struct strbuf;

enum tcmd_kind {
	TC_KUBECTL,
	TC_ADD_NODE,
	TC_REMOVE_NODE,
	TC_FAIL_NODE,
	TC_RECOVER_NODE,
	TC_WAIT,
	TC_STOP_SCHEDULER,
	TC_START_SCHEDULER,
	TC_STOP_CONTROLLER,
	TC_START_CONTROLLER,
};

struct tcmd {
	enum tcmd_kind kind;
	int argc;     /* kubectl's words, without "kubectl" */
	char **argv;
	cJSON *node;  /* addNode and the other node steps: a journal entry (see state.c) */
	int64_t ms;   /* wait */
};

int tcmd_parse(const char *line, struct tcmd *out, struct ks_err *err);
void tcmd_free(struct tcmd *t);
/* Run it on a cluster (the scenario player's); output and errors go to out. Returns 0 or 1. */
int tcmd_run(const struct tcmd *t, struct cluster *c, struct strbuf *out);

#endif
