kubectl run: one Pod as kubectl v1.32's generator builds it (label
run=NAME, one container named NAME, dnsPolicy ClusterFirst), created
through the API layer. A client dry run prints it without a server; this
is what CKA candidates pipe into a file.

  $ kubesim cluster create --nodes 2 --clock manual
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl run x --image=nginx --dry-run=client -o yaml
  apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: null
    labels:
      run: x
    name: x
  spec:
    containers:
    - image: nginx
      name: x
      resources: {}
    dnsPolicy: ClusterFirst
    restartPolicy: Always
  status: {}

  $ kubectl run x --image=nginx --dry-run=client -o json
  {
      "kind": "Pod",
      "apiVersion": "v1",
      "metadata": {
          "name": "x",
          "creationTimestamp": null,
          "labels": {
              "run": "x"
          }
      },
      "spec": {
          "containers": [
              {
                  "name": "x",
                  "image": "nginx",
                  "resources": {}
              }
          ],
          "restartPolicy": "Always",
          "dnsPolicy": "ClusterFirst"
      },
      "status": {}
  }

ARGS after NAME are the container's args, or its command with --command;
-l replaces run=NAME; --env and --annotations repeat.

  $ kubectl run x --image=nginx -l a=b,c=d --env A=1 --env B=2 --port 80 --restart Never --image-pull-policy IfNotPresent --annotations k=v --annotations a=b --privileged --dry-run=client -o yaml -- sleep 10
  apiVersion: v1
  kind: Pod
  metadata:
    annotations:
      a: b
      k: v
    creationTimestamp: null
    labels:
      a: b
      c: d
    name: x
  spec:
    containers:
    - args:
      - sleep
      - "10"
      env:
      - name: A
        value: "1"
      - name: B
        value: "2"
      image: nginx
      imagePullPolicy: IfNotPresent
      name: x
      ports:
      - containerPort: 80
      resources: {}
      securityContext:
        privileged: true
    dnsPolicy: ClusterFirst
    restartPolicy: Never
  status: {}

  $ kubectl run x --image=busybox --command --dry-run=client -o yaml -- sleep 10
  apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: null
    labels:
      run: x
    name: x
  spec:
    containers:
    - command:
      - sleep
      - "10"
      image: busybox
      name: x
      resources: {}
    dnsPolicy: ClusterFirst
    restartPolicy: Always
  status: {}

--overrides patches the generated object: a JSON merge patch by default
(lists replaced whole), strategic or json with --override-type; -n puts
the namespace in what a client dry run prints.

  $ kubectl run x --image=nginx --dry-run=client -n kube-system -o yaml --overrides '{"spec":{"nodeName":"node1","containers":[{"name":"x","resources":{"limits":{"cpu":"1"}}}]}}'
  apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: null
    labels:
      run: x
    name: x
    namespace: kube-system
  spec:
    containers:
    - name: x
      resources:
        limits:
          cpu: "1"
    dnsPolicy: ClusterFirst
    nodeName: node1
    restartPolicy: Always
  status: {}

  $ kubectl run x --image=nginx --override-type=strategic --overrides '{"spec":{"containers":[{"name":"x","env":[{"name":"A","value":"b"}]}]}}' --dry-run=client -o yaml
  apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: null
    labels:
      run: x
    name: x
  spec:
    containers:
    - env:
      - name: A
        value: b
      image: nginx
      name: x
      resources: {}
    dnsPolicy: ClusterFirst
    restartPolicy: Always
  status: {}

  $ kubectl run x --image=nginx --override-type=json --overrides '[{"op":"add","path":"/spec/nodeName","value":"node2"}]' --dry-run=client -o jsonpath='{.spec.nodeName}{"\n"}'
  node2

The generator's and Validate's errors, in their order.

  $ kubectl run x --image=NGINX
  2> error: Invalid image name "NGINX": invalid reference format
  [1]

  $ kubectl run x --image=nginx --env FOO --annotations foo -l foo
  2> error: invalid env: FOO
  [1]

  $ kubectl run x --image=nginx --annotations foo -l foo
  2> error: invalid annotations format: foo
  [1]

  $ kubectl run x --image=nginx -l a=b=c
  2> error: unexpected label spec: a=b=c
  [1]

  $ kubectl run x --image=nginx --port abc
  2> error: strconv.Atoi: parsing "abc": invalid syntax
  [1]

  $ kubectl run x --image=nginx --restart Sometimes
  2> error: invalid restart policy: Sometimes
  2> See 'kubectl run -h' for help and examples
  [1]

  $ kubectl run x --image=nginx --image-pull-policy Sometimes
  2> error: invalid image pull policy: Sometimes
  2> See 'kubectl run -h' for help and examples
  [1]

  $ kubectl run x --image=nginx -t
  2> error: -i/--stdin is required for containers with -t/--tty=true
  2> See 'kubectl run -h' for help and examples
  [1]

  $ kubectl run x --image=nginx --rm
  2> error: --rm should only be used for attached containers
  2> See 'kubectl run -h' for help and examples
  [1]

  $ kubectl run x --image=nginx -i --dry-run=client
  2> error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)
  2> See 'kubectl run -h' for help and examples
  [1]

  $ kubectl run x --image=nginx --overrides '{bad'
  2> error: Invalid JSON Patch
  [1]

  $ kubectl run x --image=nginx --override-type=bogus --overrides '{}'
  2> error: invalid override type: bogus
  [1]

Created for real: the API server defaults and validates it, the scheduler
places it; a server dry run stores nothing.

  $ kubectl run web --image=nginx --dry-run=server
  pod/web created (server dry run)

  $ kubectl get pods
  2> No resources found in default namespace.

  $ kubectl run web --image=nginx
  pod/web created

  $ kubectl run web --image=nginx
  2> Error from server (AlreadyExists): pods "web" already exists
  [1]

  $ kubectl run X --image=nginx
  2> The Pod "X" is invalid: 
  2> * metadata.name: Invalid value: "X": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
  2> * spec.containers[0].name: Invalid value: "X": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
  [1]

  $ kubesim cluster advance 30s
  Advanced the clock by 30s; the cluster has run for 2m30s

  $ kubectl get pod web -o jsonpath='{.metadata.labels} {.spec.containers[0].name} {.spec.restartPolicy} {.status.phase}{"\n"}'
  {"run":"web"} web Always Running

  $ kubectl run job1 --image=busybox --restart=Never -o name -- sh -c 'exit 0'
  pod/job1

--save-config stores the Pod as sent in the last-applied annotation, for
a later kubectl apply.

  $ kubectl run saved --image=nginx --save-config
  pod/saved created

  $ kubectl apply view-last-applied pod saved -o json
  {
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
      "name": "saved",
      "creationTimestamp": null,
      "labels": {
        "run": "saved"
      }
    },
    "spec": {
      "containers": [
        {
          "name": "saved",
          "image": "nginx",
          "resources": {}
        }
      ],
      "restartPolicy": "Always",
      "dnsPolicy": "ClusterFirst"
    },
    "status": {}
  }

kubesim runs no container processes, so it cannot attach to one.

  $ kubectl run x --image=busybox -i --restart=Never -- sh
  2> error: kubesim does not simulate attaching to a container (kubectl run -i, -t, --attach, --rm): run the pod without them, then follow it with kubectl get or describe
  [1]
