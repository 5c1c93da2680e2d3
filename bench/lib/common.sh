# Sourced by the bench scripts: paths, the jar, a machine header, and a priority prefix.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out"
# Per-checkout scratch paths, so that benchmarks run from other checkouts at the same time do
# not save into the same tree or stamp file.
SCRATCH="/tmp/vigil-bench.$(basename "$REPO")"
WORK="${BENCH_WORK:-$SCRATCH/work}"
TREE="${BENCH_TREE:-$SCRATCH/tree}"
mkdir -p "$OUT" "$WORK"

# The machine is shared with other builds: when run as root the measured processes get a
# higher priority (nice -10) so that others' compiles disturb the figures less. BENCH_NICE=0
# turns this off. The load average is printed before and after each benchmark.
NICE=()
if [ "$(id -u)" -eq 0 ] && [ "${BENCH_NICE:--10}" != "0" ]; then
  NICE=(nice -n "${BENCH_NICE:--10}")
fi

ensure_jar() {
  if [ ! -f "$REPO/target/vigil.jar" ]; then
    (cd "$REPO" && { mvn -B -q -o -DskipTests package || mvn -B -q -DskipTests package; }) >&2
  fi
}

machine() {
  echo "# $1"
  echo "# date: $(date -u +%FT%TZ)  host: nproc=$(nproc) kernel=$(uname -r)"
  echo "# memory: $(free -h | awk '/^Mem:/ {print "total " $2 ", available " $7}')"
  echo "# jdk: $(java -version 2>&1 | sed -n 2p)"
  echo "# vigil: $(cd "$REPO" && git rev-parse --short HEAD) launcher flags: $(sed -n 's/^default_opts="\(.*\)"/\1/p' "$REPO/scripts/vigil")"
  echo "# priority: ${NICE[*]:-none}  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

loadavg() { echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"; }
