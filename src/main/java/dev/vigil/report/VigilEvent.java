package dev.vigil.report;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.vigil.run.RunRecord;
import java.util.Objects;
import java.util.Optional;

/** Something that happened in the daemon, as the event bus and the SSE stream carry it. */
public sealed interface VigilEvent permits VigilEvent.RunEvent, VigilEvent.ConfigEvent {
  /** What happened. */
  Type type();

  /** A run was queued, started, finished, or one of its stages started or finished. */
  static VigilEvent run(Type type, RunRecord run) {
    return new RunEvent(type, run, null);
  }

  /** A stage of the run started or finished; {@code run} is the record so far. */
  static VigilEvent stage(Type type, RunRecord run, String stage) {
    return new RunEvent(type, run, stage);
  }

  /** The config could not be applied ({@code text} holds FILE:LINE:COL lines). */
  static VigilEvent configError(String text) {
    return new ConfigEvent(Type.CONFIG_ERROR, text);
  }

  /** A new config was applied; {@code configFile} names it. */
  static VigilEvent configApplied(String configFile) {
    return new ConfigEvent(Type.CONFIG_APPLIED, configFile);
  }

  /** The kinds of event, with their names on the wire. */
  enum Type {
    RUN_QUEUED("run-queued", true),
    RUN_STARTED("run-started", true),
    STAGE_STARTED("stage-started", true),
    STAGE_FINISHED("stage-finished", true),
    RUN_FINISHED("run-finished", true),
    CONFIG_ERROR("config-error", false),
    CONFIG_APPLIED("config-applied", false);

    private final String wireName;
    private final boolean aboutRuns;

    Type(String wireName, boolean aboutRuns) {
      this.wireName = wireName;
      this.aboutRuns = aboutRuns;
    }

    /** The name in JSON and in SSE {@code event:} lines. */
    @JsonValue
    public String wireName() {
      return wireName;
    }

    /** The type a wire name names; empty for one this version does not know. */
    public static Optional<Type> named(String wireName) {
      for (Type t : values()) {
        if (t.wireName.equals(wireName)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }

    boolean aboutRuns() {
      return aboutRuns;
    }

    boolean aboutStages() {
      return this == STAGE_STARTED || this == STAGE_FINISHED;
    }
  }

  /**
   * An event about a run.
   *
   * @param run the run record so far
   * @param stage the stage that started or finished, null for whole-run events
   */
  record RunEvent(Type type, RunRecord run, String stage) implements VigilEvent {
    public RunEvent {
      Objects.requireNonNull(run, "run");
      if (!type.aboutRuns() || type.aboutStages() != (stage != null)) {
        throw new IllegalArgumentException(
            "a " + type.wireName() + " event " + (stage == null ? "needs" : "takes no") + " stage");
      }
    }
  }

  /**
   * An event about the config.
   *
   * @param text the error lines, or the applied config file
   */
  record ConfigEvent(Type type, String text) implements VigilEvent {
    public ConfigEvent {
      if (type.aboutRuns()) {
        throw new IllegalArgumentException(type.wireName() + " is not a config event");
      }
    }
  }
}
