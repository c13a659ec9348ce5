/*
 * rollout.c - `kubectl rollout status|history|undo|restart|pause|resume`
 * for DaemonSets, after staging/src/k8s.io/kubectl/pkg/cmd/rollout and
 * pkg/polymorphichelpers (rollout_status.go, history.go, rollback.go,
 * objectrestarter.go).
 *
 * status watches the DaemonSet and prints kubectl's progress line on every
 * change until the rollout is done, letting simulated time pass (bounded by
 * --timeout, five minutes when not given, since a simulation cannot wait
 * for ever).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/revision.h"
#include "api/store.h"
#include "api/selector.h"
#include "cluster.h"
#include "codec/encode.h"
#include "kubectl/describe.h"
#include "apiserver/apiserver.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

#define STATUS_WAIT_DEFAULT_MS (5 * 60 * 1000)

/* The help kubectl v1.32 prints for the command without a subcommand (cobra's usage template). */
static const char rollout_help[] =
	"Manage the rollout of one or many resources.\n"
	"        \n"
	" Valid resource types include:\n"
	"\n"
	"  *  deployments\n"
	"  *  daemonsets\n"
	"  *  statefulsets\n"
	"\n"
	"Examples:\n"
	"  # Rollback to the previous deployment\n"
	"  kubectl rollout undo deployment/abc\n"
	"  \n"
	"  # Check the rollout status of a daemonset\n"
	"  kubectl rollout status daemonset/foo\n"
	"  \n"
	"  # Restart a deployment\n"
	"  kubectl rollout restart deployment/abc\n"
	"  \n"
	"  # Restart deployments with the 'app=nginx' label\n"
	"  kubectl rollout restart deployment --selector=app=nginx\n"
	"\n"
	"Available Commands:\n"
	"  history       View rollout history\n"
	"  pause         Mark the provided resource as paused\n"
	"  restart       Restart a resource\n"
	"  resume        Resume a paused resource\n"
	"  status        Show the status of the rollout\n"
	"  undo          Undo a previous rollout\n"
	"\n"
	"Usage:\n"
	"  kubectl rollout SUBCOMMAND [options]\n"
	"\n"
	"Use \"kubectl rollout <command> --help\" for more information about a given command.\n"
	"Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

