package dev.vigil.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service manager that records the commands asked of it and gives scripted answers. */
public final class FakeServiceManager implements ServiceManager {
  private final Set<String> programs = new HashSet<>();
  private final Map<String, Result> answers = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();

  /** A manager on whose PATH these programs are; every command exits 0 unless told otherwise. */
  public static FakeServiceManager with(String... programs) {
    FakeServiceManager fake = new FakeServiceManager();
    fake.programs.addAll(List.of(programs));
    return fake;
  }

  /** Commands that start with {@code prefix} (words joined by spaces) end this way. */
  public FakeServiceManager answer(String prefix, int exitCode, String output) {
    answers.put(prefix, new Result(exitCode, output));
    return this;
  }

  /** Every command run so far, words joined by spaces. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public boolean has(String program) {
    return programs.contains(program);
  }

  @Override
  public Result run(List<String> command, Duration timeout) {
    String line = String.join(" ", command);
    calls.add(line);
    if (!programs.contains(command.get(0))) {
      return new Result(-1, "cannot run " + line + ": not found");
    }
    return answers.entrySet().stream()
        .filter(e -> line.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(new Result(0, ""));
  }
}
