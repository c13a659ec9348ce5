kubectl's printers, checked byte for byte against kubectl v1.32 (run against
`kubesim serve` or tests/compare's stand-in on the same objects).

  $ kubesim cluster create --nodes 3 --clock manual --bare
  Created a 3-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl apply -f manifests/printers-pods.yaml -o name | wc -l
  14

  $ kubectl label pod p03 tier=a
  pod/p03 labeled

--sort-by is Go's sort.Sort (pdqsort) over the list in the server's order
(namespace, name): not stable past 12 objects, and an object without the
field is "less" than any other, so such objects come out in an order of
their own (sorter.go RuntimeSort.Less).

  $ kubectl get pods -o name --sort-by=.spec.nodeName
  pod/p04
  pod/p01
  pod/p02
  pod/p03
  pod/p06
  pod/p05
  pod/p07
  pod/p08
  pod/p09
  pod/p00
  pod/p10
  pod/p11
  pod/p12
  pod/p13

  $ kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.spec.nodeName --no-headers
  p04   node1
  p01   node1
  p02   node1
  p03   node1
  p06   node2
  p05   node2
  p07   node2
  p08   node2
  p09   node2
  p00   node3
  p10   node3
  p11   node3
  p12   node3
  p13   node3

  $ kubectl get pods -o name --sort-by=.metadata.labels.tier
  pod/p11
  pod/p10
  pod/p09
  pod/p08
  pod/p07
  pod/p00
  pod/p05
  pod/p04
  pod/p13
  pod/p02
  pod/p01
  pod/p12
  pod/p06
  pod/p03

  $ kubectl get pods --sort-by=.metadata.labels.tier
  NAME   READY   STATUS    RESTARTS   AGE
  p11    0/1     Pending   0          0s
  p10    0/1     Pending   0          0s
  p09    0/1     Pending   0          0s
  p08    0/1     Pending   0          0s
  p07    0/1     Pending   0          0s
  p00    0/1     Pending   0          0s
  p05    0/1     Pending   0          0s
  p04    0/1     Pending   0          0s
  p13    0/1     Pending   0          0s
  p02    0/1     Pending   0          0s
  p01    0/1     Pending   0          0s
  p12    0/1     Pending   0          0s
  p06    0/1     Pending   0          0s
  p03    0/1     Pending   0          0s

kubectl events sorts with sort.Sort as well (SortableEvents by last time):
past 12 events, equal times come out in pdqsort's order.

  $ kubesim cluster advance 5s
  Advanced the clock by 5s; the cluster has run for 5s
  $ kubectl events -A
  NAMESPACE   LAST SEEN   TYPE     REASON    OBJECT    MESSAGE
  default     5s          Normal   Pulling   Pod/p04   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p13   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p12   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p11   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p01   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p10   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p09   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p08   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p02   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p07   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p00   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p06   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p03   Pulling image "busybox"
  default     5s          Normal   Pulling   Pod/p05   Pulling image "busybox"
  default     3s          Normal   Started   Pod/p06   Started container c
  default     3s          Normal   Started   Pod/p08   Started container c
  default     3s          Normal   Created   Pod/p03   Created container: c
  default     3s          Normal   Pulled    Pod/p04   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p04   Created container: c
  default     3s          Normal   Started   Pod/p04   Started container c
  default     3s          Normal   Pulled    Pod/p03   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Pulled    Pod/p05   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p05   Created container: c
  default     3s          Normal   Started   Pod/p05   Started container c
  default     3s          Normal   Started   Pod/p02   Started container c
  default     3s          Normal   Pulled    Pod/p06   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p06   Created container: c
  default     3s          Normal   Created   Pod/p02   Created container: c
  default     3s          Normal   Pulled    Pod/p02   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Pulled    Pod/p07   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p07   Created container: c
  default     3s          Normal   Started   Pod/p07   Started container c
  default     3s          Normal   Started   Pod/p01   Started container c
  default     3s          Normal   Pulled    Pod/p08   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p08   Created container: c
  default     3s          Normal   Started   Pod/p03   Started container c
  default     3s          Normal   Created   Pod/p01   Created container: c
  default     3s          Normal   Pulled    Pod/p09   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p09   Created container: c
  default     3s          Normal   Started   Pod/p09   Started container c
  default     3s          Normal   Pulled    Pod/p01   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Pulled    Pod/p10   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p10   Created container: c
  default     3s          Normal   Started   Pod/p10   Started container c
  default     3s          Normal   Started   Pod/p00   Started container c
  default     3s          Normal   Pulled    Pod/p11   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p11   Created container: c
  default     3s          Normal   Started   Pod/p11   Started container c
  default     3s          Normal   Created   Pod/p00   Created container: c
  default     3s          Normal   Pulled    Pod/p12   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p12   Created container: c
  default     3s          Normal   Started   Pod/p12   Started container c
  default     3s          Normal   Pulled    Pod/p00   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Pulled    Pod/p13   Successfully pulled image "busybox" in 2s (2s including waiting)
  default     3s          Normal   Created   Pod/p13   Created container: c
  default     3s          Normal   Started   Pod/p13   Started container c

