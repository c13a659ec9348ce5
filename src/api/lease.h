/*
 * lease.h - coordination.k8s.io/v1 Lease: a node's heartbeat in
 * kube-node-lease.
 *
 * The kubelet's lease controller (component-helpers/apimachinery/lease,
 * started from pkg/kubelet) renews its node's lease every 10 s, a quarter of
 * leaseDurationSeconds (40). Writing 5,000 leases every 10 s would make long
 * scenarios pay for heartbeats nobody reads, so the renewals are kept
 * implicit: while the holder renews, renewTime is the last 10 s tick since
 * the lease was created (a kubelet that comes back resumes at its next
 * tick); the kubelet writes the lease only when it stops or resumes
 * renewing, which is when its content stops following the clock.
 */
#ifndef KS_API_LEASE_H
#define KS_API_LEASE_H

#include <stdbool.h>
#include <stdint.h>

#include "api/meta.h"

#define LEASE_NODE_NAMESPACE "kube-node-lease"
#define LEASE_DURATION_S 40
#define LEASE_RENEW_MS 10000 /* NodeLeaseDurationSeconds * 0.25 (renewIntervalFraction) */

struct lease {
	struct object obj;
	char *holder;
	int32_t duration_s;
	int64_t acquire_ms; /* -1: unset, as the kubelet leaves it */
	int64_t renew_ms;   /* the last renewal written */
	bool renewing;      /* the holder renews every LEASE_RENEW_MS since resumed_ms */
	int64_t resumed_ms;
};

struct lease *lease_new(void);
void lease_free(struct lease *l);
/* spec.renewTime as a reader at now sees it. */
int64_t lease_renew_time(const struct lease *l, int64_t now_ms);
/* The holder stops renewing (its last renewal is kept) or starts again at now. */
void lease_set_renewing(struct lease *l, bool renewing, int64_t now_ms);

#endif
