kubectl apply merges three ways (the last-applied configuration, the file
and the live object), so what other commands changed survives a re-apply;
kubectl patch takes strategic, merge and JSON patches; kubectl scale has
no scale subresource to work on here.

  $ kubesim cluster create --nodes 2 --clock manual --bare
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

A label added by hand is not the file's to remove, so the re-apply is unchanged.

  $ kubectl label ds fluentd-es-demo team=obs
  daemonset.apps/fluentd-es-demo labeled

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo unchanged

  $ kubectl get ds fluentd-es-demo -o jsonpath='{.metadata.labels}{"\n"}'
  {"k8s-app":"fluentd-logging","team":"obs"}

rollout restart's annotation survives too: no second rollout.

  $ kubesim cluster advance 30s
  Advanced the clock by 30s; the cluster has run for 30s

  $ kubectl rollout restart ds/fluentd-es-demo
  daemonset.apps/fluentd-es-demo restarted

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo unchanged

  $ kubectl get ds fluentd-es-demo -o jsonpath='{.metadata.generation} {.spec.template.metadata.annotations}{"\n"}'
  2 {"kubectl.kubernetes.io/restartedAt":"2025-01-01T00:00:30Z"}

A label the file drops is removed; one it never had stays.

  $ sed 's/k8s-app: fluentd-logging/tier: logging/' ../../scenarios/cka/demo.yaml > "$SCRATCH/relabel.yaml"; kubectl apply -f "$SCRATCH/relabel.yaml"
  daemonset.apps/fluentd-es-demo configured

  $ kubectl get ds fluentd-es-demo -o jsonpath='{.metadata.labels}{"\n"}'
  {"team":"obs","tier":"logging"}

  $ kubectl apply -f "$SCRATCH/relabel.yaml" --dry-run=client
  daemonset.apps/fluentd-es-demo configured (dry run)

An object made by create --save-config applies cleanly, without the warning.

  $ kubectl create -f manifests/busybox-pod.yaml --save-config
  pod/sleeper created

  $ kubectl apply -f manifests/busybox-pod.yaml
  pod/sleeper unchanged

  $ kubectl get pod sleeper -o jsonpath='{.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}'
  {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"sleeper"},"name":"sleeper","namespace":"default"},"spec":{"containers":[{"command":["sleep","3600"],"image":"busybox:1.36","name":"sleep"}]}}

Patches of the three types.

  $ kubectl patch ds fluentd-es-demo -p '{"spec":{"template":{"spec":{"containers":[{"name":"fluentd-es-example","image":"fluentd:v2"}]}}}}'
  daemonset.apps/fluentd-es-demo patched

  $ kubectl patch ds fluentd-es-demo -p '{"spec":{"template":{"spec":{"containers":[{"name":"fluentd-es-example","image":"fluentd:v2"}]}}}}'
  daemonset.apps/fluentd-es-demo patched (no change)

  $ kubectl get ds fluentd-es-demo -o jsonpath='{range .spec.template.spec.containers[*]}{.name}={.image} {.volumeMounts[*].mountPath}{"\n"}{end}'
  fluentd-es-example=fluentd:v2 /var/log /var/lib/docker/containers

  $ kubectl patch ds fluentd-es-demo --type merge -p '{"spec":{"minReadySeconds":5}}' -o jsonpath='{.spec.minReadySeconds} {.metadata.generation}{"\n"}'
  5 4

  $ kubectl patch ds fluentd-es-demo --type json -p '[{"op":"replace","path":"/spec/updateStrategy/rollingUpdate/maxUnavailable","value":2}]'
  daemonset.apps/fluentd-es-demo patched

  $ kubectl patch ds fluentd-es-demo --type json -p '[{"op":"remove","path":"/spec/nosuch"}]'
  2> The request is invalid: error in remove for path: '/spec/nosuch': Unable to remove nonexistent key: nosuch: missing value
  [1]

  $ kubectl patch ds fluentd-es-demo --type json -p '[{"op":"test","path":"/spec/minReadySeconds","value":6}]'
  2> The request is invalid: testing value /spec/minReadySeconds failed: test failed
  [1]

  $ kubectl patch ds fluentd-es-demo -p 'spec: {revisionHistoryLimit: -1}'
  2> The DaemonSet "fluentd-es-demo" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0
  [1]

  $ kubectl patch node node1 -p '{"spec":{"unschedulable":true}}'
  node/node1 patched

  $ kubectl get node node1
  NAME    STATUS                     ROLES    AGE   VERSION
  node1   Ready,SchedulingDisabled   <none>   30s   v1.32.0

  $ kubectl patch ds nosuch -p '{}'
  2> Error from server (NotFound): daemonsets.apps "nosuch" not found
  [1]

  $ kubectl patch ds fluentd-es-demo
  2> error: must specify --patch or --patch-file containing the contents of the patch
  [1]

  $ kubectl patch ds fluentd-es-demo -p '{}' --type foo
  2> error: --type must be one of [json merge strategic], not "foo"
  [1]

  $ kubectl patch ds fluentd-es-demo -p '{}' --patch-file "$SCRATCH/nope.json"
  2> error: cannot specify --patch and --patch-file together
  [1]

  $ kubectl patch ds fluentd-es-demo --patch-file "$SCRATCH/nope.json"
  2> error: unable to read patch file: open $SCRATCH/nope.json: no such file or directory
  [1]

  $ printf 'metadata:\n  labels:\n    from-file: "yes"\n' > "$SCRATCH/p.yaml"; kubectl patch ds/fluentd-es-demo --patch-file "$SCRATCH/p.yaml" --dry-run=server -o jsonpath='{.metadata.labels.from-file}{"\n"}'
  yes

  $ kubectl scale ds fluentd-es-demo --replicas=3
  2> Error from server (NotFound): the server could not find the requested resource
  [1]

  $ kubectl scale ds nosuch --replicas=3
  2> error: no objects passed to scale daemonsets.apps "nosuch" not found
  [1]

  $ kubectl scale ds fluentd-es-demo
  2> error: required flag(s) "replicas" not set
  [1]

  $ kubectl scale ds fluentd-es-demo --replicas=-2
  2> error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
  [1]

