/*
 * defaults.h - the API server's defaulting, kind by kind, and the pod
 * admission plugins that fill in what defaulting leaves to them.
 *
 * Defaulting runs on decode for every object of a kind (pkg/apis/core/v1
 * and pkg/apis/apps/v1 defaults.go). A PodSpec inside a template gets only
 * SetDefaults_PodSpec and its containers' and volumes' defaults; a Pod also
 * gets SetDefaults_Pod (requests from limits, enableServiceLinks, host
 * ports under hostNetwork), and on create the ServiceAccount and Priority
 * admission plugins add serviceAccountName, priority and preemptionPolicy.
 * So a DaemonSet's template, and the ControllerRevision copied from it,
 * never carry those, while every Pod does, as on a real cluster.
 */
#ifndef KS_API_DEFAULTS_H
#define KS_API_DEFAULTS_H

#include <stdbool.h>
#include <stdint.h>

struct daemonset;
struct ks_err;
struct pod;
struct pod_spec;

/* SetDefaults_PodSpec, SetDefaults_Container, the volume sources' defaults. */
void defaults_pod_spec(struct pod_spec *s);
/* SetDefaults_Pod on top of defaults_pod_spec. */
void defaults_pod(struct pod *p);
/* SetDefaults_DaemonSet, and defaults_pod_spec for its template. */
void defaults_daemonset(struct daemonset *ds);

/* The value of a built-in PriorityClass; false when name is not one. */
bool defaults_priority_class(const char *name, int32_t *value);

/*
 * Pod admission on create (plugin/pkg/admission): ServiceAccount gives a
 * pod without one the "default" account; Priority resolves
 * priorityClassName to spec.priority and preemptionPolicy. Returns 0, or
 * -1 with the API server's Forbidden message (`pods "x" is forbidden:
 * ...`) in err.
 */
int defaults_admit_pod(struct pod *p, struct ks_err *err);
/* The same plugins on update: what they set on create carries over from old. */
void defaults_admit_pod_update(struct pod *p, const struct pod *old);

#endif
