package dev.vigil.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The AppCDS archive of a jar, as the launcher ({@code scripts/vigil}) dumps and refreshes it: in
 * {@code $XDG_CACHE_HOME/vigil} (else {@code ~/.cache/vigil}), named after the SHA-256 of the jar's
 * real path. The JVM checks the jar's size and mtime against the archive itself and starts without
 * it, silently with these flags, when it is missing, stale or damaged.
 */
public record CdsArchive(Path file) {

  /** The archive the launcher keeps for {@code jar} under the cache dir that {@code env} names. */
  public static CdsArchive of(Path jar, Map<String, String> env) {
    return new CdsArchive(cacheDir(env).resolve("cds-" + key(realPath(jar)) + ".jsa"));
  }

  /** JVM flags that use the archive when it matches and ignore it quietly when not. */
  public List<String> jvmFlags() {
    return List.of(
        "-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  static Path cacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Path.of(xdg, "vigil");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".cache", "vigil");
  }

  /** The first 16 hex digits of the path's SHA-256, as {@code sha256sum | cut -c1-16}. */
  static String key(String path) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String realPath(Path jar) {
    try {
      return jar.toRealPath().toString();
    } catch (java.io.IOException e) {
      return jar.toAbsolutePath().normalize().toString();
    }
  }
}
