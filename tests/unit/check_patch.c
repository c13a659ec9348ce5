/*
 * check_patch.c - the patch library against kubectl v1.32 and apimachinery.
 *
 * The first table was produced by the real kubectl v1.32 on this machine:
 * `kubectl patch --local -f doc.json --type T -p PATCH -o json` applies a
 * patch with the same vendored code as kube-apiserver (evanphx/json-patch
 * v4, strategicpatch with the k8s.io/api tags), so each expected document
 * and error message is what the server would produce (kubectl only adds
 * "error: " in front). check_patch_apply.inc holds kubectl apply's own
 * three-way patches, recorded from the real client. The other three-way cases follow
 * strategicpatch.CreateThreeWayMergePatch as kubectl apply calls it, on the
 * stories of issue 11 (a label added by `kubectl label`, the restartedAt
 * annotation of `rollout restart`, a changed image, a removed container).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "apiserver/patch.h"
#include "codec/jsontext.h"
#include "runner.h"
#include "util/err.h"
#include "util/strbuf.h"

struct apply_case {
	enum patch_type type;
	const char *doc, *patch;
	const char *want;    /* the patched document, or NULL */
	const char *errmsg;  /* the error, or NULL */
};

static const struct apply_case kubectl_cases[] = {
	/* {"spec": {"containers": [{"name": "b", "image": "new"}]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"finalizers\":[\"x\",\"y\"]},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\",\"env\":[{\"name\":\"E1\",\"value\":\"1\"},{\"name\":\"E2\",\"value\":\"2\"}],\"ports\":[{\"containerPort\":80},{\"containerPort\":443}],\"args\":[\"x\",\"y\"]},{\"name\":\"b\",\"image\":\"i2\"}],\"tolerations\":[{\"key\":\"k\",\"operator\":\"Exists\"}],\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}]}}",
	    "{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"new\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[\"x\",\"y\"],\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"args\":[\"x\",\"y\"],\"env\":[{\"name\":\"E1\",\"value\":\"1\"},{\"name\":\"E2\",\"value\":\"2\"}],\"image\":\"i1\",\"name\":\"a\",\"ports\":[{\"containerPort\":80},{\"containerPort\":443}]},{\"image\":\"new\",\"name\":\"b\"}],\"tolerations\":[{\"key\":\"k\",\"operator\":\"Exists\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"v\"}]}}", NULL},
	/* {"spec": {"containers": [{"name": "c", "image": "i3"}]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"},{\"name\":\"b\",\"image\":\"i2\"}]}}",
	    "{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i3\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i3\",\"name\":\"c\"},{\"image\":\"i1\",\"name\":\"a\"},{\"image\":\"i2\",\"name\":\"b\"}]}}", NULL},
	/* {"spec": {"containers": [{"name": "a", "$patch": "delete"}]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"},{\"name\":\"b\",\"image\":\"i2\"}]}}",
	    "{\"spec\":{\"containers\":[{\"name\":\"a\",\"$patch\":\"delete\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i2\",\"name\":\"b\"}]}}", NULL},
	/* {"spec": {"containers": [{"name": "z", "image": "zz"}, {"$patch": "rep */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"},{\"name\":\"b\",\"image\":\"i2\"}]}}",
	    "{\"spec\":{\"containers\":[{\"name\":\"z\",\"image\":\"zz\"},{\"$patch\":\"replace\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"zz\",\"name\":\"z\"}]}}", NULL},
	/* {"metadata": {"labels": {"a": null, "c": "3"}}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"}]}}",
	    "{\"metadata\":{\"labels\":{\"a\":null,\"c\":\"3\"}}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"b\":\"2\",\"c\":\"3\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i1\",\"name\":\"a\"}]}}", NULL},
	/* {"metadata": {"labels": {"$patch": "replace", "z": "9"}}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"}]}}",
	    "{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"z\":\"9\"}}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"z\":\"9\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i1\",\"name\":\"a\"}]}}", NULL},
	/* {"metadata": {"finalizers": ["z", "x"]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"finalizers\":[\"x\",\"y\"]},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"}]}}",
	    "{\"metadata\":{\"finalizers\":[\"z\",\"x\"]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[\"z\",\"x\",\"y\"],\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i1\",\"name\":\"a\"}]}}", NULL},
	/* {"metadata": {"$deleteFromPrimitiveList/finalizers": ["y"]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"finalizers\":[\"x\",\"y\",\"z\"]},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"}]}}",
	    "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"y\"]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[\"x\",\"z\"],\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i1\",\"name\":\"a\"}]}}", NULL},
	/* {"spec": {"tolerations": [{"key": "b", "operator": "Exists"}], "contai */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"tolerations\":[{\"key\":\"a\",\"operator\":\"Exists\"}],\"containers\":[{\"name\":\"a\",\"image\":\"i1\",\"args\":[\"1\",\"2\"]}]}}",
	    "{\"spec\":{\"tolerations\":[{\"key\":\"b\",\"operator\":\"Exists\"}],\"containers\":[{\"name\":\"a\",\"args\":[\"3\"]}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"args\":[\"3\"],\"image\":\"i1\",\"name\":\"a\"}],\"tolerations\":[{\"key\":\"b\",\"operator\":\"Exists\"}]}}", NULL},
	/* {"spec": {"$setElementOrder/containers": [{"name": "c"}, {"name": "a"} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"},{\"name\":\"b\",\"image\":\"i2\"},{\"name\":\"c\",\"image\":\"i3\"}]}}",
	    "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"c\"},{\"name\":\"a\"},{\"name\":\"b\"}],\"containers\":[{\"name\":\"a\",\"image\":\"new\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i3\",\"name\":\"c\"},{\"image\":\"new\",\"name\":\"a\"},{\"image\":\"i2\",\"name\":\"b\"}]}}", NULL},
	/* {"spec": {"containers": [{"name": "a", "ports": [{"containerPort": 80, */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\",\"ports\":[{\"containerPort\":80,\"name\":\"http\"},{\"containerPort\":443}],\"volumeMounts\":[{\"name\":\"v\",\"mountPath\":\"/a\"}]}]}}",
	    "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"name\":\"web\"},{\"containerPort\":8080}],\"volumeMounts\":[{\"name\":\"w\",\"mountPath\":\"/b\"}]}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i1\",\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"name\":\"web\"},{\"containerPort\":8080},{\"containerPort\":443}],\"volumeMounts\":[{\"mountPath\":\"/b\",\"name\":\"w\"},{\"mountPath\":\"/a\",\"name\":\"v\"}]}]}}", NULL},
	/* {"spec": {"volumes": [{"name": "v", "configMap": {"name": "cm"}, "$ret */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}},{\"name\":\"w\",\"hostPath\":{\"path\":\"/x\"}}],\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"spec\":{\"volumes\":[{\"name\":\"v\",\"configMap\":{\"name\":\"cm\"},\"$retainKeys\":[\"configMap\",\"name\"]}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"a\"}],\"volumes\":[{\"configMap\":{\"name\":\"cm\"},\"name\":\"v\"},{\"hostPath\":{\"path\":\"/x\"},\"name\":\"w\"}]}}", NULL},
	/* {"spec": {"$patch": "bogus"}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"spec\":{\"$patch\":\"bogus\"}}",
	    NULL, "unknown patch type: bogus in map: map[$patch:bogus]"},
	/* {"spec": {"containers": [{"image": "x"}]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}",
	    NULL, "map: map[image:x] does not contain declared merge key: name"},
	/* {"spec": {"containers": [{"name": "a", "$patch": "merge"}]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"spec\":{\"containers\":[{\"name\":\"a\",\"$patch\":\"merge\"}]}}",
	    NULL, "merging lists cannot yet be specified in the patch"},
	/* {"metadata": {"labels": {"$patch": "delete"}}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"metadata\":{\"labels\":{\"$patch\":\"delete\"}}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"a\"}]}}", NULL},
	/* {"spec": {"template": {"spec": {"containers": [{"name": "a", "env": [{ */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"d\"},\"spec\":{\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\",\"env\":[{\"name\":\"X\",\"value\":\"1\"}]}],\"initContainers\":[{\"name\":\"init\",\"image\":\"busybox\"}],\"nodeSelector\":{\"x\":\"y\"}}}}}",
	    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"Y\",\"value\":\"2\"},{\"name\":\"X\",\"$patch\":\"delete\"}]}],\"nodeSelector\":null,\"initContainers\":[{\"name\":\"init2\",\"image\":\"b\"}]}}}}",
	    "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"d\"},\"spec\":{\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"Y\",\"value\":\"2\"}],\"image\":\"i\",\"name\":\"a\"}],\"initContainers\":[{\"image\":\"b\",\"name\":\"init2\"},{\"image\":\"busybox\",\"name\":\"init\"}]}}}}", NULL},
	/* {"spec": {"taints": [{"key": "b", "effect": "NoExecute"}], "podCIDRs": */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"},\"spec\":{\"taints\":[{\"key\":\"a\",\"effect\":\"NoSchedule\"}],\"podCIDRs\":[\"10.0.0.0/24\"]},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"},{\"type\":\"MemoryPressure\",\"status\":\"False\"}],\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"1.2.3.4\"}]}}",
	    "{\"spec\":{\"taints\":[{\"key\":\"b\",\"effect\":\"NoExecute\"}],\"podCIDRs\":[\"10.0.1.0/24\"]},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"},\"spec\":{\"podCIDRs\":[\"10.0.1.0/24\",\"10.0.0.0/24\"],\"taints\":[{\"effect\":\"NoExecute\",\"key\":\"b\"}]},\"status\":{\"addresses\":[{\"address\":\"1.2.3.4\",\"type\":\"InternalIP\"}],\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"},{\"status\":\"False\",\"type\":\"MemoryPressure\"}]}}", NULL},
	/* {"metadata": {"ownerReferences": [{"uid": "2", "name": "b", "kind": "D */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"ownerReferences\":[{\"uid\":\"1\",\"name\":\"a\",\"kind\":\"DaemonSet\",\"apiVersion\":\"apps/v1\"}]},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"metadata\":{\"ownerReferences\":[{\"uid\":\"2\",\"name\":\"b\",\"kind\":\"DaemonSet\",\"apiVersion\":\"apps/v1\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"name\":\"b\",\"uid\":\"2\"},{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"name\":\"a\",\"uid\":\"1\"}]},\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"a\"}]}}", NULL},
	/* {"spec": {"containers": [{"name": "new", "image": "n", "resources": {" */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"spec\":{\"containers\":[{\"name\":\"new\",\"image\":\"n\",\"resources\":{\"limits\":null}}],\"nodeName\":null,\"hostname\":\"h\"}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"n\",\"name\":\"new\",\"resources\":{\"limits\":null}},{\"image\":\"i\",\"name\":\"a\"}],\"hostname\":\"h\"}}", NULL},
	/* {"metadata": {"finalizers": [["a"]]}} */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "{\"metadata\":{\"finalizers\":[[\"a\"]]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[[\"a\"]],\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"a\"}]}}", NULL},
	/* {"spec": {"$setElementOrder/containers": [{"name": "b"}], "containers" */
	{PATCH_STRATEGIC,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"},{\"name\":\"b\",\"image\":\"j\"}]}}",
	    "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"b\"}],\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}",
	    NULL, "The order in patch list:\n[map[image:x name:a]]\n doesn't match $setElementOrder list:\n[map[name:b]]"},
	/* {"metadata": {"labels": {"a": null, "b": "2"}}, "spec": {"containers": */
	{PATCH_MERGE,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"},{\"name\":\"b\",\"image\":\"j\"}]}}",
	    "{\"metadata\":{\"labels\":{\"a\":null,\"b\":\"2\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"k\",\"x\":null}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"b\":\"2\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"k\",\"name\":\"c\"}]}}", NULL},
	/* [{"op": "add", "path": "/metadata/labels/b~1c", "value": "x"}, {"op":  */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"add\",\"path\":\"/metadata/labels/b~1c\",\"value\":\"x\"},{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"new\"},{\"op\":\"copy\",\"from\":\"/spec/containers/0\",\"path\":\"/spec/containers/-\"},{\"op\":\"move\",\"from\":\"/metadata/labels/a\",\"path\":\"/metadata/annotations\"},{\"op\":\"test\",\"path\":\"/spec/containers/1/image\",\"value\":\"new\"}]",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":\"1\",\"labels\":{\"b/c\":\"x\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"new\",\"name\":\"a\"},{\"image\":\"new\",\"name\":\"a\"}]}}", NULL},
	/* [{"op": "remove", "path": "/spec/containers/-1"}, {"op": "add", "path" */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"remove\",\"path\":\"/spec/containers/-1\"},{\"op\":\"add\",\"path\":\"/spec/containers/0\",\"value\":{\"name\":\"q\"}}]",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"a\":\"1\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"q\"}]}}", NULL},
	/* [{"op": "test", "path": "/metadata/labels/a", "value": "2"}] */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"test\",\"path\":\"/metadata/labels/a\",\"value\":\"2\"}]",
	    NULL, "testing value /metadata/labels/a failed: test failed"},
	/* [{"op": "copy", "from": "/metadata/nope", "path": "/metadata/x"}] */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a\":\"1\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"copy\",\"from\":\"/metadata/nope\",\"path\":\"/metadata/x\"}]",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"a\":\"1\"},\"name\":\"p\",\"x\":null},\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"a\"}]}}", NULL},
	/* [{"op": "remove", "path": "/metadata/labels/a~0b"}, {"op": "add", "pat */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"labels\":{\"a~b\":\"1\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"remove\",\"path\":\"/metadata/labels/a~0b\"},{\"op\":\"add\",\"path\":\"/metadata/labels/~01\",\"value\":\"z\"}]",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"~1\":\"z\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"i\",\"name\":\"a\"}]}}", NULL},
	/* [{"op": "add", "path": "/spec/containers/0/image/x", "value": 1}] */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"add\",\"path\":\"/spec/containers/0/image/x\",\"value\":1}]",
	    NULL, "add operation does not apply: doc is missing path: \"/spec/containers/0/image/x\": missing value"},
	/* [{"op": "remove", "path": "/spec/containers/-2"}] */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"remove\",\"path\":\"/spec/containers/-2\"}]",
	    NULL, "error in remove for path: '/spec/containers/-2': Unable to access invalid index: -2: invalid index referenced"},
	/* [{"op": "replace", "value": 1}] */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"replace\",\"value\":1}]",
	    NULL, "replace operation failed to decode path: operation missing path field: missing value"},
	/* [{"op": "move", "path": "/x"}] */
	{PATCH_JSON,
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}",
	    "[{\"op\":\"move\",\"path\":\"/x\"}]",
	    NULL, "move operation failed to decode from: operation, missing from field: missing value"},
};

