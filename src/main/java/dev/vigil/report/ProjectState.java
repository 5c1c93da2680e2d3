package dev.vigil.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a project is doing, as status.json says it. */
public enum ProjectState {
  /** Its watcher is being set up. */
  STARTING,
  /** Waiting for changes. */
  WATCHING,
  /** Changes came in; the quiet period has not passed yet. */
  DEBOUNCING,
  /** A run is going (or waits for a slot). */
  RUNNING,
  /** Changes are held, not run. */
  PAUSED,
  /** Kernel events failed; the tree is scanned instead. */
  POLLING,
  /** Its root is gone; changes are held until it comes back. */
  WAITING_FOR_ROOT,
  /** The project cannot be watched. */
  ERROR,
  /** The daemon has stopped. */
  STOPPED;

  /** The word in JSON: {@code watching}, {@code running}, ... */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The state a word names, as status.json holds it. */
  @JsonCreator
  public static ProjectState of(String word) {
    for (ProjectState s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a project state: " + word);
  }

  @Override
  public String toString() {
    return word();
  }
}
