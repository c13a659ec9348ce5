/*
 * cmd_cluster.c - `kubesim cluster SUBCOMMAND`: what kubectl cannot do to
 * the practice cluster (SPEC §1, §5): create it, add, fail, recover and
 * remove machines, move its clock, show it, delete it.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "kubesim.h"
#include "state.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/quantity.h"
#include "api/store.h"
#include "api/taint.h"
#include "api/validate.h"
#include "kubectl/kctl.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const char cluster_usage[] =
    "Usage: kubesim cluster SUBCOMMAND [OPTIONS]\n"
    "\n"
    "Manage the practice cluster that `kubesim kubectl` talks to. Its state\n"
    "lives in $KUBESIM_STATE (default ~/.kubesim/cluster.json).\n"
    "\n"
    "Subcommands:\n"
    "  create [--nodes N] [--mode legacy|scheduler] [--clock real|manual] [--seed N]\n"
    "         [--bare]       a new cluster of N Ready nodes node1..nodeN (default 3,\n"
    "                        scheduler mode, a clock that follows the wall clock)\n"
    "                        running kube-proxy in kube-system as kubeadm sets it\n"
    "                        up (--bare: without it), two minutes after boot\n"
    "  add-node NAME [--label K=V]... [--taint K[=V]:EFFECT]... [--cpu Q]\n"
    "           [--memory Q] [--pods N] [--unschedulable]\n"
    "                        a machine joins (NotReady, then Ready)\n"
    "  remove-node NAME      the machine is gone (its Node object is deleted)\n"
    "  fail-node NAME        its kubelet stops posting status\n"
    "  recover-node NAME     its kubelet comes back\n"
    "  image IMAGE --fail | --pull-time DURATION | --ok\n"
    "                        how pulls of IMAGE go from now on: it does not exist\n"
    "                        (ErrImagePull), it is slow, or it pulls normally again\n"
    "                        (every image pulls normally unless told otherwise)\n"
    "  advance DURATION      move the simulated clock on (30s, 5m, 1h30m)\n"
    "  status                where the cluster is, its clock, nodes and pods\n"
    "  delete                delete the cluster and its state file\n"
    "\n"
    "Exit status: 0 success, 1 the operation failed (no such node, no\n"
    "cluster), 2 bad usage or an unusable state file.\n";

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("kubesim cluster: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nRun 'kubesim help cluster' for usage.\n", stderr);
	return KS_EXIT_USAGE;
}

/* Lock and, unless creating, load. Returns -1 after printing why, with *rc set. */
static int
open_state(struct state *st, bool load, int *rc)
{
	struct ks_err err;
	char *path;

	if (state_default_path(&path, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		memset(st, 0, sizeof *st);
		st->lock_fd = -1;
		*rc = KS_EXIT_USAGE;
		return -1;
	}
	if (state_lock_verbose(st, path, stderr, &err) < 0) {
		free(path);
		fprintf(stderr, "kubesim: %s\n", err.msg);
		*rc = KS_EXIT_USAGE;
		return -1;
	}
	free(path);
	if (!load)
		return 0;
	if (!state_exists(st)) {
		fprintf(stderr,
		    "kubesim: there is no practice cluster yet (%s does not exist)\n"
		    "Create one with: kubesim cluster create --nodes 3\n",
		    st->path);
		*rc = KS_EXIT_FAILED;
		return -1;
	}
	if (state_load(st, state_wall_now(), &err) < 0) {
		fprintf(stderr, "kubesim: %s\n%s", err.msg, state_left_alone);
		*rc = KS_EXIT_USAGE;
		return -1;
	}
	return 0;
}

static int
save(struct state *st, int rc)
{
	struct ks_err err;

	if (state_save(st, state_wall_now(), &err) < 0) {
		fprintf(stderr, "kubesim: %s (the change was not saved)\n", err.msg);
		return KS_EXIT_USAGE;
	}
	return rc;
}

/*
 * Save what a command did, if anything (see state_commit). -1 after saying
 * that the change was not saved; otherwise 0, and a note when only the
 * clock's advance was not (print it after the command's output).
 */
static int
commit(struct state *st, struct ks_err *why)
{
	struct ks_err err;
	int rc = state_commit(st, state_wall_now(), &err);

	why->msg[0] = '\0';
	if (rc < 0)
		fprintf(stderr, "kubesim: %s (the change was not saved)\n", err.msg);
	else if (rc > 0)
		snprintf(why->msg, sizeof why->msg, "kubesim: the clock's advance could not be saved (%.900s)\n",
		    err.msg);
	return rc < 0 ? -1 : 0;
}

static bool
parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (s[0] < '0' || s[0] > '9')
		return false;
	v = strtoull(s, &end, 10);
	if (*end != '\0' || v > max)
		return false;
	*out = v;
	return true;
}

