package dev.vigil.files;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File names as Strings that keep every byte, UTF-8 or not.
 *
 * <p>On Linux a name is bytes; {@link Path#toString()} decodes them with the locale's charset and
 * puts U+FFFD where they are not valid, so the name no longer opens the file. A {@link Path} from a
 * directory listing or a watch event still holds the bytes, and its URI form has them
 * percent-encoded. This class reads them from there, and writes the bytes that are not valid UTF-8
 * as lone surrogates U+DC80..U+DCFF (the "surrogateescape" form): a valid UTF-8 name never decodes
 * to a lone surrogate, so two different names never give the same String, and every String made
 * here turns back into the exact bytes ({@link #bytes}) and the exact file ({@link #resolve}).
 */
public final class RawNames {
  private static final char ESCAPE_BASE = 0xDC00;
  private static final String HEX = "0123456789ABCDEF";

  private RawNames() {}

  /** A relative path's parts joined with '/', every byte kept. */
  public static String slashed(Path relative) {
    StringBuilder joined = new StringBuilder();
    for (Path part : relative) {
      if (joined.length() > 0) {
        joined.append('/');
      }
      joined.append(name(part));
    }
    return joined.toString();
  }

  /** One name (a path of one part), every byte kept. */
  static String name(Path part) {
    String text = part.toString();
    if (text.indexOf('\uFFFD') < 0 && isAscii(text)) {
      return text; // nothing was lost: the common case costs no system call
    }
    return decode(rawBytes(part));
  }

  /** The name's bytes: each escaped char as its byte, the rest as UTF-8. */
  public static byte[] bytes(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
    int start = 0;
    for (int i = 0; i < name.length(); i++) {
      int raw = rawByteAt(name, i);
      if (raw >= 0) {
        out.writeBytes(name.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.write(raw);
        start = i + 1;
      }
    }
    out.writeBytes(name.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** True when the name holds bytes that are not UTF-8. */
  public static boolean hasRawBytes(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (rawByteAt(name, i) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The name as people read it: each byte that is not UTF-8 shown as U+FFFD. */
  public static String readable(String name) {
    if (!hasRawBytes(name)) {
      return name;
    }
    StringBuilder text = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      text.append(rawByteAt(name, i) >= 0 ? '\uFFFD' : name.charAt(i));
    }
    return text.toString();
  }

  /** The file {@code relative} ('/'-separated, from {@link #slashed}) names under {@code root}. */
  public static Path resolve(Path root, String relative) {
    return resolve(root, relative, hasRawBytes(relative));
  }

  private static Path resolve(Path root, String relative, boolean byUri) {
    if (!byUri) {
      return root.resolve(relative);
    }
    String base = root.toAbsolutePath().toUri().getRawPath();
    StringBuilder uri = new StringBuilder("file://").append(base);
    if (!base.endsWith("/")) {
      uri.append('/');
    }
    for (byte b : bytes(relative)) {
      int v = b & 0xff;
      if (v >= 0x80 || v <= 0x20 || "%?#[]\\\"<>^`{|}".indexOf(v) >= 0) {
        uri.append('%').append(HEX.charAt(v >> 4)).append(HEX.charAt(v & 0xf));
      } else {
        uri.append((char) v);
      }
    }
    return Path.of(URI.create(uri.toString()));
  }

  /**
   * The entry of {@code dir} whose name is {@code length} bytes of {@code name} from {@code
   * offset}, as a directory read by the kernel gives it: every byte kept, in any locale.
   */
  public static Path child(Path dir, byte[] name, int offset, int length) {
    boolean ascii = true;
    for (int i = offset; i < offset + length && ascii; i++) {
      ascii = name[i] > 0;
    }
    if (ascii) {
      return dir.resolve(new String(name, offset, length, StandardCharsets.US_ASCII));
    }
    byte[] bytes = new byte[length];
    System.arraycopy(name, offset, bytes, 0, length);
    return resolve(dir, decode(bytes), true);
  }

  /** The absolute path's bytes as the kernel takes them, every byte kept. */
  public static byte[] pathBytes(Path path) {
    String text = path.toString();
    if (path.isAbsolute() && isAscii(text)) {
      return text.getBytes(StandardCharsets.US_ASCII); // nothing to recover: no system call
    }
    String raw = path.toAbsolutePath().toUri().getRawPath();
    if (raw.endsWith("/") && raw.length() > 1) {
      raw = raw.substring(0, raw.length() - 1);
    }
    return percentDecoded(raw);
  }

  private static byte[] rawBytes(Path part) {
    Path absolute = part.toAbsolutePath();
    String raw = absolute.toUri().getRawPath();
    if (raw.endsWith("/") && raw.length() > 1) {
      raw = raw.substring(0, raw.length() - 1); // the URI marks a directory with a slash
    }
    return percentDecoded(raw.substring(raw.lastIndexOf('/') + 1));
  }

  private static byte[] percentDecoded(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  /** UTF-8 where valid; each byte of an invalid sequence as its escape. */
  static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    StringBuilder text = new StringBuilder(bytes.length);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    while (in.hasRemaining()) {
      var result = decoder.decode(in, out, true);
      out.flip();
      text.append(out);
      out.clear();
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          text.append((char) (ESCAPE_BASE + (in.get() & 0xff)));
        }
      } else if (result.isUnderflow()) {
        break;
      }
    }
    return text.toString();
  }

  /**
   * The byte the char at {@code i} stands for, or -1 when it is text: an escape is a lone surrogate
   * in U+DC80..U+DCFF, not the second half of a pair.
   */
  public static int rawByteAt(String name, int i) {
    char c = name.charAt(i);
    boolean inRange = c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff;
    if (!inRange || (i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
      return -1;
    }
    return c - ESCAPE_BASE;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
