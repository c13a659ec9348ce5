What kubectl says about the cluster and itself, and annotations.

  $ kubectl version --client
  Client Version: v1.32.0
  Kustomize Version: v5.5.0

  $ kubesim cluster create --nodes 1 --clock manual
  Created a 1-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl version
  Client Version: v1.32.0
  Kustomize Version: v5.5.0
  Server Version: v1.32.0

  $ kubectl version -o json
  {
    "clientVersion": {
      "major": "1",
      "minor": "32",
      "gitVersion": "v1.32.0",
      "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",
      "gitTreeState": "clean",
      "buildDate": "2024-12-11T18:04:20Z",
      "goVersion": "go1.23.3",
      "compiler": "gc",
      "platform": "linux/amd64"
    },
    "kustomizeVersion": "v5.5.0",
    "serverVersion": {
      "major": "1",
      "minor": "32",
      "gitVersion": "v1.32.0",
      "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",
      "gitTreeState": "clean",
      "buildDate": "2024-12-11T18:04:20Z",
      "goVersion": "go1.23.3",
      "compiler": "gc",
      "platform": "linux/amd64"
    }
  }

  $ kubectl version --client -o yaml
  clientVersion:
    buildDate: "2024-12-11T18:04:20Z"
    compiler: gc
    gitCommit: 70d3cc986aa8221cd1dfb1121852688902d3bf53
    gitTreeState: clean
    gitVersion: v1.32.0
    goVersion: go1.23.3
    major: "1"
    minor: "32"
    platform: linux/amd64
  kustomizeVersion: v5.5.0
  

  $ kubectl cluster-info
  Kubernetes control plane is running at https://127.0.0.1:6443
  
  To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.

  $ kubectl api-resources
  NAME                  SHORTNAMES   APIVERSION               NAMESPACED   KIND
  events                ev           v1                       true         Event
  namespaces            ns           v1                       false        Namespace
  nodes                 no           v1                       false        Node
  pods                  po           v1                       true         Pod
  controllerrevisions                apps/v1                  true         ControllerRevision
  daemonsets            ds           apps/v1                  true         DaemonSet
  leases                             coordination.k8s.io/v1   true         Lease

  $ kubectl api-resources --namespaced=false -o name
  namespaces
  nodes

  $ kubectl annotate node node1 owner=team-a
  node/node1 annotated

  $ kubectl annotate node node1 owner=team-b
  2> error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team-a)
  [1]

  $ kubectl annotate node node1 owner=team-b --overwrite
  node/node1 annotated

  $ kubectl get node node1 -o jsonpath='{.metadata.annotations.owner}'
  team-b (no-eol)

  $ kubectl annotate node node1 owner-
  node/node1 annotated

  $ kubectl annotate node node1 =x
  2> error: at least one annotation update is required
  [1]

  $ kubectl annotate node node1
  2> error: at least one annotation update is required
  [1]

  $ kubectl frobnicate
  2> error: unknown command "frobnicate" for "kubectl"
  [1]

