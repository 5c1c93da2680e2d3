package dev.vigil.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells failures worth retrying (the network flaked, a lock was busy) from real ones, by the words
 * tools print for them: cargo, git (both through curl), Maven, npm and pip.
 */
final class TransientFailure {
  private static final int MAX_REASON = 200;

  private static final List<String> SIGNS =
      List.of(
          "could not resolve host", // curl, so cargo and git
          "couldn't resolve host",
          "temporary failure in name resolution",
          "unknown host", // Maven
          "connection reset", // Maven, curl
          "connection refused",
          "connection timed out",
          "connect timed out", // Maven
          "read timed out",
          "operation timed out",
          "timeout was reached", // curl [28]
          "operation too slow", // curl [28] under a low-speed limit (git's http.lowSpeedTime)
          "couldn't connect to server", // curl [7], so git
          "could not connect to server", // curl [7] as cargo prints it
          "econnrefused", // npm
          "network timeout at", // npm
          "returned error: 502", // curl --fail, so git
          "returned error: 503",
          "returned error: 504",
          "), got 502", // cargo: failed to get successful HTTP response from `URL` (HOST), got 503
          "), got 503",
          "), got 504",
          "network is unreachable",
          "spurious network error", // cargo
          "failed to download",
          "error in the http2 framing layer", // curl [16]
          "was not closed cleanly", // curl 92, HTTP/2 stream reset
          "the remote end hung up unexpectedly", // git
          "unexpected disconnect while reading sideband packet", // git
          "503 service unavailable",
          "502 bad gateway",
          "504 gateway time-out",
          "tls handshake",
          "econnreset", // npm
          "etimedout",
          "eai_again",
          "readtimeouterror", // pip (urllib3)
          "newconnectionerror",
          "max retries exceeded",
          "resource temporarily unavailable",
          "text file busy");

  private TransientFailure() {}

  static boolean looksTransient(String output) {
    return reason(output, List.of()).isPresent();
  }

  /**
   * The first line of the output that looks transient, by the built-in signs or the stage's own
   * patterns (regular expressions, case-insensitive), stripped and cut to a readable length.
   */
  static Optional<String> reason(String output, List<String> patterns) {
    List<Pattern> extra = new ArrayList<>();
    for (String p : patterns) {
      extra.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    return output
        .lines()
        .filter(line -> matches(line, extra))
        .findFirst()
        .map(String::strip)
        .map(TransientFailure::cut);
  }

  private static boolean matches(String line, List<Pattern> extra) {
    String lower = line.toLowerCase(Locale.ROOT);
    for (String sign : SIGNS) {
      if (lower.contains(sign)) {
        return true;
      }
    }
    for (Pattern p : extra) {
      if (p.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }

  private static String cut(String line) {
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "…";
  }
}
