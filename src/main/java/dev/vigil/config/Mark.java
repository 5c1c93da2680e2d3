package dev.vigil.config;

/** A 1-based line and column in a config file. */
record Mark(int line, int column) {
  static final Mark START = new Mark(1, 1);
}
