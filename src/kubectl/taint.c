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

/*
 * parseTaint for one KEY[=VALUE][:EFFECT]: 0, or -1 with kubectl's reason
 * in why. An effect-less taint has effect EFFECT_ALL.
 */
static int
parse_one(const char *spec, struct taint *out, char *why, size_t len)
{
	char *copy = xstrdup(spec);
	char *colon = strchr(copy, ':');
	char *key = copy, *value = "", *eq;
	enum taint_effect effect = EFFECT_ALL;
	const char *bad;

	if (colon != NULL) {
		*colon = '\0';
		if (strchr(colon + 1, ':') != NULL) {
			snprintf(why, len, "invalid taint spec: %s", spec);
			goto fail;
		}
		if (taint_effect_parse(colon + 1, false, &effect) < 0) {
			snprintf(why, len, "invalid taint effect: %s, unsupported taint effect", colon + 1);
			goto fail;
		}
		eq = strchr(key, '=');
		if (eq != NULL) {
			*eq = '\0';
			value = eq + 1;
			if (strchr(value, '=') != NULL) {
				snprintf(why, len, "invalid taint spec: %s", spec);
				goto fail;
			}
			if ((bad = valid_label_value_error(value)) != NULL) {
				snprintf(why, len, "invalid taint spec: %s, %s", spec, bad);
				goto fail;
			}
		}
	}
	if ((bad = valid_label_key_error(key)) != NULL) {
		/* IsQualifiedName's errors, joined by "; ": an empty name fails twice. */
		snprintf(why, len, "invalid taint spec: %s, %s%s", spec,
		    key[0] == '\0' ? "name part must be non-empty; " : "", bad);
		goto fail;
	}
	taint_init(out, key, value, effect);
	free(copy);
	return 0;
fail:
	free(copy);
	return -1;
}

/* A word that changes taints: "k=v:Effect", "k:Effect", "k-" (taint.go parseTaintsArgs). */
static bool
is_taint_arg(const char *s)
{
	size_t n = strlen(s);

	return strchr(s, '=') != NULL || strchr(s, ':') != NULL || (n > 0 && s[n - 1] == '-');
}

/*
 * parseTaints (utils.go). A taint to remove is parsed like one to add and
 * then keeps only its key and effect, so "key=value:NoSchedule-", the form
 * the Kubernetes docs teach, removes key's NoSchedule taint whatever its
 * value. Complete wraps every error in a usage error.
 */
static int
parse_taints(struct kctl_call *call, size_t first, struct taint_args *a)
{
	char why[1024];

	memset(a, 0, sizeof *a);
	a->add = xcalloc(call->n_args + 1, sizeof *a->add);
	a->remove = xcalloc(call->n_args + 1, sizeof *a->remove);
	for (size_t i = first; i < call->n_args; i++) {
		const char *spec = call->args[i];
		size_t len = strlen(spec);
		struct taint t;

		if (len > 0 && spec[len - 1] == '-') {
			char *trimmed = xstrndup(spec, len - 1);
			int rc = parse_one(trimmed, &t, why, sizeof why);

			free(trimmed);
			if (rc < 0)
				return kctl_usage_error(call, "%s", why);
			taint_init(&a->remove[a->n_remove++], t.key, "", t.effect);
			taint_free(&t);
			continue;
		}
		if (parse_one(spec, &a->add[a->n_add], why, sizeof why) < 0)
			return kctl_usage_error(call, "%s", why);
		if (a->add[a->n_add].effect == EFFECT_ALL) {
			taint_free(&a->add[a->n_add]);
			return kctl_usage_error(call, "invalid taint spec: %s", spec);
		}
		for (size_t j = 0; j < a->n_add; j++) {
			if (strcmp(a->add[j].key, a->add[a->n_add].key) == 0 &&
			    a->add[j].effect == a->add[a->n_add].effect) {
				/* Go's %v of a Taint: {key value effect <nil>} */
				snprintf(why, sizeof why, "duplicated taints with the same key and effect: {%s %s %s <nil>}",
				    a->add[a->n_add].key, a->add[a->n_add].value,
				    taint_effect_name(a->add[a->n_add].effect));
				taint_free(&a->add[a->n_add]);
				return kctl_usage_error(call, "%s", why);
			}
		}
		a->n_add++;
	}
	if (a->n_add == 0 && a->n_remove == 0)
		return kctl_error(call, "at least one taint update is required");
	return 0;
}

