The exam's broken-image exercise on the practice cluster: an image marked
missing fails to pull, the rollout stalls within its budget, and undo
brings the DaemonSet back.

  $ kubesim cluster create --nodes 2 --bare --clock manual
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 1m0s

  $ kubesim cluster image nginx:no-such-tag --fail
  image nginx:no-such-tag does not exist in its registry: pulls fail (ErrImagePull, then ImagePullBackOff)

  $ kubectl set image ds/fluentd-es-demo fluentd-es-example=nginx:no-such-tag
  daemonset.apps/fluentd-es-demo image updated

  $ kubectl rollout status ds/fluentd-es-demo --timeout=2m
  Waiting for daemon set spec update to be observed...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 0 out of 2 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 1 out of 2 new pods have been updated...
  2> error: timed out waiting for the condition
  [1]

  $ kubectl get pods
  NAME                    READY   STATUS             RESTARTS   AGE
  fluentd-es-demo-gbz62   0/1     ImagePullBackOff   0          118s
  fluentd-es-demo-h5vxk   1/1     Running            0          3m

  $ kubectl rollout undo ds/fluentd-es-demo
  daemonset.apps/fluentd-es-demo rolled back

  $ kubectl rollout status ds/fluentd-es-demo --timeout=2m
  Waiting for daemon set spec update to be observed...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 1 out of 2 new pods have been updated...
  Waiting for daemon set "fluentd-es-demo" rollout to finish: 1 of 2 updated pods are available...
  daemon set "fluentd-es-demo" successfully rolled out

  $ kubesim cluster image nginx:no-such-tag --ok
  image nginx:no-such-tag pulls normally again

  $ kubesim cluster image nginx --fail --ok
  2> kubesim cluster: image takes one IMAGE and one of --fail, --pull-time DURATION, --ok
  2> Run 'kubesim help cluster' for usage.
  [2]

