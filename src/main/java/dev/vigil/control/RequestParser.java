package dev.vigil.control;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one request from bytes as they arrive, without blocking: the head (request line and
 * headers, at most {@code maxHead} bytes, else 431), then a body by {@code Content-Length} or
 * chunked (at most {@code maxBody} bytes, else 413). Bytes past the request are kept for the next
 * one on the same connection.
 */
final class RequestParser {
  /** What the bytes so far amount to. */
  sealed interface Outcome {}

  /** The request is not finished yet. */
  record NeedMore() implements Outcome {}

  /** A whole request; {@code rest} are the bytes that came after it. */
  record Complete(ParsedRequest request, byte[] rest) implements Outcome {}

  /** The request is refused; the connection is answered with the status and closed. */
  record Refused(int status, String message) implements Outcome {}

  private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

  private final int maxHead;
  private final int maxBody;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private ParsedRequest head;
  private int scanned;
  private int bodyStart;
  private long length;
  private boolean chunked;
  private boolean continueSent;

  RequestParser(int maxHead, int maxBody) {
    this.maxHead = maxHead;
    this.maxBody = maxBody;
  }

  /** Whether any byte of a request has arrived. */
  boolean started() {
    return buffer.size() > 0;
  }

  /**
   * Whether the client waits for {@code 100 Continue} before sending its body; true once per
   * request, when its head is complete.
   */
  boolean wantsContinue() {
    if (head == null || continueSent) {
      return false;
    }
    String expect = head.headers().getFirst("Expect");
    continueSent = expect != null && expect.equalsIgnoreCase("100-continue");
    return continueSent;
  }

  /** Takes the bytes remaining in {@code in} and says what they amount to. */
  Outcome feed(ByteBuffer in) {
    byte[] bytes = new byte[in.remaining()];
    in.get(bytes);
    buffer.write(bytes, 0, bytes.length);
    return parse();
  }

  private Outcome parse() {
    byte[] all = buffer.toByteArray();
    if (head == null) {
      int limit = Math.min(all.length, maxHead + END_OF_HEAD.length);
      int end = indexOf(all, END_OF_HEAD, scanned, limit);
      scanned = Math.max(0, limit - END_OF_HEAD.length + 1);
      if (end < 0) {
        return all.length > maxHead
            ? new Refused(431, "request headers over " + maxHead + " bytes")
            : new NeedMore();
      }
      try {
        head = HeadReader.read(new String(all, 0, end, StandardCharsets.ISO_8859_1));
        bodyStart = end + END_OF_HEAD.length;
        framing(head.headers());
      } catch (HttpError e) {
        return new Refused(e.status(), e.getMessage());
      }
    }
    if (!chunked) {
      if (all.length - bodyStart < length) {
        return new NeedMore();
      }
      int stop = bodyStart + (int) length;
      return complete(
          Arrays.copyOfRange(all, bodyStart, stop), Arrays.copyOfRange(all, stop, all.length));
    }
    try {
      return ChunkedBody.decode(all, bodyStart, maxBody)
          .<Outcome>map(
              done -> complete(done.body(), Arrays.copyOfRange(all, done.end(), all.length)))
          .orElseGet(NeedMore::new);
    } catch (HttpError e) {
      return new Refused(e.status(), e.getMessage());
    }
  }

  private Outcome complete(byte[] body, byte[] rest) {
    return new Complete(
        new ParsedRequest(head.method(), head.uri(), head.protocol(), head.headers(), body), rest);
  }

  private void framing(Headers headers) throws HttpError {
    List<String> lengths = headers.get("Content-Length");
    String encoding = headers.getFirst("Transfer-Encoding");
    if (encoding != null) {
      if (lengths != null) {
        throw new HttpError(400, "both Content-Length and Transfer-Encoding");
      }
      if (!encoding.trim().equalsIgnoreCase("chunked")) {
        throw new HttpError(501, "Transfer-Encoding " + encoding + " is not supported");
      }
      chunked = true;
      return;
    }
    if (lengths == null) {
      length = 0;
      return;
    }
    if (lengths.stream().distinct().count() != 1) {
      throw new HttpError(400, "conflicting Content-Length headers");
    }
    try {
      length = Long.parseLong(lengths.get(0).trim());
    } catch (NumberFormatException e) {
      throw new HttpError(400, "bad Content-Length: " + lengths.get(0));
    }
    if (length < 0) {
      throw new HttpError(400, "bad Content-Length: " + lengths.get(0));
    }
    if (length > maxBody) {
      throw new HttpError(413, "request body over " + maxBody + " bytes");
    }
  }

  private static int indexOf(byte[] data, byte[] what, int from, int limit) {
    outer:
    for (int i = from; i + what.length <= limit; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The request line and header fields of a head, without its closing blank line. */
  private static final class HeadReader {
    static ParsedRequest read(String text) throws HttpError {
      String[] lines = text.split("\r\n", -1);
      String[] parts = lines[0].split(" ", -1);
      if (parts.length != 3
          || parts[0].isEmpty()
          || !parts[0].chars().allMatch(HeadReader::isTokenChar)) {
        throw new HttpError(400, "bad request line");
      }
      String protocol = parts[2];
      if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
        throw new HttpError(505, "HTTP/1.1 or HTTP/1.0 only, not " + protocol);
      }
      Headers headers = new Headers();
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i];
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.substring(0, colon).chars().allMatch(HeadReader::isTokenChar)) {
          throw new HttpError(400, "bad header line " + i);
        }
        headers.add(line.substring(0, colon), line.substring(colon + 1).trim());
      }
      return new ParsedRequest(parts[0], target(parts[1]), protocol, headers, new byte[0]);
    }

    private static URI target(String raw) throws HttpError {
      try {
        URI uri = new URI(raw);
        if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
          throw new HttpError(400, "bad request target");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new HttpError(400, "bad request target");
      }
    }

    private static boolean isTokenChar(int c) {
      return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
  }
}
