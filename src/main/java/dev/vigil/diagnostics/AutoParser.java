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
  private final ArrayDeque<Object> held = new ArrayDeque<>(HOLD_BACK); // String, or LineBytes
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
      hold(line);
      return;
    }
    chosen = parsers.apply(format);
    while (!held.isEmpty()) {
      chosen.line(text(held.removeFirst()));
    }
    chosen.line(line);
  }

  /**
   * A line with no colon names no tool ({@link FormatSniffer}) unless it begins a pytest banner:
   * held back as bytes, decoded only if a tool is recognized after it.
   */
  @Override
  void plainLine(LineBytes line) {
    if (chosen != null) {
      chosen.plainLine(line);
    } else if (line.startsWith('=')) {
      line(line.text());
    } else {
      hold(line);
    }
  }

  private void hold(Object line) {
    if (held.size() == HOLD_BACK) {
      toFallback(held.removeFirst());
    }
    held.addLast(line);
  }

  private void toFallback(Object line) {
    if (line instanceof LineBytes b) {
      fallback.plainLine(b);
    } else {
      fallback.line((String) line);
    }
  }

  private static String text(Object line) {
    return line instanceof LineBytes b ? b.text() : (String) line;
  }

  @Override
  void end() {
    if (chosen != null) {
      chosen.end();
      return;
    }
    while (!held.isEmpty()) {
      toFallback(held.removeFirst());
    }
  }
}
