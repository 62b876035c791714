package io.certgate.cli;

/** Entry point of the {@code certgate} checker. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("certgate: not yet");
  }
}
