package dev.vigil.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * One accepted socket, non-blocking throughout. While a request is read it sits in the acceptor's
 * selector with its parser and deadline; while a worker answers, its writes wait at most the write
 * deadline for a client that stopped reading before the connection is cut.
 */
final class Connection {
  private final SocketChannel channel;
  private final SelectionKey key;
  private final Duration writeDeadline;
  private final BiConsumer<Connection, Boolean> onFinished;
  private RequestParser parser;
  private byte[] rest = new byte[0];
  private long deadline;
  private boolean refused;
  private volatile Selector writable;

  Connection(
      SocketChannel channel,
      SelectionKey key,
      Duration writeDeadline,
      BiConsumer<Connection, Boolean> onFinished) {
    this.channel = channel;
    this.key = key;
    this.writeDeadline = writeDeadline;
    this.onFinished = onFinished;
  }

  SocketChannel channel() {
    return channel;
  }

  SelectionKey key() {
    return key;
  }

  /** Starts reading a request that must be whole by {@code deadline} (a nanoTime reading). */
  void expectRequest(RequestParser parser, long deadline) {
    this.parser = parser;
    this.deadline = deadline;
    this.refused = false;
  }

  RequestParser parser() {
    return parser;
  }

  long deadline() {
    return deadline;
  }

  /** The bytes that came after the request being answered: the start of the next one. */
  byte[] takeRest() {
    byte[] taken = rest;
    rest = new byte[0];
    return taken;
  }

  void keepRest(byte[] bytes) {
    rest = bytes;
  }

  /** After an error answer: what the client still sends is read and dropped until {@code until}. */
  void refuse(long until) {
    refused = true;
    deadline = until;
  }

  boolean refused() {
    return refused;
  }

  /** Called by the exchange when its response is done: reusable, or to be closed. */
  void finished(boolean reusable) {
    closeWritable();
    onFinished.accept(this, reusable);
  }

  InetSocketAddress remote() {
    try {
      return (InetSocketAddress) channel.getRemoteAddress();
    } catch (IOException e) {
      return null;
    }
  }

  InetSocketAddress local() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      return null;
    }
  }

  /** Closes the socket; a worker waiting to write wakes and fails. Safe from any thread. */
  void close() {
    Selector waiting = writable;
    if (waiting != null) {
      waiting.wakeup();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing is all that was wanted
    }
  }

  /** The output a worker writes the response to. */
  OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
          if (channel.write(buf) == 0) {
            awaitWritable();
          }
        }
      }
    };
  }

  private void awaitWritable() throws IOException {
    if (writable == null) {
      writable = Selector.open();
      channel.register(writable, SelectionKey.OP_WRITE);
    }
    if (writable.select(writeDeadline.toMillis()) == 0 || !channel.isOpen()) {
      close();
      throw new IOException("the client took nothing for " + writeDeadline.toSeconds() + " s");
    }
    writable.selectedKeys().clear();
  }

  private void closeWritable() {
    Selector s = writable;
    writable = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // it held nothing else
      }
    }
  }
}
