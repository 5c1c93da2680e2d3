package dev.vigil.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code name} of a project or stage; names end up in run ids and log file names. */
final class Names {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

  private Names() {}

  /** The valid name of the project or stage in {@code mapping}, reporting a missing or bad one. */
  static Optional<Located> read(LocatedNode.Mapping mapping, String what, ValueReader values) {
    Optional<Located> name = values.string(mapping, ConfigKey.NAME);
    if (name.isEmpty()) {
      if (ValueReader.present(mapping, ConfigKey.NAME).isEmpty()) {
        values.problems().add(mapping.mark(), what + " is missing `name`");
      }
      return Optional.empty();
    }
    if (!VALID.matcher(name.get().value()).matches()) {
      values
          .problems()
          .add(
              name.get().mark(),
              what
                  + " name `"
                  + name.get().value()
                  + "` may only hold letters, digits, `_`, `-` and `.` (not first)");
      return Optional.empty();
    }
    return name;
  }
}
