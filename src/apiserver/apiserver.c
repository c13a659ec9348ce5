/*
 * apiserver.c - admission, registry strategies and Status errors.
 *
 * Follows the path of a write through kube-apiserver
 * (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go):
 * decode with fieldValidation, mutating admission (defaults, the
 * DefaultTolerationSeconds plugin), the kind's strategy (PrepareForCreate,
 * PrepareForUpdate, Validate, ValidateUpdate), the resourceVersion
 * precondition, then the store. A dry run stops just before the store.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/defaults.h"
#include "api/event.h"
#include "api/lease.h"
#include "api/namespace.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/revision.h"
#include "api/store.h"
#include "api/validate.h"
#include "apiserver/apiserver.h"
#include "apiserver/patch.h"
#include "cluster.h"
#include "codec/decode.h"
#include "codec/encode.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/xmalloc.h"

void
api_status_init(struct api_status *st)
{
	st->reason = API_OK;
	st->code = 200;
	sb_init(&st->message);
	sb_init(&st->shown);
	st->details = NULL;
}

void
api_status_free(struct api_status *st)
{
	sb_free(&st->message);
	sb_free(&st->shown);
	cJSON_Delete(st->details);
	st->details = NULL;
}

/* metav1.StatusReason and the HTTP code the server answers with. */
static const struct {
	const char *name;
	int code;
} reasons[] = {
	[API_OK] = {"", 200},
	[API_BAD_REQUEST] = {"BadRequest", 400},
	[API_NOT_FOUND] = {"NotFound", 404},
	[API_ALREADY_EXISTS] = {"AlreadyExists", 409},
	[API_CONFLICT] = {"Conflict", 409},
	[API_INVALID] = {"Invalid", 422},
	[API_FORBIDDEN] = {"Forbidden", 403},
	[API_METHOD_NOT_ALLOWED] = {"MethodNotAllowed", 405},
	[API_INTERNAL] = {"InternalError", 500},
	[API_UNKNOWN] = {"", 500},
};

const char *
api_reason_name(enum api_reason r)
{
	return reasons[r].name;
}

int
api_fail(struct api_status *st, enum api_reason r, const char *fmt, ...)
{
	va_list ap;

	st->reason = r;
	st->code = reasons[r].code;
	sb_reset(&st->message);
	sb_reset(&st->shown);
	cJSON_Delete(st->details);
	st->details = NULL;
	va_start(ap, fmt);
	sb_vaddf(&st->message, fmt, ap);
	va_end(ap);
	return -1;
}

/* The cause's reason, from the text field.Error gives its type (field/errors.go). */
static const char *
cause_reason(const char *message)
{
	static const struct {
		const char *prefix, *reason;
	} types[] = {
		{"Required value", "FieldValueRequired"},
		{"Invalid value", "FieldValueInvalid"},
		{"Unsupported value", "FieldValueNotSupported"},
		{"Duplicate value", "FieldValueDuplicate"},
		{"Forbidden", "FieldValueForbidden"},
		{"Too long", "FieldValueTooLong"},
		{"Too many", "FieldValueTooMany"},
		{"Not found", "FieldValueNotFound"},
	};

	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strncmp(message, types[i].prefix, strlen(types[i].prefix)) == 0)
			return types[i].reason;
	return "FieldValueInvalid";
}

/*
 * apierrors.NewInvalid's details: a cause per error, its field and its
 * body, which kubectl joins again as "field: body" (statusCausesToAggrError).
 */
static cJSON *
invalid_details(enum kind k, const char *name, const struct field_errors *fe)
{
	const char *av = kind_api_version(k), *slash = strchr(av, '/');
	cJSON *d = cJSON_CreateObject(), *causes;
	char *group = xstrndup(av, slash ? (size_t)(slash - av) : 0);

	cJSON_AddStringToObject(d, "name", name);
	cJSON_AddStringToObject(d, "group", group);
	cJSON_AddStringToObject(d, "kind", kind_name(k));
	causes = cJSON_AddArrayToObject(d, "causes");
	for (size_t i = 0; i < fe->n; i++) {
		const char *sep = strstr(fe->v[i], ": ");
		cJSON *c = cJSON_CreateObject();
		char *field = xstrndup(fe->v[i], sep ? (size_t)(sep - fe->v[i]) : 0);
		const char *body = sep ? sep + 2 : fe->v[i];

		cJSON_AddStringToObject(c, "reason", cause_reason(body));
		cJSON_AddStringToObject(c, "message", body);
		cJSON_AddStringToObject(c, "field", field);
		cJSON_AddItemToArray(causes, c);
		free(field);
	}
	free(group);
	return d;
}

