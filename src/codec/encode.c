/*
 * encode.c - API objects to cJSON documents.
 *
 * Field names and omitempty rules follow the Go types in k8s.io/api; key
 * order does not matter because every printer sorts keys, as kubectl's
 * unstructured re-encoding does.
 */
#include "codec/encode.h"

#include <stdio.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/lease.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/revision.h"
#include "codec/jsontext.h"
#include "util/strbuf.h"

static void
add_str(cJSON *o, const char *key, const char *v)
{
	if (v != NULL && v[0] != '\0')
		cJSON_AddStringToObject(o, key, v);
}

static void
add_time(cJSON *o, const char *key, int64_t ms)
{
	char buf[32];

	if (ms < 0)
		return;
	meta_format_time(ms, buf, sizeof buf);
	cJSON_AddStringToObject(o, key, buf);
}

static cJSON *
enc_labels(const struct labels *l)
{
	cJSON *o = cJSON_CreateObject();

	for (size_t i = 0; i < l->n; i++)
		cJSON_AddStringToObject(o, l->v[i].key, l->v[i].value);
	return o;
}

static void
add_labels(cJSON *o, const char *key, const struct labels *l)
{
	if (l->n > 0)
		cJSON_AddItemToObject(o, key, enc_labels(l));
}

static cJSON *
enc_strv(char *const *v, size_t n)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
	return a;
}

static cJSON *
enc_meta(const struct meta *m, bool with_generation)
{
	cJSON *o = cJSON_CreateObject();
	char rv[32];

	add_labels(o, "annotations", &m->annotations);
	add_time(o, "creationTimestamp", m->creation_ms);
	if (m->deletion_ms >= 0) {
		cJSON_AddNumberToObject(o, "deletionGracePeriodSeconds", (double)m->deletion_grace_s);
		add_time(o, "deletionTimestamp", m->deletion_ms);
	}
	if (m->n_finalizers > 0)
		cJSON_AddItemToObject(o, "finalizers", enc_strv(m->finalizers, m->n_finalizers));
	add_str(o, "generateName", m->generate_name);
	if (with_generation && m->generation > 0)
		cJSON_AddNumberToObject(o, "generation", (double)m->generation);
	add_labels(o, "labels", &m->labels);
	add_str(o, "name", m->name);
	add_str(o, "namespace", m->ns);
	if (m->n_owners > 0) {
		cJSON *refs = cJSON_AddArrayToObject(o, "ownerReferences");

		for (size_t i = 0; i < m->n_owners; i++) {
			const struct owner_ref *r = &m->owners[i];
			cJSON *ref = cJSON_CreateObject();

			cJSON_AddStringToObject(ref, "apiVersion", r->api_version);
			if (r->block_owner_deletion)
				cJSON_AddBoolToObject(ref, "blockOwnerDeletion", true);
			if (r->controller)
				cJSON_AddBoolToObject(ref, "controller", true);
			cJSON_AddStringToObject(ref, "kind", r->kind);
			cJSON_AddStringToObject(ref, "name", r->name);
			cJSON_AddStringToObject(ref, "uid", r->uid);
			cJSON_AddItemToArray(refs, ref);
		}
	}
	if (m->resource_version > 0) {
		snprintf(rv, sizeof rv, "%llu", (unsigned long long)m->resource_version);
		cJSON_AddStringToObject(o, "resourceVersion", rv);
	}
	add_str(o, "uid", m->uid);
	return o;
}

cJSON *
encode_meta(const struct object *obj)
{
	/* Only DaemonSets among the kinds served count generations. */
	cJSON *md = enc_meta(&obj->meta, obj->kind == KIND_DAEMONSET);

	/* The namespace registry's Delete sets a deletionTimestamp and no grace period. */
	if (obj->kind == KIND_NAMESPACE)
		cJSON_DeleteItemFromObjectCaseSensitive(md, "deletionGracePeriodSeconds");
	return md;
}

/*
 * encode_meta's document as encode_json_compact prints it, written without
 * building it: a Table's PartialObjectMetadata row objects are most of what
 * `kubectl get` costs the server. The keys go in enc_meta's order, which is
 * already the bytewise order json.Marshal sorts map keys into, and labels
 * are kept sorted by key. check_apitable compares the two for every kind.
 */
struct jw {
	struct strbuf *out;
	bool more; /* a member is written: the next one needs a comma */
};

static void
jw_key(struct jw *w, const char *key)
{
	if (w->more)
		sb_addc(w->out, ',');
	w->more = true;
	encode_json_string(key, w->out);
	sb_addc(w->out, ':');
}

