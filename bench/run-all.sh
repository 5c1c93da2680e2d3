#!/usr/bin/env bash
# Runs every benchmark in sequence (about 25 minutes); results in bench/out/*.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
"$BENCH/install-peers.sh"
(cd "$REPO" && mvn -B -q -o -DskipTests package) >&2
python3 "$BENCH/lib/watchbench.py" cds --work "$WORK"
start=$(date +%s)
for b in pipeline-overhead once-walltime flood-memory save-latency latency-flags bulk-change large-tree; do
  echo "=== $b ($(date -u +%TZ))"
  "$BENCH/$b.sh" > /dev/null
  tail -n +1 "$OUT/$b.txt" | grep -v '^#' | head -40
done
echo "=== all done in $(( $(date +%s) - start )) s; results in $OUT"
