package dev.vigil.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The AppCDS archive of a jar (one static archive of the JDK's classes and the jar's), as the
 * launcher ({@code scripts/vigil}) dumps and refreshes it: in {@code $XDG_CACHE_HOME/vigil} (else
 * {@code ~/.cache/vigil}), named after a hash of the jar's real path that the launcher computes
 * without starting a program (64-bit FNV-1a of its bytes). The JVM checks the jar's size and mtime
 * against the archive itself and starts without it, silently with these flags, when it is missing,
 * stale or damaged.
 */
public record CdsArchive(Path file) {

  /** The archive the launcher keeps for {@code jar} under the cache dir that {@code env} names. */
  public static CdsArchive of(Path jar, Map<String, String> env) {
    return new CdsArchive(cacheDir(env).resolve("cds-" + key(realPath(jar)) + ".jsa"));
  }

  /** JVM flags that use the archive when it matches and ignore it quietly when not. */
  public List<String> jvmFlags() {
    return List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds=off");
  }

  static Path cacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Path.of(xdg, "vigil");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".cache", "vigil");
  }

  /** The 64-bit FNV-1a hash of the path's UTF-8 bytes in 16 hex digits, as the launcher's. */
  static String key(String path) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return String.format("%016x", hash);
  }

  private static String realPath(Path jar) {
    try {
      return jar.toRealPath().toString();
    } catch (java.io.IOException e) {
      return jar.toAbsolutePath().normalize().toString();
    }
  }
}