Output formats: json, yaml and name in any case (their ToPrinter lowers
the format); the others only as written.

  $ kubectl get pod p03 -o NAME
  pod/p03
  $ kubectl get pod p03 -o WIDE
  2> error: unable to match a printer suitable for the output format "WIDE", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
  [1]
  $ kubectl get pod p03 -o jsonpath
  2> error: template format specified but no template given
  [1]
  $ kubectl get pod p03 -o jsonpath=
  2> error: template format specified but no template given
  [1]
  $ kubectl get pod p03 -o go-template
  2> error: template format specified but no template given
  [1]
  $ kubectl get pod p03 -o jsonpath --template='{.metadata.name}{"\n"}'
  p03
  $ kubectl get pods -o jsonpath-as-json='{.items[0:2].metadata.name}'
  [
      "p00",
      "p01"
  ]
  $ kubectl get pod p03 -o jsonpath-as-json='{.metadata.labels}{.spec.nodeName}'
  [
      {
          "tier": "a"
      }
  ]
  [
      "node1"
  ]
  $ kubectl get pod p03 -o jsonpath-file=manifests/printers-template.txt
  pod p03 on node1
  $ kubectl get pod p03 -o jsonpath-file=/nonexistent
  2> error: error reading --template /nonexistent, open /nonexistent: no such file or directory
  [1]
  $ kubectl get pod p03 -o custom-columns-file=/nonexistent
  2> error: error reading template /nonexistent, open /nonexistent: no such file or directory
  [1]
  $ kubectl get pod p03 p04 -o custom-columns-file=manifests/printers-columns.txt --no-headers
  NAME   NODE
  p03    node1
  p04    node1

get's argument checks (ResourceTypeOrNameArgs, visitByResource/visitByName,
GetOptions.Validate), before anything is read.

  $ kubectl get pods p03/x
  2> error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'
  [1]
  $ kubectl get pod p03 node/node1 -o name
  2> error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'
  [1]
  $ kubectl get pods/ -o name
  2> error: arguments in resource/name form must have a single resource and name
  [1]
  $ kubectl get /p03
  2> error: arguments in resource/name form must have a single resource and name
  [1]
  $ kubectl get pods/a/b
  2> error: arguments in resource/name form may not have more than one slash
  [1]
  $ kubectl get pods,nodes/x
  2> error: arguments in resource/name form must have a single resource and name
  [1]
  $ kubectl get pods p03 -A
  2> error: a resource cannot be retrieved by name across all namespaces
  [1]
  $ kubectl get -A pod/p03
  2> error: a resource cannot be retrieved by name across all namespaces
  [1]
  $ kubectl get nodes node1 -A -o name
  node/node1

