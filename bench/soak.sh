#!/usr/bin/env bash
# Soak: the daemon under the launcher's flags for an hour of random edits, bursts, touches,
# config reloads, killed stages and API calls on a real tree of two projects sharing a root.
# At the end: RSS, threads and open descriptors against their values after five minutes, every
# edit accounted for in history, no exception in the log. Writes bench/out/soak.txt; exit 1
# when a check fails.
#   usage: bench/soak.sh [--minutes 60] [--baseline-minutes 5] [--seed 1]
# With -XX:NativeMemoryTracking=summary in VIGIL_JAVA_OPTS it also prints the JVM's native memory
# by category, from the baseline to the end (jcmd VM.native_memory summary.diff).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
set +e
{
  machine "soak: random edits, bursts, touches, reloads, killed stages, API calls"
  python3 "$BENCH/lib/soak.py" --work "$WORK" "$@"
  rc=$?
  loadavg
  exit $rc
} 2>&1 | tee "$OUT/soak.txt"
exit "${PIPESTATUS[0]}"
