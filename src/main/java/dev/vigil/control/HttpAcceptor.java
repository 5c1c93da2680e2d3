package dev.vigil.control;

import com.sun.net.httpserver.HttpHandler;
import dev.vigil.threads.NamedThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's listener: one selector thread accepts connections and reads every request without
 * blocking, so an unfinished request costs no thread; a request not whole within the read deadline
 * is answered 408 and closed. Each whole request goes to a bounded pool of workers, which run the
 * handler. A connection that is kept alive comes back to the selector for its next request.
 */
final class HttpAcceptor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpAcceptor.class);
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpLimits limits;
  private final HttpHandler handler;
  private final Executor workers;
  private final Selector selector;
  private final ServerSocketChannel server;
  private final Thread thread;
  private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);

  /** Connections reading a request, oldest (soonest deadline) first; the selector thread's own. */
  private final Set<Connection> waiting = new LinkedHashSet<>();

  private final Set<Connection> busy = ConcurrentHashMap.newKeySet();
  private final Queue<Connection> returning = new ConcurrentLinkedQueue<>();
  private volatile boolean closing;

  HttpAcceptor(
      InetSocketAddress address,
      int backlog,
      HttpLimits limits,
      HttpHandler handler,
      Executor workers)
      throws IOException {
    this.limits = limits;
    this.handler = handler;
    this.workers = workers;
    this.selector = Selector.open();
    this.server = ServerSocketChannel.open();
    try {
      server.bind(address, backlog);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      server.close();
      selector.close();
      throw e;
    }
    this.thread = NamedThreads.startDaemon("vigil-http-acceptor", this::run);
  }

  InetSocketAddress address() {
    try {
      return (InetSocketAddress) server.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("the API's listener is closed", e);
    }
  }

  /** Stops accepting and closes every connection, waiting or being answered. */
  @Override
  public void close() {
    closing = true;
    selector.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (!closing) {
        selector.select(this::ready, selectTimeout());
        takeReturning();
        expire(System.nanoTime());
      }
    } catch (IOException | RuntimeException e) {
      log.error("the API's listener failed; the API is down", e);
    } finally {
      shutDown();
    }
  }

  private long selectTimeout() {
    if (waiting.isEmpty()) {
      return 0;
    }
    long left = waiting.iterator().next().deadline() - System.nanoTime();
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left) + 1);
  }

  private void ready(SelectionKey key) {
    try {
      if (key.isAcceptable()) {
        acceptAll();
      } else if (key.isReadable()) {
        read((Connection) key.attachment());
      }
    } catch (IOException | RuntimeException e) {
      if (key.attachment() instanceof Connection c) {
        log.debug("API connection dropped: {}", e.toString());
        drop(c);
      } else {
        log.warn("the API could not accept a connection: {}", e.toString());
      }
    }
  }

  private void acceptAll() throws IOException {
    for (SocketChannel channel = server.accept(); channel != null; channel = server.accept()) {
      channel.configureBlocking(false);
      if (waiting.size() >= limits.maxWaiting()) {
        drop(waiting.iterator().next());
      }
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      Connection c = new Connection(channel, key, limits.writeDeadline(), this::finished);
      key.attach(c);
      expectRequest(c);
    }
  }

  private void expectRequest(Connection c) throws IOException {
    c.expectRequest(
        new RequestParser(limits.maxHeadBytes(), limits.maxBodyBytes()),
        System.nanoTime() + limits.readDeadline().toNanos());
    waiting.add(c);
    byte[] rest = c.takeRest();
    if (rest.length > 0) {
      handle(c, c.parser().feed(ByteBuffer.wrap(rest)));
    }
  }

  private void read(Connection c) throws IOException {
    readBuffer.clear();
    int n = c.channel().read(readBuffer);
    if (n < 0) {
      drop(c);
      return;
    }
    if (c.refused()) {
      return;
    }
    readBuffer.flip();
    handle(c, c.parser().feed(readBuffer));
  }

  private void handle(Connection c, RequestParser.Outcome outcome) throws IOException {
    if (outcome instanceof RequestParser.Complete done) {
      dispatch(c, done);
    } else if (outcome instanceof RequestParser.Refused no) {
      refuse(c, no.status(), no.message());
    } else if (c.parser().wantsContinue()) {
      c.channel().write(ByteBuffer.wrap(CONTINUE));
    }
  }

  private void dispatch(Connection c, RequestParser.Complete done) throws IOException {
    waiting.remove(c);
    c.key().interestOps(0);
    c.keepRest(done.rest());
    busy.add(c);
    try {
      workers.execute(() -> answer(c, done.request()));
    } catch (RejectedExecutionException e) {
      busy.remove(c);
      waiting.add(c);
      c.key().interestOps(SelectionKey.OP_READ);
      refuse(c, 503, "the API is busy; try again");
    }
  }

  private void answer(Connection c, ParsedRequest request) {
    Exchange exchange = new Exchange(request, c);
    try {
      handler.handle(exchange);
    } catch (IOException | RuntimeException e) {
      log.debug("API request {} ended: {}", request.uri(), e.toString());
    } finally {
      exchange.close();
    }
  }

  /** Sends a short error answer, ends the output and drops what else the client sends. */
  private void refuse(Connection c, int status, String message) throws IOException {
    c.channel().write(ByteBuffer.wrap(ResponseHead.error(status, message)));
    c.channel().shutdownOutput();
    waiting.remove(c);
    c.refuse(System.nanoTime() + limits.readDeadline().toNanos());
    waiting.add(c);
  }

  private void finished(Connection c, boolean reusable) {
    busy.remove(c);
    if (!reusable || closing) {
      c.close();
      return;
    }
    returning.add(c);
    selector.wakeup();
  }

  private void takeReturning() {
    for (Connection c = returning.poll(); c != null; c = returning.poll()) {
      try {
        c.key().interestOps(SelectionKey.OP_READ);
        expectRequest(c);
      } catch (IOException | RuntimeException e) {
        drop(c);
      }
    }
  }

  private void expire(long now) {
    List<Connection> late = new ArrayList<>();
    for (Iterator<Connection> it = waiting.iterator(); it.hasNext(); ) {
      Connection c = it.next();
      if (c.deadline() - now > 0) {
        break;
      }
      late.add(c);
    }
    for (Connection c : late) {
      if (!c.refused() && c.parser().started()) {
        try {
          c.channel().write(ByteBuffer.wrap(ResponseHead.error(408, "the request took too long")));
        } catch (IOException e) {
          // the client is gone already
        }
      }
      drop(c);
    }
  }

  private void drop(Connection c) {
    waiting.remove(c);
    c.key().cancel();
    c.close();
  }

  private void shutDown() {
    for (Connection c : List.copyOf(waiting)) {
      drop(c);
    }
    busy.forEach(Connection::close);
    try {
      server.close();
      selector.close();
    } catch (IOException e) {
      log.debug("closing the API's listener: {}", e.toString());
    }
  }
}
