package dev.vigil.control;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The status line and header block of a response, and whole error answers sent by the acceptor. */
final class ResponseHead {
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(100, "Continue"),
          Map.entry(200, "OK"),
          Map.entry(202, "Accepted"),
          Map.entry(204, "No Content"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(413, "Content Too Large"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(505, "HTTP Version Not Supported"));

  private ResponseHead() {}

  /** {@code HTTP/1.1 <status> <reason>}, the headers and the blank line, as bytes. */
  static byte[] format(int status, Headers headers) {
    StringBuilder out = new StringBuilder(256);
    out.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, ""));
    out.append("\r\n");
    out.append("Date: ")
        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append("\r\n");
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        out.append(header.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A whole {"error": message} answer that ends the connection. */
  static byte[] error(int status, String message) {
    String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
    byte[] body = ("{\"error\":\"" + quoted + "\"}").getBytes(StandardCharsets.UTF_8);
    Headers headers = new Headers();
    headers.set("Content-Type", Responses.JSON);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Content-Length", Integer.toString(body.length));
    headers.set("Connection", "close");
    byte[] head = format(status, headers);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }
}
