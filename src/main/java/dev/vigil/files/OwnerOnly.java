package dev.vigil.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates the state dir's folders (mode 0700) and files (mode 0600) so that only their owner can
 * read them, whatever the umask: stage output (logs, history) may hold secrets. Where the file
 * system has no POSIX modes, things are created as the platform does.
 */
public final class OwnerOnly {
  private static final Set<PosixFilePermission> GROUP_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);
  private static final FileAttribute<Set<PosixFilePermission>> FOLDER =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<Set<PosixFilePermission>> FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private OwnerOnly() {}

  /** Creates {@code dir} and its missing parents, each new one 0700; existing ones are left. */
  public static Path createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return dir;
    }
    List<Path> missing = new ArrayList<>();
    for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    if (missing.isEmpty()) {
      throw new FileAlreadyExistsException(dir.toString(), null, "it is not a folder");
    }
    for (Path p : missing) {
      try {
        if (posix(p.getParent())) {
          Files.createDirectory(p, FOLDER);
        } else {
          Files.createDirectory(p);
        }
      } catch (FileAlreadyExistsException raced) {
        if (!Files.isDirectory(p)) {
          throw raced;
        }
      }
    }
    return dir;
  }

  /** Opens {@code file} with {@code options}; when they create it, it is created 0600. */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> set = Set.of(options);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && posix(parent)) {
      return FileChannel.open(file, set, FILE);
    }
    return FileChannel.open(file, set);
  }

  /** A new or truncated file to write, created 0600. */
  public static OutputStream newOutputStream(Path file) throws IOException {
    return Channels.newOutputStream(
        open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE));
  }

  /**
   * Replaces {@code file} with {@code bytes} whole: they are written to a new file (0600) beside
   * it, which is then renamed over it, so a reader sees the old content or the new, never a part.
   * The temporary name is made of the process id and the clock, not by {@link
   * Files#createTempFile}, whose random names cost a cold JVM 25 ms to seed.
   *
   * @throws IOException when the folder cannot be made or the file written; nothing is left behind
   */
  public static void replace(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    createDirectories(dir);
    Path temp =
        dir.resolve(
            "."
                + file.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + System.nanoTime()
                + ".tmp");
    try {
      try (FileChannel out = open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Creates an empty file, 0600; fails when it exists. */
  public static Path createFile(Path file) throws IOException {
    try (FileChannel unused = open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      return file;
    }
  }

  /**
   * Takes the group's and others' permissions away from {@code dir} and everything in it, never
   * following a symlink, and tells what it changed. A {@code dir} that is already its owner's alone
   * is not looked through: nobody else can get past it, and a state dir grows with every run, so
   * walking it would make each start slower than the last.
   */
  public static Tightened tighten(Path dir) throws IOException {
    if (!Files.isDirectory(dir)
        || !posix(dir)
        || Collections.disjoint(Files.getPosixFilePermissions(dir), GROUP_OTHERS)
        || !Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return new Tightened(dir, 0, 0);
    }
    int files = 0;
    int folders = 0;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        PosixFileAttributeView view =
            Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        var attrs = view.readAttributes();
        if (attrs.isSymbolicLink()) {
          continue;
        }
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        mode.addAll(attrs.permissions());
        if (mode.removeAll(GROUP_OTHERS)) {
          view.setPermissions(mode);
          if (attrs.isDirectory()) {
            folders++;
          } else {
            files++;
          }
        }
      }
    }
    return new Tightened(dir, files, folders);
  }

  /**
   * Whether files under {@code existing} take a POSIX mode when created: a question for its file
   * system (Linux and macOS: yes, whatever is mounted there, which at worst ignores the mode), not
   * for its file store, whose answer costs a read of /proc/mounts and a walk up to the mount point
   * on every file a run writes.
   */
  private static boolean posix(Path existing) {
    return existing == null
        || existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * What {@link #tighten} changed.
   *
   * @param dir the folder tightened
   * @param files files that others could read or write before
   * @param folders folders (the state dir included) that others could enter before
   */
  public record Tightened(Path dir, int files, int folders) {
    /** Whether anything was changed. */
    public boolean any() {
      return files > 0 || folders > 0;
    }

    /** One line for the console. */
    public String note() {
      return "vigil: made "
          + files
          + (files == 1 ? " file" : " files")
          + " and "
          + folders
          + (folders == 1 ? " folder" : " folders")
          + " in "
          + dir
          + " owner-only (0600 files, 0700 folders); they were open to other users";
    }
  }
}
