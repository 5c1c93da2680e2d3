package dev.vigil.config;

import dev.vigil.glob.GlobSyntax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Typed reads of located values; each wrong value is reported, pointing at it. */
final class ValueReader {
  private final Problems problems;

  ValueReader(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /** Reports keys not allowed in this section, and keys written twice. */
  void checkKeys(LocatedNode.Mapping mapping, Section section) {
    Map<String, Mark> seen = new HashMap<>();
    for (LocatedNode.Entry e : mapping.entries()) {
      Mark first = seen.putIfAbsent(e.key(), e.keyMark());
      if (first != null) {
        problems.add(
            e.keyMark(), "duplicate key `" + e.key() + "` (first at line " + first.line() + ")");
      } else if (ConfigKey.named(e.key()).filter(k -> k.allowedIn(section)).isEmpty()) {
        problems.add(e.keyMark(), ConfigKey.unknownKeyMessage(e.key(), section));
      }
    }
  }

  /** The value of {@code key} unless it is absent or null. */
  static Optional<LocatedNode> present(LocatedNode.Mapping mapping, ConfigKey key) {
    return mapping
        .get(key.key())
        .map(LocatedNode.Entry::value)
        .filter(
            v -> !(v instanceof LocatedNode.Scalar s && s.type() == LocatedNode.ScalarType.NULL));
  }

  Optional<Located> string(LocatedNode.Mapping mapping, ConfigKey key) {
    return present(mapping, key).flatMap(v -> scalar(v, key.key(), "a string"));
  }

  private Optional<Located> scalar(LocatedNode value, String what, String expected) {
    if (value instanceof LocatedNode.Scalar s && s.type() != LocatedNode.ScalarType.NULL) {
      return Optional.of(new Located(s.text(), s.mark()));
    }
    problems.add(value.mark(), "`" + what + "` must be " + expected + ", got " + value.describe());
    return Optional.empty();
  }

  /** A list of strings; a single string stands for a list of one. */
  List<Located> stringList(LocatedNode.Mapping mapping, ConfigKey key) {
    Optional<LocatedNode> value = present(mapping, key);
    List<Located> out = new ArrayList<>();
    if (value.isEmpty()) {
      return out;
    }
    if (value.get() instanceof LocatedNode.Sequence seq) {
      for (LocatedNode item : seq.items()) {
        scalar(item, key.key(), "a list of strings").ifPresent(out::add);
      }
    } else {
      scalar(value.get(), key.key(), "a list of strings").ifPresent(out::add);
    }
    return out;
  }

  /**
   * A list of patterns, as {@link #stringList}; each that {@code check} finds a problem in is
   * reported at the character at fault.
   */
  List<Located> patternList(
      LocatedNode.Mapping mapping,
      ConfigKey key,
      Function<String, Optional<GlobSyntax.Problem>> check) {
    List<Located> out = stringList(mapping, key);
    Optional<LocatedNode> value = present(mapping, key);
    List<LocatedNode> items =
        value
            .map(v -> v instanceof LocatedNode.Sequence seq ? seq.items() : List.of(v))
            .orElse(List.of());
    for (LocatedNode item : items) {
      if (item instanceof LocatedNode.Scalar s && s.type() != LocatedNode.ScalarType.NULL) {
        check
            .apply(s.text())
            .ifPresent(
                p ->
                    problems.add(
                        s.markAt(p.index()),
                        "`" + key.key() + "` pattern `" + s.text() + "`: " + p.message()));
      }
    }
    return out;
  }

  Optional<LocatedNode.Mapping> mapping(LocatedNode.Mapping parent, ConfigKey key) {
    Optional<LocatedNode> value = present(parent, key);
    if (value.isPresent() && !(value.get() instanceof LocatedNode.Mapping)) {
      problems.add(
          value.get().mark(),
          "`" + key.key() + "` must be a mapping, got " + value.get().describe());
      return Optional.empty();
    }
    return value.map(LocatedNode.Mapping.class::cast);
  }

  Optional<Duration> duration(LocatedNode.Mapping mapping, ConfigKey key) {
    return string(mapping, key)
        .flatMap(
            s -> {
              Optional<Duration> d = Durations.parse(s.value());
              if (d.isEmpty()) {
                problems.add(s.mark(), Durations.whyNot(key.key(), s.value()));
              }
              return d;
            });
  }

  Optional<Boolean> bool(LocatedNode.Mapping mapping, ConfigKey key) {
    Optional<LocatedNode> value = present(mapping, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof LocatedNode.Scalar s && s.type() == LocatedNode.ScalarType.BOOLEAN) {
      return Optional.of(Boolean.parseBoolean(s.text()) || isYamlTrue(s.text()));
    }
    if (value.get() instanceof LocatedNode.Scalar s
        && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
      return Optional.of(Boolean.parseBoolean(s.text()));
    }
    problems.add(
        value.get().mark(),
        "`" + key.key() + "` must be true or false, got " + describeValue(value.get()));
    return Optional.empty();
  }

  private static boolean isYamlTrue(String text) {
    return List.of("yes", "on", "y").contains(text.toLowerCase(java.util.Locale.ROOT));
  }

  /** A whole number of at least {@code min}. */
  Optional<Integer> integer(LocatedNode.Mapping mapping, ConfigKey key, String what, int min) {
    Optional<LocatedNode> value = present(mapping, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof LocatedNode.Scalar s && s.type() == LocatedNode.ScalarType.NUMBER) {
      try {
        int n = Integer.parseInt(s.text());
        if (n >= min) {
          return Optional.of(n);
        }
        problems.add(s.mark(), "`" + what + "` must be at least " + min + ", got " + n);
        return Optional.empty();
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.add(
        value.get().mark(),
        "`" + what + "` must be a whole number, got " + describeValue(value.get()));
    return Optional.empty();
  }

  /** One of the key's registered choices. */
  Optional<String> choice(LocatedNode.Mapping mapping, ConfigKey key) {
    return choice(mapping, key, key.key());
  }

  /** One of the key's registered choices; {@code what} names the key in messages. */
  Optional<String> choice(LocatedNode.Mapping mapping, ConfigKey key, String what) {
    Optional<LocatedNode> value = present(mapping, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String allowed = String.join(", ", key.choices());
    if (value.get() instanceof LocatedNode.Scalar s && s.type() == LocatedNode.ScalarType.BOOLEAN) {
      problems.add(
          s.mark(),
          "`"
              + what
              + "` got the boolean `"
              + s.text()
              + "` (YAML reads unquoted on/off/yes/no/true/false as booleans); quote the value,"
              + " one of: "
              + allowed);
      return Optional.empty();
    }
    Optional<Located> text = scalar(value.get(), key.key(), "a string");
    if (text.isPresent() && !key.choices().contains(text.get().value())) {
      String wrong = text.get().value();
      String suggestion =
          Spelling.closest(wrong, key.choices())
              .map(c -> " (did you mean `" + c + "`?)")
              .orElse("");
      problems.add(
          text.get().mark(),
          "unknown " + what + " `" + wrong + "`; expected one of: " + allowed + suggestion);
      return Optional.empty();
    }
    return text.map(Located::value);
  }

  private static String describeValue(LocatedNode node) {
    return node instanceof LocatedNode.Scalar s ? "`" + s.text() + "`" : node.describe();
  }
}
