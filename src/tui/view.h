/*
 * view.h - what the TUI shows, drawn into a screen.
 *
 * A view is the state of the display (selection, filter, panes, the
 * command line) plus a pointer to the cluster it shows. view_render reads
 * the cluster's store and draws the whole screen for any size; it touches
 * no terminal, so the tests render views and read the text back.
 *
 * Layout, top to bottom: the header (scenario, mode, clock, speed, state,
 * checks); the node grid (a box per node with status, taints, requested
 * CPU and memory as bars and the pods as coloured chips, or one-line cells
 * when the boxes do not fit, scrolling either way); the DaemonSet panel
 * (kubectl get ds columns); the log (timeline and events, or the output of
 * the last command); the footer (keys, a message, or the command line).
 */
#ifndef KS_TUI_VIEW_H
#define KS_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/vec.h"

struct cluster;
struct screen;
struct object;

#define VIEW_LINE_MAX 512

struct view {
	struct cluster *c; /* NULL: nothing to show yet */
	char title[128];   /* the scenario's name, or "practice cluster" */
	const char *mode;  /* "scheduler" or "legacy" */
	double speed;      /* simulated seconds per real second; 0: the live practice cluster */
	bool paused;
	bool finished;     /* every scenario step has run */
	int checks_ok, checks_failed;

	struct vec log;     /* char *, oldest first: timeline lines and events */
	size_t log_max;     /* lines kept */
	char *output;       /* the last command's output, shown instead of the log */
	bool show_output;
	int output_scroll;  /* first line shown */
	int log_scroll;     /* lines back from the newest (0: follow the log) */

	bool prompt_active; /* the footer is a command line */
	char prompt;        /* ':' command, '/' filter */
	char line[VIEW_LINE_MAX];
	int cursor;         /* byte offset into line */
	int line_offset;    /* first byte of line shown (long lines scroll) */
	char message[VIEW_LINE_MAX]; /* a one-line note in the footer */

	char filter[VIEW_LINE_MAX];  /* nodes by name or label text */
	int sel_node;       /* index among the shown nodes */
	int sel_pod;        /* -1: the node itself */
	int grid_scroll;    /* first grid row shown */
	int grid_cols;      /* nodes per grid row at the last render (for Up and Down) */
	bool help;
};

void view_init(struct view *v);
void view_free(struct view *v);
/* Append a line (or several, split at newlines) to the log. */
void view_log(struct view *v, const char *text);
void view_set_output(struct view *v, const char *text);
/* Page the pane that shows (output or log) by lines (negative: back), kept in range. */
void view_scroll(struct view *v, int by);
/* The nodes shown (the filter applied), in name order; the pods of one, in name order. */
void view_nodes(const struct view *v, struct vec *out);
void view_node_pods(const struct view *v, const char *node, struct vec *out);
/* The object under the cursor (a node or a pod), or NULL. */
const struct object *view_selected(const struct view *v);
/* Keep the selection inside what exists after the cluster changed. */
void view_clamp(struct view *v);
void view_render(struct view *v, struct screen *s);

#endif
