/*
 * command.c - parsing and running the TUI's commands.
 */
#include "tui/command.h"

#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "api/quantity.h"
#include "api/taint.h"
#include "api/validate.h"
#include "cluster.h"
#include "control/dsctrl.h"
#include "control/sched.h"
#include "kubectl/kctl.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static const struct {
	const char *word;
	enum tcmd_kind kind;
	const char *op; /* the journal's name for a node step */
} steps[] = {
	{"addNode", TC_ADD_NODE, "addNode"},
	{"removeNode", TC_REMOVE_NODE, "removeNode"},
	{"failNode", TC_FAIL_NODE, "failNode"},
	{"recoverNode", TC_RECOVER_NODE, "recoverNode"},
	{"wait", TC_WAIT, NULL},
	{"stopScheduler", TC_STOP_SCHEDULER, NULL},
	{"startScheduler", TC_START_SCHEDULER, NULL},
	{"stopController", TC_STOP_CONTROLLER, NULL},
	{"startController", TC_START_CONTROLLER, NULL},
};

static int
parse_node_flags(int argc, char **argv, cJSON *entry, struct ks_err *err)
{
	cJSON *labels = cJSON_AddObjectToObject(entry, "labels");
	cJSON *taints = cJSON_AddArrayToObject(entry, "taints");
	cJSON *cap = cJSON_AddObjectToObject(entry, "capacity");

	for (int i = 2; i < argc; i++) {
		const char *flag = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		struct quantity q;

		if (val == NULL)
			return err_set(err, "%s needs a value", flag);
		i++;
		if (strcmp(flag, "--label") == 0) {
			const char *eq = strchr(val, '=');
			char *key;

			if (eq == NULL)
				return err_set(err, "--label is KEY=VALUE, not \"%s\"", val);
			key = xstrndup(val, (size_t)(eq - val));
			if (valid_label_key_error(key) != NULL || valid_label_value_error(eq + 1) != NULL) {
				free(key);
				return err_set(err, "--label \"%s\": not a valid label", val);
			}
			cJSON_AddStringToObject(labels, key, eq + 1);
			free(key);
		} else if (strcmp(flag, "--taint") == 0) {
			const char *colon = strrchr(val, ':');
			enum taint_effect eff;
			cJSON *t;
			char *kv;
			char *eq;

			if (colon == NULL || taint_effect_parse(colon + 1, false, &eff) < 0)
				return err_set(err, "--taint is KEY[=VALUE]:EFFECT, not \"%s\"", val);
			kv = xstrndup(val, (size_t)(colon - val));
			eq = strchr(kv, '=');
			t = cJSON_CreateObject();
			if (eq != NULL) {
				*eq = '\0';
				cJSON_AddStringToObject(t, "value", eq + 1);
			}
			cJSON_AddStringToObject(t, "key", kv);
			cJSON_AddStringToObject(t, "effect", taint_effect_name(eff));
			cJSON_AddItemToArray(taints, t);
			free(kv);
		} else if (strcmp(flag, "--cpu") == 0 || strcmp(flag, "--memory") == 0 ||
			   strcmp(flag, "--pods") == 0) {
			if (qty_parse(val, &q, err) < 0)
				return -1;
			if (q.milli < 0)
				return err_set(err, "addNode: %s must be greater than or equal to 0, not \"%s\"",
				    flag, val);
			cJSON_AddStringToObject(cap, flag + 2, val);
		} else {
			return err_set(err, "addNode: unknown flag %s", flag);
		}
	}
	return 0;
}

int
tcmd_parse(const char *line, struct tcmd *out, struct ks_err *err)
{
	int argc;
	char **argv;

	memset(out, 0, sizeof *out);
	if (kctl_split(line, &argc, &argv, err) < 0)
		return -1;
	if (argc == 0) {
		kctl_argv_free(argc, argv);
		return err_set(err, "type a kubectl command or a step (? for help)");
	}
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (strcmp(argv[0], steps[i].word) != 0)
			continue;
		out->kind = steps[i].kind;
		if (steps[i].op != NULL) {
			if (argc < 2 || (steps[i].kind != TC_ADD_NODE && argc != 2)) {
				err_set(err, "%s takes a node name%s", argv[0],
				    steps[i].kind == TC_ADD_NODE ? " (and --label, --taint, --cpu, --memory)" : "");
				kctl_argv_free(argc, argv);
				return -1;
			}
			if (steps[i].kind == TC_ADD_NODE) {
				/* The API server's name check, as kubesim cluster add-node makes it. */
				struct node probe = {.obj = {.meta = {.name = argv[1]}}};
				struct field_errors fe = {NULL, 0};

				valid_node(&probe, &fe);
				if (fe.n > 0) {
					err_set(err, "node %s", fe.v[0]);
					field_errors_free(&fe);
					kctl_argv_free(argc, argv);
					return -1;
				}
			}
			out->node = cJSON_CreateObject();
			cJSON_AddStringToObject(out->node, "op", steps[i].op);
			cJSON_AddStringToObject(out->node, "name", argv[1]);
			if (steps[i].kind == TC_ADD_NODE &&
			    parse_node_flags(argc, argv, out->node, err) < 0) {
				kctl_argv_free(argc, argv);
				tcmd_free(out);
				return -1;
			}
		} else if (steps[i].kind == TC_WAIT) {
			if (argc != 2 || dur_parse(argv[1], &out->ms, err) < 0) {
				if (argc != 2)
					err_set(err, "wait takes one duration (30s, 2m)");
				kctl_argv_free(argc, argv);
				return -1;
			}
		} else if (argc != 1) {
			err_set(err, "%s takes no arguments", argv[0]);
			kctl_argv_free(argc, argv);
			return -1;
		}
		kctl_argv_free(argc, argv);
		return 0;
	}
	out->kind = TC_KUBECTL;
	if (strcmp(argv[0], "kubectl") == 0 || strcmp(argv[0], "k") == 0) {
		free(argv[0]);
		memmove(argv, argv + 1, (size_t)argc * sizeof *argv);
		argc--;
	}
	out->argc = argc;
	out->argv = argv;
	return 0;
}

