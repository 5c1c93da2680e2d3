package dev.vigil.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real remote cache server on a free loopback port, started for one test: {@code
 * turborepo-remote-cache} from npm with local storage and a token, or nginx with WebDAV {@code
 * PUT}. {@code .ci/run} installs both; where one is missing the test is skipped saying how to
 * install it, except on CI, where a missing server fails the test.
 */
abstract class CacheServer implements AutoCloseable {
  static final String TOKEN = "team-token-1";
  private static final Duration START = Duration.ofSeconds(60);

  final int port;
  final Path storage;
  private final Path dir;
  private Process process;

  private CacheServer(Path dir) throws IOException {
    this.dir = dir;
    this.port = freePort();
    this.storage = Files.createDirectories(dir.resolve("storage"));
  }

  /** The turborepo-remote-cache server installed by {@code .ci/run}, team {@code myteam}. */
  static CacheServer turbo(Path dir) throws Exception {
    Path cli = turboCli();
    CacheServer s =
        new CacheServer(dir) {
          @Override
          ProcessBuilder command() {
            ProcessBuilder pb = new ProcessBuilder("node", cli.toString());
            pb.environment()
                .putAll(
                    Map.of(
                        "TURBO_TOKEN", TOKEN,
                        "HOST", "127.0.0.1",
                        "PORT", Integer.toString(port),
                        "STORAGE_PROVIDER", "local",
                        "STORAGE_PATH", storage.toString(),
                        "STORAGE_PATH_USE_TMP_FOLDER", "false",
                        "LOG_LEVEL", "warn"));
            return pb;
          }

          @Override
          String remoteYaml() {
            return "{kind: turbo, url: \"http://127.0.0.1:%d\", team: myteam,".formatted(port)
                + " token_env: VIGIL_CACHE_TOKEN, signature_key_env: VIGIL_CACHE_KEY";
          }
        };
    s.start(dir);
    return s;
  }

  /** nginx (Debian's nginx-light) serving {@code /cache/} with {@code dav_methods PUT}. */
  static CacheServer nginx(Path dir) throws Exception {
    Path nginx = nginxBinary();
    CacheServer s =
        new CacheServer(dir) {
          @Override
          ProcessBuilder command() throws IOException {
            Path conf = dir.resolve("nginx.conf");
            Files.createDirectories(dir.resolve("tmp"));
            Files.createDirectories(storage.resolve("cache"));
            String user = isRoot() ? "user root;\n" : "";
            Files.writeString(
                conf,
                """
                daemon off;
                %spid %s/nginx.pid;
                error_log stderr warn;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %s/tmp;
                  proxy_temp_path %s/tmp;
                  fastcgi_temp_path %s/tmp;
                  uwsgi_temp_path %s/tmp;
                  scgi_temp_path %s/tmp;
                  server {
                    listen 127.0.0.1:%d;
                    location /cache/ {
                      root %s;
                      dav_methods PUT;
                      create_full_put_path on;
                      client_max_body_size 64m;
                    }
                  }
                }
                """
                    .formatted(user, dir, dir, dir, dir, dir, dir, port, storage));
            return new ProcessBuilder(
                nginx.toString(), "-e", "stderr", "-p", dir.toString(), "-c", conf.toString());
          }

          @Override
          String remoteYaml() {
            return "{kind: http, url: \"http://127.0.0.1:%d/cache/\",".formatted(port)
                + " signature_key_env: VIGIL_CACHE_KEY";
          }

          @Override
          List<Path> stored() throws IOException {
            return files(storage.resolve("cache"));
          }
        };
    s.start(dir);
    return s;
  }

  abstract ProcessBuilder command() throws IOException;

  /** The {@code cache.remote} mapping for this server, without its closing brace. */
  abstract String remoteYaml();

  /** The artifacts the server holds, as files in its storage. */
  List<Path> stored() throws IOException {
    return files(storage);
  }

  private void start(Path dir) throws Exception {
    ProcessBuilder pb = command();
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
    process = pb.start();
    await()
        .atMost(START)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError(
                    "the cache server exited: " + Files.readString(dir.resolve("server.log")));
              }
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
              } catch (IOException e) {
                return false;
              }
            });
  }

  /** Starts the stopped server again, on the same port and storage. */
  void startAgain() throws Exception {
    start(dir);
  }

  /** Stops the server and waits for it to be gone. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The server's entry point; skips (fails on CI) when it is not installed. */
  private static Path turboCli() {
    Path servers =
        Path.of(
            Optional.ofNullable(System.getenv("VIGIL_CACHE_SERVERS"))
                .orElse(System.getProperty("vigil.cache.servers", ".ci/servers")));
    Path cli = servers.resolve("node_modules/turborepo-remote-cache/dist/cli.js").toAbsolutePath();
    require(
        Files.isRegularFile(cli) && onPath("node").isPresent(),
        "turborepo-remote-cache is not installed at "
            + cli
            + " (or node is missing): run .ci/servers/install.sh");
    return cli;
  }

  private static Path nginxBinary() {
    Optional<Path> nginx =
        onPath("nginx")
            .or(() -> Optional.of(Path.of("/usr/sbin/nginx")).filter(Files::isExecutable));
    require(nginx.isPresent(), "nginx is not installed: apt-get install nginx-light");
    return nginx.get();
  }

  private static Optional<Path> onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, tool))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Skips the test with the reason, or fails it on CI, where .ci/run installs the servers. */
  private static void require(boolean present, String reason) {
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError(reason + " (CI installs it in .ci/run)");
    }
    Assumptions.assumeTrue(present, reason);
  }
}
