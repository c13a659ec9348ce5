/*
 * store.c - the in-memory API server.
 *
 * Per kind: a map "namespace/name" -> object and an array in creation order
 * with holes (NULL) left by removals, compacted when holes pass half the
 * array; each object remembers its slot, so removal is O(1) and listing in
 * creation order needs no sort. A global map uid -> object serves owner
 * lookups. Pods are also indexed by node name and by controller uid; each
 * pod's entry in those indexes is found again through a small side map from
 * pod uid to the keys it was indexed under, so re-indexing after a bind or
 * an adoption costs O(bucket size), not a scan.
 */
#include "api/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/namespace.h"
#include "api/pod.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/map.h"
#include "util/xmalloc.h"

struct watcher {
	store_watch_fn fn;
	void *ctx;
};

struct kind_table {
	/*
	 * namespace ("" for cluster-scoped kinds) -> struct map of name ->
	 * object, keyed by the objects' own names (borrowed).
	 */
	struct map by_ns;
	struct object **slots;
	size_t n_slots;
	size_t cap_slots;
	size_t live;
};

/* Where a pod currently sits in the pod indexes, at which slot, and what it adds to its node. */
struct pod_index_entry {
	/* Atoms (util/atom.h): a node's pods, an owner's pods share them. */
	const char *node;   /* NULL: not bound */
	const char *owner;  /* "" for orphans */
	const char *pinned; /* unbound and pinned to a node by affinity, else NULL */
	char *owner_target; /* "<owner>\x1f<node or pinned node>", or NULL when neither */
	size_t node_pos;
	size_t owner_pos;
	size_t pinned_pos;
	size_t owner_target_pos;
	/* Counted in its node's usage: bound and not terminal. */
	bool counted;
	bool host_ports;
	int64_t milli[STORE_RES__COUNT];
};

/*
 * A node's entry in the by-node index: its pods, and the sums the
 * scheduler's NodeInfo keeps, updated as pods come, go and finish, so a fit
 * costs the same however many pods the node runs. pods comes first:
 * store_pods_on_node hands it out as the vector.
 */
struct node_pods {
	struct vec pods;
	struct store_node_usage usage;
};

struct store {
	struct store_hooks hooks;
	struct kind_table kinds[KIND__COUNT];
	struct map by_uid;
	struct map pods_by_node;  /* node name -> struct vec of pods */
	struct map pods_by_owner; /* controller uid ("" orphans) -> struct vec */
	struct map pods_pinned;   /* node -> struct vec of unbound pods pinned to it */
	struct map pods_owner_target; /* "<owner>\x1f<node>" -> struct vec (bound or pinned there) */
	struct watcher *watchers;
	size_t n_watchers;
	uint64_t next_rv;
	uint64_t writes;
	uint64_t side_rng; /* uids of namespaces and leases (generate_uid) */
	store_admit_fn admit;
	void *admit_ctx;
};

struct store *
store_new(const struct store_hooks *hooks)
{
	struct store *s = xcalloc(1, sizeof *s);

	s->hooks = *hooks;
	for (int k = 0; k < KIND__COUNT; k++)
		map_init(&s->kinds[k].by_ns);
	map_init_borrowed(&s->by_uid);
	map_init(&s->pods_by_node);
	map_init(&s->pods_by_owner);
	map_init(&s->pods_pinned);
	map_init(&s->pods_owner_target);
	s->next_rv = 1;
	s->side_rng = 0x6b756265u; /* any constant: only determinism matters */
	return s;
}

void
store_set_admit(struct store *s, store_admit_fn fn, void *ctx)
{
	s->admit = fn;
	s->admit_ctx = ctx;
}

static void
free_vec_map(struct map *m)
{
	const char *key;
	void *value;

	for (size_t it = 0; map_next(m, &it, &key, &value);) {
		vec_free(value);
		free(value);
	}
	map_free(m);
}

static void entry_free(struct pod_index_entry *e);

