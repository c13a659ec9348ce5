#!/bin/sh
# kubesim's built-in kubectl against the real kubectl v1.32, byte for byte
# (stdout, stderr, exit status), on the cases of tests/compare/cases: see
# tools/kcompare and docs/testing.md.  One TAP point per case.  A case listed
# in tests/compare/known-differences is a TODO: it may differ (XFAIL), and
# once it prints what kubectl prints it is an XPASS, which fails the suite
# until it leaves the list; a case that differs and is not listed fails.
#
# Needs python3 and kubectl v1.32: the binary kubectl.1.32 beside the file
# that `kubectl` on PATH resolves to (as the Google Cloud SDK installs
# them), or $KUBECTL_1_32.  Without them the test is skipped, saying why.
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 1

skip() { printf '1..0 # SKIP %s\n' "$1"; exit 0; }

command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"
real=${KUBECTL_1_32:-}
if [ -z "$real" ]; then
	k=$(command -v kubectl 2>/dev/null) && k=$(readlink -f "$k") &&
		real=$(dirname "$k")/kubectl.1.32
	[ -x "$real" ] || real=/usr/lib/google-cloud-sdk/bin/kubectl.1.32
fi
[ -x "$real" ] || skip "kubectl v1.32 not found (no kubectl.1.32 beside kubectl; set KUBECTL_1_32)"

exec python3 tools/kcompare --tap --kubesim "$KUBESIM" --kubectl "$real" \
	--known tests/compare/known-differences
