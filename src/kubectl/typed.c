/*
 * typed.c - JSON member order of objects kubectl holds as Go structs.
 *
 * kubectl prints what it got from the server as an unstructured map
 * (sorted keys, jsontext.c's default), but an object it decoded into a
 * typed struct - the DaemonSets DaemonSetHistoryViewer.GetHistory builds
 * for `rollout history -o json` - comes out of json.MarshalIndent in the
 * struct's field order (k8s.io/api/apps/v1 and core/v1 types.go). These
 * tables hold that order for the fields kubesim's objects carry; a field
 * not listed keeps its place after the listed ones.
 */
#include <stddef.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "kubectl/kctl.h"

enum go_type {
	GT_DS,
	GT_POD,
	GT_META,
	GT_OWNER,
	GT_DSSPEC,
	GT_LSEL,
	GT_REQ,
	GT_TMPL,
	GT_PODSPEC,
	GT_CONTAINER,
	GT_PORT,
	GT_ENV,
	GT_RESOURCES,
	GT_MOUNT,
	GT_VOLUME,
	GT_CMVOL,
	GT_SECRETVOL,
	GT_HOSTPATH,
	GT_EMPTYDIR,
	GT_PROBE,
	GT_TOLERATION,
	GT_AFFINITY,
	GT_NODEAFF,
	GT_NODESEL,
	GT_TERM,
	GT_PREF,
	GT_PODSEC,
	GT_CSEC,
	GT_STRATEGY,
	GT_ROLLING,
	GT_DSSTATUS,
};

