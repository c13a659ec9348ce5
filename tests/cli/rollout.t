Rolling a DaemonSet forward and back: set image, rollout status, history,
undo and restart.

  $ kubesim cluster create --nodes 3 --clock manual --bare
  Created a 3-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 1m0s

  $ kubectl set image ds/fluentd-es-demo fluentd-es-example=k8s.gcr.io/fluentd-elasticsearch:1.22
  daemonset.apps/fluentd-es-demo image updated

  $ kubectl rollout status ds/fluentd-es-demo
  Waiting for daemon set spec update to be observed...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 0 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 1 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 1 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 2 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 2 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 2 of 3 updated pods are available...
  daemon set "fluentd-es-demo" successfully rolled out

  $ kubectl rollout history ds/fluentd-es-demo
  daemonset.apps/fluentd-es-demo 
  REVISION  CHANGE-CAUSE
  1         <none>
  2         <none>
  

  $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,HASH:.metadata.labels.controller-revision-hash
  NAME                    IMAGE                                   HASH
  fluentd-es-demo-52jtw   k8s.gcr.io/fluentd-elasticsearch:1.22   747449db86
  fluentd-es-demo-5qff6   k8s.gcr.io/fluentd-elasticsearch:1.22   747449db86
  fluentd-es-demo-nr87v   k8s.gcr.io/fluentd-elasticsearch:1.22   747449db86

  $ kubectl rollout undo ds/fluentd-es-demo
  daemonset.apps/fluentd-es-demo rolled back

  $ kubectl rollout status ds/fluentd-es-demo --timeout=5m
  Waiting for daemon set spec update to be observed...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 0 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 1 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 1 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 2 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 2 out of 3 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 2 of 3 updated pods are available...
  daemon set "fluentd-es-demo" successfully rolled out

  $ kubectl rollout history ds/fluentd-es-demo --revision=3
  daemonset.apps/fluentd-es-demo with revision #3
  Pod Template:
    Labels:	name=fluentd-es
    Containers:
     fluentd-es-example:
      Image:	k8s.gcr.io/fluentd-elasticsearch:1.20
      Port:	<none>
      Host Port:	<none>
      Limits:
        memory:	200Mi
      Requests:
        cpu:	100m
        memory:	200Mi
      Environment:	<none>
      Mounts:
        /var/lib/docker/containers from varlibdockercontainers (ro)
        /var/log from varlog (rw)
    Volumes:
     varlog:
      Type:	HostPath (bare host directory volume)
      Path:	/var/log
      HostPathType:	
     varlibdockercontainers:
      Type:	HostPath (bare host directory volume)
      Path:	/var/lib/docker/containers
      HostPathType:	
    Node-Selectors:	<none>
    Tolerations:	node-role.kubernetes.io/master:NoSchedule
  

  $ kubectl rollout undo ds/fluentd-es-demo --to-revision=9
  2> error: unable to find specified revision 9 in history
  [1]

  $ kubectl set image ds/fluentd-es-demo nope=busybox
  2> error: unable to find container named "nope"
  [1]

  $ kubectl rollout restart ds/fluentd-es-demo
  daemonset.apps/fluentd-es-demo restarted

  $ kubectl rollout pause ds/fluentd-es-demo
  2> error: daemonsets.apps "fluentd-es-demo" pausing is not supported
  [1]

