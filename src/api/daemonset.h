/*
 * daemonset.h - apps/v1 DaemonSet.
 */
#ifndef KS_API_DAEMONSET_H
#define KS_API_DAEMONSET_H

#include <stdbool.h>
#include <stdint.h>

#include "api/meta.h"
#include "api/pod.h"
#include "api/selector.h"

/* intstr.IntOrString */
struct intstr {
	bool set;
	bool is_str;
	int32_t ival;
	char *sval;
};

enum ds_strategy {
	DS_ROLLING_UPDATE,
	DS_ON_DELETE,
	DS_STRATEGY_OTHER, /* kept so validation can name it */
};

struct ds_status {
	int32_t current;      /* currentNumberScheduled */
	int32_t misscheduled; /* numberMisscheduled */
	int32_t desired;      /* desiredNumberScheduled */
	int32_t ready;        /* numberReady */
	int32_t updated;      /* updatedNumberScheduled */
	int32_t available;    /* numberAvailable */
	int32_t unavailable;  /* numberUnavailable */
	int64_t observed_generation;
};

struct daemonset {
	struct object obj;
	struct label_selector selector;
	struct pod_template tmpl;
	enum ds_strategy strategy;
	char *strategy_name; /* as written, for DS_STRATEGY_OTHER */
	bool has_rolling;
	struct intstr max_unavailable;
	struct intstr max_surge;
	int32_t min_ready_seconds;
	bool has_revision_history_limit; /* written, or defaulted */
	int32_t revision_history_limit;
	int64_t template_generation;
	struct ds_status status;
};

struct daemonset *ds_new(void);
void ds_free(struct daemonset *ds);
/* The registry strategy (pkg/registry/apps/daemonset/strategy.go). */
void ds_prepare_for_create(struct daemonset *ds);
/* Carries status and templateGeneration over from old; bumps generation on spec changes. */
void ds_prepare_for_update(struct daemonset *ds, const struct daemonset *old);
/*
 * The template was edited in place (set image, rollout undo/restart): bump
 * templateGeneration and generation as PrepareForUpdate does, and the
 * annotation that mirrors it.
 */
void ds_template_changed(struct daemonset *ds);
/* The spec as the API sees it, for "did anything change" (apply's unchanged/configured). */
bool ds_spec_equal(const struct daemonset *a, const struct daemonset *b);
void intstr_free(struct intstr *v);
void intstr_copy(struct intstr *dst, const struct intstr *src);

#endif
