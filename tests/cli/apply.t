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
  daemonset.apps/fluentd-es-demo unchanged (dry run)

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
