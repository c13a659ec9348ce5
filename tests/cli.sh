#!/bin/sh
# The kubesim command line itself: help, version, and usage errors (exit 2
# with a message naming the argument).
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 1

# expect NAME STATUS PATTERN -- ARGS... : exit status STATUS and combined
# output matching the grep pattern PATTERN.
expect() {
	name=$1 want_status=$2 pattern=$3
	shift 4
	out=$("$KUBESIM" "$@" 2>&1)
	status=$?
	if [ "$status" != "$want_status" ]; then
		tap_result 1 "$name" "exit status $status, want $want_status: $out"
	elif ! printf '%s\n' "$out" | grep -q -e "$pattern"; then
		tap_result 1 "$name" "output does not match /$pattern/: $out"
	else
		tap_result 0 "$name"
	fi
}

expect "--version names the program and the Kubernetes version" 0 '^kubesim [0-9.]* (simulating Kubernetes v1.32)$' -- --version
expect "no command prints usage and exits 2" 2 '^Usage: kubesim COMMAND' --
expect "help lists the run command" 0 '^  run ' -- help
expect "help run shows run's options" 0 '--mode legacy|scheduler' -- help run
expect "an unknown command is named" 2 'unknown command "frobnicate"' -- frobnicate
expect "an unknown run option is named" 2 'unknown option "--frob"' -- run --frob
expect "a bad --mode value is named" 2 '^kubesim: --mode: want legacy or scheduler, got "sideways"$' -- run --mode sideways
expect "a bad --seed value is named" 2 '^kubesim: --seed: want a non-negative integer, got "x1"$' -- run --seed x1
expect "a bad --until value is named" 2 '^kubesim: --until: invalid duration "soon"$' -- run --until soon
expect "a missing scenario file is named" 2 '^kubesim: no-such-file.yaml: No such file or directory$' -- run no-such-file.yaml
expect "run -q prints only the result line" 0 '^PASS scenarios/cka/01-daemonset-basics.yaml' -- run -q
expect "--tap prints a TAP plan" 0 '^1\.\.[0-9]' -- run --tap
expect "--mode legacy runs the demo too" 0 'legacy mode' -- run --mode legacy
expect "tui without a terminal refuses" 2 "tui needs a terminal" -- tui
expect "--stats prints what the run took" 0 '^stats: scenarios/cka/01-daemonset-basics.yaml: 23 engine events; 30 objects (3 nodes, 3 pods, 1 daemonsets.apps, 15 events, 1 controllerrevisions.apps, 4 namespaces, 3 leases.coordination.k8s.io); [0-9.]* s wall; [0-9.]* MiB peak memory$' -- run -q --stats
out=$("$KUBESIM" run --tap --stats 2>/dev/null | grep -c '^stats:')
[ "$out" = 0 ]
tap_result $? "--stats writes to stderr, not into the TAP on stdout" "stdout had $out stats lines"
expect "--until stops a waitFor without failing it" 0 'waitFor: stopped by --until' -- run --until 30s scenarios/regress/nodes-join-and-leave.yaml

tmp=$(mktemp -d)
# A sparse file: refused from its size, before any of it is read.
truncate -s 65M "$tmp/huge.yaml"
expect "a scenario over the size limit is refused" 2 '^kubesim: .*/huge.yaml: larger than 64 MiB, the limit for a scenario file$' -- run "$tmp/huge.yaml"
expect "a directory given as a scenario says so" 2 '^kubesim: scenarios: Is a directory$' -- run scenarios
"$KUBESIM" run -q --junit "$tmp/junit.xml" --trace "$tmp/trace.jsonl" >/dev/null 2>&1
grep -q '<testsuites name="kubesim" tests="20" failures="0" errors="0">' "$tmp/junit.xml"
tap_result $? "--junit writes one testcase per expectation" "$(head -3 "$tmp/junit.xml" 2>&1)"
head -1 "$tmp/trace.jsonl" | grep -q '^{"t":0,"op":"ADDED","kind":"Node","namespace":"","name":"node1","resourceVersion":5}$'
tap_result $? "--trace writes a JSON line per store change" "$(head -1 "$tmp/trace.jsonl" 2>&1)"
rm -rf "$tmp"
tap_done
