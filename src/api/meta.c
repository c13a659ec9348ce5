#include "api/meta.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdio.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/lease.h"
#include "api/namespace.h"
#include "api/revision.h"
#include "util/atom.h"
#include "util/xmalloc.h"

void
meta_init(struct meta *m)
{
	memset(m, 0, sizeof *m);
	labels_init(&m->labels);
	labels_init(&m->annotations);
	m->creation_ms = -1;
	m->deletion_ms = -1;
}

void
owner_ref_free(struct owner_ref *r)
{
	atom_put(r->api_version);
	atom_put(r->kind);
	atom_put(r->name);
	atom_put(r->uid);
}

void
meta_free(struct meta *m)
{
	atom_put(m->ns);
	free(m->name);
	free(m->generate_name);
	free(m->uid);
	labels_free(&m->labels);
	labels_free(&m->annotations);
	for (size_t i = 0; i < m->n_owners; i++)
		owner_ref_free(&m->owners[i]);
	free(m->owners);
	for (size_t i = 0; i < m->n_finalizers; i++)
		free(m->finalizers[i]);
	free(m->finalizers);
	meta_init(m);
}

void
meta_copy(struct meta *dst, const struct meta *src)
{
	*dst = *src;
	dst->ns = atom_ref(src->ns);
	dst->name = xstrdup_or_null(src->name);
	dst->generate_name = xstrdup_or_null(src->generate_name);
	dst->uid = xstrdup_or_null(src->uid);
	labels_init(&dst->labels);
	labels_copy(&dst->labels, &src->labels);
	labels_init(&dst->annotations);
	labels_copy(&dst->annotations, &src->annotations);
	dst->owners = src->n_owners > 0 ? xreallocarray(NULL, src->n_owners, sizeof *dst->owners)
					 : NULL;
	for (size_t i = 0; i < src->n_owners; i++) {
		struct owner_ref *r = &dst->owners[i];

		*r = src->owners[i];
		r->api_version = atom_ref(r->api_version);
		r->kind = atom_ref(r->kind);
		r->name = atom_ref(r->name);
		r->uid = atom_ref(r->uid);
	}
	dst->finalizers = NULL;
	dst->n_finalizers = 0;
	for (size_t i = 0; i < src->n_finalizers; i++)
		meta_add_finalizer(dst, src->finalizers[i]);
}

void
meta_set_ns(struct meta *m, const char *ns)
{
	const char *kept = atom_get(ns);

	atom_put(m->ns);
	m->ns = kept;
}

void
meta_share_ns(struct meta *m, const struct meta *from)
{
	const char *kept = atom_ref(from->ns);

	atom_put(m->ns);
	m->ns = kept;
}

bool
meta_deleting(const struct meta *m)
{
	return m->deletion_ms >= 0;
}

const struct owner_ref *
meta_controller(const struct meta *m)
{
	for (size_t i = 0; i < m->n_owners; i++)
		if (m->owners[i].controller)
			return &m->owners[i];
	return NULL;
}

void
meta_add_owner(struct meta *m, const char *api_version, const char *kind, const char *name,
    const char *uid, bool controller)
{
	struct owner_ref *r;

	m->owners = xreallocarray(m->owners, m->n_owners + 1, sizeof *m->owners);
	r = &m->owners[m->n_owners++];
	r->api_version = atom_get(api_version);
	r->kind = atom_get(kind);
	r->name = atom_get(name);
	r->uid = atom_get(uid);
	r->controller = controller;
	r->block_owner_deletion = controller;
}

bool
meta_remove_owner(struct meta *m, const char *uid)
{
	bool removed = false;
	size_t j = 0;

	for (size_t i = 0; i < m->n_owners; i++) {
		if (strcmp(m->owners[i].uid, uid) == 0) {
			owner_ref_free(&m->owners[i]);
			removed = true;
		} else
			m->owners[j++] = m->owners[i];
	}
	m->n_owners = j;
	return removed;
}

bool
meta_has_finalizer(const struct meta *m, const char *f)
{
	for (size_t i = 0; i < m->n_finalizers; i++)
		if (strcmp(m->finalizers[i], f) == 0)
			return true;
	return false;
}

void
meta_add_finalizer(struct meta *m, const char *f)
{
	if (meta_has_finalizer(m, f))
		return;
	m->finalizers = xreallocarray(m->finalizers, m->n_finalizers + 1, sizeof *m->finalizers);
	m->finalizers[m->n_finalizers++] = xstrdup(f);
}

