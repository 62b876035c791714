package io.certgate.agent;

/** Entry point of {@code certgate-agent}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("certgate-agent: not yet");
  }
}
