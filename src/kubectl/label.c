/*
 * label.c - `kubectl label` and `kubectl annotate`, after
 * staging/src/k8s.io/kubectl/pkg/cmd/label and cmd/annotate.
 *
 * KEY=VALUE adds or (with --overwrite) changes a label, KEY- removes one.
 * The result line says what happened: "labeled", "unlabeled" when the
 * object only lost labels, "not labeled" when nothing changed
 * (updateDataChangeMsg). annotate is the same walk over the annotations,
 * with its own spellings: any value is allowed, and every object it
 * touches is "annotated".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/labels.h"
#include "api/selector.h"
#include "api/store.h"
#include "api/validate.h"
#include "cluster.h"
#include "apiserver/apiserver.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const struct kctl_flag label_flags[] = {
	{"overwrite", 0, KF_BOOL, NULL, "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.", NULL},
	{"all", 0, KF_BOOL, NULL, "Select all resources, in the namespace of the specified resource types", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2).", NULL},
	{"resource-version", 0, KF_STRING, NULL, "If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.", NULL},
	{"list", 0, KF_BOOL, NULL, "If true, display the labels for a given resource.", NULL},
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

struct change {
	char *key;
	char *value; /* NULL: remove */
};

static void
changes_free(struct change *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].key);
		free(c[i].value);
	}
	free(c);
}

/* label.go parseLabels: "k=v" or "k-"; anything else is kubectl's error. */
static int
parse_changes(struct kctl_call *call, size_t first, bool annotate, struct change **out,
    size_t *nout)
{
	struct change *c = xcalloc(call->n_args + 1, sizeof *c);
	size_t n = 0;

	for (size_t i = first; i < call->n_args; i++) {
		const char *a = call->args[i];
		const char *eq = strchr(a, '=');
		size_t len = strlen(a);

		if (eq != NULL && !annotate && strchr(eq + 1, '=') != NULL) {
			changes_free(c, n);
			return kctl_error(call, "invalid label spec: %s", a);
		}
		if (eq != NULL) {
			c[n].key = xstrndup(a, (size_t)(eq - a));
			c[n].value = xstrdup(eq + 1);
		} else if (len > 1 && a[len - 1] == '-') {
			c[n].key = xstrndup(a, len - 1);
		} else {
			changes_free(c, n);
			return kctl_error(call, annotate ? "invalid annotation format: %s" :
							   "invalid label spec: %s",
			    a);
		}
		n++;
		if (annotate) {
			if (c[n - 1].key[0] == '\0') {
				changes_free(c, n);
				return kctl_error(call, "invalid annotation format: %s", a);
			}
			continue;
		}
		/* label.go parseLabels checks keys and values as the API server will. */
		if (valid_label_key_error(c[n - 1].key) != NULL) {
			kctl_error(call, "invalid label spec: %s, %s", a, valid_label_key_error(c[n - 1].key));
			changes_free(c, n);
			return 1;
		}
		if (c[n - 1].value != NULL && valid_label_value_error(c[n - 1].value) != NULL) {
			kctl_error(call, "invalid label value: \"%s\": %s", a,
			    valid_label_value_error(c[n - 1].value));
			changes_free(c, n);
			return 1;
		}
	}
	/*
	 * parseLabels / parseAnnotations (validateNoAnnotationOverwrites): a key
	 * both set and removed is refused; annotate names the keys.
	 */
	{
		struct strbuf both = STRBUF_INIT;

		for (size_t r = 0; r < n; r++) {
			bool set = false;

			for (size_t i = 0; c[r].value == NULL && i < n && !set; i++)
				set = c[i].value != NULL && strcmp(c[i].key, c[r].key) == 0;
			if (set)
				sb_addf(&both, "%s%s", both.len ? ", " : "", c[r].key);
		}
		if (both.len > 0) {
			if (annotate)
				kctl_error(call, "can not both modify and remove the following annotation(s) in the same command: %s",
				    sb_str(&both));
			else
				kctl_error(call, "can not both modify and remove a label in the same command");
			sb_free(&both);
			changes_free(c, n);
			return 1;
		}
		sb_free(&both);
	}
	*out = c;
	*nout = n;
	return 0;
}

