package io.certgate.agent;

import io.certgate.agent.cli.Cli;
import io.certgate.agent.config.AgentConfigLoader;
import io.certgate.agent.pin.TerminalPin;
import java.util.Optional;

/** Entry point of {@code certgate-agent}; see {@link Cli} for the commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Cli cli =
        new Cli(
            AgentConfigLoader.forThisProcess(),
            new TerminalPin(Optional.ofNullable(System.console()), System.in, System.err),
            System.out,
            System.err);
    int status = cli.execute(args);
    System.exit(status);
  }
}