With -A, the printers of one get share their flags (PrintFlags.Copy copies
the HumanReadableFlags pointer): once a namespaced type had its NAMESPACE
column, the cluster-scoped types after it keep one, empty.

  $ kubectl label node node3 tier=a
  node/node3 labeled
  $ kubectl get pods,nodes -A -l tier=a
  NAMESPACE   NAME      READY   STATUS    RESTARTS   AGE
  default     pod/p03   1/1     Running   0          5s
  
  NAMESPACE   NAME         STATUS   ROLES    AGE   VERSION
              node/node3   Ready    <none>   5s    v1.32.0
  $ kubectl get nodes,pods -A -l tier=a
  NAME         STATUS   ROLES    AGE   VERSION
  node/node3   Ready    <none>   5s    v1.32.0
  
  NAMESPACE   NAME      READY   STATUS    RESTARTS   AGE
  default     pod/p03   1/1     Running   0          5s
  $ kubectl label node node3 tier-
  node/node3 unlabeled
  $ kubectl get pods -o name --show-labels
  2> error: --show-labels option cannot be used with name printer
  [1]
  $ kubectl get pods -o yaml --show-labels
  2> error: --show-labels option cannot be used with yaml printer
  [1]
  $ kubectl get pods -o name --output-watch-events
  2> error: --output-watch-events option can only be used with --watch or --watch-only
  [1]
  $ kubectl get pod p03 -o name --show-kind --server-print=false --show-managed-fields --allow-missing-template-keys=false
  pod/p03
  $ kubectl get pod p03 --show-kind
  NAME      READY   STATUS    RESTARTS   AGE
  pod/p03   1/1     Running   0          5s
  $ kubectl get pods -o name --raw /api
  2> error: arguments may not be passed when --raw is specified
  [1]
  $ kubectl get --raw
  2> error: flag needs an argument: --raw
  2> See 'kubectl get --help' for usage.
  [1]
  $ kubectl get --raw abc
  2> error: --raw must be a valid URL path: parse "abc": invalid URI for request
  [1]
  $ kubectl get --raw /version -o json
  2> error: --raw and --output are mutually exclusive
  [1]
  $ kubectl get --raw /version
  {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.0",
    "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",
    "gitTreeState": "clean",
    "buildDate": "2024-12-11T18:04:20Z",
    "goVersion": "go1.23.3",
    "compiler": "gc",
    "platform": "linux/amd64"
  } (no-eol)
  $ kubectl get --raw /nosuch
  2> Error from server (NotFound): the server could not find the requested resource
  [1]

get -f reads the objects the files name from the server, in the files' order.

  $ kubectl get -f manifests/printers-pods.yaml -o name | head -3
  pod/p05
  pod/p10
  pod/p01
  $ kubectl get -f manifests/busybox-pod.yaml -o name
  2> Error from server (NotFound): pods "sleeper" not found
  [1]
  $ kubectl get pods -f manifests/printers-pods.yaml
  2> error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well
  [1]
  $ kubectl get -f manifests/printers-pods.yaml pods/x
  2> error: resource/name arguments cannot be provided when a path is specified
  [1]
  $ kubectl get -f /nonexistent.yaml
  2> error: the path "/nonexistent.yaml" does not exist
  [1]
  $ kubectl get -f manifests/printers-pods.yaml -k /tmp
  2> error: only one of -f or -k can be specified
  [1]
  $ kubectl get -k /nonexistent
  2> must build at directory: not a valid directory: evalsymlink failure on '/nonexistent' : lstat /nonexistent: no such file or directory
  [1]

