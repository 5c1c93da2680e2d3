package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.report.ProjectState;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may talk to the API: the token, the Host header, the body size, the log paths. */
class ApiSecurityTest {
  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;
  private InetSocketAddress address;

  @BeforeEach
  void start() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("echo secret-output"));
    address = fx.server.address();
  }

  @Test
  void aRequestWithoutTheTokenIsRefused() throws Exception {
    String response = RawHttp.get(address, "/api/status", "127.0.0.1", null);
    assertThat(RawHttp.status(response)).isEqualTo(401);
    assertThat(response).doesNotContain("\"projects\"");
  }

  @Test
  void aWrongTokenIsRefusedEvenWhenOnlyTheLastCharacterDiffers() throws Exception {
    String token = fx.token();
    String wrong = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    assertThat(RawHttp.status(RawHttp.get(address, "/api/status", "127.0.0.1", wrong)))
        .isEqualTo(401);
    assertThat(RawHttp.status(RawHttp.get(address, "/api/status", "127.0.0.1", token + "x")))
        .isEqualTo(401);
    assertThat(
            RawHttp.status(RawHttp.get(address, "/api/status?token=" + wrong, "127.0.0.1", null)))
        .isEqualTo(401);
  }

  @Test
  void theTokenInTheQueryIsAcceptedOnTheEventStreamOnly() throws Exception {
    String response =
        RawHttp.exchange(
            address,
            "GET /api/events?token=" + fx.token() + " HTTP/1.1\r\nHost: 127.0.0.1",
            new byte[0],
            true);
    assertThat(RawHttp.status(response)).isEqualTo(200);
    assertThat(response).contains("text/event-stream");

    for (String path :
        List.of("/api/status", "/api/runs", "/api/runs/app-1/stages/check/log", "/api/nothing")) {
      String get = RawHttp.get(address, path + "?token=" + fx.token(), "127.0.0.1", null);
      assertThat(RawHttp.status(get)).as(path).isEqualTo(401);
      assertThat(get).doesNotContain("\"projects\"");
    }

    String post =
        RawHttp.exchange(
            address,
            "POST /api/pause?token="
                + fx.token()
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0",
            new byte[0]);
    assertThat(RawHttp.status(post)).isEqualTo(401);
    assertThat(fx.daemon.status().projects().get(0).state()).isNotEqualTo(ProjectState.PAUSED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.com",
        "null",
        "http://127.0.0.1",
        "http://127.0.0.1:1",
        "https://127.0.0.1:PORT",
        "http://127.0.0.1.evil.com:PORT",
        "http://localhost:PORT/x"
      })
  void aForeignOriginIsRefusedEvenWithTheToken(String origin) throws Exception {
    String value = origin.replace("PORT", String.valueOf(address.getPort()));
    for (String path : List.of("/api/status", "/api/events?token=" + fx.token(), "/")) {
      String response =
          RawHttp.exchange(
              address,
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + address.getPort()
                  + "\r\nAuthorization: Bearer "
                  + fx.token()
                  + "\r\nOrigin: "
                  + value,
              new byte[0],
              true);
      assertThat(RawHttp.status(response)).as(path).isEqualTo(403);
      assertThat(response).doesNotContain("\"projects\"");
    }
    String post =
        RawHttp.exchange(
            address,
            "POST /api/pause HTTP/1.1\r\nHost: 127.0.0.1:"
                + address.getPort()
                + "\r\nContent-Length: 0\r\nOrigin: "
                + value
                + "\r\nAuthorization: Bearer "
                + fx.token(),
            new byte[0]);
    assertThat(RawHttp.status(post)).isEqualTo(403);
    assertThat(fx.daemon.status().projects().get(0).state()).isNotEqualTo(ProjectState.PAUSED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void theDashboardsOwnOriginIsServed(String host) throws Exception {
    String hostPort = host + ":" + address.getPort();
    String response =
        RawHttp.exchange(
            address,
            "GET /api/status HTTP/1.1\r\nHost: "
                + hostPort
                + "\r\nOrigin: http://"
                + hostPort
                + "\r\nAuthorization: Bearer "
                + fx.token(),
            new byte[0]);
    assertThat(RawHttp.status(response)).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.example",
        "127.0.0.1.evil.example",
        "evil.example:80",
        "localhost.evil.example",
        "127.0.0.256",
        "0.0.0.0",
        "[::2]"
      })
  void aForeignHostIsRefusedEvenWithTheToken(String host) throws Exception {
    assertThat(RawHttp.status(RawHttp.get(address, "/api/status", host, fx.token())))
        .isEqualTo(403);
    assertThat(RawHttp.status(RawHttp.get(address, "/", host, null))).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"localhost", "LOCALHOST:1234", "127.0.0.1", "127.1.2.3:80", "[::1]", "[::1]:8080"})
  void loopbackHostsAreServed(String host) throws Exception {
    assertThat(RawHttp.status(RawHttp.get(address, "/api/status", host, fx.token())))
        .isEqualTo(200);
  }

  @Test
  void aRequestWithoutHostIsRefused() throws Exception {
    String response =
        RawHttp.exchange(
            address,
            "GET /api/status HTTP/1.0\r\nAuthorization: Bearer " + fx.token(),
            new byte[0]);
    assertThat(RawHttp.status(response)).isEqualTo(403);
  }

  @Test
  void anOversizedBodyIsRefusedByItsDeclaredLengthAndWhenChunked() throws Exception {
    byte[] big = new byte[64 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    String declared =
        RawHttp.exchange(
            address,
            "POST /api/trigger HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + fx.token()
                + "\r\nContent-Length: "
                + big.length,
            big);
    assertThat(RawHttp.status(declared)).isEqualTo(413);

    String chunked =
        RawHttp.exchange(
            address,
            "POST /api/trigger HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + fx.token()
                + "\r\nTransfer-Encoding: chunked",
            chunked(big));
    assertThat(RawHttp.status(chunked)).isEqualTo(413);
    assertThat(fx.runs()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/runs/..%2F..%2F/stages/secret/log",
        "/api/runs/%2e%2e/stages/secret/log",
        "/api/runs/app-1/stages/%2e%2e%2f%2e%2e%2fsecret/log",
        "/api/runs/app-1/stages/..%5C..%5Csecret/log",
        "/api/runs/%2Fetc/stages/passwd/log",
        "/api/runs/app-1/stages/check%00/log",
        "/api/runs/../stages/secret/log",
      })
  void logPathsThatEscapeAreRefusedAndNeverServed(String path) throws Exception {
    Files.writeString(state.resolve("secret.log"), "TOP-SECRET");
    Files.createDirectories(state.resolve("runs/app-1"));
    String response = RawHttp.get(address, path, "127.0.0.1", fx.token());
    assertThat(RawHttp.status(response)).isIn(400, 404);
    assertThat(response).doesNotContain("TOP-SECRET");
  }

  @Test
  void aLogThatIsASymlinkOutOfTheRunsFolderIsNotServed() throws Exception {
    Path secret = Files.writeString(root.resolve("secret.txt"), "TOP-SECRET");
    Path run = Files.createDirectories(state.resolve("runs/app-9"));
    Files.createSymbolicLink(run.resolve("check.log"), secret);
    String response =
        RawHttp.get(address, "/api/runs/app-9/stages/check/log", "127.0.0.1", fx.token());
    assertThat(RawHttp.status(response)).isEqualTo(400);
    assertThat(response).doesNotContain("TOP-SECRET");
  }

  @Test
  void theServerListensOnLoopbackOnly() throws Exception {
    assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    Optional<InetAddress> external = nonLoopbackAddress();
    if (external.isPresent()) {
      assertThatThrownBy(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress(external.get(), address.getPort()), 5_000);
                }
              })
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void apiJsonIsOwnerOnlyAndHoldsAStrongToken() throws Exception {
    Path file = state.resolve("api.json");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    ApiEndpoint read = ApiEndpoint.read(state).orElseThrow();
    assertThat(read).isEqualTo(fx.server.endpoint());
    assertThat(read.url().toString()).isEqualTo("http://127.0.0.1:" + address.getPort());
    assertThat(Base64.getUrlDecoder().decode(read.token())).hasSizeGreaterThanOrEqualTo(16);
    assertThat(Files.readString(file)).contains("\"url\"", "\"token\"");

    fx.server.close();
    assertThat(file).doesNotExist();
  }

  @Test
  void noResponseCarriesCorsHeaders() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/", "/api/status", "/api/nothing")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(fx.url(path))
                  .header("Authorization", "Bearer " + fx.token())
                  .header("Origin", "http://evil.example")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().map().keySet())
          .noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }
    String preflight =
        RawHttp.exchange(
            address,
            "OPTIONS /api/trigger HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example"
                + "\r\nAccess-Control-Request-Method: POST",
            new byte[0]);
    assertThat(preflight.toLowerCase(java.util.Locale.ROOT)).doesNotContain("access-control-");
    assertThat(RawHttp.status(preflight)).isIn(401, 403, 405);
  }

  @Test
  void theDashboardShellNeedsNoTokenAndHoldsNoData() throws Exception {
    String page = RawHttp.get(address, "/", "localhost", null);
    assertThat(RawHttp.status(page)).isEqualTo(200);
    assertThat(page).contains("text/html", "/dashboard.js").doesNotContain(fx.token());
    assertThat(page.toLowerCase(java.util.Locale.ROOT))
        .contains("content-security-policy: default-src 'none'; script-src 'self'")
        .doesNotContain("unsafe-inline");
    String script = RawHttp.get(address, "/dashboard.js", "localhost", null);
    assertThat(RawHttp.status(script)).isEqualTo(200);
    assertThat(script)
        .contains("text/javascript", "/api/status", "EventSource")
        .doesNotContain(fx.token());
    assertThat(RawHttp.status(RawHttp.get(address, "/dashboard.css", "localhost", null)))
        .isEqualTo(200);
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() throws Exception {
    assertThat(fx.get("/api/nothing").statusCode()).isEqualTo(404);
    assertThat(fx.get("/index.html").statusCode()).isEqualTo(404);
    assertThat(fx.get("/api/trigger").statusCode()).isEqualTo(405);
    assertThat(fx.post("/api/status", null).statusCode()).isEqualTo(405);
  }

  private static byte[] chunked(byte[] body) {
    String head = Integer.toHexString(body.length) + "\r\n";
    byte[] out = new byte[head.length() + body.length + 7];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
    System.arraycopy(body, 0, out, head.length(), body.length);
    System.arraycopy(
        "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        0,
        out,
        head.length() + body.length,
        7);
    return out;
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
