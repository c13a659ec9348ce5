/*
 * patch.c - JSON patch, JSON merge patch and strategic merge patch.
 *
 * Each part follows one Go source closely, so that a patch kubesim applies
 * or computes is the one kube-apiserver v1.32 and kubectl v1.32 would:
 *   - patch_json_apply: gopkg.in/evanphx/json-patch.v4 patch.go (v4.12.0);
 *   - patch_merge_*: the same library's merge.go and
 *     k8s.io/apimachinery/pkg/util/jsonmergepatch/patch.go;
 *   - patch_strategic_*: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
 *     (mergeMap, mergeSlice, diffMaps, diffLists, CreateThreeWayMergePatch),
 *     with the merge keys of k8s.io/api core/v1 and apps/v1 in a static type
 *     graph instead of reflection.
 *
 * Everything is functional: inputs are const, and each step builds new
 * cJSON values (duplicating what it keeps). That costs copies proportional
 * to size times depth, and buys simple ownership on every error path. Go
 * mutates maps while iterating; the C code records consumed patch keys in a
 * set instead. Lookups that Go does by linear scan (index(), findMapIn...)
 * go through hash maps here, so hostile lists cannot make a patch quadratic.
 */
#include "apiserver/patch.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec/jsontext.h"
#include "util/err.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* ---------------------------------------------------------------- schema */

enum {
	PS_MERGE = 1,   /* patchStrategy:"merge" */
	PS_REPLACE = 2, /* patchStrategy:"replace" */
	PS_RETAIN = 4,  /* patchStrategy:"...,retainKeys" */
};

struct patch_field {
	const char *name;
	const struct patch_schema *type; /* struct type, or list element type */
	unsigned strategy;
	const char *key; /* patchMergeKey */
};

struct patch_schema {
	const char *name; /* the Go type name */
	const struct patch_field *fields; /* ends with a NULL name */
};

#define END {NULL, NULL, 0, NULL}

/* k8s.io/apimachinery/pkg/apis/meta/v1 ObjectMeta */
static const struct patch_field objectmeta_f[] = {
	{"finalizers", NULL, PS_MERGE, NULL},
	{"ownerReferences", NULL, PS_MERGE, "uid"},
	END,
};
static const struct patch_schema objectmeta_s = {"ObjectMeta", objectmeta_f};

/* core/v1 Container and EphemeralContainer (EphemeralContainerCommon) */
static const struct patch_field container_f[] = {
	{"ports", NULL, PS_MERGE, "containerPort"},
	{"env", NULL, PS_MERGE, "name"},
	{"volumeMounts", NULL, PS_MERGE, "mountPath"},
	{"volumeDevices", NULL, PS_MERGE, "devicePath"},
	END,
};
static const struct patch_schema container_s = {"Container", container_f};

static const struct patch_field podspec_f[] = {
	{"volumes", NULL, PS_MERGE | PS_RETAIN, "name"},
	{"initContainers", &container_s, PS_MERGE, "name"},
	{"containers", &container_s, PS_MERGE, "name"},
	{"ephemeralContainers", &container_s, PS_MERGE, "name"},
	{"imagePullSecrets", NULL, PS_MERGE, "name"},
	{"hostAliases", NULL, PS_MERGE, "ip"},
	{"topologySpreadConstraints", NULL, PS_MERGE, "topologyKey"},
	{"resourceClaims", NULL, PS_MERGE | PS_RETAIN, "name"},
	{"schedulingGates", NULL, PS_MERGE, "name"},
	END,
};
static const struct patch_schema podspec_s = {"PodSpec", podspec_f};

static const struct patch_field podstatus_f[] = {
	{"conditions", NULL, PS_MERGE, "type"},
	{"podIPs", NULL, PS_MERGE, "ip"},
	{"hostIPs", NULL, PS_MERGE, "ip"},
	{"resourceClaimStatuses", NULL, PS_MERGE | PS_RETAIN, "name"},
	END,
};
static const struct patch_schema podstatus_s = {"PodStatus", podstatus_f};

static const struct patch_field pod_f[] = {
	{"metadata", &objectmeta_s, 0, NULL},
	{"spec", &podspec_s, 0, NULL},
	{"status", &podstatus_s, 0, NULL},
	END,
};
static const struct patch_schema pod_s = {"Pod", pod_f};

static const struct patch_field podtemplatespec_f[] = {
	{"metadata", &objectmeta_s, 0, NULL},
	{"spec", &podspec_s, 0, NULL},
	END,
};
static const struct patch_schema podtemplatespec_s = {"PodTemplateSpec", podtemplatespec_f};

/* apps/v1 */
static const struct patch_field dsspec_f[] = {
	{"template", &podtemplatespec_s, 0, NULL},
	END,
};
static const struct patch_schema dsspec_s = {"DaemonSetSpec", dsspec_f};
static const struct patch_field conditions_f[] = {
	{"conditions", NULL, PS_MERGE, "type"},
	END,
};
static const struct patch_schema dsstatus_s = {"DaemonSetStatus", conditions_f};
static const struct patch_field ds_f[] = {
	{"metadata", &objectmeta_s, 0, NULL},
	{"spec", &dsspec_s, 0, NULL},
	{"status", &dsstatus_s, 0, NULL},
	END,
};
static const struct patch_schema ds_s = {"DaemonSet", ds_f};

static const struct patch_field nodespec_f[] = {
	{"podCIDRs", NULL, PS_MERGE, NULL},
	END,
};
static const struct patch_schema nodespec_s = {"NodeSpec", nodespec_f};
static const struct patch_field nodestatus_f[] = {
	{"conditions", NULL, PS_MERGE, "type"},
	{"addresses", NULL, PS_MERGE, "type"},
	END,
};
static const struct patch_schema nodestatus_s = {"NodeStatus", nodestatus_f};
static const struct patch_field node_f[] = {
	{"metadata", &objectmeta_s, 0, NULL},
	{"spec", &nodespec_s, 0, NULL},
	{"status", &nodestatus_s, 0, NULL},
	END,
};
static const struct patch_schema node_s = {"Node", node_f};

static const struct patch_schema nsstatus_s = {"NamespaceStatus", conditions_f};
static const struct patch_field ns_f[] = {
	{"metadata", &objectmeta_s, 0, NULL},
	{"status", &nsstatus_s, 0, NULL},
	END,
};
static const struct patch_schema ns_s = {"Namespace", ns_f};

/* Kinds whose only strategic field is in their ObjectMeta. */
static const struct patch_field metaonly_f[] = {
	{"metadata", &objectmeta_s, 0, NULL},
	END,
};
static const struct patch_schema event_s = {"Event", metaonly_f};
static const struct patch_schema cr_s = {"ControllerRevision", metaonly_f};
static const struct patch_schema lease_s = {"Lease", metaonly_f};

static const struct {
	const char *api_version;
	const char *kind;
	const struct patch_schema *schema;
} kinds[] = {
	{"v1", "Pod", &pod_s},
	{"v1", "Node", &node_s},
	{"v1", "Namespace", &ns_s},
	{"v1", "Event", &event_s},
	{"events.k8s.io/v1", "Event", &event_s},
	{"apps/v1", "DaemonSet", &ds_s},
	{"apps/v1", "ControllerRevision", &cr_s},
	{"coordination.k8s.io/v1", "Lease", &lease_s},
};

const struct patch_schema *
patch_schema_for(const char *api_version, const char *kind)
{
	if (kind == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kinds[i].kind, kind) != 0)
			continue;
		if (api_version == NULL || strcmp(kinds[i].api_version, api_version) == 0)
			return kinds[i].schema;
	}
	return NULL;
}

/*
 * Lists whose +listMapKey markers name more than their merge key (k8s.io/api
 * core/v1 types.go), for the OpenAPI documents' x-kubernetes-list-map-keys.
 */
static const struct {
	const char *type, *field, *keys;
} list_map_keys[] = {
	{"Container", "ports", "containerPort,protocol"},
	{"PodSpec", "topologySpreadConstraints", "topologyKey,whenUnsatisfiable"},
};

bool
patch_schema_field(const struct patch_schema *s, const char *name, struct patch_field_info *out)
{
	memset(out, 0, sizeof *out);
	for (const struct patch_field *f = s ? s->fields : NULL; f != NULL && f->name != NULL; f++) {
		if (strcmp(f->name, name) != 0)
			continue;
		out->type = f->type;
		if (f->strategy & PS_MERGE)
			out->strategy = f->strategy & PS_RETAIN ? "merge,retainKeys" : "merge";
		else if (f->strategy & PS_REPLACE)
			out->strategy = f->strategy & PS_RETAIN ? "replace,retainKeys" : "replace";
		else if (f->strategy & PS_RETAIN)
			out->strategy = "retainKeys";
		out->merge_key = f->key;
		out->map_keys = f->key;
		for (size_t i = 0; i < sizeof list_map_keys / sizeof list_map_keys[0]; i++)
			if (strcmp(list_map_keys[i].type, s->name) == 0 &&
			    strcmp(list_map_keys[i].field, name) == 0)
				out->map_keys = list_map_keys[i].keys;
		return true;
	}
	return false;
}

const struct patch_schema *
patch_schema_of(const cJSON *doc)
{
	const cJSON *av, *k;

	if (!cJSON_IsObject(doc))
		return NULL;
	av = cJSON_GetObjectItemCaseSensitive(doc, "apiVersion");
	k = cJSON_GetObjectItemCaseSensitive(doc, "kind");
	if (!cJSON_IsString(k))
		return NULL;
	return patch_schema_for(cJSON_IsString(av) ? av->valuestring : NULL, k->valuestring);
}

/* LookupPatchMetadata: NULL for a field the schema does not name. */
static const struct patch_field *
schema_field(const struct patch_schema *s, const char *name)
{
	if (s == NULL)
		return NULL;
	for (const struct patch_field *f = s->fields; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int
patch_type_parse(const char *name)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "json") == 0)
		return PATCH_JSON;
	if (strcmp(name, "merge") == 0)
		return PATCH_MERGE;
	if (strcmp(name, "strategic") == 0)
		return PATCH_STRATEGIC;
	return -1;
}

/* ---------------------------------------------------------------- helpers */

struct pctx {
	struct ks_err *err;
	int rc;
	bool ints; /* numbers print as the server's int64 (true) or float64 */
};

__attribute__((format(printf, 3, 4))) static void *
fail(struct pctx *c, int code, const char *fmt, ...)
{
	va_list ap;

	if (c->rc == 0) {
		va_start(ap, fmt);
		if (c->err != NULL)
			vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
		va_end(ap);
		c->rc = code;
	}
	return NULL;
}

enum jkind { K_NONE, K_NULL, K_BOOL, K_NUM, K_STR, K_ARR, K_OBJ };

static enum jkind
jkind(const cJSON *v)
{
	if (v == NULL)
		return K_NONE;
	switch (v->type & 0xff) {
	case cJSON_NULL:
		return K_NULL;
	case cJSON_False:
	case cJSON_True:
		return K_BOOL;
	case cJSON_Number:
		return K_NUM;
	case cJSON_String:
		return K_STR;
	case cJSON_Array:
		return K_ARR;
	case cJSON_Object:
		return K_OBJ;
	default:
		return K_NULL;
	}
}

static cJSON *
dup(const cJSON *v)
{
	cJSON *d = v == NULL ? cJSON_CreateNull() : cJSON_Duplicate(v, 1);

	if (d == NULL)
		d = cJSON_CreateNull(); /* cJSON refuses only on OOM or depth */
	/* a copy of an object member carries its key; the caller sets its own */
	if (d->string != NULL && !(d->type & cJSON_StringIsConst))
		cJSON_free(d->string);
	d->string = NULL;
	d->type &= ~cJSON_StringIsConst;
	return d;
}

static void index_object(const cJSON *obj, struct map *m);

bool
patch_json_equal(const cJSON *a, const cJSON *b)
{
	enum jkind ka = jkind(a), kb = jkind(b);
	struct map ma, mb;
	const cJSON *x;
	size_t na, nb;
	bool eq = true;

	if (ka != kb)
		return false;
	switch (ka) {
	case K_NONE:
	case K_NULL:
		return true;
	case K_BOOL:
		return cJSON_IsTrue(a) == cJSON_IsTrue(b);
	case K_NUM:
		return a->valuedouble == b->valuedouble;
	case K_STR:
		return strcmp(a->valuestring, b->valuestring) == 0;
	case K_ARR:
		for (a = a->child, b = b->child; a != NULL && b != NULL; a = a->next, b = b->next)
			if (!patch_json_equal(a, b))
				return false;
		return a == NULL && b == NULL;
	case K_OBJ:
		/*
		 * Both sides as Go decodes them: the last of duplicate keys
		 * wins (encoding/json overwrites the map entry), so a key's
		 * earlier duplicates in b are skipped, not compared.
		 */
		index_object(a, &ma);
		index_object(b, &mb);
		na = map_len(&ma);
		nb = map_len(&mb);
		cJSON_ArrayForEach(x, b) {
			const cJSON *y = map_get(&ma, x->string);

			if (map_get(&mb, x->string) != x)
				continue;
			if (y == NULL || !patch_json_equal(y, x)) {
				eq = false;
				break;
			}
		}
		map_free(&ma);
		map_free(&mb);
		return eq && na == nb;
	}
	return false;
}