static int
cmd_create(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"nodes", required_argument, NULL, 'n'},
		{"mode", required_argument, NULL, 'm'},
		{"clock", required_argument, NULL, 'c'},
		{"seed", required_argument, NULL, 's'},
		{"bare", no_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	bool addons = true;
	enum placement_mode mode = MODE_SCHEDULER;
	enum state_clock clock = CLOCK_REAL;
	uint64_t nodes = 3, seed = 1;
	struct state st;
	struct ks_err err;
	int opt, rc = KS_EXIT_OK;

	while ((opt = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			if (!parse_uint(optarg, STATE_MAX_NODES, &nodes))
				return usage_error("--nodes takes a number from 0 to 1000, not \"%s\"",
				    optarg);
			break;
		case 'm':
			if (placement_mode_parse(optarg, &mode) < 0)
				return usage_error("--mode is legacy or scheduler, not \"%s\"", optarg);
			break;
		case 'c':
			if (strcmp(optarg, "real") != 0 && strcmp(optarg, "manual") != 0)
				return usage_error("--clock is real or manual, not \"%s\"", optarg);
			clock = strcmp(optarg, "manual") == 0 ? CLOCK_MANUAL : CLOCK_REAL;
			break;
		case 'b':
			addons = false;
			break;
		case 's':
			/* what the state file holds exactly (STATE_MAX_SEED) */
			if (!parse_uint(optarg, STATE_MAX_SEED, &seed))
				return usage_error("--seed takes a number from 0 to 9007199254740991, "
						   "not \"%s\"",
				    optarg);
			break;
		default:
			return usage_error("%s", "create: bad option");
		}
	}
	if (optind < argc)
		return usage_error("create takes no arguments (\"%s\")", argv[optind]);
	if (open_state(&st, false, &rc) < 0) {
		state_close(&st);
		return rc;
	}
	if (state_exists(&st)) {
		fprintf(stderr,
		    "kubesim: a practice cluster already exists in %s\n"
		    "Delete it first with: kubesim cluster delete\n",
		    st.path);
		state_close(&st);
		return KS_EXIT_FAILED;
	}
	state_create(&st, mode, clock, seed, (unsigned)nodes, addons, state_wall_now(), &err);
	rc = save(&st, KS_EXIT_OK);
	if (rc == KS_EXIT_OK) {
		printf("Created a %" PRIu64 "-node practice cluster (%s mode, %s clock) in %s\n",
		    nodes, placement_mode_name(mode), clock == CLOCK_MANUAL ? "manual" : "real",
		    st.path);
		printf("Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')\n");
	}
	state_close(&st);
	return rc;
}

/* Carry out a node operation entry and save; prints what happened. */
static int
run_entry(cJSON *entry)
{
	struct state st;
	struct kctl_result res;
	struct ks_err err;
	int rc;

	if (open_state(&st, true, &rc) < 0) {
		cJSON_Delete(entry);
		state_close(&st);
		return rc;
	}
	kctl_result_init(&res);
	rc = state_apply(&st, entry, &res, &err);
	if (rc < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		rc = KS_EXIT_USAGE;
	} else {
		struct ks_err note;

		rc = rc == 0 ? KS_EXIT_OK : KS_EXIT_FAILED;
		/* A change that was not saved did not happen: no success line for it. */
		if (commit(&st, &note) < 0)
			rc = KS_EXIT_USAGE;
		else
			fputs(sb_str(&res.out), stdout);
		fputs(sb_str(&res.err), stderr);
		fputs(note.msg, stderr);
	}
	kctl_result_free(&res);
	state_close(&st);
	return rc;
}

