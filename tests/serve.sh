#!/bin/sh
# kubesim serve with the real kubectl v1.32 (issue 12, work in progress):
# TLS with the kubeconfig's CA, the bearer token (and a wrong one's 401),
# discovery, objects and lists, tables printed on the server side (the
# same cells as the built-in kubectl's), NotFound and unknown-kind errors as
# a real cluster sends them; writes (create, label, patch, replace, delete,
# drain's evictions) with the Status errors a real cluster answers, journaled
# so `kubesim kubectl` sees them and a restart keeps them; changes made with
# `kubesim kubectl` served; and a clean stop on SIGTERM.
#
# Needs kubectl v1.32 (kubectl.1.32 beside the kubectl on PATH, or
# $KUBECTL_1_32); without it the test is skipped, saying why.
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 1

real=$(find_real_kubectl)
if [ -z "$real" ]; then
	printf '1..0 # SKIP kubectl v1.32 not found (no kubectl.1.32 beside kubectl; set KUBECTL_1_32)\n'
	exit 0
fi

dir=$(mktemp -d)
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
export KUBESIM_STATE="$dir/cluster.json"
"$KUBESIM" cluster create --nodes 3 --clock manual >/dev/null
"$KUBESIM" kubectl apply -f scenarios/cka/demo.yaml >/dev/null
"$KUBESIM" cluster advance 1m >/dev/null

