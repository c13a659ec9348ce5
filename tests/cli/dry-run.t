Dry runs and the API layer's answers: --dry-run=client prints what would be
sent and sends nothing, --dry-run=server runs admission and validation and
stores nothing, -o prints the object a write returns, and a stale
resourceVersion is a 409 Conflict.

  $ kubesim cluster create --nodes 2 --clock manual --bare
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl create -f ../../scenarios/cka/demo.yaml --dry-run=client
  daemonset.apps/fluentd-es-demo created (dry run)

  $ kubectl create -f ../../scenarios/cka/demo.yaml --dry-run=server
  daemonset.apps/fluentd-es-demo created (server dry run)

  $ kubectl get ds
  2> No resources found in default namespace.

  $ kubectl create -f ../../scenarios/cka/demo.yaml --dry-run=client -o yaml
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    labels:
      k8s-app: fluentd-logging
    name: fluentd-es-demo
    namespace: default
  spec:
    selector:
      matchLabels:
        name: fluentd-es
    template:
      metadata:
        labels:
          name: fluentd-es
      spec:
        containers:
        - image: k8s.gcr.io/fluentd-elasticsearch:1.20
          name: fluentd-es-example
          resources:
            limits:
              memory: 200Mi
            requests:
              cpu: 100m
              memory: 200Mi
          volumeMounts:
          - mountPath: /var/log
            name: varlog
          - mountPath: /var/lib/docker/containers
            name: varlibdockercontainers
            readOnly: true
        terminationGracePeriodSeconds: 30
        tolerations:
        - effect: NoSchedule
          key: node-role.kubernetes.io/master
        volumes:
        - hostPath:
            path: /var/log
          name: varlog
        - hostPath:
            path: /var/lib/docker/containers
          name: varlibdockercontainers

  $ kubectl create -f ../../scenarios/cka/demo.yaml --dry-run=server -o jsonpath='{.metadata.generation} {.spec.template.spec.containers[0].imagePullPolicy} {.metadata.resourceVersion}{"\n"}'
  1 IfNotPresent 

  $ kubectl create -f ../../scenarios/cka/demo.yaml --dry-run
  daemonset.apps/fluentd-es-demo created (dry run)
  2> W0101 00:00:00.000000       1 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.

  $ kubectl create -f ../../scenarios/cka/demo.yaml --dry-run=maybe
  2> error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
  [1]

  $ kubectl create -f ../../scenarios/cka/demo.yaml -o name
  daemonset.apps/fluentd-es-demo

  $ kubectl apply -f ../../scenarios/cka/demo.yaml --dry-run=server
  daemonset.apps/fluentd-es-demo configured (server dry run)
  2> Warning: resource daemonsets/fluentd-es-demo is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.

  $ kubectl label ds fluentd-es-demo tier=logging --dry-run=client
  daemonset.apps/fluentd-es-demo labeled (dry run)

  $ kubectl label ds fluentd-es-demo tier=logging --dry-run=server -o jsonpath='{.metadata.labels}{"\n"}'
  {"k8s-app":"fluentd-logging","tier":"logging"}

  $ kubectl get ds fluentd-es-demo --show-labels
  NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   LABELS
  fluentd-es-demo   0         0         0       0            0           <none>          0s    k8s-app=fluentd-logging

  $ kubectl label ds fluentd-es-demo tier=logging --resource-version=1
  2> Error from server (Conflict): Operation cannot be fulfilled on daemonsets.apps "fluentd-es-demo": the object has been modified; please apply your changes to the latest version and try again
  [1]

  $ kubectl label ds fluentd-es-demo tier=logging -o name
  daemonset.apps/fluentd-es-demo

  $ kubectl annotate ds fluentd-es-demo note=x --dry-run=true
  daemonset.apps/fluentd-es-demo annotated (dry run)
  2> W0101 00:00:00.000000       1 helpers.go:716] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.