/* Go's == on two interface{} scalars (maps and slices compare deeply here). */
static bool
scalar_eq(const cJSON *a, const cJSON *b)
{
	return patch_json_equal(a, b);
}

/* A hashable key for a JSON value: its kind, then its text. */
static void
vkey(const cJSON *v, struct strbuf *sb)
{
	char *s;

	sb_reset(sb);
	switch (jkind(v)) {
	case K_NONE:
	case K_NULL:
		sb_add(sb, "n");
		break;
	case K_BOOL:
		sb_add(sb, cJSON_IsTrue(v) ? "t" : "f");
		break;
	case K_NUM:
		sb_addf(sb, "#%.17g", v->valuedouble);
		break;
	case K_STR:
		sb_addc(sb, 's');
		sb_add(sb, v->valuestring);
		break;
	default:
		s = cJSON_PrintUnformatted(v);
		sb_addc(sb, 'j');
		sb_add(sb, s != NULL ? s : "");
		cJSON_free(s);
		break;
	}
}

/* fmt.Sprintf("%v", v) for a decoded JSON value. */
static void
gov(const struct pctx *c, const cJSON *v, struct strbuf *sb)
{
	const cJSON *x;
	bool first = true;

	switch (jkind(v)) {
	case K_NONE:
	case K_NULL:
		sb_add(sb, "<nil>");
		break;
	case K_BOOL:
		sb_add(sb, cJSON_IsTrue(v) ? "true" : "false");
		break;
	case K_NUM:
		if (c->ints)
			format_number_v(v->valuedouble, sb);
		else
			format_float_v(v->valuedouble, sb);
		break;
	case K_STR:
		sb_add(sb, v->valuestring);
		break;
	case K_ARR:
		sb_addc(sb, '[');
		cJSON_ArrayForEach(x, v) {
			if (!first)
				sb_addc(sb, ' ');
			first = false;
			gov(c, x, sb);
		}
		sb_addc(sb, ']');
		break;
	case K_OBJ: {
		/* fmt prints map keys sorted */
		size_t n = (size_t)cJSON_GetArraySize(v), i = 0;
		const cJSON **items = xcalloc(n ? n : 1, sizeof *items);
		cJSON_ArrayForEach(x, v) items[i++] = x;
		for (size_t a = 1; a < n; a++)
			for (size_t b = a; b > 0 && strcmp(items[b - 1]->string, items[b]->string) > 0; b--) {
				const cJSON *t = items[b];
				items[b] = items[b - 1];
				items[b - 1] = t;
			}
		sb_add(sb, "map[");
		for (i = 0; i < n; i++) {
			if (i > 0)
				sb_addc(sb, ' ');
			sb_add(sb, items[i]->string);
			sb_addc(sb, ':');
			gov(c, items[i], sb);
		}
		sb_addc(sb, ']');
		free(items);
		break;
	}
	}
}

static char *
gov_str(const struct pctx *c, const cJSON *v)
{
	struct strbuf sb;

	sb_init(&sb);
	gov(c, v, &sb);
	return sb_take(&sb);
}

/* reflect.TypeOf(v).String() of a decoded JSON value, for ErrBadArgType. */
static const char *
gotype(const struct pctx *c, const cJSON *v)
{
	switch (jkind(v)) {
	case K_BOOL:
		return "bool";
	case K_NUM:
		return c->ints && v->valuedouble == (double)(long long)v->valuedouble ? "int64" : "float64";
	case K_STR:
		return "string";
	case K_ARR:
		return "[]interface {}";
	case K_OBJ:
		return "map[string]interface {}";
	default:
		return "%!s(<nil>)";
	}
}

/* fmt's %s of an interface{} value (ErrBadPatchType prints the directive so). */
static char *
gos_str(const struct pctx *c, const cJSON *v)
{
	char *inner, *s;

	if (cJSON_IsString(v))
		return xstrdup(v->valuestring);
	if (jkind(v) == K_NULL)
		return xstrdup("%!s(<nil>)");
	inner = gov_str(c, v);
	s = xasprintf("%%!s(%s=%s)", gotype(c, v), inner);
	free(inner);
	return s;
}

/* mergepatch.ErrNoMergeKey */
static void *
err_no_merge_key(struct pctx *c, const cJSON *m, const char *key)
{
	char *s = gov_str(c, m);

	fail(c, PATCH_EINTERNAL, "map: %s does not contain declared merge key: %s", s, key);
	free(s);
	return NULL;
}

/* mergepatch.ErrBadArgType */
static void *
err_bad_arg(struct pctx *c, const char *expected, const cJSON *actual)
{
	return fail(c, PATCH_EINTERNAL, "expected a %s, but received a %s", expected, gotype(c, actual));
}

/* mergepatch.ErrBadPatchType */
static void *
err_bad_patch_type(struct pctx *c, const cJSON *t, const cJSON *m)
{
	char *ts = gos_str(c, t), *ms = gov_str(c, m);

	fail(c, PATCH_EINTERNAL, "unknown patch type: %s in map: %s", ts, ms);
	free(ts);
	free(ms);
	return NULL;
}

#define ERR_BAD_PRIMITIVE_LIST "invalid patch format of primitive list"
#define ERR_BAD_RETAIN_KEYS "invalid patch format of retainKeys"
#define ERR_BAD_SET_ORDER "invalid patch format of setElementOrder list"
#define ERR_LIST_OF_LISTS "lists of lists are not supported"

static bool
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

#define DIRECTIVE "$patch"
#define RETAIN_KEYS "$retainKeys"
#define DELETE_PRIMITIVE "$deleteFromPrimitiveList"
#define SET_ORDER "$setElementOrder"

/*
 * An object with a hash index once it is big, so per-key work stays O(1).
 * Keeps cJSON's key order: replacing keeps the slot, adding appends.
 */
struct oidx {
	cJSON *obj;
	struct map m;
	bool hashed;
};

#define OIDX_HASH_MIN 16

static void
oidx_init(struct oidx *x, cJSON *obj)
{
	cJSON *it;

	x->obj = obj;
	x->hashed = cJSON_GetArraySize(obj) >= OIDX_HASH_MIN;
	map_init(&x->m);
	if (x->hashed)
		cJSON_ArrayForEach(it, obj) if (!map_has(&x->m, it->string)) map_put(&x->m, it->string, it);
}

static void
oidx_free(struct oidx *x)
{
	map_free(&x->m);
}

static cJSON *
oidx_get(struct oidx *x, const char *k)
{
	if (x->hashed)
		return map_get(&x->m, k);
	return cJSON_GetObjectItemCaseSensitive(x->obj, k);
}

/* Set k to v (owned). */
static void
oidx_put(struct oidx *x, const char *k, cJSON *v)
{
	cJSON *old = oidx_get(x, k);

	if (old != NULL) {
		/* ReplaceItemViaPointer takes the key from the new item */
		if (v->string != NULL && !(v->type & cJSON_StringIsConst))
			cJSON_free(v->string);
		v->string = xstrdup(old->string);
		v->type &= ~cJSON_StringIsConst;
		cJSON_ReplaceItemViaPointer(x->obj, old, v);
	} else {
		cJSON_AddItemToObject(x->obj, k, v);
	}
	if (x->hashed)
		map_put(&x->m, k, v);
}

static void
oidx_del(struct oidx *x, const char *k)
{
	cJSON *old = oidx_get(x, k);

	if (old == NULL)
		return;
	if (x->hashed)
		map_del(&x->m, k);
	cJSON_Delete(cJSON_DetachItemViaPointer(x->obj, old));
}

/* A read-only index of an object's keys (the last duplicate wins, as in Go). */
static void
index_object(const cJSON *obj, struct map *m)
{
	const cJSON *it;

	map_init(m);
	cJSON_ArrayForEach(it, obj) map_put(m, it->string, (void *)it);
}

/* A list of owned cJSON values being built. */
struct jl {
	cJSON **v;
	size_t n, cap;
};

static void
jl_push(struct jl *l, cJSON *v)
{
	xgrow(&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = v;
}

static void
jl_free(struct jl *l)
{
	for (size_t i = 0; i < l->n; i++)
		cJSON_Delete(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static void
jl_from_array(struct jl *l, const cJSON *arr)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, arr) jl_push(l, dup(it));
}

/* Move the list's items into a new cJSON array. */
static cJSON *
jl_to_array(struct jl *l)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < l->n; i++)
		cJSON_AddItemToArray(arr, l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
	return arr;
}

/* Stable merge sort of l->v by a parallel array of long keys. */
static void
sort_by_rank(cJSON **v, long *rank, size_t n)
{
	cJSON **tv;
	long *tr;

	if (n < 2)
		return;
	tv = xcalloc(n, sizeof *tv);
	tr = xcalloc(n, sizeof *tr);
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid || j < hi) {
				if (j >= hi || (i < mid && rank[i] <= rank[j])) {
					tv[k] = v[i];
					tr[k++] = rank[i++];
				} else {
					tv[k] = v[j];
					tr[k++] = rank[j++];
				}
			}
		}
		memcpy(v, tv, n * sizeof *v);
		memcpy(rank, tr, n * sizeof *rank);
	}
	free(tv);
	free(tr);
}

