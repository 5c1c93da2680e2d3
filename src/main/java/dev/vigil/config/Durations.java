package dev.vigil.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses config durations: a number and a unit, such as {@code 50ms}, {@code 1.5s}, {@code 10m}.
 */
final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Duration LONGEST = Duration.ofDays(365);

  private Durations() {}

  /** The duration, or empty when the text is not one. */
  static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long nanosPerUnit =
        switch (m.group(2)) {
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          default -> 3_600_000_000_000L;
        };
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
    if (nanos.compareTo(BigDecimal.valueOf(LONGEST.toNanos())) > 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(nanos.longValue()));
  }

  /** Why {@code text} is not a duration, for a message naming the key it was given to. */
  static String whyNot(String key, String text) {
    String hint = "write a number and a unit (ms, s, m, h), e.g. `50ms`, `2s`, `10m`";
    if (BARE_NUMBER.matcher(text.trim()).matches()) {
      return "`" + key + "`: `" + text + "` has no unit; " + hint;
    }
    if (FORM.matcher(text.trim()).matches()) {
      return "`" + key + "`: `" + text + "` is longer than a year";
    }
    return "`" + key + "`: `" + text + "` is not a duration; " + hint;
  }
}