/*
 * Validate (taint.go): a taint both added and removed is refused before
 * any node is read; a removal without an effect conflicts with every
 * effect of its key. Each conflict is printed as "key=effect" (taint.go
 * Validate's fmt.Sprintf("%s=%s", ...)), joined by ", ".
 */
static int
check_conflicts(struct kctl_call *call, const struct taint_args *a)
{
	struct strbuf list = STRBUF_INIT;
	int rc = 0;

	for (size_t i = 0; i < a->n_add; i++)
		for (size_t r = 0; r < a->n_remove; r++) {
			const struct taint *rm = &a->remove[r];

			if (strcmp(a->add[i].key, rm->key) != 0)
				continue;
			if (rm->effect == EFFECT_ALL || rm->effect == a->add[i].effect)
				sb_addf(&list, "%s%s=%s", list.len ? ", " : "", rm->key,
				    rm->effect == EFFECT_ALL ? "" : taint_effect_name(rm->effect));
		}
	if (list.len > 0)
		rc = kctl_error(call, "can not both modify and remove the following taint(s) in the same command: %s",
		    sb_str(&list));
	sb_free(&list);
	return rc;
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
	/* Complete: the words before the first taint change are resources, and none may follow. */
	for (first = 0; first < call->n_args && !is_taint_arg(call->args[first]); first++)
		;
	for (size_t i = first; i < call->n_args; i++)
		if (!is_taint_arg(call->args[i]))
			return kctl_error(call, "all resources must be specified before taint changes: %s",
			    call->args[i]);
	if (first == 0)
		return kctl_error(call, "one or more resources must be specified as <resource> <name>");
	if (first >= call->n_args)
		return kctl_error(call, "at least one taint update is required");
	if (parse_taints(call, first, &a) != 0) {
		taint_args_free(&a);
		return 1;
	}
	/* Validate: the type, conflicting changes, then which nodes. */
	/*
	 * No TYPE/NAME form: Validate parses the first word as a resource
	 * type, so "node/node1" is a type the server does not have (v1.32).
	 */
	if (kctl_resource(call->args[0], &kind) < 0) {
		/* Validate's explain.SplitAndParseResourceRequest: the mapper's error. */
		status = kctl_no_resource_match(call, call->args[0]);
	} else if (kind != KIND_NODE)
		status = kctl_error(call, "invalid resource type %s, only node types are supported",
		    call->args[0]);
	if (status == 0)
		status = check_conflicts(call, &a);
	if (status == 0 && kctl_bool(call, "all") && selector[0] != '\0')
		status = kctl_error(call, "setting 'all' parameter with a non empty selector is prohibited");
	if (status == 0 && !kctl_bool(call, "all") && selector[0] == '\0' && nodes.n == 0 && first < 2)
		status = kctl_error(call, "at least one resource name must be specified since 'all' parameter is not set");
	if (status == 0 && (kctl_bool(call, "all") || selector[0] != '\0')) {
		struct vec picked = VEC_INIT;

		if (kctl_select_cluster(call, KIND_NODE, selector, &picked) != 0)
			status = 1;
		for (size_t i = 0; i < picked.n; i++)
			vec_push(&nodes, xstrdup(((struct object *)picked.v[i])->meta.name));
		vec_free(&picked);
	} else if (status == 0 && nodes.n == 0) {
		for (size_t i = 1; i < first; i++)
			vec_push(&nodes, xstrdup(call->args[i]));
	}
	if (status != 0) {
		taint_args_free(&a);
		for (size_t i = 0; i < nodes.n; i++)
			free(nodes.v[i]);
		vec_free(&nodes);
		return status;
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
		/*
		 * "node/node1 tainted", dry run or not: Complete calls
		 * PrintFlagsWithDryRunStrategy while NamePrintFlags.Operation is
		 * still empty, and ToPrinter then overwrites Operation with the
		 * verb, dropping the suffix (taint.go, v1.32; patch.go does the same).
		 */
		if (kctl_write_update_as(call, &edit->obj, msg, dry, false) != 0)
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
