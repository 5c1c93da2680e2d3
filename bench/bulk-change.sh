#!/usr/bin/env bash
# 5,000 files rewritten at once (cp -r of new contents over a watched tree): how many runs vigil
# makes (expect one), the delay from the last write to the run's start, and whether every path
# is in trigger.changed. Writes bench/out/bulk-change.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
{
  machine "bulk-change: 5,000 files in 50 dirs rewritten by one cp -r; 3 rounds; debounce 20 ms, max_wait 2 s"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" bulk --work "$WORK" --files 5000 "$@"
  loadavg
} 2>&1 | tee "$OUT/bulk-change.txt"
