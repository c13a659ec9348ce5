/*
 * taint.c - `kubectl taint`, after staging/src/k8s.io/kubectl/pkg/cmd/taint
 * (taint.go, utils.go: parseTaints, reorganizeTaints, deleteTaints).
 *
 * KEY[=VALUE]:EFFECT adds a taint, KEY- or KEY:EFFECT- removes taints. New
 * taints go first, then the node's other taints; the result line is
 * "tainted", "untainted", or "modified" for --overwrite or a command that
 * both added and removed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "api/selector.h"
#include "api/store.h"
#include "api/taint.h"
#include "api/validate.h"
#include "cluster.h"
#include "apiserver/apiserver.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const struct kctl_flag taint_flags[] = {
	{"overwrite", 0, KF_BOOL, NULL, "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.", NULL},
	{"all", 0, KF_BOOL, NULL, "Select all nodes in the cluster", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2).", NULL},
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

struct taint_args {
	struct taint *add;
	size_t n_add;
	struct taint *remove; /* effect EFFECT_ALL: every effect of the key */
	size_t n_remove;
};

static void
taint_args_free(struct taint_args *a)
{
	for (size_t i = 0; i < a->n_add; i++)
		taint_free(&a->add[i]);
	for (size_t i = 0; i < a->n_remove; i++)
		taint_free(&a->remove[i]);
	free(a->add);
	free(a->remove);
}

/* parseTaint for one KEY[=VALUE][:EFFECT]; returns 0 or kubectl's error. */
static int
parse_one(struct kctl_call *call, const char *spec, struct taint *out)
{
	char *copy = xstrdup(spec);
	char *colon = strchr(copy, ':');
	char *key = copy, *value = "", *eq;
	enum taint_effect effect = EFFECT_ALL;

	if (colon != NULL) {
		*colon = '\0';
		if (strchr(colon + 1, ':') != NULL) {
			free(copy);
			return kctl_usage_error(call, "invalid taint spec: %s", spec);
		}
		if (taint_effect_parse(colon + 1, false, &effect) < 0) {
			kctl_usage_error(call, "invalid taint effect: %s, unsupported taint effect", colon + 1);
			free(copy);
			return 1;
		}
		eq = strchr(key, '=');
		if (eq != NULL) {
			*eq = '\0';
			value = eq + 1;
			if (strchr(value, '=') != NULL) {
				free(copy);
				return kctl_usage_error(call, "invalid taint spec: %s", spec);
			}
			if (valid_label_value_error(value) != NULL) {
				kctl_error(call, "invalid taint spec: %s, %s", spec,
				    valid_label_value_error(value));
				free(copy);
				return 1;
			}
		}
	}
	if (valid_label_key_error(key) != NULL) {
		kctl_error(call, "invalid taint spec: %s, %s", spec, valid_label_key_error(key));
		free(copy);
		return 1;
	}
	taint_init(out, key, value, effect);
	free(copy);
	return 0;
}

/* A word that changes taints: "k=v:Effect", "k:Effect", "k-" (taint.go parseTaintsArgs). */
static bool
is_taint_arg(const char *s)
{
	size_t n = strlen(s);

	return strchr(s, '=') != NULL || strchr(s, ':') != NULL || (n > 0 && s[n - 1] == '-');
}

