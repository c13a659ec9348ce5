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
#include "codec/jsontext.h"
#include "kubectl/jsonpath.h"
#include "util/duration.h"
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
extern const struct kctl_verb kctl_events_verb;
extern const struct kctl_verb kctl_explain_verb;
extern const struct kctl_verb kctl_version_verb;
extern const struct kctl_verb kctl_cluster_info_verb;
extern const struct kctl_verb kctl_api_resources_verb;
extern const struct kctl_verb kctl_options_verb;
extern const struct kctl_verb kctl_logs_verb;
extern const struct kctl_verb kctl_exec_verb;
extern const struct kctl_verb kctl_edit_verb;
extern const struct kctl_verb kctl_expose_verb;
extern const struct kctl_verb kctl_run_verb;
extern const struct kctl_verb kctl_top_verb;
extern const struct kctl_verb kctl_port_forward_verb;
extern const struct kctl_verb kctl_wait_verb;
extern const struct kctl_verb kctl_diff_verb;
extern const struct kctl_verb kctl_proxy_verb;
extern const struct kctl_verb kctl_kustomize_verb;
extern const struct kctl_verb kctl_plugin_verb;
extern const struct kctl_verb kctl_config_verb;
extern const struct kctl_verb kctl_api_versions_verb;
extern const struct kctl_verb kctl_create_deployment_verb;
extern const struct kctl_verb kctl_create_configmap_verb;
extern const struct kctl_verb kctl_create_secret_verb;

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
	&kctl_events_verb,
	&kctl_explain_verb,
	&kctl_version_verb,
	&kctl_cluster_info_verb,
	&kctl_api_resources_verb,
	&kctl_options_verb,
	/* absent.c: what kubesim does not simulate, with kubectl's argument checks. */
	&kctl_logs_verb,
	&kctl_exec_verb,
	&kctl_edit_verb,
	&kctl_expose_verb,
	&kctl_run_verb,
	&kctl_top_verb,
	&kctl_port_forward_verb,
	&kctl_wait_verb,
	&kctl_diff_verb,
	&kctl_proxy_verb,
	&kctl_kustomize_verb,
	&kctl_plugin_verb,
	&kctl_config_verb,
	&kctl_api_versions_verb,
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

/* Flag i of the verb, or -1 when the subcommand named so far does not have it. */
static int
sub_flag(const struct kctl_call *call, int i)
{
	const char *const *allowed;

	if (i < 0 || call->verb->sub_flags == NULL || call->n_args == 0)
		return i;
	allowed = call->verb->sub_flags(call->args[0]);
	for (size_t k = 0; allowed != NULL && allowed[k] != NULL; k++)
		if (strcmp(allowed[k], call->verb->flags[i].name) == 0)
			return i;
	return allowed == NULL ? i : -1;
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

/*
 * A parent command's unknown subcommand (rollout, set): cmdutil's
 * DefaultSubCommandRun hands cobra all the words left after the flags,
 * and its error quotes them joined ("unknown command \"frob ds/web\"").
 */
int
kctl_unknown_subcommand(struct kctl_call *call)
{
	char words[2048];

	return kctl_usage_error(call, "unknown command \"%s\"",
	    kctl_join_args(call, 0, words, sizeof words));
}

const char *
kctl_join_args(const struct kctl_call *call, size_t from, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = from; i < call->n_args && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i > from ? " " : "", call->args[i]);
	return buf;
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
			/* pflag quotes only string values. */
			if (f->type == KF_STRING)
				sb_addf(out, "='%s'", f->def ? f->def : "");
			else
				sb_addf(out, "=%s", f->def ? f->def : f->type == KF_BOOL ? "false" : "0");
			sb_addf(out, ":\n\t%s\n\n", f->help);
		}
	}
	sb_add(out, "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n");
	/* The options are kubesim's; the long descriptions and examples are the real kubectl's. */
	sb_addf(out, "(kubesim's built-in kubectl: an abridged help; the real kubectl's \"kubectl %s --help\" has the full text)\n",
	    v->name);
}

/*
 * discovery's "the server doesn't have a resource type" (the builder's
 * mapping error), and only that: a real cluster without such a kind says
 * no more, and README.md lists the kinds kubesim simulates.
 */
int
kctl_unknown_type(struct kctl_call *call, const char *type)
{
	kctl_err(call->res, "error: the server doesn't have a resource type \"%s\"\n", type);
	return call->res->status = 1;
}

/*
 * The same words from the RESTMapper itself: verbs that map a type without
 * the resource builder (explain's SplitAndParseResourceRequest, events'
 * --for, taint's Validate) hand CheckErr a *meta.NoResourceMatchError, which
 * it prints bare, without "error: " (cmdutil.checkErr in
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go); the builder wraps the
 * mapper's error in a plain one, so get, describe and the rest keep it.
 */
