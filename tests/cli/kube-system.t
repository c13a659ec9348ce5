A new practice cluster runs kube-proxy in kube-system, as kubeadm sets one up,
so the exam's classics behave as on a real cluster: drain refuses to go on
without --ignore-daemonsets.

  $ kubesim cluster create --nodes 2 --clock manual
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl get ds -A
  NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
  kube-system   kube-proxy   2         2         2       2            2           kubernetes.io/os=linux   2m

  $ kubectl get pods -n kube-system -o wide
  NAME               READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES
  kube-proxy-h5vxk   1/1     Running   0          2m    172.18.0.3   node2   <none>           <none>
  kube-proxy-zgcv4   1/1     Running   0          2m    172.18.0.2   node1   <none>           <none>

  $ kubectl drain node1
  node/node1 cordoned
  2> error: unable to drain node "node1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-zgcv4, continuing command...
  2> There are pending nodes to be drained:
  2>  node1
  2> cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-zgcv4
  [1]

  $ kubectl drain node1 --ignore-daemonsets
  node/node1 already cordoned
  node/node1 drained
  2> Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-zgcv4

  $ kubectl get nodes
  NAME    STATUS                     ROLES    AGE   VERSION
  node1   Ready,SchedulingDisabled   <none>   2m    v1.32.0
  node2   Ready                      <none>   2m    v1.32.0

  $ kubectl uncordon node1
  node/node1 uncordoned

  $ kubesim cluster add-node node3
  node/node3 joined (NotReady until its kubelet reports, about 1s)

  $ kubesim cluster advance 30s
  Advanced the clock by 30s; the cluster has run for 2m30s

  $ kubectl get ds -n kube-system
  NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
  kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   2m30s

  $ kubesim cluster delete
  Deleted the practice cluster ($KUBESIM_STATE)

  $ kubesim cluster create --nodes 1 --bare --clock manual
  Created a 1-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl get ds -A
  2> No resources found

