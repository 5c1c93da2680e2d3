package dev.vigil.config;

/** The places in a config file where keys can be written. */
enum Section {
  TOP("at the top level"),
  DEFAULTS("in `defaults`"),
  PROJECT("in a project"),
  STAGE("in a stage"),
  RETRY("in `retry`"),
  CACHE("in `cache`"),
  REMOTE("in `cache.remote`"),
  STAGE_CACHE("in a stage's `cache`");

  private final String where;

  Section(String where) {
    this.where = where;
  }

  /** How the section reads in a message, e.g. "in a project". */
  String where() {
    return where;
  }
}