static void
jw_str(struct jw *w, const char *key, const char *v)
{
	if (v == NULL || v[0] == '\0')
		return;
	jw_key(w, key);
	encode_json_string(v, w->out);
}

/* A string cJSON_AddStringToObject adds even when empty (but not when NULL). */
static void
jw_any_str(struct jw *w, const char *key, const char *v)
{
	if (v == NULL)
		return;
	jw_key(w, key);
	encode_json_string(v, w->out);
}

static void
jw_time(struct jw *w, const char *key, int64_t ms)
{
	char buf[32];

	if (ms < 0)
		return;
	meta_format_time(ms, buf, sizeof buf);
	jw_key(w, key);
	encode_json_string(buf, w->out);
}

static void
jw_labels(struct jw *w, const char *key, const struct labels *l)
{
	if (l->n == 0)
		return;
	jw_key(w, key);
	sb_addc(w->out, '{');
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			sb_addc(w->out, ',');
		encode_json_string(l->v[i].key, w->out);
		sb_addc(w->out, ':');
		encode_json_string(l->v[i].value, w->out);
	}
	sb_addc(w->out, '}');
}

void
encode_meta_json(const struct object *obj, struct strbuf *out)
{
	const struct meta *m = &obj->meta;
	struct jw w = {out, false};

	sb_addc(out, '{');
	jw_labels(&w, "annotations", &m->annotations);
	jw_time(&w, "creationTimestamp", m->creation_ms);
	if (m->deletion_ms >= 0) {
		if (obj->kind != KIND_NAMESPACE) {
			jw_key(&w, "deletionGracePeriodSeconds");
			encode_json_number((double)m->deletion_grace_s, out);
		}
		jw_time(&w, "deletionTimestamp", m->deletion_ms);
	}
	if (m->n_finalizers > 0) {
		jw_key(&w, "finalizers");
		sb_addc(out, '[');
		for (size_t i = 0; i < m->n_finalizers; i++) {
			if (i > 0)
				sb_addc(out, ',');
			encode_json_string(m->finalizers[i], out);
		}
		sb_addc(out, ']');
	}
	jw_str(&w, "generateName", m->generate_name);
	if (obj->kind == KIND_DAEMONSET && m->generation > 0) {
		jw_key(&w, "generation");
		encode_json_number((double)m->generation, out);
	}
	jw_labels(&w, "labels", &m->labels);
	jw_str(&w, "name", m->name);
	jw_str(&w, "namespace", m->ns);
	if (m->n_owners > 0) {
		jw_key(&w, "ownerReferences");
		sb_addc(out, '[');
		for (size_t i = 0; i < m->n_owners; i++) {
			const struct owner_ref *r = &m->owners[i];
			struct jw ref = {out, false};

			sb_add(out, i > 0 ? ",{" : "{");
			jw_any_str(&ref, "apiVersion", r->api_version);
			if (r->block_owner_deletion) {
				jw_key(&ref, "blockOwnerDeletion");
				sb_add(out, "true");
			}
			if (r->controller) {
				jw_key(&ref, "controller");
				sb_add(out, "true");
			}
			jw_any_str(&ref, "kind", r->kind);
			jw_any_str(&ref, "name", r->name);
			jw_any_str(&ref, "uid", r->uid);
			sb_addc(out, '}');
		}
		sb_addc(out, ']');
	}
	if (m->resource_version > 0) {
		char rv[24], *e = rv + sizeof rv, *d = e;
		unsigned long long v = (unsigned long long)m->resource_version;

		/* The digits by hand, not through printf: one per row of a Table. */
		*--d = '"';
		do
			*--d = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		*--d = '"';
		jw_key(&w, "resourceVersion");
		sb_addn(out, d, (size_t)(e - d));
	}
	jw_str(&w, "uid", m->uid);
	sb_addc(out, '}');
}

static cJSON *
enc_quantity(const struct quantity *q)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *s;

	qty_format(q, &sb);
	s = cJSON_CreateString(sb_str(&sb));
	sb_free(&sb);
	return s;
}

static cJSON *
enc_res(const struct res_list *r)
{
	cJSON *o = cJSON_CreateObject();

	for (size_t i = 0; i < r->n; i++)
		cJSON_AddItemToObject(o, r->v[i].name, enc_quantity(&r->v[i].q));
	return o;
}

static cJSON *
enc_reqs(const struct sel_req *r, size_t n)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; i < n; i++) {
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "key", r[i].key);
		cJSON_AddStringToObject(e, "operator", sel_op_name(r[i].op));
		if (r[i].n_values > 0)
			cJSON_AddItemToObject(e, "values", enc_strv(r[i].values, r[i].n_values));
		cJSON_AddItemToArray(a, e);
	}
	return a;
}

