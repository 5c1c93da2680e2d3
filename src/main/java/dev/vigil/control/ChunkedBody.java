package dev.vigil.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decodes a chunked request body once all of it has arrived. */
final class ChunkedBody {
  /** The decoded body and the index just past its last chunk and trailers. */
  record Decoded(byte[] body, int end) {}

  private ChunkedBody() {}

  /**
   * The body whose chunks begin at {@code start}, empty while it is incomplete.
   *
   * @throws HttpError 413 once it passes {@code max} bytes, 400 when a chunk size is not hex
   */
  static Optional<Decoded> decode(byte[] data, int start, int max) throws HttpError {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = start;
    while (true) {
      int eol = lineEnd(data, at);
      if (eol < 0) {
        return Optional.empty();
      }
      String line = new String(data, at, eol - at, StandardCharsets.US_ASCII);
      int semi = line.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new HttpError(400, "bad chunk size in the request body");
      }
      if (size < 0 || body.size() + (long) size > max) {
        throw new HttpError(413, "request body over " + max + " bytes");
      }
      at = eol + 2;
      if (size == 0) {
        return trailers(data, at).map(end -> new Decoded(body.toByteArray(), end));
      }
      if (data.length < at + size + 2) {
        return Optional.empty();
      }
      body.write(data, at, size);
      at += size + 2;
    }
  }

  private static Optional<Integer> trailers(byte[] data, int from) {
    int at = from;
    while (true) {
      int eol = lineEnd(data, at);
      if (eol < 0) {
        return Optional.empty();
      }
      if (eol == at) {
        return Optional.of(at + 2);
      }
      at = eol + 2;
    }
  }

  private static int lineEnd(byte[] data, int from) {
    for (int i = from; i + 1 < data.length; i++) {
      if (data[i] == '\r' && data[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
