#!/bin/sh
# Inputs that must fail cleanly: each tests/bad/NAME.yaml is run with
# `kubesim run`; it must exit 2 and print exactly the message in NAME.err
# on stderr (a file:line:col message, never a crash).
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir/tests/bad" || exit 1
for f in $(ls *.yaml | LC_ALL=C sort); do
	want=${f%.yaml}.err
	got=$("$KUBESIM" run -q "$f" 2>&1 >/dev/null)
	status=$?
	if [ "$status" != 2 ]; then
		tap_result 1 "$f exits 2" "exit status $status: $got"
		continue
	fi
	if [ "$got" = "$(cat "$want")" ]; then
		tap_result 0 "$f: $(head -c 60 "$want")"
	else
		tap_result 1 "$f: message" "want: $(cat "$want")
got:  $got"
	fi
done
tap_done
