#include "api/pod.h"

#include <stdlib.h>
#include <string.h>

#include "util/atom.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* ---- resource lists ---- */

void
res_list_free(struct res_list *r)
{
	for (size_t i = 0; i < r->n; i++)
		atom_put(r->v[i].name);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

void
res_list_copy(struct res_list *dst, const struct res_list *src)
{
	dst->v = src->n > 0 ? xreallocarray(NULL, src->n, sizeof *dst->v) : NULL;
	dst->n = src->n;
	for (size_t i = 0; i < src->n; i++) {
		dst->v[i] = src->v[i];
		dst->v[i].name = atom_ref(src->v[i].name);
	}
}

void
res_list_set(struct res_list *r, const char *name, struct quantity q)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		int c = strcmp(r->v[i].name, name);

		if (c == 0) {
			r->v[i].q = q;
			return;
		}
		if (c > 0)
			break;
	}
	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	memmove(&r->v[i + 1], &r->v[i], (r->n - i) * sizeof *r->v);
	r->v[i].name = atom_get(name);
	r->v[i].q = q;
	r->n++;
}

const struct quantity *
res_list_get(const struct res_list *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].name, name) == 0)
			return &r->v[i].q;
	return NULL;
}

int64_t
res_list_milli(const struct res_list *r, const char *name)
{
	const struct quantity *q = res_list_get(r, name);

	return q ? q->milli : 0;
}

/* ---- containers, affinity, spec ---- */

