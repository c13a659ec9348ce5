The state file: parallel commands all land, and a file that cannot be used
is reported with exit status 2 and left exactly as it was.

  $ kubesim cluster create --nodes 2 --clock manual --mode legacy
  Created a 2-node practice cluster (legacy mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubesim cluster create
  2> kubesim: a practice cluster already exists in $KUBESIM_STATE
  2> Delete it first with: kubesim cluster delete
  [1]

Eight kubectl commands at once: the lock serialises them, so every label lands.

  $ for i in 1 2 3 4 5 6 7 8; do kubectl label node node1 l$i=v$i & done; wait
  node/node1 labeled
  node/node1 labeled
  node/node1 labeled
  node/node1 labeled
  node/node1 labeled
  node/node1 labeled
  node/node1 labeled
  node/node1 labeled

  $ kubectl get node node1 -o jsonpath='{.metadata.labels}'
  {"beta.kubernetes.io/arch":"amd64","beta.kubernetes.io/os":"linux","kubernetes.io/arch":"amd64","kubernetes.io/hostname":"node1","kubernetes.io/os":"linux","l1":"v1","l2":"v2","l3":"v3","l4":"v4","l5":"v5","l6":"v6","l7":"v7","l8":"v8"} (no-eol)

Nodes join, fail and come back; the clock only moves when told.

  $ kubesim cluster add-node node3 --label disktype=ssd --taint dedicated=gpu:NoSchedule --cpu 2 --memory 8Gi
  node/node3 joined (NotReady until its kubelet reports, about 1s)

  $ kubectl get nodes
  NAME    STATUS     ROLES    AGE   VERSION
  node1   Ready      <none>   2m    v1.32.0
  node2   Ready      <none>   2m    v1.32.0
  node3   NotReady   <none>   0s    v1.32.0

  $ kubesim cluster advance 10s
  Advanced the clock by 10s; the cluster has run for 2m10s

  $ kubesim cluster fail-node node2
  node/node2 failed (its kubelet stops posting status)

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 3m10s

  $ kubectl get nodes node2 -o jsonpath='{.spec.taints}'
  [{"effect":"NoSchedule","key":"node.kubernetes.io/unreachable","timeAdded":"2025-01-01T00:03:00Z"},{"effect":"NoExecute","key":"node.kubernetes.io/unreachable","timeAdded":"2025-01-01T00:03:00Z"}] (no-eol)

  $ kubesim cluster recover-node node2
  node/node2 recovered (its kubelet is back)

  $ kubesim cluster advance 30s
  Advanced the clock by 30s; the cluster has run for 3m40s

  $ kubectl get nodes
  NAME    STATUS   ROLES    AGE     VERSION
  node1   Ready    <none>   3m40s   v1.32.0
  node2   Ready    <none>   3m40s   v1.32.0
  node3   Ready    <none>   100s    v1.32.0

  $ kubesim cluster remove-node node9
  2> error: node "node9" not found
  [1]

  $ kubesim cluster add-node Bad_Name
  2> kubesim cluster: node metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
  [2]

  $ kubesim cluster add-node node4 --cpu -4
  2> kubesim cluster: --cpu must be greater than or equal to 0, not "-4"
  2> Run 'kubesim help cluster' for usage.
  [2]

  $ kubesim cluster add-node node4 --taint nocolon
  2> kubesim cluster: --taint is KEY[=VALUE]:EFFECT with EFFECT NoSchedule, PreferNoSchedule or NoExecute, not "nocolon"
  2> Run 'kubesim help cluster' for usage.
  [2]

  $ kubesim cluster advance soon
  2> kubesim cluster: advance: invalid duration "soon"
  2> Run 'kubesim help cluster' for usage.
  [2]

A truncated file: an error naming where it ends, and the file is untouched.

  $ cp "$KUBESIM_STATE" "$SCRATCH/good.json"; head -c 300 "$SCRATCH/good.json" > "$KUBESIM_STATE"; cp "$KUBESIM_STATE" "$SCRATCH/cut.json"

  $ kubectl get nodes
  2> kubesim: $KUBESIM_STATE:16:29: the state file is not valid JSON
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ kubesim cluster add-node node5
  2> kubesim: $KUBESIM_STATE:16:29: the state file is not valid JSON
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ cmp "$KUBESIM_STATE" "$SCRATCH/cut.json" && echo untouched
  untouched

A file from a newer kubesim is refused, not downgraded.

  $ sed 's/"format":[[:space:]]*1,/"format": 2,/' "$SCRATCH/good.json" > "$KUBESIM_STATE"

  $ kubectl get nodes
  2> kubesim: $KUBESIM_STATE: written by a newer kubesim (state format 2, this kubesim 0.1.0 reads format 1); upgrade kubesim
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ echo '{"kind": "Pod"}' > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: not a kubesim state file (no "kind": "KubesimCluster")
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ cp "$SCRATCH/good.json" "$KUBESIM_STATE"; kubectl get nodes --no-headers | wc -l
  3

A state path must be a file in a directory that exists.

  $ mkdir -p "$SCRATCH/adir"; KUBESIM_STATE="$SCRATCH/adir" kubesim cluster create
  2> kubesim: $SCRATCH/adir is a directory; the state is a file (KUBESIM_STATE=$SCRATCH/adir/cluster.json, say)
  [2]

  $ KUBESIM_STATE="$SCRATCH/missing/cluster.json" kubectl get nodes
  2> kubesim: the directory $SCRATCH/missing does not exist (KUBESIM_STATE=$SCRATCH/missing/cluster.json)
  [2]

