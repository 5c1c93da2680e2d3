package dev.vigil.config;

/** A program a starter stage runs, with how to install it when it is not on the PATH. */
public enum StarterTool {
  CARGO("cargo", "install Rust with rustup (https://rustup.rs)"),
  CARGO_FMT("cargo-fmt", "rustup component add rustfmt"),
  CARGO_CLIPPY("cargo-clippy", "rustup component add clippy"),
  MATURIN("maturin", "pip install maturin"),
  RUFF("ruff", "pip install ruff"),
  MYPY("mypy", "pip install mypy"),
  PYTEST("pytest", "pip install pytest"),
  PYTHON3("python3", "install Python 3 (https://www.python.org/downloads/)"),
  MVN("mvn", "install Maven (https://maven.apache.org/download.cgi)"),
  GRADLE("gradle", "install Gradle, or add the wrapper with `gradle wrapper`"),
  NPM("npm", "install Node.js (https://nodejs.org)"),
  GO("go", "install Go (https://go.dev/dl/)");

  private final String command;
  private final String hint;

  StarterTool(String command, String hint) {
    this.command = command;
    this.hint = hint;
  }

  /** The executable looked for on the PATH. */
  public String command() {
    return command;
  }

  /** What to say when it is missing: "maturin is not on PATH: pip install maturin". */
  public String notOnPath() {
    return command + " is not on PATH: " + hint;
  }
}