static cJSON *
enc_term(const struct node_term *t)
{
	cJSON *o = cJSON_CreateObject();

	if (t->n_exprs > 0)
		cJSON_AddItemToObject(o, "matchExpressions", enc_reqs(t->exprs, t->n_exprs));
	if (t->n_fields > 0)
		cJSON_AddItemToObject(o, "matchFields", enc_reqs(t->fields, t->n_fields));
	return o;
}

static cJSON *
enc_selector(const struct label_selector *s)
{
	cJSON *o = cJSON_CreateObject();

	if (s->n_exprs > 0)
		cJSON_AddItemToObject(o, "matchExpressions", enc_reqs(s->exprs, s->n_exprs));
	add_labels(o, "matchLabels", &s->match_labels);
	return o;
}

static cJSON *
enc_toleration(const struct toleration *t)
{
	cJSON *o = cJSON_CreateObject();

	if (t->effect != EFFECT_ALL)
		cJSON_AddStringToObject(o, "effect", taint_effect_name(t->effect));
	add_str(o, "key", t->key);
	/* Equal is the unstated default; the API server does not write it in. */
	if (t->op == TOL_EXISTS)
		cJSON_AddStringToObject(o, "operator", "Exists");
	if (t->has_seconds)
		cJSON_AddNumberToObject(o, "tolerationSeconds", (double)t->seconds);
	add_str(o, "value", t->value);
	return o;
}

static cJSON *
enc_container(const struct container *c)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *res;

	if (c->n_args > 0)
		cJSON_AddItemToObject(o, "args", enc_strv(c->args, c->n_args));
	if (c->n_command > 0)
		cJSON_AddItemToObject(o, "command", enc_strv(c->command, c->n_command));
	add_str(o, "image", c->image);
	add_str(o, "imagePullPolicy", c->image_pull_policy);
	add_str(o, "name", c->name);
	if (c->n_ports > 0) {
		cJSON *ports = cJSON_AddArrayToObject(o, "ports");

		for (size_t i = 0; i < c->n_ports; i++) {
			cJSON *p = cJSON_CreateObject();

			cJSON_AddNumberToObject(p, "containerPort", c->ports[i].container_port);
			add_str(p, "hostIP", c->ports[i].host_ip);
			if (c->ports[i].host_port > 0)
				cJSON_AddNumberToObject(p, "hostPort", c->ports[i].host_port);
			add_str(p, "name", c->ports[i].name);
			add_str(p, "protocol", c->ports[i].protocol);
			cJSON_AddItemToArray(ports, p);
		}
	}
	/* ResourceRequirements is a struct: encoding/json never omits it. */
	res = cJSON_AddObjectToObject(o, "resources");
	if (c->limits.n > 0)
		cJSON_AddItemToObject(res, "limits", enc_res(&c->limits));
	if (c->requests.n > 0)
		cJSON_AddItemToObject(res, "requests", enc_res(&c->requests));
	cJSON_AddStringToObject(o, "terminationMessagePath", "/dev/termination-log");
	cJSON_AddStringToObject(o, "terminationMessagePolicy", "File");
	if (c->n_mounts > 0) {
		cJSON *mounts = cJSON_AddArrayToObject(o, "volumeMounts");

		for (size_t i = 0; i < c->n_mounts; i++) {
			cJSON *m = cJSON_CreateObject();

			add_str(m, "mountPath", c->mounts[i].mount_path);
			add_str(m, "name", c->mounts[i].name);
			if (c->mounts[i].read_only)
				cJSON_AddBoolToObject(m, "readOnly", true);
			cJSON_AddItemToArray(mounts, m);
		}
	}
	return o;
}

