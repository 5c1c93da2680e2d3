package dev.vigil.config;

import java.util.List;
import java.util.Optional;

/** The located tree a config file is read into: every key and value keeps its place. */
sealed interface LocatedNode permits LocatedNode.Scalar, LocatedNode.Sequence, LocatedNode.Mapping {
  Mark mark();

  /** How the value reads in a message: "a string", "a list", ... */
  String describe();

  /** The kind of value a scalar was written as. */
  enum ScalarType {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  /**
   * A single value, with its text as written; {@code quoted} when its text starts one column after
   * {@code mark}, past a quote.
   */
  record Scalar(ScalarType type, String text, Mark mark, boolean quoted) implements LocatedNode {
    Scalar(ScalarType type, String text, Mark mark) {
      this(type, text, mark, false);
    }

    /** Where the character at {@code index} of the text is, for a value on one line. */
    Mark markAt(int index) {
      return new Mark(mark.line(), mark.column() + (quoted ? 1 : 0) + index);
    }

    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "nothing";
      };
    }
  }

  /** A list. */
  record Sequence(List<LocatedNode> items, Mark mark) implements LocatedNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A mapping, entries in file order (duplicate keys kept, so they can be reported). */
  record Mapping(List<Entry> entries, Mark mark) implements LocatedNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    /** The first entry with this key. */
    Optional<Entry> get(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One key of a mapping with its value. */
  record Entry(String key, Mark keyMark, LocatedNode value) {}
}