void
store_free(struct store *s)
{
	if (s == NULL)
		return;
	for (int k = 0; k < KIND__COUNT; k++) {
		struct kind_table *kt = &s->kinds[k];
		const char *key;
		void *names;

		for (size_t i = 0; i < kt->n_slots; i++) {
			if (kt->slots[i] != NULL && kt->slots[i]->store_index != NULL)
				entry_free(kt->slots[i]->store_index);
			object_free(kt->slots[i]);
		}
		free(kt->slots);
		for (size_t it = 0; map_next(&kt->by_ns, &it, &key, &names);) {
			map_free(names);
			free(names);
		}
		map_free(&kt->by_ns);
	}
	free_vec_map(&s->pods_by_node);
	free_vec_map(&s->pods_by_owner);
	free_vec_map(&s->pods_pinned);
	free_vec_map(&s->pods_owner_target);
	map_free(&s->by_uid);
	free(s->watchers);
	free(s);
}

void
store_watch(struct store *s, store_watch_fn fn, void *ctx)
{
	s->watchers = xreallocarray(s->watchers, s->n_watchers + 1, sizeof *s->watchers);
	s->watchers[s->n_watchers].fn = fn;
	s->watchers[s->n_watchers].ctx = ctx;
	s->n_watchers++;
}

int64_t
store_now(const struct store *s)
{
	return s->hooks.now_ms(s->hooks.ctx);
}

uint64_t
store_resource_version(const struct store *s)
{
	return s->next_rv - 1;
}

uint64_t
store_writes(const struct store *s)
{
	return s->writes;
}

static void
notify(struct store *s, enum store_op op, struct object *obj)
{
	s->writes++;
	for (size_t i = 0; i < s->n_watchers; i++)
		s->watchers[i].fn(s->watchers[i].ctx, op, obj);
}

/* A namespace waits for its spec.finalizers (the namespace controller's "kubernetes") as well. */
static bool
ns_finalizing(const struct object *obj)
{
	return obj->kind == KIND_NAMESPACE && ((const struct namespace *)obj)->n_spec_finalizers > 0;
}

static struct object *
kind_lookup(const struct kind_table *kt, const char *ns, const char *name)
{
	const struct map *names = map_get(&kt->by_ns, ns != NULL ? ns : "");

	return names != NULL ? map_get(names, name) : NULL;
}

static void
kind_insert(struct kind_table *kt, struct object *obj)
{
	const char *ns = obj->meta.ns != NULL ? obj->meta.ns : "";
	struct map *names = map_get(&kt->by_ns, ns);

	if (names == NULL) {
		names = xmalloc(sizeof *names);
		map_init_borrowed(names);
		map_put(&kt->by_ns, ns, names);
	}
	map_put(names, obj->meta.name, obj);
}

static void
kind_remove(struct kind_table *kt, const struct object *obj)
{
	const char *ns = obj->meta.ns != NULL ? obj->meta.ns : "";
	struct map *names = map_get(&kt->by_ns, ns);

	if (names == NULL)
		return;
	map_del(names, obj->meta.name);
	if (map_len(names) == 0) {
		map_del(&kt->by_ns, ns);
		map_free(names);
		free(names);
	}
}

/* ---- pod indexes ---- */

/*
 * Each index maps a key to a vector of pods; every pod's entry remembers its
 * slot in both vectors, so moving a pod (a bind, an adoption) is an O(1)
 * swap-remove plus an append, however many pods share the key.
 */
enum which_index {
	BY_NODE,
	BY_OWNER,
	BY_PIN,
	BY_OWNER_TARGET,
};

static size_t *
entry_pos(struct pod_index_entry *e, enum which_index w)
{
	switch (w) {
	case BY_NODE:
		return &e->node_pos;
	case BY_OWNER:
		return &e->owner_pos;
	case BY_OWNER_TARGET:
		return &e->owner_target_pos;
	case BY_PIN:
		break;
	}
	return &e->pinned_pos;
}

static void
index_add(struct store *s, struct map *m, enum which_index w, const char *key, struct pod *p,
    struct pod_index_entry *e)
{
	struct vec *v = map_get(m, key);

	(void)s;
	if (v == NULL) {
		/* The by-node index holds a struct node_pods, whose first member is the vector. */
		v = w == BY_NODE ? xcalloc(1, sizeof(struct node_pods)) : xcalloc(1, sizeof *v);
		map_put(m, key, v);
	}
	*entry_pos(e, w) = v->n;
	vec_push(v, p);
}

