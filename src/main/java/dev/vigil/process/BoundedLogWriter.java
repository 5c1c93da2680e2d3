package dev.vigil.process;

import dev.vigil.files.OwnerOnly;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes output to a log file of at most a given size. The first half is written as it comes; past
 * it, only the latest bytes are kept, in a ring inside a temporary file next to the log, so memory
 * stays small. On close the kept tail follows a {@code [vigil: N bytes dropped]} marker line.
 * Output that fits is written exactly.
 */
final class BoundedLogWriter implements Closeable {
  /** Smaller limits are raised to this, so the marker always fits. */
  static final long MIN_LIMIT = 1024;

  private static final int CHUNK = 64 * 1024;

  private final Path ringFile;
  private final OutputStream out;
  private final long headCap;
  private final long ringCap;
  private final ByteBuffer pending;
  private FileChannel ring;
  private long headWritten;
  private long ringWritten;
  private long total;
  private int lastHeadByte = '\n';

  BoundedLogWriter(Path file, long limitBytes) throws IOException {
    long limit = Math.max(MIN_LIMIT, limitBytes);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      OwnerOnly.createDirectories(parent);
    }
    this.ringFile = file.resolveSibling(file.getFileName() + ".tail.tmp");
    this.out = new BufferedOutputStream(OwnerOnly.newOutputStream(file), CHUNK);
    this.headCap = limit / 2;
    this.ringCap = limit - headCap;
    this.pending = ByteBuffer.allocate((int) Math.min(CHUNK, ringCap));
  }

  void write(byte[] data, int offset, int length) throws IOException {
    total += length;
    int off = offset;
    int len = length;
    if (headWritten < headCap) {
      int n = (int) Math.min(len, headCap - headWritten);
      out.write(data, off, n);
      headWritten += n;
      lastHeadByte = data[off + n - 1];
      off += n;
      len -= n;
    }
    while (len > 0) {
      int n = Math.min(len, pending.remaining());
      pending.put(data, off, n);
      off += n;
      len -= n;
      if (!pending.hasRemaining()) {
        flushPending();
      }
    }
  }

  /** Writes what is buffered of the head to the file; the tail past the head waits for close. */
  void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try (out) {
      flushPending();
      if (ringWritten <= ringCap) {
        copyRing(0, ringWritten);
      } else {
        writeMarkerAndTail();
      }
    } finally {
      if (ring != null) {
        ring.close();
        Files.deleteIfExists(ringFile);
      }
    }
  }

  private void writeMarkerAndTail() throws IOException {
    String prefix = lastHeadByte == '\n' ? "" : "\n";
    byte[] marker = new byte[0];
    long keep = ringCap;
    for (int i = 0; i < 4; i++) {
      keep = ringCap - marker.length;
      long dropped = total - headWritten - keep;
      marker =
          (prefix + "[vigil: " + dropped + " bytes dropped]\n").getBytes(StandardCharsets.UTF_8);
    }
    keep = ringCap - marker.length;
    out.write(marker);
    long start = ringWritten % ringCap;
    long from = (start + ringCap - keep) % ringCap;
    long first = Math.min(keep, ringCap - from);
    copyRing(from, first);
    copyRing(0, keep - first);
  }

  private void flushPending() throws IOException {
    pending.flip();
    if (!pending.hasRemaining()) {
      pending.clear();
      return;
    }
    if (ring == null) {
      ring =
          OwnerOnly.open(
              ringFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
    }
    while (pending.hasRemaining()) {
      long pos = ringWritten % ringCap;
      int n = (int) Math.min(pending.remaining(), ringCap - pos);
      ByteBuffer slice = pending.slice();
      slice.limit(n);
      while (slice.hasRemaining()) {
        pos += ring.write(slice, pos);
      }
      pending.position(pending.position() + n);
      ringWritten += n;
    }
    pending.clear();
  }

  private void copyRing(long from, long length) throws IOException {
    if (length <= 0) {
      return;
    }
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, length));
    long pos = from;
    long left = length;
    while (left > 0) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), left));
      int n = ring.read(buf, pos);
      if (n < 0) {
        throw new IOException("log ring file ended early: " + ringFile);
      }
      out.write(buf.array(), 0, n);
      pos += n;
      left -= n;
    }
  }
}
