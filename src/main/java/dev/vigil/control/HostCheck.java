package dev.vigil.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The DNS rebinding defence: a request is answered only when its Host header names the loopback
 * interface ({@code localhost}, {@code [::1]} or any {@code 127.x.y.z}, with or without a port), so
 * a page on another site whose name now resolves to 127.0.0.1 is refused.
 */
final class HostCheck {
  private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}");
  private static final Pattern V4 =
      Pattern.compile("127\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

  private HostCheck() {}

  /** Whether the request's Host header values name a loopback host. */
  static boolean isLoopback(List<String> hostHeaders) {
    if (hostHeaders == null || hostHeaders.size() != 1) {
      return false;
    }
    String host = hostHeaders.get(0).trim();
    String name;
    String rest;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      if (end < 0) {
        return false;
      }
      name = host.substring(0, end + 1);
      rest = host.substring(end + 1);
    } else {
      int colon = host.indexOf(':');
      name = colon < 0 ? host : host.substring(0, colon);
      rest = colon < 0 ? "" : host.substring(colon);
    }
    if (!rest.isEmpty() && !PORT.matcher(rest).matches()) {
      return false;
    }
    return name.equalsIgnoreCase("localhost") || name.equals("[::1]") || isLoopbackV4(name);
  }

  private static boolean isLoopbackV4(String name) {
    var m = V4.matcher(name);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 3; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }
}