/* Stable sort by Go's %v string (SortableSliceOfScalars / ...OfMaps). */
static void
sort_by_gov(const struct pctx *c, cJSON **v, size_t n, const char *key)
{
	char **s;
	size_t *idx;
	cJSON **tmp;

	if (n < 2)
		return;
	s = xcalloc(n, sizeof *s);
	for (size_t i = 0; i < n; i++)
		s[i] = gov_str(c, key ? cJSON_GetObjectItemCaseSensitive(v[i], key) : v[i]);
	/* rank the strings, then sort stably by rank */
	idx = xcalloc(n, sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	{
		size_t *t = xcalloc(n, sizeof *t);
		for (size_t w = 1; w < n; w *= 2) {
			for (size_t lo = 0; lo < n; lo += 2 * w) {
				size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
				size_t i = lo, j = mid, k = lo;
				while (i < mid || j < hi) {
					if (j >= hi || (i < mid && strcmp(s[idx[i]], s[idx[j]]) <= 0))
						t[k++] = idx[i++];
					else
						t[k++] = idx[j++];
				}
			}
			memcpy(idx, t, n * sizeof *idx);
		}
		free(t);
	}
	tmp = xcalloc(n, sizeof *tmp);
	for (size_t i = 0; i < n; i++)
		tmp[i] = v[idx[i]];
	memcpy(v, tmp, n * sizeof *v);
	free(tmp);
	free(idx);
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

/* Sort every object's keys as encoding/json marshals a map. */
static void
sort_keys(cJSON *v, int depth)
{
	cJSON **items, *it;
	size_t n, i = 0;

	if (depth > PATCH_MAX_DEPTH + 2)
		return;
	if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(it, v) sort_keys(it, depth + 1);
		return;
	}
	if (!cJSON_IsObject(v) || v->child == NULL)
		return;
	n = (size_t)cJSON_GetArraySize(v);
	items = xcalloc(n, sizeof *items);
	for (it = v->child; it != NULL; it = it->next)
		items[i++] = it;
	/* merge sort by key bytes */
	{
		cJSON **t = xcalloc(n, sizeof *t);
		for (size_t w = 1; w < n; w *= 2) {
			for (size_t lo = 0; lo < n; lo += 2 * w) {
				size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
				size_t a = lo, b = mid, k = lo;
				while (a < mid || b < hi) {
					if (b >= hi || (a < mid && strcmp(items[a]->string, items[b]->string) <= 0))
						t[k++] = items[a++];
					else
						t[k++] = items[b++];
				}
			}
			memcpy(items, t, n * sizeof *items);
		}
		free(t);
	}
	for (i = 0; i < n; i++) {
		items[i]->prev = i > 0 ? items[i - 1] : items[n - 1];
		items[i]->next = i + 1 < n ? items[i + 1] : NULL;
		sort_keys(items[i], depth + 1);
	}
	v->child = items[0];
	free(items);
}

static int
check_depth(struct pctx *c, int depth)
{
	if (depth > PATCH_MAX_DEPTH) {
		fail(c, PATCH_EBADREQUEST, "the patch nests deeper than %d levels", PATCH_MAX_DEPTH);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- JSON patch */

/*
 * evanphx/json-patch v4 holds the document as partialDoc/partialArray of
 * lazy nodes; a JSON null is a nil node, so a null and a missing key look
 * the same to its get(). The messages below are its messages.
 */

/* decodePatchKey: strings.NewReplacer("~1", "/", "~0", "~"), one pass. */
static char *
decode_key(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '~' && i + 1 < n && s[i + 1] == '1') {
			*o++ = '/';
			i++;
		} else if (s[i] == '~' && i + 1 < n && s[i + 1] == '0') {
			*o++ = '~';
			i++;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

/* strconv.Atoi, with its error text. */
static int
go_atoi(const char *s, long *out, struct strbuf *errsb)
{
	const char *p = s;
	long long v = 0;
	bool neg = false, range = false;

	if (*p == '+' || *p == '-') {
		neg = *p == '-';
		p++;
	}
	if (*p == '\0')
		goto syntax;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			goto syntax;
		if (v > (LLONG_MAX - (*p - '0')) / 10)
			range = true;
		else
			v = v * 10 + (*p - '0');
	}
	if (range) {
		sb_addf(errsb, "strconv.Atoi: parsing \"%s\": value out of range", s);
		return -1;
	}
	*out = (long)(neg ? -v : v);
	return 0;
syntax:
	sb_addf(errsb, "strconv.Atoi: parsing \"%s\": invalid syntax", s);
	return -1;
}

/*
 * findObject: the container that holds the path's last token, and that
 * token, or NULL when any step is missing or not a container.
 */
static cJSON *
find_object(cJSON *doc, const char *path, char **key)
{
	const char *p, *slash;
	cJSON *cur = doc;

	*key = NULL;
	if (path[0] != '/' && strchr(path, '/') == NULL)
		return NULL; /* fewer than two parts */
	p = strchr(path, '/') + 1;
	while ((slash = strchr(p, '/')) != NULL) {
		char *part = decode_key(p, (size_t)(slash - p));
		cJSON *next = NULL;
		if (cJSON_IsObject(cur)) {
			next = cJSON_GetObjectItemCaseSensitive(cur, part);
		} else if (cJSON_IsArray(cur)) {
			struct strbuf e = STRBUF_INIT;
			long idx;
			if (go_atoi(part, &idx, &e) == 0) {
				long n = cJSON_GetArraySize(cur);
				if (idx < 0 && idx >= -n)
					idx += n;
				if (idx >= 0 && idx < n)
					next = cJSON_GetArrayItem(cur, (int)idx);
			}
			sb_free(&e);
		}
		free(part);
		if (next == NULL || !(cJSON_IsObject(next) || cJSON_IsArray(next)))
			return NULL;
		cur = next;
		p = slash + 1;
	}
	/* the first segment before the first '/' must be empty for a pointer;
	 * Go splits "a/b" into ["a","b"] and walks from the root all the same */
	*key = decode_key(p, strlen(p));
	return cur;
}

/* container.get: *val NULL for a missing key (or a JSON null). */
static int
con_get(cJSON *con, const char *key, cJSON **val, struct strbuf *e)
{
	*val = NULL;
	if (cJSON_IsObject(con)) {
		cJSON *v = cJSON_GetObjectItemCaseSensitive(con, key);
		*val = cJSON_IsNull(v) ? NULL : v;
		return 0;
	}
	long idx, n = cJSON_GetArraySize(con);
	if (go_atoi(key, &idx, e) < 0)
		return -1;
	if (idx < 0) {
		if (idx < -n) {
			sb_addf(e, "Unable to access invalid index: %ld: invalid index referenced", idx);
			return -1;
		}
		idx += n;
	}
	if (idx >= n) {
		sb_addf(e, "Unable to access invalid index: %ld: invalid index referenced", idx);
		return -1;
	}
	*val = cJSON_GetArrayItem(con, (int)idx);
	if (cJSON_IsNull(*val))
		*val = NULL;
	return 0;
}

/*
 * Insert v before index idx (append at the end). By hand: the Debian
 * libcjson 1.7.15 cJSON_InsertItemInArray refuses every index but 0.
 * cJSON keeps the list's tail in child->prev.
 */
static void
array_insert(cJSON *arr, long idx, cJSON *v)
{
	cJSON *after = idx < INT_MAX ? cJSON_GetArrayItem(arr, (int)idx) : NULL;

	if (after == NULL) {
		cJSON_AddItemToArray(arr, v);
		return;
	}
	v->next = after;
	v->prev = after->prev;
	if (after == arr->child)
		arr->child = v;
	else
		after->prev->next = v;
	after->prev = v;
}

/* container.add (and set for objects); v is owned. */
static int
con_add(cJSON *con, const char *key, cJSON *v, struct strbuf *e)
{
	if (cJSON_IsObject(con)) {
		if (cJSON_GetObjectItemCaseSensitive(con, key) != NULL)
			cJSON_ReplaceItemInObjectCaseSensitive(con, key, v);
		else
			cJSON_AddItemToObject(con, key, v);
		return 0;
	}
	if (strcmp(key, "-") == 0) {
		cJSON_AddItemToArray(con, v);
		return 0;
	}
	long idx, n = cJSON_GetArraySize(con), sz = n + 1;
	struct strbuf ae = STRBUF_INIT;
	if (go_atoi(key, &idx, &ae) < 0) {
		sb_addf(e, "value was not a proper array index: '%s': %s", key, sb_str(&ae));
		sb_free(&ae);
		cJSON_Delete(v);
		return -1;
	}
	sb_free(&ae);
	if (idx >= sz || idx < -sz) {
		sb_addf(e, "Unable to access invalid index: %ld: invalid index referenced", idx);
		cJSON_Delete(v);
		return -1;
	}
	if (idx < 0)
		idx += sz;
	array_insert(con, idx, v);
	return 0;
}

/* container.remove */
static int
con_remove(cJSON *con, const char *key, struct strbuf *e)
{
	if (cJSON_IsObject(con)) {
		cJSON *v = cJSON_GetObjectItemCaseSensitive(con, key);
		if (v == NULL) {
			sb_addf(e, "Unable to remove nonexistent key: %s: missing value", key);
			return -1;
		}
		cJSON_Delete(cJSON_DetachItemViaPointer(con, v));
		return 0;
	}
	long idx, n = cJSON_GetArraySize(con);
	if (go_atoi(key, &idx, e) < 0)
		return -1;
	if (idx >= n || idx < -n) {
		sb_addf(e, "Unable to access invalid index: %ld: invalid index referenced", idx);
		return -1;
	}
	if (idx < 0)
		idx += n;
	cJSON_DeleteItemFromArray(con, (int)idx);
	return 0;
}

/* Operation.Path()/From(): 0 found, -1 missing, -2 not a string. */
static int
op_str(const cJSON *op, const char *field, const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(op, field);

	*out = "unknown";
	if (v == NULL || cJSON_IsNull(v))
		return -1;
	if (!cJSON_IsString(v))
		return -2;
	*out = v->valuestring;
	return 0;
}

static const char *
json_type_name(const cJSON *v)
{
	switch (jkind(v)) {
	case K_BOOL:
		return "bool";
	case K_NUM:
		return "number";
	case K_STR:
		return "string";
	case K_ARR:
		return "array";
	case K_OBJ:
		return "object";
	default:
		return "null";
	}
}

/* The error text of a failed Path()/From() decode. */
static void
op_str_err(int r, const cJSON *op, const char *field, struct strbuf *sb)
{
	if (r == -1)
		sb_addf(sb, "%s: missing value",
		    strcmp(field, "path") == 0 ? "operation missing path field"
		                               : "operation, missing from field");
	else
		sb_addf(sb, "json: cannot unmarshal %s into Go value of type string",
		    json_type_name(cJSON_GetObjectItemCaseSensitive(op, field)));
}

/* lazyNode.equal, with a nil node for a JSON null. */
static bool
lazy_equal(const cJSON *a, const cJSON *b)
{
	if (a == NULL || cJSON_IsNull(a))
		return b == NULL || cJSON_IsNull(b);
	return patch_json_equal(a, b);
}

#define COPY_SIZE_LIMIT (3 * 1024 * 1024)

static int
apply_op(cJSON **docp, const cJSON *op, long *copied, struct strbuf *e)
{
	const cJSON *kindv = cJSON_GetObjectItemCaseSensitive(op, "op");
	const char *kind = cJSON_IsString(kindv) ? kindv->valuestring : "unknown";
	const cJSON *value = cJSON_GetObjectItemCaseSensitive(op, "value");
	const char *path, *from;
	char *key = NULL;
	cJSON *con, *val;
	int r, rc = -1;

	if (cJSON_IsNull(value))
		value = NULL;
	if (strcmp(kind, "add") == 0) {
		if (op_str(op, "path", &path) < 0) {
			sb_add(e, "add operation failed to decode path: missing value");
			return -1;
		}
		if ((con = find_object(*docp, path, &key)) == NULL) {
			sb_addf(e, "add operation does not apply: doc is missing path: \"%s\": missing value", path);
			goto out;
		}
		struct strbuf ie = STRBUF_INIT;
		if (con_add(con, key, dup(value), &ie) < 0) {
			sb_addf(e, "error in add for path: '%s': %s", path, sb_str(&ie));
			sb_free(&ie);
			goto out;
		}
		sb_free(&ie);
		rc = 0;
	} else if (strcmp(kind, "remove") == 0) {
		if (op_str(op, "path", &path) < 0) {
			sb_add(e, "remove operation failed to decode path: missing value");
			return -1;
		}
		if ((con = find_object(*docp, path, &key)) == NULL) {
			sb_addf(e, "remove operation does not apply: doc is missing path: \"%s\": missing value", path);
			goto out;
		}
		struct strbuf ie = STRBUF_INIT;
		if (con_remove(con, key, &ie) < 0) {
			sb_addf(e, "error in remove for path: '%s': %s", path, sb_str(&ie));
			sb_free(&ie);
			goto out;
		}
		sb_free(&ie);
		rc = 0;
	} else if (strcmp(kind, "replace") == 0) {
		if ((r = op_str(op, "path", &path)) < 0) {
			sb_add(e, "replace operation failed to decode path: ");
			op_str_err(r, op, "path", e);
			return -1;
		}
		if (path[0] == '\0') {
			/* v4.12 replaces the whole document with an object or
			 * array; for anything else it wraps a nil error, which is
			 * no error at all, so the op does nothing */
			if (!cJSON_IsObject(value) && !cJSON_IsArray(value))
				return 0;
			cJSON_Delete(*docp);
			*docp = dup(value);
			return 0;
		}
		if ((con = find_object(*docp, path, &key)) == NULL) {
			sb_addf(e, "replace operation does not apply: doc is missing path: %s: missing value", path);
			goto out;
		}
		struct strbuf ie = STRBUF_INIT;
		if (con_get(con, key, &val, &ie) < 0) {
			sb_free(&ie);
			sb_addf(e, "replace operation does not apply: doc is missing key: %s: missing value", path);
			goto out;
		}
		sb_free(&ie);
		if (cJSON_IsObject(con)) {
			con_add(con, key, dup(value), e);
		} else {
			long idx, n = cJSON_GetArraySize(con);
			struct strbuf ae = STRBUF_INIT;
			go_atoi(key, &idx, &ae);
			sb_free(&ae);
			if (idx < 0)
				idx += n;
			cJSON_ReplaceItemInArray(con, (int)idx, dup(value));
		}
		rc = 0;
	} else if (strcmp(kind, "move") == 0 || strcmp(kind, "copy") == 0) {
		bool move = kind[0] == 'm';
		if ((r = op_str(op, "from", &from)) < 0) {
			sb_addf(e, "%s operation failed to decode from: ", kind);
			op_str_err(r, op, "from", e);
			return -1;
		}
		if ((con = find_object(*docp, from, &key)) == NULL) {
			sb_addf(e, "%s operation does not apply: doc is missing from path: %s: missing value", kind,
			    from);
			goto out;
		}
		struct strbuf ie = STRBUF_INIT;
		if (con_get(con, key, &val, &ie) < 0) {
			if (move)
				sb_addf(e, "error in move for path: '%s': %s", key, sb_str(&ie));
			else
				sb_addf(e, "error in copy for from: '%s': %s", from, sb_str(&ie));
			sb_free(&ie);
			goto out;
		}
		cJSON *moved = dup(val);
		if (move && con_remove(con, key, &ie) < 0) {
			sb_addf(e, "error in move for path: '%s': %s", key, sb_str(&ie));
			sb_free(&ie);
			cJSON_Delete(moved);
			goto out;
		}
		free(key);
		key = NULL;
		if ((r = op_str(op, "path", &path)) < 0) {
			if (move) {
				sb_add(e, "move operation failed to decode path: ");
				op_str_err(r, op, "path", e);
			} else {
				sb_add(e, "copy operation failed to decode path: missing value");
			}
			sb_free(&ie);
			cJSON_Delete(moved);
			return -1;
		}
		if ((con = find_object(*docp, path, &key)) == NULL) {
			sb_addf(e, "%s operation does not apply: doc is missing destination path: %s: missing value",
			    kind, path);
			sb_free(&ie);
			cJSON_Delete(moved);
			goto out;
		}
		if (!move) {
			char *s = cJSON_PrintUnformatted(moved);
			*copied += s != NULL ? (long)strlen(s) : 0;
			cJSON_free(s);
			if (*copied > COPY_SIZE_LIMIT) {
				sb_addf(e,
				    "Unable to complete the copy, the accumulated size increase of copy is %ld, "
				    "exceeding the limit %d",
				    *copied, COPY_SIZE_LIMIT);
				sb_free(&ie);
				cJSON_Delete(moved);
				goto out;
			}
		}
		if (con_add(con, key, moved, &ie) < 0) {
			if (move)
				sb_addf(e, "error in move for path: '%s': %s", path, sb_str(&ie));
			else
				sb_addf(e, "error while adding value during copy: %s", sb_str(&ie));
			sb_free(&ie);
			goto out;
		}
		sb_free(&ie);
		rc = 0;
	} else if (strcmp(kind, "test") == 0) {
		if ((r = op_str(op, "path", &path)) < 0) {
			sb_add(e, "test operation failed to decode path: ");
			op_str_err(r, op, "path", e);
			return -1;
		}
		if (path[0] == '\0') {
			if (lazy_equal(*docp, value))
				return 0;
			sb_addf(e, "testing value %s failed: test failed", path);
			return -1;
		}
		if ((con = find_object(*docp, path, &key)) == NULL) {
			sb_addf(e, "test operation does not apply: is missing path: %s: missing value", path);
			goto out;
		}
		struct strbuf ie = STRBUF_INIT;
		if (con_get(con, key, &val, &ie) < 0) {
			sb_addf(e, "error in test for path: '%s': %s", path, sb_str(&ie));
			sb_free(&ie);
			goto out;
		}
		sb_free(&ie);
		if (val == NULL && cJSON_GetObjectItemCaseSensitive(op, "value") == NULL) {
			/* Go dereferences the absent value here and panics */
			sb_add(e, "runtime error: invalid memory address or nil pointer dereference");
			rc = -2;
			goto out;
		}
		if (val == NULL ? value == NULL : lazy_equal(val, value))
			rc = 0;
		else
			sb_addf(e, "testing value %s failed: test failed", path);
	} else {
		sb_addf(e, "Unexpected kind: %s", kind);
	}
out:
	free(key);
	return rc;
}

/* kube-apiserver's maxJSONPatchOperations */
#define MAX_JSON_PATCH_OPS 10000

static int
do_json_apply(const cJSON *doc, const cJSON *ops, cJSON **out, struct ks_err *err)
{
	const cJSON *op;
	cJSON *d;
	long copied = 0;
	int n = 0;

	*out = NULL;
	/* DecodePatch: json.Unmarshal into []map[string]*json.RawMessage */
	if (!cJSON_IsArray(ops)) {
		err_set(err, "json: cannot unmarshal %s into Go value of type jsonpatch.Patch",
		    json_type_name(ops));
		return PATCH_EBADREQUEST;
	}
	cJSON_ArrayForEach(op, ops) {
		if (!cJSON_IsObject(op) && !cJSON_IsNull(op)) {
			err_set(err, "json: cannot unmarshal %s into Go value of type jsonpatch.Operation",
			    json_type_name(op));
			return PATCH_EBADREQUEST;
		}
		n++;
	}
	if (n > MAX_JSON_PATCH_OPS) {
		err_set(err, "The allowed maximum operations in a JSON patch is %d, got %d", MAX_JSON_PATCH_OPS, n);
		return PATCH_ETOOLARGE;
	}
	d = dup(doc);
	cJSON_ArrayForEach(op, ops) {
		struct strbuf e = STRBUF_INIT;
		int r = apply_op(&d, op, &copied, &e);
		if (r < 0) {
			err_set(err, "%s", sb_str(&e));
			sb_free(&e);
			cJSON_Delete(d);
			return r == -2 ? PATCH_EINTERNAL : PATCH_EINVALID;
		}
		sb_free(&e);
	}
	*out = d;
	return 0;
}

/* ---------------------------------------------------------------- merge patch */

static void
prune_nulls(cJSON *v, int depth)
{
	cJSON *it, *next;

	if (depth > PATCH_MAX_DEPTH + 2)
		return;
	if (cJSON_IsObject(v)) {
		for (it = v->child; it != NULL; it = next) {
			next = it->next;
			if (cJSON_IsNull(it))
				cJSON_Delete(cJSON_DetachItemViaPointer(v, it));
			else
				prune_nulls(it, depth + 1);
		}
	} else if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(it, v) prune_nulls(it, depth + 1);
	}
}

/* mergeDocs: doc (owned, modified in place) gets patch. */
static int
merge_docs(struct pctx *c, cJSON *doc, const cJSON *patch, int depth)
{
	struct oidx di;
	const cJSON *p;

	if (check_depth(c, depth) < 0)
		return -1;
	oidx_init(&di, doc);
	cJSON_ArrayForEach(p, patch) {
		cJSON *cur;
		if (cJSON_IsNull(p)) {
			oidx_del(&di, p->string);
			continue;
		}
		cur = oidx_get(&di, p->string);
		if (cur == NULL || cJSON_IsNull(cur) || !cJSON_IsObject(cur)) {
			/* merge(): a non-object cur takes the pruned patch */
			cJSON *v = dup(p);
			prune_nulls(v, 0);
			oidx_put(&di, p->string, v);
		} else if (!cJSON_IsObject(p)) {
			oidx_put(&di, p->string, dup(p));
		} else if (merge_docs(c, cur, p, depth + 1) < 0) {
			oidx_free(&di);
			return -1;
		}
	}
	oidx_free(&di);
	return 0;
}

static int
do_merge_apply(const cJSON *doc, const cJSON *patch, cJSON **out, struct ks_err *err)
{
	struct pctx c = {err, 0, true};
	cJSON *d;

	*out = NULL;
	/* doMergePatch: a null patch is ErrBadJSONPatch, a non-object patch
	 * replaces the document (arrays with their nulls pruned) */
	if (patch == NULL || cJSON_IsNull(patch) || !(cJSON_IsObject(patch) || cJSON_IsArray(patch))) {
		err_set(err, "Invalid JSON Patch");
		return PATCH_EBADREQUEST;
	}
	if (cJSON_IsArray(patch) || !cJSON_IsObject(doc)) {
		d = dup(patch);
		if (cJSON_IsArray(d)) {
			cJSON *it;
			cJSON_ArrayForEach(it, d) prune_nulls(it, 0);
		} else {
			prune_nulls(d, 0);
		}
		*out = d;
		return 0;
	}
	d = dup(doc);
	if (merge_docs(&c, d, patch, 0) < 0) {
		cJSON_Delete(d);
		return c.rc;
	}
	*out = d;
	return 0;
}

/* evanphx getDiff: the merge patch from a to b (objects). */
static cJSON *
merge_diff(struct pctx *c, const cJSON *a, const cJSON *b, int depth)
{
	cJSON *into;
	struct map ai, bi;
	const cJSON *bv, *av;

	if (check_depth(c, depth) < 0)
		return NULL;
	into = cJSON_CreateObject();
	index_object(a, &ai);
	index_object(b, &bi);
	cJSON_ArrayForEach(bv, b) {
		av = map_get(&ai, bv->string);
		if (av == NULL || jkind(av) != jkind(bv)) {
			cJSON_AddItemToObject(into, bv->string, dup(bv));
		} else if (cJSON_IsObject(av)) {
			cJSON *d = merge_diff(c, av, bv, depth + 1);
			if (d == NULL) {
				cJSON_Delete(into);
				into = NULL;
				break;
			}
			if (d->child != NULL)
				cJSON_AddItemToObject(into, bv->string, d);
			else
				cJSON_Delete(d);
		} else if (!patch_json_equal(av, bv)) {
			cJSON_AddItemToObject(into, bv->string, dup(bv));
		}
	}
	if (into != NULL)
		cJSON_ArrayForEach(av, a) if (!map_has(&bi, av->string)) cJSON_AddItemToObject(into, av->string,
		    cJSON_CreateNull());
	map_free(&ai);
	map_free(&bi);
	return into;
}

static int
do_merge_create(const cJSON *original, const cJSON *modified, cJSON **out, struct ks_err *err)
{
	struct pctx c = {err, 0, false};
	cJSON *empty = cJSON_CreateObject();

	*out = NULL;
	if ((original != NULL && !cJSON_IsObject(original)) || (modified != NULL && !cJSON_IsObject(modified))) {
		cJSON_Delete(empty);
		err_set(err, "Invalid JSON Document");
		return PATCH_EBADREQUEST;
	}
	*out = merge_diff(&c, original ? original : empty, modified ? modified : empty, 0);
	cJSON_Delete(empty);
	if (*out == NULL)
		return c.rc;
	sort_keys(*out, 0);
	return 0;
}

/*
 * jsonmergepatch keepOrDeleteNullInObj: keep only the nulls (keep_null) or
 * everything but them; an explicitly empty map is a value, not a no-op.
 */
static cJSON *
keep_or_delete_null(const cJSON *m, bool keep_null, int depth)
{
	cJSON *f = cJSON_CreateObject();
	const cJSON *v;

	if (depth > PATCH_MAX_DEPTH + 2)
		return f;
	cJSON_ArrayForEach(v, m) {
		if (cJSON_IsNull(v)) {
			if (keep_null)
				cJSON_AddItemToObject(f, v->string, cJSON_CreateNull());
		} else if (cJSON_IsObject(v)) {
			if (v->child == NULL) {
				if (!keep_null)
					cJSON_AddItemToObject(f, v->string, cJSON_CreateObject());
				continue;
			}
			cJSON *sub = keep_or_delete_null(v, keep_null, depth + 1);
			if (sub->child != NULL)
				cJSON_AddItemToObject(f, v->string, sub);
			else
				cJSON_Delete(sub);
		} else if (!keep_null) {
			cJSON_AddItemToObject(f, v->string, dup(v));
		}
	}
	return f;
}

static int
do_merge_create_threeway(const cJSON *original, const cJSON *modified, const cJSON *current, cJSON **out,
    struct ks_err *err)
{
	cJSON *add = NULL, *del = NULL, *addf, *delf, *res = NULL;
	int rc;

	*out = NULL;
	if ((rc = patch_merge_create(current, modified, &add, err)) < 0)
		return rc;
	addf = keep_or_delete_null(add, false, 0);
	cJSON_Delete(add);
	if ((rc = patch_merge_create(original, modified, &del, err)) < 0) {
		cJSON_Delete(addf);
		return rc;
	}
	delf = keep_or_delete_null(del, true, 0);
	cJSON_Delete(del);
	/* jsonpatch.MergePatch(deletePatch, addAndChangePatch) */
	rc = patch_merge_apply(delf, addf, &res, err);
	cJSON_Delete(delf);
	cJSON_Delete(addf);
	if (rc < 0)
		return rc;
	sort_keys(res, 0);
	*out = res;
	return 0;
}

/* ---------------------------------------------------------------- strategic: apply */

enum { MO_PARALLEL = 1, MO_IGNORE_NULLS = 2 };

static cJSON *merge_map(struct pctx *c, const cJSON *orig, const cJSON *patch, const struct patch_schema *s,
    unsigned opts, int depth);

/* discardNullValuesFromPatch */
static void
discard_nulls(cJSON *v, int depth)
{
	prune_nulls(v, depth);
}

/*
 * removeDirectives: drop every map that carries $patch (and the list
 * elements that are such maps) from a value taken whole from the patch.
 * Returns false when v itself is such a map. Other directives stay, as in
 * v1.32.
 */
static bool
remove_directives(cJSON *v, int depth)
{
	cJSON *it, *next;

	if (depth > PATCH_MAX_DEPTH + 2)
		return true;
	if (cJSON_IsObject(v)) {
		if (cJSON_GetObjectItemCaseSensitive(v, DIRECTIVE) != NULL)
			return false;
		for (it = v->child; it != NULL; it = next) {
			next = it->next;
			if (!remove_directives(it, depth + 1))
				cJSON_Delete(cJSON_DetachItemViaPointer(v, it));
		}
	} else if (cJSON_IsArray(v)) {
		for (it = v->child; it != NULL; it = next) {
			next = it->next;
			if (!remove_directives(it, depth + 1))
				cJSON_Delete(cJSON_DetachItemViaPointer(v, it));
		}
	}
	return true;
}

/* sliceElementType: the common kind of the elements of a and b. */
static int
slice_elem_kind(struct pctx *c, const cJSON *a, const cJSON *b, enum jkind *kind)
{
	const cJSON *lists[2] = {a, b}, *it;
	enum jkind prev = K_NONE;

	for (int i = 0; i < 2; i++) {
		cJSON_ArrayForEach(it, lists[i]) {
			enum jkind k = jkind(it);
			if (prev == K_NONE) {
				prev = k;
				if (k == K_ARR) {
					fail(c, PATCH_EINVALID, ERR_LIST_OF_LISTS);
					return -1;
				}
			} else if (prev != k) {
				char *sa = gov_str(c, a), *sb = gov_str(c, b);
				fail(c, PATCH_EINTERNAL, "list element types are not identical: [%s %s]", sa, sb);
				free(sa);
				free(sb);
				return -1;
			}
		}
	}
	if (prev == K_NONE) {
		fail(c, PATCH_EINTERNAL, "no elements in any of the given slices");
		return -1;
	}
	*kind = prev;
	return 0;
}

/* The value an element is ordered and matched by: its merge key or itself. */
static const cJSON *
elem_id(const cJSON *e, const char *key)
{
	return key != NULL ? cJSON_GetObjectItemCaseSensitive(e, key) : e;
}

/* first index of each id in a list (index() in patch.go, hashed) */
static void
index_ids(const struct pctx *c, cJSON *const *v, size_t n, const char *key, struct map *m, struct strbuf *sb)
{
	(void)c;
	map_init(m);
	for (size_t i = 0; i < n; i++) {
		vkey(elem_id(v[i], key), sb);
		if (!map_has(m, sb->s))
			map_put(m, sb->s, (void *)(i + 1));
	}
}

static long
lookup_index(const struct map *m, const cJSON *e, const char *key, struct strbuf *sb)
{
	void *v;

	vkey(elem_id(e, key), sb);
	v = map_get(m, sb->s);
	return v == NULL ? -1 : (long)((size_t)v - 1);
}

static bool
is_delete_directive(const cJSON *e)
{
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(e, DIRECTIVE);

	return cJSON_IsString(d) && strcmp(d->valuestring, "delete") == 0;
}

/*
 * normalizeSliceOrder: sort to_sort (owned items) stably by their index in
 * order; for maps, check merge keys and move $patch: delete items last.
 */
static int
normalize_slice_order(struct pctx *c, struct jl *to_sort, cJSON *const *order, size_t norder, const char *key,
    enum jkind kind)
{
	struct jl keep = {0}, del = {0};
	struct map idx;
	struct strbuf sb = STRBUF_INIT;
	long *rank;

	if (kind == K_OBJ) {
		for (size_t i = 0; i < to_sort->n; i++) {
			if (!cJSON_IsObject(to_sort->v[i])) {
				err_bad_arg(c, "map[string]interface {}", to_sort->v[i]);
				return -1;
			}
			if (cJSON_GetObjectItemCaseSensitive(to_sort->v[i], key) == NULL) {
				err_no_merge_key(c, to_sort->v[i], key);
				return -1;
			}
		}
		for (size_t i = 0; i < norder; i++) {
			if (!cJSON_IsObject(order[i])) {
				err_bad_arg(c, "map[string]interface {}", order[i]);
				return -1;
			}
			if (cJSON_GetObjectItemCaseSensitive(order[i], key) == NULL) {
				err_no_merge_key(c, order[i], key);
				return -1;
			}
		}
		for (size_t i = 0; i < to_sort->n; i++)
			jl_push(is_delete_directive(to_sort->v[i]) ? &del : &keep, to_sort->v[i]);
		free(to_sort->v);
		*to_sort = keep;
	}
	index_ids(c, order, norder, kind == K_OBJ ? key : NULL, &idx, &sb);
	rank = xcalloc(to_sort->n ? to_sort->n : 1, sizeof *rank);
	for (size_t i = 0; i < to_sort->n; i++) {
		long r = lookup_index(&idx, to_sort->v[i], kind == K_OBJ ? key : NULL, &sb);
		rank[i] = r < 0 ? LONG_MAX : r;
	}
	sort_by_rank(to_sort->v, rank, to_sort->n);
	free(rank);
	map_free(&idx);
	sb_free(&sb);
	for (size_t i = 0; i < del.n; i++)
		jl_push(to_sort, del.v[i]);
	free(del.v);
	return 0;
}

/*
 * normalizeElementOrder + mergeSortedSlice: patch items in patch order,
 * server-only items in server order, interleaved by server order.
 * Consumes both lists; *out gets the result.
 */
static int
normalize_element_order(struct pctx *c, struct jl *patch, struct jl *server, cJSON *const *porder, size_t np,
    cJSON *const *sorder, size_t ns, const char *key, enum jkind kind, struct jl *out)
{
	struct map idx;
	struct strbuf sb = STRBUF_INIT;
	const char *k = kind == K_OBJ ? key : NULL;
	size_t i = 0, j = 0;

	if (normalize_slice_order(c, patch, porder, np, key, kind) < 0)
		return -1;
	if (normalize_slice_order(c, server, sorder, ns, key, kind) < 0)
		return -1;
	index_ids(c, sorder, ns, k, &idx, &sb);
	while (i < server->n || j < patch->n) {
		if (i >= server->n) {
			jl_push(out, patch->v[j++]);
		} else if (j >= patch->n) {
			jl_push(out, server->v[i++]);
		} else {
			long li = lookup_index(&idx, server->v[i], k, &sb);
			long ri = lookup_index(&idx, patch->v[j], k, &sb);
			if (li >= 0 && ri >= 0 && li < ri)
				jl_push(out, server->v[i++]);
			else
				jl_push(out, patch->v[j++]);
		}
	}
	free(server->v);
	free(patch->v);
	server->v = patch->v = NULL;
	server->n = patch->n = server->cap = patch->cap = 0;
	map_free(&idx);
	sb_free(&sb);
	return 0;
}

/*
 * partitionMapsByPresentInList / partitionPrimitivesByPresentInList:
 * move merged's items into in (present in by) and out (not).
 */
static int
partition(struct pctx *c, struct jl *merged, cJSON *const *by, size_t nby, const char *key, struct jl *in,
    struct jl *out)
{
	struct map idx;
	struct strbuf sb = STRBUF_INIT;
	int rc = 0;

	map_init(&idx);
	for (size_t i = 0; i < nby; i++) {
		const cJSON *id = key ? (cJSON_IsObject(by[i]) ? cJSON_GetObjectItemCaseSensitive(by[i], key) : NULL)
		                      : by[i];
		if (key != NULL && id == NULL)
			continue; /* findMapInSliceBasedOnKeyValue skips them */
		vkey(id, &sb);
		map_put(&idx, sb.s, (void *)1);
	}
	for (size_t i = 0; i < merged->n; i++) {
		cJSON *v = merged->v[i];
		if (key != NULL) {
			if (rc == 0 && !cJSON_IsObject(v)) {
				err_bad_arg(c, "map[string]interface {}", v);
				rc = -1;
			} else if (rc == 0 && cJSON_GetObjectItemCaseSensitive(v, key) == NULL) {
				err_no_merge_key(c, v, key);
				rc = -1;
			}
		}
		if (rc < 0) {
			cJSON_Delete(v);
			continue;
		}
		vkey(elem_id(v, key), &sb);
		jl_push(map_has(&idx, sb.s) ? in : out, v);
	}
	free(merged->v);
	merged->v = NULL;
	merged->n = merged->cap = 0;
	map_free(&idx);
	sb_free(&sb);
	return rc;
}

/* mergeSlice: orig and patch are arrays; returns a new array. */
static cJSON *
merge_slice(struct pctx *c, const cJSON *orig, const cJSON *patch, const struct patch_schema *et,
    const char *key, unsigned opts, bool is_delete_list, int depth)
{
	struct jl o = {0}, p = {0}, merged = {0}, in = {0}, out = {0}, res = {0};
	struct strbuf sb = STRBUF_INIT;
	struct map idx;
	enum jkind kind;
	const cJSON *it;
	cJSON *ret = NULL;

	if (check_depth(c, depth) < 0)
		return NULL;
	if (orig->child == NULL && patch->child == NULL)
		return cJSON_CreateArray();
	if (slice_elem_kind(c, orig, patch, &kind) < 0)
		return NULL;
	if (kind != K_OBJ) {
		if ((opts & MO_PARALLEL) && is_delete_list) {
			/* deleteFromSlice */
			map_init(&idx);
			cJSON_ArrayForEach(it, patch) {
				vkey(it, &sb);
				map_put(&idx, sb.s, (void *)1);
			}
			ret = cJSON_CreateArray();
			cJSON_ArrayForEach(it, orig) {
				vkey(it, &sb);
				if (!map_has(&idx, sb.s))
					cJSON_AddItemToArray(ret, dup(it));
			}
			map_free(&idx);
			sb_free(&sb);
			return ret;
		}
		/* deduplicateScalars(append(original, patch...)); its order is
		 * undone by the normalisation below anyway */
		map_init(&idx);
		const cJSON *lists[2] = {orig, patch};
		for (int l = 0; l < 2; l++)
			cJSON_ArrayForEach(it, lists[l]) {
				vkey(it, &sb);
				if (map_has(&idx, sb.s))
					continue;
				map_put(&idx, sb.s, (void *)1);
				jl_push(&merged, dup(it));
			}
		map_free(&idx);
		jl_from_array(&o, orig);
		jl_from_array(&p, patch);
		key = NULL;
	} else {
		bool replace = false;
		struct map del;

		if (key == NULL) {
			fail(c, PATCH_EINTERNAL, "cannot merge lists without merge key for %s", et ? et->name : "");
			goto out;
		}
		/* mergeSliceWithSpecialElements */
		map_init(&del);
		cJSON_ArrayForEach(it, patch) {
			const cJSON *d = cJSON_GetObjectItemCaseSensitive(it, DIRECTIVE);
			if (d == NULL) {
				jl_push(&p, dup(it));
			} else if (cJSON_IsString(d) && strcmp(d->valuestring, "delete") == 0) {
				const cJSON *mv = cJSON_GetObjectItemCaseSensitive(it, key);
				if (mv == NULL) {
					err_no_merge_key(c, it, key);
					map_free(&del);
					goto out;
				}
				vkey(mv, &sb);
				map_put(&del, sb.s, (void *)1);
			} else if (cJSON_IsString(d) && strcmp(d->valuestring, "replace") == 0) {
				replace = true;
			} else if (cJSON_IsString(d) && strcmp(d->valuestring, "merge") == 0) {
				fail(c, PATCH_EINTERNAL, "merging lists cannot yet be specified in the patch");
				map_free(&del);
				goto out;
			} else {
				err_bad_patch_type(c, d, it);
				map_free(&del);
				goto out;
			}
		}
		if (replace) {
			o = p;
			memset(&p, 0, sizeof p);
		} else {
			cJSON_ArrayForEach(it, orig) {
				const cJSON *mv = cJSON_GetObjectItemCaseSensitive(it, key);
				if (mv != NULL) {
					vkey(mv, &sb);
					if (map_has(&del, sb.s))
						continue;
				}
				jl_push(&o, dup(it));
			}
		}
		map_free(&del);
		/* mergeSliceWithoutSpecialElements, with a hashed find */
		map_init(&idx);
		for (size_t i = 0; i < o.n; i++) {
			jl_push(&merged, dup(o.v[i]));
			const cJSON *mv = cJSON_GetObjectItemCaseSensitive(o.v[i], key);
			if (mv == NULL)
				continue;
			vkey(mv, &sb);
			if (!map_has(&idx, sb.s))
				map_put(&idx, sb.s, (void *)(i + 1));
		}
		for (size_t i = 0; i < p.n; i++) {
			const cJSON *mv = cJSON_GetObjectItemCaseSensitive(p.v[i], key);
			void *at;
			if (mv == NULL) {
				err_no_merge_key(c, p.v[i], key);
				map_free(&idx);
				goto out;
			}
			vkey(mv, &sb);
			at = map_get(&idx, sb.s);
			if (at != NULL) {
				size_t k = (size_t)at - 1;
				cJSON *m = merge_map(c, merged.v[k], p.v[i], et, opts, depth + 1);
				if (m == NULL) {
					map_free(&idx);
					goto out;
				}
				cJSON_Delete(merged.v[k]);
				merged.v[k] = m;
			} else {
				jl_push(&merged, dup(p.v[i]));
				map_put(&idx, sb.s, (void *)merged.n);
			}
		}
		map_free(&idx);
	}
	/* enforce the order */
	if (partition(c, &merged, p.v, p.n, key, &in, &out) < 0)
		goto out;
	if (normalize_element_order(c, &in, &out, p.v, p.n, o.v, o.n, key, kind, &res) < 0)
		goto out;
	ret = jl_to_array(&res);
out:
	jl_free(&o);
	jl_free(&p);
	jl_free(&merged);
	jl_free(&in);
	jl_free(&out);
	jl_free(&res);
	sb_free(&sb);
	return ret;
}

/* mergeSliceHandler */
static cJSON *
merge_slice_handler(struct pctx *c, const cJSON *orig, const cJSON *patch, const struct patch_field *f,
    bool is_delete_list, unsigned opts, int depth)
{
	if ((f != NULL && (f->strategy & PS_MERGE)) || is_delete_list)
		return merge_slice(c, orig, patch, f ? f->type : NULL, f ? f->key : NULL, opts, is_delete_list, depth);
	return dup(patch);
}

/* extractKey: the field a $deleteFromPrimitiveList/ or $setElementOrder/ key names. */
static const char *
extract_key(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(s, prefix, n) != 0 || s[n] != '/')
		return NULL;
	return s + n + 1;
}

/* applyRetainKeysDirective */
static int
apply_retain_keys(struct pctx *c, struct oidx *ri, const cJSON *patch, unsigned opts)
{
	const cJSON *rk = cJSON_GetObjectItemCaseSensitive(patch, RETAIN_KEYS), *it;
	struct map m;
	struct strbuf sb = STRBUF_INIT;
	cJSON *o, *next;

	if (rk == NULL)
		return 0;
	if (!(opts & MO_PARALLEL)) {
		cJSON *in_orig = oidx_get(ri, RETAIN_KEYS);
		if (in_orig != NULL) {
			if (!patch_json_equal(in_orig, rk)) {
				char *a = gov_str(c, in_orig), *b = gov_str(c, rk);
				fail(c, PATCH_EINTERNAL,
				    "%s and %s are not deep equal: this may happen when calculating the 3-way diff patch", a,
				    b);
				free(a);
				free(b);
				return -1;
			}
		} else {
			oidx_put(ri, RETAIN_KEYS, dup(rk));
		}
		return 0;
	}
	if (!cJSON_IsArray(rk)) {
		fail(c, PATCH_EBADREQUEST, ERR_BAD_RETAIN_KEYS);
		return -1;
	}
	map_init(&m);
	cJSON_ArrayForEach(it, rk) {
		vkey(it, &sb);
		map_put(&m, sb.s, (void *)1);
	}
	cJSON_ArrayForEach(it, patch) {
		if (cJSON_IsNull(it) || has_prefix(it->string, DELETE_PRIMITIVE) || has_prefix(it->string, SET_ORDER) ||
		    strcmp(it->string, RETAIN_KEYS) == 0)
			continue;
		sb_reset(&sb);
		sb_addc(&sb, 's');
		sb_add(&sb, it->string);
		if (!map_has(&m, sb.s)) {
			map_free(&m);
			sb_free(&sb);
			fail(c, PATCH_EBADREQUEST, ERR_BAD_RETAIN_KEYS);
			return -1;
		}
	}
	for (o = ri->obj->child; o != NULL; o = next) {
		next = o->next;
		sb_reset(&sb);
		sb_addc(&sb, 's');
		sb_add(&sb, o->string);
		if (!map_has(&m, sb.s))
			oidx_del(ri, o->string);
	}
	map_free(&m);
	sb_free(&sb);
	return 0;
}

/* validatePatchWithSetOrderList */
static int
validate_set_order(struct pctx *c, const cJSON *plist, const cJSON *order, const char *key)
{
	struct jl nondel = {0};
	const cJSON *it;
	size_t pi = 0;
	const cJSON *oi;
	int rc = 0;

	if (plist == NULL || plist->child == NULL || order->child == NULL)
		return 0;
	cJSON_ArrayForEach(it, plist) {
		if (key != NULL) {
			if (!cJSON_IsObject(it)) {
				err_bad_arg(c, "map[string]interface {}", it);
				free(nondel.v);
				return -1;
			}
			if (is_delete_directive(it))
				continue;
		}
		jl_push(&nondel, (cJSON *)it);
	}
	oi = order->child;
	while (pi < nondel.n && oi != NULL) {
		const cJSON *pe = nondel.v[pi];
		bool eq;
		if (cJSON_IsObject(pe) && cJSON_GetObjectItemCaseSensitive(pe, DIRECTIVE) != NULL) {
			pi++;
			continue;
		}
		if (key == NULL) {
			eq = scalar_eq(pe, oi);
		} else {
			const cJSON *a, *b;
			if (!cJSON_IsObject(oi)) {
				err_bad_arg(c, "map[string]interface {}", oi);
				rc = -1;
				break;
			}
			if ((a = cJSON_GetObjectItemCaseSensitive(pe, key)) == NULL) {
				err_no_merge_key(c, pe, key);
				rc = -1;
				break;
			}
			if ((b = cJSON_GetObjectItemCaseSensitive(oi, key)) == NULL) {
				err_no_merge_key(c, oi, key);
				rc = -1;
				break;
			}
			eq = scalar_eq(a, b);
		}
		if (eq)
			pi++;
		oi = oi->next;
	}
	if (rc == 0 && pi < nondel.n && oi == NULL) {
		char *a = gov_str(c, plist), *b = gov_str(c, order);
		fail(c, PATCH_EINTERNAL, "The order in patch list:\n%s\n doesn't match %s list:\n%s\n", a, SET_ORDER, b);
		free(a);
		free(b);
		rc = -1;
	}
	free(nondel.v);
	return rc;
}

/*
 * originalFieldValue as Go's mergePatchIntoOriginal reads it after merging
 * the list: mergeSliceWithSpecialElements deletes in place
 * (append(s[:k], s[k+1:]...)) and mergeSliceWithoutSpecialElements appends
 * into the same backing array, so the server order it then sorts by shows
 * the survivors shifted left and the appended patch items in the freed
 * slots (kubectl patch --local puts [a c] + {d, c: delete} with
 * $setElementOrder [d] in the order [a d], not [d a]). The first
 * len(original) slots do not depend on the array's capacity, so this is
 * exact. Fills out with borrowed pointers; false when the list is too
 * large to replay cheaply (the caller then uses the original order).
 */
static bool
alias_server_order(const cJSON *olist, const cJSON *plist, const char *key, struct jl *out)
{
	size_t n = (size_t)cJSON_GetArraySize(olist), np = (size_t)cJSON_GetArraySize(plist), len = 0, ndel = 0;
	const cJSON **arr, *e;
	struct map keys;
	struct strbuf sb = STRBUF_INIT;
	bool replace = false;

	cJSON_ArrayForEach(e, plist) if (is_delete_directive(e)) ndel++;
	if (ndel == 0 || (double)n * (double)ndel > 1e7)
		return false;
	arr = xcalloc(n + np + 1, sizeof *arr);
	cJSON_ArrayForEach(e, olist) arr[len++] = e;
	cJSON_ArrayForEach(e, plist) {
		const cJSON *d = cJSON_GetObjectItemCaseSensitive(e, DIRECTIVE), *mv;
		if (d == NULL)
			continue;
		if (cJSON_IsString(d) && strcmp(d->valuestring, "replace") == 0) {
			replace = true;
			continue;
		}
		if (!is_delete_directive(e) || (mv = cJSON_GetObjectItemCaseSensitive(e, key)) == NULL)
			break; /* an error the merge reports */
		for (size_t k = 0; k < len;) {
			if (scalar_eq(cJSON_GetObjectItemCaseSensitive(arr[k], key), mv)) {
				memmove(&arr[k], &arr[k + 1], (len - k - 1) * sizeof *arr);
				len--;
			} else {
				k++;
			}
		}
	}
	if (!replace) {
		map_init(&keys);
		for (size_t k = 0; k < len; k++) {
			vkey(cJSON_GetObjectItemCaseSensitive(arr[k], key), &sb);
			map_put(&keys, sb.s, (void *)1);
		}
		cJSON_ArrayForEach(e, plist) {
			const cJSON *mv = cJSON_GetObjectItemCaseSensitive(e, key);
			if (cJSON_GetObjectItemCaseSensitive(e, DIRECTIVE) != NULL || mv == NULL)
				continue;
			vkey(mv, &sb);
			if (map_has(&keys, sb.s))
				continue;
			map_put(&keys, sb.s, (void *)1);
			arr[len++] = e;
		}
		map_free(&keys);
	}
	for (size_t k = 0; k < n; k++)
		jl_push(out, (cJSON *)arr[k]);
	free(arr);
	sb_free(&sb);
	return true;
}

/*
 * mergePatchIntoOriginal: handle every $setElementOrder/<field> of patch
 * with its list, and mark both keys done.
 */
static int
merge_set_element_order(struct pctx *c, struct oidx *ri, const cJSON *patch, struct map *pidx,
    const struct patch_schema *s, unsigned opts, struct map *done, int depth)
{
	const cJSON *pv;

	cJSON_ArrayForEach(pv, patch) {
		const char *key = pv->string, *okey;
		const cJSON *plist;
		cJSON *olist, *merged = NULL;
		const struct patch_field *f;
		struct jl in = {0}, out = {0}, m = {0}, res = {0}, ol = {0}, so = {0};
		enum jkind kind;
		int rc = -1;

		if (!has_prefix(key, SET_ORDER))
			continue;
		if (!(opts & MO_PARALLEL)) {
			cJSON *in_orig = oidx_get(ri, key);
			if (in_orig != NULL) {
				if (!patch_json_equal(in_orig, pv)) {
					fail(c, PATCH_EBADREQUEST, ERR_BAD_SET_ORDER);
					return -1;
				}
			} else {
				oidx_put(ri, key, dup(pv));
			}
		}
		map_put(done, key, (void *)1);
		if (!cJSON_IsArray(pv)) {
			err_bad_arg(c, "[]interface {}", pv);
			return -1;
		}
		if ((okey = extract_key(key, SET_ORDER)) == NULL) {
			fail(c, PATCH_EBADREQUEST, ERR_BAD_SET_ORDER);
			return -1;
		}
		olist = oidx_get(ri, okey);
		plist = map_get(pidx, okey);
		if (map_has(done, okey))
			plist = NULL; /* Go deleted it from the patch already */
		if (olist != NULL && !cJSON_IsArray(olist)) {
			err_bad_arg(c, "[]interface {}", olist);
			return -1;
		}
		if (plist != NULL && !cJSON_IsArray(plist)) {
			err_bad_arg(c, "[]interface {}", plist);
			return -1;
		}
		f = schema_field(s, okey);
		const char *mkey = f ? f->key : NULL;
		if (validate_set_order(c, plist, pv, mkey) < 0)
			return -1;
		if (olist != NULL && plist == NULL) {
			merged = dup(olist);
		} else if (olist == NULL && plist != NULL) {
			merged = dup(plist);
			remove_directives(merged, depth);
		} else if (olist != NULL && plist != NULL) {
			merged = merge_slice_handler(c, olist, plist, f, false, opts, depth + 1);
			if (merged == NULL)
				return -1;
		} else {
			continue;
		}
		/* sliceElementType(originalFieldValue, patchFieldValue) */
		{
			cJSON *empty = cJSON_CreateArray();
			int r = slice_elem_kind(c, olist ? olist : empty, plist ? plist : empty, &kind);
			cJSON_Delete(empty);
			if (r < 0)
				goto out;
		}
		jl_from_array(&m, merged);
		jl_from_array(&so, pv);
		if (partition(c, &m, so.v, so.n, mkey, &in, &out) < 0)
			goto out;
		if (olist != NULL &&
		    !(plist != NULL && kind == K_OBJ && mkey != NULL && f != NULL && (f->strategy & PS_MERGE) &&
			alias_server_order(olist, plist, mkey, &ol))) {
			const cJSON *e;
			cJSON_ArrayForEach(e, olist) jl_push(&ol, (cJSON *)e);
		}
		if (normalize_element_order(c, &in, &out, so.v, so.n, ol.v, ol.n, mkey, kind, &res) < 0)
			goto out;
		oidx_put(ri, okey, jl_to_array(&res));
		map_put(done, okey, (void *)1);
		rc = 0;
	out:
		cJSON_Delete(merged);
		jl_free(&in);
		jl_free(&out);
		jl_free(&m);
		jl_free(&res);
		free(ol.v); /* borrowed items */
		jl_free(&so);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* handleDirectiveInMergeMap */
static cJSON *
handle_directive(struct pctx *c, const cJSON *d, const cJSON *patch)
{
	if (cJSON_IsString(d) && strcmp(d->valuestring, "replace") == 0) {
		cJSON *r = dup(patch);
		cJSON_DeleteItemFromObjectCaseSensitive(r, DIRECTIVE);
		return r;
	}
	if (cJSON_IsString(d) && strcmp(d->valuestring, "delete") == 0)
		return cJSON_CreateObject();
	return err_bad_patch_type(c, d, patch);
}

/* mergeMap: a new object, orig (NULL: {}) with patch merged in. */
static cJSON *
merge_map(struct pctx *c, const cJSON *orig, const cJSON *patch, const struct patch_schema *s, unsigned opts,
    int depth)
{
	const cJSON *d, *p;
	cJSON *res;
	struct oidx ri;
	struct map done, pidx;

	if (check_depth(c, depth) < 0)
		return NULL;
	index_object(patch, &pidx);
	if ((d = map_get(&pidx, DIRECTIVE)) != NULL) {
		map_free(&pidx);
		return handle_directive(c, d, patch);
	}
	res = cJSON_IsObject(orig) ? dup(orig) : cJSON_CreateObject();
	oidx_init(&ri, res);
	map_init(&done);
	if (apply_retain_keys(c, &ri, patch, opts) < 0)
		goto fail;
	map_put(&done, RETAIN_KEYS, (void *)1);
	if (merge_set_element_order(c, &ri, patch, &pidx, s, opts, &done, depth) < 0)
		goto fail;
	cJSON_ArrayForEach(p, patch) {
		const char *k = p->string;
		const struct patch_field *f;
		bool is_delete_list = false;
		cJSON *o, *nv;

		if (map_has(&done, k))
			continue;
		if (has_prefix(k, DELETE_PRIMITIVE)) {
			if (!(opts & MO_PARALLEL)) {
				oidx_put(&ri, k, dup(p));
				continue;
			}
			if ((k = extract_key(k, DELETE_PRIMITIVE)) == NULL) {
				fail(c, PATCH_EBADREQUEST, ERR_BAD_PRIMITIVE_LIST);
				goto fail;
			}
			is_delete_list = true;
		}
		if (cJSON_IsNull(p)) {
			oidx_del(&ri, k);
			if (opts & MO_IGNORE_NULLS)
				continue;
		}
		o = oidx_get(&ri, k);
		if (o == NULL || jkind(o) != jkind(p)) {
			/* the patch value is taken whole, without its $patch maps
			 * (removeDirectives); one that is itself such a map removes
			 * the key */
			if (!is_delete_list) {
				nv = dup(p);
				if (opts & MO_IGNORE_NULLS)
					discard_nulls(nv, depth);
				if (remove_directives(nv, depth)) {
					oidx_put(&ri, k, nv);
				} else {
					cJSON_Delete(nv);
					oidx_del(&ri, k);
				}
			}
			continue;
		}
		f = schema_field(s, k);
		if (cJSON_IsObject(o)) {
			if (f != NULL && (f->strategy & PS_REPLACE))
				nv = dup(p);
			else
				nv = merge_map(c, o, p, f ? f->type : NULL, opts, depth + 1);
		} else if (cJSON_IsArray(o)) {
			nv = merge_slice_handler(c, o, p, f, is_delete_list, opts, depth + 1);
		} else {
			nv = dup(p);
		}
		if (nv == NULL)
			goto fail;
		oidx_put(&ri, k, nv);
	}
	oidx_free(&ri);
	map_free(&done);
	map_free(&pidx);
	return res;
fail:
	oidx_free(&ri);
	map_free(&done);
	map_free(&pidx);
	cJSON_Delete(res);
	return NULL;
}

static int
do_strategic_apply(const cJSON *doc, const cJSON *patch, const struct patch_schema *schema, cJSON **out,
    struct ks_err *err)
{
	struct pctx c = {err, 0, true};

	*out = NULL;
	/* StrategicMergePatch decodes both into map[string]interface{} */
	if (!cJSON_IsObject(patch)) {
		err_set(err, "json: cannot unmarshal %s into Go value of type map[string]interface {}",
		    json_type_name(patch));
		return PATCH_EBADREQUEST;
	}
	if (!cJSON_IsObject(doc)) {
		err_set(err, "invalid JSON document");
		return PATCH_EBADREQUEST;
	}
	*out = merge_map(&c, doc, patch, schema, MO_PARALLEL | MO_IGNORE_NULLS, 0);
	return *out != NULL ? 0 : (c.rc ? c.rc : PATCH_EINTERNAL);
}

/* ---------------------------------------------------------------- strategic: create */

struct dopts {
	bool set_element_order;
	bool ignore_changes;
	bool ignore_deletions;
	bool build_retain_keys;
};

static cJSON *diff_maps(struct pctx *c, const cJSON *orig, const cJSON *mod, const struct patch_schema *s,
    struct dopts o, int depth);

/* diffListsOfScalars */
static void
diff_scalars(struct pctx *c, const cJSON *orig, const cJSON *mod, struct dopts o, struct jl *add, struct jl *del)
{
	struct jl os = {0}, ms = {0};
	size_t i = 0, j = 0;
	struct map seen;
	struct strbuf sb = STRBUF_INIT;

	jl_from_array(&os, orig);
	jl_from_array(&ms, mod);
	sort_by_gov(c, os.v, os.n, NULL);
	sort_by_gov(c, ms.v, ms.n, NULL);
	map_init(&seen);
	while (i < os.n || j < ms.n) {
		char *a = i < os.n ? gov_str(c, os.v[i]) : NULL;
		char *b = j < ms.n ? gov_str(c, ms.v[j]) : NULL;
		int cmp = a && b ? strcmp(a, b) : (a ? -1 : 1);
		if (a && b && cmp == 0) {
			i++;
			j++;
		} else if (!a || (b && cmp > 0)) {
			if (!o.ignore_changes)
				jl_push(add, dup(ms.v[j]));
			j++;
		} else {
			if (!o.ignore_deletions) {
				vkey(os.v[i], &sb);
				if (!map_has(&seen, sb.s)) { /* deduplicateScalars */
					map_put(&seen, sb.s, (void *)1);
					jl_push(del, dup(os.v[i]));
				}
			}
			i++;
		}
		free(a);
		free(b);
	}
	map_free(&seen);
	sb_free(&sb);
	jl_free(&os);
	jl_free(&ms);
}

/* diffListsOfMaps */
static int
diff_list_of_maps(struct pctx *c, const cJSON *orig, const cJSON *mod, const struct patch_schema *et,
    const char *key, struct dopts o, struct jl *patch, struct jl *del, int depth)
{
	cJSON **os, **ms;
	size_t no = (size_t)cJSON_GetArraySize(orig), nm = (size_t)cJSON_GetArraySize(mod), i = 0, j = 0, k = 0;
	const cJSON *it;
	int rc = 0;

	os = xcalloc(no ? no : 1, sizeof *os);
	ms = xcalloc(nm ? nm : 1, sizeof *ms);
	cJSON_ArrayForEach(it, orig) os[k++] = (cJSON *)it;
	k = 0;
	cJSON_ArrayForEach(it, mod) ms[k++] = (cJSON *)it;
	sort_by_gov(c, os, no, key);
	sort_by_gov(c, ms, nm, key);
	while (i < no || j < nm) {
		const cJSON *ov = NULL, *mv = NULL;
		char *a = NULL, *b = NULL;
		if (i < no) {
			if (!cJSON_IsObject(os[i])) {
				err_bad_arg(c, "map[string]interface {}", os[i]);
				rc = -1;
				break;
			}
			if ((ov = cJSON_GetObjectItemCaseSensitive(os[i], key)) == NULL) {
				err_no_merge_key(c, os[i], key);
				rc = -1;
				break;
			}
			a = gov_str(c, ov);
		}
		if (j < nm) {
			if (!cJSON_IsObject(ms[j])) {
				err_bad_arg(c, "map[string]interface {}", ms[j]);
				free(a);
				rc = -1;
				break;
			}
			if ((mv = cJSON_GetObjectItemCaseSensitive(ms[j], key)) == NULL) {
				err_no_merge_key(c, ms[j], key);
				free(a);
				rc = -1;
				break;
			}
			b = gov_str(c, mv);
		}
		int cmp = a && b ? strcmp(a, b) : (a ? -1 : 1);
		free(a);
		free(b);
		if (i < no && j < nm && cmp == 0) {
			cJSON *pv = diff_maps(c, os[i], ms[j], et, o, depth + 1);
			if (pv == NULL) {
				rc = -1;
				break;
			}
			if (pv->child != NULL) {
				cJSON_DeleteItemFromObjectCaseSensitive(pv, key);
				cJSON_AddItemToObject(pv, key, dup(mv));
				jl_push(patch, pv);
			} else {
				cJSON_Delete(pv);
			}
			i++;
			j++;
		} else if (i >= no || (j < nm && cmp > 0)) {
			if (!o.ignore_changes)
				jl_push(patch, dup(ms[j]));
			j++;
		} else {
			if (!o.ignore_deletions) {
				cJSON *d = cJSON_CreateObject();
				cJSON_AddStringToObject(d, DIRECTIVE, "delete");
				cJSON_AddItemToObject(d, key, dup(ov));
				jl_push(del, d);
			}
			i++;
		}
	}
	free(os);
	free(ms);
	return rc;
}

/* diffLists: adds to patch the list, its deletion list and its order list. */
static int
diff_lists(struct pctx *c, const char *field, const cJSON *orig, const cJSON *mod, const struct patch_schema *et,
    const char *key, struct dopts o, cJSON *patch, int depth)
{
	struct jl pl = {0}, dl = {0}, mods = {0};
	cJSON *setorder = NULL;
	enum jkind kind;
	int rc = -1;

	if (orig->child == NULL) {
		if (mod->child == NULL || o.ignore_changes)
			return 0;
		cJSON_AddItemToObject(patch, field, dup(mod));
		return 0;
	}
	if (slice_elem_kind(c, orig, mod, &kind) < 0)
		return -1;
	jl_from_array(&mods, mod);
	if (kind == K_OBJ) {
		bool same;
		if (key == NULL) {
			fail(c, PATCH_EINTERNAL, "cannot merge lists without merge key for %s", et ? et->name : "");
			goto out;
		}
		if (diff_list_of_maps(c, orig, mod, et, key, o, &pl, &dl, depth) < 0)
			goto out;
		if (normalize_slice_order(c, &pl, mods.v, mods.n, key, kind) < 0)
			goto out;
		/* isOrderSame */
		same = cJSON_GetArraySize(orig) == cJSON_GetArraySize(mod);
		for (const cJSON *a = orig->child, *b = mod->child; same && a && b; a = a->next, b = b->next)
			same = scalar_eq(cJSON_GetObjectItemCaseSensitive(a, key), cJSON_GetObjectItemCaseSensitive(b, key));
		for (size_t i = 0; i < dl.n; i++)
			jl_push(&pl, dl.v[i]);
		free(dl.v);
		memset(&dl, 0, sizeof dl);
		if (o.set_element_order &&
		    ((!o.ignore_changes && (pl.n > 0 || !same)) || (!o.ignore_deletions && pl.n > 0))) {
			const cJSON *it;
			setorder = cJSON_CreateArray();
			cJSON_ArrayForEach(it, mod) {
				cJSON *e = cJSON_CreateObject();
				cJSON_AddItemToObject(e, key, dup(cJSON_GetObjectItemCaseSensitive(it, key)));
				cJSON_AddItemToArray(setorder, e);
			}
		}
	} else {
		diff_scalars(c, orig, mod, o, &pl, &dl);
		if (normalize_slice_order(c, &pl, mods.v, mods.n, NULL, kind) < 0)
			goto out;
		if (o.set_element_order &&
		    ((!o.ignore_deletions && dl.n > 0) || (!o.ignore_changes && !patch_json_equal(orig, mod))))
			setorder = dup(mod);
	}
	if (pl.n > 0)
		cJSON_AddItemToObject(patch, field, jl_to_array(&pl));
	if (dl.n > 0) {
		char *k = xasprintf("%s/%s", DELETE_PRIMITIVE, field);
		cJSON_AddItemToObject(patch, k, jl_to_array(&dl));
		free(k);
	}
	if (setorder != NULL && setorder->child != NULL) {
		char *k = xasprintf("%s/%s", SET_ORDER, field);
		cJSON_AddItemToObject(patch, k, setorder);
		setorder = NULL;
		free(k);
	}
	rc = 0;
out:
	cJSON_Delete(setorder);
	jl_free(&pl);
	jl_free(&dl);
	jl_free(&mods);
	return rc;
}

/* diffMaps */
static cJSON *
diff_maps(struct pctx *c, const cJSON *orig, const cJSON *mod, const struct patch_schema *s, struct dopts o,
    int depth)
{
	cJSON *patch, *retain;
	struct map oi, mi;
	const cJSON *mv, *ov;
	bool additional = false;

	if (check_depth(c, depth) < 0)
		return NULL;
	patch = cJSON_CreateObject();
	retain = cJSON_CreateArray();
	index_object(orig, &oi);
	index_object(mod, &mi);
	cJSON_ArrayForEach(mv, mod) {
		const char *key = mv->string;
		if (o.build_retain_keys && !cJSON_IsNull(mv))
			cJSON_AddItemToArray(retain, cJSON_CreateString(key));
		ov = map_get(&oi, key);
		if (ov == NULL) {
			if (!o.ignore_changes)
				cJSON_AddItemToObject(patch, key, dup(mv));
			continue;
		}
		if (strcmp(key, DIRECTIVE) == 0) {
			/* handleDirectiveMarker */
			if (!cJSON_IsString(ov) || !cJSON_IsString(mv)) {
				fail(c, PATCH_EINTERNAL, "invalid value for special key: %s", DIRECTIVE);
				goto fail;
			}
			if (strcmp(ov->valuestring, mv->valuestring) != 0)
				cJSON_AddItemToObject(patch, key, dup(mv));
			continue;
		}
		if (jkind(ov) != jkind(mv)) {
			if (!o.ignore_changes)
				cJSON_AddItemToObject(patch, key, dup(mv));
			continue;
		}
		const struct patch_field *f = schema_field(s, key);
		if (cJSON_IsObject(ov)) {
			/* handleMapDiff */
			struct dopts so = o;
			so.build_retain_keys = f != NULL && (f->strategy & PS_RETAIN);
			if (f != NULL && (f->strategy & PS_REPLACE)) {
				if (!o.ignore_changes)
					cJSON_AddItemToObject(patch, key, dup(mv));
			} else {
				cJSON *pv = diff_maps(c, ov, mv, f ? f->type : NULL, so, depth + 1);
				if (pv == NULL)
					goto fail;
				if (pv->child != NULL)
					cJSON_AddItemToObject(patch, key, pv);
				else
					cJSON_Delete(pv);
			}
		} else if (cJSON_IsArray(ov)) {
			/* handleSliceDiff */
			if (f != NULL && (f->strategy & PS_MERGE)) {
				struct dopts so = o;
				so.build_retain_keys = (f->strategy & PS_RETAIN) != 0;
				if (diff_lists(c, key, ov, mv, f->type, f->key, so, patch, depth + 1) < 0)
					goto fail;
			} else if (!o.ignore_changes && !patch_json_equal(ov, mv)) {
				cJSON_AddItemToObject(patch, key, dup(mv));
			}
		} else if (!o.ignore_changes && !patch_json_equal(ov, mv)) {
			cJSON_AddItemToObject(patch, key, dup(mv));
		}
	}
	/* updatePatchIfMissing, hasAdditionalNewField */
	cJSON_ArrayForEach(ov, orig) {
		if (map_has(&mi, ov->string))
			continue;
		if (!o.ignore_deletions)
			cJSON_AddItemToObject(patch, ov->string, cJSON_CreateNull());
		if (!cJSON_IsNull(ov))
			additional = true;
	}
	if (retain->child != NULL && (patch->child != NULL || additional)) {
		struct jl l = {0};
		jl_from_array(&l, retain);
		sort_by_gov(c, l.v, l.n, NULL);
		cJSON_AddItemToObject(patch, RETAIN_KEYS, jl_to_array(&l));
	}
	cJSON_Delete(retain);
	map_free(&oi);
	map_free(&mi);
	return patch;
fail:
	cJSON_Delete(retain);
	cJSON_Delete(patch);
	map_free(&oi);
	map_free(&mi);
	return NULL;
}

static int
do_strategic_create(const cJSON *original, const cJSON *modified, const struct patch_schema *schema,
    cJSON **out, struct ks_err *err)
{
	struct pctx c = {err, 0, false};
	struct dopts o = {.set_element_order = true};
	cJSON *empty = cJSON_CreateObject();

	*out = NULL;
	if ((original != NULL && !cJSON_IsObject(original)) || (modified != NULL && !cJSON_IsObject(modified))) {
		cJSON_Delete(empty);
		err_set(err, "invalid JSON document");
		return PATCH_EBADREQUEST;
	}
	*out = diff_maps(&c, original ? original : empty, modified ? modified : empty, schema, o, 0);
	cJSON_Delete(empty);
	if (*out == NULL)
		return c.rc ? c.rc : PATCH_EINTERNAL;
	sort_keys(*out, 0);
	return 0;
}

static int
do_strategic_create_threeway(const cJSON *original, const cJSON *modified, const cJSON *current,
    const struct patch_schema *schema, cJSON **out, struct ks_err *err)
{
	struct pctx c = {err, 0, false};
	struct dopts delta_o = {.set_element_order = true, .ignore_deletions = true};
	struct dopts del_o = {.set_element_order = true, .ignore_changes = true};
	cJSON *empty = cJSON_CreateObject(), *delta = NULL, *dels = NULL;

	*out = NULL;
	if ((original != NULL && !cJSON_IsObject(original) && !cJSON_IsNull(original)) ||
	    (modified != NULL && !cJSON_IsObject(modified)) || (current != NULL && !cJSON_IsObject(current))) {
		cJSON_Delete(empty);
		err_set(err, "invalid JSON document");
		return PATCH_EBADREQUEST;
	}
	if (!cJSON_IsObject(original))
		original = empty;
	if (modified == NULL)
		modified = empty;
	if (current == NULL)
		current = empty;
	/*
	 * CreateThreeWayMergePatch: the delta from current to modified without
	 * deletions, merged onto the deletions from original to modified.
	 */
	delta = diff_maps(&c, current, modified, schema, delta_o, 0);
	if (delta != NULL)
		dels = diff_maps(&c, original, modified, schema, del_o, 0);
	if (dels != NULL)
		*out = merge_map(&c, dels, delta, schema, 0, 0);
	cJSON_Delete(delta);
	cJSON_Delete(dels);
	cJSON_Delete(empty);
	if (*out == NULL)
		return c.rc ? c.rc : PATCH_EINTERNAL;
	sort_keys(*out, 0);
	return 0;
}

/* ---------------------------------------------------------------- misc */

/*
 * Go decodes every document and patch into maps before patching
 * (json.Unmarshal in evanphx MergePatch/CreateMergePatch and json-patch's
 * partialDoc, strategicpatch's map[string]interface{}), so of duplicate
 * keys the last wins and the others are gone; cJSON keeps them all, and
 * the code below would see (and, for a patch, apply) each. The public
 * functions hand it the document Go would see: the input itself when it
 * has no duplicate key (the usual case, found by one scan), otherwise a
 * copy without the earlier duplicates.
 */
static bool
has_dup_keys(const cJSON *v)
{
	const cJSON *it, *jt;
	struct map m;
	bool dups = false;
	size_t n = 0;

	if (!cJSON_IsObject(v) && !cJSON_IsArray(v))
		return false;
	cJSON_ArrayForEach(it, v) {
		if (has_dup_keys(it))
			return true;
		n++;
	}
	if (!cJSON_IsObject(v))
		return false;
	if (n <= 8) {
		for (it = v->child; it != NULL; it = it->next)
			for (jt = it->next; jt != NULL; jt = jt->next)
				if (strcmp(it->string, jt->string) == 0)
					return true;
		return false;
	}
	map_init(&m);
	cJSON_ArrayForEach(it, v) {
		if (map_put(&m, it->string, (void *)it) != NULL) {
			dups = true;
			break;
		}
	}
	map_free(&m);
	return dups;
}

/* Drop the earlier of duplicate keys, at every depth, in place. */
static void
drop_dup_keys(cJSON *v)
{
	cJSON *it, *next;
	struct map m;

	if (!cJSON_IsObject(v) && !cJSON_IsArray(v))
		return;
	cJSON_ArrayForEach(it, v) drop_dup_keys(it);
	if (!cJSON_IsObject(v))
		return;
	index_object(v, &m);
	for (it = v->child; it != NULL; it = next) {
		next = it->next;
		if (map_get(&m, it->string) != it)
			cJSON_Delete(cJSON_DetachItemViaPointer(v, it));
	}
	map_free(&m);
}

/* The copies go_view made, freed by go_free. */
struct go_copies {
	cJSON *v[3];
	int n;
};

static const cJSON *
go_view(struct go_copies *g, const cJSON *v)
{
	cJSON *d;

	if (v == NULL || !has_dup_keys(v))
		return v;
	d = cJSON_Duplicate(v, 1);
	if (d == NULL)
		return v; /* cJSON refuses only on OOM or depth, which the callee reports */
	drop_dup_keys(d);
	g->v[g->n++] = d;
	return d;
}

static void
go_free(struct go_copies *g)
{
	for (int i = 0; i < g->n; i++)
		cJSON_Delete(g->v[i]);
}

int
patch_json_apply(const cJSON *doc, const cJSON *ops, cJSON **out, struct ks_err *err)
{
	struct go_copies g = {{NULL}, 0};
	int rc = do_json_apply(go_view(&g, doc), go_view(&g, ops), out, err);

	go_free(&g);
	return rc;
}

int
patch_merge_apply(const cJSON *doc, const cJSON *patch, cJSON **out, struct ks_err *err)
{
	struct go_copies g = {{NULL}, 0};
	int rc = do_merge_apply(go_view(&g, doc), go_view(&g, patch), out, err);

	go_free(&g);
	return rc;
}

int
patch_merge_create(const cJSON *original, const cJSON *modified, cJSON **out, struct ks_err *err)
{
	struct go_copies g = {{NULL}, 0};
	int rc = do_merge_create(go_view(&g, original), go_view(&g, modified), out, err);

	go_free(&g);
	return rc;
}

int
patch_merge_create_threeway(const cJSON *original, const cJSON *modified, const cJSON *current, cJSON **out,
    struct ks_err *err)
{
	struct go_copies g = {{NULL}, 0};
	int rc = do_merge_create_threeway(go_view(&g, original), go_view(&g, modified),
	    go_view(&g, current), out, err);

	go_free(&g);
	return rc;
}

int
patch_strategic_apply(const cJSON *doc, const cJSON *patch, const struct patch_schema *schema, cJSON **out,
    struct ks_err *err)
{
	struct go_copies g = {{NULL}, 0};
	int rc = do_strategic_apply(go_view(&g, doc), go_view(&g, patch), schema, out, err);

	go_free(&g);
	return rc;
}

int
patch_strategic_create(const cJSON *original, const cJSON *modified, const struct patch_schema *schema,
    cJSON **out, struct ks_err *err)
{
	struct go_copies g = {{NULL}, 0};
	int rc = do_strategic_create(go_view(&g, original), go_view(&g, modified), schema, out, err);

	go_free(&g);
	return rc;
}

int
patch_strategic_create_threeway(const cJSON *original, const cJSON *modified, const cJSON *current,
    const struct patch_schema *schema, cJSON **out, struct ks_err *err)
{
	struct go_copies g = {{NULL}, 0};
	int rc = do_strategic_create_threeway(go_view(&g, original), go_view(&g, modified),
	    go_view(&g, current), schema, out, err);

	go_free(&g);
	return rc;
}

int
patch_apply(enum patch_type type, const cJSON *doc, const cJSON *patch, const struct patch_schema *schema,
    cJSON **out, struct ks_err *err)
{
	switch (type) {
	case PATCH_JSON:
		return patch_json_apply(doc, patch, out, err);
	case PATCH_MERGE:
		return patch_merge_apply(doc, patch, out, err);
	case PATCH_STRATEGIC:
		return patch_strategic_apply(doc, patch, schema, out, err);
	}
	*out = NULL;
	err_set(err, "unknown patch type");
	return PATCH_EBADREQUEST;
}

bool
patch_is_empty(const cJSON *patch)
{
	return cJSON_IsObject(patch) && patch->child == NULL;
}
