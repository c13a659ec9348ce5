/*
 * dsctrl.h - the DaemonSet controller (pkg/controller/daemon).
 */
#ifndef KS_CONTROL_DSCTRL_H
#define KS_CONTROL_DSCTRL_H

#include <stdbool.h>

struct ctl_env;
struct ds_placement;
struct daemonset;
struct dsctrl;
struct strbuf;

struct dsctrl *dsctrl_new(const struct ctl_env *env, const struct ds_placement *placement);
void dsctrl_free(struct dsctrl *dc);
/* stopController / startController: a stopped controller queues keys and syncs nothing. */
void dsctrl_set_running(struct dsctrl *dc, bool running);
bool dsctrl_running(const struct dsctrl *dc);

/*
 * The controller-revision-hash of a DaemonSet's current template
 * (controller.ComputeHash: FNV-32a, then rand.SafeEncodeString).
 */
void dsctrl_template_hash(const struct daemonset *ds, struct strbuf *out);

#endif
