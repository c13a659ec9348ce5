/*
 * The TUI without a terminal: views rendered into screens of different
 * sizes and read back as text, the command parser, and the speed steps.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "api/store.h"
#include "cluster.h"
#include "kubectl/kctl.h"
#include "runner.h"
#include "tui/command.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "tui/view.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static const char ds_yaml[] =
    "apiVersion: apps/v1\n"
    "kind: DaemonSet\n"
    "metadata: {name: agent}\n"
    "spec:\n"
    "  selector: {matchLabels: {app: agent}}\n"
    "  template:\n"
    "    metadata: {labels: {app: agent}}\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: agent\n"
    "        image: busybox\n"
    "        resources: {requests: {cpu: 500m, memory: 1Gi}}\n";

static struct cluster *
demo_cluster(unsigned n_nodes)
{
	struct timing t;
	struct cluster *c;
	char *argv[] = {"apply", "-f", "-", NULL};
	struct kctl_io io = {ds_yaml, NULL, NULL, NULL, NULL};
	struct kctl_result res;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	for (unsigned i = 1; i <= n_nodes; i++) {
		char name[32];
		struct ks_err err;

		snprintf(name, sizeof name, "node%u", i);
		ck_assert_int_eq(cluster_add_node(c, node_new(name), false, true, &err), 0);
	}
	kctl_result_init(&res);
	ck_assert_int_eq(kctl_run(c, 3, argv, &io, &res), 0);
	kctl_result_free(&res);
	cluster_advance_to(c, 30000);
	return c;
}

static char *
render(struct view *v, int w, int h)
{
	struct screen s;
	struct strbuf out = STRBUF_INIT;

	screen_init(&s, w, h);
	view_render(v, &s);
	screen_text(&s, &out);
	screen_free(&s);
	return sb_take(&out);
}

static int
count_lines(const char *text)
{
	int n = 0;

	for (const char *p = text; *p; p++)
		n += *p == '\n';
	return n;
}

/* At 80x24 a person sees the clock, every node with its pod, and the DaemonSet row. */
START_TEST(test_demo_at_80x24)
{
	struct cluster *c = demo_cluster(3);
	struct view v;
	char *text;

	view_init(&v);
	v.c = c;
	snprintf(v.title, sizeof v.title, "demo");
	v.speed = 10;
	view_log(&v, "00:01.000  Normal   SuccessfulCreate  daemonset/agent: Created pod: agent-x");
	text = render(&v, 80, 24);
	ck_assert_int_eq(count_lines(text), 24);
	ck_assert_ptr_nonnull(strstr(text, " kubesim  t=00:00:30.0  10x RUNNING"));
	ck_assert_ptr_nonnull(strstr(text, "node1"));
	ck_assert_ptr_nonnull(strstr(text, "node2"));
	ck_assert_ptr_nonnull(strstr(text, "node3"));
	ck_assert_ptr_nonnull(strstr(text, "\u25cfagent"));
	/* 500m of 4 CPUs */
	ck_assert_ptr_nonnull(strstr(text, "] 12%"));
	ck_assert_ptr_nonnull(strstr(text, " default     agent   3         3         3       3            3"));
	ck_assert_ptr_nonnull(strstr(text, "SuccessfulCreate  daemonset/agent"));
	ck_assert_ptr_nonnull(strstr(text, "q quit"));
	for (const char *line = text; *line; line = strchr(line, '\n') + 1)
		ck_assert_int_le((int)(strchr(line, '\n') - line), 80 * 3); /* UTF-8, but never past the width */
	free(text);
	view_free(&v);
	cluster_free(c);
}
END_TEST

/* Too many nodes for boxes: one line per node, and the grid says which rows it shows. */
START_TEST(test_many_nodes_pack_into_cells)
{
	struct cluster *c = demo_cluster(60);
	struct view v;
	char *text;

	view_init(&v);
	v.c = c;
	text = render(&v, 80, 24);
	ck_assert_ptr_null(strstr(text, "\u250cnode1"));
	ck_assert_ptr_nonnull(strstr(text, "node1 "));
	ck_assert_ptr_nonnull(strstr(text, "rows 1-"));
	ck_assert_ptr_nonnull(strstr(text, "of 20"));
	free(text);
	/* Selecting a node far down scrolls the grid to it. */
	v.sel_node = 59;
	text = render(&v, 80, 24);
	ck_assert_ptr_nonnull(strstr(text, "node9 "));
	ck_assert_ptr_null(strstr(text, "node1 "));
	free(text);
	view_free(&v);
	cluster_free(c);
}
END_TEST

