package dev.vigil.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the kernel event backend: inotify read directly on Linux, directory-watcher elsewhere and
 * wherever inotify cannot be opened. The system property {@value #PROPERTY} ({@code inotify} or
 * {@code directory-watcher}) picks one, so that each can be tested on Linux.
 */
final class EventSources {
  static final String PROPERTY = "vigil.watch.backend";
  private static final Logger log = LoggerFactory.getLogger(EventSources.class);

  private EventSources() {}

  /** The backend named by the system property, else the best one for this system. */
  static EventSource.Factory chosen() {
    String name = System.getProperty(PROPERTY, "");
    if (name.equals("directory-watcher")) {
      return DirectoryWatcherSource::open;
    }
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    if (name.equals("inotify") || (name.isEmpty() && linux)) {
      return EventSources::inotifyOrFallback;
    }
    return DirectoryWatcherSource::open;
  }

  private static EventSource inotifyOrFallback(Path root, WatchFilter filter, EventTranslator sink)
      throws IOException {
    try {
      return InotifySource.open(root, filter, sink);
    } catch (IOException e) {
      if (WatchLimitMessage.isLimit(e)) {
        throw e;
      }
      log.info("inotify is unavailable for {} ({}); using directory-watcher", root, e.toString());
      return DirectoryWatcherSource.open(root, filter, sink);
    }
  }
}