void
tcmd_free(struct tcmd *t)
{
	kctl_argv_free(t->argc, t->argv);
	cJSON_Delete(t->node);
	memset(t, 0, sizeof *t);
}

static int
node_step(const struct tcmd *t, struct cluster *c, struct strbuf *out)
{
	const char *name = cJSON_GetObjectItem(t->node, "name")->valuestring;
	struct ks_err err;
	int rc = 0;

	switch (t->kind) {
	case TC_ADD_NODE: {
		struct node *n = node_new(name);
		const cJSON *it;

		cJSON_ArrayForEach(it, cJSON_GetObjectItem(t->node, "labels"))
			labels_set(&n->obj.meta.labels, it->string, it->valuestring);
		cJSON_ArrayForEach(it, cJSON_GetObjectItem(t->node, "taints"))
		{
			const cJSON *v = cJSON_GetObjectItem(it, "value");
			struct taint tn;
			enum taint_effect eff;

			taint_effect_parse(cJSON_GetObjectItem(it, "effect")->valuestring, false, &eff);
			taint_init(&tn, cJSON_GetObjectItem(it, "key")->valuestring,
			    cJSON_IsString(v) ? v->valuestring : "", eff);
			node_add_taint(n, &tn);
			taint_free(&tn);
		}
		cJSON_ArrayForEach(it, cJSON_GetObjectItem(t->node, "capacity"))
		{
			struct quantity q;

			if (qty_parse(it->valuestring, &q, &err) == 0)
				res_list_set(&n->capacity, it->string, q);
		}
		rc = cluster_add_node(c, n, true, true, &err);
		if (rc < 0)
			node_free(n);
		break;
	}
	case TC_REMOVE_NODE:
		rc = cluster_remove_node(c, name, &err);
		break;
	case TC_FAIL_NODE:
		rc = cluster_fail_node(c, name, &err);
		break;
	default:
		rc = cluster_recover_node(c, name, &err);
		break;
	}
	if (rc < 0) {
		sb_addf(out, "error: %s\n", err.msg);
		return 1;
	}
	sb_addf(out, "%s %s\n", cJSON_GetObjectItem(t->node, "op")->valuestring, name);
	return 0;
}

int
tcmd_run(const struct tcmd *t, struct cluster *c, struct strbuf *out)
{
	struct kctl_result res;
	struct kctl_io io = {NULL, NULL, NULL, NULL, NULL};
	char d[DUR_BUF_MAX];
	int rc;

	switch (t->kind) {
	case TC_KUBECTL:
		kctl_result_init(&res);
		rc = kctl_run(c, t->argc, t->argv, &io, &res);
		sb_add(out, sb_str(&res.both));
		kctl_result_free(&res);
		return rc != 0;
	case TC_WAIT:
		cluster_advance_to(c, dur_add(cluster_now(c), t->ms));
		dur_go(t->ms, d, sizeof d);
		sb_addf(out, "waited %s\n", d);
		return 0;
	case TC_STOP_SCHEDULER:
	case TC_START_SCHEDULER:
		sched_set_running(c->sched, t->kind == TC_START_SCHEDULER);
		sb_addf(out, "scheduler %s\n", t->kind == TC_START_SCHEDULER ? "started" : "stopped");
		return 0;
	case TC_STOP_CONTROLLER:
	case TC_START_CONTROLLER:
		dsctrl_set_running(c->dsc, t->kind == TC_START_CONTROLLER);
		sb_addf(out, "DaemonSet controller %s\n",
		    t->kind == TC_START_CONTROLLER ? "started" : "stopped");
		return 0;
	default:
		return node_step(t, c, out);
	}
}