static cJSON *
enc_pod_spec(const struct pod_spec *s)
{
	cJSON *o = cJSON_CreateObject();

	if (s->has_active_deadline)
		cJSON_AddNumberToObject(o, "activeDeadlineSeconds", (double)s->active_deadline_s);
	if (s->has_affinity && s->affinity.node_affinity) {
		cJSON *aff = cJSON_AddObjectToObject(o, "affinity");
		cJSON *na = cJSON_AddObjectToObject(aff, "nodeAffinity");

		if (s->affinity.n_preferred > 0) {
			cJSON *pref = cJSON_AddArrayToObject(na,
			    "preferredDuringSchedulingIgnoredDuringExecution");

			for (size_t i = 0; i < s->affinity.n_preferred; i++) {
				cJSON *p = cJSON_CreateObject();

				cJSON_AddItemToObject(p, "preference", enc_term(&s->affinity.preferred[i].term));
				cJSON_AddNumberToObject(p, "weight", s->affinity.preferred[i].weight);
				cJSON_AddItemToArray(pref, p);
			}
		}
		if (s->affinity.has_required) {
			cJSON *req = cJSON_AddObjectToObject(na,
			    "requiredDuringSchedulingIgnoredDuringExecution");
			cJSON *terms = cJSON_AddArrayToObject(req, "nodeSelectorTerms");

			for (size_t i = 0; i < s->affinity.required.n_terms; i++)
				cJSON_AddItemToArray(terms, enc_term(&s->affinity.required.terms[i]));
		}
	}
	{
		cJSON *cs = cJSON_AddArrayToObject(o, "containers");

		for (size_t i = 0; i < s->n_containers; i++)
			cJSON_AddItemToArray(cs, enc_container(&s->containers[i]));
	}
	add_str(o, "dnsPolicy", s->dns_policy);
	/* Pod-only defaults and admission fields: a template has them only if written. */
	if (s->has_enable_service_links)
		cJSON_AddBoolToObject(o, "enableServiceLinks", s->enable_service_links);
	if (s->host_network)
		cJSON_AddBoolToObject(o, "hostNetwork", true);
	add_str(o, "nodeName", s->node_name);
	add_labels(o, "nodeSelector", &s->node_selector);
	add_str(o, "preemptionPolicy", s->preemption_policy);
	if (s->has_priority)
		cJSON_AddNumberToObject(o, "priority", s->priority);
	add_str(o, "priorityClassName", s->priority_class_name);
	add_str(o, "restartPolicy", s->restart_policy);
	add_str(o, "schedulerName", s->scheduler_name);
	cJSON_AddObjectToObject(o, "securityContext");
	/* v1 conversion writes the deprecated serviceAccount from serviceAccountName. */
	add_str(o, "serviceAccount", s->service_account);
	add_str(o, "serviceAccountName", s->service_account);
	if (s->termination_grace_s >= 0)
		cJSON_AddNumberToObject(o, "terminationGracePeriodSeconds", (double)s->termination_grace_s);
	if (s->n_tolerations > 0) {
		cJSON *ts = cJSON_AddArrayToObject(o, "tolerations");

		for (size_t i = 0; i < s->n_tolerations; i++)
			cJSON_AddItemToArray(ts, enc_toleration(&s->tolerations[i]));
	}
	if (s->n_volumes > 0) {
		cJSON *vs = cJSON_AddArrayToObject(o, "volumes");

		for (size_t i = 0; i < s->n_volumes; i++) {
			const struct volume *v = &s->volumes[i];
			cJSON *e = cJSON_CreateObject(), *src;

			switch (v->source) {
			case VOL_HOST_PATH:
				src = cJSON_AddObjectToObject(e, "hostPath");
				add_str(src, "path", v->path);
				cJSON_AddStringToObject(src, "type", v->type ? v->type : "");
				break;
			case VOL_EMPTY_DIR:
				cJSON_AddObjectToObject(e, "emptyDir");
				break;
			case VOL_CONFIG_MAP:
				src = cJSON_AddObjectToObject(e, "configMap");
				cJSON_AddNumberToObject(src, "defaultMode", 420);
				add_str(src, "name", v->path);
				break;
			case VOL_SECRET:
				src = cJSON_AddObjectToObject(e, "secret");
				cJSON_AddNumberToObject(src, "defaultMode", 420);
				add_str(src, "secretName", v->path);
				break;
			}
			add_str(e, "name", v->name);
			cJSON_AddItemToArray(vs, e);
		}
	}
	return o;
}

static void
add_cond(cJSON *arr, const char *type, const struct pod_cond *c)
{
	cJSON *o;

	if (!c->set)
		return;
	o = cJSON_CreateObject();
	cJSON_AddNullToObject(o, "lastProbeTime");
	add_time(o, "lastTransitionTime", c->transition_ms);
	add_str(o, "message", c->message);
	add_str(o, "reason", c->reason);
	cJSON_AddStringToObject(o, "status", c->status);
	cJSON_AddStringToObject(o, "type", type);
	cJSON_AddItemToArray(arr, o);
}