static int
parse_taint_arg(const char *arg, cJSON *taints)
{
	const char *colon = strrchr(arg, ':');
	enum taint_effect eff;
	char *key;
	const char *eq;
	cJSON *t;

	if (colon == NULL || taint_effect_parse(colon + 1, false, &eff) < 0)
		return usage_error("--taint is KEY[=VALUE]:EFFECT with EFFECT NoSchedule, "
				   "PreferNoSchedule or NoExecute, not \"%s\"",
		    arg);
	key = xstrndup(arg, (size_t)(colon - arg));
	eq = strchr(key, '=');
	t = cJSON_CreateObject();
	if (eq != NULL) {
		cJSON_AddStringToObject(t, "value", eq + 1);
		key[eq - key] = '\0';
	}
	if (key[0] == '\0' || valid_label_key_error(key) != NULL) {
		cJSON_Delete(t);
		free(key);
		return usage_error("--taint \"%s\": the key is not a valid label key", arg);
	}
	cJSON_AddStringToObject(t, "key", key);
	cJSON_AddStringToObject(t, "effect", taint_effect_name(eff));
	cJSON_AddItemToArray(taints, t);
	free(key);
	return 0;
}

static int
cmd_add_node(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"label", required_argument, NULL, 'l'},
		{"taint", required_argument, NULL, 't'},
		{"cpu", required_argument, NULL, 'c'},
		{"memory", required_argument, NULL, 'm'},
		{"pods", required_argument, NULL, 'p'},
		{"unschedulable", no_argument, NULL, 'u'},
		{NULL, 0, NULL, 0},
	};
	cJSON *entry = cJSON_CreateObject();
	cJSON *labels = cJSON_AddObjectToObject(entry, "labels");
	cJSON *taints = cJSON_AddArrayToObject(entry, "taints");
	cJSON *cap = cJSON_AddObjectToObject(entry, "capacity");
	bool unschedulable = false;
	int opt, rc = 0;

	cJSON_AddStringToObject(entry, "op", "addNode");
	while (rc == 0 && (opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		const char *eq;
		struct quantity q;
		struct ks_err err;
		uint64_t pods;

		switch (opt) {
		case 'l':
			eq = strchr(optarg, '=');
			if (eq == NULL) {
				rc = usage_error("--label is KEY=VALUE, not \"%s\"", optarg);
				break;
			} else {
				char *key = xstrndup(optarg, (size_t)(eq - optarg));

				if (valid_label_key_error(key) != NULL ||
				    valid_label_value_error(eq + 1) != NULL)
					rc = usage_error("--label \"%s\": not a valid label", optarg);
				else
					cJSON_AddStringToObject(labels, key, eq + 1);
				free(key);
			}
			break;
		case 't':
			rc = parse_taint_arg(optarg, taints);
			break;
		case 'c':
		case 'm':
			if (qty_parse(optarg, &q, &err) < 0)
				rc = usage_error("not a quantity: \"%s\"", optarg);
			else if (q.milli < 0)
				/* ValidateResourceQuantityValue, as for a node's capacity. */
				rc = usage_error(opt == 'c' ? "--cpu must be greater than or equal to 0, not \"%s\""
							    : "--memory must be greater than or equal to 0, not \"%s\"",
				    optarg);
			else
				cJSON_AddStringToObject(cap, opt == 'c' ? "cpu" : "memory", optarg);
			break;
		case 'p':
			if (!parse_uint(optarg, 100000, &pods))
				rc = usage_error("--pods takes a number, not \"%s\"", optarg);
			else
				cJSON_AddStringToObject(cap, "pods", optarg);
			break;
		case 'u':
			unschedulable = true;
			break;
		default:
			rc = usage_error("%s", "add-node: bad option");
		}
	}
	if (rc == 0 && optind + 1 != argc)
		rc = usage_error("%s", "add-node takes one NAME");
	if (rc == 0) {
		struct node probe = {.obj = {.meta = {.name = argv[optind]}}};
		struct field_errors fe = {NULL, 0};

		/* The API server's name check, before anything is saved. */
		valid_node(&probe, &fe);
		if (fe.n > 0) {
			fprintf(stderr, "kubesim cluster: node %s\n", fe.v[0]);
			field_errors_free(&fe);
			rc = KS_EXIT_USAGE;
		}
	}
	if (rc != 0) {
		cJSON_Delete(entry);
		return rc;
	}
	cJSON_AddStringToObject(entry, "name", argv[optind]);
	cJSON_AddBoolToObject(entry, "unschedulable", unschedulable);
	return run_entry(entry);
}