static int
parse_taints(struct kctl_call *call, size_t first, struct taint_args *a)
{
	memset(a, 0, sizeof *a);
	a->add = xcalloc(call->n_args + 1, sizeof *a->add);
	a->remove = xcalloc(call->n_args + 1, sizeof *a->remove);
	for (size_t i = first; i < call->n_args; i++) {
		const char *spec = call->args[i];
		size_t len = strlen(spec);

		if (len > 0 && spec[len - 1] == '-') {
			char *key = xstrndup(spec, len - 1);
			char *colon = strchr(key, ':');
			enum taint_effect effect = EFFECT_ALL;

			if (colon != NULL) {
				*colon = '\0';
				if (colon[1] != '\0' && taint_effect_parse(colon + 1, false, &effect) < 0) {
					kctl_usage_error(call, "invalid taint effect: %s, unsupported taint effect",
					    colon + 1);
					free(key);
					return 1;
				}
			}
			taint_init(&a->remove[a->n_remove++], key, "", effect);
			free(key);
			continue;
		}
		if (parse_one(call, spec, &a->add[a->n_add]) != 0)
			return 1;
		if (a->add[a->n_add].effect == EFFECT_ALL) {
			taint_free(&a->add[a->n_add]);
			return kctl_usage_error(call, "invalid taint spec: %s", spec);
		}
		for (size_t j = 0; j < a->n_add; j++) {
			if (strcmp(a->add[j].key, a->add[a->n_add].key) == 0 &&
			    a->add[j].effect == a->add[a->n_add].effect) {
				struct strbuf sb = STRBUF_INIT;

				/* Go's %v of a Taint: {key value effect <nil>} */
				sb_init(&sb);
				sb_addf(&sb, "{%s %s %s <nil>}", a->add[a->n_add].key, a->add[a->n_add].value,
				    taint_effect_name(a->add[a->n_add].effect));
				kctl_error(call, "duplicated taints with the same key and effect: %s", sb_str(&sb));
				sb_free(&sb);
				taint_free(&a->add[a->n_add]);
				return 1;
			}
		}
		a->n_add++;
	}
	if (a->n_add == 0 && a->n_remove == 0)
		return kctl_error(call, "at least one taint update is required");
	return 0;
}

static bool
same_key_effect(const struct taint *x, const struct taint *y)
{
	return strcmp(x->key, y->key) == 0 && x->effect == y->effect;
}

/* reorganizeTaints; returns "tainted", "untainted" or "modified", or NULL with an error. */
static const char *
apply_taints(struct kctl_call *call, struct node *n, const struct taint_args *a, bool overwrite)
{
	struct vec result = VEC_INIT; /* struct taint * pointing into a or n */
	struct strbuf errs = STRBUF_INIT;
	bool added, removed = false;
	size_t old_n = n->n_taints;
	struct taint *fresh;
	sim_ms now = cluster_now(call->c);

	for (size_t i = 0; i < a->n_add; i++)
		vec_push(&result, &a->add[i]);
	for (size_t i = 0; i < n->n_taints; i++) {
		bool in_new = false;

		for (size_t j = 0; j < a->n_add; j++)
			if (same_key_effect(&n->taints[i], &a->add[j]))
				in_new = true;
		if (!in_new)
			vec_push(&result, &n->taints[i]);
	}
	added = old_n != result.n;
	for (size_t r = 0; r < a->n_remove; r++) {
		const struct taint *rm = &a->remove[r];
		size_t k = 0;

		removed = false;
		for (size_t i = 0; i < result.n; i++) {
			const struct taint *t = result.v[i];

			if (strcmp(t->key, rm->key) == 0 && (rm->effect == EFFECT_ALL || t->effect == rm->effect))
				removed = true;
			else
				result.v[k++] = result.v[i];
		}
		result.n = k;
		if (!removed) {
			sb_addf(&errs, "%staint \"%s%s%s\" not found", errs.len ? ", " : "", rm->key,
			    rm->effect != EFFECT_ALL ? ":" : "", taint_effect_name(rm->effect));
		}
	}
	if (errs.len > 0) {
		kctl_error(call, "%s", sb_str(&errs));
		sb_free(&errs);
		vec_free(&result);
		return NULL;
	}
	sb_free(&errs);
	fresh = xcalloc(result.n ? result.n : 1, sizeof *fresh);
	for (size_t i = 0; i < result.n; i++) {
		taint_copy(&fresh[i], result.v[i]);
		if (fresh[i].time_added_ms < 0 && fresh[i].effect == EFFECT_NO_EXECUTE)
			fresh[i].time_added_ms = now;
	}
	for (size_t i = 0; i < n->n_taints; i++)
		taint_free(&n->taints[i]);
	free(n->taints);
	n->taints = fresh;
	n->n_taints = result.n;
	vec_free(&result);
	if ((added && removed) || overwrite)
		return "modified";
	return added ? "tainted" : "untainted";
}