static const struct kctl_flag rollout_flags[] = {
	{"watch", 'w', KF_BOOL, "true", "Watch the status of the rollout until it's done.", NULL},
	{"timeout", 0, KF_DURATION, "0s", "The length of time to wait before ending watch, zero means never.", NULL},
	{"revision", 0, KF_INT, "0", "See the details, including podTemplate of the revision specified", NULL},
	{"to-revision", 0, KF_INT, "0", "The revision to rollback to. Default to 0 (last revision).", NULL},
	{"selector", 'l', KF_STRING, NULL, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.", NULL},
	KCTL_WRITE_OUTPUT_FLAG,
	KCTL_DRY_RUN_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/*
 * What a subcommand says of an object of a kind kubesim cannot roll out
 * (only DaemonSets are simulated). history and undo look their viewer up
 * through kapps.GroupKindElement's visitor (history.go HistoryViewerFor,
 * rollback.go RollbackerFor): a Pod has a visit method but no viewer, other
 * kinds none ("%v" of the GroupKindElement struct: "{ Node}"); kinds are
 * named as GroupKind.String() does ("Node", "ControllerRevision.apps").
 * restart, pause and resume (objectrestarter.go and kin) refuse the object
 * as "<group resource> \"<name>\" restarting is not supported". status
 * keeps its own words.
 */
static void
not_supported_msg(const char *sub, enum kind kind, const char *name, char *buf, size_t len)
{
	const char *gv = kind_api_version(kind), *slash = strchr(gv, '/');
	const char *what = strcmp(sub, "history") == 0 ? "history viewer" :
	    strcmp(sub, "undo") == 0                   ? "rollbacker" :
							 NULL;
	char kindstr[128];

	if (slash != NULL)
		snprintf(kindstr, sizeof kindstr, "%s.%.*s", kind_name(kind), (int)(slash - gv), gv);
	else
		snprintf(kindstr, sizeof kindstr, "%s", kind_name(kind));
	if (strcmp(sub, "status") == 0)
		snprintf(buf, len, "no status viewer has been implemented for %s", kind_name(kind));
	else if (what == NULL)
		snprintf(buf, len, "%s \"%s\" %s is not supported", kind_resource(kind), name,
		    strcmp(sub, "restart") == 0 ? "restarting" :
		    strcmp(sub, "pause") == 0   ? "pausing" :
						  "resuming");
	else if (kind == KIND_POD)
		snprintf(buf, len, "no %s has been implemented for \"%s\"", what, kindstr);
	else
		snprintf(buf, len, "error retrieving %s for \"%s\", no visitor method exists for {%.*s %s}",
		    strcmp(sub, "history") == 0 ? "history" : "rollbacker", kindstr,
		    slash != NULL ? (int)(slash - gv) : 0, gv, kind_name(kind));
}

static int
not_supported(struct kctl_call *call, const char *sub, enum kind kind, const char *name)
{
	char msg[512];

	not_supported_msg(sub, kind, name, msg, sizeof msg);
	return kctl_error(call, "%s", msg);
}

/* The DaemonSet named by TYPE/NAME or TYPE NAME after the subcommand. */
static struct daemonset *
target(struct kctl_call *call, const char **name_out)
{
	char type[128];
	const char *name;
	enum kind kind;
	struct object *o;

	if (call->n_args < 2) {
		kctl_error(call, "required resource not specified");
		return NULL;
	}
	if (strchr(call->args[1], '/') != NULL) {
		const char *slash = strchr(call->args[1], '/');

		snprintf(type, sizeof type, "%.*s", (int)(slash - call->args[1]), call->args[1]);
		name = slash + 1;
	} else {
		snprintf(type, sizeof type, "%s", call->args[1]);
		if (call->n_args < 3) {
			kctl_error(call, "required resource not specified");
			return NULL;
		}
		name = call->args[2];
	}
	if (kctl_resource(type, &kind) < 0) {
		kctl_unknown_type(call, type);
		return NULL;
	}
	*name_out = name;
	o = store_get(call->c->store, kind, call->ns, name);
	if (o == NULL) {
		kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n", kind_resource(kind),
		    name);
		call->res->status = 1;
		return NULL;
	}
	if (kind != KIND_DAEMONSET) {
		not_supported(call, call->args[0], kind, name);
		return NULL;
	}
	return (struct daemonset *)o;
}

/* DaemonSetStatusViewer.Status: the line, and whether the rollout is done. */
static bool
status_line(const struct daemonset *ds, struct strbuf *out)
{
	const char *name = ds->obj.meta.name;

	sb_reset(out);
	if (ds->obj.meta.generation <= ds->status.observed_generation) {
		if (ds->status.updated < ds->status.desired) {
			sb_addf(out, "Waiting for daemon set \"%s\" rollout to finish: %d out of %d new pods have been updated...\n",
			    name, ds->status.updated, ds->status.desired);
			return false;
		}
		if (ds->status.available < ds->status.desired) {
			sb_addf(out, "Waiting for daemon set \"%s\" rollout to finish: %d of %d updated pods are available...\n",
			    name, ds->status.available, ds->status.desired);
			return false;
		}
		sb_addf(out, "daemon set \"%s\" successfully rolled out\n", name);
		return true;
	}
	sb_add(out, "Waiting for daemon set spec update to be observed...\n");
	return false;
}

struct watch {
	struct kctl_call *call;
	char *uid;
	uint64_t seen_rv;
	bool done;
	bool gone;
	struct strbuf line;
};

/* Called after every simulated instant: print on each change of the DaemonSet. */
static bool
watch_step(void *ctx)
{
	struct watch *w = ctx;
	struct object *o = store_get_uid(w->call->c->store, w->uid);

	if (o == NULL) {
		w->gone = true;
		return true;
	}
	if (o->meta.resource_version == w->seen_rv)
		return false;
	w->seen_rv = o->meta.resource_version;
	w->done = status_line((struct daemonset *)o, &w->line);
	kctl_out(w->call->res, "%s", sb_str(&w->line));
	return w->done;
}

static int
rollout_status(struct kctl_call *call)
{
	const char *name;
	struct daemonset *ds = target(call, &name);
	struct watch w;
	int64_t timeout = 0;
	struct ks_err err;
	bool done;

	if (ds == NULL)
		return 1;
	if (dur_parse(kctl_str(call, "timeout"), &timeout, &err) < 0)
		return kctl_error(call, "invalid argument \"%s\" for \"--timeout\" flag: %s",
		    kctl_str(call, "timeout"), err.msg);
	if (ds->strategy != DS_ROLLING_UPDATE)
		return kctl_error(call, "rollout status is only available for RollingUpdate strategy type");
	memset(&w, 0, sizeof w);
	sb_init(&w.line);
	w.call = call;
	w.uid = xstrdup(ds->obj.meta.uid);
	w.seen_rv = ds->obj.meta.resource_version;
	done = status_line(ds, &w.line);
	kctl_out(call->res, "%s", sb_str(&w.line));
	if (!done && kctl_bool(call, "watch")) {
		kctl_flush(call);
		cluster_advance_until(call->c,
		    cluster_now(call->c) + (timeout > 0 ? timeout : STATUS_WAIT_DEFAULT_MS), watch_step, &w);
		if (w.gone)
			kctl_error(call, "object has been deleted");
		else if (!w.done)
			kctl_error(call, "timed out waiting for the condition");
	}
	free(w.uid);
	sb_free(&w.line);
	return call->res->status;
}

/* The DaemonSet's revisions, sorted by number. */
static void
history(struct kctl_call *call, const struct daemonset *ds, struct vec *out)
{
	struct vec all = VEC_INIT;

	store_list(call->c->store, KIND_CONTROLLERREVISION, ds->obj.meta.ns, &all);
	for (size_t i = 0; i < all.n; i++) {
		const struct owner_ref *ref = meta_controller(&((struct object *)all.v[i])->meta);

		if (ref != NULL && strcmp(ref->uid, ds->obj.meta.uid) == 0)
			vec_push(out, all.v[i]);
	}
	vec_free(&all);
	for (size_t i = 1; i < out->n; i++)
		for (size_t j = i; j > 0 && ((struct revision *)out->v[j - 1])->revision >
					  ((struct revision *)out->v[j])->revision;
		     j--) {
			void *t = out->v[j];

			out->v[j] = out->v[j - 1];
			out->v[j - 1] = t;
		}
}

/* The history viewer's text for one DaemonSet (ViewHistory, after the name printer's "daemonset.apps/x "). */
static int
history_text(struct kctl_call *call, const struct daemonset *ds, const struct vec *revs, long want)
{
	const char *name = ds->obj.meta.name;
	struct strbuf table = STRBUF_INIT;

	if (revs->n == 0) {
		if (want > 0)
			kctl_out(call->res, "daemonset.apps/%s with revision #%ld\nNo rollout history found.\n", name, want);
		else
			kctl_out(call->res, "daemonset.apps/%s \nNo rollout history found.\n", name);
		return 0;
	}
	if (want > 0) {
		struct revision *r = NULL;

		for (size_t i = 0; i < revs->n; i++)
			if (((struct revision *)revs->v[i])->revision == want)
				r = revs->v[i];
		if (r == NULL)
			return kctl_error(call, "unable to find the specified revision");
		kctl_out(call->res, "daemonset.apps/%s with revision #%ld\n", name, want);
		sb_init(&table);
		describe_pod_template(&r->tmpl, &table);
		/* Through a PrefixWriter without a tabwriter: the tabs stay. */
		kctl_out(call->res, "%s\n", sb_str(&table));
		sb_free(&table);
		return 0;
	}
	/* printHistory: a tabwriter (padding 2) table after the name printer's "daemonset.apps/x ". */
	sb_init(&table);
	sb_add(&table, "REVISION  CHANGE-CAUSE\n");
	for (size_t i = 0; i < revs->n; i++) {
		const struct revision *r = revs->v[i];
		const char *cause = labels_get(&r->obj.meta.annotations, "kubernetes.io/change-cause");

		sb_addf(&table, "%-8lld  %s\n", (long long)r->revision, cause ? cause : "<none>");
	}
	kctl_out(call->res, "daemonset.apps/%s \n%s\n", name, sb_str(&table));
	sb_free(&table);
	return 0;
}

/*
 * One revision through -o's printer, as DaemonSetHistoryViewer.GetHistory
 * makes it (history.go applyDaemonSetHistory): the DaemonSet itself with
 * the revision's patch applied, i.e. its template replaced by the
 * revision's ($patch: replace). *count is how many the YAML printer has
 * printed.
 */
static int
history_print_obj(struct kctl_call *call, const char *output, const struct daemonset *ds,
    const struct revision *r, int *count)
{
	cJSON *doc, *rev, *spec, *tmpl;
	int rc;

	if (strcmp(output, "name") == 0) {
		kctl_out(call->res, "%s/%s\n", kctl_type_name(KIND_DAEMONSET), ds->obj.meta.name);
		return 0;
	}
	/* printers.YAMLPrinter separates the documents it prints. */
	if (strcmp(output, "yaml") == 0 && (*count)++ > 0)
		kctl_out(call->res, "%s", "---\n");
	doc = encode_object(&ds->obj, cluster_now(call->c));
	rev = encode_object(&r->obj, cluster_now(call->c));
	tmpl = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(rev, "data"), "spec"),
	    "template");
	spec = cJSON_GetObjectItemCaseSensitive(doc, "spec");
	if (cJSON_IsObject(tmpl) && cJSON_IsObject(spec)) {
		cJSON_DeleteItemFromObjectCaseSensitive(tmpl, "$patch");
		cJSON_ReplaceItemInObjectCaseSensitive(spec, "template", cJSON_Duplicate(tmpl, true));
	}
	/* GetHistory's objects are typed: the JSON printer keeps the structs' field order. */
	kctl_order_daemonset(doc);
	rc = kctl_print_typed_doc(call, output, doc);
	encode_free(rev);
	encode_free(doc);
	return rc;
}