static const struct go_field {
	const char *name;
	int type; /* GT_*, or -1: kept as it is */
} *const go_types[] = {
	[GT_DS] = (const struct go_field[]){
	    {"kind", -1}, {"apiVersion", -1}, {"metadata", GT_META}, {"spec", GT_DSSPEC},
	    {"status", GT_DSSTATUS}, {NULL, -1}
	},
	[GT_POD] = (const struct go_field[]){
	    {"kind", -1}, {"apiVersion", -1}, {"metadata", GT_META}, {"spec", GT_PODSPEC},
	    {"status", -1}, {NULL, -1}
	},
	[GT_META] = (const struct go_field[]){
	    {"name", -1}, {"generateName", -1}, {"namespace", -1}, {"selfLink", -1}, {"uid", -1},
	    {"resourceVersion", -1}, {"generation", -1}, {"creationTimestamp", -1},
	    {"deletionTimestamp", -1}, {"deletionGracePeriodSeconds", -1}, {"labels", -1},
	    {"annotations", -1}, {"ownerReferences", GT_OWNER}, {"finalizers", -1},
	    {"managedFields", -1}, {NULL, -1}
	},
	[GT_OWNER] = (const struct go_field[]){
	    {"apiVersion", -1}, {"kind", -1}, {"name", -1}, {"uid", -1}, {"controller", -1},
	    {"blockOwnerDeletion", -1}, {NULL, -1}
	},
	[GT_DSSPEC] = (const struct go_field[]){
	    {"selector", GT_LSEL}, {"template", GT_TMPL}, {"updateStrategy", GT_STRATEGY},
	    {"minReadySeconds", -1}, {"revisionHistoryLimit", -1}, {NULL, -1}
	},
	[GT_LSEL] = (const struct go_field[]){
	    {"matchLabels", -1}, {"matchExpressions", GT_REQ}, {NULL, -1}
	},
	[GT_REQ] = (const struct go_field[]){{"key", -1}, {"operator", -1}, {"values", -1}, {NULL, -1}},
	[GT_TMPL] = (const struct go_field[]){{"metadata", GT_META}, {"spec", GT_PODSPEC}, {NULL, -1}},
	[GT_PODSPEC] = (const struct go_field[]){
	    {"volumes", GT_VOLUME}, {"initContainers", GT_CONTAINER}, {"containers", GT_CONTAINER},
	    {"ephemeralContainers", GT_CONTAINER}, {"restartPolicy", -1},
	    {"terminationGracePeriodSeconds", -1}, {"activeDeadlineSeconds", -1}, {"dnsPolicy", -1},
	    {"nodeSelector", -1}, {"serviceAccountName", -1}, {"serviceAccount", -1},
	    {"automountServiceAccountToken", -1}, {"nodeName", -1}, {"hostNetwork", -1},
	    {"hostPID", -1}, {"hostIPC", -1}, {"shareProcessNamespace", -1},
	    {"securityContext", GT_PODSEC}, {"imagePullSecrets", -1}, {"hostname", -1},
	    {"subdomain", -1}, {"affinity", GT_AFFINITY}, {"schedulerName", -1},
	    {"tolerations", GT_TOLERATION}, {"hostAliases", -1}, {"priorityClassName", -1},
	    {"priority", -1}, {"dnsConfig", -1}, {"readinessGates", -1}, {"runtimeClassName", -1},
	    {"enableServiceLinks", -1}, {"preemptionPolicy", -1}, {"overhead", -1},
	    {"topologySpreadConstraints", -1}, {"setHostnameAsFQDN", -1}, {"os", -1},
	    {"hostUsers", -1}, {"schedulingGates", -1}, {"resourceClaims", -1}, {"resources", -1},
	    {NULL, -1}
	},
	[GT_CONTAINER] = (const struct go_field[]){
	    {"name", -1}, {"image", -1}, {"command", -1}, {"args", -1}, {"workingDir", -1},
	    {"ports", GT_PORT}, {"envFrom", -1}, {"env", GT_ENV}, {"resources", GT_RESOURCES},
	    {"resizePolicy", -1}, {"restartPolicy", -1}, {"volumeMounts", GT_MOUNT},
	    {"volumeDevices", -1}, {"livenessProbe", GT_PROBE}, {"readinessProbe", GT_PROBE},
	    {"startupProbe", GT_PROBE}, {"lifecycle", -1}, {"terminationMessagePath", -1},
	    {"terminationMessagePolicy", -1}, {"imagePullPolicy", -1}, {"securityContext", GT_CSEC},
	    {"stdin", -1}, {"stdinOnce", -1}, {"tty", -1}, {NULL, -1}
	},
	[GT_PORT] = (const struct go_field[]){
	    {"name", -1}, {"hostPort", -1}, {"containerPort", -1}, {"protocol", -1}, {"hostIP", -1},
	    {NULL, -1}
	},
	[GT_ENV] = (const struct go_field[]){{"name", -1}, {"value", -1}, {"valueFrom", -1}, {NULL, -1}},
	[GT_RESOURCES] = (const struct go_field[]){
	    {"limits", -1}, {"requests", -1}, {"claims", -1}, {NULL, -1}
	},
	[GT_MOUNT] = (const struct go_field[]){
	    {"name", -1}, {"readOnly", -1}, {"recursiveReadOnly", -1}, {"mountPath", -1},
	    {"subPath", -1}, {"mountPropagation", -1}, {"subPathExpr", -1}, {NULL, -1}
	},
	[GT_VOLUME] = (const struct go_field[]){
	    {"name", -1}, {"hostPath", GT_HOSTPATH}, {"emptyDir", GT_EMPTYDIR},
	    {"gcePersistentDisk", -1}, {"awsElasticBlockStore", -1}, {"gitRepo", -1},
	    {"secret", GT_SECRETVOL}, {"nfs", -1}, {"iscsi", -1}, {"glusterfs", -1},
	    {"persistentVolumeClaim", -1}, {"rbd", -1}, {"flexVolume", -1}, {"cinder", -1},
	    {"cephfs", -1}, {"flocker", -1}, {"downwardAPI", -1}, {"fc", -1}, {"azureFile", -1},
	    {"configMap", GT_CMVOL}, {"vsphereVolume", -1}, {"quobyte", -1}, {"azureDisk", -1},
	    {"photonPersistentDisk", -1}, {"projected", -1}, {"portworxVolume", -1}, {"scaleIO", -1},
	    {"storageos", -1}, {"csi", -1}, {"ephemeral", -1}, {"image", -1}, {NULL, -1}
	},
	[GT_CMVOL] = (const struct go_field[]){
	    {"name", -1}, {"items", -1}, {"defaultMode", -1}, {"optional", -1}, {NULL, -1}
	},
	[GT_SECRETVOL] = (const struct go_field[]){
	    {"secretName", -1}, {"items", -1}, {"defaultMode", -1}, {"optional", -1}, {NULL, -1}
	},
	[GT_HOSTPATH] = (const struct go_field[]){{"path", -1}, {"type", -1}, {NULL, -1}},
	[GT_EMPTYDIR] = (const struct go_field[]){{"medium", -1}, {"sizeLimit", -1}, {NULL, -1}},
	[GT_PROBE] = (const struct go_field[]){
	    {"exec", -1}, {"httpGet", -1}, {"tcpSocket", -1}, {"grpc", -1},
	    {"initialDelaySeconds", -1}, {"timeoutSeconds", -1}, {"periodSeconds", -1},
	    {"successThreshold", -1}, {"failureThreshold", -1}, {"terminationGracePeriodSeconds", -1},
	    {NULL, -1}
	},
	[GT_TOLERATION] = (const struct go_field[]){
	    {"key", -1}, {"operator", -1}, {"value", -1}, {"effect", -1}, {"tolerationSeconds", -1},
	    {NULL, -1}
	},
	[GT_AFFINITY] = (const struct go_field[]){
	    {"nodeAffinity", GT_NODEAFF}, {"podAffinity", -1}, {"podAntiAffinity", -1}, {NULL, -1}
	},
	[GT_NODEAFF] = (const struct go_field[]){
	    {"requiredDuringSchedulingIgnoredDuringExecution", GT_NODESEL},
	    {"preferredDuringSchedulingIgnoredDuringExecution", GT_PREF}, {NULL, -1}
	},
	[GT_NODESEL] = (const struct go_field[]){{"nodeSelectorTerms", GT_TERM}, {NULL, -1}},
	[GT_TERM] = (const struct go_field[]){
	    {"matchExpressions", GT_REQ}, {"matchFields", GT_REQ}, {NULL, -1}
	},
	[GT_PREF] = (const struct go_field[]){{"weight", -1}, {"preference", GT_TERM}, {NULL, -1}},
	[GT_PODSEC] = (const struct go_field[]){
	    {"seLinuxOptions", -1}, {"windowsOptions", -1}, {"runAsUser", -1}, {"runAsGroup", -1},
	    {"runAsNonRoot", -1}, {"supplementalGroups", -1}, {"supplementalGroupsPolicy", -1},
	    {"fsGroup", -1}, {"sysctls", -1}, {"fsGroupChangePolicy", -1}, {"seccompProfile", -1},
	    {"appArmorProfile", -1}, {"seLinuxChangePolicy", -1}, {NULL, -1}
	},
	[GT_CSEC] = (const struct go_field[]){
	    {"capabilities", -1}, {"privileged", -1}, {"seLinuxOptions", -1}, {"windowsOptions", -1},
	    {"runAsUser", -1}, {"runAsGroup", -1}, {"runAsNonRoot", -1},
	    {"readOnlyRootFilesystem", -1}, {"allowPrivilegeEscalation", -1}, {"procMount", -1},
	    {"seccompProfile", -1}, {"appArmorProfile", -1}, {NULL, -1}
	},
	[GT_STRATEGY] = (const struct go_field[]){{"type", -1}, {"rollingUpdate", GT_ROLLING}, {NULL, -1}},
	[GT_ROLLING] = (const struct go_field[]){{"maxUnavailable", -1}, {"maxSurge", -1}, {NULL, -1}},
	[GT_DSSTATUS] = (const struct go_field[]){
	    {"currentNumberScheduled", -1}, {"numberMisscheduled", -1},
	    {"desiredNumberScheduled", -1}, {"numberReady", -1}, {"observedGeneration", -1},
	    {"updatedNumberScheduled", -1}, {"numberAvailable", -1}, {"numberUnavailable", -1},
	    {"collisionCount", -1}, {"conditions", -1}, {NULL, -1}
	},
};

