package dev.vigil.cache;

import dev.vigil.files.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Artifacts in {@code STATE_DIR/cache/KEY}: owner-only files, each written to a temp file and
 * renamed into place, so a reader never sees half of one. A read marks the file used (its
 * modification time); past {@code maxBytes} the least recently used go first.
 */
final class LocalStore {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;
  private long maxBytes;

  LocalStore(Path stateDir, long maxBytes) {
    this.dir = stateDir.resolve("cache");
    this.maxBytes = maxBytes;
  }

  /** The artifact's bytes, marking it used; empty when there is none. */
  synchronized Optional<byte[]> get(String key, Instant now) throws IOException {
    Path file = file(key);
    try {
      byte[] bytes = Files.readAllBytes(file);
      Files.setLastModifiedTime(file, FileTime.from(now));
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Stores the bytes under the key, then evicts the least recently used past the size. */
  synchronized void put(String key, byte[] bytes, Instant now) throws IOException {
    OwnerOnly.createDirectories(dir);
    Path file = file(key);
    Path temp = dir.resolve(".tmp-" + key + "-" + ProcessHandle.current().pid());
    try (OutputStream out = OwnerOnly.newOutputStream(temp)) {
      out.write(bytes);
    }
    Files.setLastModifiedTime(temp, FileTime.from(now));
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    evict(key);
  }

  /** Takes a new size limit, evicting the least recently used past it at once. */
  synchronized void resize(long newMaxBytes) throws IOException {
    maxBytes = newMaxBytes;
    if (Files.isDirectory(dir)) {
      evict(null);
    }
  }

  /** Whether an artifact is stored under the key. */
  boolean has(String key) {
    return Files.isRegularFile(file(key));
  }

  private void evict(String keep) throws IOException {
    record Entry(Path file, long size, FileTime used) {}
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (!KEY.matcher(f.getFileName().toString()).matches()) {
          continue;
        }
        try {
          long size = Files.size(f);
          entries.add(new Entry(f, size, Files.getLastModifiedTime(f)));
          total += size;
        } catch (NoSuchFileException e) {
          // gone meanwhile
        }
      }
    }
    if (total <= maxBytes) {
      return;
    }
    entries.sort(Comparator.comparing(Entry::used));
    for (Entry e : entries) {
      if (total <= maxBytes) {
        break;
      }
      if (keep != null && e.file().getFileName().toString().equals(keep) && entries.size() > 1) {
        continue;
      }
      Files.deleteIfExists(e.file());
      total -= e.size();
    }
  }

  private Path file(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a cache key: " + key);
    }
    return dir.resolve(key);
  }
}
