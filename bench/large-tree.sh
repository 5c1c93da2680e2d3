#!/usr/bin/env bash
# 100,000 files in 5,000 directories: time to the first detected save, RSS of the process tree,
# CPU while idle for 60 s, and whether a touch runs the command; vigil and each peer, then vigil
# under several JVM flag sets. Writes bench/out/large-tree.txt and large-tree-jvm-flags.txt.
#   usage: bench/large-tree.sh [--idle SECONDS] [--tools vigil,entr,...]
#   LARGE_TREE_VARIANTS=0 skips the JVM flag sets.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
python3 "$BENCH/lib/watchbench.py" gentree --tree "$TREE"
{
  machine "large-tree: $TREE (100,000 files, 5,000 dirs); ready = process start -> first detected save"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" largetree --work "$WORK" --tree "$TREE" "$@"
  loadavg
} 2>&1 | tee "$OUT/large-tree.txt"
[ "${LARGE_TREE_VARIANTS:-1}" = "0" ] && exit 0
{
  machine "large-tree JVM flag sets for vigil (ready and RSS only; 2 repetitions, interleaved)"
  python3 "$BENCH/lib/watchbench.py" cds --work "$WORK"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" largetree --variants --reps 2 --work "$WORK" --tree "$TREE"
  loadavg
} 2>&1 | tee "$OUT/large-tree-jvm-flags.txt"
