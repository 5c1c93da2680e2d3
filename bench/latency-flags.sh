#!/usr/bin/env bash
# Save-to-command latency of vigil under its launcher flags, without the compile thresholds the
# launcher sets for the start path's packages, and with a lower threshold for the whole JVM
# instead: 3 interleaved rounds of 50 saves each. Writes bench/out/latency-flags.txt.
#   usage: bench/latency-flags.sh [--rounds N] [--saves N]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
{
  machine "latency-flags: save -> command start, ms, vigil under three JVM flag sets (interleaved rounds)"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" latencyflags --work "$WORK" "$@"
  loadavg
} 2>&1 | tee "$OUT/latency-flags.txt"
