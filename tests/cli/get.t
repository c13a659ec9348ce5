kubectl get: types as kubectl resolves them, several at once, the "all"
category, namespaces, sorting and custom columns, and its errors.

  $ kubesim cluster create --nodes 3 --clock manual
  Created a 3-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 3m0s

  $ kubectl get daemonsets.apps,po
  NAME                             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  daemonset.apps/fluentd-es-demo   3         3         3       3            3           <none>          60s
  
  NAME                        READY   STATUS    RESTARTS   AGE
  pod/fluentd-es-demo-n7g7s   1/1     Running   0          60s
  pod/fluentd-es-demo-tn8bt   1/1     Running   0          60s
  pod/fluentd-es-demo-wxnr8   1/1     Running   0          60s

  $ kubectl get all
  NAME                        READY   STATUS    RESTARTS   AGE
  pod/fluentd-es-demo-n7g7s   1/1     Running   0          60s
  pod/fluentd-es-demo-tn8bt   1/1     Running   0          60s
  pod/fluentd-es-demo-wxnr8   1/1     Running   0          60s
  
  NAME                             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  daemonset.apps/fluentd-es-demo   3         3         3       3            3           <none>          60s

  $ kubectl get ns
  NAME              STATUS   AGE
  default           Active   3m
  kube-node-lease   Active   3m
  kube-public       Active   3m
  kube-system       Active   3m

  $ kubectl get namespace kube-system -o name
  namespace/kube-system

  $ kubectl get ns nope
  2> Error from server (NotFound): namespaces "nope" not found
  [1]

  $ kubectl get po --sort-by=.spec.nodeName -o custom-columns=POD:.metadata.name,NODE:.spec.nodeName,IMAGES:.spec.containers[*].image,QOS:.status.qosClass,MISSING:.spec.nothing
  POD                     NODE    IMAGES                                  QOS         MISSING
  fluentd-es-demo-wxnr8   node1   k8s.gcr.io/fluentd-elasticsearch:1.20   Burstable   <none>
  fluentd-es-demo-n7g7s   node2   k8s.gcr.io/fluentd-elasticsearch:1.20   Burstable   <none>
  fluentd-es-demo-tn8bt   node3   k8s.gcr.io/fluentd-elasticsearch:1.20   Burstable   <none>

  $ kubectl get po -o custom-columns=nocolon
  2> error: unexpected custom-columns spec: nocolon, expected <header>:<json-path-expr>
  [1]

  $ kubectl get nodes --sort-by='{.metadata.name}' -L kubernetes.io/hostname --no-headers
  node1   Ready   <none>   3m    v1.32.0   node1
  node2   Ready   <none>   3m    v1.32.0   node2
  node3   Ready   <none>   3m    v1.32.0   node3

  $ kubectl get no node2 --show-labels
  NAME    STATUS   ROLES    AGE   VERSION   LABELS
  node2   Ready    <none>   3m    v1.32.0   beta.kubernetes.io/arch=amd64,beta.kubernetes.io/os=linux,kubernetes.io/arch=amd64,kubernetes.io/hostname=node2,kubernetes.io/os=linux

  $ kubectl get ev --field-selector reason=SuccessfulCreate -o custom-columns=REASON:.reason,OBJECT:.involvedObject.name
  REASON             OBJECT
  SuccessfulCreate   fluentd-es-demo
  SuccessfulCreate   fluentd-es-demo
  SuccessfulCreate   fluentd-es-demo

  $ kubectl get pods -n kube-system
  NAME               READY   STATUS    RESTARTS   AGE
  kube-proxy-cv49m   1/1     Running   0          3m
  kube-proxy-vxkfs   1/1     Running   0          3m
  kube-proxy-z2qfz   1/1     Running   0          3m

  $ kubectl get deployments
  2> error: the server doesn't have a resource type "deployments"
  [1]

  $ kubectl get pods --foo
  2> error: unknown flag: --foo
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl get
  2> You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.
  2> 
  2> error: Required resource not specified.
  2> Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
  2> See 'kubectl get -h' for help and examples
  [1]

  $ kubectl get ds nope other
  2> Error from server (NotFound): daemonsets.apps "nope" not found
  2> Error from server (NotFound): daemonsets.apps "other" not found
  [1]

  $ kubectl get pods -o table
  2> error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
  [1]

