package dev.vigil.batch;

/** The net effect of one batch's events on one path. */
enum PathChange {
  CREATED,
  MODIFIED,
  DELETED;

  /**
   * The net effect of this change followed by {@code next}, or {@code null} when the two cancel out
   * (created, then deleted).
   */
  PathChange then(PathChange next) {
    return switch (this) {
      case CREATED -> next == DELETED ? null : CREATED;
      case MODIFIED -> next == DELETED ? DELETED : MODIFIED;
      case DELETED -> next == DELETED ? DELETED : MODIFIED;
    };
  }
}
