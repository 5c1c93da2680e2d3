#!/usr/bin/env bash
# `vigil once` wall time on a one-stage `true` config: the launcher, java with the launcher's
# flags, plain `java -jar`, the launcher without and with its AppCDS archive (dumped into the
# cache dir by the first warm-up run; LAUNCHER_FLAGS are the launcher's short_opts, those of a
# command that runs once), and the launcher's flags with bench/out/vigil.jsa if it exists. Writes bench/out/once-walltime.txt (+ .md table).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
cfg="$WORK/once.yaml"
mkdir -p "$WORK/once-root"
printf 'version: 1\nprojects:\n  - name: once\n    root: %s\n    stages:\n      - {name: t, run: "true"}\n' "$WORK/once-root" > "$cfg"
export VIGIL_STATE_DIR="$WORK/once-state"
flags="$(sed -n 's/^short_opts="\(.*\)"/\1/p' "$REPO/scripts/vigil")"
jar="$REPO/target/vigil.jar"
launcher="${BENCH_LAUNCHER:-$REPO/scripts/vigil}"   # BENCH_LAUNCHER (+ VIGIL_JAR): another build
cmds=("env VIGIL_CDS=0 $launcher once --config $cfg"
      "$launcher once --config $cfg"
      "java $flags -jar $jar once --config $cfg"
      "java -jar $jar once --config $cfg")
names=("VIGIL_CDS=0 scripts/vigil once" "scripts/vigil once (AppCDS from the cache dir)" "java LAUNCHER_FLAGS -jar vigil.jar once" "java -jar vigil.jar once")
if [ -f "$OUT/vigil.jsa" ]; then
  cmds+=("java $flags -XX:SharedArchiveFile=$OUT/vigil.jsa -jar $jar once --config $cfg")
  names+=("java LAUNCHER_FLAGS +AppCDS -jar vigil.jar once")
fi
args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
{
  machine "once-walltime: vigil once, one stage \`true\` (hyperfine, 3 warm-up + 20 runs)"
  "${NICE[@]}" hyperfine --warmup 3 --runs 20 --style basic --export-markdown "$OUT/once-walltime.md" "${args[@]}"
  cat "$OUT/once-walltime.md"
  loadavg
} 2>&1 | tee "$OUT/once-walltime.txt"
