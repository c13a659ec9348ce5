A node without room for the daemon pod: the scheduler's FailedScheduling
message counts each node once, also in its preemption summary.

  $ kubesim cluster create --nodes 2 --clock manual --bare
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubesim cluster add-node tiny --cpu 50m --memory 100Mi
  node/tiny joined (NotReady until its kubelet reports, about 1s)

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 30s
  Advanced the clock by 30s; the cluster has run for 30s

  $ kubectl get pods --field-selector status.phase=Pending -o wide
  NAME                    READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES
  fluentd-es-demo-l2srw   0/1     Pending   0          29s   <none>   <none>   <none>           <none>

  $ kubectl get events --field-selector reason=FailedScheduling -o jsonpath='{.items[*].message}{"\n"}'
  0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.

  $ kubectl describe node tiny | grep -A 8 'Allocated resources'
  Allocated resources:
    (Total limits may be over 100 percent, i.e., overcommitted.)
    Resource           Requests  Limits
    --------           --------  ------
    cpu                0 (0%)    0 (0%)
    memory             0 (0%)    0 (0%)
    ephemeral-storage  0 (0%)    0 (0%)
  Events:
    Type    Reason          Age   From             Message

