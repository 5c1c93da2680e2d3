package dev.vigil.process;

import dev.vigil.files.RawNames;
import java.util.List;
import java.util.stream.Collectors;

/** Quotes words for {@code sh} so that each arrives as one literal argument. */
public final class ShellQuote {
  private ShellQuote() {}

  /** Wraps the word in single quotes; a single quote inside becomes {@code '\''}. */
  public static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * A file name as one word, byte for byte: runs of text in single quotes, and bytes that are not
   * UTF-8 (held as {@link RawNames} escapes) made by {@code printf} with octal escapes, since a
   * command line can carry only text. The printf output holds no newline, so none is lost.
   */
  public static String quoteName(String name) {
    if (!RawNames.hasRawBytes(name)) {
      return quote(name);
    }
    StringBuilder word = new StringBuilder();
    StringBuilder text = new StringBuilder();
    StringBuilder octal = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      int raw = RawNames.rawByteAt(name, i);
      if (raw >= 0) {
        if (text.length() > 0) {
          word.append(quote(text.toString()));
          text.setLength(0);
        }
        octal.append(String.format("\\%03o", raw));
      } else {
        if (octal.length() > 0) {
          word.append("\"$(printf '").append(octal).append("')\"");
          octal.setLength(0);
        }
        text.append(name.charAt(i));
      }
    }
    if (octal.length() > 0) {
      word.append("\"$(printf '").append(octal).append("')\"");
    }
    if (text.length() > 0) {
      word.append(quote(text.toString()));
    }
    return word.toString();
  }

  /** File names, each {@link #quoteName quoted as a name}, joined by spaces. */
  public static String joinNames(List<String> names) {
    return names.stream().map(ShellQuote::quoteName).collect(Collectors.joining(" "));
  }

  /** The words quoted and joined by spaces. */
  public static String join(List<String> words) {
    return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
