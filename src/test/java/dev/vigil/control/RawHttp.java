package dev.vigil.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request written by hand on a socket, where an HTTP client would fix the Host header. */
final class RawHttp {
  private RawHttp() {}

  /** Sends {@code head} (request line and headers, CRLF-separated, no blank line) and a body. */
  static String exchange(InetSocketAddress address, String head, byte[] body) throws IOException {
    return exchange(address, head, body, false);
  }

  /** As {@link #exchange(InetSocketAddress, String, byte[])}; stops after the headers if asked. */
  static String exchange(InetSocketAddress address, String head, byte[] body, boolean headOnly)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      if (body.length > 0) {
        try {
          out.write(body);
        } catch (IOException refusedEarly) {
          // the server may answer and close before reading an oversized body
        }
      }
      out.flush();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          response.write(buf, 0, n);
          if (headOnly && response.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            break;
          }
        }
      } catch (IOException reset) {
        // a reset after the answer still leaves the answer
      }
      return response.toString(StandardCharsets.UTF_8);
    }
  }

  static String get(InetSocketAddress address, String path, String host, String token)
      throws IOException {
    String head = "GET " + path + " HTTP/1.1\r\nHost: " + host;
    if (token != null) {
      head += "\r\nAuthorization: Bearer " + token;
    }
    return exchange(address, head, new byte[0]);
  }

  /** The status code of a raw response. */
  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
