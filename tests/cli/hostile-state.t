A state file that is not what kubesim writes - edited by hand, damaged, or
made to hurt - is refused with exit status 2, a message naming the file and
the field, and left byte for byte as it was. Never a crash.

A small valid file to start from, a header and a journal.

  $ echo '{"kind": "KubesimCluster", "format": 1, "mode": "scheduler", "clock": "manual", "seed": 1, "nodes": 1, "addons": false, "wallClock": 0, "now": 5000, "journal": [' > "$SCRATCH/head"

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "addNode", "name": "node2", "labels": {"disktype": "ssd"}, "capacity": {"cpu": "2"}}]}'; } > "$KUBESIM_STATE"; kubectl get nodes -L disktype
  NAME    STATUS   ROLES    AGE   VERSION   DISKTYPE
  node1   Ready    <none>   5s    v1.32.0   
  node2   Ready    <none>   5s    v1.32.0   ssd

An addNode whose labels or capacity is a list (this crashed kubesim).

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "addNode", "name": "node2", "labels": ["disktype", "ssd"]}]}'; } > "$KUBESIM_STATE"; cp "$KUBESIM_STATE" "$SCRATCH/before"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "labels" must be an object, not a list
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ cmp "$KUBESIM_STATE" "$SCRATCH/before" && echo untouched
  untouched

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "addNode", "name": "node2", "capacity": ["2"]}]}'; } > "$KUBESIM_STATE"; kubesim cluster status
  2> kubesim: $KUBESIM_STATE: journal entry 1: "capacity" must be an object, not a list
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "addNode", "name": "node2", "capacity": {"cpu": 2}}]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "capacity": "cpu" must be a string, not 2
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

Wrong types anywhere in the journal, missing fields, an unknown operation.

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "kubectl", "args": ["label", "node", "node1", 7]}]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "args[3]" must be a string, not 7
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "kubectl", "args": ["create", "-f", "a.yaml"], "files": {"a.yaml": {}}}]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "files": "a.yaml" must be a string, not an object
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "failNode"}]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "name" is missing
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "rebootNode", "name": "node1"}]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: unknown "op" "rebootNode" (kubectl, api, image, addNode, removeNode, failNode or recoverNode)
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ { cat "$SCRATCH/head"; echo '"failNode"]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: an entry must be an object, not a string
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

Numbers: too large for an integer, negative, fractional, beyond the clock's
range of 100 years.

  $ sed 's/"format": 1/"format": 1e300/' "$SCRATCH/head" > "$KUBESIM_STATE"; echo ']}' >> "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: "format" must be a whole number from 1 to 2147483647, not 1e+300
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "image", "image": "nginx", "pullMs": 1e300}]}'; } > "$KUBESIM_STATE"; cp "$KUBESIM_STATE" "$SCRATCH/before"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "pullMs" must be a whole number from 0 to 3153600000000, not 1e+300
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ cmp "$KUBESIM_STATE" "$SCRATCH/before" && echo untouched
  untouched

  $ { cat "$SCRATCH/head"; echo '{"at": 0, "op": "image", "image": "nginx", "pullMs": -20000}]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "pullMs" must be a whole number from 0 to 3153600000000, not -20000
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ sed 's/"seed": 1/"seed": 2.5/' "$SCRATCH/head" > "$KUBESIM_STATE"; echo ']}' >> "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: "seed" must be a whole number from 0 to 9007199254740991, not 2.5
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ sed 's/"now": 5000/"now": 1e999/' "$SCRATCH/head" > "$KUBESIM_STATE"; echo ']}' >> "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: "now" must be a whole number from 0 to 3153600000000, not inf
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ { cat "$SCRATCH/head"; echo '{"at": 6000, "op": "failNode", "name": "node1"}]}'; } > "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: journal entry 1: "at" must be a whole number from 0 to 5000, not 6000
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

A file may not declare more nodes than `cluster create --nodes` makes: every
command would build them all.

  $ sed 's/"nodes": 1/"nodes": 100000/' "$SCRATCH/head" > "$KUBESIM_STATE"; echo ']}' >> "$KUBESIM_STATE"; kubectl get nodes
  2> kubesim: $KUBESIM_STATE: "nodes" must be a whole number from 0 to 1000, not 100000
  2> The file was left as it is; `kubesim cluster delete` removes it to start over.
  [2]

  $ kubesim cluster create --nodes 1001
  2> kubesim cluster: --nodes takes a number from 0 to 1000, not "1001"
  2> Run 'kubesim help cluster' for usage.
  [2]

What the commands write stays within what a load accepts.

  $ rm "$KUBESIM_STATE"; kubesim cluster create --seed 9007199254740992
  2> kubesim cluster: --seed takes a number from 0 to 9007199254740991, not "9007199254740992"
  2> Run 'kubesim help cluster' for usage.
  [2]

  $ kubesim cluster create --nodes 1 --clock manual --bare --seed 9007199254740991 >/dev/null; grep '"seed"' "$KUBESIM_STATE"
  	"seed":	9007199254740991,

  $ kubesim cluster image nginx --pull-time 900000h
  2> kubesim cluster: image: --pull-time is at most 100 years (876000h), not "900000h"
  2> Run 'kubesim help cluster' for usage.
  [2]

  $ sed 's/"now":[[:space:]]*[0-9]*/"now": 3153599999000/' "$KUBESIM_STATE" > "$SCRATCH/late"; cp "$SCRATCH/late" "$KUBESIM_STATE"; kubesim cluster advance 2s
  2> kubesim cluster: advance: the clock would pass 100 years, the most a practice cluster runs ("2s")
  2> Run 'kubesim help cluster' for usage.
  [2]

  $ kubesim cluster advance 1s
  Advanced the clock by 1s; the cluster has run for 876000h0m0s

