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
}

/* ---- pod spec (the parts kubesim models) ---- */

static void
valid_pod_spec(const struct pod_spec *s, const char *path, struct field_errors *fe)
{
	if (s->n_containers == 0)
		field_errors_add(fe, "%s.containers: Required value", path);
	for (size_t i = 0; i < s->n_containers; i++) {
		const struct container *c = &s->containers[i];

		if (c->name == NULL || c->name[0] == '\0')
			field_errors_add(fe, "%s.containers[%zu].name: Required value", path, i);
		else if (!is_dns1123_label(c->name, strlen(c->name))) {
			struct strbuf sb = STRBUF_INIT;

			go_quote(&sb, c->name);
			field_errors_add(fe,
			    "%s.containers[%zu].name: Invalid value: %s: a lowercase RFC 1123 label must "
			    "consist of lower case alphanumeric characters or '-', and must start and end "
			    "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
			    "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
			    path, i, sb_str(&sb));
			sb_free(&sb);
		}
		for (size_t j = 0; j < i; j++) {
			if (c->name != NULL && s->containers[j].name != NULL &&
			    strcmp(c->name, s->containers[j].name) == 0) {
				field_errors_add(fe, "%s.containers[%zu].name: Duplicate value: \"%s\"", path,
				    i, c->name);
				break;
			}
		}
		if (c->image == NULL || c->image[0] == '\0')
			field_errors_add(fe, "%s.containers[%zu].image: Required value", path, i);
		for (size_t j = 0; j < c->n_mounts; j++) {
			bool found = false;

			for (size_t k = 0; k < s->n_volumes; k++)
				if (c->mounts[j].name && s->volumes[k].name &&
				    strcmp(c->mounts[j].name, s->volumes[k].name) == 0)
					found = true;
			if (!found)
				field_errors_add(fe,
				    "%s.containers[%zu].volumeMounts[%zu].name: Not found: \"%s\"", path, i, j,
				    c->mounts[j].name ? c->mounts[j].name : "");
		}
	}
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
	if (s->restart_policy != NULL && strcmp(s->restart_policy, "Always") != 0 &&
	    strcmp(s->restart_policy, "OnFailure") != 0 && strcmp(s->restart_policy, "Never") != 0)
		field_errors_add(fe,
		    "%s.restartPolicy: Unsupported value: \"%s\": supported values: \"Always\", \"OnFailure\", \"Never\"",
		    path, s->restart_policy);
}

/* ---- kinds ---- */

static void
valid_intstr_pct(const struct intstr *v, const char *path, struct field_errors *fe)
{
	if (!v->set)
		return;
	if (!v->is_str) {
		if (v->ival < 0)
			field_errors_add(fe, "%s: Invalid value: %d: must be greater than or equal to 0",
			    path, v->ival);
		return;
	}
	{
		size_t n = strlen(v->sval);
		char *end;
		long pct;

		if (n < 2 || v->sval[n - 1] != '%' ||
		    (pct = strtol(v->sval, &end, 10), end != v->sval + n - 1)) {
			field_errors_add(fe,
			    "%s: Invalid value: \"%s\": a valid percent string must be a numeric string followed by an ending '%%' (e.g. '1%%',  or '93%%', regex used for validation is '[0-9]+%%')",
			    path, v->sval);
			return;
		}
		if (pct > 100)
			field_errors_add(fe, "%s: Invalid value: \"%s\": must not be greater than 100%%",
			    path, v->sval);
	}
}

static bool
intstr_is_zero(const struct intstr *v)
{
	if (!v->set)
		return true;
	if (!v->is_str)
		return v->ival == 0;
	return atoi(v->sval) == 0;
}

static void
go_intstr(struct strbuf *sb, const struct intstr *v)
{
	sb_addf(sb, "intstr.IntOrString{Type:%d, IntVal:%d, StrVal:", v->is_str ? 1 : 0,
	    v->is_str ? 0 : v->ival);
	go_quote(sb, v->is_str ? v->sval : "");
	sb_addc(sb, '}');
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
	valid_labels(&ds->tmpl.labels, "spec.template.metadata.labels", fe);
	valid_pod_spec(&ds->tmpl.spec, "spec.template.spec", fe);
	if (ds->tmpl.spec.restart_policy != NULL && strcmp(ds->tmpl.spec.restart_policy, "Always") != 0)
		field_errors_add(fe,
		    "spec.template.spec.restartPolicy: Unsupported value: \"%s\": supported values: \"Always\"",
		    ds->tmpl.spec.restart_policy);
	if (ds->min_ready_seconds < 0)
		field_errors_add(fe,
		    "spec.minReadySeconds: Invalid value: %d: must be greater than or equal to 0",
		    ds->min_ready_seconds);
	if (ds->strategy == DS_STRATEGY_OTHER)
		field_errors_add(fe,
		    "spec.updateStrategy: Unsupported value: \"%s\": supported values: \"RollingUpdate\", \"OnDelete\"",
		    ds->strategy_name ? ds->strategy_name : "");
	else if (ds->strategy == DS_ROLLING_UPDATE && ds->has_rolling) {
		valid_intstr_pct(&ds->max_unavailable, "spec.updateStrategy.rollingUpdate.maxUnavailable",
		    fe);
		valid_intstr_pct(&ds->max_surge, "spec.updateStrategy.rollingUpdate.maxSurge", fe);
		if (!intstr_is_zero(&ds->max_unavailable) && !intstr_is_zero(&ds->max_surge)) {
			struct strbuf sb = STRBUF_INIT;

			go_intstr(&sb, &ds->max_surge);
			field_errors_add(fe,
			    "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: %s: may not be set when maxUnavailable is non-zero",
			    sb_str(&sb));
			sb_free(&sb);
		} else if (intstr_is_zero(&ds->max_unavailable) && intstr_is_zero(&ds->max_surge))
			field_errors_add(fe,
			    "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0");
	}
	if (ds->revision_history_limit < -1)
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
	valid_pod_spec(&p->spec, "spec", fe);
}

void
valid_node(const struct node *n, struct field_errors *fe)
{
	valid_meta(&n->obj.meta, fe, false);
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
