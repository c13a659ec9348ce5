#!/bin/sh
# Build and run the libFuzzer harnesses of tests/fuzz (see tests/fuzz/README.md).
#
#   tools/fuzz.sh [--builddir DIR] smoke
#       Each harness over its seeds and its saved crash inputs
#       (tests/fuzz/regress/NAME), then a fixed number of new executions
#       from a fixed seed: what CI runs (`make fuzz-smoke`). One line per
#       harness, "PASS: NAME ..." or "FAIL: NAME ...", also written to
#       DIR/fuzz-out/smoke.results; exit status 1 when any failed.
#   tools/fuzz.sh [--builddir DIR] run SECONDS [NAME...]
#       Fuzz each harness (all by default) for SECONDS, one after another,
#       going on past findings (`make fuzz FUZZ_SECONDS=600`). The corpus
#       grows in DIR/fuzz-out/NAME/corpus; findings land in
#       DIR/fuzz-out/NAME/artifacts.
#   tools/fuzz.sh [--builddir DIR] seeds
#       Only (re)generate the seed corpora and dictionaries.
#
# DIR is a tree configured with CC=clang --enable-fuzzing. Without
# --builddir the tracked files are copied to _build/fuzz and configured
# there, as .ci/run builds its ASan copy: the tree itself is usually a gcc
# build, and autoconf refuses a second build of a configured tree. The copy
# keeps the files' times, so a second run rebuilds only what changed.
#
# Every run has libFuzzer's -timeout and -rss_limit_mb set, so a hang or a
# memory blow-up is a finding like a crash; ASan, UBSan and LeakSanitizer
# are compiled in.
set -u

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=
if [ "${1:-}" = --builddir ]; then
	builddir=$2
	shift 2
fi
mode=${1:-}
[ $# -gt 0 ] && shift

usage() {
	echo "usage: tools/fuzz.sh [--builddir DIR] smoke | run SECONDS [NAME...] | seeds" >&2
	exit 2
}

# NAME  MAX_LEN  DICTIONARIES  SMOKE_RUNS
# SMOKE_RUNS new executions keep each harness near ten seconds on one core
# under the sanitizers; MAX_LEN keeps inputs about the size of real ones
# (far below the product's limits in src/util/file.h, which the harnesses
# also enforce).
harnesses='
scenario 65536 yaml,scenario 5000
manifest 65536 yaml 40000
kubectl 8192 kubectl,yaml 1500
state 65536 state 2000
jsonpath 4096 jsonpath 3000
quantity 64 quantity 300000
duration 64 duration 300000
selector 1024 selector 100000
labels 1024 labels 8000
taint 1024 taint 1500
patch 4096 patch,yaml 300
rest 4096 rest 300
'
# Per-execution limits: a hang or a blow-up is a finding.
TIMEOUT=10
RSS_LIMIT_MB=2048
# The smoke run's wall-clock cap per harness, a safety net above SMOKE_RUNS.
SMOKE_MAX_SECONDS=20

case $mode in
smoke | seeds) ;;
run)
	seconds=${1:-}
	case $seconds in '' | *[!0-9]*) usage ;; esac
	shift
	;;
*) usage ;;
esac

# ---- the build ----

if [ -z "$builddir" ]; then
	builddir=$srcdir/_build/fuzz
	if ! git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		echo "tools/fuzz.sh: $srcdir is not a git checkout; configure a copy with" >&2
		echo "  ./configure CC=clang --enable-fuzzing && make fuzz-smoke" >&2
		exit 2
	fi
	mkdir -p "$builddir"
	(cd "$srcdir" && git ls-files -z | tar --null -c -T -) | tar -x -C "$builddir" || exit 2
	if [ ! -f "$builddir/config.status" ]; then
		echo "tools/fuzz.sh: configuring $builddir (CC=clang --enable-fuzzing)"
		(cd "$builddir" && autoreconf -fi >autoreconf.log 2>&1 &&
			./configure --quiet CC=clang --enable-fuzzing --enable-werror) || {
			tail -20 "$builddir/autoreconf.log" >&2
			exit 2
		}
	fi
