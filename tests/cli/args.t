Argument checks and errors of kubectl v1.32 that kubesim's kubectl copies
(each expected text is the real kubectl's, checked against it).

  $ kubesim cluster create --nodes 2 --clock manual --bare
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl create -f manifests/busybox-pod.yaml
  pod/sleeper created

kubesim's kubectl stands for a kubeconfig whose context, cluster and user
are all "kubesim": other names, and a kubeconfig file that is not there,
get kubectl's errors. Verbs that first ask for the namespace word them as
the config validation does; the others as the REST config loader does.

  $ kubectl --context nosuch get nodes
  2> Error in configuration: context was not found for specified context: nosuch
  [1]
  $ kubectl get nodes --cluster nosuch
  2> error: no server found for cluster "nosuch"
  [1]
  $ kubectl --user nosuch get nodes -o name
  2> error: auth info "nosuch" does not exist
  [1]
  $ kubectl --context nosuch --cluster nosuch get pods
  2> Error in configuration: 
  2> * context was not found for specified context: nosuch
  2> * no server found for cluster "nosuch"
  [1]
  $ kubectl --context nosuch cordon node1
  2> error: context "nosuch" does not exist
  [1]
  $ kubectl --cluster nosuch explain pods
  2> error: cluster "nosuch" does not exist
  [1]
  $ kubectl --context nosuch --user nosuch api-resources
  2> error: auth info "nosuch" does not exist
  [1]
  $ kubectl --kubeconfig /nonexistent/config get nodes
  2> error: stat /nonexistent/config: no such file or directory
  [1]
  $ kubectl --kubeconfig / get nodes
  2> error: error loading config file "/": read /: is a directory
  [1]
  $ kubectl --context kubesim --cluster kubesim --user kubesim get nodes -o name
  node/node1
  node/node2
  $ kubectl --context nosuch version --client
  Client Version: v1.32.0
  Kustomize Version: v5.5.0
  $ kubectl --context nosuch rollout frob
  2> error: unknown command "frob"
  2> See 'kubectl rollout -h' for help and examples
  [1]

Kinds kubesim does not simulate get only the error a cluster without them gives.

  $ kubectl get deployments
  2> error: the server doesn't have a resource type "deployments"
  [1]
  $ kubectl rollout history deployment/web
  2> error: the server doesn't have a resource type "deployment"
  [1]

An unknown subcommand of rollout or set names every argument left.

  $ kubectl rollout frob ds/web
  2> error: unknown command "frob ds/web"
  2> See 'kubectl rollout -h' for help and examples
  [1]
  $ kubectl set frob -n x ds/web a=b
  2> error: unknown command "frob ds/web a=b"
  2> See 'kubectl set -h' for help and examples
  [1]

create refuses words that name no generator; the generators of kinds
kubesim does not simulate check their arguments, then say so.

  $ kubectl create frob bar
  2> error: Unexpected args: [frob bar]
  2> See 'kubectl create -h' for help and examples
  [1]
  $ kubectl create deployment
  2> error: required flag(s) "image" not set
  [1]
  $ kubectl create deployment a b --image=nginx
  2> error: exactly one NAME is required, got 2
  2> See 'kubectl create deployment -h' for help and examples
  [1]
  $ kubectl create deployment web --image=nginx
  2> error: kubesim does not simulate Deployments (kubesim simulates DaemonSets; --dry-run=client prints the one kubectl would create)
  [1]
  $ kubectl create deployment web --image=nginx --dry-run=client
  deployment.apps/web created (dry run)
  $ kubectl create deployment web --image=nginx:1.27 --dry-run=client -o json
  {
      "kind": "Deployment",
      "apiVersion": "apps/v1",
      "metadata": {
          "name": "web",
          "creationTimestamp": null,
          "labels": {
              "app": "web"
          }
      },
      "spec": {
          "replicas": 1,
          "selector": {
              "matchLabels": {
                  "app": "web"
              }
          },
          "template": {
              "metadata": {
                  "creationTimestamp": null,
                  "labels": {
                      "app": "web"
                  }
              },
              "spec": {
                  "containers": [
                      {
                          "name": "nginx",
                          "image": "nginx:1.27",
                          "resources": {}
                      }
                  ]
              }
          },
          "strategy": {}
      },
      "status": {}
  }
  $ kubectl create deployment web --image=registry.k8s.io/pause@sha256:abc --port=80 -r 3 -n shop --dry-run=client -o yaml
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    creationTimestamp: null
    labels:
      app: web
    name: web
    namespace: shop
  spec:
    replicas: 3
    selector:
      matchLabels:
        app: web
    strategy: {}
    template:
      metadata:
        creationTimestamp: null
        labels:
          app: web
      spec:
        containers:
        - image: registry.k8s.io/pause@sha256:abc
          name: pause
          ports:
          - containerPort: 80
          resources: {}
  status: {}
  $ kubectl create deploy web --image=my_app.v2 --dry-run=client -o jsonpath='{.spec.template.spec.containers[0].name}{"\n"}'
  my-app-v2-pdl9t
  $ kubectl create configmap
  2> error: exactly one NAME is required, got 0
  2> See 'kubectl create configmap -h' for help and examples
  [1]
  $ kubectl create cm x
  2> error: kubesim does not simulate ConfigMaps
  [1]
  $ kubectl create secret
  2> Create a secret with specified type.
  2> 
  2>  A docker-registry type secret is for accessing a container registry.
  2> 
  2>  A generic type secret indicate an Opaque secret type.
  2> 
  2>  A tls type secret holds TLS certificate and its associated key.
  2> 
  2> Available Commands:
  2>   docker-registry   Create a secret for use with a Docker registry
  2>   generic           Create a secret from a local file, directory, or literal value
  2>   tls               Create a TLS secret
  2> 
  2> Usage:
  2>   kubectl create secret (docker-registry | generic | tls) [options]
  2> 
  2> Use "kubectl create secret <command> --help" for more information about a given command.
  2> Use "kubectl options" for a list of global command-line options (applies to all commands).
  [1]
  $ kubectl create secret tls
  2> error: exactly one NAME is required, got 0
  2> See 'kubectl create secret tls -h' for help and examples
  [1]
  $ kubectl create secret frob
  2> error: unknown command "frob"
  2> See 'kubectl create secret -h' for help and examples
  [1]

Commands kubesim does not simulate: kubectl's errors for missing or bad
arguments, one line for a well-formed call.

  $ kubectl logs
  2> error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
  2> POD or TYPE/NAME is a required argument for the logs command
  2> See 'kubectl logs -h' for help and examples
  [1]
  $ kubectl logs nosuch
  2> error: error from server (NotFound): pods "nosuch" not found in namespace "default"
  [1]
  $ kubectl logs sleeper
  2> error: kubesim does not simulate container logs (kubectl logs)
  [1]
  $ kubectl exec
  2> error: pod, type/name or --filename must be specified
  [1]
  $ kubectl exec sleeper
  2> error: you must specify at least one command for the container
  [1]
  $ kubectl exec sleeper -- ls
  2> error: kubesim does not simulate running commands in containers (kubectl exec)
  [1]
  $ kubectl edit
  2> error: You must provide one or more resources by argument or filename.
  2> Example resource specifications include:
  2>    '-f rsrc.yaml'
  2>    '--filename=rsrc.json'
  2>    '<resource> <name>'
  2>    '<resource>'
  [1]
  $ kubectl edit node nosuch
  2> Error from server (NotFound): nodes "nosuch" not found
  [1]
  $ kubectl expose
  2> error: You must provide one or more resources by argument or filename.
  2> Example resource specifications include:
  2>    '-f rsrc.yaml'
  2>    '--filename=rsrc.json'
  2>    '<resource> <name>'
  2>    '<resource>'
  [1]
  $ kubectl run
  2> error: required flag(s) "image" not set
  [1]
  $ kubectl run --image=nginx
  2> error: NAME is required for run
  2> See 'kubectl run -h' for help and examples
  [1]
  $ kubectl run web --image=nginx --dry-run=client
  pod/web created (dry run)
  $ kubectl top
  2> Display resource (CPU/memory) usage.
  2> 
  2>  The top command allows you to see the resource consumption for nodes or pods.
  2> 
  2>  This command requires Metrics Server to be correctly configured and working on the server.
  2> 
  2> Available Commands:
  2>   node          Display resource (CPU/memory) usage of nodes
  2>   pod           Display resource (CPU/memory) usage of pods
  2> 
  2> Usage:
  2>   kubectl top [flags] [options]
  2> 
  2> Use "kubectl top <command> --help" for more information about a given command.
  2> Use "kubectl options" for a list of global command-line options (applies to all commands).
  [1]
  $ kubectl top nodes
  2> error: Metrics API not available
  [1]
  $ kubectl top frob
  2> error: unknown command "frob"
  2> See 'kubectl top -h' for help and examples
  [1]
  $ kubectl port-forward
  2> error: TYPE/NAME and list of ports are required for port-forward
  2> See 'kubectl port-forward -h' for help and examples
  [1]
  $ kubectl wait --for=bogus pod/sleeper
  2> error: unrecognized condition: "bogus"
  [1]
  $ kubectl wait pod/sleeper
  2> error: unrecognized condition: ""
  [1]
  $ kubectl wait --for=delete
  2> error: You must provide one or more resources by argument or filename.
  2> Example resource specifications include:
  2>    '-f rsrc.yaml'
  2>    '--filename=rsrc.json'
  2>    '<resource> <name>'
  2>    '<resource>'
  [1]
  $ kubectl diff
  2> error: must specify one of -f and -k
  [2]
  $ kubectl diff -f /nonexistent.yaml
  2> error: the path "/nonexistent.yaml" does not exist
  [2]
  $ kubectl proxy --port=abc
  2> error: invalid argument "abc" for "-p, --port" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl proxy --help' for usage.
  [1]
  $ kubectl kustomize /nonexistent
  2> error: must build at directory: not a valid directory: evalsymlink failure on '/nonexistent' : lstat /nonexistent: no such file or directory
  [1]
  $ kubectl plugin list
  2> error: unable to find any kubectl plugins in your PATH
  [1]
  $ kubectl api-versions
  apps/v1
  coordination.k8s.io/v1
  v1

config reads kubesim's kubeconfig, which has no server: this kubectl
reaches the practice cluster without one.

  $ kubectl config view
  apiVersion: v1
  clusters:
  - cluster:
      server: ""
    name: kubesim
  contexts:
  - context:
      cluster: kubesim
      user: kubesim
    name: kubesim
  current-context: kubesim
  kind: Config
  preferences: {}
  users:
  - name: kubesim
    user: {}
  $ kubectl config view --minify -o jsonpath='{.current-context}'
  kubesim (no-eol)
  $ kubectl config current-context
  kubesim
  $ kubectl config get-contexts
  CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE
  *         kubesim   kubesim   kubesim    
  $ kubectl config get-contexts -o name
  kubesim
  $ kubectl config get-contexts nosuch
  CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE
  2> error: context nosuch not found
  [1]
  $ kubectl config use-context kubesim
  Switched to context "kubesim".
  $ kubectl config use-context nosuch
  2> error: no context exists with the name: "nosuch"
  [1]
  $ kubectl config set-context x
  2> error: kubesim does not simulate changing the kubeconfig (kubesim's has one context, "kubesim")
  [1]
  $ kubectl config frob
  2> error: unknown command "frob"
  2> See 'kubectl config -h' for help and examples
  [1]

label, taint, cordon, drain, delete and set image check their arguments
as kubectl does.

  $ kubesim cluster add-node node3 --label disktype=ssd
  node/node3 joined (NotReady until its kubelet reports, about 1s)
  $ kubectl label pods a=b
  2> error: resource(s) were provided, but no name was specified
  [1]
  $ kubectl taint nodes node1 key=value:NoSchedule key-
  2> error: can not both modify and remove the following taint(s) in the same command: key=
  [1]
  $ kubectl taint nodes node1 key=value:NoSchedule key=value:NoSchedule- k2=v:NoExecute k2-
  2> error: can not both modify and remove the following taint(s) in the same command: key=NoSchedule, k2=
  [1]
  $ kubectl taint nodes node1 =value:NoSchedule
  2> error: invalid taint spec: =value:NoSchedule, name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
  2> See 'kubectl taint -h' for help and examples
  [1]
  $ kubectl taint node1 key=value:NoSchedule
  2> the server doesn't have a resource type "node1"
  [1]
  $ kubectl taint pods sleeper key=value:NoSchedule
  2> error: invalid resource type pods, only node types are supported
  [1]
  $ kubectl cordon pods/sleeper
  2> error: expected resource of type node, got "/v1, Resource=pods"
  [1]
  $ kubectl cordon pods/nosuch
  2> Error from server (NotFound): pods "nosuch" not found
  [1]
  $ kubectl cordon ds/nosuch
  2> Error from server (NotFound): daemonsets.apps "nosuch" not found
  [1]
  $ kubectl cordon node1 node2 --selector disktype=ssd
  2> error: cannot specify both a node name and a --selector option
  2> See 'kubectl cordon -h' for help and examples
  [1]
  $ kubectl drain node1 --pod-selector='a b'
  2> error: --pod-selector=<pod_selector> must be a valid label selector
  [1]
  $ kubectl drain node1 --chunk-size=abc
  2> error: invalid argument "abc" for "--chunk-size" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl drain --help' for usage.
  [1]
  $ kubectl describe pod sleeper --chunk-size=abc
  2> error: invalid argument "abc" for "--chunk-size" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl describe --help' for usage.
  [1]
  $ kubectl delete pod sleeper -f manifests/busybox-pod.yaml
  2> error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well
  [1]
  $ kubectl delete pod sleeper -f /nonexistent.yaml
  2> error: the path "/nonexistent.yaml" does not exist
  [1]
  $ kubectl set image node/node1 x=y
  2> error: nodes/node1 the object is not a pod or does not have a pod template: *v1.Node
  [1]
  $ kubectl set image ns/default x=y
  2> error: namespaces/default the object is not a pod or does not have a pod template: *v1.Namespace
  [1]
  $ kubectl get pods -o name
  pod/sleeper

rollout history with -o prints the DaemonSet as each revision makes it
(the history viewer applies the revision to the DaemonSet), not the
ControllerRevisions; kinds without a viewer get kubectl's errors.

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created
  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 1m0s
  $ kubectl set image ds/fluentd-es-demo fluentd-es-example=k8s.gcr.io/fluentd-elasticsearch:1.22
  daemonset.apps/fluentd-es-demo image updated
  $ kubesim cluster advance 2m
  Advanced the clock by 2m0s; the cluster has run for 3m0s
  $ kubectl rollout history ds/fluentd-es-demo -o name
  daemonset.apps/fluentd-es-demo
  daemonset.apps/fluentd-es-demo
  $ kubectl rollout history ds/fluentd-es-demo -o jsonpath='{.kind} {.metadata.name} {.spec.template.spec.containers[0].image}{"\n"}'
  DaemonSet fluentd-es-demo k8s.gcr.io/fluentd-elasticsearch:1.20
  DaemonSet fluentd-es-demo k8s.gcr.io/fluentd-elasticsearch:1.22
  $ kubectl rollout history ds/fluentd-es-demo --revision=1 -o jsonpath='{.kind} {.spec.template.spec.containers[0].image} {.metadata.generation}{"\n"}'
  DaemonSet k8s.gcr.io/fluentd-elasticsearch:1.20 2
  $ kubectl rollout history pods/sleeper
  2> error: no history viewer has been implemented for "Pod"
  [1]
  $ kubectl rollout history node/node1
  2> error: error retrieving history for "Node", no visitor method exists for { Node}
  [1]
  $ kubectl rollout history nodes
  2> error retrieving history for "Node", no visitor method exists for { Node}
  2> error retrieving history for "Node", no visitor method exists for { Node}
  2> error retrieving history for "Node", no visitor method exists for { Node}
  [1]
  $ kubectl rollout history ns default
  2> error: error retrieving history for "Namespace", no visitor method exists for { Namespace}
  [1]
  $ kubectl rollout undo pods/sleeper
  2> error: no rollbacker has been implemented for "Pod"
  [1]
  $ kubectl rollout undo node/node1
  2> error: error retrieving rollbacker for "Node", no visitor method exists for { Node}
  [1]
  $ kubectl rollout restart pods/sleeper
  2> error: pods "sleeper" restarting is not supported
  [1]
  $ kubectl rollout restart node/node1
  2> error: nodes "node1" restarting is not supported
  [1]
  $ kubectl rollout pause pods/sleeper
  2> error: pods "sleeper" pausing is not supported
  [1]
  $ kubectl rollout resume node/node1
  2> error: nodes "node1" resuming is not supported
  [1]

kubectl events sorts with Go's sort.Sort, which is not stable: past 12
events, those of the same second come out in pdqsort's order. -o name
prints nothing (the name printer cannot name the EventList events.go builds).

  $ kubectl events -o name
  $ kubectl events -o jsonpath='{range .items[*]}{.involvedObject.name} {.reason}{"\n"}{end}'
  fluentd-es-demo SuccessfulCreate
  fluentd-es-demo-h5vxk Scheduled
  node3 RegisteredNode
  fluentd-es-demo-27z2q Scheduled
  sleeper Scheduled
  fluentd-es-demo SuccessfulCreate
  node3 NodeReady
  fluentd-es-demo-c6sxg Scheduled
  fluentd-es-demo SuccessfulCreate
  sleeper Created
  sleeper Pulled
  sleeper Started
  fluentd-es-demo-27z2q Started
  fluentd-es-demo-27z2q Created
  fluentd-es-demo-27z2q Pulled
  fluentd-es-demo-h5vxk Pulled
  fluentd-es-demo-h5vxk Created
  fluentd-es-demo-h5vxk Started
  fluentd-es-demo-c6sxg Pulled
  fluentd-es-demo-c6sxg Started
  fluentd-es-demo-c6sxg Created
  fluentd-es-demo-h5vxk Killing
  fluentd-es-demo SuccessfulDelete
  fluentd-es-demo-htn8b Scheduled
  fluentd-es-demo SuccessfulCreate
  fluentd-es-demo-htn8b Pulled
  fluentd-es-demo SuccessfulDelete
  fluentd-es-demo-27z2q Killing
  fluentd-es-demo-htn8b Started
  fluentd-es-demo-htn8b Created
  fluentd-es-demo SuccessfulCreate
  fluentd-es-demo-nh42k Scheduled
  fluentd-es-demo SuccessfulDelete
  fluentd-es-demo-nh42k Pulled
  fluentd-es-demo-nh42k Started
  fluentd-es-demo-c6sxg Killing
  fluentd-es-demo-nh42k Created
  fluentd-es-demo SuccessfulCreate
  fluentd-es-demo-d68fp Scheduled
  fluentd-es-demo-d68fp Started
  fluentd-es-demo-d68fp Created
  fluentd-es-demo-d68fp Pulled

describe: names and -A do not mix for namespaced kinds; "No resources
found" names the namespace whatever the kind; "all" is the category.

  $ kubectl describe pod sleeper -A
  2> error: a resource cannot be retrieved by name across all namespaces
  [1]
  $ kubectl describe pod/sleeper -A
  2> error: a resource cannot be retrieved by name across all namespaces
  [1]
  $ kubectl describe node node1 -A | head -1
  Name:               node1
  $ kubectl describe nodes -l nosuch=x
  2> No resources found in default namespace.
  $ kubectl describe nodes -l nosuch=x -A
  2> No resources found
  $ kubectl describe all -l nosuch=x
  2> No resources found in default namespace.
  $ kubectl describe all | grep -E '^Name:'
  Name:             fluentd-es-demo-d68fp
  Name:             fluentd-es-demo-htn8b
  Name:             fluentd-es-demo-nh42k
  Name:             sleeper
  Name:           fluentd-es-demo

apply --dry-run=client does not warn about the missing last-applied
annotation (apply.go warns only when it will patch); a real apply does.

  $ kubectl apply -f manifests/busybox-pod.yaml --dry-run=client
  pod/sleeper configured (dry run)
  $ kubectl apply -f manifests/busybox-pod.yaml --dry-run=server
  pod/sleeper configured (server dry run)
  2> Warning: resource pods/sleeper is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.

rollout history -l selects among the DaemonSets of the namespace, never
among names; delete --timeout bounds the wait for the object to go.

  $ kubectl rollout history ds -l k8s-app=fluentd-logging
  daemonset.apps/fluentd-es-demo 
  REVISION  CHANGE-CAUSE
  1         <none>
  2         <none>
  
  $ kubectl rollout history ds -l k8s-app=nosuch
  $ kubectl rollout history ds fluentd-es-demo -l k8s-app=fluentd-logging
  2> error: name cannot be provided when a selector is specified
  [1]
  $ kubectl rollout history ds/fluentd-es-demo -l k8s-app=fluentd-logging
  2> error: selectors and the all flag cannot be used when passing resource/name arguments
  [1]
  $ kubectl delete pod sleeper --timeout=abc
  2> error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"
  2> See 'kubectl delete --help' for usage.
  [1]
  $ kubectl delete pod sleeper --timeout=5s
  pod "sleeper" deleted
  $ kubesim cluster fail-node node1
  node/node1 failed (its kubelet stops posting status)
  $ kubectl delete pods -l name=fluentd-es --field-selector spec.nodeName=node1 --timeout=5s
  pod "fluentd-es-demo-htn8b" deleted
  2> error: timed out waiting for the condition on pods/fluentd-es-demo-htn8b
  [1]

rollout history -o json prints the DaemonSet the history viewer decoded
into Go structs: fields in the structs' order, not sorted.

  $ kubectl rollout history ds/fluentd-es-demo --revision=1 -o json | head -16
  {
      "kind": "DaemonSet",
      "apiVersion": "apps/v1",
      "metadata": {
          "name": "fluentd-es-demo",
          "namespace": "default",
          "uid": "eebd114b-d872-46d1-b50c-3ff1e7d7e8a6",
          "resourceVersion": "103",
          "generation": 2,
          "creationTimestamp": "2025-01-01T00:00:00Z",
          "labels": {
              "k8s-app": "fluentd-logging"
          },
          "annotations": {
              "deprecated.daemonset.template.generation": "2",
              "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"annotations\":{},\"labels\":{\"k8s-app\":\"fluentd-logging\"},\"name\":\"fluentd-es-demo\",\"namespace\":\"default\"},\"spec\":{\"selector\":{\"matchLabels\":{\"name\":\"fluentd-es\"}},\"template\":{\"metadata\":{\"labels\":{\"name\":\"fluentd-es\"}},\"spec\":{\"containers\":[{\"image\":\"k8s.gcr.io/fluentd-elasticsearch:1.20\",\"name\":\"fluentd-es-example\",\"resources\":{\"limits\":{\"memory\":\"200Mi\"},\"requests\":{\"cpu\":\"100m\",\"memory\":\"200Mi\"}},\"volumeMounts\":[{\"mountPath\":\"/var/log\",\"name\":\"varlog\"},{\"mountPath\":\"/var/lib/docker/containers\",\"name\":\"varlibdockercontainers\",\"readOnly\":true}]}],\"terminationGracePeriodSeconds\":30,\"tolerations\":[{\"effect\":\"NoSchedule\",\"key\":\"node-role.kubernetes.io/master\"}],\"volumes\":[{\"hostPath\":{\"path\":\"/var/log\"},\"name\":\"varlog\"},{\"hostPath\":{\"path\":\"/var/lib/docker/containers\"},\"name\":\"varlibdockercontainers\"}]}}}}\n"

label and annotate --list print the map (kubectl in Go's random map
order: one label here), with a header per object unless one is named.

  $ kubectl annotate node node2 team=platform
  node/node2 annotated
  $ kubectl annotate node node2 --list
  team=platform
  $ kubectl label ns default --list
  kubernetes.io/metadata.name=default
  $ kubectl label ns -l kubernetes.io/metadata.name=default --list
  Listing labels for Namespace./default:
   kubernetes.io/metadata.name=default
  $ kubectl label ns default --list team=a
  kubernetes.io/metadata.name=default
  team=a
  $ kubectl label ns default --list
  kubernetes.io/metadata.name=default

taint has no TYPE/NAME form in v1.32: the first word is a resource type.

  $ kubectl taint node/node1 k=v:NoSchedule
  2> the server doesn't have a resource type "node/node1"
  [1]
