#!/bin/sh
# Turn files into a C table of {path, bytes, length} (the jq builtin.inc
# idea): the default scenario and kubectl explain's field docs are compiled
# in, so kubesim works from any directory.
# Usage: embed.sh SRCDIR TABLE PATH... > file.inc  (PATHs relative to SRCDIR)
set -eu
srcdir=$1
table=$2
shift 2
i=0
for path in "$@"; do
	printf 'static const char embedded_%d[] = {\n' "$i"
	od -An -v -tx1 "$srcdir/$path" | sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//' \
		-e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'
	printf '0x00};\n'
	i=$((i + 1))
done
printf 'const struct embedded_file %s[] = {\n' "$table"
i=0
for path in "$@"; do
	printf '\t{"%s", embedded_%d, sizeof embedded_%d - 1},\n' "$path" "$i" "$i"
	i=$((i + 1))
done
printf '};\nconst size_t %s_n = %d;\n' "$table" "$i"
