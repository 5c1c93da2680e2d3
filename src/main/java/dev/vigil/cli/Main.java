package dev.vigil.cli;

/** Entry point of the vigil jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("vigil");
  }
}
