What the API server writes into objects: each kind's own defaulting
(pkg/apis/core/v1 and apps/v1 defaults.go) and, for Pods only, the
ServiceAccount and Priority admission plugins; then what the kubelet
reports (container and image ids) and the node's system ids.

  $ kubesim cluster create --nodes 1 --clock manual --bare
  Created a 1-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

A DaemonSet template gets SetDefaults_PodSpec only: no serviceAccountName,
priority, preemptionPolicy or enableServiceLinks, requests are not copied
from limits and hostNetwork does not fill in hostPort.

  $ kubectl create -f manifests/limits-only-ds.yaml
  daemonset.apps/agent created

  $ kubectl get ds agent -o jsonpath={.spec.template.spec}
  {"containers":[{"image":"nginx","imagePullPolicy":"Always","name":"agent","ports":[{"containerPort":9100,"protocol":"TCP"}],"resources":{"limits":{"cpu":"100m","memory":"64Mi"}},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","hostNetwork":true,"restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30} (no-eol)

  $ kubesim cluster advance 10s
  Advanced the clock by 10s; the cluster has run for 10s

The pod made from it has them all.

  $ kubectl get pods -o jsonpath={.items[0].spec.enableServiceLinks}/{.items[0].spec.priority}/{.items[0].spec.preemptionPolicy}/{.items[0].spec.serviceAccountName}/{.items[0].spec.serviceAccount}
  true/0/PreemptLowerPriority/default/default (no-eol)

  $ kubectl get pods -o jsonpath={.items[0].spec.containers[0].resources.requests}/{.items[0].spec.containers[0].ports[0].hostPort}
  {"cpu":"100m","memory":"64Mi"}/9100 (no-eol)

The ControllerRevision holds the template as the DaemonSet has it, so
rollout history shows no Service Account.

  $ kubectl rollout history ds/agent --revision=1
  daemonset.apps/agent with revision #1
  Pod Template:
    Labels:	app=agent
    Containers:
     agent:
      Image:	nginx
      Port:	9100/TCP
      Host Port:	0/TCP
      Limits:
        cpu:	100m
        memory:	64Mi
      Environment:	<none>
      Mounts:	<none>
    Volumes:	<none>
    Node-Selectors:	<none>
    Tolerations:	<none>
  

The kubelet reports the runtime's ids once the container exists.

  $ kubectl get pods -o jsonpath={.items[0].status.containerStatuses[0]}
  {"containerID":"containerd://497061ebb6fa1c0484b65a47946f38b00dce82a2af0d37c5c4706866b7bff747","image":"docker.io/library/nginx:latest","imageID":"docker.io/library/nginx@sha256:116ae39077f17c1eb298824c9ad035525a360102ee008b7bdfd8b82653129413","lastState":{},"name":"agent","ready":true,"restartCount":0,"started":true,"state":{"running":{"startedAt":"2025-01-01T00:00:02Z"}}} (no-eol)

A running container also reports its mounts, a read-only one with its
recursive mode (RecursiveReadOnlyMounts, on in v1.32).

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 10s
  Advanced the clock by 10s; the cluster has run for 20s

  $ kubectl get pods -l name=fluentd-es -o jsonpath={.items[0].status.containerStatuses[0].volumeMounts}
  [{"mountPath":"/var/log","name":"varlog"},{"mountPath":"/var/lib/docker/containers","name":"varlibdockercontainers","readOnly":true,"recursiveReadOnly":"Disabled"}] (no-eol)

  $ kubectl get nodes -o jsonpath={.items[0].status.nodeInfo}
  {"architecture":"amd64","bootID":"469ff471-bdbb-146b-509c-e507f607fbd0","containerRuntimeVersion":"containerd://1.7.24","kernelVersion":"6.1.0-27-amd64","kubeProxyVersion":"v1.32.0","kubeletVersion":"v1.32.0","machineID":"a874ee62af28fb2e106d37f5c18f60ac","operatingSystem":"linux","osImage":"Debian GNU/Linux 12 (bookworm)","systemUUID":"b3f2af6d-0fc7-40c5-853b-559647364cea"} (no-eol)

Priority admission resolves the class, and refuses an unknown one or a
priority that disagrees with it.

  $ kubectl create -f manifests/no-such-class-pod.yaml
  2> Error from server (Forbidden): error when creating "manifests/no-such-class-pod.yaml": pods "vip" is forbidden: no PriorityClass with name gold was found
  [1]

  $ kubectl create -f manifests/priority-pod.yaml
  2> Error from server (Forbidden): error when creating "manifests/priority-pod.yaml": pods "critical" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 2000000000 from the given PriorityClass name
  [1]

A DaemonSet may name a class that does not exist: its template is not
admitted, its pods are, so each creation fails.

  $ kubectl create -f manifests/gold-ds.yaml
  daemonset.apps/gold created

  $ kubesim cluster advance 5s
  Advanced the clock by 5s; the cluster has run for 25s

  $ kubectl get events --field-selector reason=FailedCreate -o jsonpath={.items[0].message}
  Error creating: pods "gold-" is forbidden: no PriorityClass with name gold was found (no-eol)