static char **
strv_copy(char *const *v, size_t n)
{
	char **out;

	if (n == 0)
		return NULL;
	out = xcalloc(n, sizeof *out);
	for (size_t i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	return out;
}

static void
strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
container_free(struct container *c)
{
	atom_put(c->name);
	atom_put(c->image);
	atom_put(c->image_pull_policy);
	strv_free(c->command, c->n_command);
	strv_free(c->args, c->n_args);
	res_list_free(&c->requests);
	res_list_free(&c->limits);
	for (size_t i = 0; i < c->n_ports; i++) {
		free(c->ports[i].name);
		free(c->ports[i].protocol);
		free(c->ports[i].host_ip);
	}
	free(c->ports);
	for (size_t i = 0; i < c->n_mounts; i++) {
		free(c->mounts[i].name);
		free(c->mounts[i].mount_path);
	}
	free(c->mounts);
	memset(c, 0, sizeof *c);
}

void
container_copy(struct container *dst, const struct container *src)
{
	memset(dst, 0, sizeof *dst);
	dst->name = atom_ref(src->name);
	dst->image = atom_ref(src->image);
	dst->image_pull_policy = atom_ref(src->image_pull_policy);
	dst->command = strv_copy(src->command, src->n_command);
	dst->n_command = src->n_command;
	dst->args = strv_copy(src->args, src->n_args);
	dst->n_args = src->n_args;
	res_list_copy(&dst->requests, &src->requests);
	res_list_copy(&dst->limits, &src->limits);
	if (src->n_ports > 0) {
		dst->ports = xcalloc(src->n_ports, sizeof *dst->ports);
		for (size_t i = 0; i < src->n_ports; i++) {
			dst->ports[i] = src->ports[i];
			dst->ports[i].name = xstrdup_or_null(src->ports[i].name);
			dst->ports[i].protocol = xstrdup_or_null(src->ports[i].protocol);
			dst->ports[i].host_ip = xstrdup_or_null(src->ports[i].host_ip);
		}
	}
	dst->n_ports = src->n_ports;
	if (src->n_mounts > 0) {
		dst->mounts = xcalloc(src->n_mounts, sizeof *dst->mounts);
		for (size_t i = 0; i < src->n_mounts; i++) {
			dst->mounts[i] = src->mounts[i];
			dst->mounts[i].name = xstrdup_or_null(src->mounts[i].name);
			dst->mounts[i].mount_path = xstrdup_or_null(src->mounts[i].mount_path);
		}
	}
	dst->n_mounts = src->n_mounts;
}

void
affinity_free(struct affinity *a)
{
	node_selector_free(&a->required);
	for (size_t i = 0; i < a->n_preferred; i++) {
		struct node_selector one = {&a->preferred[i].term, 1};

		/* Free the term's insides without freeing the array it sits in. */
		for (size_t j = 0; j < one.terms[0].n_exprs; j++)
			sel_req_free(&one.terms[0].exprs[j]);
		free(one.terms[0].exprs);
		for (size_t j = 0; j < one.terms[0].n_fields; j++)
			sel_req_free(&one.terms[0].fields[j]);
		free(one.terms[0].fields);
	}
	free(a->preferred);
	memset(a, 0, sizeof *a);
}

static void
node_term_copy(struct node_term *dst, const struct node_term *src)
{
	memset(dst, 0, sizeof *dst);
	if (src->n_exprs > 0) {
		dst->exprs = xcalloc(src->n_exprs, sizeof *dst->exprs);
		for (size_t i = 0; i < src->n_exprs; i++)
			sel_req_copy(&dst->exprs[i], &src->exprs[i]);
	}
	dst->n_exprs = src->n_exprs;
	if (src->n_fields > 0) {
		dst->fields = xcalloc(src->n_fields, sizeof *dst->fields);
		for (size_t i = 0; i < src->n_fields; i++)
			sel_req_copy(&dst->fields[i], &src->fields[i]);
	}
	dst->n_fields = src->n_fields;
}

void
affinity_copy(struct affinity *dst, const struct affinity *src)
{
	*dst = *src;
	node_selector_init(&dst->required);
	node_selector_copy(&dst->required, &src->required);
	dst->preferred = NULL;
	if (src->n_preferred > 0) {
		dst->preferred = xcalloc(src->n_preferred, sizeof *dst->preferred);
		for (size_t i = 0; i < src->n_preferred; i++) {
			dst->preferred[i].weight = src->preferred[i].weight;
			node_term_copy(&dst->preferred[i].term, &src->preferred[i].term);
		}
	}
}

void
pod_spec_init(struct pod_spec *s)
{
	memset(s, 0, sizeof *s);
	labels_init(&s->node_selector);
	s->termination_grace_s = -1;
}

void
pod_spec_free(struct pod_spec *s)
{
	atom_put(s->node_name);
	labels_free(&s->node_selector);
	affinity_free(&s->affinity);
	for (size_t i = 0; i < s->n_tolerations; i++)
		toleration_free(&s->tolerations[i]);
	free(s->tolerations);
	for (size_t i = 0; i < s->n_containers; i++)
		container_free(&s->containers[i]);
	free(s->containers);
	for (size_t i = 0; i < s->n_volumes; i++) {
		free(s->volumes[i].name);
		free(s->volumes[i].path);
		free(s->volumes[i].type);
	}
	free(s->volumes);
	atom_put(s->restart_policy);
	atom_put(s->scheduler_name);
	atom_put(s->dns_policy);
	atom_put(s->service_account);
	atom_put(s->priority_class_name);
	atom_put(s->preemption_policy);
	pod_spec_init(s);
}

void
pod_spec_copy(struct pod_spec *dst, const struct pod_spec *src)
{
	*dst = *src;
	dst->node_name = atom_ref(src->node_name);
	labels_init(&dst->node_selector);
	labels_copy(&dst->node_selector, &src->node_selector);
	affinity_copy(&dst->affinity, &src->affinity);
	dst->tolerations = NULL;
	dst->n_tolerations = 0;
	for (size_t i = 0; i < src->n_tolerations; i++)
		pod_add_toleration(dst, &src->tolerations[i]);
	dst->containers = NULL;
	if (src->n_containers > 0) {
		dst->containers = xcalloc(src->n_containers, sizeof *dst->containers);
		for (size_t i = 0; i < src->n_containers; i++)
			container_copy(&dst->containers[i], &src->containers[i]);
	}
	dst->volumes = NULL;
	if (src->n_volumes > 0) {
		dst->volumes = xcalloc(src->n_volumes, sizeof *dst->volumes);
		for (size_t i = 0; i < src->n_volumes; i++) {
			dst->volumes[i].name = xstrdup_or_null(src->volumes[i].name);
			dst->volumes[i].source = src->volumes[i].source;
			dst->volumes[i].path = xstrdup_or_null(src->volumes[i].path);
			dst->volumes[i].type = xstrdup_or_null(src->volumes[i].type);
		}
	}
	dst->restart_policy = atom_ref(src->restart_policy);
	dst->scheduler_name = atom_ref(src->scheduler_name);
	dst->dns_policy = atom_ref(src->dns_policy);
	dst->service_account = atom_ref(src->service_account);
	dst->priority_class_name = atom_ref(src->priority_class_name);
	dst->preemption_policy = atom_ref(src->preemption_policy);
}

void
pod_add_toleration(struct pod_spec *s, const struct toleration *t)
{
	s->tolerations = xreallocarray(s->tolerations, s->n_tolerations + 1, sizeof *s->tolerations);
	toleration_copy(&s->tolerations[s->n_tolerations++], t);
}

void
pod_add_or_update_toleration(struct pod_spec *s, const struct toleration *t)
{
	for (size_t i = 0; i < s->n_tolerations; i++) {
		if (toleration_equal_ignoring_seconds(&s->tolerations[i], t)) {
			toleration_free(&s->tolerations[i]);
			toleration_copy(&s->tolerations[i], t);
			return;
		}
	}
	pod_add_toleration(s, t);
}

/*
 * A canonical text of a spec, field by field: two specs are semantically
 * equal exactly when their fingerprints are, which spares a hand-written deep
 * comparison that would drift from the struct.
 */
static void
fp_str(struct strbuf *sb, const char *tag, const char *s)
{
	sb_addf(sb, "%s=%zu:%s;", tag, s ? strlen(s) : (size_t)0, s ? s : "");
}

static void
fp_labels(struct strbuf *sb, const char *tag, const struct labels *l)
{
	sb_addf(sb, "%s{", tag);
	for (size_t i = 0; i < l->n; i++) {
		fp_str(sb, "k", l->v[i].key);
		fp_str(sb, "v", l->v[i].value);
	}
	sb_add(sb, "}");
}

static void
fp_reqs(struct strbuf *sb, const struct sel_req *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fp_str(sb, "key", r[i].key);
		sb_addf(sb, "op=%d;", (int)r[i].op);
		for (size_t j = 0; j < r[i].n_values; j++)
			fp_str(sb, "val", r[i].values[j]);
	}
}