int
api_fail_invalid(struct api_status *st, enum kind k, const char *name,
    const struct field_errors *fe)
{
	const char *av = kind_api_version(k), *slash = strchr(av, '/');

	api_fail(st, API_INVALID, "%s", kind_name(k));
	/* schema.GroupKind.String(): "DaemonSet.apps", "Pod". */
	if (slash != NULL)
		sb_addf(&st->message, ".%.*s", (int)(slash - av), av);
	sb_addf(&st->message, " \"%s\" is invalid: %s", name, fe->n > 1 ? "[" : "");
	for (size_t i = 0; i < fe->n; i++)
		sb_addf(&st->message, "%s%s", i ? ", " : "", fe->v[i]);
	if (fe->n > 1)
		sb_addc(&st->message, ']');
	valid_format(kind_name(k), name, fe, &st->shown);
	st->details = invalid_details(k, name, fe);
	return -1;
}

/* ---- admission ---- */

/*
 * fieldValidation=Strict turns the decoder's unknown-field warnings into a
 * BadRequest (apiserver/pkg/endpoints/handlers/create.go, strict decoding
 * errors joined by ", "); Warn returns them as warnings; Ignore drops them.
 */
static int
check_fields(const struct object *obj, const struct api_opts *o, struct api_status *st)
{
	const char *p = o->unknown_fields;
	bool first = true;

	if (p == NULL || p[0] == '\0' || o->field_validation == API_FIELDS_IGNORE)
		return 0;
	if (o->field_validation == API_FIELDS_WARN) {
		if (o->warnings != NULL)
			sb_add(o->warnings, p);
		return 0;
	}
	api_fail(st, API_BAD_REQUEST,
	    "%s in version \"v1\" cannot be handled as a %s: strict decoding error: ",
	    kind_name(obj->kind), kind_name(obj->kind));
	while ((p = strstr(p, "unknown field")) != NULL) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		sb_addf(&st->message, "%s%.*s", first ? "" : ", ", (int)n, p);
		first = false;
		p += n;
	}
	return -1;
}

/*
 * DefaultTolerationSeconds admission: every pod tolerates not-ready and
 * unreachable for 300 s unless it already says otherwise.
 */
static void
admit_default_toleration_seconds(struct pod_spec *s)
{
	static const char *const keys[] = {"node.kubernetes.io/not-ready",
		"node.kubernetes.io/unreachable"};

	for (size_t i = 0; i < 2; i++) {
		struct taint t = {(char *)keys[i], "", EFFECT_NO_EXECUTE, -1};
		struct toleration tol;

		if (tolerations_tolerate(s->tolerations, s->n_tolerations, &t))
			continue;
		toleration_init(&tol, keys[i], TOL_EXISTS, "", EFFECT_NO_EXECUTE);
		tol.has_seconds = true;
		tol.seconds = 300;
		pod_add_toleration(s, &tol);
		toleration_free(&tol);
	}
}

/*
 * Defaulting (each kind's own, src/api/defaults.c), mutating admission,
 * then validation (old is NULL on create).
 */
static int
admit(struct object *obj, const struct object *old, struct api_status *st)
{
	struct field_errors fe = {NULL, 0};
	struct ks_err err;

	switch (obj->kind) {
	case KIND_DAEMONSET:
		defaults_daemonset((struct daemonset *)obj);
		valid_daemonset((struct daemonset *)obj, (const struct daemonset *)old, &fe);
		break;
	case KIND_POD:
		defaults_pod((struct pod *)obj);
		/* The ServiceAccount and Priority plugins; a refusal is Forbidden. */
		if (old == NULL && defaults_admit_pod((struct pod *)obj, &err) < 0)
			return api_fail(st, API_FORBIDDEN, "%s", err.msg);
		admit_default_toleration_seconds(&((struct pod *)obj)->spec);
		valid_pod((struct pod *)obj, &fe);
		break;
	case KIND_NODE:
		valid_node((struct node *)obj, &fe);
		break;
	case KIND_NAMESPACE:
		ns_prepare_for_create((struct namespace *)obj);
		valid_namespace((struct namespace *)obj, &fe);
		break;
	default:
		break;
	}
	if (fe.n == 0)
		return 0;
	api_fail_invalid(st, obj->kind, obj->meta.name ? obj->meta.name : "", &fe);
	field_errors_free(&fe);
	return -1;
}

