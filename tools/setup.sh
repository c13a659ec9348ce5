#!/bin/sh
# Set up kubesim on a fresh Debian or Ubuntu machine: install the build
# dependencies (when missing), then configure and build. Cheap to rerun:
# packages already installed are not fetched again, and the build is
# incremental. Extra arguments go to ./configure (e.g. --enable-sanitizers).
#
# With --enable-fuzzing it also installs clang and libFuzzer's runtime
# (large, so only when asked) and configures with CC=clang unless CC is set.
# With --deps-only it installs the packages and stops: .ci/run uses
# `tools/setup.sh --deps-only --enable-fuzzing` before `make fuzz-smoke`,
# which builds its own fuzzing copy of the tree.
set -eu
cd "$(dirname "$0")/.."

packages="build-essential autoconf automake pkg-config libyaml-dev libcjson-dev libncurses-dev libmicrohttpd-dev libgnutls28-dev check tmux python3-kubernetes"
deps_only=no
fuzzing=no
args=""
for a in "$@"; do
	case $a in
	--deps-only) deps_only=yes; continue ;;
	--enable-fuzzing) fuzzing=yes ;;
	esac
	args="$args${args:+ }$a"
done
# libclang-rt-dev: libFuzzer and the sanitizer runtimes matching the default
# clang (libclang-rt-14-dev on Debian 12).
[ "$fuzzing" = no ] || packages="$packages clang libclang-rt-dev"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "tools/setup.sh: installing$missing" >&2
	sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
[ "$deps_only" = no ] || exit 0

[ -x configure ] && [ configure -nt configure.ac ] && [ configure -nt Makefile.am ] || autoreconf -fi
if [ "$fuzzing" = yes ] && [ -z "${CC:-}" ]; then
	args="$args CC=clang"
fi
want="$args"
if [ ! -f config.status ] || [ "$(cat .setup-configure-args 2>/dev/null)" != "$want" ]; then
	# shellcheck disable=SC2086
	./configure --quiet $want
	printf '%s' "$want" > .setup-configure-args
fi
make -s -j"$(nproc 2>/dev/null || echo 2)"
