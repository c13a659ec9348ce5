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
	/* pod_spec_fingerprint of tmpl.spec as of resourceVersion spec_fp_rv (revision_spec_fp). */
	char *spec_fp;
	uint64_t spec_fp_rv;
};

struct revision *revision_new(void);
void revision_free(struct revision *r);
/*
 * The fingerprint of the revision's template spec, kept while the revision
 * is unchanged: the DaemonSet controller compares every revision with the
 * template at each sync.
 */
const char *revision_spec_fp(struct revision *r);

#endif
