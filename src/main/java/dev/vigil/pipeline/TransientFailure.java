package dev.vigil.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * Tells failures worth retrying (the network flaked, a lock was busy) from real ones, by the words
 * tools print for them.
 */
final class TransientFailure {
  private static final List<String> SIGNS =
      List.of(
          "could not resolve host",
          "temporary failure in name resolution",
          "connection reset",
          "connection refused",
          "connection timed out",
          "operation timed out",
          "network is unreachable",
          "spurious network error",
          "failed to download",
          "503 service unavailable",
          "502 bad gateway",
          "tls handshake",
          "econnreset",
          "etimedout",
          "eai_again",
          "resource temporarily unavailable",
          "text file busy");

  private TransientFailure() {}

  static boolean looksTransient(String output) {
    String lower = output.toLowerCase(Locale.ROOT);
    return SIGNS.stream().anyMatch(lower::contains);
  }
}