/*
 * rollout_history.go: TYPE (every object of the type), TYPE NAME...,
 * TYPE/NAME...; with -o the DaemonSet as each revision would make it
 * (DaemonSetHistoryViewer.GetHistory), in revision order, or the one
 * --revision names.
 */
static int
rollout_history(struct kctl_call *call)
{
	const char *output = kctl_str(call, "output");
	long want = kctl_int(call, "revision");
	struct vec targets = VEC_INIT, revs = VEC_INIT;
	struct strbuf notfound = STRBUF_INIT;
	enum kind kind = KIND_DAEMONSET;
	char type[128];
	int yaml_count = 0, rc = 0, slashed, n_errs = 0, viewer_errs = 0;

	if (call->n_args < 2)
		return kctl_error(call, "required resource not specified");
	if (want < 0)
		return kctl_error(call, "revision must be a positive integer: %ld", want);
	slashed = kctl_combined_type_args(call, call->args + 1, call->n_args - 1);
	if (slashed == 2)
		return 1;
	if (slashed == 1) {
		for (size_t i = 1; i < call->n_args; i++) {
			const char *slash = strchr(call->args[i], '/');

			snprintf(type, sizeof type, "%.*s", (int)(slash - call->args[i]), call->args[i]);
			if (kctl_resource(type, &kind) < 0) {
				vec_free(&targets);
				return kctl_unknown_type(call, type);
			}
			vec_push(&targets, (void *)call->args[i]);
		}
	} else {
		if (kctl_resource(call->args[1], &kind) < 0)
			return kctl_unknown_type(call, call->args[1]);
		for (size_t i = 2; i < call->n_args; i++)
			vec_push(&targets, (void *)call->args[i]);
	}
	/* The builder: -l selects among all objects of one type, never among names. */
	if (kctl_str(call, "selector")[0] != '\0' && slashed == 1) {
		vec_free(&targets);
		return kctl_error(call, "selectors and the all flag cannot be used when passing resource/name arguments");
	}
	if (kctl_str(call, "selector")[0] != '\0' && call->n_args > 2) {
		vec_free(&targets);
		return kctl_error(call, "name cannot be provided when a selector is specified");
	}
	/* Run: the printer after the builder, before the first object. */
	if (kctl_write_output_check(call) < 0) {
		vec_free(&targets);
		return 1;
	}
	if (call->n_args == 2 && slashed == 0) {
		/* Every object of the type in the namespace (that -l selects), by name. */
		struct vec all = VEC_INIT;
		struct label_selector sel;
		struct ks_err err;

		if (sel_parse(kctl_str(call, "selector"), &sel, &err) < 0) {
			vec_free(&targets);
			return kctl_error(call, "%s", err.msg);
		}
		store_list(call->c->store, kind, kind_namespaced(kind) ? call->ns : NULL, &all);
		vec_sort(&all, object_cmp_ns_name);
		for (size_t i = 0; i < all.n; i++)
			if (sel_matches(&sel, &((struct object *)all.v[i])->meta.labels))
				vec_push(&targets, ((struct object *)all.v[i])->meta.name);
		vec_free(&all);
		sel_free(&sel);
	}
	for (size_t i = 0; i < targets.n && rc == 0; i++) {
		const char *name = targets.v[i], *slash = strchr(name, '/');
		struct object *o;

		if (slashed == 1) {
			snprintf(type, sizeof type, "%.*s", (int)(slash - name), name);
			kctl_resource(type, &kind);
			name = slash + 1;
		}
		o = store_get(call->c->store, kind, kind_namespaced(kind) ? call->ns : NULL, name);
		if (o == NULL) {
			/* ContinueOnError: the others are shown, the errors follow. */
			sb_addf(&notfound, "Error from server (NotFound): %s \"%s\" not found\n", kind_resource(kind),
			    name);
			n_errs++;
			continue;
		}
		if (kind != KIND_DAEMONSET) {
			/* One error per object, printed as an aggregate: "error: " only when alone. */
			char msg[512];

			not_supported_msg("history", kind, name, msg, sizeof msg);
			sb_addf(&notfound, "%s\n", msg);
			n_errs++;
			viewer_errs++;
			continue;
		}
		vec_clear(&revs);
		history(call, (struct daemonset *)o, &revs);
		if (output[0] == '\0') {
			rc = history_text(call, (struct daemonset *)o, &revs, want);
			continue;
		}
		if (want > 0) {
			struct revision *r = NULL;

			for (size_t j = 0; j < revs.n; j++)
				if (((struct revision *)revs.v[j])->revision == want)
					r = revs.v[j];
			if (r == NULL)
				rc = kctl_error(call, "unable to find the specified revision");
			else
				rc = history_print_obj(call, output, (struct daemonset *)o, r, &yaml_count);
			continue;
		}
		for (size_t j = 0; j < revs.n && rc == 0; j++)
			rc = history_print_obj(call, output, (struct daemonset *)o, revs.v[j], &yaml_count);
	}
	if (rc == 0 && notfound.len > 0) {
		kctl_err(call->res, "%s%s", n_errs == 1 && viewer_errs == 1 ? "error: " : "", sb_str(&notfound));
		call->res->status = 1;
	}
	sb_free(&notfound);
	vec_free(&revs);
	vec_free(&targets);
	return call->res->status;
}

