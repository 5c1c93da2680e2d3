package dev.vigil.run;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * Why a run started.
 *
 * @param kind what started it
 * @param changed paths relative to the root, at most 10,000; a name's bytes that are not UTF-8 are
 *     kept in memory ({@link dev.vigil.files.RawNames}) and written to JSON as U+FFFD
 * @param changedCount the full count
 * @param truncated true when {@code changed} is not the whole set
 */
public record Trigger(
    TriggerKind kind,
    @JsonSerialize(contentUsing = ReadableName.class) List<String> changed,
    int changedCount,
    boolean truncated) {
  public Trigger {
    changed = List.copyOf(changed);
  }

  /** A trigger that carries no paths: a manual, startup, after or config run. */
  public static Trigger of(TriggerKind kind) {
    return new Trigger(kind, List.of(), 0, false);
  }
}
