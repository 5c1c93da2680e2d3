package dev.vigil.diagnostics;

/** The {@code none} format: output is kept as it is and yields no diagnostics. */
final class NoneParser extends LineParser {
  NoneParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {}

  @Override
  void plainLine(LineBytes line) {}
}