/* ---- create ---- */

/* NamespaceLifecycle, the first admission plugin: the namespace must exist and not be terminating. */
static int
admit_lifecycle(struct cluster *c, const struct object *obj, struct api_status *st)
{
	struct ks_err err;
	int rc = nslifecycle_admit(c->store, obj, &err);

	if (rc == NSL_OK)
		return 0;
	return api_fail(st, rc == NSL_NOT_FOUND ? API_NOT_FOUND : API_FORBIDDEN, "%s", err.msg);
}

int
api_create(struct cluster *c, struct object *obj, const struct api_opts *o, struct object **out,
    struct api_status *st)
{
	struct ks_err err;
	int rc;

	if (out != NULL)
		*out = NULL;
	/* etcd3's store refuses it (a plain error, so a 500 with no reason). */
	if (obj->meta.resource_version != 0) {
		api_fail(st, API_UNKNOWN, "resourceVersion should not be set on objects to be created");
		object_free(obj);
		return -1;
	}
	if (check_fields(obj, o, st) < 0 || admit_lifecycle(c, obj, st) < 0 ||
	    admit(obj, NULL, st) < 0) {
		object_free(obj);
		return -1;
	}
	if (obj->kind == KIND_DAEMONSET)
		ds_prepare_for_create((struct daemonset *)obj);
	if (o->dry_run) {
		rc = store_create_dry_run(c->store, obj, &err);
	} else if (obj->kind == KIND_NODE) {
		/* A Node posted by hand registers like a kubelet would. */
		rc = cluster_add_node(c, (struct node *)obj, true, true, &err) < 0 ? STORE_ERR_EXISTS :
										      STORE_OK;
		if (rc != STORE_OK)
			snprintf(err.msg, sizeof err.msg, "nodes \"%s\" already exists", obj->meta.name);
	} else
		rc = store_create(c->store, obj, &err);
	if (rc != STORE_OK) {
		api_fail(st, rc == STORE_ERR_EXISTS ? API_ALREADY_EXISTS : API_INVALID, "%s", err.msg);
		object_free(obj);
		return -1;
	}
	if (out != NULL)
		*out = obj;
	else if (o->dry_run)
		object_free(obj);
	return 0;
}

/* ---- update ---- */

static void
swap_bytes(void *a, void *b, size_t size)
{
	unsigned char *x = a, *y = b;

	for (size_t i = 0; i < size; i++) {
		unsigned char t = x[i];

		x[i] = y[i];
		y[i] = t;
	}
}
#define SWAP(a, b) swap_bytes(&(a), &(b), sizeof(a))

/* What a client may write in ObjectMeta: labels, annotations, finalizers, owners. */
static void
meta_swap_writable(struct meta *a, struct meta *b)
{
	SWAP(a->labels, b->labels);
	SWAP(a->annotations, b->annotations);
	SWAP(a->finalizers, b->finalizers);
	SWAP(a->n_finalizers, b->n_finalizers);
	SWAP(a->owners, b->owners);
	SWAP(a->n_owners, b->n_owners);
}

static void
ds_swap_spec(struct daemonset *a, struct daemonset *b)
{
	SWAP(a->selector, b->selector);
	SWAP(a->tmpl, b->tmpl);
	SWAP(a->strategy, b->strategy);
	SWAP(a->strategy_name, b->strategy_name);
	SWAP(a->has_rolling, b->has_rolling);
	SWAP(a->max_unavailable, b->max_unavailable);
	SWAP(a->max_surge, b->max_surge);
	SWAP(a->min_ready_seconds, b->min_ready_seconds);
	SWAP(a->has_revision_history_limit, b->has_revision_history_limit);
	SWAP(a->revision_history_limit, b->revision_history_limit);
	SWAP(a->template_generation, b->template_generation);
	SWAP(a->obj.meta.generation, b->obj.meta.generation);
}