int
kctl_no_resource_match(struct kctl_call *call, const char *type)
{
	kctl_err(call->res, "the server doesn't have a resource type \"%s\"\n", type);
	return call->res->status = 1;
}

int
kctl_resources_and_pairs(struct kctl_call *call, size_t from, const char *pair_type, size_t *first)
{
	size_t i;

	for (i = from; i < call->n_args && !kctl_is_pair(call->args[i]); i++)
		;
	*first = i;
	for (; i < call->n_args; i++)
		if (!kctl_is_pair(call->args[i]))
			return kctl_error(call, "all resources must be specified before %s changes: %s", pair_type,
			    call->args[i]);
	return 0;
}

bool
kctl_is_pair(const char *s)
{
	size_t n = strlen(s);

	return (strchr(s, '=') != NULL && s[0] != '=') || (n > 0 && s[n - 1] == '-' && strcmp(s, "-") != 0);
}

int
kctl_combined_type_args(struct kctl_call *call, char *const *args, size_t n)
{
	size_t slashed = 0;

	for (size_t i = 0; i < n; i++)
		slashed += strchr(args[i], '/') != NULL;
	if (slashed == 0)
		return 0;
	if (slashed == n)
		return 1;
	return kctl_error(call,
	    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'") + 1;
}

int
kctl_print_doc(struct kctl_call *call, const char *output, const cJSON *doc)
{
	struct strbuf text = STRBUF_INIT;
	struct ks_err err;
	int rc = 0;

	if (strcmp(output, "json") == 0)
		encode_json_text(doc, &text);
	else if (strcmp(output, "yaml") == 0)
		encode_yaml_text(doc, &text);
	else if (jsonpath_eval(output + strlen("jsonpath="), doc, &text, &err) < 0)
		rc = kctl_error(call, "%s", err.msg);
	kctl_out(call->res, "%s", sb_str(&text));
	sb_free(&text);
	return rc;
}

int
kctl_print_typed_doc(struct kctl_call *call, const char *output, const cJSON *doc)
{
	struct strbuf text = STRBUF_INIT;

	if (strcmp(output, "json") != 0)
		return kctl_print_doc(call, output, doc);
	encode_json_text_typed(doc, &text);
	kctl_out(call->res, "%s", sb_str(&text));
	sb_free(&text);
	return 0;
}

bool
kctl_template_message(const char *output, char *buf, size_t len)
{
	static const char *const forms[] = {"go-template", "go-template-file", "template",
		"templatefile", NULL};
	size_t n = strcspn(output, "=");

	for (size_t i = 0; forms[i] != NULL; i++)
		if (strlen(forms[i]) == n && strncmp(output, forms[i], n) == 0) {
			snprintf(buf, len, "kubesim's built-in kubectl does not run Go templates (-o %.*s); use the real kubectl against `kubesim serve`",
			    (int)n, output);
			return true;
		}
	return false;
}

bool
kctl_template_output(struct kctl_call *call, const char *output)
{
	char msg[256];

	if (!kctl_template_message(output, msg, sizeof msg))
		return false;
	kctl_error(call, "%s", msg);
	return true;
}

int
kctl_no_resources_error(struct kctl_call *call)
{
	kctl_err(call->res, "%s", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
	return call->res->status = 1;
}

/*
 * kubectl's global flags (`kubectl options`): genericclioptions'
 * ConfigFlags, klog's -v and --vmodule, --warnings-as-errors and the
 * profiling flags of cmd.go. They are persistent on the root command, so
 * cobra takes them before the verb as well as after it. Only -n means
 * something to kubesim; --request-timeout is checked as kubectl checks it,
 * the rest name a kubeconfig, a server or a credential kubesim has no use
 * for and are accepted and ignored. def is the default as `kubectl
 * options` shows it (NULL: computed), help is its text.
 */
static const struct kctl_flag global_flags[] = {
	{"as", 0, KF_STRING, "''", "Username to impersonate for the operation. User could be a regular user or a service account in a namespace.", NULL},
	{"as-group", 0, KF_STRING, "[]", "Group to impersonate for the operation, this flag can be repeated to specify multiple groups.", NULL},
	{"as-uid", 0, KF_STRING, "''", "UID to impersonate for the operation.", NULL},
	{"cache-dir", 0, KF_STRING, NULL, "Default cache directory", NULL},
	{"certificate-authority", 0, KF_STRING, "''", "Path to a cert file for the certificate authority", NULL},
	{"client-certificate", 0, KF_STRING, "''", "Path to a client certificate file for TLS", NULL},
	{"client-key", 0, KF_STRING, "''", "Path to a client key file for TLS", NULL},
	{"cluster", 0, KF_STRING, "''", "The name of the kubeconfig cluster to use", NULL},
	{"context", 0, KF_STRING, "''", "The name of the kubeconfig context to use", NULL},
	{"disable-compression", 0, KF_BOOL, "false", "If true, opt-out of response compression for all requests to the server", NULL},
	{"insecure-skip-tls-verify", 0, KF_BOOL, "false", "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure", NULL},
	{"kubeconfig", 0, KF_STRING, "''", "Path to the kubeconfig file to use for CLI requests.", NULL},
	{"log-flush-frequency", 0, KF_DURATION, "5s", "Maximum number of seconds between log flushes", NULL},
	{"match-server-version", 0, KF_BOOL, "false", "Require server version to match client version", NULL},
	{"namespace", 'n', KF_STRING, "''", "If present, the namespace scope for this CLI request", NULL},
	{"password", 0, KF_STRING, "''", "Password for basic authentication to the API server", NULL},
	{"profile", 0, KF_STRING, "'none'", "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)", NULL},
	{"profile-output", 0, KF_STRING, "'profile.pprof'", "Name of the file to write the profile to", NULL},
	{"request-timeout", 0, KF_STRING, "'0'", "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.", NULL},
	{"server", 's', KF_STRING, "''", "The address and port of the Kubernetes API server", NULL},
	{"tls-server-name", 0, KF_STRING, "''", "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used", NULL},
	{"token", 0, KF_STRING, "''", "Bearer token for authentication to the API server", NULL},
	{"user", 0, KF_STRING, "''", "The name of the kubeconfig user to use", NULL},
	{"username", 0, KF_STRING, "''", "Username for basic authentication to the API server", NULL},
	{"v", 'v', KF_INT, "0", "number for the log level verbosity", NULL},
	{"vmodule", 0, KF_STRING, "", "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)", NULL},
	{"warnings-as-errors", 0, KF_BOOL, "false", "Treat warnings received from the server as errors and exit with a non-zero exit code", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static const struct kctl_flag *
global_flag(const char *name, char shorthand)
{
	for (const struct kctl_flag *f = global_flags; f->name != NULL; f++)
		if (name != NULL ? strcmp(f->name, name) == 0 : f->shorthand == shorthand)
			return f;
	return NULL;
}

/*
 * `kubectl options` (cmd/options): the global flags in pflag's FlagUsages
 * form. --cache-dir's default is $HOME/.kube/cache, as homedir.HomeDir()
 * finds it (the one thing here that reads the environment, as kubectl's
 * own text does).
 */
static int
options_exec(struct kctl_call *call)
{
	const char *home = getenv("HOME") != NULL ? getenv("HOME") : "";

	kctl_out(call->res, "%s", "The following options can be passed to any command:\n\n");
	for (const struct kctl_flag *f = global_flags; f->name != NULL; f++) {
		if (f->shorthand)
			kctl_out(call->res, "    -%c, --%s=", f->shorthand, f->name);
		else
			kctl_out(call->res, "    --%s=", f->name);
		if (f->def != NULL)
			kctl_out(call->res, "%s", f->def);
		else
			kctl_out(call->res, "'%s/.kube/cache'", home);
		kctl_out(call->res, ":\n\t%s\n\n", f->help);
	}
	return 0;
}

static const struct kctl_flag options_flags[] = {
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

const struct kctl_verb kctl_options_verb = {
	.name = "options",
	.short_help = "Print the list of flags inherited by all commands",
	.usage = "kubectl options [flags]",
	.flags = options_flags,
	.exec = options_exec,
};

/*
 * A pflag parse error, framed by the flag error func of kubectl's root
 * command (cmd.go): "error: <pflag's text>", then the usage hint naming
 * the command path.
 */
int
kctl_flag_error(struct kctl_call *call, const char *fmt, ...)
{
	char msg[2048], path[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* options.go has its own flag error func. */
	if (call->verb != NULL && strcmp(call->verb->name, "options") == 0) {
		kctl_err(call->res, "error: %s\nRun 'kubectl options' without flags.\n", msg);
		return call->res->status = 1;
	}
	if (call->verb == NULL)
		snprintf(path, sizeof path, "kubectl");
	else if (call->verb->subcommands && call->n_args > 0)
		snprintf(path, sizeof path, "kubectl %s %s", call->verb->name, call->args[0]);
	else
		snprintf(path, sizeof path, "kubectl %s", call->verb->name);
	kctl_err(call->res, "error: %s\nSee '%s --help' for usage.\n", msg, path);
	return call->res->status = 1;
}

/*
 * Why Go's time.ParseDuration refuses s, in its words, or NULL when it
 * takes it (pflag's duration flags allow a sign, so "-5s" is fine).
 */
static const char *
go_duration_error(const char *s, char *buf, size_t len)
{
	const char *p = s + (*s == '-' || *s == '+');
	struct ks_err err;
	int64_t ms;

	if (dur_parse(p, &ms, &err) == 0)
		return NULL;
	while (*p != '\0') {
		const char *u;

		if (*p != '.' && !isdigit((unsigned char)*p))
			break;
		while (*p == '.' || isdigit((unsigned char)*p))
			p++;
		for (u = p; *p != '\0' && *p != '.' && !isdigit((unsigned char)*p); p++)
			;
		if (u == p) {
			snprintf(buf, len, "time: missing unit in duration \"%s\"", s);
			return buf;
		}
		if (!((p - u == 1 && strchr("smh", *u) != NULL) ||
		        (p - u == 2 && (strncmp(u, "ms", 2) == 0 || strncmp(u, "us", 2) == 0 ||
		                           strncmp(u, "ns", 2) == 0)) ||
		        strncmp(u, "\xc2\xb5s", 3) == 0 || strncmp(u, "\xce\xbcs", 3) == 0)) {
			snprintf(buf, len, "time: unknown unit \"%.*s\" in duration \"%s\"", (int)(p - u), u, s);
			return buf;
		}
	}
	snprintf(buf, len, "time: invalid duration \"%s\"", s);
	return buf;
}

/*
 * pflag's check of a value against its flag's type; 1 with pflag's
 * "invalid argument" error, which names the flag as "-w, --watch".
 */
static int
check_flag_value(struct kctl_call *call, const struct kctl_flag *f, const char *value)
{
	char shown[160], why[256];
	const char *bad = NULL;
	int64_t n;
	bool b;

	if (f->shorthand)
		snprintf(shown, sizeof shown, "-%c, --%s", f->shorthand, f->name);
	else
		snprintf(shown, sizeof shown, "--%s", f->name);
	if (f->type == KF_BOOL && !parse_bool_text(value, &b) && f->no_opt_default == NULL) {
		snprintf(why, sizeof why, "strconv.ParseBool: parsing \"%s\": invalid syntax", value);
		bad = why;
	} else if (f->type == KF_INT && strcmp(f->name, "v") == 0) {
		/* klog's Level: strconv.ParseInt(s, 10, 32). */
		char *end;
		long long v;

		errno = 0;
		v = strtoll(value, &end, 10);
		if (*value == '\0' || isspace((unsigned char)*value) || *end != '\0')
			bad = "invalid syntax";
		else if (errno == ERANGE || v > INT32_MAX || v < INT32_MIN)
			bad = "value out of range";
		if (bad != NULL) {
			snprintf(why, sizeof why, "strconv.ParseInt: parsing \"%s\": %s", value, bad);
			bad = why;
		}
	} else if (f->type == KF_INT && (bad = parse_flag_int(value, &n)) != NULL) {
		char reason[64];

		snprintf(reason, sizeof reason, "%s", bad);
		snprintf(why, sizeof why, "strconv.ParseInt: parsing \"%s\": %s", value, reason);
		bad = why;
	} else if (f->type == KF_DURATION && go_duration_error(value, why, sizeof why) != NULL) {
		/* klog's flag comes from Go's flag package, whose wrapper says only this. */
		bad = strcmp(f->name, "log-flush-frequency") == 0 ? "parse error" : why;
	}
	if (bad == NULL)
		return 0;
	return kctl_flag_error(call, "invalid argument \"%s\" for \"%s\" flag: %s", value, shown, bad);
}

/* A global flag's value: -n sets the namespace, the rest are noted or ignored. */
static void
set_global(struct kctl_call *call, const struct kctl_flag *f, const char *value)
{
	if (strcmp(f->name, "namespace") == 0) {
		call->ns = value;
		call->ns_set = true;
	} else if (strcmp(f->name, "request-timeout") == 0)
		call->request_timeout = value;
	else if (strcmp(f->name, "profile") == 0)
		call->profile = value;
	else if (strcmp(f->name, "kubeconfig") == 0)
		call->kubeconfig = value;
	else if (strcmp(f->name, "context") == 0)
		call->context = value;
	else if (strcmp(f->name, "cluster") == 0)
		call->cluster = value;
	else if (strcmp(f->name, "user") == 0)
		call->user = value;
}

/*
 * Flag f (index fi in the verb's table, -1 for a global flag) given value,
 * NULL when none was given (a boolean, or a flag with a no-option default).
 * 1 after pflag's error when the value does not fit the flag's type.
 */
static int
take_flag(struct kctl_call *call, const struct kctl_flag *f, int fi, const char *value)
{
	bool b = true;

	if (value != NULL && check_flag_value(call, f, value) != 0)
		return 1;
	if (fi < 0) {
		if (value != NULL)
			set_global(call, f, value);
		return 0;
	}
	if (f->type == KF_BOOL) {
		if (value != NULL && !parse_bool_text(value, &b))
			set_flag(call, fi, value); /* a no_opt_default flag's word */
		else if (value == NULL && f->no_opt_default != NULL)
			set_flag(call, fi, f->no_opt_default);
		else
			set_flag(call, fi, value == NULL ? "true" : value);
		return 0;
	}
	/*
	 * -f, and run's StringArray flags (--env, --annotations), may repeat;
	 * keep them joined by a NUL-free separator.
	 */
	if (call->given[fi] && (strcmp(f->name, "filename") == 0 || strcmp(f->name, "env") == 0 ||
				   strcmp(f->name, "annotations") == 0)) {
		char *joined = xasprintf("%s\n%s", call->values[fi], value);

		free(call->values[fi]);
		call->values[fi] = joined;
	} else
		set_flag(call, fi, value);
	return 0;
}

/*
 * pflag's grammar over the words after the verb: the verb's own flags and
 * kubectl's global ones, --name[=value], -x [value], -xVALUE, -x=value,
 * and groups of shorthand booleans ("-Ao wide"); -h/--help prints the
 * verb's help. Errors are pflag's, framed as kubectl frames them.
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
		const struct kctl_flag *f;
		char name[128];
		int fi = -1;

		if (only_args || w[0] != '-' || strcmp(w, "-") == 0) {
			call->args[call->n_args++] = w;
			continue;
		}
		if (strcmp(w, "--") == 0) {
			only_args = true;
			continue;
		}
		if (w[1] != '-') {
			/* parseShortArg: one shorthand after another until one takes a value. */
			for (const char *p = w + 1; *p != '\0';) {
				char c = *p;

				if (c == 'h') {
					*help = true;
					p++;
					continue;
				}
				fi = v != NULL ? sub_flag(call, flag_index_short(v, c)) : -1;
				f = fi >= 0 ? &v->flags[fi] : global_flag(NULL, c);
				if (f == NULL)
					return kctl_flag_error(call, "unknown shorthand flag: '%c' in -%s", c, p);
				if (p[1] == '=') {
					value = p + 2;
				} else if (f->type == KF_BOOL) {
					if (take_flag(call, f, fi, NULL) != 0)
						return 1;
					p++;
					continue;
				} else if (p[1] != '\0') {
					value = p + 1;
				} else if (a + 1 < argc) {
					value = argv[++a];
				} else
					return kctl_flag_error(call, "flag needs an argument: '%c' in -%c", c, c);
				if (take_flag(call, f, fi, value) != 0)
					return 1;
				break;
			}
			continue;
		}
		{
			const char *eq = strchr(w + 2, '=');

			snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - w - 2) : (int)strlen(w + 2),
			    w + 2);
			if (eq != NULL)
				value = eq + 1;
		}
		if (strcmp(name, "help") == 0) {
			*help = true;
			continue;
		}
		fi = v != NULL ? sub_flag(call, flag_index(v, name)) : -1;
		f = fi >= 0 ? &v->flags[fi] : global_flag(name, 0);
		if (f == NULL)
			return kctl_flag_error(call, "unknown flag: --%s", name);
		if (value == NULL && f->type != KF_BOOL) {
			if (a + 1 >= argc)
				return kctl_flag_error(call, "flag needs an argument: --%s", name);
			value = argv[++a];
		}
		if (take_flag(call, f, fi, value) != 0)
			return 1;
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
		{"Troubleshooting and Debugging Commands", {"describe", "events", NULL}},
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

/* kubectl v1.32's commands that kubesim leaves out (it says so, rather than "unknown command"). */
static const char *const verbs_not_simulated[] = {"scale", "autoscale", "certificate", "attach",
	"cp", "auth", "debug", "patch", "alpha", NULL};

static bool
is_kubectl_verb(const char *w)
{
	if (find_verb(w) != NULL || strcmp(w, "help") == 0 || strcmp(w, "completion") == 0)
		return true;
	for (size_t i = 0; verbs_not_simulated[i] != NULL; i++)
		if (strcmp(w, verbs_not_simulated[i]) == 0)
			return true;
	return false;
}

/*
 * The word cobra's Command.Find takes for the command: its stripFlags
 * drops flags, and with a flag that is not a known boolean ("--x" without
 * "=", or a two-letter "-x") the word after it, taken as the value.
 * -1 when only flags are left.
 */
static int
command_word(int argc, char **argv)
{
	for (int a = 0; a < argc; a++) {
		const char *w = argv[a];
		const struct kctl_flag *f = NULL;

		if (strcmp(w, "--") == 0)
			return -1;
		if (w[0] != '-')
			return a;
		if (strncmp(w, "--", 2) == 0 && strchr(w, '=') == NULL)
			f = global_flag(w + 2, 0);
		else if (strchr(w, '=') == NULL && strlen(w) == 2)
			f = global_flag(NULL, w[1]);
		else
			continue;
		if (f == NULL || f->type != KF_BOOL)
			a++;
	}
	return -1;
}

/* cobra's ld: Levenshtein distance over bytes, case ignored. */
static size_t
levenshtein(const char *s, const char *t)
{
	size_t n = strlen(s), m = strlen(t);
	size_t *prev = xcalloc(m + 1, sizeof *prev), *cur = xcalloc(m + 1, sizeof *cur), d;

	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t sub = prev[j - 1] +
			    (tolower((unsigned char)s[i - 1]) != tolower((unsigned char)t[j - 1]));
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, (m + 1) * sizeof *prev);
	}
	d = prev[m];
	free(prev);
	free(cur);
	return d;
}

/*
 * cobra's "unknown command" with its suggestions (SuggestionsFor: distance
 * at most 2, or a prefix), over kubectl v1.32's commands in the order
 * cmd.go adds them (kubectl turns cobra's command sorting off).
 */
static void
unknown_command(struct kctl_result *res, const char *word)
{
	static const char *const commands[] = {"create", "expose", "run", "set", "explain", "get",
		"edit", "delete", "rollout", "scale", "autoscale", "certificate", "cluster-info", "top",
		"cordon", "uncordon", "drain", "taint", "describe", "logs", "attach", "exec",
		"port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply", "patch",
		"replace", "wait", "kustomize", "label", "annotate", "completion", "config", "plugin",
		"version", "api-versions", "api-resources", "options", NULL};
	bool titled = false;

	kctl_err(res, "error: unknown command \"%s\" for \"kubectl\"\n", word);
	for (size_t i = 0; commands[i] != NULL; i++) {
		if (levenshtein(word, commands[i]) > 2 && strncasecmp(commands[i], word, strlen(word)) != 0)
			continue;
		if (!titled)
			kctl_err(res, "%s", "\nDid you mean this?\n");
		titled = true;
		kctl_err(res, "\t%s\n", commands[i]);
	}
}

/*
 * `kubectl completion SHELL`: its argument checks (completion.go
 * RunCompletion), then one line: the script is the real kubectl's to write.
 */
static void
completion(struct kctl_result *res, int argc, char **argv)
{
	static const char *const shells[] = {"bash", "zsh", "fish", "powershell", NULL};
	const char *shell = NULL;
	int n = 0;

	for (int i = 0; i < argc; i++)
		if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0) {
			shell = shell != NULL ? shell : argv[i];
			n++;
		}
	if (n == 0 || n > 1) {
		kctl_err(res, "error: %s\nSee 'kubectl completion -h' for help and examples\n",
		    n == 0 ? "Shell not specified." : "Too many arguments. Expected only the shell type.");
		return;
	}
	for (size_t i = 0; shells[i] != NULL; i++)
		if (strcmp(shell, shells[i]) == 0) {
			kctl_err(res, "error: kubesim's built-in kubectl writes no shell completion; use the real kubectl (kubectl completion %s) against `kubesim serve`\n",
			    shell);
			return;
		}
	kctl_err(res, "error: Unsupported shell type \"%s\".\nSee 'kubectl completion -h' for help and examples\n",
	    shell);
}

