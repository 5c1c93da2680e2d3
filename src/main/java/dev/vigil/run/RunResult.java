package dev.vigil.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a whole run ended. */
public enum RunResult {
  /** Every stage passed (or was cached). */
  PASSED,
  /** A stage failed or timed out. */
  FAILED,
  /** The run was cancelled or restarted by a change. */
  CANCELLED,
  /** A tool could not run, or the run could not write its files. */
  ERROR;

  /** The word in JSON and on the console: {@code passed}, {@code failed}, ... */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The result a word names, as history.jsonl holds it. */
  @JsonCreator
  public static RunResult of(String word) {
    return Words.of(values(), "run result", word);
  }

  @Override
  public String toString() {
    return word();
  }
}
