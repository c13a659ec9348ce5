/*
 * absent.c - kubectl v1.32's commands kubesim does not simulate (logs,
 * exec, top, config, ...), and the `create` generators for kinds it
 * does not simulate (deployment, configmap, secret).
 *
 * A learner's first try is often the bare command or a wrong flag: those
 * get the real kubectl's client-side errors, worded as v1.32 words them
 * (each check cites the source it copies). A well-formed call gets one line
 * saying kubesim does not simulate it, rather than pretending. The flag
 * tables are the real commands' (kubectl X --help, v1.32), so a flag
 * kubectl has is taken and one it lacks gets pflag's error.
 *
 * What can simply work does: `api-versions` lists the group versions
 * kubesim serves, `top node|pod` says what kubectl says without a metrics
 * server, and `config` reads kubesim's kubeconfig (see kctl.c's
 * KCTL_KUBECONFIG_NAME): one context, cluster and user named "kubesim".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include "cluster.h"
#include "api/store.h"
#include "apiserver/discovery.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* Flags several of these commands share, with kubectl's help texts. */
#define F_SELECTOR {"selector", 'l', KF_STRING, "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.", NULL}
#define F_POD_RUNNING_TIMEOUT {"pod-running-timeout", 0, KF_DURATION, "1m0s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running", NULL}
#define F_ALLOW_MISSING_TEMPLATE_KEYS {"allow-missing-template-keys", 0, KF_BOOL, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", NULL}
#define F_KUSTOMIZE {"kustomize", 'k', KF_STRING, "", "Process the kustomization directory. This flag can't be used together with -f or -R.", NULL}
#define F_OUTPUT {"output", 'o', KF_STRING, "", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).", NULL}
#define F_RECURSIVE {"recursive", 'R', KF_BOOL, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.", NULL}
#define F_SAVE_CONFIG {"save-config", 0, KF_BOOL, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.", NULL}
#define F_SHOW_MANAGED_FIELDS {"show-managed-fields", 0, KF_BOOL, "false", "If true, keep the managedFields when printing objects in JSON or YAML format.", NULL}
#define F_TEMPLATE {"template", 0, KF_STRING, "", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].", NULL}
#define F_VALIDATE {"validate", 0, KF_STRING, "strict", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.", NULL}
#define F_OVERRIDE_TYPE {"override-type", 0, KF_STRING, "merge", "The method used to override the generated object: json, merge, or strategic.", NULL}
#define F_OVERRIDES {"overrides", 0, KF_STRING, "", "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.", NULL}
#define F_ALL_NAMESPACES {"all-namespaces", 'A', KF_BOOL, "false", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.", NULL}
#define F_FIELD_SELECTOR {"field-selector", 0, KF_STRING, "", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.", NULL}
#define F_FIELD_MANAGER {"field-manager", 0, KF_STRING, "kubectl-create", "Name of the manager used to track field ownership.", NULL}