static int
edit_meta(struct kctl_call *call, bool annotate)
{
	struct store *st = call->c->store;
	enum kind kind;
	struct change *changes = NULL;
	size_t nchanges = 0, first;
	struct vec targets = VEC_INIT;
	bool overwrite = kctl_bool(call, "overwrite"), list = kctl_bool(call, "list");
	bool one;
	const char *selector = kctl_str(call, "selector");
	enum kctl_dry_run dry;
	int status = 0;

	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	/*
	 * Complete (GetResourcesAndPairs, parseLabels) and Validate refuse bad
	 * changes before any object is read.
	 */
	if (kctl_resources_and_pairs(call, 0, annotate ? "annotation" : "label", &first) != 0)
		return 1;
	if (parse_changes(call, first, annotate, &changes, &nchanges) != 0)
		return 1;
	/* Validate, in its order. */
	if (kctl_bool(call, "all") && selector[0] != '\0') {
		changes_free(changes, nchanges);
		return kctl_error(call, "cannot set --all and --selector at the same time");
	}
	if (first == 0 || (nchanges == 0 && !list)) {
		changes_free(changes, nchanges);
		if (first == 0)
			return kctl_error(call, "one or more resources must be specified as <resource> <name> or <resource>/<name>");
		return kctl_error(call, annotate ? "at least one annotation update is required" :
						   "at least one label update is required");
	}
	/* TYPE/NAME, or TYPE NAME, or TYPE with -l / --all. */
	if (strchr(call->args[0], '/') != NULL) {
		char type[128];
		const char *slash = strchr(call->args[0], '/');
		struct object *o;

		snprintf(type, sizeof type, "%.*s", (int)(slash - call->args[0]), call->args[0]);
		if (kctl_resource(type, &kind) < 0) {
			changes_free(changes, nchanges);
			return kctl_unknown_type(call, type);
		}
		o = store_get(st, kind, call->ns, slash + 1);
		if (o == NULL) {
			kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n",
			    kind_resource(kind), slash + 1);
			changes_free(changes, nchanges);
			return call->res->status = 1;
		}
		vec_push(&targets, o);
	} else {
		if (kctl_resource(call->args[0], &kind) < 0) {
			changes_free(changes, nchanges);
			return kctl_unknown_type(call, call->args[0]);
		}
		/*
		 * The builder: names win over --all (ResourceTypeOrNameArgs), and
		 * do not mix with a selector (visitBySelector).
		 */
		if (selector[0] != '\0' && first > 1) {
			changes_free(changes, nchanges);
			return kctl_error(call, "name cannot be provided when a selector is specified");
		}
		/* The builder's visitorResult: a type alone, without -l or --all, names nothing. */
		if (selector[0] == '\0' && !kctl_bool(call, "all") && first == 1) {
			changes_free(changes, nchanges);
			return kctl_error(call, "resource(s) were provided, but no name was specified");
		}
		if (selector[0] != '\0' || (kctl_bool(call, "all") && first == 1)) {
			struct label_selector sel;
			struct vec all = VEC_INIT;
			struct ks_err err;

			if (sel_parse(selector, &sel, &err) < 0) {
				changes_free(changes, nchanges);
				return kctl_error(call, "%s", err.msg);
			}
			store_list_sorted(st, kind, kind_namespaced(kind) ? call->ns : NULL, &all);
			for (size_t i = 0; i < all.n; i++)
				if (sel_matches(&sel, &((struct object *)all.v[i])->meta.labels))
					vec_push(&targets, all.v[i]);
			vec_free(&all);
			sel_free(&sel);
		} else {
			/* The names before the first change. */
			for (size_t i = 1; i < first; i++) {
				struct object *o = store_get(st, kind, call->ns, call->args[i]);

				if (o == NULL) {
					kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n",
					    kind_resource(kind), call->args[i]);
					vec_free(&targets);
					changes_free(changes, nchanges);
					return call->res->status = 1;
				}
				vec_push(&targets, o);
			}
		}
	}
	if (kctl_given(call, "resource-version") && targets.n != 1) {
		changes_free(changes, nchanges);
		vec_free(&targets);
		return kctl_error(call, "--resource-version may only be used with a single resource");
	}
	/* The builder's singleItemImplied: one name, no -l and no --all. */
	one = selector[0] == '\0' && (strchr(call->args[0], '/') != NULL || first == 2);
	for (size_t t = 0; t < targets.n; t++) {
		struct object *o = api_edit(targets.v[t]);
		struct labels *map;
		struct labels before;
		const char *msg;
		bool conflict = false;

		/* Every kind kubesim serves has an editable copy; a new one must be added to api_edit. */
		if (o == NULL) {
			status = kctl_error(call, "%s/%s cannot be changed by kubesim's kubectl",
			    kctl_type_name(((struct object *)targets.v[t])->kind),
			    ((struct object *)targets.v[t])->meta.name);
			continue;
		}
		map = annotate ? &o->meta.annotations : &o->meta.labels;

		/* validateNoOverwrites: refuse before changing anything. */
		for (size_t i = 0; i < nchanges && !overwrite; i++) {
			const char *cur = labels_get(map, changes[i].key);

			if (changes[i].value != NULL && cur != NULL && strcmp(cur, changes[i].value) != 0) {
				if (annotate)
					kctl_error(call, "--overwrite is false but found the following "
							 "declared annotation(s): '%s' already has a value (%s)",
					    changes[i].key, cur);
				else
					kctl_error(call, "'%s' already has a value (%s), and --overwrite is false",
					    changes[i].key, cur);
				conflict = true;
				break;
			}
		}
		if (conflict) {
			object_free(o);
			status = 1;
			continue;
		}
		labels_init(&before);
		labels_copy(&before, map);
		for (size_t i = 0; i < nchanges; i++) {
			if (changes[i].value != NULL)
				labels_set(map, changes[i].key, changes[i].value);
			else if (!labels_del(map, changes[i].key) && !annotate)
				kctl_out(call->res, "label \"%s\" not found.\n", changes[i].key);
		}
		if (list) {
			/*
			 * label.go/annotate.go RunLabel with --list: the changes are
			 * made locally, nothing is sent, and the map is printed (in
			 * Go's random map order there; in kubesim's key order here).
			 */
			const char *kname = kind_name(o->kind), *gv = kind_api_version(o->kind);
			const char *slash = strchr(gv, '/');

			if (!one)
				kctl_out(call->res, "Listing %s for %s.%.*s/%s:\n", annotate ? "annotations" : "labels",
				    kname, slash != NULL ? (int)(slash - gv) : 0, gv, o->meta.name);
			for (size_t i = 0; i < map->n; i++)
				kctl_out(call->res, "%s%s=%s\n", one ? "" : " ", map->v[i].key, map->v[i].value);
			labels_free(&before);
			object_free(o);
			continue;
		}
		if (annotate)
			msg = "annotated";
		else if (labels_equal(&before, map))
			msg = "not labeled";
		else if (!overwrite && map->n < before.n)
			msg = "unlabeled";
		else
			msg = "labeled";
		/* The patch carries the resourceVersion kubectl was given, as a precondition. */
		if (kctl_given(call, "resource-version")) {
			char *end;
			unsigned long long rv = strtoull(kctl_str(call, "resource-version"), &end, 10);

			o->meta.resource_version = *end == '\0' && rv > 0 ? rv : UINT64_MAX;
		}
		if (!labels_equal(&before, map) || kctl_given(call, "resource-version")) {
			if (kctl_write_update(call, o, msg, dry) != 0)
				status = 1;
		} else {
			kctl_write_print(call, o, NULL, msg, dry);
			object_free(o);
		}
		labels_free(&before);
	}
	changes_free(changes, nchanges);
	vec_free(&targets);
	if (status)
		call->res->status = 1;
	return call->res->status;
}

static int
label_exec(struct kctl_call *call)
{
	return edit_meta(call, false);
}

static int
annotate_exec(struct kctl_call *call)
{
	return edit_meta(call, true);
}

static const struct kctl_flag annotate_flags[] = {
	{"overwrite", 0, KF_BOOL, NULL, "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.", NULL},
	{"all", 0, KF_BOOL, NULL, "Select all resources, in the namespace of the specified resource types.", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.", NULL},
	{"resource-version", 0, KF_STRING, NULL, "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.", NULL},
	{"list", 0, KF_BOOL, NULL, "If true, display the annotations for a given resource.", NULL},
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

const struct kctl_verb kctl_annotate_verb = {
	.name = "annotate",
	.short_help = "Update the annotations on a resource",
	.usage = "kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
	.flags = annotate_flags,
	.exec = annotate_exec,
};

const struct kctl_verb kctl_label_verb = {
	.name = "label",
	.short_help = "Update the labels on a resource",
	.usage = "kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
	.flags = label_flags,
	.exec = label_exec,
};
