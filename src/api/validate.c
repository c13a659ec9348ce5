/*
 * validate.c - pkg/apis/apps/validation and the pod/metadata rules it uses.
 *
 * Errors are appended in the order ValidateDaemonSet appends them, so the
 * list kubectl prints matches the API server's. Values are rendered the way
 * field.Error does: strings quoted (%q), numbers bare, Go structs and maps
 * in %#v syntax.
 */
#include "api/validate.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

void
field_errors_free(struct field_errors *fe)
{
	for (size_t i = 0; i < fe->n; i++)
		free(fe->v[i]);
	free(fe->v);
	fe->v = NULL;
	fe->n = 0;
}

void
field_errors_add(struct field_errors *fe, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	/* helpers.go drops exact duplicates. */
	for (size_t i = 0; i < fe->n; i++) {
		if (strcmp(fe->v[i], s) == 0) {
			free(s);
			return;
		}
	}
	fe->v = xreallocarray(fe->v, fe->n + 1, sizeof *fe->v);
	fe->v[fe->n++] = s;
}

/* Go's %q for the ASCII we meet in names and labels. */
static void
go_quote(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)c);
		} else if (c == '\n')
			sb_add(sb, "\\n");
		else if (c == '\t')
			sb_add(sb, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sb_addf(sb, "\\x%02x", c);
		else
			sb_addc(sb, (char)c);
	}
	sb_addc(sb, '"');
}

/* %#v of a map[string]string: keys sorted, as fmt prints maps. */
static void
go_map(struct strbuf *sb, const struct labels *l)
{
	sb_add(sb, "map[string]string{");
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			sb_add(sb, ", ");
		go_quote(sb, l->v[i].key);
		sb_addc(sb, ':');
		go_quote(sb, l->v[i].value);
	}
	sb_addc(sb, '}');
}

static void
go_map_or_nil(struct strbuf *sb, const struct labels *l)
{
	if (l->n == 0)
		sb_add(sb, "map[string]string(nil)");
	else
		go_map(sb, l);
}

static void
go_selector(struct strbuf *sb, const struct label_selector *s)
{
	sb_add(sb, "v1.LabelSelector{MatchLabels:");
	go_map_or_nil(sb, &s->match_labels);
	sb_add(sb, ", MatchExpressions:");
	if (s->n_exprs == 0)
		sb_add(sb, "[]v1.LabelSelectorRequirement(nil)");
	else {
		sb_add(sb, "[]v1.LabelSelectorRequirement{");
		for (size_t i = 0; i < s->n_exprs; i++) {
			const struct sel_req *r = &s->exprs[i];

			if (i > 0)
				sb_add(sb, ", ");
			sb_add(sb, "v1.LabelSelectorRequirement{Key:");
			go_quote(sb, r->key);
			sb_addf(sb, ", Operator:\"%s\", Values:", sel_op_name(r->op));
			if (r->n_values == 0)
				sb_add(sb, "[]string(nil)");
			else {
				sb_add(sb, "[]string{");
				for (size_t j = 0; j < r->n_values; j++) {
					if (j > 0)
						sb_add(sb, ", ");
					go_quote(sb, r->values[j]);
				}
				sb_addc(sb, '}');
			}
			sb_addc(sb, '}');
		}
		sb_addc(sb, '}');
	}
	sb_addc(sb, '}');
}

/* ---- names and labels (apimachinery pkg/util/validation) ---- */