start_server() { # serve's options; sets $server once the kubeconfig is there
	rm -f "$dir/kc"
	"$KUBESIM" serve --kubeconfig "$dir/kc" "$@" >"$dir/out" 2>"$dir/err" &
	server=$!
	i=0
	while [ ! -s "$dir/kc" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
start_server
tap_result "$([ -s "$dir/kc" ] && echo 0 || echo 1)" "serve writes a kubeconfig" "$(cat "$dir/err")"

# The real kubectl, with its discovery cache in the scratch directory; its
# memcache.go complaints are not what is checked.
kube() {
	"$real" --kubeconfig "$dir/kc" --cache-dir "$dir/cache" "$@" 2>"$dir/kerr" | cat
	grep -v 'memcache.go' "$dir/kerr" >&2 || true
}
same() { # NAME, then the command both kubectls run
	name=$1
	shift
	want=$("$KUBESIM" kubectl "$@" 2>&1)
	got=$(kube "$@" 2>&1)
	tap_result "$([ "$got" = "$want" ] && echo 0 || echo 1)" "$name" "want:
$want
got:
$got"
}
expect() { # NAME WANT, then the command
	name=$1
	want=$2
	shift 2
	got=$(kube "$@" 2>&1)
	tap_result "$([ "$got" = "$want" ] && echo 0 || echo 1)" "$name" "want:
$want
got:
$got"
}

same "get nodes -o name" get nodes -o name
same "get pods' nodes" get pods -o 'jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName}{"\n"}{end}'
same "get ds by label" get ds -l k8s-app=fluentd-logging -o name
same "get ds selector" get ds fluentd-es-demo -o 'jsonpath={.spec.selector}' 
# Discovery: kubectl 1.32 asks /api and /apis for aggregated discovery
# (apidiscovery.k8s.io/v2) first; the legacy documents answer other Accepts.
same "api-resources" api-resources
same "api-resources -o wide" api-resources -o wide
same "api-resources --namespaced=false" api-resources --namespaced=false
same "api-versions" api-versions
# /version: WriteRawJSON's MarshalIndent, printed by get --raw as it comes.
same "get --raw /version" get --raw /version
same "explain an unknown type (the mapper's bare error)" explain deployments
same "taint --dry-run=server says no (server dry run)" taint node node1 dedicated=infra:NoSchedule --dry-run=server
token=$(sed -n 's/^ *token: //p' "$dir/kc")
server_url=$(sed -n 's/^ *server: //p' "$dir/kc")
curl_api() { # PATH [ACCEPT]
	curl -s --cacert "$dir/ca.crt" -H "Authorization: Bearer $token" \
		${2:+-H "Accept: $2"} -D "$dir/headers" "$server_url$1"
}
sed -n 's/^ *certificate-authority-data: //p' "$dir/kc" | base64 -d >"$dir/ca.crt"
agg='application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'
got=$(curl_api /api "$agg" | python3 -c '
import json, sys
d = json.load(sys.stdin)
pods = [r for r in d["items"][0]["versions"][0]["resources"] if r["resource"] == "pods"][0]
print(d["kind"], d["apiVersion"], pods["singularResource"], pods["scope"], ",".join(pods["categories"]),
      ",".join(s["subresource"] + ":" + s["responseKind"]["group"] + "/" + s["responseKind"]["kind"] for s in pods["subresources"]))')
ctype=$(sed -n 's/^[Cc]ontent-[Tt]ype: //p' "$dir/headers" | tr -d '\r')
expect_str() { # NAME WANT GOT
	tap_result "$([ "$3" = "$2" ] && echo 0 || echo 1)" "$1" "want:
$2
got:
$3"
}
expect_str "aggregated discovery of the core group" \
	"APIGroupDiscoveryList apidiscovery.k8s.io/v2 pod Namespaced all eviction:policy/Eviction,log:/Pod,status:/Pod" "$got"
expect_str "aggregated discovery's content type" \
	"application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList" "$ctype"
got=$(curl_api /api/v1 | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(r["name"] + ":" + r["singularName"] for r in d["resources"]))')
expect_str "legacy discovery lists singular names and subresources" \
	"events:event namespaces:namespace nodes:node nodes/status: pods:pod pods/eviction: pods/log: pods/status:" "$got"

# explain reads the served OpenAPI v3, generated from the built-in's field docs.
same "explain ds.spec.updateStrategy" explain ds.spec.updateStrategy
same "explain pods" explain pods
same "explain node.spec --recursive" explain node.spec --recursive
same "explain a field path into a list" explain pod.spec.containers.ports
same "explain a missing field" explain ds.spec.foo.bar
# kubectl asks /openapi/v2 as protocol buffers only (gnostic's Document).
same "explain -o plaintext-openapiv2" explain ds.spec.updateStrategy -o plaintext-openapiv2
same "explain -o plaintext-openapiv2 --recursive" explain pods --recursive -o plaintext-openapiv2
same "explain -o plaintext-openapiv2 of an opaque object" explain pod.metadata.managedFields.fieldsV1 -o plaintext-openapiv2
same "explain -o plaintext-openapiv2 of a missing field" explain ds.spec.foo.bar -o plaintext-openapiv2
# The PATCH operations' fieldValidation parameter tells kubectl the server
# validates fields (query_param_verifier_v3.go): it sends fieldValidation=Strict
# and prints the server's error, not a client-side one.
cat >"$dir/unknown-field.yaml" <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: unknown-field
spec:
  selector:
    matchLabels: {app: unknown-field}
  template:
    metadata:
      labels: {app: unknown-field}
    spec:
      containers:
      - name: c
        image: nginx
        bogus: 1
EOF
same "create with an unknown field: the server's strict validation" create -f "$dir/unknown-field.yaml"
got=$(curl_api /openapi/v3 | python3 -c '
import json, sys
print(" ".join(sorted(json.load(sys.stdin)["paths"])))')
expect_str "the OpenAPI v3 index" "api/v1 apis/apps/v1 apis/coordination.k8s.io/v1" "$got"

# Server-side printing: kubectl get asks for a meta.k8s.io Table and prints
# the server's columns and cells, decorated on its side (-A, -L,
# --show-labels, -o wide); they must be the built-in kubectl's.
same "get ds (a Table)" get ds
same "get ds -o wide" get ds -o wide
same "get ds NAME (a Table of one object)" get ds fluentd-es-demo
same "get ds -L" get ds -L k8s-app,name
same "get pods -o wide" get pods -o wide
same "get pods -A" get pods -A
same "get pods -l" get pods -l name=fluentd-es
same "get pods --show-labels" get pods --show-labels
same "get pods --sort-by (includeObject=Object)" get pods --sort-by=.spec.nodeName
same "get pods,ds" get pods,ds
same "get ds,nodes -A (NAMESPACE stays for nodes)" get ds,nodes -A
# --server-print=false: kubectl's own NAME and AGE, its ages from its own
# clock (the server's started a moment ago), so the ages are left out.
same_but_ages() { # NAME, then the command both kubectls run
	name=$1
	shift
	want=$("$KUBESIM" kubectl "$@" 2>&1 | sed -E 's/ +[0-9][0-9smhd]*$//')
	got=$(kube "$@" 2>&1 | sed -E 's/ +[0-9][0-9smhd]*$//')
	tap_result "$([ "$got" = "$want" ] && echo 0 || echo 1)" "$name" "want:
$want
got:
$got"
}
same_but_ages "get pods,ds --sort-by --server-print=false (objects sorted together)" \
	get pods,ds --sort-by=.metadata.name --server-print=false
same_but_ages "get pods -A -o wide --server-print=false" get pods -A -o wide --server-print=false
# --sort-by over several Tables sorts the Tables, not the rows.
same "get pods,ds --sort-by (Tables have no .metadata.name)" get pods,ds --sort-by=.metadata.name
same "get ds,nodes --sort-by=.kind" get ds,nodes --sort-by=.kind
p1=$("$KUBESIM" kubectl get pods -o name | sed -n 1p)
p2=$("$KUBESIM" kubectl get pods -o name | sed -n 2p)
same "get TYPE/NAME in the arguments' order" get "$p2" ds/fluentd-es-demo "$p1"
same "get TYPE NAME NAME --sort-by (one Table each)" get pods "${p2#pod/}" "${p1#pod/}" --sort-by=.metadata.name
same "get nodes" get nodes
same "get nodes -o wide" get nodes -o wide
same "get events" get events
same "get events -o wide" get events -o wide
same "get ns" get ns
same "get leases -A" get leases -A
same "get controllerrevisions" get controllerrevisions
expect "NotFound" 'Error from server (NotFound): daemonsets.apps "nope" not found' get ds nope
expect "a kind kubesim does not serve" 'error: the server doesn'"'"'t have a resource type "deployments"' get deployments
expect "a wrong token" 'error: You must be logged in to the server (Unauthorized)' --token=wrong get nodes

# Writes go through the API layer and into the journal, so `kubesim
# kubectl` on the same file sees them at once.
expect "label" "node/node1 labeled" label node node1 a=b
tap_result "$("$KUBESIM" kubectl get nodes -l a=b -o name | grep -qx node/node1 && echo 0 || echo 1)" \
	"kubesim kubectl sees the label the server stored"
sed 's/name: fluentd-es-demo/name: second/' scenarios/cka/demo.yaml >"$dir/second.yaml"
expect "create" "daemonset.apps/second created" create -f "$dir/second.yaml"
same "create of an existing object" create -f scenarios/cka/demo.yaml
expect "patch (strategic)" "daemonset.apps/second patched" patch ds second -p '{"spec":{"template":{"spec":{"containers":[{"name":"fluentd-elasticsearch","image":"fluentd:v2"}]}}}}'
same "patched image" get ds second -o 'jsonpath={.spec.template.spec.containers[0].image}'
# evanphx/json-patch v4, as the server runs it: a failed test op fails the patch.
same "a JSON patch whose test fails" patch ds second --type=json -p '[{"op":"test","path":"/metadata/name","value":"x"}]'
expect "server dry run" 'daemonset.apps "second" deleted (server dry run)' delete ds second --dry-run=server
sed 's/fluentd-logging$/other/' "$dir/second.yaml" >"$dir/bad.yaml"
same "an invalid update" replace -f "$dir/bad.yaml"
"$KUBESIM" kubectl get ds second -o json | sed 's/"resourceVersion": "[0-9]*"/"resourceVersion": "1"/' >"$dir/stale.json"
expect "a stale resourceVersion" 'Error from server (Conflict): error when replacing "'"$dir"'/stale.json": Operation cannot be fulfilled on daemonsets.apps "second": the object has been modified; please apply your changes to the latest version and try again' replace -f "$dir/stale.json"
expect "delete without waiting" 'daemonset.apps "second" deleted' delete ds second --wait=false
same "the deletion is journaled" get ds -o name
# kubectl's typed clients send protobuf: drain's evictions, create namespace.
expect "create namespace (a protobuf body)" "namespace/practice created" create namespace practice
same "the namespace is there" get ns practice -o name
ds_pod=$(kube get pods -o name --field-selector spec.nodeName=node3 | sed 's|pod/||')
proxy_pod=$(kube get pods -n kube-system -o name --field-selector spec.nodeName=node3 | sed 's|pod/||')
expect "run a bare pod" "pod/bare created" run bare --image=nginx --overrides='{"spec":{"nodeName":"node3"}}'
# kubectl joins drain's warnings in Go map order: compare them as a set.
warning_set() { sed '/^Warning: /{s/^Warning: //;s/; /\n/g}' | sort; }
got=$(kube drain node3 --ignore-daemonsets --force --grace-period=0 2>&1 | warning_set)
want=$(printf '%s\n' "node/node3 cordoned" "evicting pod default/bare" "pod/bare evicted" "node/node3 drained" \
	"Warning: ignoring DaemonSet-managed Pods: default/$ds_pod, kube-system/$proxy_pod; deleting Pods that declare no controller: default/bare" | warning_set)
tap_result "$([ "$got" = "$want" ] && echo 0 || echo 1)" "drain evicts (a protobuf Eviction)" "want:
$want
got:
$got"
same "the evicted pod is gone" get pods bare
same "field selector" get pods --field-selector spec.nodeName=node2 -o name
# The server's message, wrapped by kubectl's resource builder.
expect "an unknown field label" 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.nope=x": field label not supported: spec.nope' get pods --field-selector spec.nope=x

# What `kubesim kubectl` changes meanwhile is served once the file is replaced.
"$KUBESIM" kubectl label node node1 seen-by=serve >/dev/null
i=0
while [ "$(kube get nodes -l seen-by=serve -o name 2>/dev/null)" != node/node1 ] && [ $i -lt 30 ]; do
	sleep 0.2
	i=$((i + 1))
done
expect "a change made with kubesim kubectl is served" "node/node1" get nodes -l seen-by=serve -o name

# A manual clock stands still, but moves while a client waits on one object.
container=$(kube get ds fluentd-es-demo -o 'jsonpath={.spec.template.spec.containers[0].name}')
kube set image ds/fluentd-es-demo "$container=nginx:1.27" >/dev/null
got=$(timeout 30 "$real" --kubeconfig "$dir/kc" --cache-dir "$dir/cache" rollout status ds/fluentd-es-demo 2>&1 | tail -1)
tap_result "$([ "$got" = 'daemon set "fluentd-es-demo" successfully rolled out' ] && echo 0 || echo 1)" \
	"rollout status on a manual clock: the clock moves while the client waits" "$got"
sleep 1.5 # the server saves a clock a waiting client moved within a second
same "kubesim kubectl sees the rollout done (the moved clock is saved)" get ds fluentd-es-demo

kill -TERM "$server"
wait "$server"
rc=$?
server=
tap_result "$([ $rc = 0 ] && echo 0 || echo 1)" "SIGTERM stops the server cleanly (exit $rc)" "$(cat "$dir/err")"
got=$("$KUBESIM" kubectl get nodes -o 'jsonpath={range .items[*]}{.metadata.name} {.spec.unschedulable} {.metadata.labels.a}{"\n"}{end}')
tap_result "$([ "$got" = "node1  b
node2  
node3 true " ] && echo 0 || echo 1)" "the server's writes outlive it (replayed from the journal)" "$got"

# A cluster on the real clock, served 20 times faster than the wall clock:
# what waits on a real cluster (watches, rollout status) waits here too.
export KUBESIM_STATE="$dir/real.json"
"$KUBESIM" cluster create --nodes 2 >/dev/null
"$KUBESIM" kubectl apply -f scenarios/cka/demo.yaml >/dev/null
start_server --speed 20 --stats
tap_result "$([ -s "$dir/kc" ] && echo 0 || echo 1)" "serve --speed 20" "$(cat "$dir/err")"
kube get pods -w --request-timeout=4s >"$dir/watch" 2>&1 &
watcher=$!
sleep 1
"$KUBESIM" cluster add-node node3 >/dev/null
wait "$watcher"
new_pod=$("$KUBESIM" kubectl get pods --field-selector spec.nodeName=node3 -o name | sed 's|pod/||')
tap_result "$(grep -q "^$new_pod " "$dir/watch" && echo 0 || echo 1)" \
	"get -w shows the pod a new node gets (added by kubesim cluster meanwhile)" "pod: $new_pod
watch:
$(cat "$dir/watch")"
# Watch events are Tables too (kubectl get -w sends the Table Accept): each
# is a row with the server's cells, under the one header the list printed.
tap_result "$(grep -Eq "^$new_pod +[0-9]+/1 +[A-Za-z]+ +[0-9]+ +[0-9]+[smh]" "$dir/watch" &&
	[ "$(grep -c '^NAME  *READY  *STATUS  *RESTARTS  *AGE$' "$dir/watch")" = 1 ] && echo 0 || echo 1)" \
	"get -w prints each event as a row of the server's Table" "$(cat "$dir/watch")"
container=$(kube get ds fluentd-es-demo -o 'jsonpath={.spec.template.spec.containers[0].name}')
expect "set image" "daemonset.apps/fluentd-es-demo image updated" set image ds/fluentd-es-demo "$container=nginx:1.27"
got=$(kube rollout status ds/fluentd-es-demo --timeout=60s 2>&1 | tail -1)
tap_result "$([ "$got" = 'daemon set "fluentd-es-demo" successfully rolled out' ] && echo 0 || echo 1)" \
	"rollout status follows the rollout by watching" "$got"
expect "rollout undo" "daemonset.apps/fluentd-es-demo rolled back" rollout undo ds/fluentd-es-demo
# kubectl edit: GET, the editor, then a strategic merge patch of what changed.
printf '#!/bin/sh\nsed -i "s/updateStrategy:/minReadySeconds: 5\\n  updateStrategy:/" "$1"\n' >"$dir/editor"
chmod +x "$dir/editor"
got=$(EDITOR="$dir/editor" kube edit ds fluentd-es-demo 2>&1)
tap_result "$([ "$got" = "daemonset.apps/fluentd-es-demo edited" ] && echo 0 || echo 1)" "edit" "$got"
expect "the edit is stored" 5 get ds fluentd-es-demo -o 'jsonpath={.spec.minReadySeconds}'

# Another client: Debian's python3-kubernetes (its python3 may not be the
# one first on PATH).
py=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import kubernetes' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	tap_skip "the Kubernetes Python client (python3-kubernetes) is not installed"
else
	got=$("$py" tests/serve-client.py "$dir/kc" 2>&1)
	tap_result "$([ "$got" = "nodes: node1 node2 node3
created: smoke generation 1
second create: 409 Conflict
running on: node1 node2 node3" ] && echo 0 || echo 1)" \
		"python3-kubernetes lists nodes, creates a DaemonSet and watches its pods run" "$got"
fi

# Hostile and heavy requests (Python's standard library only): each check
# is a test point. 2,000 watches here; `make bench` opens 10,000.
if command -v python3 >/dev/null; then
	python3 tests/serve-hostile.py "$dir/kc" 2000 >"$dir/hostile" 2>&1
	while IFS= read -r line; do
		case $line in
		"ok: "*) tap_result 0 "${line#ok: }" ;;
		"FAIL: "*) tap_result 1 "${line#FAIL: }" ;;
		*) tap_result 1 "serve-hostile.py: $line" ;;
		esac
	done <"$dir/hostile"
	tap_result "$(kill -0 "$server" 2>/dev/null && echo 0 || echo 1)" "the server is still running" "$(cat "$dir/err")"
else
	tap_skip "no python3 for the hostile requests"
fi
kill -TERM "$server"
wait "$server"
server=
# --stats: what was served and how long watch events took (figures not checked).
got=$(grep -c -E '^kubesim serve: ([0-9]+ requests|changes by the clock: [0-9]+ watch events, from the change to its write: median [0-9.]+ ms, 99th percentile [0-9.]+ ms, max [0-9.]+ ms|changes by requests \(each saved first\): ([0-9]+ watch events|no watch events sent).*)$' "$dir/err")
tap_result "$([ "$got" = 3 ] && echo 0 || echo 1)" "serve --stats prints its figures at exit" "$(cat "$dir/err")"
tap_done
