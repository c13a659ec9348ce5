/*
 * info.c - what kubectl says about the cluster itself: `kubectl version`,
 * `kubectl cluster-info` and `kubectl api-resources`, after
 * staging/src/k8s.io/kubectl/pkg/cmd/{version,clusterinfo,apiresources}.
 *
 * The simulated API server is v1.32.0 at kind's usual address and serves
 * only the resources kubesim models, so api-resources lists those and no
 * others: a learner who looks for deployments there learns why
 * `kubectl get deploy` fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apiserver/discovery.h"
#include "kubectl/kctl.h"
#include "kubectl/table.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

#define KS_CLIENT_VERSION "v1.32.0"
#define KS_SERVER_VERSION "v1.32.0"
#define KS_KUSTOMIZE_VERSION "v5.5.0"
#define KS_SERVER_URL "https://127.0.0.1:6443"

static const struct kctl_flag version_flags[] = {
	{"client", 0, KF_BOOL, NULL, "If true, shows client version only (no server required).", NULL},
	{"output", 'o', KF_STRING, NULL, "One of 'yaml' or 'json'.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* version.Info, in JSON (struct order, 2-space indent) or YAML (sorted keys). */
static void
version_info(struct kctl_call *call, const char *key, const char *git_version, bool yaml)
{
	static const char commit[] = "70d3cc986aa8221cd1dfb1121852688902d3bf53";
	static const char built[] = "2024-12-11T18:04:20Z";

	if (yaml)
		kctl_out(call->res,
		    "%s:\n  buildDate: \"%s\"\n  compiler: gc\n  gitCommit: %s\n  gitTreeState: clean\n"
		    "  gitVersion: %s\n  goVersion: go1.23.3\n  major: \"1\"\n  minor: \"32\"\n"
		    "  platform: linux/amd64\n",
		    key, built, commit, git_version);
	else
		kctl_out(call->res,
		    "  \"%s\": {\n    \"major\": \"1\",\n    \"minor\": \"32\",\n    \"gitVersion\": \"%s\",\n"
		    "    \"gitCommit\": \"%s\",\n    \"gitTreeState\": \"clean\",\n    \"buildDate\": \"%s\",\n"
		    "    \"goVersion\": \"go1.23.3\",\n    \"compiler\": \"gc\",\n    \"platform\": \"linux/amd64\"\n  }",
		    key, git_version, commit, built);
}

static void
version_json(struct kctl_call *call, bool client_only, bool yaml)
{
	if (yaml) {
		version_info(call, "clientVersion", KS_CLIENT_VERSION, true);
		kctl_out(call->res, "kustomizeVersion: %s\n", KS_KUSTOMIZE_VERSION);
		if (!client_only)
			version_info(call, "serverVersion", KS_SERVER_VERSION, true);
		/* version.go prints the marshalled YAML, newline and all, with Fprintln. */
		kctl_out(call->res, "\n");
		return;
	}
	kctl_out(call->res, "{\n");
	version_info(call, "clientVersion", KS_CLIENT_VERSION, false);
	kctl_out(call->res, ",\n  \"kustomizeVersion\": \"%s\"", KS_KUSTOMIZE_VERSION);
	if (!client_only) {
		kctl_out(call->res, ",\n");
		version_info(call, "serverVersion", KS_SERVER_VERSION, false);
	}
	kctl_out(call->res, "\n}\n");
}

static int
version_exec(struct kctl_call *call)
{
	const char *o = kctl_str(call, "output");
	bool client_only = kctl_bool(call, "client");

	if (call->n_args > 0)
		return kctl_usage_error(call, "unexpected arguments: %s", call->args[0]);
	if (strcmp(o, "json") == 0 || strcmp(o, "yaml") == 0) {
		version_json(call, client_only, strcmp(o, "yaml") == 0);
		return 0;
	}
	if (o[0] != '\0')
		return kctl_error(call, "--output must be 'yaml' or 'json'");
	kctl_out(call->res, "Client Version: %s\nKustomize Version: %s\n", KS_CLIENT_VERSION,
	    KS_KUSTOMIZE_VERSION);
	if (!client_only)
		kctl_out(call->res, "Server Version: %s\n", KS_SERVER_VERSION);
	return 0;
}

