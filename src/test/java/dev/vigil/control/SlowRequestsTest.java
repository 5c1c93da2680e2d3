package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Clients that never finish a request: they are closed after the read deadline, alone. */
class SlowRequestsTest {
  private static final String HALF = "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\n";

  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;
  private final List<Socket> held = new ArrayList<>();

  @AfterEach
  void closeHeld() throws IOException {
    for (Socket s : held) {
      s.close();
    }
  }

  @Test
  void fortyHalfSentRequestsDoNotStarveAWholeOne() throws Exception {
    start(Duration.ofMinutes(5));
    holdHalfSent(40);

    HttpClient client = HttpClient.newBuilder().connectTimeout(ApiFixture.WAIT).build();
    HttpResponse<String> status =
        client.send(
            HttpRequest.newBuilder(fx.url("/api/status"))
                .header("Authorization", "Bearer " + fx.token())
                .timeout(ApiFixture.WAIT)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("\"projects\"");
  }

  @Test
  void halfSentRequestsAreClosedAfterTheReadDeadline() throws Exception {
    start(Duration.ofMillis(500));
    holdHalfSent(40);

    for (Socket s : held) {
      s.setSoTimeout((int) ApiFixture.WAIT.toMillis());
      String answer = readAll(s.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 408 ");
    }
    assertThat(fx.get("/api/status").statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestTrickledByteByByteIsClosedAtTheDeadlineThoughEachByteCameInTime() throws Exception {
    start(Duration.ofSeconds(1));
    Socket s = connect();
    OutputStream out = s.getOutputStream();
    InputStream in = s.getInputStream();
    s.setSoTimeout(200);
    long began = System.nanoTime();
    boolean closed = false;
    for (int i = 0; i < 200 && !closed; i++) {
      try {
        out.write('X');
        out.flush();
      } catch (IOException reset) {
        closed = true;
        break;
      }
      try {
        in.read();
        closed = true;
      } catch (SocketTimeoutException stillOpen) {
        // nothing yet: send the next byte
      }
    }
    assertThat(closed).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(ApiFixture.WAIT);
  }

  @Test
  void anOversizedHeaderIsRefusedWith431() throws Exception {
    start(Duration.ofSeconds(5));
    String response =
        RawHttp.exchange(
            fx.server.address(),
            "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "a".repeat(70_000),
            new byte[0]);
    assertThat(RawHttp.status(response)).isEqualTo(431);
  }

  @Test
  void twoRequestsOnOneConnectionAreBothAnswered() throws Exception {
    start(Duration.ofSeconds(5));
    Socket s = connect();
    s.setSoTimeout((int) ApiFixture.WAIT.toMillis());
    String get = "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ";
    OutputStream out = s.getOutputStream();
    out.write((get + fx.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(
        (get + fx.token() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String both = readAll(s.getInputStream());
    assertThat(both.split("HTTP/1.1 200 ", -1)).hasSize(3);
  }

  private void start(Duration readDeadline) throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"), Duration.ofSeconds(15), readDeadline);
  }

  private void holdHalfSent(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      Socket s = connect();
      s.getOutputStream().write(HALF.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    held.add(s);
    InetSocketAddress address = fx.server.address();
    s.connect(address, (int) ApiFixture.WAIT.toMillis());
    return s;
  }

  private static String readAll(InputStream in) throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException reset) {
      return "reset";
    }
  }
}
