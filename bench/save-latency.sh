#!/usr/bin/env bash
# Save-to-command-start latency over 50 saves: vigil (debounce 20 ms) against each peer and a
# bare `sh -c` spawn. Writes bench/out/save-latency.txt.
#   usage: bench/save-latency.sh [--saves N] [--tools vigil,entr,...]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
{
  machine "save-latency: save -> command start, ms (p50, p99 over 50 saves after 5 warm-up saves)"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" latency --work "$WORK" "$@"
  loadavg
} 2>&1 | tee "$OUT/save-latency.txt"
