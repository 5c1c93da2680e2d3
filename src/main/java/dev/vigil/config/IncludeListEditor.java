package dev.vigil.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Edits the {@code include} list of a config's text in place, keeping every other line and comment
 * as written: an entry is appended after the last item of a block list (or a new block list at the
 * end), and removed by deleting its line. A list written another way ({@code include: []}, a flow
 * list, one string) is rewritten as a block list.
 */
final class IncludeListEditor {
  private final List<String> lines;
  private final LocatedNode.Mapping top;

  private IncludeListEditor(String text, LocatedNode.Mapping top) {
    this.lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!this.lines.isEmpty() && this.lines.get(this.lines.size() - 1).isEmpty()) {
      this.lines.remove(this.lines.size() - 1);
    }
    this.top = top;
  }

  /** An editor for {@code text}, which must parse as a mapping; problems otherwise. */
  static IncludeListEditor of(java.nio.file.Path file, String text) throws ConfigException {
    Problems problems = new Problems(file);
    Optional<LocatedNode> root = new TreeReader(problems, false).read(text);
    problems.throwIfAny();
    if (root.isPresent() && !(root.get() instanceof LocatedNode.Mapping)) {
      problems.add(root.get().mark(), "config must be a mapping, got " + root.get().describe());
      throw problems.toException();
    }
    LocatedNode.Mapping top =
        (LocatedNode.Mapping) root.orElse(new LocatedNode.Mapping(List.of(), Mark.START));
    return new IncludeListEditor(text, top);
  }

  /** The include entries as written, with their places. */
  List<Located> entries() {
    List<Located> out = new ArrayList<>();
    Optional<LocatedNode> value = top.get(ConfigKey.INCLUDE.key()).map(LocatedNode.Entry::value);
    if (value.isPresent() && value.get() instanceof LocatedNode.Sequence seq) {
      for (LocatedNode item : seq.items()) {
        if (item instanceof LocatedNode.Scalar s) {
          out.add(new Located(s.text(), s.mark()));
        }
      }
    } else if (value.isPresent()
        && value.get() instanceof LocatedNode.Scalar s
        && !s.text().isEmpty()) {
      out.add(new Located(s.text(), s.mark()));
    }
    return out;
  }

  /** The text with {@code entry} appended to the list. */
  String add(String entry) {
    String item = "\"" + entry.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    Optional<LocatedNode.Entry> include = top.get(ConfigKey.INCLUDE.key());
    if (include.isEmpty()) {
      lines.add("include:");
      lines.add("  - " + item);
      return text();
    }
    List<Located> entries = entries();
    if (isBlock(entries)) {
      Located last = entries.get(entries.size() - 1);
      int line = last.mark().line() - 1;
      lines.add(line + 1, lines.get(line).substring(0, last.mark().column() - 1) + item);
      return text();
    }
    List<String> items = new ArrayList<>();
    entries.forEach(e -> items.add(quote(e.value())));
    items.add(item);
    return rewrite(include.get(), items);
  }

  /** The text without the entries {@code remove} accepts. */
  String remove(Predicate<Located> remove) {
    List<Located> entries = entries();
    LocatedNode.Entry include = top.get(ConfigKey.INCLUDE.key()).orElseThrow();
    if (isBlock(entries)) {
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (remove.test(entries.get(i))) {
          lines.remove(entries.get(i).mark().line() - 1);
        }
      }
      if (entries.stream().allMatch(remove)) {
        lines.set(include.keyMark().line() - 1, lineOfKey(include) + " []");
      }
      return text();
    }
    List<String> items = new ArrayList<>();
    entries.stream().filter(remove.negate()).forEach(e -> items.add(quote(e.value())));
    return rewrite(include, items);
  }

  /** Every item on a line of its own, after "- ". */
  private boolean isBlock(List<Located> entries) {
    if (entries.isEmpty()) {
      return false;
    }
    int previous = -1;
    for (Located e : entries) {
      String before = lines.get(e.mark().line() - 1).substring(0, e.mark().column() - 1);
      if (!before.matches("\\s*-\\s+") || e.mark().line() == previous) {
        return false;
      }
      previous = e.mark().line();
    }
    return true;
  }

  /** Replaces the include key's lines (up to the next top-level key) with a block list. */
  private String rewrite(LocatedNode.Entry include, List<String> items) {
    int from = include.keyMark().line() - 1;
    int to = lines.size();
    for (LocatedNode.Entry e : top.entries()) {
      if (e.keyMark().line() - 1 > from) {
        to = Math.min(to, e.keyMark().line() - 1);
      }
    }
    List<String> block = new ArrayList<>();
    block.add(items.isEmpty() ? lineOfKey(include) + " []" : lineOfKey(include));
    items.forEach(i -> block.add("  - " + i));
    lines.subList(from, to).clear();
    lines.addAll(from, block);
    return text();
  }

  private String lineOfKey(LocatedNode.Entry include) {
    String line = lines.get(include.keyMark().line() - 1);
    int colon = line.indexOf(':', include.keyMark().column() - 1);
    return line.substring(0, colon + 1);
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private String text() {
    return String.join("\n", lines) + "\n";
  }
}
