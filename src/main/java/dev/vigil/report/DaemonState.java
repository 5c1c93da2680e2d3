package dev.vigil.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the daemon as a whole is doing, as status.json says it; it moves only forward. */
public enum DaemonState {
  /** Arming its projects; not every one is watched yet. */
  STARTING,
  /** Every project is armed. */
  READY,
  /** Cancelling runs and closing down. */
  STOPPING,
  /** Gone; the status file is its last word. */
  STOPPED;

  /** The word in JSON: {@code starting}, {@code ready}, ... */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state a word names, as status.json holds it. */
  @JsonCreator
  public static DaemonState of(String word) {
    for (DaemonState s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a daemon state: " + word);
  }

  @Override
  public String toString() {
    return word();
  }
}
