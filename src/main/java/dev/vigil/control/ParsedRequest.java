package dev.vigil.control;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.Locale;

/**
 * One whole request as read off a connection: the request line, the headers and the body (chunked
 * bodies already decoded).
 *
 * @param method as sent, e.g. {@code GET}
 * @param uri the request target, raw
 * @param protocol {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the header fields
 * @param body the body, empty when there is none
 */
record ParsedRequest(String method, URI uri, String protocol, Headers headers, byte[] body) {
  /** Whether the client asks to keep the connection for another request. */
  boolean keepAlive() {
    String connection = headers.getFirst("Connection");
    boolean close = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    return protocol.equals("HTTP/1.1") && !close;
  }

  boolean isHead() {
    return method.equals("HEAD");
  }
}
