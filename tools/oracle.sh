#!/bin/sh
# Compare what the real kubectl prints from kubesim's objects with what the
# built-in kubectl prints, through tools/standin.py.
#
#   tools/oracle.sh STATE ARGS...
#       Serves the practice cluster in STATE on a free local port, runs
#       `kubectl.1.32 ARGS` against it and `kubesim kubectl ARGS` on STATE,
#       and prints the diff (empty when they agree); exit status 1 when they
#       differ. Absolute times differ by the stand-in's shift, so lines with
#       an RFC 1123 or RFC 3339 time are left out unless ORACLE_TIMES=1.
#
# KUBECTL overrides the real kubectl (default: kubectl.1.32 beside the
# kubectl on PATH). Ages agree to the second unless a second boundary
# passes between the stand-in's answer and kubectl's printing.
set -u
srcdir=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: tools/oracle.sh STATE ARGS..." >&2; exit 2; }
state=$1
shift
kubectl=${KUBECTL:-$(dirname "$(readlink -f "$(command -v kubectl)")")/kubectl.1.32}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
python3 "$srcdir/tools/standin.py" "$port" "$state" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT INT TERM
for _ in 1 2 3 4 5 6 7 8 9 10; do
	"$kubectl" --server="http://127.0.0.1:$port" get --raw /api >/dev/null 2>&1 && break
	sleep 0.3
done
"$kubectl" --server="http://127.0.0.1:$port" "$@" >"$work/real" 2>&1
KUBESIM_STATE=$state "$srcdir/kubesim" kubectl "$@" >"$work/sim" 2>&1
if [ "${ORACLE_TIMES:-0}" != 1 ]; then
	times='[A-Z][a-z][a-z], [0-9][0-9] [A-Z][a-z][a-z] [0-9]{4} |[0-9]{4}-[0-9][0-9]-[0-9][0-9]T[0-9:]{8}Z'
	grep -Ev "$times" "$work/real" >"$work/real.f"
	grep -Ev "$times" "$work/sim" >"$work/sim.f"
	diff "$work/real.f" "$work/sim.f"
else
	diff "$work/real" "$work/sim"
fi
