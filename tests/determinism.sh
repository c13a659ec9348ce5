#!/bin/sh
# Same scenario and seed, byte-identical output; and the built-in default
# runs from any directory and shows the workshop's DaemonSet table.
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in $(grep -rl --include='*.yaml' '^steps:' scenarios | LC_ALL=C sort); do
	"$KUBESIM" run -v "$f" >"$tmp/a" 2>&1
	"$KUBESIM" run -v "$f" >"$tmp/b" 2>&1
	cmp -s "$tmp/a" "$tmp/b"
	tap_result $? "$f: two runs are byte-identical" "$(diff "$tmp/a" "$tmp/b" | head -5)"
done

(cd "$tmp" && "$KUBESIM" run >"$tmp/default" 2>&1)
tap_result $? "kubesim run with no arguments exits 0 from any directory" "$(tail -5 "$tmp/default")"
grep -q '^ *fluentd-es-demo   3         3         3       3            3           <none>' "$tmp/default"
tap_result $? "kubesim run shows the workshop's kubectl get daemonset row"
"$KUBESIM" run >"$tmp/default2" 2>&1
cmp -s "$tmp/default" "$tmp/default2"
tap_result $? "the default run is byte-identical twice"
"$KUBESIM" run --seed 7 >"$tmp/seed7" 2>&1
! cmp -s "$tmp/default" "$tmp/seed7"
tap_result $? "another --seed gives other pod names"

tap_done