static void
fp_term(struct strbuf *sb, const struct node_term *t)
{
	sb_add(sb, "term{");
	fp_reqs(sb, t->exprs, t->n_exprs);
	sb_add(sb, "|");
	fp_reqs(sb, t->fields, t->n_fields);
	sb_add(sb, "}");
}

static void
fp_res(struct strbuf *sb, const char *tag, const struct res_list *r)
{
	sb_addf(sb, "%s{", tag);
	for (size_t i = 0; i < r->n; i++)
		sb_addf(sb, "%s=%lld;", r->v[i].name, (long long)r->v[i].q.milli);
	sb_add(sb, "}");
}

void
pod_spec_fingerprint(const struct pod_spec *s, struct strbuf *sb)
{
	fp_str(sb, "nodeName", s->node_name);
	fp_labels(sb, "nodeSelector", &s->node_selector);
	if (s->has_affinity) {
		sb_addf(sb, "aff%d%d{", s->affinity.node_affinity, s->affinity.has_required);
		for (size_t i = 0; i < s->affinity.required.n_terms; i++)
			fp_term(sb, &s->affinity.required.terms[i]);
		for (size_t i = 0; i < s->affinity.n_preferred; i++) {
			sb_addf(sb, "w%d", s->affinity.preferred[i].weight);
			fp_term(sb, &s->affinity.preferred[i].term);
		}
		sb_add(sb, "}");
	}
	for (size_t i = 0; i < s->n_tolerations; i++) {
		const struct toleration *t = &s->tolerations[i];

		fp_str(sb, "tk", t->key);
		fp_str(sb, "tv", t->value);
		sb_addf(sb, "to%d te%d ts%d:%lld;", t->op, t->effect, t->has_seconds,
		    (long long)t->seconds);
	}
	for (size_t i = 0; i < s->n_containers; i++) {
		const struct container *c = &s->containers[i];

		fp_str(sb, "c", c->name);
		fp_str(sb, "img", c->image);
		fp_str(sb, "pull", c->image_pull_policy);
		for (size_t j = 0; j < c->n_command; j++)
			fp_str(sb, "cmd", c->command[j]);
		for (size_t j = 0; j < c->n_args; j++)
			fp_str(sb, "arg", c->args[j]);
		fp_res(sb, "req", &c->requests);
		fp_res(sb, "lim", &c->limits);
		for (size_t j = 0; j < c->n_ports; j++) {
			fp_str(sb, "pn", c->ports[j].name);
			fp_str(sb, "pp", c->ports[j].protocol);
			fp_str(sb, "pip", c->ports[j].host_ip);
			sb_addf(sb, "p%d/%d;", c->ports[j].container_port, c->ports[j].host_port);
		}
		for (size_t j = 0; j < c->n_mounts; j++) {
			fp_str(sb, "mn", c->mounts[j].name);
			fp_str(sb, "mp", c->mounts[j].mount_path);
			sb_addf(sb, "ro%d;", c->mounts[j].read_only);
		}
	}
	for (size_t i = 0; i < s->n_volumes; i++) {
		fp_str(sb, "vol", s->volumes[i].name);
		sb_addf(sb, "src%d;", s->volumes[i].source);
		fp_str(sb, "path", s->volumes[i].path);
		fp_str(sb, "type", s->volumes[i].type);
	}
	sb_addf(sb, "grace%lld;", (long long)s->termination_grace_s);
	fp_str(sb, "restart", s->restart_policy);
	fp_str(sb, "sched", s->scheduler_name);
	fp_str(sb, "dns", s->dns_policy);
	fp_str(sb, "sa", s->service_account);
	sb_addf(sb, "hostNet%d;prio%d;", s->host_network, s->priority);
	/*
	 * Fields a template rarely has come last and only when set, so the
	 * text of an ordinary template (and the revision hash taken from it)
	 * stays what it was before they were modelled.
	 */
	if (s->has_priority || s->priority_class_name || s->preemption_policy) {
		sb_addf(sb, "hasPrio%d;", s->has_priority);
		fp_str(sb, "pcn", s->priority_class_name);
		fp_str(sb, "preempt", s->preemption_policy);
	}
	if (s->has_enable_service_links)
		sb_addf(sb, "links%d;", s->enable_service_links);
	if (s->has_active_deadline)
		sb_addf(sb, "deadline%lld;", (long long)s->active_deadline_s);
}

