/*
 * scenario.h - a scenario file, loaded: settings, the initial cluster and
 * the steps, each remembering the line it came from (SPEC §2).
 */
#ifndef KS_SCENARIO_SCENARIO_H
#define KS_SCENARIO_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "control/env.h"
#include "util/embedded.h"
#include "util/vec.h"

/* Nodes in cluster.nodes, all entries together: ~11 KiB each with a daemon pod, a few GiB in all. */
#define SCN_MAX_NODES 200000

struct ks_err;
struct ynode;

/* A node entry of cluster.nodes or addNode, before it becomes a struct node. */
struct scn_node {
	struct node *node; /* name, labels, taints, capacity, unschedulable */
	bool ready;
	int line;
};

enum check_kind {
	CHECK_DAEMONSET,
	CHECK_NODE,
	CHECK_PODS,
	CHECK_EVENTS,
};

enum value_type {
	VAL_INT,
	VAL_BOOL,
	VAL_STR,
	VAL_LIST,
};

struct check_field {
	const char *name; /* a static string from the field table */
	enum value_type type;
	int line;
	int64_t i;
	bool b;
	char *s;
	char **list;
	size_t n_list;
};

/* One entry of an EXPECT: daemonset/x, node/x, one pods map, one events map. */
struct check {
	enum check_kind kind;
	int line;
	char *name; /* daemonset or node name */
	char *ns;   /* daemonset namespace; pods/events namespace filter (NULL: all) */
	struct check_field *fields;
	size_t n_fields;
};

struct expect {
	struct check *checks;
	size_t n;
};

enum step_kind {
	STEP_NOTE,
	STEP_KUBECTL,
	STEP_APPLY,
	STEP_ADD_NODE,
	STEP_REMOVE_NODE,
	STEP_FAIL_NODE,
	STEP_RECOVER_NODE,
	STEP_WAIT,
	STEP_WAIT_FOR,
	STEP_EXPECT,
	STEP_STOP_SCHEDULER,
	STEP_START_SCHEDULER,
	STEP_STOP_CONTROLLER,
	STEP_START_CONTROLLER,
};

struct step {
	enum step_kind kind;
	int line;
	char *text;       /* note text; kubectl args; node name for removeNode */
	char *stdin_text; /* kubectl stdin: / apply: the manifest as YAML */
	/* kubectl checks */
	bool has_output;
	char *output;
	char **contains;
	size_t n_contains;
	bool has_error;
	char *error;
	bool has_exit_code;
	int exit_code;
	struct vec objects; /* apply: decoded objects (struct object *) */
	struct scn_node node;
	int64_t ms; /* wait duration, waitFor timeout */
	struct expect expect;
};

struct scenario {
	char *file; /* as given on the command line, for messages */
	char *dir;  /* paths inside resolve against this */
	bool embedded; /* read from the compiled-in set, not the disk */
	char *name;
	char *description;
	bool has_mode;
	enum placement_mode mode;
	uint64_t seed;
	struct timing timing;
	struct image_rule *images;
	size_t n_images;
	struct scn_node *nodes;
	size_t n_nodes;
	struct step *steps;
	size_t n_steps;
	size_t n_expectations; /* checks the run will count */
};

/* Files the embedded default ships with (scenario and manifest). */

/*
 * Load a scenario from text; file names it in messages, and paths inside
 * resolve against its directory (in the compiled-in set when embedded).
 * Errors are "FILE:LINE:COL: what is wrong".
 */
int scn_load(const char *file, const char *text, size_t len, bool embedded, struct scenario *out,
    struct ks_err *err);
void scn_free(struct scenario *s);
/* Read and load a scenario file; NULL loads the built-in default (the workshop demo). */
int scn_load_file(const char *path, struct scenario *s, struct ks_err *err);

/* Read a file, from the embedded set when the scenario came from there. */
int scn_read_file(const struct scenario *s, const char *path, char **text, size_t *len,
    struct ks_err *err);

extern const struct embedded_file scn_embedded[];
extern const size_t scn_embedded_n;
/* The default scenario's path inside the embedded set. */
extern const char scn_default_path[];

#endif
