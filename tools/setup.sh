#!/bin/sh
# Set up kubesim on a fresh Debian or Ubuntu machine: install the build
# dependencies (when missing), then configure and build. Cheap to rerun:
# packages already installed are not fetched again, and the build is
# incremental. Extra arguments go to ./configure (e.g. --enable-sanitizers).
set -eu
cd "$(dirname "$0")/.."

packages="build-essential autoconf automake pkg-config libyaml-dev libcjson-dev libncurses-dev check tmux"
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

[ -x configure ] && [ configure -nt configure.ac ] && [ configure -nt Makefile.am ] || autoreconf -fi
want="$*"
if [ ! -f config.status ] || [ "$(cat .setup-configure-args 2>/dev/null)" != "$want" ]; then
	# shellcheck disable=SC2086
	./configure --quiet $want
	printf '%s' "$want" > .setup-configure-args
fi
make -s -j"$(nproc 2>/dev/null || echo 2)"