static void order(cJSON *node, int type);

static void
order_value(cJSON *v, int type)
{
	cJSON *c;

	if (type < 0)
		return;
	if (cJSON_IsArray(v)) {
		for (c = v->child; c != NULL; c = c->next)
			order(c, type);
	} else
		order(v, type);
}

/* Rebuild node's members: the struct's fields first, in order, then the rest. */
static void
order(cJSON *node, int type)
{
	const struct go_field *f;
	cJSON *rest;

	if (!cJSON_IsObject(node))
		return;
	rest = cJSON_CreateObject();
	/* Move every member aside, then bring them back in the struct's order. */
	while (node->child != NULL) {
		cJSON *c = cJSON_DetachItemViaPointer(node, node->child);

		cJSON_AddItemToObject(rest, c->string, c);
	}
	for (f = go_types[type]; f->name != NULL; f++) {
		cJSON *c = cJSON_DetachItemFromObjectCaseSensitive(rest, f->name);

		if (c == NULL)
			continue;
		order_value(c, f->type);
		cJSON_AddItemToObject(node, f->name, c);
	}
	while (rest->child != NULL) {
		cJSON *c = cJSON_DetachItemViaPointer(rest, rest->child);

		cJSON_AddItemToObject(node, c->string, c);
	}
	cJSON_Delete(rest);
}

void
kctl_order_daemonset(cJSON *doc)
{
	order(doc, GT_DS);
}

void
kctl_order_pod(cJSON *doc)
{
	order(doc, GT_POD);
}
