package dev.vigil.cli;

import dev.vigil.report.Json;
import java.util.function.Supplier;

/**
 * The process's one JSON form, made when first asked for, by whichever thread asks first: the
 * start-up warm-up builds its serializers for the run record on a second core, and the command then
 * writes its records with them instead of building them again.
 */
final class SharedJson implements Supplier<Json> {
  private Json json;

  @Override
  public synchronized Json get() {
    if (json == null) {
      json = new Json();
    }
    return json;
  }
}
