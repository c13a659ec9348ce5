The workshop's demo, typed one command at a time against a practice cluster
whose clock moves only when told (so the ages are fixed).

Before there is a cluster, kubectl says how to make one.

  $ kubectl get nodes
  2> kubesim: there is no practice cluster yet ($KUBESIM_STATE does not exist)
  2> Create one with: kubesim cluster create --nodes 3
  [1]

  $ kubesim cluster create --nodes 3 --clock manual
  Created a 3-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl get nodes
  NAME    STATUS   ROLES    AGE   VERSION
  node1   Ready    <none>   2m    v1.32.0
  node2   Ready    <none>   2m    v1.32.0
  node3   Ready    <none>   2m    v1.32.0

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

Creating it again is refused by the API server.

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  2> Error from server (AlreadyExists): error when creating "../../scenarios/cka/demo.yaml": daemonsets.apps "fluentd-es-demo" already exists
  [1]

The controller has made the pods; their containers are still starting.

  $ kubesim cluster advance 1s
  Advanced the clock by 1s; the cluster has run for 2m1s

  $ kubectl get pods
  NAME                    READY   STATUS              RESTARTS   AGE
  fluentd-es-demo-n7g7s   0/1     ContainerCreating   0          1s
  fluentd-es-demo-tn8bt   0/1     ContainerCreating   0          1s
  fluentd-es-demo-wxnr8   0/1     ContainerCreating   0          1s

  $ kubesim cluster advance 59s
  Advanced the clock by 59s; the cluster has run for 3m0s

  $ kubectl get daemonset
  NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  fluentd-es-demo   3         3         3       3            3           <none>          60s

  $ kubectl get pod -o wide
  NAME                    READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES
  fluentd-es-demo-n7g7s   1/1     Running   0          60s   10.244.1.2   node2   <none>           <none>
  fluentd-es-demo-tn8bt   1/1     Running   0          60s   10.244.2.2   node3   <none>           <none>
  fluentd-es-demo-wxnr8   1/1     Running   0          60s   10.244.0.2   node1   <none>           <none>

  $ kubectl delete ds fluentd-es-demo --cascade=orphan
  daemonset.apps "fluentd-es-demo" deleted

  $ kubectl get pods
  NAME                    READY   STATUS    RESTARTS   AGE
  fluentd-es-demo-n7g7s   1/1     Running   0          60s
  fluentd-es-demo-tn8bt   1/1     Running   0          60s
  fluentd-es-demo-wxnr8   1/1     Running   0          60s

  $ kubectl get ds
  2> No resources found in default namespace.

  $ kubesim cluster status
  State file:  $KUBESIM_STATE
  Mode:        scheduler
  Clock:       3m0.05s since the cluster was created (manual: moves with kubesim cluster advance)
  Nodes:       3 (3 Ready)
  Pods:        6 (6 Running, 0 Pending)
  DaemonSets:  1
  Journal:     2 changes

  $ kubesim cluster delete
  Deleted the practice cluster ($KUBESIM_STATE)

  $ kubectl get pods
  2> kubesim: there is no practice cluster yet ($KUBESIM_STATE does not exist)
  2> Create one with: kubesim cluster create --nodes 3
  [1]

