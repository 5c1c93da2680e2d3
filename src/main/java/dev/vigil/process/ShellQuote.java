package dev.vigil.process;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes words for {@code sh} so that each arrives as one literal argument. */
public final class ShellQuote {
  private ShellQuote() {}

  /** Wraps the word in single quotes; a single quote inside becomes {@code '\''}. */
  public static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words quoted and joined by spaces. */
  public static String join(List<String> words) {
    return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
