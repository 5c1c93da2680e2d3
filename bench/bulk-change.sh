#!/usr/bin/env bash
# 5,000 files rewritten at once (cp -r of new contents over a watched tree): how many runs vigil
# makes (expect one), the delay from the last write to the run's start, and whether every path
# is in trigger.changed; then the same for watchman (runs and delay from its command's stamps;
# --tools vigil,watchman is the default). First on tmpfs (/dev/shm: the cp takes ~0.2 s), then
# on the ext4 disk (the same cp takes 2-10 s there: ext4 flushes a file rewritten after O_TRUNC
# on close).
# Writes bench/out/bulk-change.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
fast="${BENCH_BULK_TMPFS:-/dev/shm/vigil-bench-bulk.$(basename "$REPO")}"
slow="$WORK"
mkdir -p "$fast"
{
  machine "bulk-change: 5,000 files in 50 dirs rewritten by one cp -r; 3 rounds; debounce 20 ms, max_wait 2 s"
  echo "## tree on tmpfs: $fast"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" bulk --work "$WORK" --bulk-dir "$fast" --files 5000 "$@"
  echo "## tree on ext4: $slow"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" bulk --work "$WORK" --bulk-dir "$slow" --files 5000 "$@"
  loadavg
} 2>&1 | tee "$OUT/bulk-change.txt"
rm -rf "$fast"
