package io.certgate.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Entry point of the {@code certgate} checker (DESIGN.md §7). Every run prints exactly one JSON
 * object on stdout, also for usage errors, so scripts can always parse it; the usage text goes to
 * stderr. Exit status: 0 valid, 1 invalid, 2 usage or I/O error. Only {@code certgate --help}
 * prints the usage text, on stdout, instead of JSON.
 */
public final class Main {
  private static final List<Command> COMMANDS =
      List.of(new VerifyChainCommand(), new VerifyTokenCommand(), new LockIdCommand());

  private static final Set<String> HELP = Set.of("help", "--help", "-h");

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs one command line and returns its exit status; used in-process by tests. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && HELP.contains(args[0])) {
      out.print(usage());
      return Report.VALID;
    }
    Report report;
    try {
      report = command(args).run(Arrays.asList(args).subList(1, args.length));
    } catch (UsageException e) {
      report = Report.usage(e.getMessage());
      err.println("certgate: " + e.getMessage());
      if (e.showUsage()) {
        err.print(usage());
      }
    } catch (RuntimeException e) {
      // A bug, not bad input: say so in the contract's shape instead of a stack trace.
      report = Report.usage("internal error: " + e);
    }
    out.println(report.toJson());
    return report.exitStatus();
  }

  private static Command command(String[] args) throws UsageException {
    if (args.length == 0) {
      throw UsageException.usage("no command given");
    }
    for (Command command : COMMANDS) {
      if (command.name().equals(args[0])) {
        return command;
      }
    }
    throw UsageException.usage("unknown command " + args[0]);
  }

  static String usage() {
    StringBuilder text = new StringBuilder("usage:\n");
    for (Command command : COMMANDS) {
      text.append("  certgate ").append(command.synopsis()).append('\n');
    }
    text.append(
        """
        Files are PEM (several certificates allowed) or DER. F… takes one or more files and the
        option may be repeated. Prints one JSON object; exit 0 valid, 1 invalid, 2 usage or I/O error.
        """);
    return text.toString();
  }
}