static int
taint_exec(struct kctl_call *call)
{
	struct store *st = call->c->store;
	struct vec nodes = VEC_INIT;
	struct taint_args a;
	size_t first;
	enum kind kind;
	const char *selector = kctl_str(call, "selector");
	enum kctl_dry_run dry;
	int status = 0;

	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	if (call->n_args == 0)
		return kctl_error(call, "one or more resources must be specified as <resource> <name>");
	if (strchr(call->args[0], '/') != NULL) {
		char type[128];
		const char *slash = strchr(call->args[0], '/');

		snprintf(type, sizeof type, "%.*s", (int)(slash - call->args[0]), call->args[0]);
		if (kctl_resource(type, &kind) < 0 || kind != KIND_NODE)
			return kctl_error(call, "invalid resource type %s, only node types are supported", type);
		vec_push(&nodes, xstrdup(slash + 1));
		first = 1;
	} else {
		if (kctl_resource(call->args[0], &kind) < 0 || kind != KIND_NODE)
			return kctl_error(call, "invalid resource type %s, only node types are supported",
			    call->args[0]);
		if (kctl_bool(call, "all") || selector[0] != '\0') {
			struct vec picked = VEC_INIT;

			if (kctl_select_cluster(call, KIND_NODE, selector, &picked) != 0) {
				vec_free(&picked);
				return 1;
			}
			for (size_t i = 0; i < picked.n; i++)
				vec_push(&nodes, xstrdup(((struct object *)picked.v[i])->meta.name));
			vec_free(&picked);
			first = 1;
		} else {
			/* parseTaintsArgs: names until the first word that looks like a taint. */
			for (first = 1; first < call->n_args && !is_taint_arg(call->args[first]); first++)
				vec_push(&nodes, xstrdup(call->args[first]));
		}
	}
	for (size_t i = first; i < call->n_args; i++) {
		if (!is_taint_arg(call->args[i])) {
			status = kctl_usage_error(call, "all resources must be specified before taint changes: %s",
			    call->args[i]);
			break;
		}
	}
	if (status == 0 && first >= call->n_args)
		status = kctl_error(call, "at least one taint update is required");
	if (status == 0 && nodes.n == 0 && !kctl_bool(call, "all") && selector[0] == '\0')
		status = kctl_usage_error(call, "at least one resource name must be specified since 'all' parameter is not set");
	if (status != 0) {
		for (size_t i = 0; i < nodes.n; i++)
			free(nodes.v[i]);
		vec_free(&nodes);
		return status;
	}
	if (parse_taints(call, first, &a) != 0) {
		taint_args_free(&a);
		for (size_t i = 0; i < nodes.n; i++)
			free(nodes.v[i]);
		vec_free(&nodes);
		return 1;
	}
	for (size_t i = 0; i < nodes.n; i++) {
		struct node *n = (struct node *)store_get(st, KIND_NODE, NULL, nodes.v[i]);
		struct node *edit;
		const char *msg;

		if (n == NULL) {
			kctl_err(call->res, "Error from server (NotFound): nodes \"%s\" not found\n",
			    (char *)nodes.v[i]);
			status = 1;
			continue;
		}
		/* checkIfTaintsAlreadyExists */
		if (!kctl_bool(call, "overwrite")) {
			struct strbuf exists = STRBUF_INIT;

			for (size_t j = 0; j < a.n_add; j++)
				if (node_find_taint(n, a.add[j].key, a.add[j].effect) != NULL)
					sb_addf(&exists, "%s%s", exists.len ? "," : "", a.add[j].key);
			if (exists.len > 0) {
				kctl_error(call, "node %s already has %s taint(s) with same effect(s) and --overwrite is false",
				    n->obj.meta.name, sb_str(&exists));
				sb_free(&exists);
				status = 1;
				continue;
			}
			sb_free(&exists);
		}
		edit = (struct node *)api_edit(&n->obj);
		msg = apply_taints(call, edit, &a, kctl_bool(call, "overwrite"));
		if (msg == NULL) {
			object_free(&edit->obj);
			status = 1;
			continue;
		}
		if (kctl_write_update(call, &edit->obj, msg, dry) != 0)
			status = 1;
	}
	taint_args_free(&a);
	for (size_t i = 0; i < nodes.n; i++)
		free(nodes.v[i]);
	vec_free(&nodes);
	if (status)
		call->res->status = 1;
	return call->res->status;
}

const struct kctl_verb kctl_taint_verb = {
	.name = "taint",
	.short_help = "Update the taints on one or more nodes",
	.usage = "kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]",
	.flags = taint_flags,
	.exec = taint_exec,
};