static void
node_swap_spec(struct node *a, struct node *b)
{
	SWAP(a->unschedulable, b->unschedulable);
	SWAP(a->taints, b->taints);
	SWAP(a->n_taints, b->n_taints);
}

/*
 * ValidatePodUpdate: only container images, activeDeadlineSeconds, added
 * tolerations and a negative grace period may change on a pod. kubesim
 * checks the images part exactly and refuses any other spec change.
 */
static int
pod_validate_update(struct pod *p, const struct pod *old, struct api_status *st)
{
	struct field_errors fe = {NULL, 0};
	struct pod_spec masked;
	bool same;

	/* The scheduler's binding is not the client's to undo. */
	if (p->spec.node_name == NULL && old->spec.node_name != NULL)
		p->spec.node_name = atom_ref(old->spec.node_name);
	pod_spec_copy(&masked, &p->spec);
	for (size_t i = 0; i < masked.n_containers && i < old->spec.n_containers; i++) {
		atom_put(masked.containers[i].image);
		masked.containers[i].image = atom_ref(old->spec.containers[i].image);
	}
	same = pod_spec_equal(&masked, &old->spec);
	pod_spec_free(&masked);
	if (same)
		return 0;
	field_errors_add(&fe,
	    "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
	api_fail_invalid(st, KIND_POD, old->obj.meta.name, &fe);
	field_errors_free(&fe);
	return -1;
}

/* The kind's PrepareForUpdate and ValidateUpdate: fills obj from live where the client may not write. */
static int
prepare_update(struct object *obj, const struct object *live, struct api_status *st)
{
	switch (obj->kind) {
	case KIND_DAEMONSET:
		if (admit(obj, live, st) < 0)
			return -1;
		ds_prepare_for_update((struct daemonset *)obj, (const struct daemonset *)live);
		return 0;
	case KIND_POD: {
		struct pod *p = (struct pod *)obj;

		defaults_pod(p);
		defaults_admit_pod_update(p, (const struct pod *)live);
		admit_default_toleration_seconds(&p->spec);
		return pod_validate_update(p, (const struct pod *)live, st);
	}
	case KIND_NODE:
		return admit(obj, live, st);
	case KIND_NAMESPACE: {
		/* namespaceStrategy.PrepareForUpdate: spec and status stay; the name label is the server's. */
		struct namespace *ns = (struct namespace *)obj;

		labels_set(&ns->obj.meta.labels, "kubernetes.io/metadata.name", live->meta.name);
		return 0;
	}
	default:
		return 0;
	}
}

/* Move the client-writable fields of obj into live (and live's old ones into obj). */
static void
commit_update(struct object *live, struct object *obj)
{
	meta_swap_writable(&live->meta, &obj->meta);
	switch (live->kind) {
	case KIND_DAEMONSET:
		ds_swap_spec((struct daemonset *)live, (struct daemonset *)obj);
		break;
	case KIND_POD:
		SWAP(((struct pod *)live)->spec, ((struct pod *)obj)->spec);
		break;
	case KIND_NODE:
		node_swap_spec((struct node *)live, (struct node *)obj);
		break;
	default:
		break;
	}
}

int
api_update(struct cluster *c, struct object *obj, const struct api_opts *o, struct object **out,
    struct api_status *st)
{
	struct object *live;

	if (out != NULL)
		*out = NULL;
	live = obj->meta.name != NULL ?
	    store_get(c->store, obj->kind, kind_namespaced(obj->kind) ? obj->meta.ns : NULL,
		obj->meta.name) :
	    NULL;
	if (live == NULL) {
		api_fail(st, API_NOT_FOUND, "%s \"%s\" not found", kind_resource(obj->kind),
		    obj->meta.name ? obj->meta.name : "");
		object_free(obj);
		return -1;
	}
	if (check_fields(obj, o, st) < 0)
		goto fail;
	/* rest.BeforeUpdate: an update that names a resourceVersion is conditional on it. */
	if (obj->meta.resource_version != 0 &&
	    obj->meta.resource_version != live->meta.resource_version) {
		api_fail(st, API_CONFLICT,
		    "Operation cannot be fulfilled on %s \"%s\": the object has been modified; please apply your changes to the latest version and try again",
		    kind_resource(obj->kind), obj->meta.name);
		goto fail;
	}
	/* rest.BeforeUpdate: what the system owns comes from the live object. */
	free(obj->meta.uid);
	obj->meta.uid = xstrdup(live->meta.uid);
	obj->meta.resource_version = live->meta.resource_version;
	obj->meta.generation = live->meta.generation;
	obj->meta.creation_ms = live->meta.creation_ms;
	obj->meta.deletion_ms = live->meta.deletion_ms;
	obj->meta.deletion_grace_s = live->meta.deletion_grace_s;
	if (prepare_update(obj, live, st) < 0)
		goto fail;
	if (o->dry_run) {
		if (out != NULL)
			*out = obj;
		else
			object_free(obj);
		return 0;
	}
	commit_update(live, obj);
	store_update(c->store, live);
	object_free(obj);
	if (out != NULL)
		*out = live;
	return 0;
fail:
	object_free(obj);
	return -1;
}

/* ---- patch ---- */

/* A patch error as the server's Status (handlers/patch.go interpret*PatchError). */
static int
patch_fail(struct api_status *st, int rc, const char *msg)
{
	if (rc == PATCH_EBADREQUEST)
		return api_fail(st, API_BAD_REQUEST, "%s", msg);
	if (rc == PATCH_EINVALID) {
		/* A 422 with the message as its one cause: kubectl's "The request is invalid". */
		api_fail(st, API_INVALID, "%s", msg);
		sb_addf(&st->shown, "The request is invalid: %s", msg);
		return -1;
	}
	return api_fail(st, API_INTERNAL, "%s", msg);
}

/* A document without its metadata, to compare the rest. */
static bool
equal_but_metadata(const cJSON *a, const cJSON *b)
{
	cJSON *x = cJSON_Duplicate(a, true), *y = cJSON_Duplicate(b, true);
	bool eq;

	cJSON_DeleteItemFromObjectCaseSensitive(x, "metadata");
	cJSON_DeleteItemFromObjectCaseSensitive(y, "metadata");
	eq = patch_json_equal(x, y);
	cJSON_Delete(x);
	cJSON_Delete(y);
	return eq;
}

/*
 * The patched document as an object to update with. Events, Leases and
 * ControllerRevisions are not read from manifests (only the components
 * write them) and kubesim lets a client change only their metadata: the
 * live object's copy takes the patched metadata, and a patch of anything
 * else is refused rather than dropped.
 */
static int
patched_object(const struct object *live, const cJSON *doc, const cJSON *patched,
    struct object **obj, struct strbuf *warnings, struct api_status *st)
{
	const cJSON *md = cJSON_GetObjectItemCaseSensitive(patched, "metadata");
	struct ks_err err;
	struct meta m;

	if (live->kind != KIND_EVENT && live->kind != KIND_LEASE &&
	    live->kind != KIND_CONTROLLERREVISION) {
		if (decode_json_doc(patched, obj, warnings, &err) < 0)
			return api_fail(st, API_BAD_REQUEST, "%s",
			    err.msg[0] == ':' ? err.msg + 1 : err.msg);
		return 0;
	}
	if (!equal_but_metadata(doc, patched))
		return api_fail(st, API_BAD_REQUEST,
		    "kubesim lets clients change only the metadata of %s",
		    kind_resource(live->kind));
	meta_init(&m);
	if (cJSON_IsObject(md) && decode_meta_json(md, &m, &err) < 0) {
		meta_free(&m);
		return api_fail(st, API_BAD_REQUEST, "%s", err.msg[0] == ':' ? err.msg + 1 : err.msg);
	}
	*obj = api_edit(live);
	if (m.name == NULL || strcmp(m.name, live->meta.name) != 0) {
		/* The name check below words the mismatch. */
		free((*obj)->meta.name);
		(*obj)->meta.name = m.name ? xstrdup(m.name) : NULL;
	}
	(*obj)->meta.resource_version = m.resource_version;
	meta_swap_writable(&(*obj)->meta, &m);
	meta_free(&m);
	return 0;
}

int
api_patch(struct cluster *c, enum kind k, const char *ns, const char *name, int type,
    const cJSON *patch, const struct api_opts *o, struct object **out, bool *changed,
    struct api_status *st)
{
	struct object *live = store_get(c->store, k, kind_namespaced(k) ? ns : NULL, name);
	struct strbuf warnings = STRBUF_INIT;
	struct api_opts uo = *o;
	struct object *obj, *cand;
	cJSON *doc, *after, *patched = NULL;
	struct ks_err err;
	bool same;
	int rc;

	if (out != NULL)
		*out = NULL;
	if (changed != NULL)
		*changed = false;
	if (live == NULL)
		return api_fail(st, API_NOT_FOUND, "%s \"%s\" not found", kind_resource(k), name);
	doc = encode_object(live, cluster_now(c));
	rc = patch_apply((enum patch_type)type, doc, patch, patch_schema_of(doc), &patched, &err);
	if (rc < 0) {
		encode_free(doc);
		return patch_fail(st, rc, err.msg);
	}
	rc = patched_object(live, doc, patched, &obj, &warnings, st);
	cJSON_Delete(patched);
	if (rc < 0) {
		encode_free(doc);
		sb_free(&warnings);
		return -1;
	}
	/* The patched object keeps its kind, namespace and name whatever the patch said. */
	if (obj->kind != k || strcmp(obj->meta.name ? obj->meta.name : "", name) != 0) {
		api_fail(st, API_BAD_REQUEST,
		    "the name of the object (%s) does not match the name on the URL (%s)",
		    obj->meta.name ? obj->meta.name : "", name);
		object_free(obj);
		encode_free(doc);
		sb_free(&warnings);
		return -1;
	}
	/*
	 * Admit it as a dry run first: when the result is the object as it
	 * was, the registry writes nothing (and no resourceVersion moves).
	 */
	uo.unknown_fields = sb_str(&warnings);
	uo.dry_run = true;
	rc = api_update(c, obj, &uo, &cand, st);
	sb_free(&warnings);
	if (rc < 0) {
		encode_free(doc);
		return -1;
	}
	after = api_encode_result(c, cand);
	same = patch_json_equal(doc, after);
	encode_free(after);
	encode_free(doc);
	if (same || o->dry_run) {
		if (same)
			object_free(cand);
		if (out != NULL)
			*out = same ? live : cand;
		else if (!same)
			object_free(cand);
		if (changed != NULL)
			*changed = !same;
		return 0;
	}
	uo = *o;
	uo.unknown_fields = NULL;
	uo.warnings = NULL;
	rc = api_update(c, cand, &uo, out, st);
	if (rc == 0 && changed != NULL)
		*changed = true;
	return rc;
}

/* ---- copies for clients ---- */

static void
meta_copy_writable(struct meta *dst, const struct meta *src)
{
	dst->ns = atom_ref(src->ns);
	dst->name = src->name ? xstrdup(src->name) : NULL;
	dst->uid = src->uid ? xstrdup(src->uid) : NULL;
	dst->resource_version = src->resource_version;
	dst->generation = src->generation;
	dst->creation_ms = src->creation_ms;
	dst->deletion_ms = src->deletion_ms;
	dst->deletion_grace_s = src->deletion_grace_s;
	labels_copy(&dst->labels, &src->labels);
	labels_copy(&dst->annotations, &src->annotations);
	for (size_t i = 0; i < src->n_owners; i++) {
		const struct owner_ref *r = &src->owners[i];

		meta_add_owner(dst, r->api_version, r->kind, r->name, r->uid, r->controller);
		dst->owners[dst->n_owners - 1].block_owner_deletion = r->block_owner_deletion;
	}
	for (size_t i = 0; i < src->n_finalizers; i++)
		meta_add_finalizer(dst, src->finalizers[i]);
}

struct object *
api_edit(const struct object *live)
{
	struct object *obj;

	switch (live->kind) {
	case KIND_DAEMONSET: {
		const struct daemonset *l = (const struct daemonset *)live;
		struct daemonset *ds = ds_new();

		sel_copy(&ds->selector, &l->selector);
		pod_template_copy(&ds->tmpl, &l->tmpl);
		ds->strategy = l->strategy;
		ds->strategy_name = l->strategy_name ? xstrdup(l->strategy_name) : NULL;
		ds->has_rolling = l->has_rolling;
		intstr_copy(&ds->max_unavailable, &l->max_unavailable);
		intstr_copy(&ds->max_surge, &l->max_surge);
		ds->min_ready_seconds = l->min_ready_seconds;
		ds->revision_history_limit = l->revision_history_limit;
		ds->template_generation = l->template_generation;
		obj = &ds->obj;
		break;
	}
	case KIND_POD: {
		struct pod *p = pod_new();

		pod_spec_free(&p->spec);
		pod_spec_copy(&p->spec, &((const struct pod *)live)->spec);
		obj = &p->obj;
		break;
	}
	case KIND_NODE: {
		const struct node *l = (const struct node *)live;
		struct node *n = node_new(live->meta.name);

		n->unschedulable = l->unschedulable;
		for (size_t i = 0; i < l->n_taints; i++)
			node_add_taint(n, &l->taints[i]);
		obj = &n->obj;
		break;
	}
	case KIND_CONTROLLERREVISION: {
		const struct revision *l = (const struct revision *)live;
		struct revision *r = revision_new();

		r->revision = l->revision;
		pod_template_free(&r->tmpl);
		pod_template_copy(&r->tmpl, &l->tmpl);
		obj = &r->obj;
		break;
	}
	case KIND_EVENT:
		obj = &event_new()->obj;
		break;
	case KIND_NAMESPACE:
		obj = &ns_new(live->meta.name)->obj;
		break;
	case KIND_LEASE: {
		const struct lease *l = (const struct lease *)live;
		struct lease *copy = lease_new();

		/* Only the metadata is taken back; the spec is copied for a dry run's answer. */
		copy->holder = l->holder ? xstrdup(l->holder) : NULL;
		copy->duration_s = l->duration_s;
		copy->acquire_ms = l->acquire_ms;
		copy->renew_ms = l->renew_ms;
		copy->renewing = l->renewing;
		copy->resumed_ms = l->resumed_ms;
		obj = &copy->obj;
		break;
	}
	default:
		return NULL;
	}
	meta_free(&obj->meta);
	meta_init(&obj->meta);
	meta_copy_writable(&obj->meta, &live->meta);
	return obj;
}

/* ---- delete ---- */

int
api_delete(struct cluster *c, struct object *obj, const struct api_delete_opts *o,
    struct api_status *st)
{
	struct ks_err err;

	if (o->uid != NULL && strcmp(o->uid, obj->meta.uid) != 0)
		return api_fail(st, API_CONFLICT,
		    "Operation cannot be fulfilled on %s \"%s\": Precondition failed: UID in precondition: %s, UID in object meta: %s",
		    kind_resource(obj->kind), obj->meta.name, o->uid, obj->meta.uid);
	if (nslifecycle_admit_delete(obj, &err) < 0)
		return api_fail(st, API_FORBIDDEN, "%s", err.msg);
	if (o->dry_run)
		return 0;
	/*
	 * The garbage collector's finalizers carry the propagation policy
	 * (registry/generic/registry/store.go, updateForGracefulDeletionAndFinalizers).
	 */
	if (obj->kind == KIND_DAEMONSET) {
		if (o->propagation == API_PROPAGATE_ORPHAN)
			meta_add_finalizer(&obj->meta, "orphan");
		else if (o->propagation == API_PROPAGATE_FOREGROUND)
			meta_add_finalizer(&obj->meta, "foregroundDeletion");
	}
	if (obj->kind == KIND_NODE) {
		if (cluster_remove_node(c, obj->meta.name, &err) < 0)
			return api_fail(st, API_INTERNAL, "%s", err.msg);
	} else
		store_delete(c->store, obj, o->grace_s);
	return 0;
}

/* ---- results ---- */

cJSON *
api_encode_result(struct cluster *c, const struct object *result)
{
	const struct object *live;
	cJSON *doc, *cand;

	live = result->meta.name != NULL ?
	    store_get(c->store, result->kind, kind_namespaced(result->kind) ? result->meta.ns : NULL,
		result->meta.name) :
	    NULL;
	if (live == NULL || live == result || result->meta.resource_version == 0)
		return encode_object(result, cluster_now(c));
	/* A dry-run update: the live object with the candidate's metadata and spec. */
	doc = encode_object(live, cluster_now(c));
	cand = encode_object(result, cluster_now(c));
	for (const char *const *f = (const char *const[]){"metadata", "spec", NULL}; *f; f++) {
		cJSON *item = cJSON_DetachItemFromObjectCaseSensitive(cand, *f);

		if (item != NULL)
			cJSON_ReplaceItemInObjectCaseSensitive(doc, *f, item);
	}
	encode_free(cand);
	return doc;
}
