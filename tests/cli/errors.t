Client-side errors, worded and framed as kubectl v1.32 words them (checked
against the real client, which prints these before it contacts a server).

  $ kubesim cluster create --nodes 1 --bare --clock manual
  Created a 1-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl rollout status
  2> error: required resource not specified
  [1]

  $ kubectl rollout undo ds/x --foo
  2> error: unknown flag: --foo
  2> See 'kubectl rollout undo --help' for usage.
  [1]

  $ kubectl set image ds/x a=b --foo
  2> error: unknown flag: --foo
  2> See 'kubectl set image --help' for usage.
  [1]

  $ kubectl set image
  2> error: You must provide one or more resources by argument or filename.
  2> Example resource specifications include:
  2>    '-f rsrc.yaml'
  2>    '--filename=rsrc.json'
  2>    '<resource> <name>'
  2>    '<resource>'
  [1]

  $ kubectl taint
  2> error: one or more resources must be specified as <resource> <name>
  [1]

  $ kubectl taint node
  2> error: at least one taint update is required
  [1]

  $ kubectl taint node node1 a=b:Foo
  2> error: invalid taint effect: Foo, unsupported taint effect
  2> See 'kubectl taint -h' for help and examples
  [1]

  $ kubectl label
  2> error: one or more resources must be specified as <resource> <name> or <resource>/<name>
  [1]

  $ kubectl label node
  2> error: at least one label update is required
  [1]

  $ kubectl cordon
  2> error: USAGE: cordon NODE [flags]
  2> See 'kubectl cordon -h' for help and examples
  [1]

  $ kubectl get pods -x
  2> error: unknown shorthand flag: 'x' in -x
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl create
  2> error: must specify one of -f and -k
  [1]

  $ kubectl delete
  2> error: You must provide one or more resources by argument or filename.
  2> Example resource specifications include:
  2>    '-f rsrc.yaml'
  2>    '--filename=rsrc.json'
  2>    '<resource> <name>'
  2>    '<resource>'
  [1]

kubectl commands kubesim does not simulate say so, rather than pretend
kubectl has no such command.

  $ kubectl run web --image=busybox -it -- sh
  2> error: kubesim does not simulate attaching to a container (kubectl run -i, -t, --attach, --rm): run the pod without them, then follow it with kubectl get or describe
  [1]

  $ kubectl get svc
  2> error: the server doesn't have a resource type "svc"
  [1]


A field selector requirement without an operator is refused as the API
server's fields.ParseSelector words it, whichever requirement it is.

  $ kubectl get pods --field-selector status.phase
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "status.phase": invalid selector: 'status.phase'; can't understand 'status.phase'
  [1]

  $ kubectl delete pods --field-selector spec.nodeName=node1,status.phase
  2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.nodeName=node1,status.phase": invalid selector: 'spec.nodeName=node1,status.phase'; can't understand 'status.phase'
  [1]

With --all, the builder's SelectAllParam refuses any selector before one is
parsed.

  $ kubectl delete pods --all --field-selector spec.nodeName=node1,status.phase
  2> error: setting 'all' parameter but found a non empty selector. 
  [1]

  $ kubectl delete pods --all --field-selector spec.nodeName=node1
  2> error: setting 'all' parameter but found a non empty selector. 
  [1]

A manifest larger than the API server would take (3 MiB) is refused
before it is read whole: /dev/zero never ends.

  $ kubectl create -f /dev/zero
  2> error: /dev/zero: larger than 3 MiB, the limit for a manifest
  [1]

  $ kubectl apply -f - < /dev/zero
  2> error: STDIN: larger than 3 MiB, the limit for a manifest
  [1]

  $ printf 'a\0b' | kubectl apply -f -
  2> error: error parsing STDIN: STDIN:1:2: control characters are not allowed (byte 0x00)
  [1]

  $ printf 'kind: Pod\nmetadata: {name: "a\0b"}\n' > "$SCRATCH/nul.yaml" && kubectl apply -f "$SCRATCH/nul.yaml"
  2> error: error parsing $SCRATCH/nul.yaml: $SCRATCH/nul.yaml:2:20: control characters are not allowed (byte 0x00)
  [1]

A directory with no manifest in it is named, as kubectl's resource builder
names it, rather than passing for an empty success.

  $ mkdir -p "$SCRATCH/empty" && kubectl create -f "$SCRATCH/empty"
  2> error: error reading [$SCRATCH/empty]: recognized file extensions are [.json .yaml .yml]
  [1]

  $ kubectl delete -f "$SCRATCH/empty"
  2> error: error reading [$SCRATCH/empty]: recognized file extensions are [.json .yaml .yml]
  [1]
