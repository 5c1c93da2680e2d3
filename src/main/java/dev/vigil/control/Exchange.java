package dev.vigil.control;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One whole request and its response on a connection of {@link HttpAcceptor}, in the form the
 * endpoints take. {@code sendResponseHeaders(status, n)} frames the body as the JDK server does: n
 * bytes, none for -1, chunked (or until the connection closes, for HTTP/1.0) for 0. Closing
 * finishes the body and hands the connection back for the next request, or closes it.
 */
final class Exchange extends HttpExchange {
  private final ParsedRequest request;
  private final Connection connection;
  private final OutputStream wire;
  private final Headers responseHeaders = new Headers();
  private final Map<String, Object> attributes = new HashMap<>();
  private final InputStream requestBody;
  private final ResponseBody responseBody = new ResponseBody();
  private OutputStream framed;
  private int status = -1;
  private boolean keepAlive;
  private boolean closed;

  Exchange(ParsedRequest request, Connection connection) {
    this.request = request;
    this.connection = connection;
    this.wire = new BufferedOutputStream(connection.output(), 8192);
    this.requestBody = new ByteArrayInputStream(request.body());
    this.keepAlive = request.keepAlive();
  }

  @Override
  public Headers getRequestHeaders() {
    return request.headers();
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return request.uri();
  }

  @Override
  public String getRequestMethod() {
    return request.method();
  }

  @Override
  public HttpContext getHttpContext() {
    throw new UnsupportedOperationException("one router serves every path; there are no contexts");
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
    if (status >= 0) {
      throw new IOException("response headers already sent");
    }
    status = rCode;
    if (responseLength > 0) {
      responseHeaders.set("Content-Length", Long.toString(responseLength));
      framed = new BodyStreams.Fixed(wire, responseLength);
    } else if (responseLength < 0) {
      responseHeaders.set("Content-Length", "0");
      framed = new BodyStreams.None();
    } else if (request.protocol().equals("HTTP/1.1")) {
      responseHeaders.set("Transfer-Encoding", "chunked");
      framed = new BodyStreams.Chunked(wire);
    } else {
      keepAlive = false;
      framed = new BodyStreams.UntilClose(wire);
    }
    if (request.isHead()) {
      framed = new BodyStreams.None();
    }
    if (!keepAlive) {
      responseHeaders.set("Connection", "close");
    }
    wire.write(ResponseHead.format(rCode, responseHeaders));
    if (responseLength == 0) {
      wire.flush();
    }
  }

  /** Finishes the response; the connection serves the next request or is closed. Repeatable. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean whole = false;
    try {
      if (framed != null) {
        framed.close();
        wire.flush();
        whole = !(framed instanceof BodyStreams.Fixed fixed) || fixed.finished();
      }
    } catch (IOException e) {
      whole = false;
    }
    connection.finished(keepAlive && whole);
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return connection.remote();
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return connection.local();
  }

  @Override
  public String getProtocol() {
    return request.protocol();
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
    throw new UnsupportedOperationException("stream filters are not supported");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /** The body stream handed out before the headers are sent; it writes once they are. */
  private final class ResponseBody extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (framed != null) {
        framed.flush();
      }
    }

    @Override
    public void close() {
      Exchange.this.close();
    }

    private OutputStream target() throws IOException {
      if (framed == null) {
        throw new IOException("the response headers are not sent yet");
      }
      if (closed) {
        throw new IOException("the response is finished");
      }
      return framed;
    }
  }
}
