package dev.vigil.pipeline;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes words for {@code sh} so that each arrives as one literal argument. */
final class ShellQuote {
  private ShellQuote() {}

  /** Wraps the word in single quotes; a single quote inside becomes {@code '\''}. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words quoted and joined by spaces. */
  static String join(List<String> words) {
    return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
