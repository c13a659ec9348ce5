/*
 * eventttl.h - the API server's --event-ttl: events go an hour after they
 * were last recorded.
 */
#ifndef KS_CONTROL_EVENTTTL_H
#define KS_CONTROL_EVENTTTL_H

struct ctl_env;
struct eventttl;

/* kube-apiserver's default --event-ttl. */
#define EVENT_TTL_MS (60 * 60 * 1000)

struct eventttl *eventttl_new(const struct ctl_env *env);
/* Delete the events whose hour has passed by now (cheap when none has). */
void eventttl_expire(struct eventttl *et);
void eventttl_free(struct eventttl *et);

#endif