apply --dry-run=client sends nothing, so it neither warns nor compares.

  $ kubectl apply -f "$SCRATCH/relabel.yaml" --dry-run=client
  daemonset.apps/fluentd-es-demo configured (dry run)

  $ kubectl apply view-last-applied ds/fluentd-es-demo | head -5
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    annotations: {}
    labels:

  $ kubectl apply view-last-applied pod sleeper -o json
  {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
      "annotations": {},
      "labels": {
        "app": "sleeper"
      },
      "name": "sleeper",
      "namespace": "default"
    },
    "spec": {
      "containers": [
        {
          "command": [
            "sleep",
            "3600"
          ],
          "image": "busybox:1.36",
          "name": "sleep"
        }
      ]
    }
  }

  $ kubectl apply view-last-applied ds fluentd-es-demo -o wide
  2> error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json
  2> See 'kubectl apply view-last-applied -h' for help and examples
  [1]

  $ kubectl apply view-last-applied node node1

  $ kubectl apply view-last-applied
  2> error: You must provide one or more resources by argument or filename.
  2> Example resource specifications include:
  2>    '-f rsrc.yaml'
  2>    '--filename=rsrc.json'
  2>    '<resource> <name>'
  2>    '<resource>'
  [1]

  $ kubectl apply -f "$SCRATCH/relabel.yaml" --prune
  2> error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector
  [1]

  $ kubectl apply -f "$SCRATCH/relabel.yaml" --force-conflicts
  2> error: --force-conflicts only works with --server-side
  [1]

  $ kubectl apply -f "$SCRATCH/relabel.yaml" --server-side
  2> error: kubesim's kubectl has no server-side apply (field managers are not simulated); leave out --server-side
  [1]

  $ kubectl create -f manifests/busybox-pod.yaml --edit
  2> error: kubesim's kubectl opens no editor; edit the file, then create it without --edit
  [1]

replace --force deletes, waits, and creates: how a pod's spec is changed.

  $ kubectl replace -f manifests/busybox-pod.yaml --grace-period=0
  2> error: --grace-period must have --force specified
  [1]

  $ sed 's/"3600"/"7200"/' manifests/busybox-pod.yaml > "$SCRATCH/longer.yaml"; kubectl replace -f "$SCRATCH/longer.yaml"
  2> The Pod "sleeper" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)
  [1]

  $ kubectl replace -f "$SCRATCH/longer.yaml" --force
  pod "sleeper" deleted
  pod/sleeper replaced

  $ kubectl get pod sleeper -o jsonpath='{.spec.containers[0].command}{"\n"}'
  ["sleep","7200"]
