#!/bin/sh
# kubesim serve with the real kubectl v1.32 (issue 12, reads only so far):
# TLS with the kubeconfig's CA, the bearer token (and a wrong one's 401),
# discovery, objects and lists, NotFound and unknown-kind errors as a real
# cluster sends them, writes refused, changes made with `kubesim kubectl`
# served, and a clean stop on SIGTERM.
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
# Discovery: kubectl 1.32 asks /api and /apis for aggregated discovery
# (apidiscovery.k8s.io/v2) first; the legacy documents answer other Accepts.
same "api-resources" api-resources
same "api-resources -o wide" api-resources -o wide
same "api-resources --namespaced=false" api-resources --namespaced=false
same "api-versions" api-versions
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
got=$(curl_api /openapi/v3 | python3 -c '
import json, sys
print(" ".join(sorted(json.load(sys.stdin)["paths"])))')
expect_str "the OpenAPI v3 index" "api/v1 apis/apps/v1 apis/coordination.k8s.io/v1" "$got"

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
