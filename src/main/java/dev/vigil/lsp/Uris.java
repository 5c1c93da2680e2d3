package dev.vigil.lsp;

import java.net.URI;
import java.nio.file.Path;

/** File URIs as editors send them: {@code file:///abs/path}, percent-encoded. */
final class Uris {
  private Uris() {}

  static String of(Path file) {
    return file.toAbsolutePath().normalize().toUri().toString();
  }

  static Path path(String uri) {
    return Path.of(URI.create(uri)).toAbsolutePath().normalize();
  }
}
