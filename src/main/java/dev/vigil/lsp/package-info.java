/**
 * {@code vigil lsp}: a Language Server over stdio that shows the daemon's diagnostics in editors.
 * It knows the daemon only through its API and event stream (the external contract), never its
 * internals: {@link dev.vigil.lsp.DaemonLink} talks HTTP, {@link dev.vigil.lsp.DiagnosticStore}
 * keeps what each stage last reported, and {@link dev.vigil.lsp.VigilLanguageServer} speaks LSP.
 */
package dev.vigil.lsp;
