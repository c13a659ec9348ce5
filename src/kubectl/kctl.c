/*
 * kctl.c - verb table, flag parsing, help, and what verbs share.
 */
#include "kubectl/kctl.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <strings.h>

#include "cluster.h"
#include "api/event.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/selector.h"
#include "api/store.h"
#include "codec/decode.h"
#include "util/err.h"
#include "util/vec.h"
#include "util/xmalloc.h"

extern const struct kctl_verb kctl_create_verb;
extern const struct kctl_verb kctl_apply_verb;
extern const struct kctl_verb kctl_get_verb;
extern const struct kctl_verb kctl_delete_verb;
extern const struct kctl_verb kctl_label_verb;
extern const struct kctl_verb kctl_taint_verb;
extern const struct kctl_verb kctl_cordon_verb;
extern const struct kctl_verb kctl_uncordon_verb;
extern const struct kctl_verb kctl_drain_verb;
extern const struct kctl_verb kctl_set_verb;
extern const struct kctl_verb kctl_rollout_verb;
extern const struct kctl_verb kctl_annotate_verb;
extern const struct kctl_verb kctl_replace_verb;
extern const struct kctl_verb kctl_patch_verb;
extern const struct kctl_verb kctl_scale_verb;
extern const struct kctl_verb kctl_describe_verb;
extern const struct kctl_verb kctl_explain_verb;
extern const struct kctl_verb kctl_version_verb;
extern const struct kctl_verb kctl_cluster_info_verb;
extern const struct kctl_verb kctl_api_resources_verb;

static const struct kctl_verb *const kctl_verbs[] = {
	&kctl_create_verb,
	&kctl_apply_verb,
	&kctl_get_verb,
	&kctl_delete_verb,
	&kctl_label_verb,
	&kctl_taint_verb,
	&kctl_cordon_verb,
	&kctl_uncordon_verb,
	&kctl_drain_verb,
	&kctl_set_verb,
	&kctl_rollout_verb,
	&kctl_annotate_verb,
	&kctl_replace_verb,
	&kctl_patch_verb,
	&kctl_scale_verb,
	&kctl_describe_verb,
	&kctl_explain_verb,
	&kctl_version_verb,
	&kctl_cluster_info_verb,
	&kctl_api_resources_verb,
};

void
kctl_result_init(struct kctl_result *r)
{
	sb_init(&r->out);
	sb_init(&r->err);
	sb_init(&r->both);
	r->flushed = 0;
	r->status = 0;
	r->sink = NULL;
	r->sink_ctx = NULL;
}

void
kctl_result_free(struct kctl_result *r)
{
	sb_free(&r->out);
	sb_free(&r->err);
	sb_free(&r->both);
}

void
kctl_out(struct kctl_result *r, const char *fmt, ...)
{
	size_t at = r->out.len;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&r->out, fmt, ap);
	va_end(ap);
	sb_addn(&r->both, r->out.s + at, r->out.len - at);
	if (r->sink != NULL)
		r->sink(r->sink_ctx, 1, r->out.s + at, r->out.len - at);
}

void
kctl_err(struct kctl_result *r, const char *fmt, ...)
{
	size_t at = r->err.len;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&r->err, fmt, ap);
	va_end(ap);
	sb_addn(&r->both, r->err.s + at, r->err.len - at);
	if (r->sink != NULL)
		r->sink(r->sink_ctx, 2, r->err.s + at, r->err.len - at);
}

/* ---- flags ---- */

static int
flag_index(const struct kctl_verb *v, const char *name)
{
	for (int i = 0; v->flags != NULL && v->flags[i].name != NULL; i++)
		if (strcmp(v->flags[i].name, name) == 0)
			return i;
	return -1;
}

static int
flag_index_short(const struct kctl_verb *v, char c)
{
	for (int i = 0; v->flags != NULL && v->flags[i].name != NULL; i++)
		if (v->flags[i].shorthand == c)
			return i;
	return -1;
}

