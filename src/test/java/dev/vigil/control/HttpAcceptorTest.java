package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The acceptor alone, with a handler of the test's own. */
class HttpAcceptorTest {
  private static final Duration WAIT = ApiFixture.WAIT;

  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private final List<Socket> sockets = new ArrayList<>();
  private HttpAcceptor acceptor;

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (acceptor != null) {
      acceptor.close();
    }
    workers.shutdownNow();
  }

  @Test
  void anAnswerToAClientThatReadsNothingIsCutOffAtTheWriteDeadline() throws Exception {
    AtomicReference<IOException> failed = new AtomicReference<>();
    HttpLimits limits =
        new HttpLimits(Duration.ofSeconds(5), Duration.ofMillis(500), 32 * 1024, 64 * 1024, 256);
    start(
        limits,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < 10_000; i++) {
              out.write(block);
            }
          } catch (IOException e) {
            failed.set(e);
          }
        });
    Socket s = connect();
    send(s, "GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    await().atMost(WAIT).until(() -> failed.get() != null);
    assertThat(failed.get()).hasMessageContaining("took nothing");
  }

  @Test
  void aClientThatExpectsContinueGetsItAndThenItsAnswer() throws Exception {
    start(HttpLimits.DEFAULTS, echo());
    Socket s = connect();
    send(
        s,
        "POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    byte[] got = s.getInputStream().readNBytes(25);
    assertThat(new String(got, StandardCharsets.US_ASCII))
        .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    send(s, "hello");
    assertThat(readAll(s)).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nhello");
  }

  @Test
  void aStreamedAnswerToAnHttp10ClientEndsWithTheConnection() throws Exception {
    start(
        HttpLimits.DEFAULTS,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("streamed".getBytes(StandardCharsets.US_ASCII));
          }
        });
    Socket s = connect();
    send(s, "GET /s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    String answer = readAll(s);
    assertThat(answer).doesNotContain("chunked").contains("Connection: close").endsWith("streamed");
  }

  @Test
  void pastTheLimitOfWaitingConnectionsTheOldestIsClosedAndANewOneServed() throws Exception {
    start(
        new HttpLimits(Duration.ofMinutes(5), Duration.ofSeconds(30), 32 * 1024, 64 * 1024, 3),
        echo());
    Socket oldest = connect();
    send(oldest, "GET /");
    for (int i = 0; i < 2; i++) {
      send(connect(), "GET /");
    }
    Socket fresh = connect();
    send(
        fresh,
        "POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    assertThat(readAll(fresh)).startsWith("HTTP/1.1 200 ").endsWith("ok");
    assertThat(oldest.getInputStream().read()).isEqualTo(-1);
  }

  private static HttpHandler echo() {
    return exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  private void start(HttpLimits limits, HttpHandler handler) throws IOException {
    acceptor =
        new HttpAcceptor(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            50,
            limits,
            handler,
            workers);
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    sockets.add(s);
    s.connect(acceptor.address(), (int) WAIT.toMillis());
    s.setSoTimeout((int) WAIT.toMillis());
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  private static String readAll(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }
}