static void
index_remove(struct map *m, enum which_index w, const char *key, struct pod_index_entry *e)
{
	struct vec *v = map_get(m, key);
	size_t pos = *entry_pos(e, w);

	if (v == NULL || pos >= v->n)
		return;
	vec_swap_remove(v, pos);
	if (pos < v->n) {
		/* The last pod moved into the hole: tell its entry. */
		struct pod *moved = v->v[pos];
		struct pod_index_entry *me = moved->obj.store_index;

		if (me != NULL)
			*entry_pos(me, w) = pos;
	}
	if (v->n == 0) {
		map_del(m, key);
		vec_free(v);
		free(v);
	}
}

static bool
str_eq_null(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static const char *const usage_resources[STORE_RES__COUNT] = {"cpu", "memory",
	"ephemeral-storage"};

int
store_resource_index(const char *resource)
{
	for (int i = 0; i < STORE_RES__COUNT; i++)
		if (strcmp(usage_resources[i], resource) == 0)
			return i;
	return -1;
}

/* Add (sign 1) or take away (-1) what the pod's entry counts on its node. */
static void
usage_apply(struct store *s, struct pod_index_entry *e, int sign)
{
	struct node_pods *np = map_get(&s->pods_by_node, e->node);

	if (np == NULL)
		return;
	np->usage.pods += sign;
	np->usage.host_port_pods += e->host_ports ? sign : 0;
	for (int i = 0; i < STORE_RES__COUNT; i++)
		np->usage.milli[i] += sign * e->milli[i];
}

/* A pod bound to a node counts there until it finishes or leaves. */
static void
usage_recount(struct store *s, struct pod *p, struct pod_index_entry *e)
{
	bool counts = e->node != NULL && !pod_is_terminal(p);

	if (counts == e->counted)
		return;
	if (counts) {
		/* Requests are immutable once the pod exists: counted once, taken back as counted. */
		for (int i = 0; i < STORE_RES__COUNT; i++)
			e->milli[i] = pod_request_milli(&p->spec, usage_resources[i]);
		e->host_ports = pod_wants_host_port(&p->spec);
	}
	usage_apply(s, e, counts ? 1 : -1);
	e->counted = counts;
}

/* "<owner>\x1f<node or pinned node>" into key; false when the pod has neither. */
static bool
owner_target_key(const char *owner, const char *node, const char *pinned, char *key, size_t len)
{
	const char *target = node != NULL ? node : pinned;

	if (target == NULL)
		return false;
	map_key2(key, len, owner, '\x1f', target);
	return true;
}

static void
pod_reindex(struct store *s, struct pod *p)
{
	struct pod_index_entry *e = p->obj.store_index;
	const struct owner_ref *ctl = meta_controller(&p->obj.meta);
	const char *owner = ctl ? ctl->uid : "";
	const char *node = p->spec.node_name;
	const char *pinned = node == NULL ? pod_pinned_node(p) : NULL;
	char target[512];
	bool targeted = owner_target_key(owner, node, pinned, target, sizeof target);

	if (e == NULL) {
		e = xcalloc(1, sizeof *e);
		p->obj.store_index = e;
		e->node = atom_ref(node);
		e->owner = atom_get(owner);
		e->pinned = atom_get(pinned);
		e->owner_target = targeted ? xstrdup(target) : NULL;
		if (node != NULL)
			index_add(s, &s->pods_by_node, BY_NODE, node, p, e);
		if (pinned != NULL)
			index_add(s, &s->pods_pinned, BY_PIN, pinned, p, e);
		index_add(s, &s->pods_by_owner, BY_OWNER, owner, p, e);
		if (e->owner_target != NULL)
			index_add(s, &s->pods_owner_target, BY_OWNER_TARGET, e->owner_target, p, e);
		usage_recount(s, p, e);
		return;
	}
	if (!str_eq_null(e->pinned, pinned)) {
		if (e->pinned != NULL)
			index_remove(&s->pods_pinned, BY_PIN, e->pinned, e);
		atom_set(&e->pinned, pinned);
		if (pinned != NULL)
			index_add(s, &s->pods_pinned, BY_PIN, pinned, p, e);
	}
	if (!str_eq_null(e->node, node)) {
		if (e->counted) {
			usage_apply(s, e, -1);
			e->counted = false;
		}
		if (e->node != NULL)
			index_remove(&s->pods_by_node, BY_NODE, e->node, e);
		atom_put(e->node);
		e->node = atom_ref(node);
		if (node != NULL)
			index_add(s, &s->pods_by_node, BY_NODE, node, p, e);
	}
	usage_recount(s, p, e);
	if (strcmp(e->owner, owner) != 0) {
		index_remove(&s->pods_by_owner, BY_OWNER, e->owner, e);
		atom_set(&e->owner, owner);
		index_add(s, &s->pods_by_owner, BY_OWNER, owner, p, e);
	}
	if (!str_eq_null(e->owner_target, targeted ? target : NULL)) {
		if (e->owner_target != NULL)
			index_remove(&s->pods_owner_target, BY_OWNER_TARGET, e->owner_target, e);
		free(e->owner_target);
		e->owner_target = targeted ? xstrdup(target) : NULL;
		if (targeted)
			index_add(s, &s->pods_owner_target, BY_OWNER_TARGET, target, p, e);
	}
}

static void
entry_free(struct pod_index_entry *e)
{
	atom_put(e->node);
	atom_put(e->owner);
	atom_put(e->pinned);
	free(e->owner_target);
	free(e);
}

static void
pod_unindex(struct store *s, struct pod *p)
{
	struct pod_index_entry *e = p->obj.store_index;

	if (e == NULL)
		return;
	if (e->counted)
		usage_apply(s, e, -1);
	if (e->node != NULL)
		index_remove(&s->pods_by_node, BY_NODE, e->node, e);
	if (e->pinned != NULL)
		index_remove(&s->pods_pinned, BY_PIN, e->pinned, e);
	index_remove(&s->pods_by_owner, BY_OWNER, e->owner, e);
	if (e->owner_target != NULL)
		index_remove(&s->pods_owner_target, BY_OWNER_TARGET, e->owner_target, e);
	p->obj.store_index = NULL;
	entry_free(e);
}

const struct vec *
store_pods_on_node(const struct store *s, const char *node)
{
	return map_get(&s->pods_by_node, node);
}

const struct store_node_usage *
store_node_usage(const struct store *s, const char *node)
{
	static const struct store_node_usage none;
	const struct node_pods *np = map_get(&s->pods_by_node, node);

	return np != NULL ? &np->usage : &none;
}

const struct vec *
store_pods_for_node(const struct store *s, const char *owner_uid, const char *node)
{
	char key[512];

	map_key2(key, sizeof key, owner_uid, '\x1f', node);
	return map_get(&s->pods_owner_target, key);
}

const struct vec *
store_pods_pinned_to(const struct store *s, const char *node)
{
	return map_get(&s->pods_pinned, node);
}

const struct vec *
store_pods_owned_by(const struct store *s, const char *uid)
{
	return map_get(&s->pods_by_owner, uid);
}

/* ---- names and uids ---- */

/*
 * apimachinery's rand.String alphabet: no vowels (no accidental words), no
 * 0/1/3 (confusable); names.SimpleNameGenerator appends five of these.
 */
static const char name_alphabet[] = "bcdfghjklmnpqrstvwxz2456789";

static char *
generate_name(struct store *s, const char *base)
{
	char suffix[6];
	size_t blen = strlen(base);

	if (blen > 58)
		blen = 58;
	for (int i = 0; i < 5; i++)
		suffix[i] = name_alphabet[s->hooks.random(s->hooks.ctx) % (sizeof name_alphabet - 1)];
	suffix[5] = '\0';
	return xasprintf("%.*s%s", (int)blen, base, suffix);
}

/* splitmix64 */
static uint64_t
side_random(struct store *s)
{
	uint64_t z = (s->side_rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/*
 * Namespaces and node leases draw their uids from a stream of their own:
 * they came with kubesim's namespaces and leases, and taking them from the
 * cluster's random source would have renamed every generated pod of every
 * existing scenario and session. A namespace added to a scenario does not
 * rename its pods either.
 */
static char *
generate_uid(struct store *s, enum kind k)
{
	bool side = k == KIND_NAMESPACE || k == KIND_LEASE;
	uint64_t a = side ? side_random(s) : s->hooks.random(s->hooks.ctx);
	uint64_t b = side ? side_random(s) : s->hooks.random(s->hooks.ctx);

	/*
	 * Version 4, variant 10xx, as google/uuid.New() produces:
	 * "%08x-%04x-4%03x-%04x-%012llx" of these bits, written by hand (one per pod and event).
	 */
	static const char hex[] = "0123456789abcdef";
	uint64_t fields[5] = {a >> 32, (a >> 16) & 0xffff, 0x4000 | (a & 0xfff),
		0x8000 | ((b >> 48) & 0x3fff), b & 0xffffffffffffULL};
	static const int digits[5] = {8, 4, 4, 4, 12};
	char *uid = xmalloc(37), *w = uid;

	for (int f = 0; f < 5; f++) {
		for (int d = digits[f] - 1; d >= 0; d--)
			*w++ = hex[(fields[f] >> (4 * d)) & 0xf];
		*w++ = f < 4 ? '-' : '\0';
	}
	return uid;
}

/* ---- create, update, delete ---- */

static void
slots_add(struct kind_table *kt, struct object *obj)
{
	xgrow(&kt->slots, &kt->cap_slots, kt->n_slots + 1, sizeof *kt->slots);
	obj->store_slot = kt->n_slots;
	kt->slots[kt->n_slots++] = obj;
	kt->live++;
}

static void
slots_remove(struct kind_table *kt, struct object *obj)
{
	kt->slots[obj->store_slot] = NULL;
	kt->live--;
	/* Compact once holes outnumber objects: amortised O(1) per removal. */
	if (kt->n_slots > 64 && kt->live * 2 < kt->n_slots) {
		size_t j = 0;

		for (size_t i = 0; i < kt->n_slots; i++) {
			if (kt->slots[i] != NULL) {
				kt->slots[i]->store_slot = j;
				kt->slots[j++] = kt->slots[i];
			}
		}
		kt->n_slots = j;
	}
}

/*
 * What the API server does to a new object before it is stored: its
 * namespace, a generated name, the checks, uid, generation and creation time.
 */
static int
prepare_create(struct store *s, struct object *obj, struct ks_err *err)
{
	struct kind_table *kt = &s->kinds[obj->kind];

	if (kind_namespaced(obj->kind) && obj->meta.ns == NULL)
		meta_set_ns(&obj->meta, "default");
	if (!kind_namespaced(obj->kind) && obj->meta.ns != NULL)
		meta_set_ns(&obj->meta, NULL);
	if (obj->meta.name == NULL || obj->meta.name[0] == '\0') {
		if (obj->meta.generate_name == NULL || obj->meta.generate_name[0] == '\0') {
			err_set(err, "resource name may not be empty");
			return STORE_ERR_INVALID;
		}
		/* The API server retries on a clash; so do we. */
		do {
			free(obj->meta.name);
			obj->meta.name = generate_name(s, obj->meta.generate_name);
		} while (kind_lookup(kt, obj->meta.ns, obj->meta.name) != NULL);
	}
	/* Admission runs before the registry looks for a clash. */
	if (s->admit != NULL && s->admit(s->admit_ctx, s, obj, err) < 0)
		return STORE_ERR_REFUSED;
	if (kind_lookup(kt, obj->meta.ns, obj->meta.name) != NULL) {
		err_set(err, "%s \"%s\" already exists", kind_resource(obj->kind), obj->meta.name);
		return STORE_ERR_EXISTS;
	}
	free(obj->meta.uid);
	obj->meta.uid = generate_uid(s, obj->kind);
	obj->meta.resource_version = 0;
	obj->meta.generation = 1;
	obj->meta.creation_ms = store_now(s);
	obj->meta.deletion_ms = -1;
	return STORE_OK;
}

int
store_create_dry_run(struct store *s, struct object *obj, struct ks_err *err)
{
	return prepare_create(s, obj, err);
}

int
store_create(struct store *s, struct object *obj, struct ks_err *err)
{
	struct kind_table *kt = &s->kinds[obj->kind];
	int rc = prepare_create(s, obj, err);

	if (rc != STORE_OK)
		return rc;
	obj->meta.resource_version = s->next_rv++;
	kind_insert(kt, obj);
	map_put(&s->by_uid, obj->meta.uid, obj);
	slots_add(kt, obj);
	/* A copy of a stored object comes with its original's bookkeeping. */
	obj->store_index = NULL;
	if (obj->kind == KIND_POD)
		pod_reindex(s, (struct pod *)obj);
	notify(s, STORE_ADDED, obj);
	return STORE_OK;
}

void
store_remove(struct store *s, struct object *obj)
{
	struct kind_table *kt = &s->kinds[obj->kind];

	kind_remove(kt, obj);
	map_del(&s->by_uid, obj->meta.uid);
	slots_remove(kt, obj);
	if (obj->kind == KIND_POD)
		pod_unindex(s, (struct pod *)obj);
	obj->meta.resource_version = s->next_rv++;
	notify(s, STORE_DELETED, obj);
	object_free(obj);
}

void
store_update(struct store *s, struct object *obj)
{
	/* A deleting object whose last finalizer went is removed (registry store.go). */
	if (meta_deleting(&obj->meta) && obj->meta.n_finalizers == 0 && obj->kind != KIND_POD &&
	    !ns_finalizing(obj)) {
		store_remove(s, obj);
		return;
	}
	obj->meta.resource_version = s->next_rv++;
	if (obj->kind == KIND_POD)
		pod_reindex(s, (struct pod *)obj);
	notify(s, STORE_MODIFIED, obj);
}

void
store_delete(struct store *s, struct object *obj, int64_t grace_s)
{
	bool graceful = false;

	if (obj->kind == KIND_POD) {
		struct pod *p = (struct pod *)obj;

		if (grace_s < 0)
			grace_s = p->spec.termination_grace_s;
		/* Only a kubelet can stop containers; unbound or finished pods just go. */
		graceful = grace_s > 0 && p->spec.node_name != NULL && !pod_is_terminal(p);
	}
	if (obj->kind == KIND_NAMESPACE) {
		/* The namespace registry's Delete: Terminating until spec.finalizers is empty. */
		graceful = ns_finalizing(obj);
		((struct namespace *)obj)->terminating = graceful;
		grace_s = 0;
	}
	if (!graceful && obj->meta.n_finalizers == 0) {
		store_remove(s, obj);
		return;
	}
	if (meta_deleting(&obj->meta)) {
		/* A second delete may only shorten the grace period. */
		if (grace_s >= 0 && grace_s < obj->meta.deletion_grace_s) {
			obj->meta.deletion_grace_s = grace_s;
			store_update(s, obj);
		}
		return;
	}
	obj->meta.deletion_ms = store_now(s);
	obj->meta.deletion_grace_s = grace_s < 0 ? 0 : grace_s;
	obj->meta.resource_version = s->next_rv++;
	notify(s, STORE_MODIFIED, obj);
}

/* ---- reads ---- */

struct object *
store_get(const struct store *s, enum kind k, const char *ns, const char *name)
{
	if (!kind_namespaced(k))
		ns = NULL;
	else if (ns == NULL)
		ns = "default";
	return kind_lookup(&s->kinds[k], ns, name);
}

struct object *
store_get_uid(const struct store *s, const char *uid)
{
	return map_get(&s->by_uid, uid);
}

size_t
store_count(const struct store *s, enum kind k)
{
	return s->kinds[k].live;
}

void
store_list(const struct store *s, enum kind k, const char *ns, struct vec *out)
{
	const struct kind_table *kt = &s->kinds[k];

	vec_clear(out);
	for (size_t i = 0; i < kt->n_slots; i++) {
		struct object *o = kt->slots[i];

		if (o == NULL)
			continue;
		if (ns != NULL && o->meta.ns != NULL && strcmp(o->meta.ns, ns) != 0)
			continue;
		vec_push(out, o);
	}
}

static int
cmp_ns_name(const void *a, const void *b)
{
	const struct object *x = *(const struct object *const *)a;
	const struct object *y = *(const struct object *const *)b;
	int c = strcmp(x->meta.ns ? x->meta.ns : "", y->meta.ns ? y->meta.ns : "");

	return c != 0 ? c : strcmp(x->meta.name, y->meta.name);
}

void
store_list_sorted(const struct store *s, enum kind k, const char *ns, struct vec *out)
{
	store_list(s, k, ns, out);
	vec_sort(out, cmp_ns_name);
}
