package dev.vigil.control;

/** A request that ends in an error status with a one-line message, sent as {"error": ...}. */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