const char *
kctl_str(const struct kctl_call *call, const char *name)
{
	int i = flag_index(call->verb, name);

	if (i < 0)
		return "";
	if (call->given[i])
		return call->values[i];
	return call->verb->flags[i].def ? call->verb->flags[i].def : "";
}

bool
kctl_bool(const struct kctl_call *call, const char *name)
{
	const char *v = kctl_str(call, name);

	return strcmp(v, "true") == 0;
}

/*
 * pflag's int flags: strconv.ParseInt(s, 0, 64), so "0x10" and "+5" are
 * numbers and " 5" is not. NULL, or the reason as ParseInt words it.
 */
static const char *
parse_flag_int(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (*s == '\0' || isspace((unsigned char)*s))
		return "invalid syntax";
	errno = 0;
	v = strtoll(s, &end, 0);
	if (*end != '\0')
		return "invalid syntax";
	if (errno == ERANGE)
		return "value out of range";
	*out = v;
	return NULL;
}

int64_t
kctl_int(const struct kctl_call *call, const char *name)
{
	int64_t v = 0;

	/* Checked when the flag was parsed; a default is always a number. */
	(void)parse_flag_int(kctl_str(call, name), &v);
	return v;
}

bool
kctl_given(const struct kctl_call *call, const char *name)
{
	int i = flag_index(call->verb, name);

	return i >= 0 && call->given[i];
}

void
kctl_flush(struct kctl_call *call)
{
	struct kctl_result *r = call->res;

	if (call->io->flush == NULL || r->both.len == r->flushed)
		return;
	call->io->flush(call->io->ctx, sb_str(&r->both) + r->flushed);
	r->flushed = r->both.len;
}

int
kctl_error(struct kctl_call *call, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kctl_err(call->res, "error: %s\n", msg);
	call->res->status = 1;
	return 1;
}

int
kctl_usage_error(struct kctl_call *call, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kctl_err(call->res, "error: %s\nSee 'kubectl %s -h' for help and examples\n", msg,
	    call->verb->name);
	call->res->status = 1;
	return 1;
}

