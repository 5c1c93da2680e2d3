package dev.vigil.run;

import java.util.Locale;

/** Reading the lower-case words that vigil's enums are written as. */
final class Words {
  private Words() {}

  /**
   * The constant among {@code values} that {@code word} names.
   *
   * @throws IllegalArgumentException naming the word and what it should be when none has it
   */
  static <E extends Enum<E>> E of(E[] values, String what, String word) {
    for (E e : values) {
      if (e.name().toLowerCase(Locale.ROOT).equals(word)) {
        return e;
      }
    }
    throw new IllegalArgumentException("not a " + what + ": " + word);
  }
}
