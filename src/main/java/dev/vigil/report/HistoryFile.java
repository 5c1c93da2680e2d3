package dev.vigil.report;

import dev.vigil.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The active history file and its rolled siblings, written so that a line is whole or absent: a
 * line is written, then its newline; when writing fails the file is cut back to where it was, and a
 * tail without its newline (a crash, a full disk that refused the cut) is cut off before the next
 * line and when the history is opened. Not thread-safe; {@link HistoryLog} serialises.
 */
final class HistoryFile {
  private static final ByteBuffer NEWLINE = ByteBuffer.wrap(new byte[] {'\n'});

  private final Path dir;
  private final Path active;
  private final long maxBytes;
  private final int maxFiles;

  HistoryFile(Path dir, long maxBytes, int maxFiles) {
    this.dir = dir;
    this.active = dir.resolve("history.jsonl");
    this.maxBytes = maxBytes;
    this.maxFiles = maxFiles;
  }

  Path active() {
    return active;
  }

  Path rolled(int i) {
    return i == 0 ? active : dir.resolve("history." + i + ".jsonl");
  }

  /** Appends one line (without its newline), rolling first when the file would pass the size. */
  void append(byte[] line) throws IOException {
    try {
      long size = repair();
      if (size > 0 && size + line.length + 1 > maxBytes) {
        roll();
      }
      try (FileChannel ch =
          OwnerOnly.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        long start = ch.size();
        try {
          writeAll(ch, ByteBuffer.wrap(line), start);
          writeAll(ch, NEWLINE.duplicate(), start + line.length);
        } catch (IOException e) {
          cutBack(ch, start);
          throw e;
        }
      }
    } catch (IOException e) {
      throw new IOException("cannot write " + active + ": " + e.getMessage(), e);
    }
  }

  /**
   * Cuts off a last line that lacks its newline; returns the file's size after.
   *
   * @throws IOException when the file cannot be read or cut
   */
  long repair() throws IOException {
    try (FileChannel ch = FileChannel.open(active, StandardOpenOption.READ)) {
      long size = ch.size();
      long end = wholeLinesEnd(ch, size);
      if (end == size) {
        return size;
      }
    } catch (NoSuchFileException e) {
      return 0;
    }
    try (FileChannel ch =
        FileChannel.open(active, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long end = wholeLinesEnd(ch, ch.size());
      ch.truncate(end);
      return end;
    }
  }

  /** Where the last newline ends: the size when the file ends with one, 0 when it has none. */
  private static long wholeLinesEnd(FileChannel ch, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long pos = size;
    while (pos > 0) {
      int n = (int) Math.min(buf.capacity(), pos);
      buf.clear().limit(n);
      long from = pos - n;
      while (buf.hasRemaining()) {
        if (ch.read(buf, from + buf.position()) < 0) {
          throw new IOException("file shrank while read");
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return from + i + 1;
        }
      }
      pos = from;
    }
    return 0;
  }

  private void roll() throws IOException {
    Files.deleteIfExists(rolled(maxFiles));
    for (int i = maxFiles - 1; i >= 0; i--) {
      Path from = rolled(i);
      if (Files.exists(from)) {
        Files.move(from, rolled(i + 1), StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private static void writeAll(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    long pos = at;
    while (buf.hasRemaining()) {
      pos += ch.write(buf, pos);
    }
  }

  private static void cutBack(FileChannel ch, long size) {
    try {
      ch.truncate(size);
    } catch (IOException e) {
      // the next append (or the next start) cuts the partial line off
    }
  }
}
