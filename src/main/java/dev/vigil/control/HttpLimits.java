package dev.vigil.control;

import java.time.Duration;

/**
 * What the API allows one connection.
 *
 * @param readDeadline how long a client has to send a whole request (head and body), counted from
 *     its connecting or from the end of its previous answer
 * @param writeDeadline how long an answer may wait for a client that takes no bytes
 * @param maxHeadBytes the largest request line plus headers (else 431)
 * @param maxBodyBytes the largest request body (else 413)
 * @param maxWaiting connections reading a request at once; the oldest is closed for a new one
 */
record HttpLimits(
    Duration readDeadline,
    Duration writeDeadline,
    int maxHeadBytes,
    int maxBodyBytes,
    int maxWaiting) {
  static final HttpLimits DEFAULTS =
      new HttpLimits(
          Duration.ofSeconds(5), Duration.ofSeconds(30), 32 * 1024, Requests.MAX_BODY, 256);

  HttpLimits withReadDeadline(Duration deadline) {
    return new HttpLimits(deadline, writeDeadline, maxHeadBytes, maxBodyBytes, maxWaiting);
  }
}
