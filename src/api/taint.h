/*
 * taint.h - node taints and pod tolerations (core/v1 taint.go, toleration.go).
 */
#ifndef KS_API_TAINT_H
#define KS_API_TAINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

enum taint_effect {
	EFFECT_ALL = 0, /* a toleration with no effect tolerates every effect */
	EFFECT_NO_SCHEDULE,
	EFFECT_PREFER_NO_SCHEDULE,
	EFFECT_NO_EXECUTE,
};

struct taint {
	char *key;
	char *value; /* never NULL; "" when absent */
	enum taint_effect effect;
	int64_t time_added_ms; /* -1 when not set */
};

enum tol_op {
	TOL_EQUAL = 0, /* the default when operator is empty */
	TOL_EXISTS,
};

/*
 * A toleration's key and value are atoms (util/atom.h): every daemon pod
 * carries the same six default tolerations, and shares their strings.
 */
struct toleration {
	const char *key;   /* "" with TOL_EXISTS tolerates every key */
	const char *value; /* never NULL */
	enum tol_op op;
	enum taint_effect effect;
	bool has_seconds;
	int64_t seconds; /* tolerationSeconds, meaningful for NoExecute */
	/*
	 * An effect Kubernetes does not know, as written; kept (instead of a
	 * decode error) so validation can reject it in the API server's words.
	 */
	char *bad_effect;
};

void taint_init(struct taint *t, const char *key, const char *value, enum taint_effect effect);
void taint_free(struct taint *t);
void taint_copy(struct taint *dst, const struct taint *src);
void toleration_init(struct toleration *t, const char *key, enum tol_op op, const char *value,
    enum taint_effect effect);
void toleration_free(struct toleration *t);
void toleration_copy(struct toleration *dst, const struct toleration *src);
/* A new key and value; NULL leaves the one there. */
void toleration_set(struct toleration *t, const char *key, const char *value);
/* Same key, operator, value and effect (AddOrUpdateTolerationInPodSpec's test). */
bool toleration_equal_ignoring_seconds(const struct toleration *a, const struct toleration *b);

/* ToleratesTaint: effect empty or equal; key empty(+Exists) or equal; Exists or equal value. */
bool toleration_tolerates(const struct toleration *tol, const struct taint *taint);
bool tolerations_tolerate(const struct toleration *tols, size_t n, const struct taint *taint);

/*
 * The first taint, in node order, whose effect is in effect_mask (bit
 * 1<<effect) and that no toleration tolerates; NULL when all are tolerated
 * (v1helper.FindMatchingUntoleratedTaint).
 */
const struct taint *taint_find_untolerated(const struct taint *taints, size_t n_taints,
    const struct toleration *tols, size_t n_tols, unsigned effect_mask);

#define EFFECT_BIT(e) (1u << (e))

/* "NoSchedule", "PreferNoSchedule", "NoExecute"; "" for EFFECT_ALL. */
const char *taint_effect_name(enum taint_effect e);
/* Parses the three names (and "" as EFFECT_ALL when allow_empty); -1 otherwise. */
int taint_effect_parse(const char *s, bool allow_empty, enum taint_effect *out);
/* "key=value:Effect" or "key:Effect" (Taint.ToString). */
void taint_format(const struct taint *t, struct strbuf *out);

#endif