/* GetPodQOS (pkg/apis/core/helper/qos), for cpu and memory. */
static cJSON *
enc_pod_status(const struct pod *p)
{
	const struct pod_status *s = &p->status;
	cJSON *o = cJSON_CreateObject();
	cJSON *conds = cJSON_CreateArray();

	/* The sandbox is up once the pod initialises (PodReadyToStartContainersCondition, on in v1.32). */
	add_cond(conds, "PodReadyToStartContainers", &s->initialized);
	add_cond(conds, "Initialized", &s->initialized);
	add_cond(conds, "Ready", &s->ready);
	add_cond(conds, "ContainersReady", &s->containers_ready);
	add_cond(conds, "PodScheduled", &s->scheduled);
	if (cJSON_GetArraySize(conds) > 0)
		cJSON_AddItemToObject(o, "conditions", conds);
	else
		cJSON_Delete(conds);
	if (s->n_cs > 0) {
		cJSON *cs = cJSON_AddArrayToObject(o, "containerStatuses");

		for (size_t i = 0; i < s->n_cs; i++) {
			const struct container_status *c = &s->cs[i];
			cJSON *e = cJSON_CreateObject(), *state = cJSON_CreateObject(), *st;

			add_str(e, "containerID", c->container_id);
			add_str(e, "image", c->image);
			/* imageID has no omitempty: "" until the runtime has the image. */
			cJSON_AddStringToObject(e, "imageID", c->image_id ? c->image_id : "");
			/* lastState is a struct: {} when the container never terminated. */
			cJSON_AddObjectToObject(e, "lastState");
			add_str(e, "name", c->name);
			cJSON_AddBoolToObject(e, "ready", c->ready);
			cJSON_AddNumberToObject(e, "restartCount", c->restarts);
			cJSON_AddBoolToObject(e, "started", c->state == CSTATE_RUNNING);
			switch (c->state) {
			case CSTATE_RUNNING:
				st = cJSON_AddObjectToObject(state, "running");
				add_time(st, "startedAt", c->started_ms);
				break;
			case CSTATE_TERMINATED:
				st = cJSON_AddObjectToObject(state, "terminated");
				add_str(st, "containerID", c->container_id);
				cJSON_AddNumberToObject(st, "exitCode", c->exit_code);
				add_str(st, "message", c->message);
				add_str(st, "reason", c->reason);
				break;
			case CSTATE_WAITING:
				st = cJSON_AddObjectToObject(state, "waiting");
				add_str(st, "message", c->message);
				add_str(st, "reason", c->reason);
				break;
			}
			cJSON_AddItemToObject(e, "state", state);
			/*
			 * A container that exists reports its mounts
			 * (convertToAPIContainerStatuses, RecursiveReadOnlyMounts is
			 * on in v1.32); a read-only one says its recursive mode.
			 */
			if (c->state != CSTATE_WAITING && i < p->spec.n_containers &&
			    p->spec.containers[i].n_mounts > 0) {
				const struct container *ct = &p->spec.containers[i];
				cJSON *vms = cJSON_AddArrayToObject(e, "volumeMounts");

				for (size_t j = 0; j < ct->n_mounts; j++) {
					cJSON *m = cJSON_CreateObject();

					add_str(m, "mountPath", ct->mounts[j].mount_path);
					add_str(m, "name", ct->mounts[j].name);
					if (ct->mounts[j].read_only) {
						cJSON_AddBoolToObject(m, "readOnly", true);
						cJSON_AddStringToObject(m, "recursiveReadOnly", "Disabled");
					}
					cJSON_AddItemToArray(vms, m);
				}
			}
			cJSON_AddItemToArray(cs, e);
		}
	}
	add_str(o, "hostIP", s->host_ip);
	add_str(o, "message", s->message);
	cJSON_AddStringToObject(o, "phase", pod_phase_name(s->phase));
	add_str(o, "podIP", s->pod_ip);
	if (s->pod_ip != NULL) {
		cJSON *ips = cJSON_AddArrayToObject(o, "podIPs");
		cJSON *ip = cJSON_CreateObject();

		cJSON_AddStringToObject(ip, "ip", s->pod_ip);
		cJSON_AddItemToArray(ips, ip);
	}
	cJSON_AddStringToObject(o, "qosClass", pod_qos_class(&p->spec));
	add_str(o, "reason", s->reason);
	add_time(o, "startTime", s->start_ms);
	return o;
}

static cJSON *
enc_pod(const struct pod *p)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "apiVersion", "v1");
	cJSON_AddStringToObject(o, "kind", "Pod");
	cJSON_AddItemToObject(o, "metadata", encode_meta(&p->obj));
	cJSON_AddItemToObject(o, "spec", enc_pod_spec(&p->spec));
	cJSON_AddItemToObject(o, "status", enc_pod_status(p));
	return o;
}

static cJSON *
enc_intstr(const struct intstr *v)
{
	return v->is_str ? cJSON_CreateString(v->sval) : cJSON_CreateNumber(v->ival);
}

