The API server's validation, error by error in ValidateDaemonSet's and
ValidatePodSpec's order (pkg/apis/apps/validation, pkg/apis/core/validation),
as kubectl prints a StatusError with one cause or several.

  $ kubesim cluster create --nodes 1 --clock manual --bare
  Created a 1-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

revisionHistoryLimit -1 is not "unset": zero and up only.

  $ kubectl apply -f manifests/rhl-ds.yaml
  2> The DaemonSet "rhl-ds" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0
  [1]

A DaemonSet's pods run for ever: no activeDeadlineSeconds.

  $ kubectl apply -f manifests/ads-ds.yaml
  2> The DaemonSet "ads-ds" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported
  [1]

An IntOrString value is printed the way Go's %#v prints it.

  $ kubectl apply -f manifests/pct-ds.yaml
  2> The DaemonSet "pct-ds" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%
  [1]

Annotation keys are qualified names once lower-cased (so upper case in the
DNS prefix is allowed), in the object's and the template's metadata.

  $ kubectl apply -f manifests/bad-annotation-ds.yaml
  2> The DaemonSet "notes" is invalid: 
  2> * metadata.annotations: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
  2> * spec.template.annotations: Invalid value: "-note": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
  [1]

Everything at once, in the API server's order.

  $ kubectl apply -f manifests/invalid-ds-everything.yaml
  2> The DaemonSet "x" is invalid: 
  2> * spec.template.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
  2> * spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive
  2> * spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"
  2> * spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"
  2> * spec.template.spec.containers[0].resources.requests: Invalid value: "200m": must be less than or equal to cpu limit of 100m
  2> * spec.template.spec.containers[1].name: Duplicate value: "c"
  2> * spec.template.spec.dnsPolicy: Unsupported value: "Sometimes": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"
  2> * spec.template.spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive
  2> * spec.template.spec.tolerations[0].effect: Unsupported value: "NoScheduel": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"
  2> * spec.template.spec.priorityClassName: Invalid value: "Gold": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
  2> * spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
  2> * spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported
  2> * spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')
  2> * spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%
  2> * spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0
  [1]

A Pod under hostNetwork needs hostPort equal to containerPort (a template
may leave it 0); nodeName must be a DNS subdomain.

  $ kubectl create -f manifests/hostnet-pod.yaml
  2> The Pod "hostnet" is invalid: 
  2> * spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true
  2> * spec.nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
  [1]

A Node's taints: a key must be a label name, a value a label value.

  $ kubectl create -f manifests/bad-taint-node.yaml
  2> The Node "node9" is invalid: 
  2> * spec.taints[0].key: Invalid value: "dedicated team": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
  2> * spec.taints[0].value: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
  [1]

  $ kubectl get ds,pods
  2> No resources found in default namespace.
