package dev.vigil.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a run started. */
public enum TriggerKind {
  /** Files changed. */
  CHANGE,
  /** Asked for by a user: {@code vigil run}, the API, {@code vigil once}. */
  MANUAL,
  /** The daemon started. */
  STARTUP,
  /** A project this one follows passed. */
  AFTER,
  /** The config changed. */
  CONFIG;

  /** The word in JSON: {@code change}, {@code manual}, ... */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind a word names, as history.jsonl holds it. */
  @JsonCreator
  public static TriggerKind of(String word) {
    return Words.of(values(), "trigger kind", word);
  }

  @Override
  public String toString() {
    return word();
  }
}
