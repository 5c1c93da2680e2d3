package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a stage's output into diagnostics, one line at a time, holding only a bounded amount of
 * state however long the output is.
 */
public interface DiagnosticParser {
  /** Takes the next line of output, without its line break. */
  void accept(String line);

  /**
   * Takes the next line of output as UTF-8 bytes, {@code data[start..end)} without its line break
   * (bytes that are not UTF-8 read as replacement characters). The parser may keep the array: the
   * caller never changes it.
   */
  default void accept(byte[] data, int start, int end) {
    accept(new String(data, start, end - start, StandardCharsets.UTF_8));
  }

  /**
   * Ends the input and returns what was found, at most {@link DiagnosticParsers#LIMIT} diagnostics.
   */
  List<Diagnostic> finish();

  /**
   * The end of the output so far as a person reads it, at most 64 KiB: JSON records rendered as the
   * tool's text ({@link HumanOutput}), escape codes removed, each line ended by a newline.
   */
  String text();
}
