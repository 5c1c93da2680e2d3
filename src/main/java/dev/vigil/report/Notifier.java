package dev.vigil.report;

/** Shows a desktop notification; implementations never throw and never wait for the desktop. */
@FunctionalInterface
public interface Notifier {
  /** Shows {@code body} under {@code title}, or does nothing when that is not possible. */
  void show(String title, String body);

  /** A notifier that shows nothing. */
  Notifier NONE = (title, body) -> {};
}