bool
pod_spec_equal(const struct pod_spec *a, const struct pod_spec *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	bool eq;

	pod_spec_fingerprint(a, &x);
	pod_spec_fingerprint(b, &y);
	eq = strcmp(sb_str(&x), sb_str(&y)) == 0;
	sb_free(&x);
	sb_free(&y);
	return eq;
}

void
pod_template_init(struct pod_template *t)
{
	labels_init(&t->labels);
	labels_init(&t->annotations);
	pod_spec_init(&t->spec);
}

void
pod_template_free(struct pod_template *t)
{
	labels_free(&t->labels);
	labels_free(&t->annotations);
	pod_spec_free(&t->spec);
}

void
pod_template_copy(struct pod_template *dst, const struct pod_template *src)
{
	labels_init(&dst->labels);
	labels_copy(&dst->labels, &src->labels);
	labels_init(&dst->annotations);
	labels_copy(&dst->annotations, &src->annotations);
	pod_spec_copy(&dst->spec, &src->spec);
}

void
pod_template_fingerprint(const struct pod_template *t, struct strbuf *out)
{
	fp_labels(out, "labels", &t->labels);
	fp_labels(out, "annotations", &t->annotations);
	pod_spec_fingerprint(&t->spec, out);
}

bool
pod_template_equal(const struct pod_template *a, const struct pod_template *b)
{
	return labels_equal(&a->labels, &b->labels) &&
	    labels_equal(&a->annotations, &b->annotations) && pod_spec_equal(&a->spec, &b->spec);
}

/* ---- pods ---- */

struct pod *
pod_new(void)
{
	struct pod *p = xcalloc(1, sizeof *p);

	p->obj.kind = KIND_POD;
	meta_init(&p->obj.meta);
	pod_spec_init(&p->spec);
	p->status.phase = PHASE_PENDING;
	p->status.start_ms = -1;
	return p;
}