bool
meta_remove_finalizer(struct meta *m, const char *f)
{
	for (size_t i = 0; i < m->n_finalizers; i++) {
		if (strcmp(m->finalizers[i], f) == 0) {
			free(m->finalizers[i]);
			memmove(&m->finalizers[i], &m->finalizers[i + 1],
			    (m->n_finalizers - i - 1) * sizeof *m->finalizers);
			m->n_finalizers--;
			return true;
		}
	}
	return false;
}

static const struct {
	const char *name;
	const char *resource;
	const char *api_version;
	bool namespaced;
} kind_table[KIND__COUNT] = {
	[KIND_NODE] = {"Node", "nodes", "v1", false},
	[KIND_POD] = {"Pod", "pods", "v1", true},
	[KIND_DAEMONSET] = {"DaemonSet", "daemonsets.apps", "apps/v1", true},
	[KIND_EVENT] = {"Event", "events", "v1", true},
	[KIND_CONTROLLERREVISION] = {"ControllerRevision", "controllerrevisions.apps", "apps/v1", true},
	[KIND_NAMESPACE] = {"Namespace", "namespaces", "v1", false},
	[KIND_LEASE] = {"Lease", "leases.coordination.k8s.io", "coordination.k8s.io/v1", true},
};

const char *
kind_name(enum kind k)
{
	return kind_table[k].name;
}

const char *
kind_resource(enum kind k)
{
	return kind_table[k].resource;
}

const char *
kind_api_version(enum kind k)
{
	return kind_table[k].api_version;
}

const char *
kind_name_api_version(const char *name)
{
	for (int k = 0; k < KIND__COUNT; k++)
		if (name != NULL && kind_table[k].name != NULL && strcmp(kind_table[k].name, name) == 0)
			return kind_table[k].api_version;
	return NULL;
}

bool
kind_namespaced(enum kind k)
{
	return kind_table[k].namespaced;
}

void
object_free(struct object *obj)
{
	if (obj == NULL)
		return;
	switch (obj->kind) {
	case KIND_NODE:
		node_free((struct node *)obj);
		break;
	case KIND_POD:
		pod_free((struct pod *)obj);
		break;
	case KIND_DAEMONSET:
		ds_free((struct daemonset *)obj);
		break;
	case KIND_EVENT:
		event_free((struct event *)obj);
		break;
	case KIND_CONTROLLERREVISION:
		revision_free((struct revision *)obj);
		break;
	case KIND_NAMESPACE:
		ns_free((struct namespace *)obj);
		break;
	case KIND_LEASE:
		lease_free((struct lease *)obj);
		break;
	case KIND__COUNT:
		break;
	}
}

/* Where simulated time 0 falls; `kubesim serve` moves it to the wall clock. */
static int64_t epoch_unix = KS_EPOCH_UNIX;

int64_t
meta_epoch_unix(void)
{
	return epoch_unix;
}

void
meta_set_epoch_unix(int64_t unix_s)
{
	epoch_unix = unix_s;
}

/* Two decimal digits of v (0..99) at p. */
static void
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

void
meta_format_time(int64_t ms, char *buf, size_t len)
{
	int64_t t = epoch_unix + (ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), secs = t - days * 86400;
	/* civil_from_days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
	int64_t y = yoe + era * 400 + (m <= 2);
	struct tm tm;
	time_t tt = (time_t)t;

	/*
	 * Written by hand: a Table of 1,000 pods formats thousands of these, and
	 * strftime was a tenth of its time. Years outside four digits (never
	 * served) keep strftime's form.
	 */
	if (y >= 1000 && y <= 9999 && len >= 21) {
		put2(buf, (int)(y / 100));
		put2(buf + 2, (int)(y % 100));
		buf[4] = '-';
		put2(buf + 5, (int)m);
		buf[7] = '-';
		put2(buf + 8, (int)d);
		buf[10] = 'T';
		put2(buf + 11, (int)(secs / 3600));
		buf[13] = ':';
		put2(buf + 14, (int)(secs / 60 % 60));
		buf[16] = ':';
		put2(buf + 17, (int)(secs % 60));
		buf[19] = 'Z';
		buf[20] = '\0';
		return;
	}
	gmtime_r(&tt, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
object_cmp_ns_name(const void *a, const void *b)
{
	const struct object *x = *(const struct object *const *)a;
	const struct object *y = *(const struct object *const *)b;
	int c = strcmp(x->meta.ns ? x->meta.ns : "", y->meta.ns ? y->meta.ns : "");

	return c != 0 ? c : strcmp(x->meta.name, y->meta.name);
}