static int
rollout_undo(struct kctl_call *call)
{
	const char *name;
	struct daemonset *ds = target(call, &name);
	struct vec revs = VEC_INIT;
	long to = kctl_int(call, "to-revision");
	struct revision *r = NULL;
	enum kctl_dry_run dry;
	struct daemonset *edit;

	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	if (ds == NULL)
		return 1;
	history(call, ds, &revs);
	if (to == 0) {
		/* The last revision but one. */
		if (revs.n <= 1) {
			vec_free(&revs);
			return kctl_error(call, "no last revision to roll back to");
		}
		r = revs.v[revs.n - 2];
	} else {
		for (size_t i = 0; i < revs.n; i++)
			if (((struct revision *)revs.v[i])->revision == to)
				r = revs.v[i];
		if (r == NULL) {
			vec_free(&revs);
			return kctl_error(call, "unable to find specified revision %ld in history", to);
		}
	}
	vec_free(&revs);
	/* DaemonSetRollbacker: a client dry run describes the template it would restore. */
	if (dry == KCTL_DRY_CLIENT) {
		struct strbuf text = STRBUF_INIT;
		struct pod_template t;

		pod_template_copy(&t, &r->tmpl);
		labels_del(&t.labels, "controller-revision-hash");
		describe_pod_template(&t, &text);
		kctl_out(call->res, "daemonset.apps/%s %s (dry run)\n", name, sb_str(&text));
		pod_template_free(&t);
		sb_free(&text);
		return 0;
	}
	if (pod_template_equal(&r->tmpl, &ds->tmpl)) {
		/* kubectl names the --to-revision it was given, 0 when it was not. */
		kctl_out(call->res, "daemonset.apps/%s skipped rollback (current template already matches revision %ld)\n",
		    name, to);
		return 0;
	}
	edit = (struct daemonset *)api_edit(&ds->obj);
	pod_template_free(&edit->tmpl);
	pod_template_copy(&edit->tmpl, &r->tmpl);
	/* The revision carries the hash label; the template does not. */
	labels_del(&edit->tmpl.labels, "controller-revision-hash");
	return kctl_write_update(call, &edit->obj, "rolled back", dry);
}