static bool
valid_profile(const char *p)
{
	static const char *const names[] = {"none", "cpu", "heap", "goroutine", "threadcreate",
		"block", "mutex", NULL};

	for (size_t i = 0; names[i] != NULL; i++)
		if (strcmp(p, names[i]) == 0)
			return true;
	return false;
}

/* clientcmd.ParseTimeout: whole seconds, or a Go duration. */
static bool
valid_request_timeout(const char *s)
{
	char buf[256];
	int64_t n;

	if (parse_flag_int(s, &n) == NULL && n >= 0 && strncmp(s, "0x", 2) != 0)
		return true;
	return go_duration_error(s, buf, sizeof buf) == NULL;
}

/*
 * The kubeconfig kubesim's kubectl stands for: the one a client of
 * `kubesim serve` uses, whose context, cluster and user are all named
 * "kubesim". kubesim reads no kubeconfig, but a learner who names another
 * context, cluster or user, or a kubeconfig file that is not there, gets
 * the real kubectl's error rather than an answer from a cluster they did
 * not ask for (an existing --kubeconfig file is not read: the practice
 * cluster is the only one).
 */
#define KCTL_KUBECONFIG_NAME "kubesim"

static bool
unknown_name(const char *name)
{
	return name != NULL && name[0] != '\0' && strcmp(name, KCTL_KUBECONFIG_NAME) != 0;
}

