Node tasks from the exam: labels and node selectors, taints and tolerations,
cordon, drain and uncordon, and a node that fails.

  $ kubesim cluster create --nodes 3 --clock manual
  Created a 3-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl label node node2 disktype=ssd
  node/node2 labeled

  $ kubectl label node node2 disktype=hdd
  2> error: 'disktype' already has a value (ssd), and --overwrite is false
  [1]

  $ kubectl label node node2 disktype=hdd --overwrite
  node/node2 labeled

  $ kubectl get nodes -l disktype=hdd
  NAME    STATUS   ROLES    AGE   VERSION
  node2   Ready    <none>   2m    v1.32.0

  $ kubectl get nodes -L disktype
  NAME    STATUS   ROLES    AGE   VERSION   DISKTYPE
  node1   Ready    <none>   2m    v1.32.0   
  node2   Ready    <none>   2m    v1.32.0   hdd
  node3   Ready    <none>   2m    v1.32.0   

  $ kubectl label node node2 disktype-
  node/node2 unlabeled

  $ kubectl taint nodes node3 dedicated=infra:NoSchedule
  node/node3 tainted

  $ kubectl taint nodes node3 dedicated=infra:NoSchedule
  2> error: node node3 already has dedicated taint(s) with same effect(s) and --overwrite is false
  [1]

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 3m0s

  $ kubectl get pods -o wide
  NAME                    READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES
  fluentd-es-demo-n7g7s   1/1     Running   0          60s   10.244.1.2   node2   <none>           <none>
  fluentd-es-demo-wxnr8   1/1     Running   0          60s   10.244.0.2   node1   <none>           <none>

  $ kubectl get ds fluentd-es-demo
  NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  fluentd-es-demo   2         2         2       2            2           <none>          60s

  $ kubectl taint nodes node3 dedicated-
  node/node3 untainted

  $ kubesim cluster advance 30s
  Advanced the clock by 30s; the cluster has run for 3m30s

  $ kubectl get ds fluentd-es-demo
  NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  fluentd-es-demo   3         3         3       3            3           <none>          90s

  $ kubectl cordon node1
  node/node1 cordoned

  $ kubectl get nodes
  NAME    STATUS                     ROLES    AGE     VERSION
  node1   Ready,SchedulingDisabled   <none>   3m30s   v1.32.0
  node2   Ready                      <none>   3m30s   v1.32.0
  node3   Ready                      <none>   3m30s   v1.32.0

  $ kubectl drain node1 --ignore-daemonsets --delete-emptydir-data
  node/node1 already cordoned
  node/node1 drained
  2> Warning: ignoring DaemonSet-managed Pods: default/fluentd-es-demo-wxnr8, kube-system/kube-proxy-cv49m

  $ kubectl uncordon node1
  node/node1 uncordoned

  $ kubectl taint nodes node1 bad
  2> error: at least one taint update is required
  [1]

  $ kubectl cordon nodeX
  2> Error from server (NotFound): nodes "nodeX" not found
  [1]

  $ kubesim cluster fail-node node3
  node/node3 failed (its kubelet stops posting status)

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 4m30s

  $ kubectl get nodes
  NAME    STATUS     ROLES    AGE     VERSION
  node1   Ready      <none>   4m30s   v1.32.0
  node2   Ready      <none>   4m30s   v1.32.0
  node3   NotReady   <none>   4m30s   v1.32.0

  $ kubectl get ds fluentd-es-demo
  NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  fluentd-es-demo   2         2         2       2            2           <none>          2m30s

  $ kubectl get pods --field-selector spec.nodeName=node3,status.phase=Running -o name
  pod/fluentd-es-demo-fnvnh