static cJSON *
enc_ds(const struct daemonset *ds)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *spec, *tmpl, *tmeta, *strat, *status;

	cJSON_AddStringToObject(o, "apiVersion", "apps/v1");
	cJSON_AddStringToObject(o, "kind", "DaemonSet");
	cJSON_AddItemToObject(o, "metadata", encode_meta(&ds->obj));
	spec = cJSON_AddObjectToObject(o, "spec");
	cJSON_AddNumberToObject(spec, "revisionHistoryLimit", ds->revision_history_limit);
	if (ds->min_ready_seconds > 0)
		cJSON_AddNumberToObject(spec, "minReadySeconds", ds->min_ready_seconds);
	if (ds->selector.present)
		cJSON_AddItemToObject(spec, "selector", enc_selector(&ds->selector));
	tmpl = cJSON_AddObjectToObject(spec, "template");
	tmeta = cJSON_AddObjectToObject(tmpl, "metadata");
	add_labels(tmeta, "annotations", &ds->tmpl.annotations);
	/* metav1.Time{} marshals as null: kubectl shows creationTimestamp: null. */
	cJSON_AddNullToObject(tmeta, "creationTimestamp");
	add_labels(tmeta, "labels", &ds->tmpl.labels);
	cJSON_AddItemToObject(tmpl, "spec", enc_pod_spec(&ds->tmpl.spec));
	strat = cJSON_AddObjectToObject(spec, "updateStrategy");
	if (ds->strategy == DS_ROLLING_UPDATE) {
		cJSON *ru = cJSON_AddObjectToObject(strat, "rollingUpdate");

		if (ds->max_surge.set)
			cJSON_AddItemToObject(ru, "maxSurge", enc_intstr(&ds->max_surge));
		if (ds->max_unavailable.set)
			cJSON_AddItemToObject(ru, "maxUnavailable", enc_intstr(&ds->max_unavailable));
		cJSON_AddStringToObject(strat, "type", "RollingUpdate");
	} else
		cJSON_AddStringToObject(strat, "type",
		    ds->strategy == DS_ON_DELETE ? "OnDelete" : ds->strategy_name);
	status = cJSON_AddObjectToObject(o, "status");
	cJSON_AddNumberToObject(status, "currentNumberScheduled", ds->status.current);
	cJSON_AddNumberToObject(status, "desiredNumberScheduled", ds->status.desired);
	if (ds->status.available > 0)
		cJSON_AddNumberToObject(status, "numberAvailable", ds->status.available);
	cJSON_AddNumberToObject(status, "numberMisscheduled", ds->status.misscheduled);
	cJSON_AddNumberToObject(status, "numberReady", ds->status.ready);
	if (ds->status.unavailable > 0)
		cJSON_AddNumberToObject(status, "numberUnavailable", ds->status.unavailable);
	if (ds->status.observed_generation > 0)
		cJSON_AddNumberToObject(status, "observedGeneration",
		    (double)ds->status.observed_generation);
	if (ds->status.updated > 0)
		cJSON_AddNumberToObject(status, "updatedNumberScheduled", ds->status.updated);
	return o;
}