void
pod_cond_clear(struct pod_cond *c)
{
	free(c->reason);
	free(c->message);
	memset(c, 0, sizeof *c);
}

void
pod_cond_set(struct pod_cond *c, const char *status, const char *reason, const char *message,
    int64_t now_ms)
{
	if (!c->set || strcmp(c->status, status) != 0)
		c->transition_ms = now_ms;
	c->set = true;
	c->status = status;
	free(c->reason);
	free(c->message);
	c->reason = xstrdup_or_null(reason);
	c->message = xstrdup_or_null(message);
}

void
pod_free(struct pod *p)
{
	if (p == NULL)
		return;
	meta_free(&p->obj.meta);
	pod_spec_free(&p->spec);
	free(p->status.reason);
	free(p->status.message);
	pod_cond_clear(&p->status.scheduled);
	pod_cond_clear(&p->status.initialized);
	pod_cond_clear(&p->status.containers_ready);
	pod_cond_clear(&p->status.ready);
	free(p->status.pod_ip);
	atom_put(p->status.host_ip);
	for (size_t i = 0; i < p->status.n_cs; i++)
		container_status_clear(&p->status.cs[i]);
	free(p->status.cs);
	free(p);
}

void
container_status_clear(struct container_status *cs)
{
	atom_put(cs->name);
	atom_put(cs->image);
	atom_put(cs->reason);
	atom_put(cs->message);
	free(cs->container_id);
	atom_put(cs->image_id);
	memset(cs, 0, sizeof *cs);
}

/* ---- the runtime's identifiers ---- */

