#!/usr/bin/env bash
# CPU of the content record's reads: SHA-256 (now) next to the CRC32C+CRC32 pair (before), over
# every file of the 100k tree and over one 256 MiB file, in one process (thread CPU time, so a
# shared machine's load lengthens wall time but not these figures much).
# Usage: bench/content-hash.sh [rounds]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO"
[ -d target/test-classes/dev/vigil/batch ] || mvn -B -q -o -DskipTests test-compile >&2
[ -s "$OUT/cp.txt" ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >&2
python3 "$BENCH/lib/watchbench.py" gentree --tree "$TREE"
cp="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
{
  machine "content-hash: read + hash every file of $TREE, and one 256 MiB file"
  echo "## java -cp ... dev.vigil.batch.ContentHashBench $TREE ${1:-5} 256"
  "${NICE[@]}" java -cp "$cp" dev.vigil.batch.ContentHashBench "$TREE" "${1:-5}" 256
  loadavg
} 2>&1 | tee "$OUT/content-hash.txt"