Selectors go to the server as they are: a malformed one is its BadRequest,
which kubectl frames with the resource it listed (schema.GroupVersionResource).

  $ kubectl get pods -l 'a b' -o name
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a b", field selector "": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt
  [1]
  $ kubectl get pods,ds -l 'app=(x' -o name
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app=(x", field selector "": unable to parse requirement: found '(', expected: identifier
  2> Error from server (BadRequest): Unable to find "apps/v1, Resource=daemonsets" that match label selector "app=(x", field selector "": unable to parse requirement: found '(', expected: identifier
  [1]
  $ kubectl get pods --field-selector spec.nodeName -o name
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.nodeName": invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'
  [1]
  $ kubectl get pods --field-selector bogus=x -o name
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bogus=x": field label not supported: bogus
  [1]
  $ kubectl get ds,pods -A -l 'app in x'
  2> Error from server (BadRequest): Unable to find "apps/v1, Resource=daemonsets" that match label selector "app in x", field selector "": unable to parse requirement: found 'x' expected: '('
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in x", field selector "": unable to parse requirement: found 'x' expected: '('
  [1]

The API indexes involvedObject.apiVersion (and the other fields of an
event's reference) for kubectl events --for; the kubelet's events about
its Node carry no apiVersion.

  $ kubectl get events --field-selector involvedObject.kind=Pod,involvedObject.apiVersion=v1,involvedObject.name=p03 -o name
  event/p03.1816687ec0570008
  event/p03.1816687f378c9426
  event/p03.1816687f378c9427
  event/p03.1816687f378c9428
  $ kubectl get events -A --field-selector involvedObject.apiVersion=v1,reportingComponent=kubelet,involvedObject.resourceVersion=,involvedObject.fieldPath= -o name | wc -l
  56
  $ kubectl get events --field-selector involvedObject.name=p03 -o jsonpath='{.items[0].involvedObject}{"\n"}'
  {"apiVersion":"v1","kind":"Pod","name":"p03","namespace":"default","uid":"9c5cdfcc-ab68-44c1-998a-4ace20e1c342"}

Flags other verbs have and kubesim lacked: parsed (and checked) as kubectl does.

  $ kubectl describe pod p03 --chunk-size=abc
  2> error: invalid argument "abc" for "--chunk-size" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl describe --help' for usage.
  [1]
  $ kubectl drain node1 --chunk-size=abc
  2> error: invalid argument "abc" for "--chunk-size" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl drain --help' for usage.
  [1]
  $ kubectl delete pod p03 --timeout=abc
  2> error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"
  2> See 'kubectl delete --help' for usage.
  [1]
  $ kubectl replace -f manifests/busybox-pod.yaml --grace-period=abc
  2> error: invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl replace --help' for usage.
  [1]

api-resources: sorted by group then name (sortableResource under sort.Stable),
or by --sort-by; --verbs and --categories keep the resources that have all
of them; -o wide joins verbs and categories with commas.

  $ kubectl api-resources --sort-by=kind
  NAME                  SHORTNAMES   APIVERSION               NAMESPACED   KIND
  controllerrevisions                apps/v1                  true         ControllerRevision
  daemonsets            ds           apps/v1                  true         DaemonSet
  events                ev           v1                       true         Event
  leases                             coordination.k8s.io/v1   true         Lease
  namespaces            ns           v1                       false        Namespace
  nodes                 no           v1                       false        Node
  pods                  po           v1                       true         Pod
  $ kubectl api-resources --sort-by=bogus
  2> error: --sort-by accepts only name or kind
  [1]
  $ kubectl api-resources --verbs=list,deletecollection -o name
  events
  nodes
  pods
  controllerrevisions.apps
  daemonsets.apps
  leases.coordination.k8s.io
  $ kubectl api-resources --categories=all -o wide
  NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND        VERBS                                                        CATEGORIES
  pods         po           v1           true         Pod         create,delete,deletecollection,get,list,patch,update,watch   all
  daemonsets   ds           apps/v1      true         DaemonSet   create,delete,deletecollection,get,list,patch,update,watch   all

--allow-missing-template-keys=false: a field no value has is the JSONPath
printer's error (client-go evalField "x is not found").

  $ kubectl get pods -o jsonpath='{.items[*].metadata.labels.tier}{"\n"}' --allow-missing-template-keys=false
  a
  $ kubectl get pod p03 -o jsonpath='{.metadata.nosuch}' --allow-missing-template-keys=false 2>&1 | head -3
  error: error executing jsonpath "{.metadata.nosuch}": Error executing template: nosuch is not found. Printing more information for debugging the template:
  	template was:
  		{.metadata.nosuch}
