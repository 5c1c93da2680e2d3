package dev.vigil.process;

/** UTF-8 sizes of strings, counted without encoding them. */
final class Utf8 {
  private Utf8() {}

  static int length(String s) {
    // One bulk copy, then a loop over the array: String.charAt per character, with its checks,
    // was most of the CPU a flood of output cost.
    char[] chars = s.toCharArray();
    int n = 0;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < chars.length
          && Character.isLowSurrogate(chars[i + 1])) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** The longest prefix of s whose UTF-8 form fits in maxBytes. */
  static String truncate(String s, int maxBytes) {
    int n = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (n + size > maxBytes) {
        break;
      }
      n += size;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
