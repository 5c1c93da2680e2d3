package dev.vigil.diagnostics;

import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * The {@code auto} format: the first line that names a tool for sure picks that tool's parser,
 * which then also reads the few lines held back before it. Lines that fall out of the bounded
 * hold-back, and all lines when no tool is ever recognized, go to the generic parser.
 */
final class AutoParser extends LineParser {
  static final int HOLD_BACK = 64;

  private final Function<Format, LineParser> parsers;
  private final ArrayDeque<String> held = new ArrayDeque<>(HOLD_BACK);
  private final GenericParser fallback;
  private LineParser chosen;

  AutoParser(Sink sink, Function<Format, LineParser> parsers) {
    super(sink);
    this.parsers = parsers;
    this.fallback = new GenericParser(sink);
  }

  @Override
  void line(String line) {
    if (chosen != null) {
      chosen.line(line);
      return;
    }
    Format format = FormatSniffer.sniff(line);
    if (format == null) {
      if (held.size() == HOLD_BACK) {
        fallback.line(held.removeFirst());
      }
      held.addLast(line);
      return;
    }
    chosen = parsers.apply(format);
    while (!held.isEmpty()) {
      chosen.line(held.removeFirst());
    }
    chosen.line(line);
  }

  @Override
  void end() {
    if (chosen != null) {
      chosen.end();
      return;
    }
    while (!held.isEmpty()) {
      fallback.line(held.removeFirst());
    }
  }
}
