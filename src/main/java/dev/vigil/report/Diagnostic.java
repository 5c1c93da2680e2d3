package dev.vigil.report;

/**
 * One problem a tool reported, as a run record carries it.
 *
 * @param file relative to the project root
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 * @param severity {@code error}, {@code warning}, {@code note}
 * @param code the tool's code (E0308), or empty
 * @param message the tool's message
 * @param fingerprint stays the same when the problem moves to another line
 * @param seen how many failed runs in the last 7 days had this fingerprint
 */
public record Diagnostic(
    String file,
    int line,
    int column,
    String severity,
    String code,
    String message,
    String fingerprint,
    int seen) {}
