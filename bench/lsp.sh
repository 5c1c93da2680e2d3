#!/usr/bin/env bash
# vigil lsp: a stage's end to its diagnostics at an LSP client (median), and the server's
# resident memory, under the launcher's flags. Writes bench/out/lsp.txt.
#   usage: bench/lsp.sh [--runs 40] [--lsp-opts "JVM FLAGS"]   (flags for vigil lsp alone)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_jar
{
  machine "lsp: stage end -> publishDiagnostics at a client over stdio; vigil lsp RSS"
  "${NICE[@]}" python3 "$BENCH/lib/lspbench.py" --work "$WORK" "$@"
  loadavg
} 2>&1 | tee "$OUT/lsp.txt"