static int
rollout_restart(struct kctl_call *call)
{
	const char *name;
	struct daemonset *ds = target(call, &name);
	char when[32];
	const char *last;
	enum kctl_dry_run dry;
	struct daemonset *edit;

	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	if (ds == NULL)
		return 1;
	meta_format_time(cluster_now(call->c), when, sizeof when);
	last = labels_get(&ds->tmpl.annotations, "kubectl.kubernetes.io/restartedAt");
	/* The same second again makes an empty patch, which kubectl refuses. */
	if (last != NULL && strcmp(last, when) == 0)
		return kctl_error(call, "failed to create patch for %s: if restart has already been triggered within the past second, please wait before attempting to trigger another",
		    name);
	edit = (struct daemonset *)api_edit(&ds->obj);
	labels_set(&edit->tmpl.annotations, "kubectl.kubernetes.io/restartedAt", when);
	return kctl_write_update(call, &edit->obj, "restarted", dry);
}

/*
 * The verb's flag table serves every subcommand; each of kubectl's
 * subcommands has only some of them (rollout_*.go), and pflag refuses the
 * others.
 */
static const char *const *
rollout_sub_flags(const char *sub)
{
	static const char *const status[] = {"watch", "timeout", "revision", NULL};
	static const char *const history[] = {"revision", "output", "selector", NULL};
	static const char *const undo[] = {"to-revision", "output", "dry-run", NULL};
	/* v1.32's rollout restart has no --dry-run (it came in 1.33). */
	static const char *const restart[] = {"output", NULL};
	static const char *const pause[] = {"output", NULL};

	if (strcmp(sub, "status") == 0)
		return status;
	if (strcmp(sub, "history") == 0)
		return history;
	if (strcmp(sub, "undo") == 0)
		return undo;
	if (strcmp(sub, "restart") == 0)
		return restart;
	if (strcmp(sub, "pause") == 0 || strcmp(sub, "resume") == 0)
		return pause;
	return NULL;
}

