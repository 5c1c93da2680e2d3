package dev.vigil.config;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses config sizes: a number and an optional unit, such as {@code 1GiB} or {@code 500MB}. */
final class ByteSizes {
  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)?");

  private ByteSizes() {}

  /** The size in bytes, or empty when the text is not one. */
  static Optional<Long> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String unit = m.group(2) == null ? "B" : m.group(2);
    long factor =
        switch (unit) {
          case "KiB" -> 1L << 10;
          case "MiB" -> 1L << 20;
          case "GiB" -> 1L << 30;
          case "TiB" -> 1L << 40;
          case "KB" -> 1_000L;
          case "MB" -> 1_000_000L;
          case "GB" -> 1_000_000_000L;
          case "TB" -> 1_000_000_000_000L;
          default -> 1L;
        };
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    return Optional.of(bytes.longValue());
  }

  /** Why {@code text} is not a size, for a message naming the key it was given to. */
  static String whyNot(String key, String text) {
    return "`"
        + key
        + "`: `"
        + text
        + "` is not a size; write a number and a unit (B, KiB, MiB, GiB, KB, MB, GB), e.g."
        + " `1GiB`, `500MB`";
  }
}
