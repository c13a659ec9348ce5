Output formats of kubectl get: JSON and YAML objects and lists, names,
JSONPath with filters and ranges, and field selectors.

  $ kubesim cluster create --nodes 2 --clock manual --bare
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl create -f manifests/busybox-pod.yaml
  pod/sleeper created

  $ kubesim cluster advance 30s
  Advanced the clock by 30s; the cluster has run for 30s

  $ kubectl get pod sleeper -o yaml
  apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-01-01T00:00:00Z"
    labels:
      app: sleeper
    name: sleeper
    namespace: default
    resourceVersion: "13"
    uid: b27a48e2-9a23-4673-a4c1-23126ffda722
  spec:
    containers:
    - command:
      - sleep
      - "3600"
      image: busybox:1.36
      imagePullPolicy: IfNotPresent
      name: sleep
      resources: {}
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    dnsPolicy: ClusterFirst
    enableServiceLinks: true
    nodeName: node1
    preemptionPolicy: PreemptLowerPriority
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    securityContext: {}
    serviceAccount: default
    serviceAccountName: default
    terminationGracePeriodSeconds: 30
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-01-01T00:00:00Z"
      status: "True"
      type: PodReadyToStartContainers
    - lastProbeTime: null
      lastTransitionTime: "2025-01-01T00:00:00Z"
      status: "True"
      type: Initialized
    - lastProbeTime: null
      lastTransitionTime: "2025-01-01T00:00:02Z"
      status: "True"
      type: Ready
    - lastProbeTime: null
      lastTransitionTime: "2025-01-01T00:00:02Z"
      status: "True"
      type: ContainersReady
    - lastProbeTime: null
      lastTransitionTime: "2025-01-01T00:00:00Z"
      status: "True"
      type: PodScheduled
    containerStatuses:
    - containerID: containerd://f58622bc040ceb539a221f30cfb79cf0137ff4b59ceaf5b2aa00dad653e8af53
      image: docker.io/library/busybox:1.36
      imageID: docker.io/library/busybox@sha256:a8e33d7399c78c0eca79c9082c1c9c9867c7785707f05933b9e6452164c8864b
      lastState: {}
      name: sleep
      ready: true
      restartCount: 0
      started: true
      state:
        running:
          startedAt: "2025-01-01T00:00:02Z"
    hostIP: 172.18.0.2
    phase: Running
    podIP: 10.244.0.2
    podIPs:
    - ip: 10.244.0.2
    qosClass: BestEffort
    startTime: "2025-01-01T00:00:00Z"

  $ kubectl get nodes -o name
  node/node1
  node/node2

  $ kubectl get nodes -o jsonpath='{.items[*].metadata.name}'
  node1 node2 (no-eol)

  $ kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}'
  node1	True
  node2	True

  $ kubectl get pods -o jsonpath='{.items[0].spec.containers[0].image}{"\n"}'
  busybox:1.36

  $ kubectl get pods --field-selector status.phase=Running
  NAME      READY   STATUS    RESTARTS   AGE
  sleeper   1/1     Running   0          30s

  $ kubectl get pods --field-selector spec.nodeName=node1
  NAME      READY   STATUS    RESTARTS   AGE
  sleeper   1/1     Running   0          30s

  $ kubectl get pods --field-selector metadata.name=sleeper -o name
  pod/sleeper

  $ kubectl get pods --field-selector spec.foo=bar
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo
  [1]

  $ kubectl get pods -o json | grep -c '"kind": "List"'
  1

  $ kubectl get pods -o jsonpath='{.items[0].metadata.name'
  2> error: error parsing jsonpath {.items[0].metadata.name, unclosed action
  [1]

Events live an hour after their last update (kube-apiserver's --event-ttl).

  $ kubectl get events -o name | wc -l
  4

  $ kubesim cluster advance 61m
  Advanced the clock by 1h1m0s; the cluster has run for 1h1m30s

  $ kubectl get events
  2> No resources found in default namespace.

