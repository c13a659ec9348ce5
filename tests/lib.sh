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
