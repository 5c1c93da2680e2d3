package dev.vigil.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
 * @param endLine last line of the primary span, 0 when the tool gives none (omitted from JSON)
 * @param endColumn 1-based column just past the primary span, 0 when unknown (omitted from JSON)
 * @param related the other places the tool pointed at (secondary spans), with their labels
 * @param suggestions edits the tool says can be applied as they are (machine-applicable)
 * @param lastFix how the same problem (same fingerprint) was fixed the last time, or null
 * @param notes the tool's notes and help lines ({@code note: ...}, {@code help: ...}), in order
 * @param rendered the tool's own text for this problem, colour removed, bounded; empty when the
 *     tool gives none (omitted from JSON)
 */
public record Diagnostic(
    String file,
    int line,
    int column,
    String severity,
    String code,
    String message,
    String fingerprint,
    int seen,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int endLine,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int endColumn,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Span> related,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Suggestion> suggestions,
    @JsonInclude(JsonInclude.Include.NON_NULL) LastFix lastFix,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String rendered) {

  public Diagnostic {
    related = related == null ? List.of() : List.copyOf(related);
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    notes = notes == null ? List.of() : List.copyOf(notes);
    rendered = rendered == null ? "" : rendered;
  }

  /** A diagnostic with a place but no span end, related places or suggestions. */
  public Diagnostic(
      String file,
      int line,
      int column,
      String severity,
      String code,
      String message,
      String fingerprint,
      int seen) {
    this(
        file,
        line,
        column,
        severity,
        code,
        message,
        fingerprint,
        seen,
        0,
        0,
        List.of(),
        List.of(),
        null,
        List.of(),
        "");
  }

  /** The same diagnostic with another {@code seen} count. */
  public Diagnostic withSeen(int count) {
    return with(count, lastFix);
  }

  /** The same diagnostic, told how it was fixed last time. */
  public Diagnostic withLastFix(LastFix fix) {
    return with(seen, fix);
  }

  private Diagnostic with(int count, LastFix fix) {
    return new Diagnostic(
        file,
        line,
        column,
        severity,
        code,
        message,
        fingerprint,
        count,
        endLine,
        endColumn,
        related,
        suggestions,
        fix,
        notes,
        rendered);
  }

  /**
   * The run in which a problem last went away, and what changed in the files it pointed into.
   *
   * @param runId the first run of the stage that no longer reported it
   * @param at when that run's stage finished
   * @param diff unified diff of those files between the failing run and that run, bounded
   */
  public record LastFix(String runId, java.time.Instant at, String diff) {}

  /**
   * A region of a file: 1-based lines and columns, the end column just past the last character.
   *
   * @param label what the tool says of this place, or empty
   */
  public record Span(String file, int line, int column, int endLine, int endColumn, String label) {}

  /**
   * A fix the tool offers.
   *
   * @param message what the fix does ("try", "remove this")
   * @param edits each replaces a span with new text
   */
  public record Suggestion(String message, List<Edit> edits) {
    public Suggestion {
      edits = List.copyOf(edits);
    }
  }

  /** Replace the text of {@code span} with {@code replacement}. */
  public record Edit(Span span, String replacement) {}
}