static cJSON *
enc_node(const struct node *n)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *spec, *status, *conds, *addrs, *info, *a;

	cJSON_AddStringToObject(o, "apiVersion", "v1");
	cJSON_AddStringToObject(o, "kind", "Node");
	cJSON_AddItemToObject(o, "metadata", encode_meta(&n->obj));
	spec = cJSON_AddObjectToObject(o, "spec");
	add_str(spec, "podCIDR", n->pod_cidr);
	if (n->pod_cidr != NULL)
		cJSON_AddItemToObject(spec, "podCIDRs", enc_strv(&n->pod_cidr, 1));
	if (n->n_taints > 0) {
		cJSON *ts = cJSON_AddArrayToObject(spec, "taints");

		for (size_t i = 0; i < n->n_taints; i++) {
			cJSON *t = cJSON_CreateObject();

			cJSON_AddStringToObject(t, "effect", taint_effect_name(n->taints[i].effect));
			cJSON_AddStringToObject(t, "key", n->taints[i].key);
			add_time(t, "timeAdded", n->taints[i].time_added_ms);
			add_str(t, "value", n->taints[i].value);
			cJSON_AddItemToArray(ts, t);
		}
	}
	if (n->unschedulable)
		cJSON_AddBoolToObject(spec, "unschedulable", true);
	status = cJSON_AddObjectToObject(o, "status");
	addrs = cJSON_AddArrayToObject(status, "addresses");
	a = cJSON_CreateObject();
	cJSON_AddStringToObject(a, "address", n->internal_ip ? n->internal_ip : "");
	cJSON_AddStringToObject(a, "type", "InternalIP");
	cJSON_AddItemToArray(addrs, a);
	a = cJSON_CreateObject();
	cJSON_AddStringToObject(a, "address", n->obj.meta.name);
	cJSON_AddStringToObject(a, "type", "Hostname");
	cJSON_AddItemToArray(addrs, a);
	cJSON_AddItemToObject(status, "allocatable", enc_res(&n->allocatable));
	cJSON_AddItemToObject(status, "capacity", enc_res(&n->capacity));
	conds = cJSON_AddArrayToObject(status, "conditions");
	for (size_t i = 0; i < n->n_conds; i++) {
		const struct node_cond *c = &n->conds[i];
		cJSON *e = cJSON_CreateObject();

		add_time(e, "lastHeartbeatTime", c->heartbeat_ms);
		add_time(e, "lastTransitionTime", c->transition_ms);
		add_str(e, "message", c->message);
		add_str(e, "reason", c->reason);
		cJSON_AddStringToObject(e, "status", c->status);
		cJSON_AddStringToObject(e, "type", c->type);
		cJSON_AddItemToArray(conds, e);
	}
	info = cJSON_AddObjectToObject(status, "nodeInfo");
	cJSON_AddStringToObject(info, "architecture", "amd64");
	cJSON_AddStringToObject(info, "bootID", n->boot_id ? n->boot_id : "");
	add_str(info, "containerRuntimeVersion", n->container_runtime);
	add_str(info, "kernelVersion", n->kernel_version);
	add_str(info, "kubeProxyVersion", n->kubelet_version);
	add_str(info, "kubeletVersion", n->kubelet_version);
	cJSON_AddStringToObject(info, "machineID", n->machine_id ? n->machine_id : "");
	cJSON_AddStringToObject(info, "operatingSystem", "linux");
	add_str(info, "osImage", n->os_image);
	cJSON_AddStringToObject(info, "systemUUID", n->system_uuid ? n->system_uuid : "");
	return o;
}

static cJSON *
enc_event(const struct event *e)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *io, *src;

	cJSON_AddStringToObject(o, "apiVersion", "v1");
	cJSON_AddNumberToObject(o, "count", e->count);
	cJSON_AddNullToObject(o, "eventTime");
	add_time(o, "firstTimestamp", e->first_ms);
	io = cJSON_AddObjectToObject(o, "involvedObject");
	add_str(io, "apiVersion", event_involved_api_version(e));
	cJSON_AddStringToObject(io, "kind", e->involved_kind);
	add_str(io, "name", e->involved_name);
	add_str(io, "namespace", e->involved_ns);
	add_str(io, "uid", e->involved_uid);
	cJSON_AddStringToObject(o, "kind", "Event");
	add_time(o, "lastTimestamp", e->last_ms);
	add_str(o, "message", e->message);
	cJSON_AddItemToObject(o, "metadata", encode_meta(&e->obj));
	add_str(o, "reason", e->reason);
	cJSON_AddStringToObject(o, "reportingComponent", e->source);
	cJSON_AddStringToObject(o, "reportingInstance", "");
	src = cJSON_AddObjectToObject(o, "source");
	add_str(src, "component", e->source);
	add_str(src, "host", e->host);
	add_str(o, "type", e->type);
	return o;
}

/* data is getPatch(ds): {"spec":{"template":{...,"$patch":"replace"}}}. */
static cJSON *
enc_revision(const struct revision *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *data, *spec, *tmpl, *tmeta;

	cJSON_AddStringToObject(o, "apiVersion", "apps/v1");
	data = cJSON_AddObjectToObject(o, "data");
	spec = cJSON_AddObjectToObject(data, "spec");
	tmpl = cJSON_AddObjectToObject(spec, "template");
	cJSON_AddStringToObject(tmpl, "$patch", "replace");
	tmeta = cJSON_AddObjectToObject(tmpl, "metadata");
	add_labels(tmeta, "annotations", &r->tmpl.annotations);
	cJSON_AddNullToObject(tmeta, "creationTimestamp");
	add_labels(tmeta, "labels", &r->tmpl.labels);
	cJSON_AddItemToObject(tmpl, "spec", enc_pod_spec(&r->tmpl.spec));
	cJSON_AddStringToObject(o, "kind", "ControllerRevision");
	cJSON_AddItemToObject(o, "metadata", encode_meta(&r->obj));
	cJSON_AddNumberToObject(o, "revision", (double)r->revision);
	return o;
}

