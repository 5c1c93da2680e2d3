package dev.vigil.pipeline;

/**
 * Where a {@link PipelineRun} is. A run moves only forward:
 *
 * <pre>
 * NEW ──► STARTING ──► RUNNING ──► FINISHED
 *  │          │           │           ▲
 *  │          └───────────┴──► CANCELLING
 *  └──────────────────────────────────┘ (its files could not be written)
 * </pre>
 *
 * The listener hears {@code runStarted} exactly once, on the way out of {@link #STARTING}; the
 * transition methods say whether the caller is the one to tell it.
 */
enum RunPhase {
  /** Created; nothing written, no stage started. */
  NEW,
  /** Begun; the listener is told it started once its first stages are under way. */
  STARTING,
  /** The listener was told; stages start as their needs pass. */
  RUNNING,
  /** Cancelled: stages not started end as cancelled, running ones are being ended. */
  CANCELLING,
  /** Every stage ended; the record is final. */
  FINISHED;

  /** The run's files are written and its stages may start. */
  RunPhase begun() {
    if (this != NEW) {
      throw new IllegalStateException("a run begins once; this one is " + this);
    }
    return STARTING;
  }

  /** After the listener hears that the run started (the caller tells it when this is STARTING). */
  RunPhase announced() {
    return this == STARTING ? RUNNING : this;
  }

  /** Whether the caller of {@link #announced} is to tell the listener. */
  boolean startUntold() {
    return this == STARTING;
  }

  /**
   * After a cancel: a running run is cancelling (the caller tells the listener it started when this
   * is STARTING); a finished or cancelling one stays as it is.
   */
  RunPhase cancelled() {
    return switch (this) {
      case NEW -> throw new IllegalStateException("a run is begun before it can be cancelled");
      case STARTING, RUNNING -> CANCELLING;
      case CANCELLING, FINISHED -> this;
    };
  }

  /** Every stage ended (from NEW: the run could not even write its files). */
  RunPhase finished() {
    if (this == STARTING) {
      throw new IllegalStateException("the listener hears of the start before the end");
    }
    return FINISHED;
  }

  boolean cancelling() {
    return this == CANCELLING;
  }

  boolean over() {
    return this == FINISHED;
  }
}