START_TEST(test_selection_filter_and_help)
{
	struct cluster *c = demo_cluster(3);
	struct view v;
	const struct object *o;
	char *text;

	view_init(&v);
	v.c = c;
	v.sel_node = 1;
	o = view_selected(&v);
	ck_assert_str_eq(o->meta.name, "node2");
	v.sel_pod = 0;
	o = view_selected(&v);
	ck_assert_int_eq(o->kind, KIND_POD);
	ck_assert_str_eq(((const struct pod *)o)->spec.node_name, "node2");
	v.sel_pod = 5; /* past the last pod: clamped to it */
	view_clamp(&v);
	ck_assert_int_eq(v.sel_pod, 0);
	snprintf(v.filter, sizeof v.filter, "node3");
	v.sel_node = 0;
	v.sel_pod = -1;
	text = render(&v, 120, 40);
	ck_assert_ptr_null(strstr(text, "node1"));
	ck_assert_ptr_nonnull(strstr(text, "node3"));
	free(text);
	snprintf(v.filter, sizeof v.filter, "hostname=node1");
	text = render(&v, 120, 40);
	ck_assert_ptr_nonnull(strstr(text, "node1"));
	ck_assert_ptr_null(strstr(text, "node3"));
	free(text);
	v.help = true;
	text = render(&v, 80, 24);
	ck_assert_ptr_nonnull(strstr(text, " keys "));
	ck_assert_ptr_nonnull(strstr(text, "pause or resume"));
	free(text);
	view_free(&v);
	cluster_free(c);
}
END_TEST

/* A command's output replaces the log; a failed node shows NotReady. */
START_TEST(test_output_pane_and_node_states)
{
	struct cluster *c = demo_cluster(2);
	struct view v;
	struct tcmd cmd;
	struct ks_err err;
	struct strbuf out = STRBUF_INIT;
	char *text;

	view_init(&v);
	v.c = c;
	ck_assert_int_eq(tcmd_parse("failNode node2", &cmd, &err), 0);
	ck_assert_int_eq(tcmd_run(&cmd, c, &out), 0);
	tcmd_free(&cmd);
	cluster_advance_to(c, cluster_now(c) + 120000);
	ck_assert_int_eq(tcmd_parse("kubectl get nodes", &cmd, &err), 0);
	ck_assert_int_eq(tcmd_run(&cmd, c, &out), 0);
	tcmd_free(&cmd);
	view_set_output(&v, sb_str(&out));
	text = render(&v, 100, 30);
	ck_assert_ptr_nonnull(strstr(text, "Output"));
	ck_assert_ptr_nonnull(strstr(text, "node2   NotReady"));
	ck_assert_ptr_nonnull(strstr(text, "unreachable:NS,NE"));
	free(text);
	sb_free(&out);
	view_free(&v);
	cluster_free(c);
}
END_TEST

START_TEST(test_commands_parse)
{
	struct tcmd t;
	struct ks_err err;

	ck_assert_int_eq(tcmd_parse("addNode node4 --label disktype=ssd --taint gpu=yes:NoSchedule --cpu 8", &t, &err), 0);
	ck_assert_int_eq(t.kind, TC_ADD_NODE);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(t.node, "labels"), "disktype")->valuestring, "ssd");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(t.node, "taints"), 0), "effect")->valuestring, "NoSchedule");
	tcmd_free(&t);
	ck_assert_int_eq(tcmd_parse("kubectl get pods -o wide", &t, &err), 0);
	ck_assert_int_eq(t.kind, TC_KUBECTL);
	ck_assert_int_eq(t.argc, 4);
	ck_assert_str_eq(t.argv[0], "get");
	ck_assert_str_eq(t.argv[3], "wide");
	tcmd_free(&t);
	ck_assert_int_eq(tcmd_parse("get ds", &t, &err), 0);
	ck_assert_int_eq(t.kind, TC_KUBECTL);
	tcmd_free(&t);
	ck_assert_int_eq(tcmd_parse("wait 1m30s", &t, &err), 0);
	ck_assert_int_eq(t.ms, 90000);
	tcmd_free(&t);
	ck_assert_int_eq(tcmd_parse("wait soon", &t, &err), -1);
	ck_assert_int_eq(tcmd_parse("addNode", &t, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "takes a node name"));
	ck_assert_int_eq(tcmd_parse("addNode n --taint nocolon", &t, &err), -1);
	/* The same name check as kubesim cluster add-node. */
	ck_assert_int_eq(tcmd_parse("addNode Bad_Name", &t, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "RFC 1123"));
	ck_assert_int_eq(tcmd_parse("addNode n --cpu -4", &t, &err), -1);
	ck_assert_str_eq(err.msg, "addNode: --cpu must be greater than or equal to 0, not \"-4\"");
	ck_assert_int_eq(tcmd_parse("stopScheduler now", &t, &err), -1);
	ck_assert_int_eq(tcmd_parse("get 'unterminated", &t, &err), -1);
	ck_assert_int_eq(tcmd_parse("   ", &t, &err), -1);
}
END_TEST