static int
rollout_exec(struct kctl_call *call)
{
	const char *sub = call->n_args > 0 ? call->args[0] : "";
	const char *name;


	if (strcmp(sub, "status") == 0)
		return rollout_status(call);
	if (strcmp(sub, "history") == 0)
		return rollout_history(call);
	if (strcmp(sub, "undo") == 0)
		return rollout_undo(call);
	if (strcmp(sub, "restart") == 0)
		return rollout_restart(call);
	if (strcmp(sub, "pause") == 0 || strcmp(sub, "resume") == 0) {
		/* objectpauser/objectresumer: only Deployments pause. */
		if (target(call, &name) == NULL)
			return 1;
		return kctl_error(call, "daemonsets.apps \"%s\" %s is not supported", name,
		    strcmp(sub, "pause") == 0 ? "pausing" : "resuming");
	}
	if (sub[0] == '\0') {
		/* rollout.go's Run is cmdutil.DefaultSubCommandRun: the help on stdout, then exit 1. */
		kctl_out(call->res, "%s", rollout_help);
		return call->res->status = 1;
	}
	return kctl_unknown_subcommand(call);
}

const struct kctl_verb kctl_rollout_verb = {
	.name = "rollout",
	.short_help = "Manage the rollout of a resource",
	.usage = "kubectl rollout SUBCOMMAND (status|history|undo|restart|pause|resume) TYPE NAME [options]",
	.flags = rollout_flags,
	.exec = rollout_exec,
	.subcommands = true,
	.sub_flags = rollout_sub_flags,
};