fi
builddir=$(cd "$builddir" && pwd)
# No stale verdicts if the build below fails.
rm -f "$builddir/fuzz-out/smoke.results"
if ! grep -q '^FUZZ_LDFLAGS = .*fuzzer' "$builddir/Makefile" 2>/dev/null; then
	echo "tools/fuzz.sh: $builddir is not configured with --enable-fuzzing" >&2
	exit 2
fi
echo "tools/fuzz.sh: building in $builddir"
make -s -C "$builddir" -j2 >"$builddir/fuzz-build.log" 2>&1 || {
	tail -40 "$builddir/fuzz-build.log" >&2
	echo "tools/fuzz.sh: the build failed" >&2
	exit 2
}
out=$builddir/fuzz-out
mkdir -p "$out"

# ---- seed corpora and dictionaries ----
# Made from the tree's own inputs at every run, so they follow the tests:
# scenarios, the inputs that must fail, the manifests, the kubectl command
# lines of the golden tests and of the scenarios, and state files written
# by this build's kubesim. Curated seeds for the small parsers are in
# tests/fuzz/seeds/NAME.

# The kubectl lines of a golden test or a scenario, without shell plumbing.
kubectl_lines() {
	sed -n -e 's/^  \$ kubectl //p' -e 's/^ *- kubectl: *//p' "$@" |
		sed -E -e 's/ (\||<|<<|>|2>|&&|;) .*$//' -e 's/^"(.*)"$/\1/' -e "s/^'(.*)'\$/\\1/"
}

# A state file without its "objects" snapshot, which is never read back.
strip_objects() {
	awk '/^\t"objects":/ { found = 1; exit }
	{ line[n++] = $0 }
	END {
		if (!found) { for (i = 0; i < n; i++) print line[i]; exit }
		for (i = 0; i < n - 1; i++) print line[i]
		l = line[n - 1]; sub(/,$/, "", l); print l; print "}"
	}' "$1"
}

state_seeds() {
	dir=$1
	tmp=$(mktemp -d) || return 1
	ks() { KUBESIM_STATE=$tmp/cluster.json "$builddir/kubesim" "$@" >/dev/null 2>&1; }
	snap() { strip_objects "$tmp/cluster.json" >"$dir/gen-$1.json"; }
	ks cluster create --nodes 2 --clock manual && snap manual
	ks kubectl create -f "$srcdir/scenarios/cka/demo.yaml" && ks cluster advance 30s && snap demo
	ks kubectl label node node1 disktype=ssd
	ks kubectl taint node node2 dedicated=gpu:NoSchedule && snap label-taint
	ks cluster add-node node3 --label x=y --taint a=b:NoExecute --cpu 2 --memory 4Gi
	ks cluster fail-node node2 && ks cluster advance 1m && snap nodes
	ks cluster image nginx:bad --fail
	ks kubectl set image ds/fluentd-es-demo fluentd-es-example=nginx:bad && ks cluster advance 20s && snap image
	ks kubectl apply -f "$srcdir/tests/cli/manifests/bundle"
	ks cluster recover-node node2 && ks cluster remove-node node3 && snap dir
	ks kubectl drain node1 --ignore-daemonsets --force && ks kubectl delete ds --all && snap drain
	ks cluster delete
	ks cluster create --mode legacy --bare --nodes 1 && snap legacy-real
	ks cluster delete
	rm -rf "$tmp"
}