taint and patch never say "(dry run)": their Complete sets the suffix
before ToPrinter overwrites the operation it was added to.

  $ kubectl taint node node1 dedicated=infra:NoSchedule --dry-run=server
  node/node1 tainted

  $ kubectl taint node node1 dedicated=infra:NoSchedule --dry-run=client
  node/node1 tainted

  $ kubectl patch node node1 -p '{"metadata":{"labels":{"a":"b"}}}' --dry-run=server
  node/node1 patched

  $ kubectl patch node node1 -p '{}' --dry-run=client
  node/node1 patched (no change)

  $ kubectl describe node node1 | grep Taints
  Taints:             <none>

  $ kubectl cordon node1 --dry-run=client
  node/node1 cordoned (dry run)

  $ kubectl uncordon node1 --dry-run=server
  node/node1 already uncordoned (server dry run)

  $ kubectl get nodes
  NAME    STATUS   ROLES    AGE   VERSION
  node1   Ready    <none>   0s    v1.32.0
  node2   Ready    <none>   0s    v1.32.0

  $ kubectl set image ds/fluentd-es-demo fluentd-es-example=nginx --dry-run=server -o jsonpath='{.spec.template.spec.containers[0].image} {.metadata.generation}{"\n"}'
  nginx 2

  $ kubectl get ds fluentd-es-demo -o jsonpath='{.spec.template.spec.containers[0].image} {.metadata.generation}{"\n"}'
  k8s.gcr.io/fluentd-elasticsearch:1.20 1

  $ kubectl rollout undo ds/fluentd-es-demo --dry-run=client
  2> error: no last revision to roll back to
  [1]

  $ kubectl rollout restart ds/fluentd-es-demo --dry-run=client
  2> error: unknown flag: --dry-run
  2> See 'kubectl rollout restart --help' for usage.
  [1]

  $ kubectl rollout history ds/fluentd-es-demo
  daemonset.apps/fluentd-es-demo 
  No rollout history found.

  $ kubectl drain node1 --ignore-daemonsets --dry-run=client
  node/node1 cordoned (dry run)
  node/node1 drained (dry run)

  $ kubectl drain node2 --ignore-daemonsets --dry-run=server
  node/node2 cordoned (server dry run)
  node/node2 drained (server dry run)

  $ kubectl delete ds fluentd-es-demo --dry-run=server
  daemonset.apps "fluentd-es-demo" deleted (server dry run)

  $ kubectl delete ds fluentd-es-demo --dry-run=client -o name
  daemonset.apps/fluentd-es-demo

  $ kubectl get ds -o name
  daemonset.apps/fluentd-es-demo

  $ kubectl replace -f ../../scenarios/cka/demo.yaml -o jsonpath='{.metadata.generation}{"\n"}'
  1

  $ kubectl get ds fluentd-es-demo -o yaml > "$SCRATCH/live.yaml"; sed -i 's/resourceVersion: .*/resourceVersion: "2"/' "$SCRATCH/live.yaml"; kubectl replace -f "$SCRATCH/live.yaml"
  2> Error from server (Conflict): error when replacing "$SCRATCH/live.yaml": Operation cannot be fulfilled on daemonsets.apps "fluentd-es-demo": the object has been modified; please apply your changes to the latest version and try again
  [1]

  $ kubectl delete ds fluentd-es-demo -o name
  daemonset.apps/fluentd-es-demo

kubectl create clears the resourceVersion a manifest carries (resource.Helper
does, before it posts), so a live object's dump creates it again.

  $ kubectl create -f "$SCRATCH/live.yaml"
  daemonset.apps/fluentd-es-demo created

  $ kubectl cordon --dry-run=bogus
  2> error: USAGE: cordon NODE [flags]
  2> See 'kubectl cordon -h' for help and examples
  [1]

  $ kubectl drain --dry-run=bogus
  2> error: USAGE: drain NODE [flags]
  2> See 'kubectl drain -h' for help and examples
  [1]

  $ kubectl delete --all
  2> error: at least one resource must be specified to use a selector
  [1]

Every kind takes labels through the same update path, leases too.

  $ kubectl label lease node1 -n kube-node-lease team=infra
  lease.coordination.k8s.io/node1 labeled

  $ kubectl get lease node1 -n kube-node-lease --show-labels
  NAME    HOLDER   AGE   LABELS
  node1   node1    0s    team=infra

  $ kubectl patch lease node1 -n kube-node-lease -p '{"metadata":{"annotations":{"note":"x"}}}'
  lease.coordination.k8s.io/node1 patched

  $ kubectl patch lease node1 -n kube-node-lease -p '{"metadata":{"annotations":{"note":"x"}}}'
  lease.coordination.k8s.io/node1 patched (no change)

  $ kubectl patch lease node1 -n kube-node-lease --type merge -p '{"spec":{"holderIdentity":"me"}}'
  2> Error from server (BadRequest): kubesim lets clients change only the metadata of leases.coordination.k8s.io
  [1]

  $ kubectl get lease node1 -n kube-node-lease -o jsonpath='{.spec.holderIdentity} {.metadata.annotations.note}{"\n"}'
  node1 x
