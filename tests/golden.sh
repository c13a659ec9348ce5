#!/bin/sh
# Golden tests of `kubesim kubectl` and `kubesim cluster`: every file
# tests/cli/*.t is a shell session against a fresh practice cluster, written
# the way cram writes them:
#
#   Text at the left margin is commentary.
#     $ kubectl get ds                  a command (indented two spaces)
#     NAME   DESIRED ...                what it prints on stdout
#     2> No resources found ...         what it prints on stderr (after stdout)
#     [1]                               its exit status, when not 0
#
# A last line printed without a newline ends in " (no-eol)".
#
# `kubectl` and `kubesim` in commands are this build's kubesim; the session
# runs in tests/cli with its own KUBESIM_STATE (printed as $KUBESIM_STATE)
# and a scratch directory $SCRATCH for files it writes. Each command is one test
# point. With GOLDEN_UPDATE=1 the files are rewritten with what the commands
# printed (review the diff before committing: the expected text is
# kubectl's, not whatever we happen to print).
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir/tests/cli" || exit 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

kubectl() { "$KUBESIM" kubectl "$@"; }
kubesim() { "$KUBESIM" "$@"; }

for t in *.t; do
	KUBESIM_STATE="$work/state/$t.json"
	SCRATCH="$work/scratch/$t"
	export KUBESIM_STATE SCRATCH
	mkdir -p "$work/state" "$SCRATCH"
	session_split "$t" "$work"
	count=$(cat "$work/count")
	i=1
	while [ "$i" -le "$count" ]; do
		cmd=$(cat "$work/cmd.$i")
		(eval "$cmd") >"$work/out" 2>"$work/err" </dev/null
		status=$?
		session_got "$work" "$status" >"$work/got.$i"
		if cmp -s "$work/exp.$i" "$work/got.$i"; then
			tap_result 0 "$t: $cmd"
		else
			tap_result 1 "$t: $cmd" "$(diff "$work/exp.$i" "$work/got.$i")"
		fi
		i=$((i + 1))
	done
	if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
		awk -v dir="$work" '/^@@[0-9]+$/ { f = dir "/got." substr($0, 3)
			while ((getline l < f) > 0) print l; close(f); next } { print }' \
		    "$work/tpl" >"$t.new" && mv "$t.new" "$t"
	fi
	rm -f "$work/tpl"
done
tap_done
