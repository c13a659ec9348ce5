Writing objects: create, apply (created, configured, unchanged), replace and
delete in its forms.

  $ kubesim cluster create --nodes 2 --clock manual --bare
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo unchanged

  $ sed 's/fluentd-elasticsearch:1.20/fluentd-elasticsearch:1.22/' ../../scenarios/cka/demo.yaml > "$SCRATCH/demo-1.22.yaml"; kubectl apply -f "$SCRATCH/demo-1.22.yaml"
  daemonset.apps/fluentd-es-demo configured

  $ kubectl replace -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo replaced

  $ kubectl replace -f manifests/busybox-pod.yaml
  2> Error from server (NotFound): error when replacing "manifests/busybox-pod.yaml": pods "sleeper" not found
  [1]

  $ kubectl create -f manifests/busybox-pod.yaml
  pod/sleeper created

  $ kubectl create -f manifests/busybox-pod.yaml
  2> Error from server (AlreadyExists): error when creating "manifests/busybox-pod.yaml": pods "sleeper" already exists
  [1]

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 1m0s

  $ kubectl get pods -o wide
  NAME                    READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES
  fluentd-es-demo-cv49m   1/1     Running   0          60s   10.244.0.2   node1   <none>           <none>
  fluentd-es-demo-vxkfs   1/1     Running   0          60s   10.244.1.3   node2   <none>           <none>
  sleeper                 1/1     Running   0          60s   10.244.1.2   node2   <none>           <none>

  $ kubectl delete -f manifests/busybox-pod.yaml --now
  pod "sleeper" deleted

  $ kubectl delete pod -l name=fluentd-es --grace-period=0 --force
  pod "fluentd-es-demo-cv49m" force deleted
  pod "fluentd-es-demo-vxkfs" force deleted
  2> Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.

  $ kubesim cluster advance 5s
  Advanced the clock by 5s; the cluster has run for 1m6s

  $ kubectl get pods
  NAME                    READY   STATUS    RESTARTS   AGE
  fluentd-es-demo-jlwxn   1/1     Running   0          5s
  fluentd-es-demo-ltxml   1/1     Running   0          5s

  $ kubectl delete ds --all
  daemonset.apps "fluentd-es-demo" deleted

  $ kubectl delete ds fluentd-es-demo
  2> Error from server (NotFound): daemonsets.apps "fluentd-es-demo" not found
  [1]

  $ kubectl delete
  2> error: You must provide one or more resources by argument or filename.
  2> Example resource specifications include:
  2>    '-f rsrc.yaml'
  2>    '--filename=rsrc.json'
  2>    '<resource> <name>'
  2>    '<resource>'
  [1]

A directory stands for the manifests in it (.json, .yaml, .yml, in name
order), and the practice cluster remembers what it held.

  $ kubectl apply -f manifests/bundle/
  daemonset.apps/agent created
  pod/probe created

  $ kubectl get ds,pods -o name
  daemonset.apps/agent
  pod/fluentd-es-demo-jlwxn
  pod/fluentd-es-demo-ltxml
  pod/probe

  $ kubectl delete -f manifests/bundle --now
  daemonset.apps "agent" deleted
  pod "probe" deleted

  $ kubectl apply -f manifests/nothing-here/
  2> error: the path "manifests/nothing-here/" does not exist
  [1]


The server's refusals come after what was created, as one aggregate: an
error alone is worded from its details, several each in standard form.

  $ kubectl create -f manifests/mixed-invalid.yaml
  daemonset.apps/good created
  2> Error from server (Invalid): error when creating "manifests/mixed-invalid.yaml": DaemonSet.apps "bad-one" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0
  2> Error from server (Invalid): error when creating "manifests/mixed-invalid.yaml": DaemonSet.apps "bad-two" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`, spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported]
  [1]

  $ kubectl create -f manifests/mixed-invalid.yaml
  2> Error from server (Invalid): error when creating "manifests/mixed-invalid.yaml": DaemonSet.apps "bad-one" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0
  2> Error from server (AlreadyExists): error when creating "manifests/mixed-invalid.yaml": daemonsets.apps "good" already exists
  2> Error from server (Invalid): error when creating "manifests/mixed-invalid.yaml": DaemonSet.apps "bad-two" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`, spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported]
  [1]

  $ kubectl delete ds good
  daemonset.apps "good" deleted
