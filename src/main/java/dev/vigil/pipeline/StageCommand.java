package dev.vigil.pipeline;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.files.OwnerOnly;
import dev.vigil.files.RawNames;
import dev.vigil.process.CommandSpec;
import dev.vigil.process.ShellQuote;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a stage of a run into the command to start: {@code {changed}} expanded, env set. */
final class StageCommand {
  static final String CHANGED_PLACEHOLDER = "{changed}";
  private static final String CHANGED_FILE = "changed.txt";
  private static final String CHANGED_NUL_FILE = "changed0.txt";
  private static final int CHUNK_CHARS = 64 * 1024;
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private StageCommand() {}

  /**
   * The spec for one stage.
   *
   * @param paths the changed paths this stage concerns, relative to the root
   * @param changedList the file listing every changed path of the run
   */
  static CommandSpec spec(
      ProjectConfig project,
      StageConfig stage,
      RunRequest request,
      List<String> paths,
      Path changedList) {
    String command = command(stage, paths);
    Map<String, String> env = new HashMap<>(stage.env());
    env.put("VIGIL_PROJECT", project.name());
    env.put("VIGIL_RUN_ID", request.runId());
    env.put("VIGIL_STAGE", stage.name());
    env.put("VIGIL_CHANGED_COUNT", Integer.toString(request.trigger().changedCount()));
    env.put("VIGIL_CHANGED_LIST", changedList.toString());
    env.put("VIGIL_CHANGED_LIST0", nulList(changedList).toString());
    return new CommandSpec(
        command,
        project.root(),
        env,
        stage.timeout(),
        stage.killGrace(),
        Optional.of(logFile(request, stage.name())),
        CommandSpec.DEFAULT_LOG_LIMIT,
        stage.keepBackground());
  }

  /** The stage's command with {@code {changed}} expanded to these paths, each shell-quoted. */
  static String command(StageConfig stage, List<String> paths) {
    if (!stage.run().contains(CHANGED_PLACEHOLDER)) {
      return stage.run();
    }
    return stage.run().replace(CHANGED_PLACEHOLDER, ShellQuote.joinNames(asArguments(paths)));
  }

  /** The paths as arguments no command reads as an option: {@code -x} becomes {@code ./-x}. */
  static List<String> asArguments(List<String> paths) {
    return paths.stream().map(p -> p.startsWith("-") ? "./" + p : p).toList();
  }

  /** The NUL-separated list that sits next to the line list. */
  static Path nulList(Path changedList) {
    return changedList.resolveSibling(CHANGED_NUL_FILE);
  }

  static Path logFile(RunRequest request, String stage) {
    return request.runDir().resolve(safeFileName(stage) + ".log");
  }

  /**
   * Creates a run's folder with an empty {@code changed.txt} ahead of the run, so that starting it
   * only fills an existing file: creating folders and files costs a millisecond or more on some
   * file systems, and that would delay the stage.
   */
  static void prepareRunDir(Path runDir) throws IOException {
    OwnerOnly.createDirectories(runDir);
    for (String name : List.of(CHANGED_FILE, CHANGED_NUL_FILE)) {
      Path file = runDir.resolve(name);
      if (!Files.exists(file)) {
        OwnerOnly.createFile(file);
      }
    }
  }

  /**
   * Writes {@code runs/RUN_ID/changed.txt}, every changed path of the run a line, and {@code
   * changed0.txt}, the same paths each ended by a NUL (for names that hold a newline).
   */
  static Path writeChangedList(RunRequest request) throws IOException {
    Path file = request.runDir().resolve(CHANGED_FILE);
    writeList(file, request.changed(), '\n');
    writeList(nulList(file), request.changed(), '\0');
    return file;
  }

  private static void writeList(Path file, List<String> paths, char end) throws IOException {
    // No O_TRUNC: the file prepared ahead is empty, and ext4 flushes a file truncated to zero and
    // rewritten when it is closed (auto_da_alloc), which costs the run's start 0.1 ms or more.
    try (FileChannel channel = openForWrite(file)) {
      long length = 0;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < paths.size(); i++) {
        String path = paths.get(i);
        if (RawNames.hasRawBytes(path)) { // bytes that are not UTF-8 go out as they are
          length += write(channel, sb);
          sb.setLength(0);
          length += write(channel, ByteBuffer.wrap(RawNames.bytes(path)));
          sb.append(end);
        } else {
          sb.append(path).append(end);
        }
        if (sb.length() >= CHUNK_CHARS || i == paths.size() - 1) {
          length += write(channel, sb);
          sb.setLength(0);
        }
      }
      if (channel.size() > length) {
        channel.truncate(length); // an older list was there after all
      }
    }
  }

  /** Writes the text as UTF-8; returns the bytes written. */
  private static long write(FileChannel channel, CharSequence text) throws IOException {
    return write(channel, StandardCharsets.UTF_8.encode(CharBuffer.wrap(text)));
  }

  private static long write(FileChannel channel, ByteBuffer bytes) throws IOException {
    int length = bytes.remaining();
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    return length;
  }

  /** Opens the list, creating it and its folder when the run's folder was not prepared ahead. */
  private static FileChannel openForWrite(Path file) throws IOException {
    try {
      return OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (NoSuchFileException notPrepared) {
      OwnerOnly.createDirectories(file.getParent());
      return OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
  }

  private static String safeFileName(String stage) {
    return UNSAFE.matcher(stage).replaceAll("_");
  }
}