/*
 * Verbs whose Complete asks the loader for the namespace first
 * (ToRawKubeConfigLoader().Namespace(), whose errors are the config
 * validation's: validation.go validateClusterInfo/validateAuthInfo, the
 * context one framed as "Error in configuration"); the others first build
 * a REST config or discovery client (client_config.go ConfigAccess,
 * "context %q does not exist"), after checking the user.
 */
static bool
namespace_first(const char *verb)
{
	static const char *const verbs[] = {"get", "describe", "delete", "label", "annotate", "taint",
		"set", "rollout", "events", "patch", "scale", NULL};

	for (size_t i = 0; verbs[i] != NULL; i++)
		if (strcmp(verb, verbs[i]) == 0)
			return true;
	return false;
}

/* Whether the verb loads the kubeconfig at all, as its Run does. */
static bool
uses_kubeconfig(const struct kctl_call *call)
{
	static const char *const rollout_subs[] = {"status", "history", "undo", "restart", "pause",
		"resume", NULL};
	static const char *const set_subs[] = {"image", "env", "resources", "selector",
		"serviceaccount", "subject", NULL};
	const char *const *subs = NULL;
	const char *name = call->verb->name;

	if (strcmp(name, "options") == 0 || (strcmp(name, "version") == 0 && kctl_bool(call, "client")))
		return false;
	if (strcmp(name, "rollout") == 0)
		subs = rollout_subs;
	else if (strcmp(name, "set") == 0)
		subs = set_subs;
	if (subs == NULL)
		return true;
	/* A parent command without a known subcommand prints its help or cobra's error. */
	for (size_t i = 0; call->n_args > 0 && subs[i] != NULL; i++)
		if (strcmp(call->args[0], subs[i]) == 0)
			return true;
	return false;
}