const struct kctl_verb kctl_version_verb = {
	.name = "version",
	.short_help = "Print the client and server version information",
	.usage = "kubectl version [flags] [options]",
	.flags = version_flags,
	.exec = version_exec,
};

static const struct kctl_flag cluster_info_flags[] = {
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static int
cluster_info_exec(struct kctl_call *call)
{
	if (call->n_args > 0 && strcmp(call->args[0], "dump") == 0)
		return kctl_error(call, "cluster-info dump is not simulated; use kubectl get "
					"nodes,pods,ds -A -o yaml");
	if (call->n_args > 0)
		return kctl_usage_error(call, "unexpected arguments: %s", call->args[0]);
	/* kind's control plane; kubesim runs no CoreDNS, so there is no second line. */
	kctl_out(call->res,
	    "Kubernetes control plane is running at %s\n"
	    "\n"
	    "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
	    KS_SERVER_URL);
	return 0;
}

const struct kctl_verb kctl_cluster_info_verb = {
	.name = "cluster-info",
	.short_help = "Display cluster information",
	.usage = "kubectl cluster-info [flags] [options]",
	.flags = cluster_info_flags,
	.exec = cluster_info_exec,
};

static const struct kctl_flag api_resources_flags[] = {
	{"output", 'o', KF_STRING, NULL, "Output format. One of: (wide, name).", NULL},
	{"no-headers", 0, KF_BOOL, NULL, "When using the default or custom-column output format, don't print headers (default print headers).", NULL},
	{"namespaced", 0, KF_BOOL, "true", "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.", NULL},
	{"api-group", 0, KF_STRING, NULL, "Limit to resources in the specified API group.", NULL},
	{"sort-by", 0, KF_STRING, NULL, "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.", NULL},
	{"verbs", 0, KF_STRING, NULL, "Limit to resources that support the specified verbs.", NULL},
	{"categories", 0, KF_STRING, NULL, "Limit to resources that belong to the specified categories.", NULL},
	{"cached", 0, KF_BOOL, NULL, "Use the cached list of resources if available.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* Does the comma-separated list have every item of the comma-separated want? (sets.HasAll) */
static bool
has_all(const char *list, const char *want)
{
	char *copy = xstrdup(want), *save = NULL;
	bool ok = true;

	for (char *w = strtok_r(copy, ",", &save); w != NULL && ok; w = strtok_r(NULL, ",", &save)) {
		size_t n = strlen(w);
		const char *p = list ? list : "";

		ok = false;
		while (*p != '\0' && !ok) {
			size_t len = strcspn(p, ",");

			ok = len == n && strncmp(p, w, n) == 0;
			p += len + (p[len] == ',');
		}
	}
	free(copy);
	return ok;
}

static const char *sort_field; /* --sort-by, for cmp_resource */

/* The API group of "group/version" ("" for the core group's "v1"), as a length. */
static size_t
group_len(const char *gv)
{
	const char *slash = strchr(gv, '/');

	return slash ? (size_t)(slash - gv) : 0;
}

/* Compare the API groups of two group versions as strings. */
static int
group_cmp(const char *a, const char *b)
{
	size_t la = group_len(a), lb = group_len(b);
	int c = strncmp(a, b, la < lb ? la : lb);

	return c != 0 ? c : (la > lb) - (la < lb);
}

/*
 * sortableResource.Less under sort.Stable: by --sort-by's field (the API
 * group when none), then by name; the index keeps qsort stable.
 */
static int
cmp_resource(const void *a, const void *b)
{
	const struct api_resource *x = *(const struct api_resource *const *)a;
	const struct api_resource *y = *(const struct api_resource *const *)b;
	int c;

	if (strcmp(sort_field, "name") == 0)
		c = strcmp(x->name, y->name);
	else if (strcmp(sort_field, "kind") == 0)
		c = strcmp(x->kind, y->kind);
	else
		c = group_cmp(x->group_version, y->group_version);
	if (c == 0)
		c = strcmp(x->name, y->name);
	if (c == 0)
		c = x < y ? -1 : x > y;
	return c;
}

static int
api_resources_exec(struct kctl_call *call)
{
	const char *o = kctl_str(call, "output");
	const char *group = kctl_str(call, "api-group");
	const char *sort_by = kctl_str(call, "sort-by");
	bool filter_ns = kctl_given(call, "namespaced");
	bool want_ns = strcmp(kctl_str(call, "namespaced"), "false") != 0;
	bool wide = strcmp(o, "wide") == 0;
	const struct api_resource **picked;
	size_t n = 0;
	struct table *t;
	struct strbuf text = STRBUF_INIT;

	/* APIResourceOptions.Validate */
	if (o[0] != '\0' && !wide && strcmp(o, "name") != 0)
		return kctl_error(call, "--output %s is not available", o);
	if (sort_by[0] != '\0' && strcmp(sort_by, "name") != 0 && strcmp(sort_by, "kind") != 0)
		return kctl_error(call, "--sort-by accepts only name or kind");
	if (call->n_args > 0)
		return kctl_usage_error(call, "unexpected arguments: %s", call->args[0]);
	picked = xcalloc(api_n_resources, sizeof *picked);
	for (size_t i = 0; i < api_n_resources; i++) {
		const struct api_resource *r = &api_resources[i];

		if (kctl_given(call, "api-group") &&
		    (strlen(group) != group_len(r->group_version) ||
			strncmp(group, r->group_version, group_len(r->group_version)) != 0))
			continue;
		if (filter_ns && r->namespaced != want_ns)
			continue;
		if (kctl_str(call, "verbs")[0] != '\0' && !has_all(r->verbs, kctl_str(call, "verbs")))
			continue;
		if (kctl_str(call, "categories")[0] != '\0' && !has_all(r->categories, kctl_str(call, "categories")))
			continue;
		picked[n++] = r;
	}
	sort_field = sort_by;
	qsort(picked, n, sizeof picked[0], cmp_resource);
	t = table_new();
	table_header(t, (const char *const[]){"Name", "Shortnames", "Apiversion", "Namespaced", "Kind"},
	    5);
	if (wide) {
		table_add_column(t, "Verbs");
		table_add_column(t, "Categories");
	}
	for (size_t i = 0; i < n; i++) {
		const struct api_resource *r = picked[i];

		size_t glen = group_len(r->group_version);

		if (strcmp(o, "name") == 0) {
			kctl_out(call->res, "%s%s%.*s\n", r->name, glen ? "." : "", (int)glen,
			    r->group_version);
			continue;
		}
		table_row(t);
		table_cell(t, r->name);
		table_cell(t, r->short_name ? r->short_name : "");
		table_cell(t, r->group_version);
		table_cell(t, r->namespaced ? "true" : "false");
		table_cell(t, r->kind);
		if (wide) {
			/* printContextHeaders / wide: strings.Join(verbs, ","), strings.Join(categories, ","). */
			table_cell(t, r->verbs);
			table_cell(t, r->categories ? r->categories : "");
		}
	}
	if (strcmp(o, "name") != 0)
		table_render(t, kctl_bool(call, "no-headers"), &text);
	kctl_out(call->res, "%s", sb_str(&text));
	sb_free(&text);
	table_free(t);
	free(picked);
	return 0;
}

const struct kctl_verb kctl_api_resources_verb = {
	.name = "api-resources",
	.short_help = "Print the supported API resources on the server",
	.usage = "kubectl api-resources [flags] [options]",
	.flags = api_resources_flags,
	.exec = api_resources_exec,
};