/* core/v1 Namespace as the API server returns it. */
static cJSON *
enc_namespace(const struct namespace *ns)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *md, *spec, *status;

	cJSON_AddStringToObject(o, "apiVersion", "v1");
	cJSON_AddStringToObject(o, "kind", "Namespace");
	md = encode_meta(&ns->obj);
	cJSON_AddItemToObject(o, "metadata", md);
	spec = cJSON_AddObjectToObject(o, "spec");
	if (ns->n_spec_finalizers > 0)
		cJSON_AddItemToObject(spec, "finalizers",
		    enc_strv(ns->spec_finalizers, ns->n_spec_finalizers));
	status = cJSON_AddObjectToObject(o, "status");
	if (ns->n_conds > 0) {
		cJSON *conds = cJSON_AddArrayToObject(status, "conditions");

		for (size_t i = 0; i < ns->n_conds; i++) {
			const struct ns_cond *c = &ns->conds[i];
			cJSON *co = cJSON_CreateObject();

			add_time(co, "lastTransitionTime", c->transition_ms);
			add_str(co, "message", c->message);
			add_str(co, "reason", c->reason);
			cJSON_AddStringToObject(co, "status", c->status);
			cJSON_AddStringToObject(co, "type", c->type);
			cJSON_AddItemToArray(conds, co);
		}
	}
	cJSON_AddStringToObject(status, "phase", ns_phase(ns));
	return o;
}

/* metav1.MicroTime: RFC 3339 with six fractional digits. */
static void
add_micro_time(cJSON *o, const char *key, int64_t ms)
{
	char buf[48];
	size_t n;

	if (ms < 0)
		return;
	meta_format_time(ms, buf, sizeof buf);
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == 'Z')
		snprintf(buf + n - 1, sizeof buf - (n - 1), ".%03d000Z", (int)(ms % 1000));
	cJSON_AddStringToObject(o, key, buf);
}

/* coordination.k8s.io/v1 Lease; renewTime as it stands at now (api/lease.h). */
static cJSON *
enc_lease(const struct lease *l, int64_t now_ms)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *spec;

	cJSON_AddStringToObject(o, "apiVersion", "coordination.k8s.io/v1");
	cJSON_AddStringToObject(o, "kind", "Lease");
	cJSON_AddItemToObject(o, "metadata", encode_meta(&l->obj));
	spec = cJSON_AddObjectToObject(o, "spec");
	add_micro_time(spec, "acquireTime", l->acquire_ms);
	add_str(spec, "holderIdentity", l->holder);
	cJSON_AddNumberToObject(spec, "leaseDurationSeconds", l->duration_s);
	add_micro_time(spec, "renewTime", lease_renew_time(l, now_ms));
	return o;
}

cJSON *
encode_object(const struct object *obj, int64_t now_ms)
{
	switch (obj->kind) {
	case KIND_POD:
		return enc_pod((const struct pod *)obj);
	case KIND_DAEMONSET:
		return enc_ds((const struct daemonset *)obj);
	case KIND_NODE:
		return enc_node((const struct node *)obj);
	case KIND_EVENT:
		return enc_event((const struct event *)obj);
	case KIND_CONTROLLERREVISION:
		return enc_revision((const struct revision *)obj);
	case KIND_NAMESPACE:
		return enc_namespace((const struct namespace *)obj);
	case KIND_LEASE:
		return enc_lease((const struct lease *)obj, now_ms);
	case KIND__COUNT:
		break;
	}
	return cJSON_CreateObject();
}

cJSON *
encode_list(struct object *const *objs, size_t n, int64_t now_ms)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *items, *meta;

	cJSON_AddStringToObject(o, "apiVersion", "v1");
	items = cJSON_AddArrayToObject(o, "items");
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(items, encode_object(objs[i], now_ms));
	cJSON_AddStringToObject(o, "kind", "List");
	meta = cJSON_AddObjectToObject(o, "metadata");
	cJSON_AddStringToObject(meta, "resourceVersion", "");
	return o;
}

void
encode_free(cJSON *doc)
{
	cJSON_Delete(doc);
}

void
encode_trace_line(int64_t t_ms, const char *op, const struct object *obj, struct strbuf *out)
{
	cJSON *line = cJSON_CreateObject();
	char *text;

	cJSON_AddNumberToObject(line, "t", (double)t_ms);
	cJSON_AddStringToObject(line, "op", op);
	cJSON_AddStringToObject(line, "kind", kind_name(obj->kind));
	cJSON_AddStringToObject(line, "namespace", obj->meta.ns ? obj->meta.ns : "");
	cJSON_AddStringToObject(line, "name", obj->meta.name);
	cJSON_AddNumberToObject(line, "resourceVersion", (double)obj->meta.resource_version);
	text = cJSON_PrintUnformatted(line);
	sb_add(out, text);
	sb_addc(out, '\n');
	cJSON_free(text);
	cJSON_Delete(line);
}