/* 1 after kubectl's error when the kubeconfig flags name what is not there. */
static int
check_kubeconfig(struct kctl_call *call)
{
	struct stat st;

	if (!uses_kubeconfig(call))
		return 0;
	if (call->kubeconfig != NULL && call->kubeconfig[0] != '\0') {
		/* loader.go LoadFromFile: os.Stat, then ReadFile. */
		if (stat(call->kubeconfig, &st) != 0 && errno == ENOENT)
			return kctl_error(call, "stat %s: no such file or directory", call->kubeconfig);
		if (stat(call->kubeconfig, &st) == 0 && S_ISDIR(st.st_mode))
			return kctl_error(call, "error loading config file \"%s\": read %s: is a directory",
			    call->kubeconfig, call->kubeconfig);
	}
	if (namespace_first(call->verb->name)) {
		if (unknown_name(call->context) && unknown_name(call->cluster)) {
			kctl_err(call->res, "Error in configuration: \n* context was not found for specified context: %s\n* no server found for cluster \"%s\"\n",
			    call->context, call->cluster);
			return call->res->status = 1;
		}
		if (unknown_name(call->context)) {
			kctl_err(call->res, "Error in configuration: context was not found for specified context: %s\n",
			    call->context);
			return call->res->status = 1;
		}
		if (unknown_name(call->cluster))
			return kctl_error(call, "no server found for cluster \"%s\"", call->cluster);
		if (unknown_name(call->user))
			return kctl_error(call, "auth info \"%s\" does not exist", call->user);
		return 0;
	}
	if (unknown_name(call->user))
		return kctl_error(call, "auth info \"%s\" does not exist", call->user);
	if (unknown_name(call->context))
		return kctl_error(call, "context \"%s\" does not exist", call->context);
	if (unknown_name(call->cluster))
		return kctl_error(call, "cluster \"%s\" does not exist", call->cluster);
	return 0;
}

