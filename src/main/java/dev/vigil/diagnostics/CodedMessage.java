package dev.vigil.diagnostics;

/**
 * A diagnostic message with the code written in front of it, as javac lint and Error Prone write
 * {@code [code] message}.
 *
 * @param code the code, or "" when there is none
 * @param text the message without it
 */
record CodedMessage(String code, String text) {
  /** Splits a leading {@code [code]} off a message; no code when there is none. */
  static CodedMessage split(String message) {
    if (message.startsWith("[")) {
      int end = message.indexOf(']');
      if (end > 1 && end < 80 && message.indexOf(' ') > end) {
        return new CodedMessage(message.substring(1, end), message.substring(end + 1).strip());
      }
    }
    return new CodedMessage("", message);
  }
}