/* Paging stops at the ends, in the output and in the log alike; a long command line scrolls. */
START_TEST(test_scrolling_stays_in_range)
{
	struct view v;
	struct screen s;
	struct strbuf text = STRBUF_INIT;

	view_init(&v);
	view_set_output(&v, "one\ntwo\nthree\nfour\nfive\n");
	view_scroll(&v, 100);
	ck_assert_int_eq(v.output_scroll, 4);
	view_scroll(&v, -100);
	ck_assert_int_eq(v.output_scroll, 0);
	v.show_output = false;
	for (int i = 0; i < 30; i++)
		view_log(&v, "a line");
	view_scroll(&v, -10);
	ck_assert_int_eq(v.log_scroll, 10);
	view_log(&v, "a newer line"); /* the reader keeps their place */
	ck_assert_int_eq(v.log_scroll, 11);
	view_scroll(&v, -1000);
	ck_assert_int_eq(v.log_scroll, 30);
	view_scroll(&v, 1000);
	ck_assert_int_eq(v.log_scroll, 0);
	v.prompt_active = true;
	for (int i = 0; i < 150; i++)
		v.line[i] = (char)('a' + i % 26);
	v.line[150] = '\0';
	v.cursor = 150;
	screen_init(&s, 80, 24);
	view_render(&v, &s);
	screen_text(&s, &text);
	/* The end of the line, where the cursor is, shows. */
	ck_assert_ptr_nonnull(strstr(sb_str(&text), "stuvwxyzabcdefghijklmnopqrst\n"));
	screen_free(&s);
	sb_free(&text);
	view_free(&v);
}
END_TEST

START_TEST(test_speeds_step_within_bounds)
{
	ck_assert(tui_faster(1) == 2);
	ck_assert(tui_faster(1000) == 1000);
	ck_assert(tui_slower(1) == 0.5);
	ck_assert(tui_slower(0.25) == 0.25);
	ck_assert(tui_faster(10) == 20);
}
END_TEST

/* Tiny terminals still get a header and a footer, and nothing is drawn outside. */
START_TEST(test_tiny_screen)
{
	struct cluster *c = demo_cluster(3);
	struct view v;
	char *text;

	view_init(&v);
	v.c = c;
	text = render(&v, 20, 6);
	ck_assert_int_eq(count_lines(text), 6);
	ck_assert_ptr_nonnull(strstr(text, " kubesim"));
	ck_assert_ptr_nonnull(strstr(text, "terminal too small"));
	free(text);
	view_free(&v);
	cluster_free(c);
}
END_TEST

static Suite *
tui_suite(void)
{
	Suite *s = suite_create("tui");
	TCase *tc = tcase_create("render");

	tcase_add_test(tc, test_demo_at_80x24);
	tcase_add_test(tc, test_many_nodes_pack_into_cells);
	tcase_add_test(tc, test_selection_filter_and_help);
	tcase_add_test(tc, test_output_pane_and_node_states);
	tcase_add_test(tc, test_commands_parse);
	tcase_add_test(tc, test_scrolling_stays_in_range);
	tcase_add_test(tc, test_speeds_step_within_bounds);
	tcase_add_test(tc, test_tiny_screen);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(tui_suite)
