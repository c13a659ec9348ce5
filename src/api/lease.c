/*
 * lease.c - coordination.k8s.io/v1 Lease with implicit renewals (lease.h).
 */
#include "api/lease.h"

#include <stdlib.h>

#include "util/xmalloc.h"

struct lease *
lease_new(void)
{
	struct lease *l = xcalloc(1, sizeof *l);

	l->obj.kind = KIND_LEASE;
	meta_init(&l->obj.meta);
	l->duration_s = LEASE_DURATION_S;
	l->acquire_ms = -1;
	l->renew_ms = -1;
	l->resumed_ms = -1;
	return l;
}

void
lease_free(struct lease *l)
{
	if (l == NULL)
		return;
	meta_free(&l->obj.meta);
	free(l->holder);
	free(l);
}

int64_t
lease_renew_time(const struct lease *l, int64_t now_ms)
{
	if (!l->renewing || now_ms < l->resumed_ms)
		return l->renew_ms;
	/* wait.JitterUntil(sync, renewInterval): one renewal per interval since the loop (re)started. */
	return l->resumed_ms + (now_ms - l->resumed_ms) / LEASE_RENEW_MS * LEASE_RENEW_MS;
}

void
lease_set_renewing(struct lease *l, bool renewing, int64_t now_ms)
{
	if (renewing == l->renewing)
		return;
	if (renewing) {
		/* The controller's first sync renews at once. */
		l->renew_ms = now_ms;
		l->resumed_ms = now_ms;
	} else
		l->renew_ms = lease_renew_time(l, now_ms);
	l->renewing = renewing;
}
