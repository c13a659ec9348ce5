#include "api/node.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xmalloc.h"

struct node *
node_new(const char *name)
{
	struct node *n = xcalloc(1, sizeof *n);

	n->obj.kind = KIND_NODE;
	meta_init(&n->obj.meta);
	n->obj.meta.name = xstrdup_or_null(name);
	return n;
}

void
node_free(struct node *n)
{
	if (n == NULL)
		return;
	meta_free(&n->obj.meta);
	for (size_t i = 0; i < n->n_taints; i++)
		taint_free(&n->taints[i]);
	free(n->taints);
	free(n->pod_cidr);
	res_list_free(&n->capacity);
	res_list_free(&n->allocatable);
	for (size_t i = 0; i < n->n_conds; i++) {
		free(n->conds[i].type);
		free(n->conds[i].reason);
		free(n->conds[i].message);
	}
	free(n->conds);
	free(n->internal_ip);
	free(n->kubelet_version);
	free(n->os_image);
	free(n->kernel_version);
	free(n->container_runtime);
	free(n->machine_id);
	free(n->system_uuid);
	free(n->boot_id);
	free(n);
}

void
node_set_system_ids(struct node *n)
{
	const char *uid = n->obj.meta.uid ? n->obj.meta.uid : "";
	struct strbuf sb = STRBUF_INIT;

	if (n->machine_id == NULL) {
		/* A machine id is 32 hex digits. */
		pod_fake_digest(uid, "machine", &sb);
		n->machine_id = xstrndup(sb_str(&sb), 32);
		sb_reset(&sb);
	}
	/* The uid is already in the 8-4-4-4-12 form. */
	if (n->system_uuid == NULL && strlen(uid) >= 36)
		n->system_uuid = xasprintf("%.8s-%.4s-%.4s-%.4s-%.12s", uid, uid + 9, uid + 14,
		    uid + 19, uid + 24);
	if (n->boot_id == NULL) {
		pod_fake_digest(uid, "boot", &sb);
		n->boot_id = xasprintf("%.8s-%.4s-%.4s-%.4s-%.12s", sb.s, sb.s + 8, sb.s + 12,
		    sb.s + 16, sb.s + 20);
	}
	sb_free(&sb);
}

void
node_add_taint(struct node *n, const struct taint *t)
{
	n->taints = xreallocarray(n->taints, n->n_taints + 1, sizeof *n->taints);
	taint_copy(&n->taints[n->n_taints++], t);
}

bool
node_remove_taint(struct node *n, const char *key, enum taint_effect effect)
{
	size_t j = 0;
	bool removed = false;

	for (size_t i = 0; i < n->n_taints; i++) {
		struct taint *t = &n->taints[i];

		if (strcmp(t->key, key) == 0 && (effect == EFFECT_ALL || t->effect == effect)) {
			taint_free(t);
			removed = true;
		} else
			n->taints[j++] = *t;
	}
	n->n_taints = j;
	return removed;
}

const struct taint *
node_find_taint(const struct node *n, const char *key, enum taint_effect effect)
{
	for (size_t i = 0; i < n->n_taints; i++)
		if (strcmp(n->taints[i].key, key) == 0 && n->taints[i].effect == effect)
			return &n->taints[i];
	return NULL;
}

struct node_cond *
node_cond(struct node *n, const char *type)
{
	for (size_t i = 0; i < n->n_conds; i++)
		if (strcmp(n->conds[i].type, type) == 0)
			return &n->conds[i];
	return NULL;
}

const struct node_cond *
node_cond_const(const struct node *n, const char *type)
{
	return node_cond((struct node *)n, type);
}

void
node_set_cond(struct node *n, const char *type, const char *status, const char *reason,
    const char *message, int64_t now_ms)
{
	struct node_cond *c = node_cond(n, type);

	if (c == NULL) {
		n->conds = xreallocarray(n->conds, n->n_conds + 1, sizeof *n->conds);
		c = &n->conds[n->n_conds++];
		memset(c, 0, sizeof *c);
		c->type = xstrdup(type);
		c->transition_ms = now_ms;
	} else if (strcmp(c->status, status) != 0)
		c->transition_ms = now_ms;
	c->status = status;
	c->heartbeat_ms = now_ms;
	free(c->reason);
	free(c->message);
	c->reason = xstrdup_or_null(reason);
	c->message = xstrdup_or_null(message);
}

const char *
node_ready_status(const struct node *n)
{
	const struct node_cond *c = node_cond_const(n, "Ready");

	return c ? c->status : NULL;
}

bool
node_is_ready(const struct node *n)
{
	const char *s = node_ready_status(n);

	return s != NULL && strcmp(s, "True") == 0;
}