static const struct kctl_flag logs_flags[] = {
	{"all-containers", 0, KF_BOOL, "false", "Get all containers' logs in the pod(s).", NULL},
	{"all-pods", 0, KF_BOOL, "false", "Get logs from all pod(s). Sets prefix to true.", NULL},
	{"container", 'c', KF_STRING, "", "Print the logs of this container", NULL},
	{"follow", 'f', KF_BOOL, "false", "Specify if the logs should be streamed.", NULL},
	{"ignore-errors", 0, KF_BOOL, "false", "If watching / following pod logs, allow for any errors that occur to be non-fatal", NULL},
	{"insecure-skip-tls-verify-backend", 0, KF_BOOL, "false", "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.", NULL},
	{"limit-bytes", 0, KF_INT, "0", "Maximum bytes of logs to return. Defaults to no limit.", NULL},
	{"max-log-requests", 0, KF_INT, "5", "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.", NULL},
	{"pod-running-timeout", 0, KF_DURATION, "20s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running", NULL},
	{"prefix", 0, KF_BOOL, "false", "Prefix each log line with the log source (pod name and container name)", NULL},
	{"previous", 'p', KF_BOOL, "false", "If true, print the logs for the previous instance of the container in a pod if it exists.", NULL},
	F_SELECTOR,
	{"since", 0, KF_DURATION, "0s", "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.", NULL},
	{"since-time", 0, KF_STRING, "", "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.", NULL},
	{"tail", 0, KF_INT, "-1", "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.", NULL},
	{"timestamps", 0, KF_BOOL, "false", "Include timestamps on each line in the log output", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag exec_flags[] = {
	{"container", 'c', KF_STRING, "", "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen", NULL},
	{"filename", 'f', KF_STRING, "[]", "to use to exec into the resource", NULL},
	F_POD_RUNNING_TIMEOUT,
	{"quiet", 'q', KF_BOOL, "false", "Only print output from the remote session", NULL},
	{"stdin", 'i', KF_BOOL, "false", "Pass stdin to the container", NULL},
	{"tty", 't', KF_BOOL, "false", "Stdin is a TTY", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag edit_flags[] = {
	F_ALLOW_MISSING_TEMPLATE_KEYS,
	{"field-manager", 0, KF_STRING, "kubectl-edit", "Name of the manager used to track field ownership.", NULL},
	{"filename", 'f', KF_STRING, "[]", "Filename, directory, or URL to files to use to edit the resource", NULL},
	F_KUSTOMIZE,
	F_OUTPUT,
	{"output-patch", 0, KF_BOOL, "false", "Output the patch if the resource is edited.", NULL},
	F_RECURSIVE,
	F_SAVE_CONFIG,
	F_SHOW_MANAGED_FIELDS,
	{"subresource", 0, KF_STRING, "", "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.", NULL},
	F_TEMPLATE,
	F_VALIDATE,
	{"windows-line-endings", 0, KF_BOOL, "false", "Defaults to the line ending native to your platform.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag expose_flags[] = {
	F_ALLOW_MISSING_TEMPLATE_KEYS,
	{"cluster-ip", 0, KF_STRING, "", "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.", NULL},
	KCTL_DRY_RUN_FLAG,
	{"external-ip", 0, KF_STRING, "", "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.", NULL},
	{"field-manager", 0, KF_STRING, "kubectl-expose", "Name of the manager used to track field ownership.", NULL},
	{"filename", 'f', KF_STRING, "[]", "Filename, directory, or URL to files identifying the resource to expose a service", NULL},
	F_KUSTOMIZE,
	{"labels", 'l', KF_STRING, "", "Labels to apply to the service created by this call.", NULL},
	{"load-balancer-ip", 0, KF_STRING, "", "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).", NULL},
	{"name", 0, KF_STRING, "", "The name for the newly created object.", NULL},
	F_OUTPUT,
	F_OVERRIDE_TYPE,
	F_OVERRIDES,
	{"port", 0, KF_STRING, "", "The port that the service should serve on. Copied from the resource being exposed, if unspecified", NULL},
	{"protocol", 0, KF_STRING, "", "The network protocol for the service to be created. Default is 'TCP'.", NULL},
	F_RECURSIVE,
	F_SAVE_CONFIG,
	{"selector", 0, KF_STRING, "", "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)", NULL},
	{"session-affinity", 0, KF_STRING, "", "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'", NULL},
	F_SHOW_MANAGED_FIELDS,
	{"target-port", 0, KF_STRING, "", "Name or number for the port on the container that the service should direct traffic to. Optional.", NULL},
	F_TEMPLATE,
	{"type", 0, KF_STRING, "", "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag port_forward_flags[] = {
	{"address", 0, KF_STRING, "[localhost]", "Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.", NULL},
	F_POD_RUNNING_TIMEOUT,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag wait_flags[] = {
	{"all", 0, KF_BOOL, "false", "Select all resources in the namespace of the specified resource types", NULL},
	F_ALL_NAMESPACES,
	F_ALLOW_MISSING_TEMPLATE_KEYS,
	F_FIELD_SELECTOR,
	{"filename", 'f', KF_STRING, "[]", "identifying the resource.", NULL},
	{"for", 0, KF_STRING, "", "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.", NULL},
	{"local", 0, KF_BOOL, "false", "If true, annotation will NOT contact api-server but run locally.", NULL},
	F_OUTPUT,
	{"recursive", 'R', KF_BOOL, "true", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.", NULL},
	{"selector", 'l', KF_STRING, "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)", NULL},
	F_SHOW_MANAGED_FIELDS,
	F_TEMPLATE,
	{"timeout", 0, KF_DURATION, "30s", "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag diff_flags[] = {
	{"concurrency", 0, KF_INT, "1", "Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.", NULL},
	{"field-manager", 0, KF_STRING, "kubectl-client-side-apply", "Name of the manager used to track field ownership.", NULL},
	{"filename", 'f', KF_STRING, "[]", "Filename, directory, or URL to files contains the configuration to diff", NULL},
	{"force-conflicts", 0, KF_BOOL, "false", "If true, server-side apply will force the changes against conflicts.", NULL},
	F_KUSTOMIZE,
	{"prune", 0, KF_BOOL, "false", "Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned", NULL},
	{"prune-allowlist", 0, KF_STRING, "[]", "Overwrite the default allowlist with <group/version/kind> for --prune", NULL},
	F_RECURSIVE,
	F_SELECTOR,
	{"server-side", 0, KF_BOOL, "false", "If true, apply runs in the server instead of the client.", NULL},
	{"show-managed-fields", 0, KF_BOOL, "false", "If true, include managed fields in the diff.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag proxy_flags[] = {
	{"accept-hosts", 0, KF_STRING, "^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$", "Regular expression for hosts that the proxy should accept.", NULL},
	{"accept-paths", 0, KF_STRING, "^.*", "Regular expression for paths that the proxy should accept.", NULL},
	{"address", 0, KF_STRING, "127.0.0.1", "The IP address on which to serve on.", NULL},
	{"api-prefix", 0, KF_STRING, "/", "Prefix to serve the proxied API under.", NULL},
	{"append-server-path", 0, KF_BOOL, "false", "If true, enables automatic path appending of the kube context server path to each request.", NULL},
	{"disable-filter", 0, KF_BOOL, "false", "If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port.", NULL},
	{"keepalive", 0, KF_DURATION, "0s", "keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive.", NULL},
	{"port", 'p', KF_INT, "8001", "The port on which to run the proxy. Set to 0 to pick a random port.", NULL},
	{"reject-methods", 0, KF_STRING, "^$", "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH').", NULL},
	{"reject-paths", 0, KF_STRING, "^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach", "Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths.", NULL},
	{"unix-socket", 'u', KF_STRING, "", "Unix socket on which to run the proxy.", NULL},
	{"www", 'w', KF_STRING, "", "Also serve static files from the given directory under the specified prefix.", NULL},
	{"www-prefix", 'P', KF_STRING, "/static/", "Prefix to serve static files under, if static file directory is specified.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag kustomize_flags[] = {
	{"as-current-user", 0, KF_BOOL, "false", "use the uid and gid of the command executor to run the function in the container", NULL},
	{"enable-alpha-plugins", 0, KF_BOOL, "false", "enable kustomize plugins", NULL},
	{"enable-helm", 0, KF_BOOL, "false", "Enable use of the Helm chart inflator generator.", NULL},
	{"env", 'e', KF_STRING, "[]", "a list of environment variables to be used by functions", NULL},
	{"helm-api-versions", 0, KF_STRING, "[]", "Kubernetes api versions used by Helm for Capabilities.APIVersions", NULL},
	{"helm-command", 0, KF_STRING, "helm", "helm command (path to executable)", NULL},
	{"helm-debug", 0, KF_BOOL, "false", "Enable debug output from the Helm chart inflator generator.", NULL},
	{"helm-kube-version", 0, KF_STRING, "", "Kubernetes version used by Helm for Capabilities.KubeVersion", NULL},
	{"load-restrictor", 0, KF_STRING, "LoadRestrictionsRootOnly", "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization.", NULL},
	{"mount", 0, KF_STRING, "[]", "a list of storage options read from the filesystem", NULL},
	{"network", 0, KF_BOOL, "false", "enable network access for functions that declare it", NULL},
	{"network-name", 0, KF_STRING, "bridge", "the docker network to run the container in", NULL},
	{"output", 'o', KF_STRING, "", "If specified, write output to this path.", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag top_flags[] = {
	{"no-headers", 0, KF_BOOL, "false", "If present, print output without headers", NULL},
	F_SELECTOR,
	{"show-capacity", 0, KF_BOOL, "false", "Print node resources based on Capacity instead of Allocatable(default) of the nodes.", NULL},
	{"sort-by", 0, KF_STRING, "", "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.", NULL},
	{"use-protocol-buffers", 0, KF_BOOL, "true", "Enables using protocol-buffers to access Metrics API.", NULL},
	F_ALL_NAMESPACES,
	{"containers", 0, KF_BOOL, "false", "If present, print usage of containers within a pod.", NULL},
	F_FIELD_SELECTOR,
	{"sum", 0, KF_BOOL, "false", "Print the sum of the resource usage", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
/* top node */ static const char *const top_node_flags[] = {"no-headers", "selector", "show-capacity", "sort-by", "use-protocol-buffers", NULL};
/* top pod */ static const char *const top_pod_flags[] = {"all-namespaces", "containers", "field-selector", "no-headers", "selector", "sort-by", "sum", "use-protocol-buffers", NULL};
static const struct kctl_flag plugin_flags[] = {
	{"name-only", 0, KF_BOOL, "false", "If true, display only the binary name of each plugin, rather than its full path", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag config_flags[] = {
	F_ALLOW_MISSING_TEMPLATE_KEYS,
	{"flatten", 0, KF_BOOL, "false", "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)", NULL},
	{"merge", 0, KF_BOOL, "true", "Merge the full hierarchy of kubeconfig files", NULL},
	{"minify", 0, KF_BOOL, "false", "Remove all information not used by current-context from the output", NULL},
	{"output", 'o', KF_STRING, "yaml", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).", NULL},
	{"raw", 0, KF_BOOL, "false", "Display raw byte data and sensitive data", NULL},
	F_SHOW_MANAGED_FIELDS,
	F_TEMPLATE,
	{"no-headers", 0, KF_BOOL, "false", "When using the default or custom-column output format, don't print headers (default print headers).", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
/* config view */ static const char *const config_view_flags[] = {"allow-missing-template-keys", "flatten", "merge", "minify", "output", "raw", "show-managed-fields", "template", NULL};
/* config current-context, use-context */ static const char *const config_current_context_flags[] = {NULL};
/* config get-contexts */ static const char *const config_get_contexts_flags[] = {"no-headers", "output", NULL};
static const struct kctl_flag create_deployment_flags[] = {
	F_ALLOW_MISSING_TEMPLATE_KEYS,
	KCTL_DRY_RUN_FLAG,
	F_FIELD_MANAGER,
	{"image", 0, KF_STRING, "[]", "Image names to run. A deployment can have multiple images set for multi-container pod.", NULL},
	F_OUTPUT,
	{"port", 0, KF_INT, "-1", "The containerPort that this deployment exposes.", NULL},
	{"replicas", 'r', KF_INT, "1", "Number of replicas to create. Default is 1.", NULL},
	F_SAVE_CONFIG,
	F_SHOW_MANAGED_FIELDS,
	F_TEMPLATE,
	F_VALIDATE,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag create_configmap_flags[] = {
	F_ALLOW_MISSING_TEMPLATE_KEYS,
	{"append-hash", 0, KF_BOOL, "false", "Append a hash of the configmap to its name.", NULL},
	KCTL_DRY_RUN_FLAG,
	F_FIELD_MANAGER,
	{"from-env-file", 0, KF_STRING, "[]", "Specify the path to a file to read lines of key=val pairs to create a configmap.", NULL},
	{"from-file", 0, KF_STRING, "[]", "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.", NULL},
	{"from-literal", 0, KF_STRING, "[]", "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)", NULL},
	F_OUTPUT,
	F_SAVE_CONFIG,
	F_SHOW_MANAGED_FIELDS,
	F_TEMPLATE,
	F_VALIDATE,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
static const struct kctl_flag create_secret_flags[] = {
	F_ALLOW_MISSING_TEMPLATE_KEYS,
	{"append-hash", 0, KF_BOOL, "false", "Append a hash of the secret to its name.", NULL},
	KCTL_DRY_RUN_FLAG,
	F_FIELD_MANAGER,
	{"from-env-file", 0, KF_STRING, "[]", "Specify the path to a file to read lines of key=val pairs to create a secret.", NULL},
	{"from-file", 0, KF_STRING, "[]", "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.", NULL},
	{"from-literal", 0, KF_STRING, "[]", "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)", NULL},
	F_OUTPUT,
	F_SAVE_CONFIG,
	F_SHOW_MANAGED_FIELDS,
	F_TEMPLATE,
	{"type", 0, KF_STRING, "", "The type of secret to create", NULL},
	F_VALIDATE,
	{"cert", 0, KF_STRING, "", "Path to PEM encoded public key certificate.", NULL},
	{"key", 0, KF_STRING, "", "Path to private key associated with given certificate.", NULL},
	{"docker-email", 0, KF_STRING, "", "Email for Docker registry", NULL},
	{"docker-password", 0, KF_STRING, "", "Password for Docker registry authentication", NULL},
	{"docker-server", 0, KF_STRING, "https://index.docker.io/v1/", "Server location for Docker registry", NULL},
	{"docker-username", 0, KF_STRING, "", "Username for Docker registry authentication", NULL},
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};
/* create secret generic */ static const char *const create_secret_generic_flags[] = {"allow-missing-template-keys", "append-hash", "dry-run", "field-manager", "from-env-file", "from-file", "from-literal", "output", "save-config", "show-managed-fields", "template", "type", "validate", NULL};
/* create secret tls */ static const char *const create_secret_tls_flags[] = {"allow-missing-template-keys", "append-hash", "cert", "dry-run", "field-manager", "key", "output", "save-config", "show-managed-fields", "template", "validate", NULL};
/* create secret docker-registry */ static const char *const create_secret_docker_registry_flags[] = {"allow-missing-template-keys", "append-hash", "docker-email", "docker-password", "docker-server", "docker-username", "dry-run", "field-manager", "from-file", "output", "save-config", "show-managed-fields", "template", "validate", NULL};
static const struct kctl_flag api_versions_flags[] = {
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

/* The one line for a well-formed call of what kubesim leaves out. */
static int
not_simulated(struct kctl_call *call, const char *what)
{
	return kctl_error(call, "kubesim does not simulate %s", what);
}

/* An argument as kubectl's builder reads it: "TYPE/NAME", or a pod's name. */
static const char *
pod_name(const char *arg)
{
	const char *slash = strchr(arg, '/');

	return slash != NULL ? slash + 1 : arg;
}

/* A pod the arguments name, when it is not there: the error the command gives. */
static bool
missing_pod(struct kctl_call *call, const char *arg, const char *prefix)
{
	const char *slash = strchr(arg, '/');
	enum kind k = KIND_POD;

	if (slash != NULL) {
		char type[128];

		snprintf(type, sizeof type, "%.*s", (int)(slash - arg), arg);
		if (kctl_resource(type, &k) < 0 || k != KIND_POD)
			return false;
	}
	if (store_get(call->c->store, KIND_POD, call->ns, pod_name(arg)) != NULL)
		return false;
	kctl_err(call->res, "%spods \"%s\" not found%s%s%s\n", prefix, pod_name(arg),
	    prefix[0] == 'e' ? " in namespace \"" : "", prefix[0] == 'e' ? call->ns : "",
	    prefix[0] == 'e' ? "\"" : "");
	call->res->status = 1;
	return true;
}

/* logs.go Complete: a pod is required; logsForObject asks for the pod first. */
static int
logs_exec(struct kctl_call *call)
{
	if ((call->n_args == 0 && !kctl_given(call, "selector")) || call->n_args > 2) {
		kctl_err(call->res, "%s",
		    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
		    "POD or TYPE/NAME is a required argument for the logs command\n"
		    "See 'kubectl logs -h' for help and examples\n");
		return call->res->status = 1;
	}
	if (call->n_args > 0 && missing_pod(call, call->args[0], "error: error from server (NotFound): "))
		return 1;
	return not_simulated(call, "container logs (kubectl logs)");
}

/* exec.go Complete: "pod, type/name or --filename must be specified", then a command. */
static int
exec_exec(struct kctl_call *call)
{
	if (call->n_args == 0 && !kctl_given(call, "filename"))
		return kctl_error(call, "pod, type/name or --filename must be specified");
	if (call->n_args < 2)
		return kctl_error(call, "you must specify at least one command for the container");
	return not_simulated(call, "running commands in containers (kubectl exec)");
}

/*
 * An object "TYPE NAME" or "TYPE/NAME" names that is not there: the
 * builder's NotFound, as get prints it.
 */
static bool
missing_object(struct kctl_call *call)
{
	const char *type = call->args[0], *name = NULL, *slash = strchr(type, '/');
	char buf[128];
	enum kind k;

	if (slash != NULL) {
		snprintf(buf, sizeof buf, "%.*s", (int)(slash - type), type);
		type = buf;
		name = slash + 1;
	} else if (call->n_args > 1)
		name = call->args[1];
	if (name == NULL || kctl_resource(type, &k) < 0 ||
	    store_get(call->c->store, k, kind_namespaced(k) ? call->ns : NULL, name) != NULL)
		return false;
	kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n", kind_resource(k), name);
	call->res->status = 1;
	return true;
}

/* edit and expose: the builder's "You must provide one or more resources". */
static int
edit_exec(struct kctl_call *call)
{
	if (call->n_args == 0 && !kctl_given(call, "filename"))
		return kctl_no_resources_error(call);
	if (call->n_args > 0 && missing_object(call))
		return 1;
	return not_simulated(call, "kubectl edit (it opens an editor; use kubectl label, annotate, set image, replace or apply)");
}

static int
expose_exec(struct kctl_call *call)
{
	if (call->n_args == 0 && !kctl_given(call, "filename"))
		return kctl_no_resources_error(call);
	return not_simulated(call, "services (kubectl expose)");
}

static const char top_help[] =
    "Display resource (CPU/memory) usage.\n\n"
    " The top command allows you to see the resource consumption for nodes or pods.\n\n"
    " This command requires Metrics Server to be correctly configured and working on the server.\n\n"
    "Available Commands:\n"
    "  node          Display resource (CPU/memory) usage of nodes\n"
    "  pod           Display resource (CPU/memory) usage of pods\n\n"
    "Usage:\n  kubectl top [flags] [options]\n\n"
    "Use \"kubectl top <command> --help\" for more information about a given command.\n"
    "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

static bool
word_in(const char *w, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++)
		if (strcmp(w, words[i]) == 0)
			return true;
	return false;
}

static const char *const top_node_words[] = {"node", "nodes", "no", NULL};
static const char *const top_pod_words[] = {"pod", "pods", "po", NULL};

/*
 * top.go: the bare command prints its help on stderr (exit 1); top node and
 * top pod need the metrics API, which kubesim serves no more than a
 * cluster without metrics-server: top_node.go's "Metrics API not available".
 */
static int
top_exec(struct kctl_call *call)
{
	if (call->n_args == 0) {
		kctl_err(call->res, "%s", top_help);
		return call->res->status = 1;
	}
	if (!word_in(call->args[0], top_node_words) && !word_in(call->args[0], top_pod_words))
		return kctl_unknown_subcommand(call);
	return kctl_error(call, "Metrics API not available");
}

static const char *const *
top_sub_flags(const char *sub)
{
	if (word_in(sub, top_node_words))
		return top_node_flags;
	if (word_in(sub, top_pod_words))
		return top_pod_flags;
	return NULL;
}

/* portforward.go Complete. */
static int
port_forward_exec(struct kctl_call *call)
{
	if (call->n_args < 2)
		return kctl_usage_error(call, "TYPE/NAME and list of ports are required for port-forward");
	if (missing_pod(call, call->args[0], "Error from server (NotFound): "))
		return 1;
	return not_simulated(call, "port forwarding (kubectl port-forward)");
}

/* wait.go conditionFuncFor: the condition is checked before the resources. */
static int
wait_exec(struct kctl_call *call)
{
	const char *cond = kctl_str(call, "for");

	if (strcmp(cond, "delete") != 0 && strcmp(cond, "create") != 0 &&
	    strncmp(cond, "condition=", 10) != 0 && strncmp(cond, "jsonpath=", 9) != 0)
		return kctl_error(call, "unrecognized condition: \"%s\"", cond);
	if (call->n_args == 0 && !kctl_given(call, "filename"))
		return kctl_no_resources_error(call);
	return not_simulated(call, "kubectl wait (kubectl rollout status waits for a DaemonSet)");
}

/* diff.go: errors exit 2 (diff's own exit codes: 1 means "differs"). */
static int
diff_exec(struct kctl_call *call)
{
	const char *f = kctl_str(call, "filename");
	struct stat st;

	if (!kctl_given(call, "filename") && !kctl_given(call, "kustomize"))
		kctl_error(call, "must specify one of -f and -k");
	else if (kctl_given(call, "filename") && strcmp(f, "-") != 0 && stat(f, &st) != 0)
		kctl_error(call, "the path \"%s\" does not exist", f);
	else
		not_simulated(call, "kubectl diff (kubectl apply --dry-run=server -o yaml shows what apply would make)");
	return call->res->status = 2;
}

static int
proxy_exec(struct kctl_call *call)
{
	return not_simulated(call, "kubectl proxy (kubesim's kubectl talks to the practice cluster directly)");
}

/* kustomize's build: the directory is checked first (krusty MakeKustomizer's loader). */
static int
kustomize_exec(struct kctl_call *call)
{
	const char *dir = call->n_args > 0 ? call->args[0] : ".";
	struct stat st;

	if (stat(dir, &st) != 0)
		return kctl_error(call, "must build at directory: not a valid directory: evalsymlink failure on '%s' : lstat %s: %s",
		    dir, dir, errno == ENOENT ? "no such file or directory" : strerror(errno));
	return not_simulated(call, "kustomize (kubectl kustomize)");
}

static const char plugin_help[] =
    "Provides utilities for interacting with plugins.\n\n"
    " Plugins provide extended functionality that is not part of the major command-line distribution. Please refer to the documentation and examples for more information about how write your own plugins.\n\n"
    " The easiest way to discover and install plugins is via the kubernetes sub-project krew: [krew.sigs.k8s.io]. To install krew, visit https://krew.sigs.k8s.io/docs/user-guide/setup/install\n\n"
    "Available Commands:\n"
    "  list          List all visible plugin executables on a user's PATH\n\n"
    "Usage:\n  kubectl plugin [flags] [options]\n\n"
    "Use \"kubectl plugin <command> --help\" for more information about a given command.\n"
    "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

/* kubesim's kubectl runs no plugins: it finds none, in plugin.go's words. */
static int
plugin_exec(struct kctl_call *call)
{
	if (call->n_args == 0) {
		kctl_err(call->res, "%s", plugin_help);
		return call->res->status = 1;
	}
	if (strcmp(call->args[0], "list") != 0)
		return kctl_unknown_subcommand(call);
	return kctl_error(call, "unable to find any kubectl plugins in your PATH");
}

/*
 * api-versions.go: every group version discovery lists, sorted as Go
 * sorts strings: those of the kinds kubesim serves (api-resources).
 */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
api_versions_exec(struct kctl_call *call)
{
	const char **gvs = xcalloc(api_n_group_versions + 1, sizeof *gvs);
	size_t n = 0;

	gvs[n++] = "v1";
	for (size_t i = 0; i < api_n_group_versions; i++)
		gvs[n++] = api_group_versions[i];
	qsort(gvs, n, sizeof *gvs, cmp_str);
	for (size_t i = 0; i < n; i++)
		kctl_out(call->res, "%s\n", gvs[i]);
	free(gvs);
	return 0;
}

/* ---- config: kubesim's kubeconfig, read-only ---- */

/*
 * The kubeconfig kubesim's kubectl stands for, as `kubectl config view`
 * prints it: no server, since this kubectl reaches the practice cluster
 * without one (the real kubectl prints an empty server as "").
 */
static cJSON *
kubeconfig_doc(void)
{
	cJSON *doc = cJSON_CreateObject(), *arr, *item, *inner;

	cJSON_AddStringToObject(doc, "apiVersion", "v1");
	arr = cJSON_AddArrayToObject(doc, "clusters");
	item = cJSON_CreateObject();
	inner = cJSON_AddObjectToObject(item, "cluster");
	cJSON_AddStringToObject(inner, "server", "");
	cJSON_AddStringToObject(item, "name", "kubesim");
	cJSON_AddItemToArray(arr, item);
	arr = cJSON_AddArrayToObject(doc, "contexts");
	item = cJSON_CreateObject();
	inner = cJSON_AddObjectToObject(item, "context");
	cJSON_AddStringToObject(inner, "cluster", "kubesim");
	cJSON_AddStringToObject(inner, "user", "kubesim");
	cJSON_AddStringToObject(item, "name", "kubesim");
	cJSON_AddItemToArray(arr, item);
	cJSON_AddStringToObject(doc, "current-context", "kubesim");
	cJSON_AddStringToObject(doc, "kind", "Config");
	cJSON_AddObjectToObject(doc, "preferences");
	arr = cJSON_AddArrayToObject(doc, "users");
	item = cJSON_CreateObject();
	cJSON_AddStringToObject(item, "name", "kubesim");
	cJSON_AddObjectToObject(item, "user");
	cJSON_AddItemToArray(arr, item);
	return doc;
}

static const char *const config_subs_absent[] = {"delete-cluster", "delete-context",
	"delete-user", "get-clusters", "get-users", "rename-context", "set", "set-cluster",
	"set-context", "set-credentials", "unset", NULL};

static int
config_exec(struct kctl_call *call)
{
	const char *sub = call->n_args > 0 ? call->args[0] : "";
	const char *output = kctl_str(call, "output");

	if (call->n_args == 0) {
		kctl_err(call->res, "%s",
		    "Modify kubeconfig files using subcommands like \"kubectl config set current-context my-context\".\n\n"
		    "Usage:\n  kubectl config SUBCOMMAND [options]\n\n"
		    "Use \"kubectl config <command> --help\" for more information about a given command.\n"
		    "(kubesim's built-in kubectl: an abridged help; the real kubectl's \"kubectl config --help\" has the full text)\n");
		return call->res->status = 1;
	}
	if (strcmp(sub, "current-context") == 0) {
		kctl_out(call->res, "kubesim\n");
		return 0;
	}
	if (strcmp(sub, "use-context") == 0) {
		if (call->n_args != 2) {
			/* cobra.ExactArgs(1) fails, and use_context.go prints the help (on stdout), exit 1. */
			kctl_out(call->res, "%s",
			    "Set the current-context in a kubeconfig file.\n\nAliases:\nuse-context, use\n\n"
			    "Examples:\n  # Use the context for the minikube cluster\n  kubectl config use-context minikube\n\n"
			    "Usage:\n  kubectl config use-context CONTEXT_NAME [options]\n\n"
			    "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n");
			return call->res->status = 1;
		}
		if (strcmp(call->args[1], "kubesim") != 0)
			return kctl_error(call, "no context exists with the name: \"%s\"", call->args[1]);
		kctl_out(call->res, "Switched to context \"kubesim\".\n");
		return 0;
	}
	if (strcmp(sub, "get-contexts") == 0) {
		/* get-contexts' -o has no default; the table shares view's "yaml". */
		output = kctl_given(call, "output") ? output : "";
		bool found = call->n_args == 1;

		for (size_t i = 1; i < call->n_args; i++)
			found = found || strcmp(call->args[i], "kubesim") == 0;

		/* get_contexts.go RunGetContexts: the table's header, then each name asked for. */
		if (strcmp(output, "name") != 0 && output[0] != '\0')
			return kctl_error(call, "--output %s is not available in kubectl config get-contexts; resetting to default output format",
			    output);
		if (strcmp(output, "name") == 0 && found)
			kctl_out(call->res, "kubesim\n");
		else if (output[0] == '\0') {
			if (!kctl_bool(call, "no-headers"))
				kctl_out(call->res, found ? "CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n"
							  : "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n");
			/* A tabwriter with minimum width 6 and padding 3, the header included or not. */
			if (found)
				kctl_out(call->res, "%s", kctl_bool(call, "no-headers")
							      ? "*     kubesim   kubesim   kubesim   \n"
							      : "*         kubesim   kubesim   kubesim    \n");
		}
		for (size_t i = 1; i < call->n_args; i++)
			if (strcmp(call->args[i], "kubesim") != 0)
				return kctl_error(call, "context %s not found", call->args[i]);
		return 0;
	}
	if (strcmp(sub, "view") == 0) {
		cJSON *doc;
		int rc;

		if (output[0] == '\0')
			output = "yaml";
		if (strcmp(output, "json") != 0 && strcmp(output, "yaml") != 0 &&
		    strncmp(output, "jsonpath=", 9) != 0) {
			if (kctl_template_output(call, output))
				return 1;
			return kctl_error(call, "unable to match a printer suitable for the output format \"%s\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml",
			    output);
		}
		doc = kubeconfig_doc();
		rc = kctl_print_doc(call, output, doc);
		cJSON_Delete(doc);
		return rc;
	}
	if (word_in(sub, config_subs_absent))
		return not_simulated(call, "changing the kubeconfig (kubesim's has one context, \"kubesim\")");
	return kctl_unknown_subcommand(call);
}

static const char *const *
config_sub_flags(const char *sub)
{
	if (strcmp(sub, "view") == 0)
		return config_view_flags;
	if (strcmp(sub, "get-contexts") == 0)
		return config_get_contexts_flags;
	return config_current_context_flags;
}

/* ---- create generators for kinds kubesim does not simulate ---- */

/* create_deployment.go etc.: cobra's required flags, then NameFromCommandArgs. */
static int
create_generator(struct kctl_call *call, const char *what, const char *cmd, size_t first)
{
	if (call->n_args - first != 1) {
		kctl_err(call->res, "error: exactly one NAME is required, got %zu\nSee 'kubectl %s -h' for help and examples\n",
		    call->n_args - first, cmd);
		return call->res->status = 1;
	}
	return not_simulated(call, what);
}

/*
 * The container name createDeployment's buildPodSpec derives from an
 * image: its last path element without tag or digest; sanitizeAndUniquify
 * turns "_" and "." into "-" and adds five random characters, here a
 * hash of the name (utilrand's alphabet) so that runs repeat.
 */
static void
container_name(const char *image, char *buf, size_t len)
{
	static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
	const char *base = strrchr(image, '/') != NULL ? strrchr(image, '/') + 1 : image;
	size_t n = strcspn(base, ":@");
	bool odd = false;
	unsigned long h = 5381;

	snprintf(buf, len, "%.*s", (int)n, base);
	for (char *p = buf; *p != '\0'; p++) {
		h = h * 33 + (unsigned char)*p;
		if (*p == '_' || *p == '.') {
			*p = '-';
			odd = true;
		}
	}
	if (odd && strlen(buf) + 6 < len) {
		size_t at = strlen(buf);

		buf[at++] = '-';
		for (int i = 0; i < 5; i++, h /= 27)
			buf[at++] = alphabet[h % 27];
		buf[at] = '\0';
	}
}

/*
 * create_deployment.go: a client dry run prints the Deployment the
 * generator builds (createDeployment), which needs no server; anything
 * else would create a Deployment, which kubesim does not simulate.
 */
static int
create_deployment_exec(struct kctl_call *call)
{
	const char *name, *image = kctl_str(call, "image"), *output = kctl_str(call, "output");
	cJSON *doc, *meta, *labels, *spec, *sel, *tmpl, *tmeta, *pspec, *containers, *c;
	enum kctl_dry_run dry;
	char cname[256];
	int rc;

	if (!kctl_given(call, "image"))
		return kctl_error(call, "required flag(s) \"image\" not set");
	if (call->n_args != 1)
		return create_generator(call, "", "create deployment", 0);
	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	if (dry != KCTL_DRY_CLIENT)
		return not_simulated(call, "Deployments (kubesim simulates DaemonSets; --dry-run=client prints the one kubectl would create)");
	name = call->args[0];
	if (output[0] == '\0') {
		kctl_out(call->res, "deployment.apps/%s created (dry run)\n", name);
		return 0;
	}
	if (strcmp(output, "name") == 0) {
		kctl_out(call->res, "deployment.apps/%s\n", name);
		return 0;
	}
	/* In the typed object's field order, as kubectl's JSON printer prints it. */
	doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "kind", "Deployment");
	cJSON_AddStringToObject(doc, "apiVersion", "apps/v1");
	meta = cJSON_AddObjectToObject(doc, "metadata");
	cJSON_AddStringToObject(meta, "name", name);
	if (call->ns_set)
		cJSON_AddStringToObject(meta, "namespace", call->ns);
	cJSON_AddNullToObject(meta, "creationTimestamp");
	labels = cJSON_AddObjectToObject(meta, "labels");
	cJSON_AddStringToObject(labels, "app", name);
	spec = cJSON_AddObjectToObject(doc, "spec");
	cJSON_AddNumberToObject(spec, "replicas", (double)kctl_int(call, "replicas"));
	sel = cJSON_AddObjectToObject(spec, "selector");
	cJSON_AddItemToObject(sel, "matchLabels", cJSON_Duplicate(labels, true));
	tmpl = cJSON_AddObjectToObject(spec, "template");
	tmeta = cJSON_AddObjectToObject(tmpl, "metadata");
	cJSON_AddNullToObject(tmeta, "creationTimestamp");
	cJSON_AddItemToObject(tmeta, "labels", cJSON_Duplicate(labels, true));
	pspec = cJSON_AddObjectToObject(tmpl, "spec");
	containers = cJSON_AddArrayToObject(pspec, "containers");
	c = cJSON_CreateObject();
	container_name(image, cname, sizeof cname);
	cJSON_AddStringToObject(c, "name", cname);
	cJSON_AddStringToObject(c, "image", image);
	if (kctl_int(call, "port") >= 0) {
		cJSON *ports = cJSON_AddArrayToObject(c, "ports"), *p = cJSON_CreateObject();

		cJSON_AddNumberToObject(p, "containerPort", (double)kctl_int(call, "port"));
		cJSON_AddItemToArray(ports, p);
	}
	cJSON_AddObjectToObject(c, "resources");
	cJSON_AddItemToArray(containers, c);
	/* DeploymentSpec: replicas, selector, template, strategy. */
	cJSON_AddObjectToObject(spec, "strategy");
	cJSON_AddObjectToObject(doc, "status");
	rc = kctl_print_typed_doc(call, output, doc);
	cJSON_Delete(doc);
	return rc;
}

static int
create_configmap_exec(struct kctl_call *call)
{
	return create_generator(call, "ConfigMaps", "create configmap", 0);
}

static const char secret_help[] =
    "Create a secret with specified type.\n\n"
    " A docker-registry type secret is for accessing a container registry.\n\n"
    " A generic type secret indicate an Opaque secret type.\n\n"
    " A tls type secret holds TLS certificate and its associated key.\n\n"
    "Available Commands:\n"
    "  docker-registry   Create a secret for use with a Docker registry\n"
    "  generic           Create a secret from a local file, directory, or literal value\n"
    "  tls               Create a TLS secret\n\n"
    "Usage:\n  kubectl create secret (docker-registry | generic | tls) [options]\n\n"
    "Use \"kubectl create secret <command> --help\" for more information about a given command.\n"
    "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

/* create_secret.go: the bare command prints its help on stderr (exit 1). */
static int
create_secret_exec(struct kctl_call *call)
{
	static const char *const types[] = {"generic", "tls", "docker-registry", NULL};
	char cmd[64];

	if (call->n_args == 0) {
		kctl_err(call->res, "%s", secret_help);
		return call->res->status = 1;
	}
	if (!word_in(call->args[0], types))
		return kctl_unknown_subcommand(call);
	snprintf(cmd, sizeof cmd, "create secret %s", call->args[0]);
	return create_generator(call, "Secrets", cmd, 1);
}

static const char *const *
create_secret_sub_flags(const char *sub)
{
	if (strcmp(sub, "tls") == 0)
		return create_secret_tls_flags;
	if (strcmp(sub, "docker-registry") == 0)
		return create_secret_docker_registry_flags;
	return create_secret_generic_flags;
}

#define ABSENT_VERB(cname, vname, help, use) \
	const struct kctl_verb kctl_##cname##_verb = { \
		.name = vname, .short_help = help, .usage = use, \
		.flags = cname##_flags, .exec = cname##_exec, \
	}

ABSENT_VERB(logs, "logs", "Print the logs for a container in a pod", "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]");
ABSENT_VERB(exec, "exec", "Execute a command in a container", "kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]");
ABSENT_VERB(edit, "edit", "Edit a resource on the server", "kubectl edit (RESOURCE/NAME | -f FILENAME) [options]");
ABSENT_VERB(expose, "expose", "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service", "kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]");
ABSENT_VERB(port_forward, "port-forward", "Forward one or more local ports to a pod", "kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]");
ABSENT_VERB(wait, "wait", "Experimental: Wait for a specific condition on one or many resources", "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]");
ABSENT_VERB(diff, "diff", "Diff the live version against a would-be applied version", "kubectl diff -f FILENAME [options]");
ABSENT_VERB(proxy, "proxy", "Run a proxy to the Kubernetes API server", "kubectl proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]");
ABSENT_VERB(kustomize, "kustomize", "Build a kustomization target from a directory or URL", "kubectl kustomize DIR [flags] [options]");
ABSENT_VERB(api_versions, "api-versions", "Print the supported API versions on the server, in the form of \"group/version\"", "kubectl api-versions [options]");
ABSENT_VERB(create_deployment, "create deployment", "Create a deployment with the specified name", "kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]");
ABSENT_VERB(create_configmap, "create configmap", "Create a config map from a local file, directory or literal value", "kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]");

const struct kctl_verb kctl_top_verb = {
	.name = "top", .short_help = "Display resource (CPU/memory) usage", .usage = "kubectl top [flags] [options]",
	.flags = top_flags, .exec = top_exec, .subcommands = true, .sub_flags = top_sub_flags,
};
const struct kctl_verb kctl_plugin_verb = {
	.name = "plugin", .short_help = "Provides utilities for interacting with plugins", .usage = "kubectl plugin [flags] [options]",
	.flags = plugin_flags, .exec = plugin_exec, .subcommands = true,
};
const struct kctl_verb kctl_config_verb = {
	.name = "config", .short_help = "Modify kubeconfig files", .usage = "kubectl config SUBCOMMAND [options]",
	.flags = config_flags, .exec = config_exec, .subcommands = true, .sub_flags = config_sub_flags,
};
const struct kctl_verb kctl_create_secret_verb = {
	.name = "create secret", .short_help = "Create a secret with specified type", .usage = "kubectl create secret (docker-registry | generic | tls) [options]",
	.flags = create_secret_flags, .exec = create_secret_exec, .subcommands = true, .sub_flags = create_secret_sub_flags,
};
