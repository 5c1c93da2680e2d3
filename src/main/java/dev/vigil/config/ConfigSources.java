package dev.vigil.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files a loaded config was read from, and what to look at to know it is out of date: the
 * content of every file read (the config and each included file), the modification times of the
 * directories its {@code include} globs looked in, and the globs themselves, to expand them again.
 *
 * @param contents every file read, with its content as read ({@link #UNREADABLE} when there was
 *     none)
 * @param dirs every directory a glob looked in, with its modification time as {@link #stamp} gives
 * @param globMatches the files the globs matched, in include order
 * @param globs the include globs, absolute
 */
public record ConfigSources(
    Map<Path, String> contents,
    Map<Path, Long> dirs,
    List<Path> globMatches,
    List<IncludeGlob> globs) {
  /** Stands for the content of a file that could not be read (missing, a directory, ...). */
  public static final String UNREADABLE = "\u0000unreadable";

  /** Stands for the content of a path that is a directory. */
  public static final String DIRECTORY = "\u0000directory";

  public ConfigSources {
    contents = Map.copyOf(contents);
    dirs = Map.copyOf(dirs);
    globMatches = List.copyOf(globMatches);
    globs = List.copyOf(globs);
  }

  /** No file at all (the embedded default). */
  public static ConfigSources none() {
    return new ConfigSources(Map.of(), Map.of(), List.of(), List.of());
  }

  /** Sources of a single file. */
  public static ConfigSources of(Path file) {
    return new ConfigSources(Map.of(file, fingerprint(file)), Map.of(), List.of(), List.of());
  }

  /**
   * A file's content, to tell whether it changed; {@link #DIRECTORY} for a directory, {@link
   * #UNREADABLE} when it cannot be read.
   */
  public static String fingerprint(Path file) {
    try {
      return Files.isDirectory(file)
          ? DIRECTORY
          : new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return UNREADABLE;
    }
  }

  /** A directory's modification time in nanoseconds; -1 when it cannot be read. */
  public static long stamp(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).to(java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The globs expanded again now: the files they match, in include order. */
  public IncludeGlob.Expansion expandGlobs() {
    return IncludeGlob.expandAll(globs);
  }
}
