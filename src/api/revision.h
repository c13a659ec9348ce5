/*
 * revision.h - apps/v1 ControllerRevision: a DaemonSet template kept for
 * rollout history and rollback.
 */
#ifndef KS_API_REVISION_H
#define KS_API_REVISION_H

#include <stdint.h>

#include "api/meta.h"
#include "api/pod.h"

struct revision {
	struct object obj;
	int64_t revision;
	struct pod_template tmpl; /* data: {"spec":{"template":...}} */
};

struct revision *revision_new(void);
void revision_free(struct revision *r);

#endif