static bool
is_alnum_lower(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* [a-z0-9]([-a-z0-9]*[a-z0-9])? over n bytes, with no length limit. */
static bool
dns1123_label_shape(const char *s, size_t n)
{
	if (n == 0 || !is_alnum_lower(s[0]) || !is_alnum_lower(s[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum_lower(s[i]) && s[i] != '-')
			return false;
	return true;
}

static bool
is_dns1123_label(const char *s, size_t n)
{
	return n <= 63 && dns1123_label_shape(s, n);
}

/* dns1123SubdomainRegexp: such labels joined by dots; only the whole has a length limit. */
static bool
dns1123_subdomain_shape(const char *s)
{
	for (const char *p = s;;) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);

		if (!dns1123_label_shape(p, n))
			return false;
		if (dot == NULL)
			return true;
		p = dot + 1;
	}
}

static bool
is_dns1123_subdomain(const char *s)
{
	size_t len = strlen(s);

	return len > 0 && len <= 253 && dns1123_subdomain_shape(s);
}

static const char dns1123_subdomain_msg[] =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/* The label value regex alone; the 63-character limit is a separate error. */
static bool
label_value_shape_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return true;
	if (!isalnum((unsigned char)s[0]) || !isalnum((unsigned char)s[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
			return false;
	return true;
}

static bool
is_label_value(const char *s)
{
	return strlen(s) <= 63 && label_value_shape_ok(s);
}

static bool
is_qualified_name(const char *s)
{
	const char *slash = strchr(s, '/');
	const char *name = slash ? slash + 1 : s;
	size_t n = strlen(name);

	if (slash != NULL) {
		char prefix[256];
		size_t pl = (size_t)(slash - s);

		if (pl == 0 || pl >= sizeof prefix)
			return false;
		memcpy(prefix, s, pl);
		prefix[pl] = '\0';
		if (!is_dns1123_subdomain(prefix))
			return false;
	}
	if (n == 0 || n > 63 || !isalnum((unsigned char)name[0]) ||
	    !isalnum((unsigned char)name[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '-' && name[i] != '_' &&
		    name[i] != '.')
			return false;
	return true;
}

static const char label_key_msg[] =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
    "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
static const char label_value_msg[] =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
    "'my_value',  or '12345', regex used for validation is "
    "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const char *
valid_label_key_error(const char *key)
{
	return is_qualified_name(key) ? NULL : label_key_msg;
}

static const char max_len_msg[] = "must be no more than 63 characters";

const char *
valid_label_value_error(const char *value)
{
	/* IsValidLabelValue's errors, joined by ";" as label.go joins them. */
	static const char both[] = "must be no more than 63 characters;"
				   "a valid label must be an empty string or consist of alphanumeric "
				   "characters, '-', '_' or '.', and must start and end with an "
				   "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
				   "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
	bool long_ = strlen(value) > 63, shape = label_value_shape_ok(value);

	if (long_ && !shape)
		return both;
	if (long_)
		return max_len_msg;
	return shape ? NULL : label_value_msg;
}

static void
valid_labels(const struct labels *l, const char *path, struct field_errors *fe)
{
	for (size_t i = 0; i < l->n; i++) {
		struct strbuf sb = STRBUF_INIT;

		if (!is_qualified_name(l->v[i].key)) {
			go_quote(&sb, l->v[i].key);
			field_errors_add(fe,
			    "%s: Invalid value: %s: name part must consist of alphanumeric characters, "
			    "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
			    "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
			    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
			    path, sb_str(&sb));
		} else if (!is_label_value(l->v[i].value)) {
			go_quote(&sb, l->v[i].value);
			if (strlen(l->v[i].value) > 63)
				field_errors_add(fe, "%s: Invalid value: %s: %s", path, sb_str(&sb), max_len_msg);
			if (!label_value_shape_ok(l->v[i].value))
				field_errors_add(fe,
			    "%s: Invalid value: %s: a valid label must be an empty string or consist of "
			    "alphanumeric characters, '-', '_' or '.', and must start and end with an "
			    "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex "
			    "used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
			    path, sb_str(&sb));
		}
		sb_free(&sb);
	}
}

/*
 * apimachinery ValidateAnnotations: each key, lower-cased, a qualified
 * name (the error shows it as written); all of them at most 256 KiB.
 */
static void
valid_annotations(const struct labels *a, const char *path, struct field_errors *fe)
{
	size_t total = 0;

	for (size_t i = 0; i < a->n; i++) {
		char *lower = xstrdup(a->v[i].key);

		for (char *c = lower; *c != '\0'; c++)
			*c = (char)tolower((unsigned char)*c);
		if (!is_qualified_name(lower)) {
			struct strbuf sb = STRBUF_INIT;

			go_quote(&sb, a->v[i].key);
			field_errors_add(fe, "%s: Invalid value: %s: %s", path, sb_str(&sb), label_key_msg);
			sb_free(&sb);
		}
		free(lower);
		total += strlen(a->v[i].key) + strlen(a->v[i].value);
	}
	if (total > 256 * 1024)
		field_errors_add(fe, "%s: Too long: may not be more than 262144 bytes", path);
}

static void
valid_meta(const struct meta *m, struct field_errors *fe, bool namespaced)
{
	if ((m->name == NULL || m->name[0] == '\0') &&
	    (m->generate_name == NULL || m->generate_name[0] == '\0'))
		field_errors_add(fe, "metadata.name: Required value: name or generateName is required");
	else if (m->name != NULL && m->name[0] != '\0' && !is_dns1123_subdomain(m->name)) {
		struct strbuf sb = STRBUF_INIT;

		/* IsDNS1123Subdomain: each of its errors is a field error of its own. */
		go_quote(&sb, m->name);
		if (strlen(m->name) > 253)
			field_errors_add(fe, "metadata.name: Invalid value: %s: must be no more than 253 characters",
			    sb_str(&sb));
		if (!dns1123_subdomain_shape(m->name))
			field_errors_add(fe, "metadata.name: Invalid value: %s: %s", sb_str(&sb),
			    dns1123_subdomain_msg);
		sb_free(&sb);
	}
	if (namespaced && m->ns != NULL && !is_dns1123_label(m->ns, strlen(m->ns))) {
		struct strbuf sb = STRBUF_INIT;

		go_quote(&sb, m->ns);
		field_errors_add(fe,
		    "metadata.namespace: Invalid value: %s: a lowercase RFC 1123 label must consist of "
		    "lower case alphanumeric characters or '-', and must start and end with an "
		    "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
		    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
		    sb_str(&sb));
		sb_free(&sb);
	}
	valid_labels(&m->labels, "metadata.labels", fe);
	valid_annotations(&m->annotations, "metadata.annotations", fe);
}

/* ---- pod spec (the parts kubesim models) ---- */

/* NameIsDNSSubdomain's messages, each an error of its own at path. */
static void
valid_subdomain(const char *value, const char *path, struct field_errors *fe)
{
	struct strbuf sb = STRBUF_INIT;

	if (is_dns1123_subdomain(value))
		return;
	go_quote(&sb, value);
	if (strlen(value) > 253)
		field_errors_add(fe, "%s: Invalid value: %s: must be no more than 253 characters", path,
		    sb_str(&sb));
	if (!dns1123_subdomain_shape(value))
		field_errors_add(fe, "%s: Invalid value: %s: %s", path, sb_str(&sb), dns1123_subdomain_msg);
	sb_free(&sb);
}

static void
valid_port_num(int32_t port, const char *path, struct field_errors *fe)
{
	if (port < 1 || port > 65535)
		field_errors_add(fe, "%s: Invalid value: %d: must be between 1 and 65535, inclusive", path,
		    port);
}

/* validateContainerPorts */
static void
valid_ports(const struct container *c, const char *path, struct field_errors *fe)
{
	for (size_t j = 0; j < c->n_ports; j++) {
		const struct container_port *pt = &c->ports[j];
		char *at = xasprintf("%s.ports[%zu]", path, j);
		char *f;

		if (pt->container_port == 0)
			field_errors_add(fe, "%s.containerPort: Required value", at);
		else {
			f = xasprintf("%s.containerPort", at);
			valid_port_num(pt->container_port, f, fe);
			free(f);
		}
		if (pt->host_port != 0) {
			f = xasprintf("%s.hostPort", at);
			valid_port_num(pt->host_port, f, fe);
			free(f);
		}
		if (pt->protocol == NULL || pt->protocol[0] == '\0')
			field_errors_add(fe, "%s.protocol: Required value", at);
		else if (strcmp(pt->protocol, "TCP") != 0 && strcmp(pt->protocol, "UDP") != 0 &&
		    strcmp(pt->protocol, "SCTP") != 0)
			field_errors_add(fe,
			    "%s.protocol: Unsupported value: \"%s\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
			    at, pt->protocol);
		free(at);
	}
}

/* ValidateContainerResourceRequirements: a request may not exceed its limit. */
static void
valid_resources(const struct container *c, const char *path, struct field_errors *fe)
{
	for (size_t j = 0; j < c->requests.n; j++) {
		const struct res_item *r = &c->requests.v[j];
		const struct quantity *lim = res_list_get(&c->limits, r->name);
		struct strbuf q = STRBUF_INIT, l = STRBUF_INIT;

		if (lim == NULL || res_list_milli(&c->requests, r->name) <= res_list_milli(&c->limits, r->name))
			continue;
		qty_format(&r->q, &q);
		qty_format(lim, &l);
		field_errors_add(fe,
		    "%s.resources.requests: Invalid value: \"%s\": must be less than or equal to %s limit of %s",
		    path, sb_str(&q), r->name, sb_str(&l));
		sb_free(&q);
		sb_free(&l);
	}
}

/*
 * validateContainers: validateContainerCommon for each container (name,
 * image, ports, volume mounts, pull policy, resources), then the
 * uniqueness of its name.
 */
static void
valid_containers(const struct pod_spec *s, const char *path, struct field_errors *fe)
{
	if (s->n_containers == 0)
		field_errors_add(fe, "%s.containers: Required value", path);
	for (size_t i = 0; i < s->n_containers; i++) {
		const struct container *c = &s->containers[i];
		char *at = xasprintf("%s.containers[%zu]", path, i);

		if (c->name == NULL || c->name[0] == '\0')
			field_errors_add(fe, "%s.name: Required value", at);
		else if (!is_dns1123_label(c->name, strlen(c->name))) {
			struct strbuf sb = STRBUF_INIT;

			go_quote(&sb, c->name);
			if (strlen(c->name) > 63)
				field_errors_add(fe, "%s.name: Invalid value: %s: must be no more than 63 characters",
				    at, sb_str(&sb));
			if (!dns1123_label_shape(c->name, strlen(c->name)))
				field_errors_add(fe,
				    "%s.name: Invalid value: %s: a lowercase RFC 1123 label must "
				    "consist of lower case alphanumeric characters or '-', and must start and end "
				    "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
				    "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
				    at, sb_str(&sb));
			sb_free(&sb);
		}
		if (c->image == NULL || c->image[0] == '\0')
			field_errors_add(fe, "%s.image: Required value", at);
		valid_ports(c, at, fe);
		for (size_t j = 0; j < c->n_mounts; j++) {
			bool found = false;

			for (size_t k = 0; k < s->n_volumes; k++)
				if (c->mounts[j].name && s->volumes[k].name &&
				    strcmp(c->mounts[j].name, s->volumes[k].name) == 0)
					found = true;
			if (!found)
				field_errors_add(fe, "%s.volumeMounts[%zu].name: Not found: \"%s\"", at, j,
				    c->mounts[j].name ? c->mounts[j].name : "");
			if (c->mounts[j].mount_path == NULL || c->mounts[j].mount_path[0] == '\0')
				field_errors_add(fe, "%s.volumeMounts[%zu].mountPath: Required value", at, j);
		}
		if (c->image_pull_policy != NULL && strcmp(c->image_pull_policy, "Always") != 0 &&
		    strcmp(c->image_pull_policy, "IfNotPresent") != 0 &&
		    strcmp(c->image_pull_policy, "Never") != 0)
			field_errors_add(fe,
			    "%s.imagePullPolicy: Unsupported value: \"%s\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
			    at, c->image_pull_policy);
		valid_resources(c, at, fe);
		for (size_t j = 0; j < i; j++) {
			if (strcmp(c->name ? c->name : "", s->containers[j].name ? s->containers[j].name : "") == 0) {
				field_errors_add(fe, "%s.name: Duplicate value: \"%s\"", at, c->name ? c->name : "");
				break;
			}
		}
		free(at);
	}
}

static void
valid_tolerations(const struct pod_spec *s, const char *path, struct field_errors *fe)
{
	for (size_t i = 0; i < s->n_tolerations; i++) {
		const struct toleration *t = &s->tolerations[i];

		if (t->bad_effect != NULL)
			field_errors_add(fe,
			    "%s.tolerations[%zu].effect: Unsupported value: \"%s\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
			    path, i, t->bad_effect);
		/* ValidateTolerations: Exists takes no value; a NoExecute-less toleration no seconds. */
		if (t->op == TOL_EXISTS && t->value[0] != '\0')
			field_errors_add(fe,
			    "%s.tolerations[%zu].operator: Invalid value: \"%s\": value must be empty when `operator` is 'Exists'",
			    path, i, t->value);
		if (t->key[0] == '\0' && t->op != TOL_EXISTS)
			field_errors_add(fe,
			    "%s.tolerations[%zu].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
			    path, i);
		if (t->has_seconds && t->effect != EFFECT_NO_EXECUTE)
			field_errors_add(fe,
			    "%s.tolerations[%zu].effect: Invalid value: \"%s\": effect must be 'NoExecute' when `tolerationSeconds` is set",
			    path, i, taint_effect_name(t->effect));
	}
}

/*
 * ValidatePodSpec in pkg/apis/core/validation, in its order: containers,
 * host network ports, restartPolicy, dnsPolicy, nodeSelector,
 * serviceAccountName, nodeName, activeDeadlineSeconds, tolerations,
 * priorityClassName, preemptionPolicy. is_pod is opts.ResourceIsPod.
 */
static void
valid_pod_spec(const struct pod_spec *s, const char *path, bool is_pod, struct field_errors *fe)
{
	char *f;

	valid_containers(s, path, fe);
	/*
	 * validatePodHostNetworkDeps: under hostNetwork a pod's hostPort must
	 * equal its containerPort; a template may leave it 0, for the Pod's
	 * defaulting to fill in.
	 */
	if (s->host_network)
		for (size_t i = 0; i < s->n_containers; i++)
			for (size_t j = 0; j < s->containers[i].n_ports; j++) {
				const struct container_port *pt = &s->containers[i].ports[j];

				if ((is_pod || pt->host_port != 0) && pt->host_port != pt->container_port)
					field_errors_add(fe,
					    "%s.containers[%zu].ports[%zu].hostPort: Invalid value: %d: must match `containerPort` when `hostNetwork` is true",
					    path, i, j, pt->host_port);
			}
	if (s->restart_policy != NULL && strcmp(s->restart_policy, "Always") != 0 &&
	    strcmp(s->restart_policy, "OnFailure") != 0 && strcmp(s->restart_policy, "Never") != 0)
		field_errors_add(fe,
		    "%s.restartPolicy: Unsupported value: \"%s\": supported values: \"Always\", \"OnFailure\", \"Never\"",
		    path, s->restart_policy);
	if (s->dns_policy != NULL && strcmp(s->dns_policy, "ClusterFirstWithHostNet") != 0 &&
	    strcmp(s->dns_policy, "ClusterFirst") != 0 && strcmp(s->dns_policy, "Default") != 0 &&
	    strcmp(s->dns_policy, "None") != 0)
		field_errors_add(fe,
		    "%s.dnsPolicy: Unsupported value: \"%s\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"",
		    path, s->dns_policy);
	f = xasprintf("%s.nodeSelector", path);
	valid_labels(&s->node_selector, f, fe);
	free(f);
	if (s->service_account != NULL && s->service_account[0] != '\0') {
		f = xasprintf("%s.serviceAccountName", path);
		valid_subdomain(s->service_account, f, fe);
		free(f);
	}
	if (s->node_name != NULL && s->node_name[0] != '\0') {
		f = xasprintf("%s.nodeName", path);
		valid_subdomain(s->node_name, f, fe);
		free(f);
	}
	if (s->has_active_deadline && (s->active_deadline_s < 1 || s->active_deadline_s > 2147483647))
		field_errors_add(fe,
		    "%s.activeDeadlineSeconds: Invalid value: %lld: must be between 1 and 2147483647, inclusive",
		    path, (long long)s->active_deadline_s);
	valid_tolerations(s, path, fe);
	if (s->priority_class_name != NULL && s->priority_class_name[0] != '\0') {
		f = xasprintf("%s.priorityClassName", path);
		valid_subdomain(s->priority_class_name, f, fe);
		free(f);
	}
	if (s->preemption_policy != NULL) {
		if (s->preemption_policy[0] == '\0')
			field_errors_add(fe, "%s.preemptionPolicy: Required value", path);
		else if (strcmp(s->preemption_policy, "PreemptLowerPriority") != 0 &&
		    strcmp(s->preemption_policy, "Never") != 0)
			field_errors_add(fe,
			    "%s.preemptionPolicy: Unsupported value: \"%s\": supported values: \"PreemptLowerPriority\", \"Never\"",
			    path, s->preemption_policy);
	}
}

/* ---- kinds ---- */

static void
go_intstr(struct strbuf *sb, const struct intstr *v)
{
	sb_addf(sb, "intstr.IntOrString{Type:%d, IntVal:%d, StrVal:", v->is_str ? 1 : 0,
	    v->is_str ? 0 : v->ival);
	go_quote(sb, v->is_str ? v->sval : "");
	sb_addc(sb, '}');
}

/* field.Invalid with an IntOrString value: not a Stringer (pointer receiver), so %#v. */
static void
invalid_intstr(const struct intstr *v, const char *path, const char *msg, struct field_errors *fe)
{
	struct strbuf sb = STRBUF_INIT;

	go_intstr(&sb, v);
	field_errors_add(fe, "%s: Invalid value: %s: %s", path, sb_str(&sb), msg);
	sb_free(&sb);
}

/* validation.IsValidPercent: ^[0-9]+%$; the number through *pct. */
static bool
is_valid_percent(const char *s, long *pct)
{
	size_t n = strlen(s);

	if (n < 2 || s[n - 1] != '%')
		return false;
	for (size_t i = 0; i + 1 < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	*pct = strtol(s, NULL, 10);
	return true;
}

/* ValidatePositiveIntOrPercent */
static void
valid_intstr_pct(const struct intstr *v, const char *path, struct field_errors *fe)
{
	long pct;

	if (!v->set)
		return;
	if (!v->is_str) {
		if (v->ival < 0)
			field_errors_add(fe, "%s: Invalid value: %d: must be greater than or equal to 0",
			    path, v->ival);
		return;
	}
	if (!is_valid_percent(v->sval, &pct))
		invalid_intstr(v, path,
		    "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
		    fe);
}

/* IsNotMoreThan100Percent */
static void
valid_intstr_max100(const struct intstr *v, const char *path, struct field_errors *fe)
{
	long pct;

	if (v->set && v->is_str && is_valid_percent(v->sval, &pct) && pct > 100)
		invalid_intstr(v, path, "must not be greater than 100%", fe);
}

/* getIntOrPercentValue: a valid percent's number, else IntValue (Atoi of a string, 0 on error). */
static long
intstr_value(const struct intstr *v)
{
	long pct;
	char *end;

	if (!v->set)
		return 0;
	if (!v->is_str)
		return v->ival;
	if (is_valid_percent(v->sval, &pct))
		return pct;
	pct = strtol(v->sval, &end, 10);
	return end != v->sval && *end == '\0' ? pct : 0;
}

void
valid_daemonset(const struct daemonset *ds, const struct daemonset *old, struct field_errors *fe)
{
	valid_meta(&ds->obj.meta, fe, true);
	valid_labels(&ds->selector.match_labels, "spec.selector.matchLabels", fe);
	/* A nil selector matches nothing, so it fails exactly this check. */
	if (!sel_matches(&ds->selector, &ds->tmpl.labels)) {
		struct strbuf sb = STRBUF_INIT;

		go_map_or_nil(&sb, &ds->tmpl.labels);
		field_errors_add(fe,
		    "spec.template.metadata.labels: Invalid value: %s: `selector` does not match template `labels`",
		    sb_str(&sb));
		sb_free(&sb);
	}
	if (ds->selector.present && sel_is_empty(&ds->selector))
		field_errors_add(fe,
		    "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset");
	/* ValidatePodTemplateSpec checks the labels at <template>.labels, without "metadata". */
	valid_labels(&ds->tmpl.labels, "spec.template.labels", fe);
	valid_annotations(&ds->tmpl.annotations, "spec.template.annotations", fe);
	valid_pod_spec(&ds->tmpl.spec, "spec.template.spec", false, fe);
	if (ds->tmpl.spec.restart_policy != NULL && strcmp(ds->tmpl.spec.restart_policy, "Always") != 0)
		field_errors_add(fe,
		    "spec.template.spec.restartPolicy: Unsupported value: \"%s\": supported values: \"Always\"",
		    ds->tmpl.spec.restart_policy);
	if (ds->tmpl.spec.has_active_deadline)
		field_errors_add(fe,
		    "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported");
	if (ds->min_ready_seconds < 0)
		field_errors_add(fe,
		    "spec.minReadySeconds: Invalid value: %d: must be greater than or equal to 0",
		    ds->min_ready_seconds);
	if (ds->strategy == DS_STRATEGY_OTHER)
		field_errors_add(fe,
		    "spec.updateStrategy: Unsupported value: \"%s\": supported values: \"RollingUpdate\", \"OnDelete\"",
		    ds->strategy_name ? ds->strategy_name : "");
	else if (ds->strategy == DS_ROLLING_UPDATE && ds->has_rolling) {
		/* ValidateRollingUpdateDaemonSet: both shapes, then both limits, then the pair. */
		static const char mu[] = "spec.updateStrategy.rollingUpdate.maxUnavailable";
		static const char ms[] = "spec.updateStrategy.rollingUpdate.maxSurge";
		bool has_unavailable = intstr_value(&ds->max_unavailable) != 0;
		bool has_surge = intstr_value(&ds->max_surge) != 0;

		valid_intstr_pct(&ds->max_unavailable, mu, fe);
		valid_intstr_pct(&ds->max_surge, ms, fe);
		valid_intstr_max100(&ds->max_unavailable, mu, fe);
		valid_intstr_max100(&ds->max_surge, ms, fe);
		if (has_unavailable && has_surge)
			invalid_intstr(&ds->max_surge, ms, "may not be set when maxUnavailable is non-zero", fe);
		else if (!has_unavailable && !has_surge)
			field_errors_add(fe, "%s: Required value: cannot be 0 when maxSurge is 0", mu);
	}
	if (ds->has_revision_history_limit && ds->revision_history_limit < 0)
		field_errors_add(fe,
		    "spec.revisionHistoryLimit: Invalid value: %d: must be greater than or equal to 0",
		    ds->revision_history_limit);
	if (old != NULL && !sel_equal(&ds->selector, &old->selector)) {
		struct strbuf sb = STRBUF_INIT;

		go_selector(&sb, &ds->selector);
		field_errors_add(fe, "spec.selector: Invalid value: %s: field is immutable", sb_str(&sb));
		sb_free(&sb);
	}
}

void
valid_pod(const struct pod *p, struct field_errors *fe)
{
	valid_meta(&p->obj.meta, fe, true);
	valid_pod_spec(&p->spec, "spec", true, fe);
}

void
valid_node(const struct node *n, struct field_errors *fe)
{
	valid_meta(&n->obj.meta, fe, false);
	/* validateNodeTaints: each key a label name, each value a label value. */
	for (size_t i = 0; i < n->n_taints; i++) {
		const struct taint *t = &n->taints[i];
		const char *why;
		struct strbuf sb = STRBUF_INIT;

		if (!is_qualified_name(t->key)) {
			go_quote(&sb, t->key);
			field_errors_add(fe, "spec.taints[%zu].key: Invalid value: %s: %s", i, sb_str(&sb),
			    label_key_msg);
			sb_reset(&sb);
		}
		if ((why = valid_label_value_error(t->value ? t->value : "")) != NULL) {
			go_quote(&sb, t->value ? t->value : "");
			field_errors_add(fe, "spec.taints[%zu].value: Invalid value: %s: %s", i, sb_str(&sb),
			    why);
		}
		sb_free(&sb);
	}
}

void
valid_format(const char *kind, const char *name, const struct field_errors *fe, struct strbuf *out)
{
	if (fe->n == 1) {
		sb_addf(out, "The %s \"%s\" is invalid: %s", kind, name, fe->v[0]);
		return;
	}
	/* MultilineError: note the space after the colon on the first line. */
	sb_addf(out, "The %s \"%s\" is invalid: \n", kind, name);
	for (size_t i = 0; i < fe->n; i++)
		sb_addf(out, "* %s%s", fe->v[i], i + 1 < fe->n ? "\n" : "");
}

/*
 * ValidateNamespace: ValidateObjectMeta with ValidateNamespaceName, a DNS-1123
 * label (IsDNS1123Label's two errors: length, then shape), and the labels.
 */
void
valid_namespace(const struct namespace *ns, struct field_errors *fe)
{
	const struct meta *m = &ns->obj.meta;

	if (m->name == NULL || m->name[0] == '\0') {
		field_errors_add(fe, "metadata.name: Required value: name or generateName is required");
	} else if (!is_dns1123_label(m->name, strlen(m->name))) {
		struct strbuf sb = STRBUF_INIT;
		size_t n = strlen(m->name);

		go_quote(&sb, m->name);
		if (n > 63)
			field_errors_add(fe, "metadata.name: Invalid value: %s: must be no more than 63 characters",
			    sb_str(&sb));
		if (!dns1123_label_shape(m->name, n))
			field_errors_add(fe,
			    "metadata.name: Invalid value: %s: a lowercase RFC 1123 label must consist of "
			    "lower case alphanumeric characters or '-', and must start and end with an "
			    "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation "
			    "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
			    sb_str(&sb));
		sb_free(&sb);
	}
	valid_labels(&m->labels, "metadata.labels", fe);
}