/*
 * The create generator the words after "create" name (create.go adds
 * them as subcommands), for kinds kubesim does not simulate; NULL for
 * create -f and create namespace, which create.c runs.
 */
static const struct kctl_verb *
create_generator(int argc, char **argv)
{
	static const struct {
		const char *word;
		const struct kctl_verb *verb;
	} gens[] = {
		{"deployment", &kctl_create_deployment_verb},
		{"deploy", &kctl_create_deployment_verb},
		{"configmap", &kctl_create_configmap_verb},
		{"cm", &kctl_create_configmap_verb},
		{"secret", &kctl_create_secret_verb},
	};
	int w = command_word(argc, argv);

	for (size_t i = 0; w >= 0 && i < sizeof gens / sizeof gens[0]; i++)
		if (strcmp(argv[w], gens[i].word) == 0)
			return gens[i].verb;
	return NULL;
}

int
kctl_run(struct cluster *c, int argc, char **argv, const struct kctl_io *io,
    struct kctl_result *res)
{
	struct kctl_call call;
	bool help = false;
	char **rest;
	int rc, at, gen_at = -1, n_rest = 0;

	memset(&call, 0, sizeof call);
	call.c = c;
	call.io = io;
	call.res = res;
	call.ns = "default";
	at = command_word(argc, argv);
	if (at >= 0 && strcmp(argv[at], "help") == 0 && at + 1 < argc && find_verb(argv[at + 1]) != NULL) {
		/* cobra's help command: the named command's help. */
		struct strbuf text = STRBUF_INIT;

		print_verb_help(find_verb(argv[at + 1]), &text);
		kctl_out(res, "%s", sb_str(&text));
		sb_free(&text);
		return res->status = 0;
	}
	if (at < 0 || strcmp(argv[at], "help") == 0) {
		/* The root command: global flags only, then its help. */
		rc = parse_flags(&call, argc, argv, &help);
		free(call.args);
		if (rc == 0) {
			struct strbuf text = STRBUF_INIT;

			print_root_help(&text);
			kctl_out(res, "%s", sb_str(&text));
			sb_free(&text);
		}
		return res->status;
	}
	if (!is_kubectl_verb(argv[at])) {
		/* cmd.go hands a word it cannot find to the plugin handler, which refuses leading flags. */
		if (at > 0)
			kctl_err(res, "Error: flags cannot be placed before plugin name: %s\n", argv[0]);
		else
			unknown_command(res, argv[0]);
		return res->status = 1;
	}
	call.verb = find_verb(argv[at]);
	if (call.verb != NULL && strcmp(call.verb->name, "create") == 0) {
		/* create's generators are commands of their own (create.go NewCmdCreate). */
		const struct kctl_verb *gen = create_generator(argc - at - 1, argv + at + 1);

		if (gen != NULL) {
			/* The generator's word is no argument either. */
			gen_at = at + 1 + command_word(argc - at - 1, argv + at + 1);
			call.verb = gen;
		}
	}
	if (call.verb == NULL) {
		if (strcmp(argv[at], "completion") == 0)
			completion(res, argc - at - 1, argv + at + 1);
		else
			kctl_err(res, "error: kubesim does not simulate \"kubectl %s\" (kubectl help lists the commands it has)\n",
			    argv[at]);
		return res->status = 1;
	}
	/* cobra parses the flags on both sides of the command word alike. */
	rest = xcalloc((size_t)argc, sizeof *rest);
	for (int a = 0; a < argc; a++)
		if (a != at && a != gen_at)
			rest[n_rest++] = argv[a];
	rc = parse_flags(&call, n_rest, rest, &help);
	if (rc == 0 && help) {
		struct strbuf text = STRBUF_INIT;

		print_verb_help(call.verb, &text);
		kctl_out(res, "%s", sb_str(&text));
		sb_free(&text);
		res->status = 0;
	} else if (rc == 0 && call.profile != NULL && !valid_profile(call.profile)) {
		/* cmd/profiling.go initProfiling, in the root's PersistentPreRunE. */
		rc = kctl_error(&call, "unknown profile '%s'", call.profile);
	} else if (rc == 0 && call.request_timeout != NULL &&
	    !valid_request_timeout(call.request_timeout))
		rc = kctl_error(&call, "Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)");
	else if (rc == 0 && check_kubeconfig(&call) != 0)
		rc = 1;
	else if (rc == 0)
		rc = call.verb->exec(&call);
	for (int i = 0; i < KCTL_MAX_FLAGS; i++)
		free(call.values[i]);
	free(call.args);
	free(rest);
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
			{"reportingComponent", offsetof(struct event, source)},
		};

		/* The other fields a real server indexes for events (resourceVersion and fieldPath are never set here). */
		if (strcmp(field, "involvedObject.apiVersion") == 0) {
			const char *v = event_involved_api_version(e);

			return v != NULL ? v : "";
		}
		if (strcmp(field, "involvedObject.resourceVersion") == 0 ||
		    strcmp(field, "involvedObject.fieldPath") == 0)
			return "";

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

const char *
kctl_gvr(enum kind k, char *buf, size_t len)
{
	const char *gv = kind_api_version(k), *slash = strchr(gv, '/');
	const char *res = kind_resource(k);

	/* schema.GroupVersionResource.String(): Group + "/" + Version + ", Resource=" + Resource */
	snprintf(buf, len, "%.*s/%s, Resource=%.*s", slash != NULL ? (int)(slash - gv) : 0, gv,
	    slash != NULL ? slash + 1 : gv, (int)strcspn(res, "."), res);
	return buf;
}

int
kctl_field_selector(struct kctl_call *call, const char *text, struct vec *reqs)
{
	char why[KS_ERR_MAX];

	if (kctl_field_selector_parse(text, reqs, why, sizeof why) < 0)
		return kctl_error(call, "%s", why);
	return 0;
}

int
kctl_field_selector_parse(const char *text, struct vec *reqs, char *why, size_t len)
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
			/* As fields.ParseSelector words it; written before `part`'s text is freed. */
			snprintf(why, len, "invalid selector: '%s'; can't understand '%s'", text, part);
			free(r);
			free(copy);
			kctl_field_reqs_free(reqs);
			return -1;
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
