Namespaces are objects (core/v1 Namespace): the four a cluster starts with,
create and delete (Terminating while the namespace controller empties it),
NamespaceLifecycle admission; and the kubelets' Leases in kube-node-lease.
Each command is a separate kubesim process, so what a namespace went
through also survives the state file's replay.

  $ kubesim cluster create --nodes 2 --clock manual
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl get ns --show-labels
  NAME              STATUS   AGE   LABELS
  default           Active   2m    kubernetes.io/metadata.name=default
  kube-node-lease   Active   2m    kubernetes.io/metadata.name=kube-node-lease
  kube-public       Active   2m    kubernetes.io/metadata.name=kube-public
  kube-system       Active   2m    kubernetes.io/metadata.name=kube-system

  $ kubectl get namespace default -o yaml
  apiVersion: v1
  kind: Namespace
  metadata:
    creationTimestamp: "2025-01-01T00:00:00Z"
    labels:
      kubernetes.io/metadata.name: default
    name: default
    resourceVersion: "1"
    uid: 2e4f9885-c9c4-418d-b17a-2da282a1460e
  spec:
    finalizers:
    - kubernetes
  status:
    phase: Active

  $ kubectl describe ns kube-system
  Name:         kube-system
  Labels:       kubernetes.io/metadata.name=kube-system
  Annotations:  <none>
  Status:       Active
  
  No resource quota.
  
  No LimitRange resource.

  $ kubectl create ns dev
  namespace/dev created

  $ kubectl create namespace dev
  2> Error from server (AlreadyExists): namespaces "dev" already exists
  [1]

  $ kubectl create ns Dev
  2> The Namespace "Dev" is invalid: metadata.name: Invalid value: "Dev": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
  [1]

  $ kubectl create ns
  2> error: exactly one NAME is required, got 0
  2> See 'kubectl create namespace -h' for help and examples
  [1]

  $ kubectl create ns staging --dry-run=client -o yaml
  apiVersion: v1
  kind: Namespace
  metadata:
    creationTimestamp: null
    name: staging
  spec: {}
  status: {}

  $ kubectl create ns staging --dry-run=server
  namespace/staging created (server dry run)

  $ kubectl get ns staging
  2> Error from server (NotFound): namespaces "staging" not found
  [1]

  $ kubectl label ns dev tier=backend
  namespace/dev labeled

  $ kubectl get ns --field-selector status.phase=Active -l tier=backend
  NAME   STATUS   AGE
  dev    Active   0s

  $ kubectl get ns --field-selector metadata.namespace=dev
  2> Error from server (BadRequest): Unable to find "/v1, Resource=namespaces" that match label selector "", field selector "metadata.namespace=dev": field label not supported: metadata.namespace
  [1]

  $ kubectl create -f manifests/team-a-namespace.yaml
  namespace/team-a created

  $ kubectl apply -f manifests/team-a-namespace.yaml
  namespace/team-a configured
  2> Warning: resource namespaces/team-a is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.

  $ kubectl apply -f manifests/team-a-namespace.yaml
  namespace/team-a unchanged

  $ kubectl replace -f manifests/team-a-namespace.yaml
  namespace/team-a replaced

  $ kubectl get ns team-a -L team -o wide
  NAME     STATUS   AGE   TEAM
  team-a   Active   0s    a

  $ kubectl create -f manifests/nowhere-pod.yaml
  2> Error from server (NotFound): error when creating "manifests/nowhere-pod.yaml": namespaces "nowhere" not found
  [1]

  $ kubectl get pods -n nowhere
  2> No resources found in nowhere namespace.

  $ kubectl create -f manifests/team-a-pod.yaml
  pod/web created

  $ kubesim cluster advance 10s
  Advanced the clock by 10s; the cluster has run for 2m10s

  $ kubectl get pods -n team-a
  NAME   READY   STATUS    RESTARTS   AGE
  web    1/1     Running   0          10s

  $ kubectl delete ns team-a --wait=false
  namespace "team-a" deleted

  $ kubectl get ns team-a
  NAME     STATUS        AGE
  team-a   Terminating   10s

  $ kubectl create -f manifests/team-a-pod.yaml
  2> Error from server (Forbidden): error when creating "manifests/team-a-pod.yaml": pods "web" is forbidden: unable to create new content in namespace team-a because it is being terminated
  [1]

  $ kubesim cluster advance 1s
  Advanced the clock by 1s; the cluster has run for 2m11s

  $ kubectl describe ns team-a
  Name:         team-a
  Labels:       kubernetes.io/metadata.name=team-a
                team=a
  Annotations:  <none>
  Status:       Terminating
  Conditions:
    Type                                         Status  LastTransitionTime               Reason                  Message
    ----                                         ------  ------------------               ------                  -------
    NamespaceDeletionDiscoveryFailure            False   Wed, 01 Jan 2025 00:02:10 +0000  ResourcesDiscovered     All resources successfully discovered
    NamespaceDeletionGroupVersionParsingFailure  False   Wed, 01 Jan 2025 00:02:10 +0000  ParsedGroupVersions     All legacy kube types successfully parsed
    NamespaceDeletionContentFailure              False   Wed, 01 Jan 2025 00:02:10 +0000  ContentDeleted          All content successfully deleted, may be waiting on finalization
    NamespaceContentRemaining                    True    Wed, 01 Jan 2025 00:02:10 +0000  SomeResourcesRemain     Some resources are remaining: pods. has 1 resource instances
    NamespaceFinalizersRemaining                 False   Wed, 01 Jan 2025 00:02:10 +0000  ContentHasNoFinalizers  All content-preserving finalizers finished
  
  No resource quota.
  
  No LimitRange resource.

  $ kubectl get ns team-a -o jsonpath='{.status.conditions[?(@.type=="NamespaceContentRemaining")].message}{"\n"}'
  Some resources are remaining: pods. has 1 resource instances

  $ kubesim cluster advance 5s
  Advanced the clock by 5s; the cluster has run for 2m16s

  $ kubectl get ns team-a
  2> Error from server (NotFound): namespaces "team-a" not found
  [1]

  $ kubectl get pods -n team-a
  2> No resources found in team-a namespace.

  $ kubectl delete ns dev
  namespace "dev" deleted

  $ kubectl get ns -o name
  namespace/default
  namespace/kube-node-lease
  namespace/kube-public
  namespace/kube-system

  $ kubectl delete ns default kube-system kube-public
  2> Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted
  2> Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted
  2> Error from server (Forbidden): namespaces "kube-public" is forbidden: this namespace may not be deleted
  [1]

  $ kubectl get lease -n kube-node-lease
  NAME    HOLDER   AGE
  node1   node1    2m16s
  node2   node2    2m16s

  $ kubectl get lease node1 -n kube-node-lease -o yaml
  apiVersion: coordination.k8s.io/v1
  kind: Lease
  metadata:
    creationTimestamp: "2025-01-01T00:00:00Z"
    name: node1
    namespace: kube-node-lease
    ownerReferences:
    - apiVersion: v1
      kind: Node
      name: node1
      uid: b3f2af6d-0fc7-40c5-853b-559647364cea
    resourceVersion: "6"
    uid: 0efd3985-1e30-4383-9923-d97ad95ffbf8
  spec:
    holderIdentity: node1
    leaseDurationSeconds: 40
    renewTime: "2025-01-01T00:02:10.000000Z"

  $ kubectl describe lease node1 -n kube-node-lease
  Name:         node1
  Namespace:    kube-node-lease
  Labels:       <none>
  Annotations:  <none>
  API Version:  coordination.k8s.io/v1
  Kind:         Lease
  Metadata:
    Creation Timestamp:  2025-01-01T00:00:00Z
    Owner References:
      API Version:     v1
      Kind:            Node
      Name:            node1
      UID:             b3f2af6d-0fc7-40c5-853b-559647364cea
    Resource Version:  6
    UID:               0efd3985-1e30-4383-9923-d97ad95ffbf8
  Spec:
    Holder Identity:         node1
    Lease Duration Seconds:  40
    Renew Time:              2025-01-01T00:02:10.000000Z
  Events:                    <none>

  $ kubectl describe lease node1
  2> Error from server (NotFound): leases.coordination.k8s.io "node1" not found
  [1]

  $ kubesim cluster fail-node node2
  node/node2 failed (its kubelet stops posting status)

  $ kubesim cluster advance 2m
  Advanced the clock by 2m0s; the cluster has run for 4m16.05s

  $ kubectl describe node node2 | grep -A3 '^Lease:'
  Lease:
    HolderIdentity:  node2
    AcquireTime:     <unset>
    RenewTime:       Wed, 01 Jan 2025 00:02:10 +0000

  $ kubectl get lease node2 -n kube-node-lease -o jsonpath='{.spec.renewTime}{"\n"}'
  2025-01-01T00:02:10.000000Z

  $ kubectl describe node node1 | grep -A3 '^Lease:'
  Lease:
    HolderIdentity:  node1
    AcquireTime:     <unset>
    RenewTime:       Wed, 01 Jan 2025 00:04:10 +0000

  $ kubesim cluster remove-node node2
  node/node2 removed (the machine is gone)

  $ kubesim cluster advance 1s
  Advanced the clock by 1s; the cluster has run for 4m17.05s

  $ kubectl get leases -n kube-node-lease -o name
  lease.coordination.k8s.io/node1
