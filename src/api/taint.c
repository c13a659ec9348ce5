/*
 * taint.c - node taints and pod tolerations (core/v1 taint.go, toleration.go).
 */
#include "api/taint.h"

#include <stdlib.h>
#include <string.h>

#include "util/atom.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static const char *const effect_names[] = {
	[EFFECT_ALL] = "",
	[EFFECT_NO_SCHEDULE] = "NoSchedule",
	[EFFECT_PREFER_NO_SCHEDULE] = "PreferNoSchedule",
	[EFFECT_NO_EXECUTE] = "NoExecute",
};

void
taint_init(struct taint *t, const char *key, const char *value, enum taint_effect effect)
{
	t->key = xstrdup(key != NULL ? key : "");
	t->value = xstrdup(value != NULL ? value : "");
	t->effect = effect;
	t->time_added_ms = -1;
}

void
taint_free(struct taint *t)
{
	free(t->key);
	free(t->value);
	t->key = NULL;
	t->value = NULL;
}

void
taint_copy(struct taint *dst, const struct taint *src)
{
	*dst = *src;
	dst->key = xstrdup(src->key);
	dst->value = xstrdup(src->value);
}

void
toleration_init(struct toleration *t, const char *key, enum tol_op op, const char *value,
    enum taint_effect effect)
{
	t->key = atom_get(key != NULL ? key : "");
	t->value = atom_get(value != NULL ? value : "");
	t->op = op;
	t->effect = effect;
	t->has_seconds = false;
	t->seconds = 0;
	t->bad_effect = NULL;
}

void
toleration_free(struct toleration *t)
{
	atom_put(t->key);
	atom_put(t->value);
	free(t->bad_effect);
	t->key = NULL;
	t->value = NULL;
	t->bad_effect = NULL;
}

void
toleration_copy(struct toleration *dst, const struct toleration *src)
{
	*dst = *src;
	dst->key = atom_ref(src->key);
	dst->value = atom_ref(src->value);
	dst->bad_effect = src->bad_effect ? xstrdup(src->bad_effect) : NULL;
}

void
toleration_set(struct toleration *t, const char *key, const char *value)
{
	if (key != NULL) {
		atom_put(t->key);
		t->key = atom_get(key);
	}
	if (value != NULL) {
		atom_put(t->value);
		t->value = atom_get(value);
	}
}

bool
toleration_equal_ignoring_seconds(const struct toleration *a, const struct toleration *b)
{
	return strcmp(a->key, b->key) == 0 && a->effect == b->effect && a->op == b->op &&
	    strcmp(a->value, b->value) == 0;
}

bool
toleration_tolerates(const struct toleration *tol, const struct taint *taint)
{
	if (tol->effect != EFFECT_ALL && tol->effect != taint->effect)
		return false;
	/*
	 * An empty key skips the key test whatever the operator: Kubernetes
	 * only forbids key "" with Equal in validation, not here, so such a
	 * toleration still tolerates every taint whose value is "".
	 */
	if (tol->key[0] != '\0' && strcmp(tol->key, taint->key) != 0)
		return false;
	switch (tol->op) {
	case TOL_EQUAL:
		return strcmp(tol->value, taint->value) == 0;
	case TOL_EXISTS:
		return true;
	}
	return false;
}

bool
tolerations_tolerate(const struct toleration *tols, size_t n, const struct taint *taint)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (toleration_tolerates(&tols[i], taint))
			return true;
	}
	return false;
}

const struct taint *
taint_find_untolerated(const struct taint *taints, size_t n_taints,
    const struct toleration *tols, size_t n_tols, unsigned effect_mask)
{
	size_t i;

	for (i = 0; i < n_taints; i++) {
		if ((effect_mask & EFFECT_BIT(taints[i].effect)) == 0)
			continue;
		if (!tolerations_tolerate(tols, n_tols, &taints[i]))
			return &taints[i];
	}
	return NULL;
}

const char *
taint_effect_name(enum taint_effect e)
{
	if ((size_t)e >= sizeof effect_names / sizeof effect_names[0])
		return "";
	return effect_names[e];
}

int
taint_effect_parse(const char *s, bool allow_empty, enum taint_effect *out)
{
	size_t i;

	if (s[0] == '\0') {
		if (!allow_empty)
			return -1;
		*out = EFFECT_ALL;
		return 0;
	}
	/* Case matters: Kubernetes rejects "noschedule". */
	for (i = EFFECT_NO_SCHEDULE; i < sizeof effect_names / sizeof effect_names[0]; i++) {
		if (strcmp(s, effect_names[i]) == 0) {
			*out = (enum taint_effect)i;
			return 0;
		}
	}
	return -1;
}

void
taint_format(const struct taint *t, struct strbuf *out)
{
	/* Taint.ToString: the four shapes depend on which of value/effect are set. */
	sb_add(out, t->key);
	if (t->value[0] != '\0') {
		sb_addc(out, '=');
		sb_add(out, t->value);
		sb_addc(out, ':');
	} else if (t->effect != EFFECT_ALL)
		sb_addc(out, ':');
	sb_add(out, taint_effect_name(t->effect));
}