static bool
parse_bool_text(const char *s, bool *out)
{
	/* strconv.ParseBool */
	static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True", NULL};
	static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False", NULL};

	for (int i = 0; t[i] != NULL; i++) {
		if (strcmp(s, t[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcmp(s, f[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static void
set_flag(struct kctl_call *call, int i, const char *value)
{
	free(call->values[i]);
	call->values[i] = xstrdup(value);
	call->given[i] = true;
}

static void
print_verb_help(const struct kctl_verb *v, struct strbuf *out)
{
	sb_addf(out, "%s\n\nUsage:\n  %s\n", v->short_help, v->usage);
	if (v->flags != NULL && v->flags[0].name != NULL) {
		sb_add(out, "\nOptions:\n");
		for (int i = 0; v->flags[i].name != NULL; i++) {
			const struct kctl_flag *f = &v->flags[i];

			if (f->shorthand)
				sb_addf(out, "    -%c, --%s", f->shorthand, f->name);
			else
				sb_addf(out, "    --%s", f->name);
			if (f->type != KF_BOOL)
				sb_addf(out, "='%s'", f->def ? f->def : "");
			else
				sb_addf(out, "=%s", f->def ? f->def : "false");
			sb_addf(out, ":\n\t%s\n\n", f->help);
		}
	}
	sb_add(out, "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n");
}

/* cobra's CommandPath: "rollout undo" for a subcommand, else the verb. */
static void
command_path(const struct kctl_call *call, char *buf, size_t len)
{
	if (call->verb->subcommands && call->n_args > 0)
		snprintf(buf, len, "%s %s", call->verb->name, call->args[0]);
	else
		snprintf(buf, len, "%s", call->verb->name);
}

/* Kinds of a real cluster that kubesim does not simulate: kubectl's error, then why. */
static const char *const kinds_not_simulated[] = {"deployments", "deployment", "deploy",
	"replicasets", "replicaset", "rs", "statefulsets", "statefulset", "sts", "services",
	"service", "svc", "jobs", "job", "cronjobs", "cronjob", "cj", "configmaps", "configmap",
	"cm", "secrets", "secret", "persistentvolumes", "pv", "persistentvolumeclaims", "pvc",
	"ingresses", "ingress", "ing", "serviceaccounts", "sa", "endpoints", "ep", "replicationcontrollers",
	"rc", "horizontalpodautoscalers", "hpa", "networkpolicies", "netpol", "roles",
	"rolebindings", "clusterroles", "clusterrolebindings", "storageclasses", "sc",
	"poddisruptionbudgets", "pdb", "priorityclasses", "pc", NULL};

int
kctl_unknown_type(struct kctl_call *call, const char *type)
{
	kctl_err(call->res, "error: the server doesn't have a resource type \"%s\"\n", type);
	for (size_t i = 0; kinds_not_simulated[i] != NULL; i++)
		if (strcasecmp(type, kinds_not_simulated[i]) == 0)
			kctl_err(call->res, "(kubesim simulates nodes, pods, DaemonSets, their ControllerRevisions, events and namespaces, not %s)\n",
			    type);
	return call->res->status = 1;
}

int
kctl_no_resources_error(struct kctl_call *call)
{
	kctl_err(call->res, "%s", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
	return call->res->status = 1;
}

/*
 * pflag's grammar over the words after the verb. -n/--namespace is global
 * and so accepted by every verb; -h/--help prints the verb's help.
 */
static int
parse_flags(struct kctl_call *call, int argc, char **argv, bool *help)
{
	const struct kctl_verb *v = call->verb;
	bool only_args = false;

	call->args = xcalloc((size_t)argc + 1, sizeof *call->args);
	for (int a = 0; a < argc; a++) {
		char *w = argv[a];
		const char *value = NULL;
		char name[128];
		int fi;

		if (only_args || w[0] != '-' || strcmp(w, "-") == 0) {
			call->args[call->n_args++] = w;
			continue;
		}
		if (strcmp(w, "--") == 0) {
			only_args = true;
			continue;
		}
		if (w[1] == '-') {
			const char *eq = strchr(w + 2, '=');

			snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - w - 2) : (int)strlen(w + 2),
			    w + 2);
			if (eq != NULL)
				value = eq + 1;
			if (strcmp(name, "help") == 0) {
				*help = true;
				continue;
			}
			if (strcmp(name, "namespace") == 0) {
				if (value == NULL) {
					if (a + 1 >= argc)
						return kctl_usage_error(call,
						    "flag needs an argument: --namespace");
					value = argv[++a];
				}
				call->ns = value;
				call->ns_set = true;
				continue;
			}
			fi = flag_index(v, name);
			if (fi < 0) {
				char path[160];

				command_path(call, path, sizeof path);
				kctl_err(call->res, "Error: unknown flag: --%s\nSee 'kubectl %s --help' for usage.\n", name,
				    path);
				call->res->status = 1;
				return 1;
			}
		} else {
			char c = w[1];

			if (c == 'h') {
				*help = true;
				continue;
			}
			if (c == 'n') {
				value = w[2] != '\0' ? w + 2 + (w[2] == '=') : NULL;
				if (value == NULL) {
					if (a + 1 >= argc)
						return kctl_usage_error(call, "flag needs an argument: 'n' in -n");
					value = argv[++a];
				}
				call->ns = value;
				call->ns_set = true;
				continue;
			}
			fi = flag_index_short(v, c);
			if (fi < 0) {
				char path[160];

				command_path(call, path, sizeof path);
				kctl_err(call->res, "Error: unknown shorthand flag: '%c' in %s\nSee 'kubectl %s --help' for usage.\n",
				    c, w, path);
				call->res->status = 1;
				return 1;
			}
			snprintf(name, sizeof name, "%s", v->flags[fi].name);
			if (w[2] != '\0')
				value = w + 2 + (w[2] == '=');
		}
		if (v->flags[fi].type == KF_BOOL) {
			bool b = true;

			if (value != NULL && !parse_bool_text(value, &b)) {
				if (v->flags[fi].no_opt_default == NULL)
					return kctl_error(call,
					    "invalid argument \"%s\" for \"--%s\" flag: strconv.ParseBool: parsing \"%s\": invalid syntax",
					    value, name, value);
				set_flag(call, fi, value);
				continue;
			}
			if (value == NULL && v->flags[fi].no_opt_default != NULL) {
				set_flag(call, fi, v->flags[fi].no_opt_default);
				continue;
			}
			set_flag(call, fi, value == NULL ? "true" : value);
			continue;
		}
		if (value == NULL) {
			if (a + 1 >= argc) {
				if (w[1] == '-')
					return kctl_usage_error(call, "flag needs an argument: --%s", name);
				return kctl_usage_error(call, "flag needs an argument: '%c' in -%c", w[1],
				    w[1]);
			}
			value = argv[++a];
		}
		if (v->flags[fi].type == KF_INT) {
			const char *why;
			int64_t n;

			if ((why = parse_flag_int(value, &n)) != NULL) {
				char path[160];

				command_path(call, path, sizeof path);
				kctl_err(call->res,
				    "error: invalid argument \"%s\" for \"--%s\" flag: strconv.ParseInt: parsing \"%s\": %s\nSee 'kubectl %s --help' for usage.\n",
				    value, name, value, why, path);
				call->res->status = 1;
				return 1;
			}
		}
		/* -f may repeat; keep them joined by a NUL-free separator. */
		if (call->given[fi] && strcmp(name, "filename") == 0) {
			char *joined = xasprintf("%s\n%s", call->values[fi], value);

			free(call->values[fi]);
			call->values[fi] = joined;
		} else
			set_flag(call, fi, value);
	}
	return 0;
}

static const struct kctl_verb *
find_verb(const char *name)
{
	for (size_t i = 0; i < sizeof kctl_verbs / sizeof kctl_verbs[0]; i++)
		if (strcmp(kctl_verbs[i]->name, name) == 0)
			return kctl_verbs[i];
	return NULL;
}

/* kubectl's command groups (cmd.go), with the commands kubesim has, in kubectl's order. */
static void
print_root_help(struct strbuf *out)
{
	static const struct {
		const char *title;
		const char *verbs[8];
	} groups[] = {
		{"Basic Commands (Beginner)", {"create", "set", NULL}},
		{"Basic Commands (Intermediate)", {"explain", "get", "delete", NULL}},
		{"Deploy Commands", {"rollout", NULL}},
		{"Cluster Management Commands",
		    {"cluster-info", "cordon", "uncordon", "drain", "taint", NULL}},
		{"Troubleshooting and Debugging Commands", {"describe", NULL}},
		{"Advanced Commands", {"apply", "replace", NULL}},
		{"Settings Commands", {"label", "annotate", NULL}},
		{"Other Commands", {"api-resources", "version", NULL}},
	};

	sb_add(out, "kubectl controls the Kubernetes cluster manager.\n\n"
		    " Find more information at: https://kubernetes.io/docs/reference/kubectl/\n");
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		bool titled = false;

		for (size_t i = 0; groups[g].verbs[i] != NULL; i++) {
			const struct kctl_verb *v = find_verb(groups[g].verbs[i]);

			if (v == NULL)
				continue;
			if (!titled)
				sb_addf(out, "\n%s:\n", groups[g].title);
			titled = true;
			sb_addf(out, "  %-15s %s\n", v->name, v->short_help);
		}
	}
	sb_add(out, "\nUsage:\n  kubectl [flags] [options]\n\n"
		    "Use \"kubectl <command> --help\" for more information about a given command.\n");
}

int
kctl_run(struct cluster *c, int argc, char **argv, const struct kctl_io *io,
    struct kctl_result *res)
{
	struct kctl_call call;
	bool help = false;
	int rc;

	if (argc == 0 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0 ||
	    strcmp(argv[0], "help") == 0) {
		struct strbuf text = STRBUF_INIT;

		print_root_help(&text);
		kctl_out(res, "%s", sb_str(&text));
		sb_free(&text);
		return res->status = 0;
	}
	memset(&call, 0, sizeof call);
	call.c = c;
	call.io = io;
	call.res = res;
	call.ns = "default";
	call.verb = find_verb(argv[0]);
	if (call.verb == NULL) {
		static const char *const not_simulated[] = {"run", "expose", "edit", "scale",
			"autoscale", "certificate", "top", "logs", "attach", "exec", "port-forward",
			"proxy", "cp", "auth", "debug", "events", "diff", "patch", "wait", "kustomize",
			"completion", "config", "plugin", "api-versions", "options", "alpha", NULL};

		for (size_t i = 0; not_simulated[i] != NULL; i++) {
			if (strcmp(argv[0], not_simulated[i]) == 0) {
				kctl_err(res, "error: kubesim does not simulate \"kubectl %s\" (kubectl help lists the commands it has)\n",
				    argv[0]);
				return res->status = 1;
			}
		}
		kctl_err(res, "error: unknown command \"%s\" for \"kubectl\"\n", argv[0]);
		kctl_err(res, "%s", "Run 'kubectl --help' for usage.\n");
		return res->status = 1;
	}
	rc = parse_flags(&call, argc - 1, argv + 1, &help);
	if (rc == 0 && help) {
		struct strbuf text = STRBUF_INIT;

		print_verb_help(call.verb, &text);
		kctl_out(res, "%s", sb_str(&text));
		sb_free(&text);
		res->status = 0;
	} else if (rc == 0)
		rc = call.verb->exec(&call);
	for (int i = 0; i < KCTL_MAX_FLAGS; i++)
		free(call.values[i]);
	free(call.args);
	if (rc != 0 && res->status == 0)
		res->status = rc;
	return res->status;
}

/* ---- field selectors (the fields the API server indexes for these kinds) ---- */

const char *
kctl_field_value(const struct object *o, const char *field, char *buf, size_t len)
{
	if (strcmp(field, "metadata.name") == 0)
		return o->meta.name;
	if (strcmp(field, "metadata.namespace") == 0 && o->kind != KIND_NAMESPACE)
		return o->meta.ns ? o->meta.ns : "";
	if (o->kind == KIND_POD) {
		const struct pod *p = (const struct pod *)o;

		if (strcmp(field, "spec.nodeName") == 0)
			return p->spec.node_name ? p->spec.node_name : "";
		if (strcmp(field, "status.phase") == 0)
			return pod_phase_name(p->status.phase);
		if (strcmp(field, "spec.restartPolicy") == 0)
			return p->spec.restart_policy ? p->spec.restart_policy : "";
		if (strcmp(field, "spec.schedulerName") == 0)
			return p->spec.scheduler_name ? p->spec.scheduler_name : "";
		if (strcmp(field, "status.podIP") == 0)
			return p->status.pod_ip ? p->status.pod_ip : "";
	}
	if (o->kind == KIND_NAMESPACE) {
		/* AddFieldLabelConversionsForNamespace: metadata.name and status.phase only. */
		if (strcmp(field, "status.phase") == 0)
			return ns_phase((const struct namespace *)o);
		return NULL;
	}
	if (o->kind == KIND_EVENT) {
		/* The event field labels of pkg/apis/core/v1 conversion.go. */
		const struct event *e = (const struct event *)o;
		static const struct {
			const char *label;
			size_t offset;
		} fields[] = {
			{"involvedObject.kind", offsetof(struct event, involved_kind)},
			{"involvedObject.namespace", offsetof(struct event, involved_ns)},
			{"involvedObject.name", offsetof(struct event, involved_name)},
			{"involvedObject.uid", offsetof(struct event, involved_uid)},
			{"reason", offsetof(struct event, reason)},
			{"type", offsetof(struct event, type)},
			{"source", offsetof(struct event, source)},
		};

		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
			if (strcmp(field, fields[i].label) == 0) {
				const char *v = *(char *const *)((const char *)e + fields[i].offset);

				return v != NULL ? v : "";
			}
	}
	if (o->kind == KIND_NODE && strcmp(field, "spec.unschedulable") == 0) {
		snprintf(buf, len, "%s", ((const struct node *)o)->unschedulable ? "true" : "false");
		return buf;
	}
	return NULL;
}

int
kctl_select_cluster(struct kctl_call *call, enum kind k, const char *selector, struct vec *out)
{
	struct label_selector sel;
	struct vec all = VEC_INIT;
	struct ks_err err;

	if (sel_parse(selector, &sel, &err) < 0)
		return kctl_error(call, "%s", err.msg);
	store_list_sorted(call->c->store, k, NULL, &all);
	for (size_t i = 0; i < all.n; i++)
		if (sel_matches(&sel, &((struct object *)all.v[i])->meta.labels))
			vec_push(out, all.v[i]);
	vec_free(&all);
	sel_free(&sel);
	return 0;
}

int
kctl_field_selector(struct kctl_call *call, const char *text, struct vec *reqs)
{
	char *copy = xstrdup(text), *save = NULL;

	for (char *part = strtok_r(copy, ",", &save); part != NULL; part = strtok_r(NULL, ",", &save)) {
		struct kctl_field_req *r = xcalloc(1, sizeof *r);
		char *op = strstr(part, "!=");
		size_t skip = 2;

		if (op != NULL)
			r->negate = true;
		else if ((op = strstr(part, "==")) == NULL) {
			op = strchr(part, '=');
			skip = 1;
		}
		if (op == NULL) {
			/* As fields.ParseSelector words it; printed before `part`'s text is freed. */
			kctl_error(call, "invalid selector: '%s'; can't understand '%s'", text, part);
			free(r);
			free(copy);
			kctl_field_reqs_free(reqs);
			return 1;
		}
		r->field = xstrndup(part, (size_t)(op - part));
		r->value = xstrdup(op + skip);
		vec_push(reqs, r);
	}
	free(copy);
	return 0;
}

bool
kctl_field_matches(const struct vec *reqs, const struct object *o, const char **unknown)
{
	for (size_t f = 0; f < reqs->n; f++) {
		const struct kctl_field_req *r = reqs->v[f];
		char buf[16];
		const char *val = kctl_field_value(o, r->field, buf, sizeof buf);

		if (val == NULL) {
			*unknown = r->field;
			return false;
		}
		if ((strcmp(val, r->value) == 0) == r->negate)
			return false;
	}
	return true;
}

void
kctl_field_reqs_free(struct vec *reqs)
{
	for (size_t i = 0; i < reqs->n; i++) {
		struct kctl_field_req *r = reqs->v[i];

		free(r->field);
		free(r->value);
		free(r);
	}
	vec_free(reqs);
}

/* ---- manifests ---- */

int
kctl_sources(const struct kctl_call *call, struct vec *out, struct ks_err *err)
{
	const char *all = kctl_str(call, "filename");

	while (*all != '\0') {
		const char *nl = strchr(all, '\n');
		size_t n = nl ? (size_t)(nl - all) : strlen(all);
		char *src = xstrndup(all, n);
		struct ks_err lerr;

		all += n + (nl ? 1 : 0);
		/* A directory stands for its manifests (unreadable ones fail when read). */
		if (strcmp(src, "-") == 0 || call->io->list_dir == NULL ||
		    call->io->list_dir(call->io->ctx, src, out, &lerr) != 1) {
			vec_push(out, src);
			continue;
		}
		/* Builder.Path: nothing to read yet, and this directory added nothing. */
		if (out->n == 0) {
			err_set(err, "error reading [%s]: recognized file extensions are [.json .yaml .yml]",
			    src);
			free(src);
			return -1;
		}
		free(src);
	}
	return 0;
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
kctl_list_manifest_dir(const char *fs_dir, const char *shown, struct vec *out, struct ks_err *err)
{
	struct stat sb;
	DIR *d;
	struct dirent *e;
	struct vec names = VEC_INIT;
	size_t n = strlen(shown);

	if (stat(fs_dir, &sb) < 0 || !S_ISDIR(sb.st_mode))
		return 0;
	d = opendir(fs_dir);
	if (d == NULL)
		return err_set(err, "cannot read \"%s\": %s", shown, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		const char *dot = strrchr(e->d_name, '.');

		/* visitor.go FileExtensions */
		if (e->d_name[0] != '.' && dot != NULL &&
		    (strcmp(dot, ".json") == 0 || strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0))
			vec_push(&names, xstrdup(e->d_name));
	}
	closedir(d);
	vec_sort(&names, cmp_cstr);
	for (size_t i = 0; i < names.n; i++) {
		vec_push(out, xasprintf("%s%s%s", shown, n > 0 && shown[n - 1] == '/' ? "" : "/",
		    (char *)names.v[i]));
		free(names.v[i]);
	}
	vec_free(&names);
	return 1;
}

int
kctl_read_manifests(struct kctl_call *call, const char *source, struct vec *objs,
    struct vec *docs, struct vec *obj_warnings, struct ks_err *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (strcmp(source, "-") == 0) {
		const char *in = call->io->stdin_text ? call->io->stdin_text : "";

		rc = decode_manifests_each("STDIN", in, strlen(in), objs, docs, NULL, obj_warnings, err);
	} else {
		if (call->io->read_file == NULL)
			return err_set(err, "the path \"%s\" does not exist", source);
		if (call->io->read_file(call->io->ctx, source, &text, &len, err) < 0)
			return -1;
		rc = decode_manifests_each(source, text, len, objs, docs, NULL, obj_warnings, err);
		free(text);
	}
	/* kubectl's framing, around our file:line:col detail. */
	if (rc == DECODE_ERR_PARSE)
		err_prefix(err, "error parsing %s", strcmp(source, "-") == 0 ? "STDIN" : source);
	else if (rc == DECODE_ERR_INVALID && strncmp(err->msg, "error validating data:", 22) == 0) {
		char msg[KS_ERR_MAX];

		snprintf(msg, sizeof msg, "%s", err->msg);
		err_set(err,
		    "error validating \"%s\": %s; if you choose to ignore these errors, turn validation off with --validate=false",
		    strcmp(source, "-") == 0 ? "STDIN" : source, msg);
	} else if (rc == DECODE_ERR_INVALID)
		err_prefix(err, "error validating \"%s\"", strcmp(source, "-") == 0 ? "STDIN" : source);
	return rc < 0 ? -1 : 0;
}

/* ---- word splitting ---- */

int
kctl_split(const char *line, int *argcp, char ***argvp, struct ks_err *err)
{
	struct vec words = VEC_INIT;
	struct strbuf cur = STRBUF_INIT;
	bool in_word = false;
	const char *p = line;

	sb_init(&cur);
	while (*p != '\0') {
		char ch = *p;

		if (ch == ' ' || ch == '\t' || ch == '\n') {
			if (in_word) {
				vec_push(&words, sb_take(&cur));
				sb_init(&cur);
				in_word = false;
			}
			p++;
			continue;
		}
		in_word = true;
		if (ch == '\'') {
			const char *end = strchr(p + 1, '\'');

			if (end == NULL)
				goto unterminated;
			sb_addn(&cur, p + 1, (size_t)(end - p - 1));
			p = end + 1;
		} else if (ch == '"') {
			p++;
			while (*p != '"') {
				if (*p == '\0')
					goto unterminated;
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$'))
					p++;
				sb_addc(&cur, *p++);
			}
			p++;
		} else if (ch == '\\' && p[1] != '\0') {
			sb_addc(&cur, p[1]);
			p += 2;
		} else {
			sb_addc(&cur, ch);
			p++;
		}
	}
	if (in_word)
		vec_push(&words, sb_take(&cur));
	sb_free(&cur);
	vec_push(&words, NULL);
	*argcp = (int)words.n - 1;
	*argvp = (char **)words.v;
	return 0;
unterminated:
	sb_free(&cur);
	for (size_t i = 0; i < words.n; i++)
		free(words.v[i]);
	vec_free(&words);
	return err_set(err, "unterminated quote in: %s", line);
}

void
kctl_argv_free(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}
