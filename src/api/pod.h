/*
 * pod.h - core/v1 Pod and PodTemplateSpec, the parts kubesim models.
 *
 * The spec keeps what placement, the kubelet and kubectl's printers read;
 * the status keeps what kubectl get/describe show (phase, the PodScheduled
 * and Ready conditions, per-container state, IPs).
 */
#ifndef KS_API_POD_H
#define KS_API_POD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"
#include "api/quantity.h"
#include "api/selector.h"
#include "api/taint.h"

/* A ResourceList: resource name -> quantity, sorted by name. */
struct res_item {
	const char *name; /* an atom: "cpu", "memory" */
	struct quantity q;
};

struct res_list {
	struct res_item *v;
	size_t n;
};

void res_list_free(struct res_list *r);
void res_list_copy(struct res_list *dst, const struct res_list *src);
void res_list_set(struct res_list *r, const char *name, struct quantity q);
/* NULL when absent. */
const struct quantity *res_list_get(const struct res_list *r, const char *name);
int64_t res_list_milli(const struct res_list *r, const char *name); /* 0 when absent */

struct container_port {
	char *name;
	int32_t container_port;
	int32_t host_port;
	char *protocol; /* "TCP" by default */
	char *host_ip;
};

struct volume_mount {
	char *name;
	char *mount_path;
	bool read_only;
};

/* name, image and imagePullPolicy are atoms (util/atom.h), as a pod's spec's policies. */
struct container {
	const char *name;
	const char *image;
	const char *image_pull_policy;
	char **command;
	size_t n_command;
	char **args;
	size_t n_args;
	struct res_list requests;
	struct res_list limits;
	struct container_port *ports;
	size_t n_ports;
	struct volume_mount *mounts;
	size_t n_mounts;
};

enum volume_source {
	VOL_HOST_PATH,
	VOL_EMPTY_DIR,
	VOL_CONFIG_MAP,
	VOL_SECRET,
};

struct volume {
	char *name;
	enum volume_source source;
	char *path; /* hostPath.path, configMap.name, secret.secretName */
	char *type; /* hostPath.type */
};

struct preferred_term {
	int32_t weight;
	struct node_term term;
};

struct affinity {
	bool node_affinity;
	bool has_required;
	struct node_selector required;
	struct preferred_term *preferred;
	size_t n_preferred;
};

struct pod_spec {
	const char *node_name; /* NULL: not bound; an atom, as a node's pods share it */
	struct labels node_selector;
	bool has_affinity;
	struct affinity affinity;
	struct toleration *tolerations;
	size_t n_tolerations;
	struct container *containers;
	size_t n_containers;
	struct volume *volumes;
	size_t n_volumes;
	int64_t termination_grace_s;
	/* These strings are atoms: every pod of a DaemonSet says the same. */
	const char *restart_policy;
	const char *scheduler_name;
	const char *dns_policy;
	const char *service_account; /* serviceAccountName; the deprecated serviceAccount mirrors it */
	bool host_network;
	/*
	 * Set by the Priority admission plugin on Pods only, never by a
	 * template's defaulting (pkg/apis/core/v1/defaults.go keeps them out
	 * of SetDefaults_PodSpec), so a DaemonSet's template goes without.
	 */
	bool has_priority;
	int32_t priority;
	const char *priority_class_name;
	const char *preemption_policy;
	/* SetDefaults_Pod, not SetDefaults_PodSpec: Pods only. */
	bool has_enable_service_links;
	bool enable_service_links;
	bool has_active_deadline;
	int64_t active_deadline_s;
};

struct pod_template {
	struct labels labels;
	struct labels annotations;
	struct pod_spec spec;
};

enum pod_phase {
	PHASE_PENDING,
	PHASE_RUNNING,
	PHASE_SUCCEEDED,
	PHASE_FAILED,
	PHASE_UNKNOWN,
};

enum cstate {
	CSTATE_WAITING,
	CSTATE_RUNNING,
	CSTATE_TERMINATED,
};

/*
 * Every string but the container's id is an atom (util/atom.h): the pods
 * of a DaemonSet report the same names, images and reasons.
 */
struct container_status {
	const char *name;
	const char *image;
	enum cstate state;
	const char *reason; /* waiting or terminated reason */
	const char *message;
	bool ready;
	int32_t restarts;
	int32_t exit_code;
	int64_t started_ms;
	/* What the runtime reports once the container exists; NULL before. */
	char *container_id;   /* "containerd://<64 hex>" */
	const char *image_id; /* "docker.io/library/nginx@sha256:<64 hex>" */
};