void
pod_fake_digest(const char *a, const char *b, struct strbuf *out)
{
	uint64_t h = 1469598103934665603ULL;

	for (int round = 0; round < 4; round++) {
		for (const char *s = a; *s != '\0'; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211ULL;
		for (const char *s = b; *s != '\0'; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211ULL;
		h = (h ^ (uint64_t)round) * 1099511628211ULL;
		/* "%016llx", by hand: every container status carries two of these. */
		for (int d = 15; d >= 0; d--)
			sb_addc(out, "0123456789abcdef"[(h >> (4 * d)) & 0xf]);
	}
}

char *
pod_container_id(const char *pod_uid, const char *container, int32_t restarts)
{
	struct strbuf sb = STRBUF_INIT;

	sb_add(&sb, "containerd://");
	/* A restarted container is a new container with an id of its own. */
	if (restarts == 0)
		pod_fake_digest(pod_uid, container, &sb);
	else {
		char *salted = xasprintf("%s#%d", container, restarts);

		pod_fake_digest(pod_uid, salted, &sb);
		free(salted);
	}
	return sb_take(&sb);
}

/*
 * The length of the repository part of an image reference (no tag, no
 * digest), and whether it names a registry: docker's reference grammar, a
 * first component with a dot or a colon, or "localhost".
 */
static size_t
image_repo(const char *image, bool *has_registry)
{
	const char *slash = strrchr(image, '/');
	const char *colon = strrchr(image, ':');
	const char *at = strchr(image, '@');
	const char *first_slash = strchr(image, '/');

	*has_registry = first_slash != NULL &&
	    (memchr(image, '.', (size_t)(first_slash - image)) != NULL ||
		memchr(image, ':', (size_t)(first_slash - image)) != NULL ||
		strncmp(image, "localhost/", 10) == 0);
	if (at != NULL)
		return (size_t)(at - image);
	if (colon != NULL && (slash == NULL || colon > slash))
		return (size_t)(colon - image);
	return strlen(image);
}

/* The normalised reference, or (id) the repository at the image's digest. */
static char *
image_name(const char *image, bool id)
{
	struct strbuf sb = STRBUF_INIT;
	bool has_registry;
	size_t repo = image_repo(image, &has_registry);

	if (strchr(image, '/') == NULL)
		sb_add(&sb, "docker.io/library/");
	else if (!has_registry)
		sb_add(&sb, "docker.io/");
	if (id) {
		sb_addn(&sb, image, repo);
		sb_add(&sb, "@sha256:");
		pod_fake_digest(image, "image", &sb);
	} else {
		sb_add(&sb, image);
		/* ParseNormalizedNamed then TagNameOnly: no tag and no digest means :latest. */
		if (image[repo] == '\0')
			sb_add(&sb, ":latest");
	}
	return sb_take(&sb);
}

char *
pod_image_ref(const char *image)
{
	return image_name(image, false);
}

char *
pod_image_id(const char *image)
{
	return image_name(image, true);
}

const char *
pod_phase_name(enum pod_phase p)
{
	switch (p) {
	case PHASE_PENDING:
		return "Pending";
	case PHASE_RUNNING:
		return "Running";
	case PHASE_SUCCEEDED:
		return "Succeeded";
	case PHASE_FAILED:
		return "Failed";
	case PHASE_UNKNOWN:
		break;
	}
	return "Unknown";
}

bool
pod_is_terminal(const struct pod *p)
{
	return p->status.phase == PHASE_SUCCEEDED || p->status.phase == PHASE_FAILED;
}

bool
pod_is_ready(const struct pod *p)
{
	return p->status.ready.set && strcmp(p->status.ready.status, "True") == 0;
}

bool
pod_is_available(const struct pod *p, int32_t min_ready_s, int64_t now_ms)
{
	if (!pod_is_ready(p))
		return false;
	/* pkg/api/v1/pod IsPodAvailable: strictly after lastTransitionTime + minReadySeconds. */
	return min_ready_s == 0 || p->status.ready.transition_ms + (int64_t)min_ready_s * 1000 < now_ms;
}

bool
pod_wants_host_port(const struct pod_spec *s)
{
	for (size_t c = 0; c < s->n_containers; c++)
		for (size_t i = 0; i < s->containers[c].n_ports; i++)
			if (s->containers[c].ports[i].host_port > 0)
				return true;
	return false;
}

int64_t
pod_request_milli(const struct pod_spec *s, const char *resource)
{
	int64_t sum = 0;

	for (size_t i = 0; i < s->n_containers; i++) {
		const struct container *c = &s->containers[i];
		const struct quantity *q = res_list_get(&c->requests, resource);

		/* An unset request defaults to the limit (core/v1 defaults). */
		if (q == NULL)
			q = res_list_get(&c->limits, resource);
		if (q != NULL)
			sum += q->milli;
	}
	return sum;
}

const char *
pod_pinned_node(const struct pod *p)
{
	const struct node_selector *ns;

	if (!p->spec.has_affinity || !p->spec.affinity.has_required)
		return NULL;
	ns = &p->spec.affinity.required;
	for (size_t i = 0; i < ns->n_terms; i++) {
		const struct node_term *t = &ns->terms[i];

		for (size_t j = 0; j < t->n_fields; j++) {
			const struct sel_req *r = &t->fields[j];

			if (strcmp(r->key, "metadata.name") == 0 && r->op == SEL_IN) {
				/* Not unique -> no target, as GetTargetNodeName errors. */
				return r->n_values == 1 ? r->values[0] : NULL;
			}
		}
	}
	return NULL;
}

const char *
pod_target_node(const struct pod *p)
{
	return p->spec.node_name != NULL ? p->spec.node_name : pod_pinned_node(p);
}

/* qos.GetPodQOS: Guaranteed, Burstable or BestEffort. */
const char *
pod_qos_class(const struct pod_spec *s)
{
	static const char *const res[] = {"cpu", "memory"};
	bool any = false, guaranteed = true;

	for (size_t i = 0; i < s->n_containers; i++) {
		const struct container *c = &s->containers[i];

		for (size_t r = 0; r < 2; r++) {
			const struct quantity *req = res_list_get(&c->requests, res[r]);
			const struct quantity *lim = res_list_get(&c->limits, res[r]);

			if (req != NULL || lim != NULL)
				any = true;
			/* Guaranteed: every container limits both, and requests equal limits. */
			if (lim == NULL || (req != NULL && req->milli != lim->milli))
				guaranteed = false;
		}
	}
	if (!any)
		return "BestEffort";
	return guaranteed ? "Guaranteed" : "Burstable";
}
