#!/usr/bin/env bash
# Per-stage overhead of vigil's pipeline: a one-stage `true` PipelineRun with the real
# ProcessRunner against ProcessBuilder("sh","-c","true"), 100 times each, interleaved, after 20
# warm-up rounds (dev.vigil.bench.PipelineOverheadBench in src/test/java). Once with the
# launcher's JVM flags, once with the JVM's defaults. Writes bench/out/pipeline-overhead.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO"
mvn -B -q -o -DskipTests test-compile >&2
[ -s "$OUT/cp.txt" ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >&2
cp="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
flags="$(sed -n 's/^default_opts="\(.*\)"/\1/p' scripts/vigil)"
{
  machine "pipeline-overhead: wall time per run, ms"
  echo "## launcher flags: $flags"
  # shellcheck disable=SC2086
  "${NICE[@]}" java $flags -cp "$cp" dev.vigil.bench.PipelineOverheadBench 100
  echo "## JVM defaults"
  "${NICE[@]}" java -cp "$cp" dev.vigil.bench.PipelineOverheadBench 100
  echo "## hyperfine sh -c true (fork+exec from a small C process, for scale)"
  "${NICE[@]}" hyperfine -N --warmup 20 --runs 100 --style basic "sh -c true" 2>&1 | sed -n '/Time/,/Range/p'
  loadavg
} 2>&1 | tee "$OUT/pipeline-overhead.txt"
