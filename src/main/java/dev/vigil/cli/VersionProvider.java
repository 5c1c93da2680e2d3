package dev.vigil.cli;

import picocli.CommandLine;

/** The version from the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"vigil " + version()};
  }
}
