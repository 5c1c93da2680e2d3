#!/usr/bin/env bash
# Restart of a daemon on the 100k tree: the second start takes the content record saved by the
# first and reads only the files changed while it was down.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
python3 "$BENCH/lib/watchbench.py" gentree --tree "$TREE"
{
  machine "restart: $TREE (100,000 files, 5,000 dirs); 100 files changed while down"
  "${NICE[@]}" python3 "$BENCH/lib/restartbench.py" --work "$WORK" --tree "$TREE" "$@"
  loadavg
} 2>&1 | tee "$OUT/restart.txt"