make_seeds() {
	seeds=$out/seeds
	rm -rf "$seeds"
	for name in $(echo "$harnesses" | awk 'NF { print $1 }'); do
		mkdir -p "$seeds/$name"
		[ -d "$srcdir/tests/fuzz/seeds/$name" ] && cp "$srcdir/tests/fuzz/seeds/$name"/* "$seeds/$name/"
	done
	for f in "$srcdir"/scenarios/*/*.yaml "$srcdir"/tests/bad/*.yaml; do
		d=$(basename "$(dirname "$f")")
		cp "$f" "$seeds/scenario/$d-$(basename "$f")"
	done
	for f in "$srcdir"/scenarios/cka/demo.yaml "$srcdir"/scenarios/regress/manifests/* \
		"$srcdir"/tests/cli/manifests/*.y*ml "$srcdir"/tests/cli/manifests/bundle/*.y*ml; do
		cp "$f" "$seeds/manifest/$(basename "$f")"
		# The same manifest created and looked at through kubectl.
		{
			printf 'apply -f -\nget all -A -o wide\ndescribe pods\nget pods -o yaml\n\n'
			cat "$f"
		} >"$seeds/kubectl/apply-$(basename "$f")"
	done
	# Eight commands per seed, the most the kubectl harness runs.
	for f in "$srcdir"/tests/cli/*.t "$srcdir"/scenarios/*/*.yaml; do
		kubectl_lines "$f" | split -l 8 - "$seeds/kubectl/$(basename "$f")-"
	done
	kubectl_lines "$srcdir"/tests/cli/*.t "$srcdir"/scenarios/*/*.yaml |
		grep -oE "(jsonpath|custom-columns|sort-by)=('[^']*'|\"[^\"]*\"|[^ ]+)" |
		sed -E -e 's/^[a-z-]+=//' -e "s/^'(.*)'\$/\\1/" -e 's/^"(.*)"$/\1/' | sort -u |
		split -l 1 - "$seeds/jsonpath/gen-"
	# split leaves each template with its newline, which the harness would
	# take for the start of a document: drop it.
	for f in "$seeds"/jsonpath/gen-*; do
		printf '%s' "$(cat "$f")" >"$f.t" && mv "$f.t" "$f"
	done
	state_seeds "$seeds/state"

	dicts=$out/dict
	rm -rf "$dicts"
	mkdir -p "$dicts"
	# Every kubectl flag and verb, from the tables the parser reads.
	{
		sed -n -E 's/^[[:space:]]*\{"([a-z][a-z-]*)", (0|'"'"'.'"'"'), KF_.*/"--\1"/p' \
			"$srcdir"/src/kubectl/*.c
		sed -n -E 's/^[[:space:]]*\{"([a-z][a-z-]*)", (0|'"'"'.'"'"'), KF_.*/"--\1="/p' \
			"$srcdir"/src/kubectl/*.c
		sed -n -E 's/^[[:space:]]*\{"[a-z-]+", '"'"'(.)'"'"', KF_.*/"-\1"/p' "$srcdir"/src/kubectl/*.c
		grep -h -A1 'const struct kctl_verb kctl_' "$srcdir"/src/kubectl/*.c |
			sed -n -E 's/.*"([a-z-]+)",?$/"\1 "/p'
	} | sort -u >"$dicts/kubectl-flags.dict"
	echo "$harnesses" | while read -r name max_len dict_names runs; do
		[ -n "$name" ] || continue
		for d in $(echo "$dict_names" | tr , ' '); do
			cat "$srcdir/tests/fuzz/dict/$d.dict"
			[ "$d" = kubectl ] && cat "$dicts/kubectl-flags.dict"
		done >"$dicts/$name.dict"
	done
}

make_seeds
[ "$mode" = seeds ] && {
	echo "tools/fuzz.sh: seeds in $out/seeds, dictionaries in $out/dict"
	exit 0
}

# ---- running ----

common_flags() { # NAME MAX_LEN ARTIFACT_DIR
	echo "-timeout=$TIMEOUT -rss_limit_mb=$RSS_LIMIT_MB -max_len=$2 -dict=$out/dict/$1.dict" \
		"-artifact_prefix=$3/ -print_final_stats=1"
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

if [ "$mode" = smoke ]; then
	results=$out/smoke.results
	: >"$results"
	start=$(date +%s)
	echo "$harnesses" | while read -r name max_len dict_names runs; do
		[ -n "$name" ] || continue
		bin=$builddir/tests/fuzz/fuzz_$name
		work=$out/$name
		rm -rf "$work/smoke" "$work/smoke-artifacts"
		mkdir -p "$work/smoke" "$work/smoke-artifacts"
		dirs="$out/seeds/$name"
		[ -d "$srcdir/tests/fuzz/regress/$name" ] && dirs="$dirs $srcdir/tests/fuzz/regress/$name"
		# libFuzzer counts the corpus replay among -runs.
		# shellcheck disable=SC2086
		n=$(find $dirs -type f | wc -l)
		t0=$(date +%s)
		# shellcheck disable=SC2046,SC2086
		"$bin" $(common_flags "$name" "$max_len" "$work/smoke-artifacts") -seed=1 -runs=$((n + runs)) \
			-max_total_time=$SMOKE_MAX_SECONDS "$work/smoke" $dirs >"$work/smoke.log" 2>&1
		rc=$?
		t=$(($(date +%s) - t0))
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/smoke.log")
		if [ $rc = 0 ]; then
			echo "PASS: fuzz_$name ($n inputs, ${execs:-?} executions, ${t}s)" | tee -a "$results"
		else
			echo "FAIL: fuzz_$name (exit $rc after ${t}s; log $work/smoke.log)" | tee -a "$results"
			grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz: )|runtime error|^ +#[0-9]+ .* in [A-Za-z_0-9]+ [^ ]*/(src|tests/fuzz)/[^ ]*\.c:[0-9]+|Test unit written' \
				"$work/smoke.log" | head -20 | sed 's/^/    /'
		fi
	done
	failed=$(grep -c '^FAIL' "$results")
	echo "tools/fuzz.sh: smoke run of $(grep -c . "$results") harnesses in $(($(date +%s) - start))s," \
		"$failed failed"
	[ "$failed" = 0 ]
	exit $?
fi

# run SECONDS [NAME...]: fork mode goes on past crashes, timeouts and
# out-of-memory inputs, one child at a time (one core).
names=$*
[ -n "$names" ] || names=$(echo "$harnesses" | awk 'NF { print $1 }')
for name in $names; do
	line=$(echo "$harnesses" | awk -v n="$name" '$1 == n')
	[ -n "$line" ] || {
		echo "tools/fuzz.sh: no harness $name" >&2
		exit 2
	}
	# shellcheck disable=SC2086
	set -- $line
	max_len=$2
	work=$out/$name
	mkdir -p "$work/corpus" "$work/artifacts"
	dirs="$out/seeds/$name"
	[ -d "$srcdir/tests/fuzz/regress/$name" ] && dirs="$dirs $srcdir/tests/fuzz/regress/$name"
	echo "tools/fuzz.sh: fuzz_$name for ${seconds}s (log $work/run.log)"
	# shellcheck disable=SC2046,SC2086
	"$builddir/tests/fuzz/fuzz_$name" $(common_flags "$name" "$max_len" "$work/artifacts") \
		-max_total_time="$seconds" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
		"$work/corpus" $dirs >"$work/run.log" 2>&1
	last=$(grep -E '^#[0-9]+:' "$work/run.log" | tail -1)
	echo "    ${last:-no progress line; see the log}"
	# Fork mode keeps no stacks: run each new finding again for its report.
	mkdir -p "$work/triage"
	for f in "$work"/artifacts/*; do
		[ -f "$f" ] || continue
		log=$work/triage/$(basename "$f").log
		[ -f "$log" ] && continue
		# shellcheck disable=SC2046
		"$builddir/tests/fuzz/fuzz_$name" $(common_flags "$name" "$max_len" "$work/triage") "$f" >"$log" 2>&1
		echo "    $(basename "$f"): $(grep -m1 -E '^(SUMMARY|fuzz: )' "$log")"
		grep -m3 -E '^ +#[0-9]+ .* in [a-z_]+ .*/src/' "$log" | sed 's/^ */        /'
	done
	echo "    $(find "$work/artifacts" -type f | wc -l) finding(s) in $work/artifacts, reports in $work/triage"
done
