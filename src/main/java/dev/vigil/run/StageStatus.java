package dev.vigil.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one stage of a run ended. */
public enum StageStatus {
  PASSED,
  FAILED,
  /** Not run: a stage it needs did not pass. */
  SKIPPED,
  /** Ended or never started because the run was cancelled. */
  CANCELLED,
  /** Killed after its timeout. */
  TIMEOUT,
  /** Not run: a cached result for the same inputs stands for it. */
  CACHED;

  /** The word in JSON and on the console: {@code passed}, {@code failed}, ... */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a word names, as history.jsonl holds it. */
  @JsonCreator
  public static StageStatus of(String word) {
    return Words.of(values(), "stage status", word);
  }

  /** Passed or failed on its own: what it found says something about the code. */
  public boolean decisive() {
    return this == PASSED || this == FAILED;
  }

  /** Failed or timed out: the stage is why its run failed. */
  public boolean failing() {
    return this == FAILED || this == TIMEOUT;
  }

  @Override
  public String toString() {
    return word();
  }
}
