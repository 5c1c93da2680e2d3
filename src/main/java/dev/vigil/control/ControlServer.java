package dev.vigil.control;

import dev.vigil.daemon.Daemon;
import dev.vigil.report.Json;
import dev.vigil.threads.NamedThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's local HTTP API and dashboard, on 127.0.0.1 only, behind a fresh random token that
 * {@code <stateDir>/api.json} (mode 0600) hands to local clients; closing it removes that file.
 */
public final class ControlServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
  private static final Duration PING_EVERY = Duration.ofSeconds(15);
  private static final int MAX_EVENT_CLIENTS = 16;
  private static final int THREADS = 32;
  private static final int CORE_THREADS = 2;
  private static final int BACKLOG = 50;

  private final HttpAcceptor http;
  private final ThreadPoolExecutor executor;
  private final EventsEndpoint events;
  private final ApiFile apiFile;
  private final ApiEndpoint endpoint;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ControlServer(
      Daemon daemon, Path stateDir, int port, Duration pingEvery, HttpLimits limits)
      throws IOException {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535: " + port);
    }
    Json json = daemon.json();
    ApiToken token = ApiToken.generate(new SecureRandom());
    this.events = new EventsEndpoint(daemon.events(), json, pingEvery, MAX_EVENT_CLIENTS);
    StatusEndpoints status = new StatusEndpoints(daemon, json);
    CommandEndpoints commands = new CommandEndpoints(daemon, json);
    OnceEndpoints once = new OnceEndpoints(daemon, json);
    LogEndpoint logs = new LogEndpoint(stateDir);
    Dashboard dashboard = new Dashboard();
    List<Route> routes = new ArrayList<>(dashboard.routes());
    routes.addAll(
        List.of(
            new Route("GET", "/api/status", status::status),
            new Route("GET", "/api/runs", status::runs),
            new Route("GET", "/api/runs/{}/stages/{}/log", logs::handle),
            new Route("GET", "/api/events", events::handle),
            new Route("POST", "/api/trigger", commands::trigger),
            new Route("POST", "/api/pause", commands::pause),
            new Route("POST", "/api/resume", commands::resume),
            new Route("POST", "/api/reload", commands::reload),
            new Route("POST", "/api/stop", commands::stop),
            new Route("POST", "/api/once", once::once),
            new Route("POST", "/api/hold", once::hold),
            new Route("POST", "/api/release", once::release)));
    this.executor = newExecutor();
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    try {
      this.http =
          new HttpAcceptor(
              new InetSocketAddress(loopback, port),
              BACKLOG,
              limits,
              new Router(routes, token),
              executor);
    } catch (IOException e) {
      executor.shutdownNow();
      throw e;
    }
    this.endpoint =
        new ApiEndpoint(URI.create("http://127.0.0.1:" + http.address().getPort()), token.value());
    this.apiFile = new ApiFile(stateDir);
    try {
      apiFile.write(endpoint, json);
    } catch (IOException e) {
      http.close();
      executor.shutdownNow();
      throw e;
    }
  }

  /**
   * Listens on 127.0.0.1 at {@code port} (0 picks a free one) and writes {@code api.json}.
   *
   * @throws IOException when the port is taken or api.json cannot be written
   */
  public static ControlServer start(Daemon daemon, Path stateDir, int port) throws IOException {
    return new ControlServer(daemon, stateDir, port, PING_EVERY, HttpLimits.DEFAULTS);
  }

  /** As {@link #start(Daemon, Path, int)}, with the SSE keep-alive interval chosen (for tests). */
  static ControlServer start(Daemon daemon, Path stateDir, int port, Duration pingEvery)
      throws IOException {
    return new ControlServer(daemon, stateDir, port, pingEvery, HttpLimits.DEFAULTS);
  }

  /** As {@link #start(Daemon, Path, int, Duration)}, with the read deadline chosen (for tests). */
  static ControlServer start(
      Daemon daemon, Path stateDir, int port, Duration pingEvery, Duration readDeadline)
      throws IOException {
    return new ControlServer(
        daemon, stateDir, port, pingEvery, HttpLimits.DEFAULTS.withReadDeadline(readDeadline));
  }

  /** The URL and token, as api.json has them. */
  public ApiEndpoint endpoint() {
    return endpoint;
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return http.address();
  }

  /** Ends the event streams, stops listening and removes api.json; harmless to repeat. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      apiFile.delete();
    } catch (IOException e) {
      log.warn("could not remove {}: {}", apiFile.file(), e.toString());
    }
    events.closeAll(Duration.ofSeconds(2));
    http.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The request threads: {@value #CORE_THREADS} that stay, and more, up to {@value #THREADS}, only
   * while that many requests run at once, each ending after 30 s without work. A request that finds
   * every thread busy is refused (503) by the acceptor rather than queued. (A pool whose core size
   * is its maximum starts a new thread for every request until it has them all, however idle the
   * others, so its size followed how many requests came in the last 30 s.)
   */
  private static ThreadPoolExecutor newExecutor() {
    return new ThreadPoolExecutor(
        CORE_THREADS,
        THREADS,
        30,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        NamedThreads.numbered("vigil-http"));
  }
}
