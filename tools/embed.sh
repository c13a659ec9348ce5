#!/bin/sh
# Turn files into a C table of {path, bytes, length} for the embedded default
# scenario (the jq builtin.inc idea): `kubesim run` works from any directory.
# Usage: embed.sh SRCDIR PATH... > embedded.inc  (PATHs relative to SRCDIR)
set -eu
srcdir=$1
shift
i=0
for path in "$@"; do
	printf 'static const char embedded_%d[] = {\n' "$i"
	od -An -v -tx1 "$srcdir/$path" | sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//' \
		-e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'
	printf '0x00};\n'
	i=$((i + 1))
done
printf 'const struct embedded_file scn_embedded[] = {\n'
i=0
for path in "$@"; do
	printf '\t{"%s", embedded_%d, sizeof embedded_%d - 1},\n' "$path" "$i" "$i"
	i=$((i + 1))
done
printf '};\nconst size_t scn_n_embedded = %d;\n' "$i"