static char *
compact(const cJSON *v)
{
	struct strbuf sb = STRBUF_INIT;

	encode_json_compact(v, &sb);
	return sb_take(&sb);
}

/* Go error messages may end in a newline that kubectl trims. */
static void
rtrim(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

START_TEST(t_kubectl_apply)
{
	const struct apply_case *tc = &kubectl_cases[_i];
	cJSON *doc = cJSON_Parse(tc->doc), *patch = cJSON_Parse(tc->patch), *out = NULL;
	char *before = compact(doc);
	struct ks_err err = {{0}};
	int rc;

	ck_assert_ptr_nonnull(doc);
	ck_assert_ptr_nonnull(patch);
	rc = patch_apply(tc->type, doc, patch, patch_schema_of(doc), &out, &err);
	if (tc->want != NULL) {
		cJSON *want = cJSON_Parse(tc->want);
		ck_assert_msg(rc == 0, "case %d: %s", _i, err.msg);
		if (!patch_json_equal(out, want)) {
			char *got = compact(out);
			ck_abort_msg("case %d: got %s want %s", _i, got, tc->want);
		}
		cJSON_Delete(want);
	} else {
		ck_assert_msg(rc < 0, "case %d succeeded", _i);
		ck_assert_ptr_null(out);
		rtrim(err.msg);
		ck_assert_str_eq(err.msg, tc->errmsg);
	}
	/* inputs are never modified */
	char *after = compact(doc);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	cJSON_Delete(out);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
}
END_TEST

/* The HTTP status each failure maps to (handlers/patch.go). */
static int
apply_rc(enum patch_type type, const char *doc, const char *patch, char *msg)
{
	cJSON *d = cJSON_Parse(doc), *p = cJSON_Parse(patch), *out = NULL;
	struct ks_err err = {{0}};
	int rc = patch_apply(type, d, p, patch_schema_of(d), &out, &err);

	if (msg != NULL)
		strcpy(msg, err.msg);
	cJSON_Delete(out);
	cJSON_Delete(d);
	cJSON_Delete(p);
	return rc;
}

static const char pod[] = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
			  "\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}";

START_TEST(t_status_codes)
{
	char msg[KS_ERR_MAX];

	/* a failing op is 422 (NewGenericServerResponse(StatusUnprocessableEntity)) */
	ck_assert_int_eq(apply_rc(PATCH_JSON, pod, "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"q\"}]", msg),
	    PATCH_EINVALID);
	ck_assert_str_eq(msg, "testing value /metadata/name failed: test failed");
	/* an undecodable JSON patch is 400 */
	ck_assert_int_eq(apply_rc(PATCH_JSON, pod, "{\"op\":\"add\"}", msg), PATCH_EBADREQUEST);
	ck_assert_str_eq(msg, "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
	ck_assert_int_eq(apply_rc(PATCH_JSON, pod, "[1]", msg), PATCH_EBADREQUEST);
	ck_assert_str_eq(msg, "json: cannot unmarshal number into Go value of type jsonpatch.Operation");
	/* a replace of a missing index: the server's text, before kubectl's rewording */
	ck_assert_int_eq(apply_rc(PATCH_JSON, pod, "[{\"op\":\"replace\",\"path\":\"/spec/containers/9\",\"value\":1}]", msg),
	    PATCH_EINVALID);
	ck_assert_str_eq(msg, "replace operation does not apply: doc is missing key: /spec/containers/9: missing value");
	/* merge patch: null is ErrBadJSONPatch, 400 */
	ck_assert_int_eq(apply_rc(PATCH_MERGE, pod, "null", msg), PATCH_EBADREQUEST);
	ck_assert_str_eq(msg, "Invalid JSON Patch");
	/* strategic: an unknown directive is a plain error, 500 */
	ck_assert_int_eq(apply_rc(PATCH_STRATEGIC, pod, "{\"$patch\":\"x\"}", msg), PATCH_EINTERNAL);
	ck_assert_str_eq(msg, "unknown patch type: x in map: map[$patch:x]");
	ck_assert_int_eq(apply_rc(PATCH_STRATEGIC, pod, "{\"$retainKeys\":\"x\"}", msg), PATCH_EBADREQUEST);
	ck_assert_str_eq(msg, "invalid patch format of retainKeys");
	ck_assert_int_eq(apply_rc(PATCH_STRATEGIC, pod, "[]", msg), PATCH_EBADREQUEST);
	ck_assert_int_eq(apply_rc(PATCH_STRATEGIC, pod, "{\"spec\":{\"$deleteFromPrimitiveList\":[1]}}", msg),
	    PATCH_EBADREQUEST);
	ck_assert_str_eq(msg, "invalid patch format of primitive list");
}
END_TEST

START_TEST(t_too_many_ops)
{
	struct strbuf sb = STRBUF_INIT;
	char msg[KS_ERR_MAX];

	sb_add(&sb, "[");
	for (int i = 0; i < 10001; i++)
		sb_addf(&sb, "%s{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"p\"}", i ? "," : "");
	sb_add(&sb, "]");
	ck_assert_int_eq(apply_rc(PATCH_JSON, pod, sb.s, msg), -413);
	ck_assert_str_eq(msg, "The allowed maximum operations in a JSON patch is 10000, got 10001");
	sb_free(&sb);
}
END_TEST

/* A copy loop would double the document each op: the copy limit stops it. */
START_TEST(t_copy_bomb)
{
	struct strbuf sb = STRBUF_INIT;
	char msg[KS_ERR_MAX];

	sb_add(&sb, "[{\"op\":\"add\",\"path\":\"/x\",\"value\":[\"0123456789012345678901234567890123456789\"]}");
	for (int i = 0; i < 60; i++)
		sb_add(&sb, ",{\"op\":\"copy\",\"from\":\"/x\",\"path\":\"/x/-\"}");
	sb_add(&sb, "]");
	ck_assert_int_eq(apply_rc(PATCH_JSON, "{}", sb.s, msg), PATCH_EINVALID);
	ck_assert_msg(strstr(msg, "Unable to complete the copy") != NULL, "%s", msg);
	sb_free(&sb);
}
END_TEST

struct create_case {
	const char *original, *modified, *current; /* current NULL: two-way */
	const char *want;                          /* exact bytes, keys sorted */
};

#define DS_HEAD "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"d\""
#define DS_SPEC(c) ",\"spec\":{\"template\":{\"spec\":{\"containers\":[" c "]}}}}"
#define WEB "{\"name\":\"web\",\"image\":\"nginx\"}"

static const struct create_case create_cases[] = {
	/* kubectl label / rollout restart / status / defaults: unchanged */
	{DS_HEAD ",\"labels\":{\"app\":\"x\"}}" DS_SPEC(WEB), DS_HEAD ",\"labels\":{\"app\":\"x\"}}" DS_SPEC(WEB),
	    DS_HEAD ",\"labels\":{\"app\":\"x\",\"extra\":\"1\"},\"uid\":\"u\"},\"spec\":{\"template\":{\"metadata\":"
		    "{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"t\"}},\"spec\":{\"containers\":"
		    "[{\"name\":\"web\",\"image\":\"nginx\",\"imagePullPolicy\":\"Always\"}],\"restartPolicy\":"
		    "\"Always\"}}},\"status\":{\"numberReady\":1}}",
	    "{}"},
	/* a changed image: the element by its merge key, and the order */
	{DS_HEAD "}" DS_SPEC(WEB), DS_HEAD "}" DS_SPEC("{\"name\":\"web\",\"image\":\"nginx:2\"}"),
	    DS_HEAD ",\"labels\":{\"l\":\"1\"}}" DS_SPEC("{\"name\":\"web\",\"image\":\"nginx\",\"imagePullPolicy\":\"Always\"}"),
	    "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"web\"}],"
	    "\"containers\":[{\"image\":\"nginx:2\",\"name\":\"web\"}]}}}}"},
	/* a removed container and label, an added one */
	{DS_HEAD ",\"labels\":{\"app\":\"x\"}}" DS_SPEC(WEB),
	    DS_HEAD "}" DS_SPEC("{\"name\":\"side\",\"image\":\"busybox\"}"),
	    DS_HEAD ",\"labels\":{\"app\":\"x\",\"extra\":\"1\"}}" DS_SPEC(WEB),
	    "{\"metadata\":{\"labels\":null},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":"
	    "[{\"name\":\"side\"}],\"containers\":[{\"image\":\"busybox\",\"name\":\"side\"},"
	    "{\"$patch\":\"delete\",\"name\":\"web\"}]}}}}"},
	/* no last-applied configuration: nothing is deleted */
	{NULL, DS_HEAD "}" DS_SPEC(WEB), DS_HEAD ",\"labels\":{\"a\":\"b\"}}" DS_SPEC(WEB), "{}"},
	/* a field the manifest sets and someone changed live is set back */
	{DS_HEAD "}" DS_SPEC(WEB), DS_HEAD "}" DS_SPEC(WEB),
	    DS_HEAD "}" DS_SPEC("{\"name\":\"web\",\"image\":\"httpd\"}"),
	    "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"web\"}],"
	    "\"containers\":[{\"image\":\"nginx\",\"name\":\"web\"}]}}}}"},
	/* primitive merge list and retainKeys (volumes) */
	{"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[\"a\",\"b\"]},"
	 "\"spec\":{\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"finalizers\":[\"b\",\"c\"]},"
	    "\"spec\":{\"volumes\":[{\"name\":\"v\",\"hostPath\":{\"path\":\"/x\"}}]}}",
	    NULL,
	    "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a\"],\"$setElementOrder/finalizers\":"
	    "[\"b\",\"c\"],\"finalizers\":[\"c\"]},\"spec\":{\"$setElementOrder/volumes\":[{\"name\":\"v\"}],"
	    "\"volumes\":[{\"$retainKeys\":[\"hostPath\",\"name\"],\"emptyDir\":null,\"hostPath\":"
	    "{\"path\":\"/x\"},\"name\":\"v\"}]}}"},
	/* tolerations have no strategy: replaced whole */
	{"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"tolerations\":[{\"key\":\"a\"}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"tolerations\":[{\"key\":\"a\"},{\"key\":\"b\"}]}}",
	    NULL, "{\"spec\":{\"tolerations\":[{\"key\":\"a\"},{\"key\":\"b\"}]}}"},
	/* only the order changed: $setElementOrder alone (two-way) */
	{DS_HEAD "}" DS_SPEC("{\"name\":\"a\"},{\"name\":\"b\"}"), DS_HEAD "}" DS_SPEC("{\"name\":\"b\"},{\"name\":\"a\"}"),
	    NULL,
	    "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"b\"},{\"name\":\"a\"}]}}}}"},
	/* kubectl apply: a removed env var, an added port */
	{"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"X\","
	 "\"value\":\"1\"}],\"ports\":[{\"containerPort\":80}]}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":80},"
	    "{\"containerPort\":443}]}]}}",
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"X\","
	    "\"value\":\"1\"}],\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}]}]}}",
	    "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"a\"}],\"containers\":[{\"$setElementOrder/ports\":"
	    "[{\"containerPort\":80},{\"containerPort\":443}],\"env\":null,\"name\":\"a\",\"ports\":"
	    "[{\"containerPort\":443}]}]}}"},
};

START_TEST(t_create)
{
	const struct create_case *tc = &create_cases[_i];
	cJSON *o = tc->original ? cJSON_Parse(tc->original) : NULL, *m = cJSON_Parse(tc->modified);
	cJSON *cur = tc->current ? cJSON_Parse(tc->current) : NULL, *out = NULL, *applied = NULL;
	struct ks_err err = {{0}};
	int rc;

	if (tc->current != NULL)
		rc = patch_strategic_create_threeway(o, m, cur, patch_schema_of(m), &out, &err);
	else
		rc = patch_strategic_create(o, m, patch_schema_of(m), &out, &err);
	ck_assert_msg(rc == 0, "case %d: %s", _i, err.msg);
	char *got = compact(out);
	ck_assert_str_eq(got, tc->want);
	ck_assert(patch_is_empty(out) == (strcmp(tc->want, "{}") == 0));
	/* the two-way patch turns original into modified */
	if (tc->current == NULL && o != NULL) {
		ck_assert_int_eq(patch_strategic_apply(o, out, patch_schema_of(m), &applied, &err), 0);
		ck_assert_msg(patch_json_equal(applied, m), "case %d does not round-trip", _i);
	}
	free(got);
	cJSON_Delete(applied);
	cJSON_Delete(out);
	cJSON_Delete(o);
	cJSON_Delete(m);
	cJSON_Delete(cur);
}
END_TEST

struct threeway_case {
	const char *original, *modified, *current, *want;
};

static const struct threeway_case kubectl_threeway[] = {
#include "check_patch_apply.inc"
};

START_TEST(t_kubectl_threeway)
{
	const struct threeway_case *tc = &kubectl_threeway[_i];
	cJSON *o = tc->original ? cJSON_Parse(tc->original) : NULL, *m = cJSON_Parse(tc->modified);
	cJSON *cur = cJSON_Parse(tc->current), *out = NULL;
	struct ks_err err = {{0}};
	char *got;

	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(cur);
	ck_assert_msg(patch_strategic_create_threeway(o, m, cur, patch_schema_of(m), &out, &err) == 0, "case %d: %s",
	    _i, err.msg);
	got = compact(out);
	ck_assert_str_eq(got, tc->want);
	ck_assert(patch_is_empty(out) == (strcmp(tc->want, "{}") == 0));
	free(got);
	cJSON_Delete(out);
	cJSON_Delete(o);
	cJSON_Delete(m);
	cJSON_Delete(cur);
}
END_TEST

START_TEST(t_merge_create)
{
	cJSON *o = cJSON_Parse("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"},\"e\":null}");
	cJSON *m = cJSON_Parse("{\"a\":1,\"b\":{\"c\":[1,3]},\"f\":true}");
	cJSON *cur = cJSON_Parse("{\"a\":2,\"b\":{\"c\":[1,2],\"d\":\"x\",\"g\":1},\"e\":null}");
	cJSON *out = NULL;
	struct ks_err err = {{0}};
	char *s;

	ck_assert_int_eq(patch_merge_create(o, m, &out, &err), 0);
	s = compact(out);
	ck_assert_str_eq(s, "{\"b\":{\"c\":[1,3],\"d\":null},\"e\":null,\"f\":true}");
	free(s);
	cJSON_Delete(out);
	/* three-way: b.g (live only) stays, b.d (dropped) goes, a set back */
	ck_assert_int_eq(patch_merge_create_threeway(o, m, cur, &out, &err), 0);
	s = compact(out);
	ck_assert_str_eq(s, "{\"a\":1,\"b\":{\"c\":[1,3],\"d\":null},\"e\":null,\"f\":true}");
	free(s);
	cJSON_Delete(out);
	ck_assert_int_eq(patch_merge_create_threeway(m, m, m, &out, &err), 0);
	ck_assert(patch_is_empty(out));
	cJSON_Delete(out);
	cJSON_Delete(o);
	cJSON_Delete(m);
	cJSON_Delete(cur);
}
END_TEST

