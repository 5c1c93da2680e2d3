package dev.vigil.diagnostics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Fingerprints that stay the same when a problem moves to another line: a hash of the file, the
 * code and the message with its varying parts (numbers, directories, quote styles, spacing)
 * normalized.
 */
public final class Fingerprints {
  private static final Pattern DIRECTORIES =
      Pattern.compile("(?:[A-Za-z]:)?(?:file://)?[/\\\\](?:[^\\s/\\\\:'\"`‘’“”()\\[\\]]+[/\\\\])+");
  private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b");
  private static final Pattern NUMBERS = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Fingerprints() {}

  /** The first 16 hex digits of a SHA-256 over the file, the code and the normalized message. */
  public static String fingerprint(String file, String code, String message) {
    String key =
        normalizeFile(file) + '\0' + (code == null ? "" : code.strip()) + '\0' + normalize(message);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The message with what varies between two occurrences of the same problem replaced. */
  static String normalize(String message) {
    if (message == null) {
      return "";
    }
    String text =
        message
            .replace('‘', '\'')
            .replace('’', '\'')
            .replace('“', '"')
            .replace('”', '"')
            .replace('`', '\'');
    text = DIRECTORIES.matcher(text).replaceAll("");
    text = HEX.matcher(text).replaceAll("#");
    text = NUMBERS.matcher(text).replaceAll("#");
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static String normalizeFile(String file) {
    if (file == null) {
      return "";
    }
    String path = file.strip().replace('\\', '/');
    return path.startsWith("./") ? path.substring(2) : path;
  }
}
