#!/bin/sh
# Every scenario under scenarios/ is a regression test: run them all, with
# one TAP point per expectation (kubesim run --tap).
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 1
files=$(grep -rl --include='*.yaml' '^steps:' scenarios | LC_ALL=C sort)
# shellcheck disable=SC2086
exec "$KUBESIM" run --tap $files
