#!/usr/bin/env bash
# Median time from a stage finishing (its stage-finished event on the daemon's in-process event
# bus) to that event's data line arriving at an SSE client of the local API, over 100 triggers of
# a one-stage `true` project. Usage: bench/sse-latency.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -XX:+UseSerialGC -Xmx128m \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.vigil.control.SseLatencyBench "$@"
