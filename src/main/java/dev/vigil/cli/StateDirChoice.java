package dev.vigil.cli;

import dev.vigil.config.ConfigDiscovery;
import dev.vigil.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The state dir of the design: option, $VIGIL_STATE_DIR, then the XDG/macOS place. */
final class StateDirChoice {
  private StateDirChoice() {}

  static Path resolve(CliContext ctx, Path option) {
    Optional<Path> given = Optional.ofNullable(option).map(p -> ctx.cwd().resolve(p).normalize());
    return ConfigDiscovery.stateDir(given, ctx.env(), System.getProperty("os.name", ""));
  }

  /** Resolves the state dir and creates it, or says plainly why it cannot be. */
  static Path prepare(CliContext ctx, Path option) {
    Path dir = resolve(ctx, option);
    try {
      OwnerOnly.createDirectories(dir);
      OwnerOnly.Tightened tightened = OwnerOnly.tighten(dir);
      if (tightened.any()) {
        ctx.err().println(tightened.note());
      }
    } catch (IOException e) {
      throw new UserError(
          "cannot create the state dir "
              + dir
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); pass --state-dir DIR or set VIGIL_STATE_DIR to a writable directory");
    }
    if (!Files.isWritable(dir)) {
      throw new UserError(
          "the state dir "
              + dir
              + " is not writable; pass --state-dir DIR or set VIGIL_STATE_DIR to a writable"
              + " directory");
    }
    return dir;
  }
}