/* Frees a container status's strings and zeroes it. */
void container_status_clear(struct container_status *cs);
/*
 * The runtime's names for a container: the containerd id of a pod's
 * container (a digest of pod uid, name and restart count), the image
 * reference containerd reports ("nginx:1.27" is
 * "docker.io/library/nginx:1.27") and the image id, that repository at a
 * digest of the image. Deterministic, so runs and goldens repeat.
 */
char *pod_container_id(const char *pod_uid, const char *container, int32_t restarts);
char *pod_image_ref(const char *image);
char *pod_image_id(const char *image);
/* A 64-hex-digit digest of a and b (FNV-1a, four rounds). */
struct strbuf;
void pod_fake_digest(const char *a, const char *b, struct strbuf *out);

/* A pod condition; status is "True", "False" or "Unknown". */
struct pod_cond {
	bool set;
	const char *status;
	char *reason;
	char *message;
	int64_t transition_ms;
};

struct pod_status {
	enum pod_phase phase;
	char *reason; /* pod-level: OutOfcpu, NodeLost, Evicted */
	char *message;
	struct pod_cond scheduled;
	struct pod_cond initialized;
	struct pod_cond containers_ready;
	struct pod_cond ready;
	char *pod_ip;
	const char *host_ip; /* an atom: a node's pods share it */
	int64_t start_ms;
	struct container_status *cs;
	size_t n_cs;
};

struct pod {
	struct object obj;
	struct pod_spec spec;
	struct pod_status status;
};

struct pod *pod_new(void);
void pod_free(struct pod *p);

void pod_spec_init(struct pod_spec *s);
void pod_spec_free(struct pod_spec *s);
void pod_spec_copy(struct pod_spec *dst, const struct pod_spec *src);
/* Deep structural equality (for "did the template change"). */
bool pod_spec_equal(const struct pod_spec *a, const struct pod_spec *b);
void pod_template_init(struct pod_template *t);
void pod_template_free(struct pod_template *t);
void pod_template_copy(struct pod_template *dst, const struct pod_template *src);
bool pod_template_equal(const struct pod_template *a, const struct pod_template *b);
struct strbuf;
/* A canonical text of the spec: equal exactly when the specs are (pod_spec_equal). */
void pod_spec_fingerprint(const struct pod_spec *s, struct strbuf *out);
/* A canonical text of the template: equal exactly when the templates are. */
void pod_template_fingerprint(const struct pod_template *t, struct strbuf *out);

void container_free(struct container *c);
void container_copy(struct container *dst, const struct container *src);
void affinity_free(struct affinity *a);
void affinity_copy(struct affinity *dst, const struct affinity *src);
void pod_add_toleration(struct pod_spec *s, const struct toleration *t);
/* AddOrUpdateTolerationInPodSpec: replace an equal one, else append. */
void pod_add_or_update_toleration(struct pod_spec *s, const struct toleration *t);

void pod_cond_set(struct pod_cond *c, const char *status, const char *reason, const char *message,
    int64_t now_ms);
void pod_cond_clear(struct pod_cond *c);

const char *pod_phase_name(enum pod_phase p);
bool pod_is_terminal(const struct pod *p); /* Succeeded or Failed */
bool pod_is_ready(const struct pod *p);     /* PodReady condition True */
/* IsPodAvailable: ready for at least min_ready_s seconds. */
bool pod_is_available(const struct pod *p, int32_t min_ready_s, int64_t now_ms);
/*
 * The node a pod is for: spec.nodeName, else the single value of a required
 * affinity term's matchFields metadata.name In (GetTargetNodeName in
 * pkg/controller/daemon/util); NULL when neither says.
 */
const char *pod_target_node(const struct pod *p);
/* The same, for a pod not bound yet: only the affinity pin. */
const char *pod_pinned_node(const struct pod *p);
/* Does any container ask for a host port (NodePorts has something to check)? */
bool pod_wants_host_port(const struct pod_spec *s);
/* Sum of container requests for a resource, in milli-units (noderesources). */
int64_t pod_request_milli(const struct pod_spec *s, const char *resource);
/* The pod's QoS class (qos.GetPodQOS): "Guaranteed", "Burstable" or "BestEffort". */
const char *pod_qos_class(const struct pod_spec *s);

#endif