START_TEST(t_schema)
{
	ck_assert_ptr_nonnull(patch_schema_for("apps/v1", "DaemonSet"));
	ck_assert_ptr_nonnull(patch_schema_for("v1", "Pod"));
	ck_assert_ptr_nonnull(patch_schema_for(NULL, "Node"));
	ck_assert_ptr_null(patch_schema_for("v1", "DaemonSet"));
	ck_assert_ptr_null(patch_schema_for("example.com/v1", "Widget"));
	ck_assert_int_eq(patch_type_parse("merge"), PATCH_MERGE);
	ck_assert_int_eq(patch_type_parse("strategic"), PATCH_STRATEGIC);
	ck_assert_int_eq(patch_type_parse("apply"), -1);
}
END_TEST

/* No schema: lists are replaced, maps merge (LookupPatchMeta's fallback). */
START_TEST(t_no_schema)
{
	cJSON *d = cJSON_Parse("{\"spec\":{\"containers\":[{\"name\":\"a\"}],\"m\":{\"x\":1}}}");
	cJSON *p = cJSON_Parse("{\"spec\":{\"containers\":[{\"name\":\"b\"}],\"m\":{\"y\":2}}}");
	cJSON *out = NULL;
	struct ks_err err = {{0}};
	char *s;

	ck_assert_int_eq(patch_strategic_apply(d, p, NULL, &out, &err), 0);
	s = compact(out);
	ck_assert_str_eq(s, "{\"spec\":{\"containers\":[{\"name\":\"b\"}],\"m\":{\"x\":1,\"y\":2}}}");
	free(s);
	cJSON_Delete(out);
	cJSON_Delete(d);
	cJSON_Delete(p);
}
END_TEST

