#!/bin/sh
# kubesim serve with the real kubectl v1.32 (issue 12, reads only so far):
# TLS with the kubeconfig's CA, the bearer token (and a wrong one's 401),
# discovery, objects and lists, tables printed on the server side (the
# same cells as the built-in kubectl's), NotFound and unknown-kind errors
# as a real cluster sends them, writes refused, changes made with
# `kubesim kubectl` served, and a clean stop on SIGTERM.
#
# Needs kubectl v1.32 (kubectl.1.32 beside the kubectl on PATH, or
# $KUBECTL_1_32); without it the test is skipped, saying why.
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 1

real=${KUBECTL_1_32:-}
if [ -z "$real" ]; then
	k=$(command -v kubectl 2>/dev/null) && k=$(readlink -f "$k") &&
		real=$(dirname "$k")/kubectl.1.32
	[ -x "$real" ] || real=/usr/lib/google-cloud-sdk/bin/kubectl.1.32
fi
if [ ! -x "$real" ]; then
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

"$KUBESIM" serve --kubeconfig "$dir/kc" >"$dir/out" 2>"$dir/err" &
server=$!
i=0
while [ ! -s "$dir/kc" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
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
expect "writes are refused for now" 'Error from server (MethodNotAllowed): kubesim serve answers reads only so far; write with `kubesim kubectl`' label node node1 a=b

# What `kubesim kubectl` changes meanwhile is served once the file is replaced.
"$KUBESIM" kubectl label node node1 seen-by=serve >/dev/null
i=0
while [ "$(kube get nodes -l seen-by=serve -o name 2>/dev/null)" != node/node1 ] && [ $i -lt 30 ]; do
	sleep 0.2
	i=$((i + 1))
done
expect "a change made with kubesim kubectl is served" "node/node1" get nodes -l seen-by=serve -o name

kill -TERM "$server"
wait "$server"
rc=$?
server=
tap_result "$([ $rc = 0 ] && echo 0 || echo 1)" "SIGTERM stops the server cleanly (exit $rc)" "$(cat "$dir/err")"
tap_done
