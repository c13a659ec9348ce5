# Shared helpers for the shell tests: TAP output and the kubesim binary.
# Sourced by tests/*.sh and tests/*/run.sh; each prints one TAP stream.

: "${KUBESIM:?KUBESIM must point at the kubesim binary (make check sets it)}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"

tap_n=0
tap_failed=0
tap_lines=""

# ok NAME COMMAND... : a test point that passes when COMMAND succeeds.
tap_result() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		tap_lines="${tap_lines}ok $tap_n - $2
"
	else
		tap_failed=$((tap_failed + 1))
		tap_lines="${tap_lines}not ok $tap_n - $2
"
		if [ -n "${3:-}" ]; then
			tap_lines="${tap_lines}$(printf '%s\n' "$3" | sed 's/^/  # /')
"
		fi
	fi
}

# A test point expected to fail, and why (TAP's TODO directive): a failure
# is XFAIL; a pass is XPASS, which fails the run, so the expectation is
# dropped once it no longer holds.
tap_todo() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		tap_lines="${tap_lines}ok $tap_n - $2 # TODO $3
"
	else
		tap_lines="${tap_lines}not ok $tap_n - $2 # TODO $3
"
	fi
}

# A line of commentary in the TAP stream.
tap_comment() {
	tap_lines="${tap_lines}# $1
"
}

# A test point that cannot run here, and why (TAP's SKIP directive).
tap_skip() {
	tap_n=$((tap_n + 1))
	tap_lines="${tap_lines}ok $tap_n # SKIP $1
"
}

tap_done() {
	printf '1..%d\n%s' "$tap_n" "$tap_lines"
	[ "$tap_failed" = 0 ]
}

# The real kubectl v1.32 (kubectl.1.32 beside the kubectl on PATH, or
# $KUBECTL_1_32) on stdout; nothing when there is none.
find_real_kubectl() {
	real=${KUBECTL_1_32:-}
	if [ -z "$real" ]; then
		k=$(command -v kubectl 2>/dev/null) && k=$(readlink -f "$k") &&
			real=$(dirname "$k")/kubectl.1.32
		[ -x "$real" ] || real=/usr/lib/google-cloud-sdk/bin/kubectl.1.32
	fi
	[ -x "$real" ] && echo "$real"
}

# Golden sessions (tests/cli/*.t, see tests/golden.sh).
#
# session_split FILE DIR: the commands to DIR/cmd.N, the text each expects
# to DIR/exp.N, their number to DIR/count, and the file with a placeholder
# per command's output to DIR/tpl (for GOLDEN_UPDATE).
session_split() {
	rm -f "$2"/cmd.* "$2"/exp.* "$2"/got.*
	awk -v dir="$2" '
		/^  \$ / { n++; print substr($0, 5) > (dir "/cmd." n); close(dir "/cmd." n)
			   printf "" > (dir "/exp." n); print > (dir "/tpl"); print "@@" n > (dir "/tpl"); next }
		/^  / && n > 0 && !done[n] { print > (dir "/exp." n); next }
		{ if (n > 0) done[n] = 1; print > (dir "/tpl") }
		END { print n + 0 > (dir "/count") }
	' "$1"
}

# session_show PREFIX FILE: the file's lines with PREFIX; a last line
# without its newline (kubectl's -o jsonpath) is marked " (no-eol)", as
# cram marks it.
session_show() {
	[ -s "$2" ] || return 0
	if [ "$(tail -c 1 "$2" | wc -l)" = 0 ]; then
		{ cat "$2"; echo " (no-eol)"; } | sed "s/^/$1/"
	else
		sed "s/^/$1/" "$2"
	fi
}

# session_got DIR STATUS: what a command printed (DIR/out, DIR/err) and its
# exit status, as a session file writes them.
session_got() {
	{
		session_show '  ' "$1/out"
		session_show '  2> ' "$1/err"
		[ "$2" = 0 ] || echo "  [$2]"
	} | sed "s|$KUBESIM_STATE|\$KUBESIM_STATE|g; s|$SCRATCH|\$SCRATCH|g"
}
