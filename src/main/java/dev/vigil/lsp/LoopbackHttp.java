package dev.vigil.lsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.0 requests to the daemon's API on loopback, over a plain socket: the daemon answers an
 * HTTP/1.0 request with its body as is, to the end of the connection, so an event stream needs no
 * chunk decoding. It keeps {@code vigil lsp} from loading {@code java.net.http} and the TLS classes
 * its client sets up (about 850 classes, several MiB of the server's memory).
 */
final class LoopbackHttp {
  private static final int CONNECT_TIMEOUT_MS = 3000;
  private static final int MAX_HEAD = 16 * 1024;

  /** An answer: its status and its body, read to the end of the connection. */
  record Response(int status, InputStream body, Socket socket) implements AutoCloseable {
    String text() throws IOException {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private LoopbackHttp() {}

  /**
   * Sends one request; {@code body} null for none, {@code timeout} null to wait on the answer
   * without limit (an event stream).
   */
  static Response send(
      URI base, String token, String method, String path, byte[] body, Duration timeout)
      throws IOException {
    if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 0) {
      throw new IOException("not an http://HOST:PORT address: " + base);
    }
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(timeout == null ? 0 : (int) timeout.toMillis());
      StringBuilder head =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.0\r\nHost: ")
              .append(base.getHost())
              .append(':')
              .append(base.getPort())
              .append("\r\nAuthorization: Bearer ")
              .append(token)
              .append("\r\nConnection: close\r\n");
      if (body != null) {
        head.append("Content-Type: application/json\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n");
      } else if (method.equals("POST")) {
        head.append("Content-Length: 0\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      return new Response(status(readHead(in), method, path), in, socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The status line and headers, up to the blank line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the daemon closed the connection before its answer");
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("the daemon's answer has no end of headers");
      }
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int status(String head, String method, String path) throws IOException {
    String[] first = head.split("\r\n", 2)[0].split(" ", 3);
    if (first.length < 2 || !first[0].startsWith("HTTP/")) {
      throw new IOException(method + " " + path + ": not an HTTP answer: " + first[0]);
    }
    try {
      return Integer.parseInt(first[1]);
    } catch (NumberFormatException e) {
      throw new IOException(method + " " + path + ": not an HTTP status: " + first[1], e);
    }
  }
}
