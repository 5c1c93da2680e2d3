package dev.vigil.config;

/** A string value from the config with the place it was written. */
record Located(String value, Mark mark) {}