static int
cmd_node_op(const char *sub, const char *op, int argc, char **argv)
{
	cJSON *entry;

	if (argc != 2 || argv[1][0] == '-')
		return usage_error("%s takes one node NAME", sub);
	entry = cJSON_CreateObject();
	cJSON_AddStringToObject(entry, "op", op);
	cJSON_AddStringToObject(entry, "name", argv[1]);
	return run_entry(entry);
}

static int
cmd_image(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"fail", no_argument, NULL, 'f'},
		{"pull-time", required_argument, NULL, 'p'},
		{"ok", no_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	cJSON *entry = cJSON_CreateObject();
	int opt, rc = 0, modes = 0;
	struct ks_err err;
	int64_t ms;

	cJSON_AddStringToObject(entry, "op", "image");
	while (rc == 0 && (opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		modes++;
		if (opt == 'f')
			cJSON_AddBoolToObject(entry, "fail", true);
		else if (opt == 'o')
			cJSON_AddBoolToObject(entry, "clear", true);
		else if (opt == 'p' && dur_parse(optarg, &ms, &err) == 0 && ms > STATE_MAX_TIME_MS)
			rc = usage_error("image: --pull-time is at most 100 years (876000h), not \"%s\"",
			    optarg);
		else if (opt == 'p' && dur_parse(optarg, &ms, &err) == 0)
			cJSON_AddNumberToObject(entry, "pullMs", (double)ms);
		else
			rc = usage_error("%s", opt == 'p' ? "image: --pull-time takes a duration (20s, 2m)" :
							  "image: bad option");
	}
	if (rc == 0 && (optind + 1 != argc || modes != 1))
		rc = usage_error("%s", "image takes one IMAGE and one of --fail, --pull-time DURATION, --ok");
	if (rc != 0) {
		cJSON_Delete(entry);
		return rc;
	}
	cJSON_AddStringToObject(entry, "image", argv[optind]);
	return run_entry(entry);
}

static int
cmd_advance(int argc, char **argv)
{
	struct state st;
	struct ks_err err;
	int64_t ms;
	int rc;
	char by[DUR_BUF_MAX], now[DUR_BUF_MAX];

	if (argc != 2)
		return usage_error("%s", "advance takes one DURATION (30s, 5m, 1h30m)");
	if (dur_parse(argv[1], &ms, &err) < 0)
		return usage_error("advance: %s", err.msg);
	if (ms > 7LL * 24 * 3600 * 1000)
		return usage_error("advance: at most a week at a time (\"%s\")", argv[1]);
	if (open_state(&st, true, &rc) < 0) {
		state_close(&st);
		return rc;
	}
	if (cluster_now(st.c) + ms > STATE_MAX_TIME_MS) {
		state_close(&st);
		return usage_error("advance: the clock would pass 100 years, the most a practice "
				   "cluster runs (\"%s\")",
		    argv[1]);
	}
	cluster_advance_to(st.c, cluster_now(st.c) + ms);
	rc = save(&st, KS_EXIT_OK);
	if (rc == KS_EXIT_OK) {
		dur_go(ms, by, sizeof by);
		dur_go(cluster_now(st.c), now, sizeof now);
		printf("Advanced the clock by %s; the cluster has run for %s\n", by, now);
	}
	state_close(&st);
	return rc;
}

static int
cmd_status(int argc, char **argv)
{
	struct state st;
	struct ks_err note;
	struct vec v = VEC_INIT;
	int rc, n, ready = 0, running = 0, pending = 0;
	char age[DUR_BUF_MAX];

	(void)argv;
	if (argc != 1)
		return usage_error("%s", "status takes no arguments");
	if (open_state(&st, true, &rc) < 0) {
		state_close(&st);
		return rc;
	}
	store_list(st.c->store, KIND_NODE, NULL, &v);
	for (size_t i = 0; i < v.n; i++)
		ready += node_is_ready((const struct node *)v.v[i]);
	printf("State file:  %s\n", st.path);
	printf("Mode:        %s\n", placement_mode_name(st.mode));
	dur_go(cluster_now(st.c), age, sizeof age);
	printf("Clock:       %s since the cluster was created (%s)\n", age,
	    st.clock == CLOCK_MANUAL ? "manual: moves with kubesim cluster advance" :
				       "real: follows the wall clock, at most 1h between commands");
	printf("Nodes:       %zu (%d Ready)\n", v.n, ready);
	vec_clear(&v);
	store_list(st.c->store, KIND_POD, NULL, &v);
	for (size_t i = 0; i < v.n; i++) {
		const struct pod *p = v.v[i];

		running += p->status.phase == PHASE_RUNNING;
		pending += p->status.phase == PHASE_PENDING;
	}
	printf("Pods:        %zu (%d Running, %d Pending)\n", v.n, running, pending);
	printf("DaemonSets:  %zu\n", store_count(st.c->store, KIND_DAEMONSET));
	n = cJSON_GetArraySize(st.journal);
	printf("Journal:     %d change%s\n", n, n == 1 ? "" : "s");
	vec_free(&v);
	fflush(stdout);
	rc = commit(&st, &note) < 0 ? KS_EXIT_USAGE : KS_EXIT_OK;
	fputs(note.msg, stderr);
	state_close(&st);
	return rc;
}

static int
cmd_delete(int argc, char **argv)
{
	struct state st;
	struct ks_err err;
	int rc;

	(void)argv;
	if (argc != 1)
		return usage_error("%s", "delete takes no arguments");
	if (open_state(&st, false, &rc) < 0) {
		state_close(&st);
		return rc;
	}
	if (!state_exists(&st)) {
		fprintf(stderr, "kubesim: there is no practice cluster to delete (%s does not exist)\n",
		    st.path);
		state_close(&st);
		return KS_EXIT_FAILED;
	}
	if (state_remove(&st, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		state_close(&st);
		return KS_EXIT_FAILED;
	}
	printf("Deleted the practice cluster (%s)\n", st.path);
	state_close(&st);
	return KS_EXIT_OK;
}

static int
cluster_main(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (sub == NULL) {
		fputs(cluster_usage, stderr);
		return KS_EXIT_USAGE;
	}
	if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0 || strcmp(sub, "help") == 0) {
		fputs(cluster_usage, stdout);
		return KS_EXIT_OK;
	}
	optind = 1;
	if (strcmp(sub, "create") == 0)
		return cmd_create(argc - 1, argv + 1);
	if (strcmp(sub, "add-node") == 0)
		return cmd_add_node(argc - 1, argv + 1);
	if (strcmp(sub, "remove-node") == 0)
		return cmd_node_op(sub, "removeNode", argc - 1, argv + 1);
	if (strcmp(sub, "fail-node") == 0)
		return cmd_node_op(sub, "failNode", argc - 1, argv + 1);
	if (strcmp(sub, "recover-node") == 0)
		return cmd_node_op(sub, "recoverNode", argc - 1, argv + 1);
	if (strcmp(sub, "advance") == 0)
		return cmd_advance(argc - 1, argv + 1);
	if (strcmp(sub, "image") == 0)
		return cmd_image(argc - 1, argv + 1);
	if (strcmp(sub, "status") == 0)
		return cmd_status(argc - 1, argv + 1);
	if (strcmp(sub, "delete") == 0)
		return cmd_delete(argc - 1, argv + 1);
	return usage_error("unknown subcommand \"%s\"", sub);
}

const struct ks_command ks_cmd_cluster = {
	"cluster",
	"Create and change the persistent practice cluster",
	cluster_usage,
	cluster_main,
};
