package dev.vigil.service;

/** Installing, removing or inspecting the service failed; the message says what and where. */
public final class ServiceException extends Exception {
  private static final long serialVersionUID = 1L;

  ServiceException(String message) {
    super(message);
  }

  ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
