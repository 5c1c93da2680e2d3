package dev.vigil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real small tmpfs for fault tests (a full or read-only state dir). Mounting needs root (CI runs
 * as root); elsewhere {@link #mounted()} is false and {@link #whyNot()} says why, for the test to
 * skip with that reason.
 */
public final class TmpfsMount implements AutoCloseable {
  private final Path dir;
  private final String whyNot;

  private TmpfsMount(Path dir, String whyNot) {
    this.dir = dir;
    this.whyNot = whyNot;
  }

  /** Mounts a tmpfs of {@code size} (as {@code mount -o size=} takes it) on a new {@code dir}. */
  public static TmpfsMount mount(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return new TmpfsMount(dir, "tmpfs mounts are tried on Linux only");
    }
    Result r =
        run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
    return new TmpfsMount(
        dir, r.code == 0 ? null : "cannot mount a tmpfs (root is needed): " + r.output.trim());
  }

  public boolean mounted() {
    return whyNot == null;
  }

  public String whyNot() {
    return whyNot;
  }

  public Path dir() {
    return dir;
  }

  /** Writes a file until the file system is full; returns it, for the test to free the room. */
  public Path fill() throws IOException {
    Path filler = dir.resolve("filler");
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    return filler;
  }

  /** {@code mount -o remount,MODE}: {@code ro} or {@code rw}. */
  public void remount(String mode) throws IOException, InterruptedException {
    Result r = run("mount", "-o", "remount," + mode, dir.toString());
    if (r.code != 0) {
      throw new IOException("remount " + mode + " failed: " + r.output);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (mounted()) {
      run("umount", "-l", dir.toString());
    }
  }

  private record Result(int code, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException noTool) {
      return new Result(127, noTool.getMessage());
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), output);
  }
}
