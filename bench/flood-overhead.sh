#!/usr/bin/env bash
# Output path: `vigil once` on a stage printing 100 MB in 100-byte lines, against the same
# command with its output into a file, and `vigil once` on a stage `true` (the start cost).
# hyperfine, 2 warm-up + 10 runs. Writes bench/out/flood-overhead.txt (+ .md table).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
line="$(printf '%099d' 0)"   # 99 characters; yes adds the newline: 100-byte lines
gen="yes $line | head -c 100000000"
mkdir -p "$WORK/flood-root"
cfg="$WORK/flood100.yaml"
printf 'version: 1\nprojects:\n  - name: flood\n    root: %s\n    stages:\n      - {name: flood, run: "%s"}\n' \
  "$WORK/flood-root" "$gen" > "$cfg"
once="$WORK/once-flood.yaml"
printf 'version: 1\nprojects:\n  - name: once\n    root: %s\n    stages:\n      - {name: t, run: "true"}\n' \
  "$WORK/flood-root" > "$once"
export VIGIL_STATE_DIR="$WORK/flood-state"
launcher="${BENCH_LAUNCHER:-$REPO/scripts/vigil}"   # BENCH_LAUNCHER (+ VIGIL_JAR): another build, for a before/after
{
  machine "flood-overhead: a stage printing 100 MB in 100-byte lines (hyperfine, 2 warm-up + 10 runs)"
  "${NICE[@]}" hyperfine --warmup 2 --runs 10 --style basic --export-markdown "$OUT/flood-overhead.md" \
    -n "sh -c 'CMD > file'" "sh -c '$gen > $WORK/flood.out'" \
    -n "scripts/vigil once (stage: CMD)" "$launcher once --config $cfg" \
    -n "scripts/vigil once (stage: true)" "$launcher once --config $once"
  cat "$OUT/flood-overhead.md"
  loadavg
} 2>&1 | tee "$OUT/flood-overhead.txt"
