package io.certgate.agent.cli;

import io.certgate.agent.AgentException;
import io.certgate.agent.AgentVersion;
import io.certgate.agent.config.AgentConfig;
import io.certgate.agent.config.AgentConfigLoader;
import io.certgate.agent.config.ConfigException;
import io.certgate.agent.http.AgentServer;
import io.certgate.agent.pin.TerminalPin;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code certgate-agent run | list | sign --origin O --nonce N [--certificate ID] | --version}.
 * Exit status: 0 done, 1 refused (wrong PIN, no key…), 2 usage or configuration error.
 */
public final class Cli {
  static final int OK = 0;
  static final int REFUSED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT =
      """
      usage: certgate-agent run                      serve the loopback API (default port 27150)
             certgate-agent list                     show the keys and certificates found
             certgate-agent sign --origin O --nonce N [--certificate ID]
                                                     sign a challenge, print the auth token
             certgate-agent --version
      configuration: see `certgate-agent list` for the file read; environment variables
      CERTGATE_AGENT_PORT, CERTGATE_AGENT_ORIGINS, CERTGATE_AGENT_PKCS11, CERTGATE_AGENT_SOFTKEYS,
      CERTGATE_AGENT_CONFIG override it.""";

  private final AgentConfigLoader loader;
  private final TerminalPin pinReader;
  private final PrintStream out;
  private final PrintStream err;

  public Cli(AgentConfigLoader loader, TerminalPin pinReader, PrintStream out, PrintStream err) {
    this.loader = loader;
    this.pinReader = pinReader;
    this.out = out;
    this.err = err;
  }

  /** Runs a command other than {@code run} and returns its exit status. */
  public int execute(String... args) {
    if (args.length == 0) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    try {
      return switch (args[0]) {
        case "--version", "version" -> {
          out.println("certgate-agent " + AgentVersion.get());
          yield OK;
        }
        case "list" -> new ListCommand(out).run(config());
        case "sign" ->
            new SignCommand(pinReader, out, err)
                .run(config(), SignCommand.Options.parse(Arrays.copyOfRange(args, 1, args.length)));
        case "run" -> serve(config());
        case "--help", "-h", "help" -> {
          out.println(USAGE_TEXT);
          yield OK;
        }
        default -> {
          err.println("unknown command: " + args[0]);
          err.println(USAGE_TEXT);
          yield USAGE;
        }
      };
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (AgentException e) {
      err.println("error: " + e.code() + ": " + e.getMessage());
      return REFUSED;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    }
  }

  private AgentConfig config() throws ConfigException {
    AgentConfig config = loader.load();
    err.println(AgentSetup.configLine(config));
    return config;
  }

  /** Serves until the process is stopped (Ctrl-C, service stop). */
  private int serve(AgentConfig config) throws IOException {
    var tokens = AgentSetup.tokens(config);
    AgentServer server =
        AgentServer.builder()
            .tokens(tokens)
            .version(AgentVersion.get())
            .allowedOrigins(config.origins())
            .port(config.port())
            .statusPage(AgentSetup.statusPage(config, tokens, AgentVersion.get()))
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    err.println(
        "certgate-agent "
            + AgentVersion.get()
            + " listening on http://127.0.0.1:"
            + server.address().getPort()
            + "/");
    err.println("allowed origins: " + config.origins());
    err.println(
        "PKCS#11 modules: " + (tokens.modules().isEmpty() ? "none found" : tokens.modules()));
    err.println(
        "SKF libraries: "
            + (tokens.skfLibraries().isEmpty() ? "none found" : tokens.skfLibraries()));
    err.println("soft keys: " + config.softKeyFolder());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OK;
  }
}
