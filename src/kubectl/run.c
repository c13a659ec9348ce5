/*
 * run.c - `kubectl run NAME --image=IMAGE [-- ARGS...]`: one Pod, as
 * kubectl v1.32 generates it (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go
 * and the BasicPod generator of pkg/generate/versioned/run.go): label
 * run=NAME unless -l says otherwise, one container named NAME, dnsPolicy
 * ClusterFirst, the --restart policy; --overrides patches the generated
 * object (a JSON merge patch by default, as --override-type says). It is
 * sent through the API layer as `kubectl create` sends its objects.
 *
 * Attaching (-i, -t, --attach, --rm) needs a container's stdin and
 * stdout, which kubesim does not simulate: refused, after kubectl's own
 * checks of those flags.
 */
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "api/labels.h"
#include "api/meta.h"
#include "apiserver/apiserver.h"
#include "apiserver/patch.h"
#include "codec/decode.h"
#include "codec/jsontext.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static const struct kctl_flag run_flags[] = {
	{"allow-missing-template-keys", 0, KF_BOOL, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", NULL},
	{"annotations", 0, KF_STRING, "[]", "Annotations to apply to the pod.", NULL},
	{"attach", 0, KF_BOOL, "false", "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.", NULL},
	{"cascade", 0, KF_STRING, "background", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.", NULL},
	{"command", 0, KF_BOOL, "false", "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.", NULL},
	KCTL_DRY_RUN_FLAG,
	{"env", 0, KF_STRING, "[]", "Environment variables to set in the container.", NULL},
	{"expose", 0, KF_BOOL, "false", "If true, create a ClusterIP service associated with the pod.  Requires `--port`.", NULL},
	{"field-manager", 0, KF_STRING, "kubectl-run", "Name of the manager used to track field ownership.", NULL},
	{"filename", 'f', KF_STRING, "[]", "to use to replace the resource.", NULL},
	{"force", 0, KF_BOOL, "false", "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.", NULL},
	{"grace-period", 0, KF_INT, "-1", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).", NULL},
	{"image", 0, KF_STRING, "", "The image for the container to run.", NULL},
	{"image-pull-policy", 0, KF_STRING, "", "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.", NULL},
	{"kustomize", 'k', KF_STRING, "", "Process a kustomization directory. This flag can't be used together with -f or -R.", NULL},
	{"labels", 'l', KF_STRING, "", "Comma separated labels to apply to the pod. Will override previous values.", NULL},
	{"leave-stdin-open", 0, KF_BOOL, "false", "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.", NULL},
	{"output", 'o', KF_STRING, "", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).", NULL},
	{"override-type", 0, KF_STRING, "merge", "The method used to override the generated object: json, merge, or strategic.", NULL},
	{"overrides", 0, KF_STRING, "", "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.", NULL},
	{"pod-running-timeout", 0, KF_DURATION, "1m0s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running", NULL},
	{"port", 0, KF_STRING, "", "The port that this container exposes.", NULL},
	{"privileged", 0, KF_BOOL, "false", "If true, run the container in privileged mode.", NULL},
	{"quiet", 'q', KF_BOOL, "false", "If true, suppress prompt messages.", NULL},
	{"recursive", 'R', KF_BOOL, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.", NULL},
	{"restart", 0, KF_STRING, "Always", "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].", NULL},
	{"rm", 0, KF_BOOL, "false", "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.", NULL},
	{"save-config", 0, KF_BOOL, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.", NULL},
	{"show-managed-fields", 0, KF_BOOL, "false", "If true, keep the managedFields when printing objects in JSON or YAML format.", NULL},
	{"stdin", 'i', KF_BOOL, "false", "Keep stdin open on the container in the pod, even if nothing is attached.", NULL},
	{"template", 0, KF_STRING, "", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].", NULL},
	{"timeout", 0, KF_DURATION, "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object", NULL},
	{"tty", 't', KF_BOOL, "false", "Allocate a TTY for the container in the pod.", NULL},
	{"wait", 0, KF_BOOL, "false", "If true, wait for resources to be gone before returning. This waits for finalizers.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/*
 * reference.ReferenceRegexp (github.com/distribution/reference, regexp.go):
 * [domain[:port]/]component(/component)*[:tag][@digest], components in
 * lower case. POSIX ERE matches the whole string as Go's anchored one does.
 */
static bool
image_reference_valid(const char *image)
{
#define COMP "[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*"
#define DOMCOMP "([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
	static const char re_text[] =
	    "^(" DOMCOMP "(\\." DOMCOMP ")*(:[0-9]+)?/)?" COMP "(/" COMP ")*"
	    "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
	    "(@[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$";
#undef COMP
#undef DOMCOMP
	regex_t re;
	bool ok;

	if (regcomp(&re, re_text, REG_EXTENDED | REG_NOSUB) != 0)
		return true;
	ok = regexec(&re, image, 0, NULL, 0) == 0;
	regfree(&re);
	return ok;
}

/* validation.IsEnvVarName: [-._a-zA-Z][-._a-zA-Z0-9]* */
static bool
env_name_valid(const char *s, size_t n)
{
	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!(c == '-' || c == '.' || c == '_' || (c >= 'a' && c <= 'z') ||
			(c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

/*
 * The values of a repeated StringArray flag, kept joined by newlines
 * (kctl.c): split in place in one copy, which v[0] owns; free with
 * free(v[0]), free(v).
 */
static char **
flag_values(const struct kctl_call *call, const char *name, size_t *n)
{
	char *buf, **out;

	*n = 0;
	if (!kctl_given(call, name))
		return NULL;
	buf = xstrdup(kctl_str(call, name));
	out = xcalloc(strlen(buf) + 1, sizeof *out);
	for (char *p = buf; p != NULL;) {
		char *nl = strchr(p, '\n');

		out[(*n)++] = p;
		if (nl != NULL)
			*nl++ = '\0';
		p = nl;
	}
	return out;
}

/* The part of s before eq, as a JSON string. */
static cJSON *
name_of(const char *s, const char *eq)
{
	char *name = xstrndup(s, (size_t)(eq - s));
	cJSON *j = cJSON_CreateString(name);

	free(name);
	return j;
}

/* A Go map's members in encoding/json's order: keys sorted bytewise. */
static void
sort_object(cJSON *obj)
{
	cJSON *sorted = NULL;

	while (obj->child != NULL) {
		cJSON *c = cJSON_DetachItemViaPointer(obj, obj->child), **at = &sorted;

		while (*at != NULL && strcmp((*at)->string, c->string) <= 0)
			at = &(*at)->next;
		c->next = *at;
		*at = c;
	}
	/* Relink through cJSON's API so prev pointers stay right. */
	while (sorted != NULL) {
		cJSON *c = sorted;

		sorted = c->next;
		c->next = NULL;
		c->prev = NULL;
		cJSON_AddItemToArray(obj, c);
	}
}

/* parseEnvs: NAME=VALUE, NAME a C-identifier-ish env var name. */
static int
add_env(struct kctl_call *call, cJSON *container)
{
	size_t n;
	char **v = flag_values(call, "env", &n);
	cJSON *env = NULL;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *eq = strchr(v[i], '=');
		cJSON *e;

		if (v[i][0] == '\0')
			continue; /* an empty --env= sets nothing */
		if (eq == NULL || !env_name_valid(v[i], (size_t)(eq - v[i]))) {
			rc = kctl_error(call, "invalid env: %s", v[i]);
			break;
		}
		if (env == NULL)
			env = cJSON_CreateArray();
		e = cJSON_CreateObject();
		cJSON_AddItemToObject(e, "name", name_of(v[i], eq));
		cJSON_AddStringToObject(e, "value", eq + 1);
		cJSON_AddItemToArray(env, e);
	}
	free(v != NULL ? v[0] : NULL);
	free(v);
	if (rc != 0) {
		cJSON_Delete(env);
		return rc;
	}
	if (env != NULL)
		cJSON_AddItemToObject(container, "env", env);
	return 0;
}

/* cmdutil.ParsePairs(annotations, "annotations", false): KEY=VALUE each. */
static int
add_annotations(struct kctl_call *call, cJSON *meta)
{
	size_t n;
	char **v = flag_values(call, "annotations", &n);
	struct strbuf bad = STRBUF_INIT;
	cJSON *ann = cJSON_CreateObject();
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(v[i], '=');

		if (eq == NULL || eq == v[i]) {
			sb_addf(&bad, "%s%s", bad.len ? ", " : "", v[i]);
			continue;
		}
		{
			cJSON *key = name_of(v[i], eq);

			cJSON_DeleteItemFromObjectCaseSensitive(ann, key->valuestring);
			cJSON_AddStringToObject(ann, key->valuestring, eq + 1);
			cJSON_Delete(key);
		}
	}
	free(v != NULL ? v[0] : NULL);
	free(v);
	if (bad.len > 0)
		rc = kctl_error(call, "invalid annotations format: %s", sb_str(&bad));
	sb_free(&bad);
	if (rc != 0 || ann->child == NULL) {
		cJSON_Delete(ann);
		return rc;
	}
	sort_object(ann);
	cJSON_AddItemToObject(meta, "annotations", ann);
	return 0;
}

/* generate.ParseLabels: KEY=VALUE,...; run=NAME when -l is empty. */
static int
add_labels(struct kctl_call *call, cJSON *meta, const char *name)
{
	const char *spec = kctl_str(call, "labels");
	cJSON *labels = cJSON_CreateObject();
	char *copy;

	if (spec[0] == '\0') {
		cJSON_AddStringToObject(labels, "run", name);
		cJSON_AddItemToObject(meta, "labels", labels);
		return 0;
	}
	copy = xstrdup(spec);
	/* strings.Split keeps empty parts, which are refused like any other bad one. */
	for (char *part = copy, *next; part != NULL; part = next) {
		char *eq;

		next = strchr(part, ',');
		if (next != NULL)
			*next++ = '\0';
		eq = strchr(part, '=');
		if (eq == NULL || strchr(eq + 1, '=') != NULL) {
			kctl_error(call, "unexpected label spec: %s", part);
			break;
		}
		if (eq == part) {
			kctl_error(call, "unexpected empty label key");
			break;
		}
		*eq = '\0';
		cJSON_DeleteItemFromObjectCaseSensitive(labels, part);
		cJSON_AddStringToObject(labels, part, eq + 1);
	}
	free(copy);
	if (call->res->status != 0) {
		cJSON_Delete(labels);
		return 1;
	}
	sort_object(labels);
	cJSON_AddItemToObject(meta, "labels", labels);
	return 0;
}

/* updatePodPorts: strconv.Atoi of --port, one containerPort. */
static int
add_port(struct kctl_call *call, cJSON *container)
{
	const char *port = kctl_str(call, "port");
	cJSON *ports, *p;
	char *end;
	long v;

	if (port[0] == '\0')
		return 0;
	errno = 0;
	v = strtol(port, &end, 10);
	if (*end != '\0' || end == port || port[0] == ' ')
		return kctl_error(call, "strconv.Atoi: parsing \"%s\": invalid syntax", port);
	if (errno == ERANGE)
		return kctl_error(call, "strconv.Atoi: parsing \"%s\": value out of range", port);
	ports = cJSON_AddArrayToObject(container, "ports");
	p = cJSON_CreateObject();
	/* int32(port): Go's conversion wraps. */
	cJSON_AddNumberToObject(p, "containerPort", (double)(int32_t)(uint32_t)v);
	cJSON_AddItemToArray(ports, p);
	return 0;
}

/* The ARGS after NAME: the container's args, or its command with --command. */
static void
add_args(struct kctl_call *call, cJSON *container)
{
	cJSON *a;

	if (call->n_args < 2)
		return;
	a = cJSON_AddArrayToObject(container, kctl_bool(call, "command") ? "command" : "args");
	for (size_t i = 1; i < call->n_args; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(call->args[i]));
}

/*
 * BasicPod.Generate, as kubectl encodes the typed Pod: metadata, one
 * container, restartPolicy, dnsPolicy, and an empty status. NULL after
 * kubectl's error for a bad --env, --annotations, -l or --port (in the
 * generator's order).
 */
static cJSON *
generate_pod(struct kctl_call *call, const char *name, const char *restart)
{
	cJSON *doc = cJSON_CreateObject(), *meta, *spec, *containers, *c;
	const char *pull = kctl_str(call, "image-pull-policy");

	cJSON_AddStringToObject(doc, "kind", "Pod");
	cJSON_AddStringToObject(doc, "apiVersion", "v1");
	meta = cJSON_AddObjectToObject(doc, "metadata");
	cJSON_AddStringToObject(meta, "name", name);
	cJSON_AddNullToObject(meta, "creationTimestamp");
	spec = cJSON_AddObjectToObject(doc, "spec");
	containers = cJSON_AddArrayToObject(spec, "containers");
	c = cJSON_CreateObject();
	cJSON_AddItemToArray(containers, c);
	cJSON_AddStringToObject(c, "name", name);
	cJSON_AddStringToObject(c, "image", kctl_str(call, "image"));
	add_args(call, c);
	if (add_env(call, c) != 0 || add_annotations(call, meta) != 0 ||
	    add_labels(call, meta, name) != 0 || add_port(call, c) != 0) {
		cJSON_Delete(doc);
		return NULL;
	}
	cJSON_AddObjectToObject(c, "resources");
	if (pull[0] != '\0')
		cJSON_AddStringToObject(c, "imagePullPolicy", pull);
	if (kctl_bool(call, "privileged"))
		cJSON_AddBoolToObject(cJSON_AddObjectToObject(c, "securityContext"), "privileged", true);
	cJSON_AddStringToObject(spec, "restartPolicy", restart);
	cJSON_AddStringToObject(spec, "dnsPolicy", "ClusterFirst");
	cJSON_AddObjectToObject(doc, "status");
	/* labels and annotations were added after name: the typed order puts them after creationTimestamp. */
	kctl_order_pod(doc);
	return doc;
}

/* Go's json type name of a value that cannot decode into the TypeMeta struct. */
static const char *
json_kind(const cJSON *v)
{
	return cJSON_IsArray(v) ? "array" : cJSON_IsString(v) ? "string" :
	    cJSON_IsNumber(v)   ? "number" : cJSON_IsBool(v) ? "bool" : "object";
}

/*
 * cmdutil.Overrider.Apply: --overrides, when set, patches the encoded Pod
 * (merge: jsonpatch.MergePatch; strategic: with the Pod's patch strategy;
 * json: RFC 6902). 0 with *doc replaced, or 1 after kubectl's error.
 */
static int
apply_overrides(struct kctl_call *call, cJSON **doc)
{
	const char *text = kctl_str(call, "overrides"), *type = kctl_str(call, "override-type");
	cJSON *patch, *out = NULL;
	struct ks_err err;
	int t, rc;

	if (text[0] == '\0')
		return 0;
	if (strcmp(type, "json") == 0)
		t = PATCH_JSON;
	else if (strcmp(type, "merge") == 0)
		t = PATCH_MERGE;
	else if (strcmp(type, "strategic") == 0)
		t = PATCH_STRATEGIC;
	else
		return kctl_error(call, "invalid override type: %s", type);
	patch = cJSON_Parse(text);
	if (patch == NULL)
		return kctl_error(call, "%s", t == PATCH_JSON ? "invalid JSON Patch" : "Invalid JSON Patch");
	err_clear(&err);
	rc = patch_apply((enum patch_type)t, *doc, patch,
	    t == PATCH_STRATEGIC ? patch_schema_for("v1", "Pod") : NULL, &out, &err);
	cJSON_Delete(patch);
	if (rc < 0)
		return kctl_error(call, "%s", err.msg);
	if (!cJSON_IsObject(out)) {
		kctl_error(call,
		    "couldn't get version/kind; json parse error: json: cannot unmarshal %s into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }",
		    json_kind(out));
		cJSON_Delete(out);
		return 1;
	}
	cJSON_Delete(*doc);
	*doc = out;
	kctl_order_pod(*doc);
	return 0;
}

/* The object a client dry run prints, or the create's answer. */
static int
print_pod(struct kctl_call *call, const struct object *obj, cJSON *doc, enum kctl_dry_run dry)
{
	const char *o = kctl_str(call, "output");

	if (o[0] == '\0' || strcmp(o, "name") == 0)
		return kctl_write_print(call, obj, NULL, "created", dry);
	/* Typed: -o json keeps the Pod struct's field order. */
	return kctl_print_typed_doc(call, o, doc);
}

static int
run_exec(struct kctl_call *call)
{
	const char *image = kctl_str(call, "image"), *restart = kctl_str(call, "restart");
	const char *pull = kctl_str(call, "image-pull-policy");
	bool stdin_ = kctl_bool(call, "stdin"), tty = kctl_bool(call, "tty");
	bool attach = kctl_bool(call, "attach");
	struct strbuf warnings = STRBUF_INIT;
	struct object *obj = NULL, *out = NULL;
	struct api_status st;
	struct api_opts opts = {false, API_FIELDS_STRICT, NULL, &warnings};
	enum kctl_dry_run dry;
	struct ks_err err;
	cJSON *doc;
	int rc;

	/* cobra's MarkFlagRequired, then ToOptions: --dry-run, the printer. */
	if (!kctl_given(call, "image"))
		return kctl_error(call, "required flag(s) \"image\" not set");
	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	/* -i implies --attach unless --attach was given (Complete). */
	if (!kctl_given(call, "attach") && stdin_)
		attach = true;
	/* Validate, in its order. */
	if (call->n_args == 0)
		return kctl_usage_error(call, "NAME is required for run");
	if (image[0] == '\0')
		return kctl_error(call, "--image is required");
	if (!image_reference_valid(image))
		return kctl_error(call, "Invalid image name \"%s\": invalid reference format", image);
	if (tty && !stdin_)
		return kctl_usage_error(call, "-i/--stdin is required for containers with -t/--tty=true");
	if (kctl_bool(call, "expose") && kctl_str(call, "port")[0] == '\0')
		return kctl_usage_error(call, "--port must be set when exposing a service");
	/* getRestartPolicy: an empty --restart is Always (OnFailure with -i). */
	if (restart[0] == '\0')
		restart = stdin_ ? "OnFailure" : "Always";
	if (strcmp(restart, "Always") != 0 && strcmp(restart, "OnFailure") != 0 &&
	    strcmp(restart, "Never") != 0)
		return kctl_usage_error(call, "invalid restart policy: %s", restart);
	if (!attach && kctl_bool(call, "rm"))
		return kctl_usage_error(call, "--rm should only be used for attached containers");
	if (attach && dry != KCTL_DRY_NONE)
		return kctl_usage_error(call, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
	if (pull[0] != '\0' && strcmp(pull, "Always") != 0 && strcmp(pull, "IfNotPresent") != 0 &&
	    strcmp(pull, "Never") != 0)
		return kctl_usage_error(call, "invalid image pull policy: %s", pull);
	if (attach)
		return kctl_error(call, "kubesim does not simulate attaching to a container (kubectl run -i, -t, --attach, --rm): run the pod without them, then follow it with kubectl get or describe");
	if (kctl_bool(call, "expose"))
		return kctl_error(call, "kubesim does not simulate services (kubectl run --expose)");

	doc = generate_pod(call, call->args[0], restart);
	if (doc == NULL)
		return 1;
	if (apply_overrides(call, &doc) != 0) {
		cJSON_Delete(doc);
		return 1;
	}
	/* createGeneratedObject: a client dry run sends nothing; -n sets the namespace it prints. */
	if (dry == KCTL_DRY_CLIENT && call->ns_set) {
		cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "metadata");

		if (cJSON_IsObject(meta)) {
			cJSON_DeleteItemFromObjectCaseSensitive(meta, "namespace");
			cJSON_AddStringToObject(meta, "namespace", call->ns);
			kctl_order_pod(doc);
		}
	}
	err_clear(&err);
	if (decode_json_doc(doc, &obj, NULL, &err) < 0) {
		cJSON_Delete(doc);
		return kctl_error(call, "%s", err.msg);
	}
	if (dry == KCTL_DRY_CLIENT) {
		rc = print_pod(call, obj, doc, dry);
		cJSON_Delete(doc);
		object_free(obj);
		return rc != 0 ? 1 : call->res->status;
	}
	/*
	 * --save-config: CreateOrUpdateAnnotation stores the object as sent,
	 * json.Marshal of the typed Pod (struct order) and a newline.
	 */
	if (kctl_bool(call, "save-config")) {
		struct strbuf sb = STRBUF_INIT;

		encode_json_compact_typed(doc, &sb);
		sb_addc(&sb, '\n');
		labels_set(&obj->meta.annotations, "kubectl.kubernetes.io/last-applied-configuration",
		    sb_str(&sb));
		sb_free(&sb);
	}
	cJSON_Delete(doc);
	/* Create(o.Namespace, ...): the request's namespace. */
	if (obj->meta.ns == NULL || obj->meta.ns[0] == '\0') {
		meta_set_ns(&obj->meta, call->ns);
	}
	opts.dry_run = dry == KCTL_DRY_SERVER;
	api_status_init(&st);
	if (api_create(call->c, obj, &opts, &out, &st) < 0) {
		kctl_err(call->res, "%s", sb_str(&warnings));
		kctl_api_error(call, &st, NULL, NULL);
		api_status_free(&st);
		sb_free(&warnings);
		return 1;
	}
	api_status_free(&st);
	kctl_err(call->res, "%s", sb_str(&warnings));
	sb_free(&warnings);
	{
		const char *o = kctl_str(call, "output");
		cJSON *res = o[0] != '\0' && strcmp(o, "name") != 0 ? api_encode_result(call->c, out) : NULL;

		rc = kctl_write_print(call, out, res, "created", dry);
		cJSON_Delete(res);
	}
	if (dry == KCTL_DRY_SERVER)
		object_free(out);
	return rc != 0 ? 1 : call->res->status;
}

const struct kctl_verb kctl_run_verb = {
	.name = "run",
	.short_help = "Run a particular image on the cluster",
	.usage = "kubectl run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]",
	.flags = run_flags,
	.exec = run_exec,
};
