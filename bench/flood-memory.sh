#!/usr/bin/env bash
# Peak RSS of the JVM (sampled every 50 ms, and the kernel's VmHWM) while `vigil once` runs a
# stage that prints 300 MB. Writes bench/out/flood-memory.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
{
  machine "flood-memory: vigil once, stage: yes 0123456789abcdefghij | head -c 300000000"
  "${NICE[@]}" python3 "$BENCH/lib/watchbench.py" flood --work "$WORK"
  loadavg
} 2>&1 | tee "$OUT/flood-memory.txt"