START_TEST(t_depth_limit)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc, *patch, *out = NULL;
	struct ks_err err = {{0}};
	int n = 1100;

	/* build {"a":{"a":...}} deeper than the limit, without cJSON_Parse's own limit */
	patch = cJSON_CreateObject();
	cJSON *cur = patch;
	for (int i = 0; i < n; i++) {
		cJSON *next = cJSON_CreateObject();
		cJSON_AddItemToObject(cur, "a", next);
		cur = next;
	}
	doc = cJSON_Duplicate(patch, 1);
	ck_assert_int_lt(patch_strategic_apply(doc, patch, NULL, &out, &err), 0);
	ck_assert_ptr_null(out);
	ck_assert_int_lt(patch_merge_apply(doc, patch, &out, &err), 0);
	ck_assert_int_lt(patch_strategic_create(doc, patch, NULL, &out, &err), 0);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
	sb_free(&sb);
}
END_TEST

/*
 * 20000 containers merged by name, in reverse order: hashed lookups keep
 * this at ~0.3 s; Go's linear index() scans would make it quadratic and
 * run into the test case's timeout.
 */
START_TEST(t_long_list)
{
	struct strbuf d = STRBUF_INIT, p = STRBUF_INIT;
	cJSON *doc, *patch, *out = NULL, *back = NULL;
	struct ks_err err = {{0}};
	int n = 20000;

	sb_add(&d, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[");
	sb_add(&p, "{\"spec\":{\"containers\":[");
	for (int i = 0; i < n; i++) {
		sb_addf(&d, "%s{\"name\":\"c%d\",\"image\":\"i\"}", i ? "," : "", i);
		sb_addf(&p, "%s{\"name\":\"c%d\",\"image\":\"j\"}", i ? "," : "", n - 1 - i);
	}
	sb_add(&d, "]}}");
	sb_add(&p, "]}}");
	doc = cJSON_Parse(d.s);
	patch = cJSON_Parse(p.s);
	ck_assert_int_eq(patch_strategic_apply(doc, patch, patch_schema_of(doc), &out, &err), 0);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(out, "spec"), "containers")), n);
	/* patch order wins: c19999 first */
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(out, "spec"),
				 "containers"), 0), "name")->valuestring, "c19999");
	ck_assert_int_eq(patch_strategic_create_threeway(doc, out, doc, patch_schema_of(doc), &back, &err), 0);
	cJSON_Delete(back);
	cJSON_Delete(out);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
	sb_free(&d);
	sb_free(&p);
}
END_TEST

static Suite *
patch_suite(void)
{
	Suite *s = suite_create("patch");
	TCase *tc = tcase_create("patch");

	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, t_kubectl_apply, 0, (int)(sizeof kubectl_cases / sizeof kubectl_cases[0]));
	tcase_add_test(tc, t_status_codes);
	tcase_add_test(tc, t_too_many_ops);
	tcase_add_test(tc, t_copy_bomb);
	tcase_add_loop_test(tc, t_create, 0, (int)(sizeof create_cases / sizeof create_cases[0]));
	tcase_add_loop_test(tc, t_kubectl_threeway, 0, (int)(sizeof kubectl_threeway / sizeof kubectl_threeway[0]));
	tcase_add_test(tc, t_merge_create);
	tcase_add_test(tc, t_schema);
	tcase_add_test(tc, t_no_schema);
	tcase_add_test(tc, t_depth_limit);
	tcase_add_test(tc, t_long_list);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(patch_suite)
