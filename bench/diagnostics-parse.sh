#!/usr/bin/env bash
# Times the diagnostics parsers over a generated 50 MB mixed compiler log on one core with a
# small heap, printing MB/s and peak heap per format. Usage: bench/diagnostics-parse.sh [FORMAT...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx64m \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.vigil.diagnostics.ParseBench "$@"
