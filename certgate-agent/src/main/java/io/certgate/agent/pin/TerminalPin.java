package io.certgate.agent.pin;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Asks for a PIN on the terminal without echo ({@link Console#readPassword}). With no console (a
 * pipe, a test) it reads one line from standard input instead. Either way the PIN comes back as a
 * {@code char[]} the caller clears; no {@link String} of it is made.
 */
public final class TerminalPin {
  private static final int MAX_PIN = 64;

  private final Optional<Console> console;
  private final InputStream stdin;
  private final PrintStream prompts;

  public TerminalPin(Optional<Console> console, InputStream stdin, PrintStream prompts) {
    this.console = console;
    this.stdin = stdin;
    this.prompts = prompts;
  }

  /** The PIN typed, or empty at end of input. */
  public Optional<char[]> read(String prompt) throws IOException {
    if (console.isPresent()) {
      return Optional.ofNullable(console.get().readPassword("%s", prompt));
    }
    prompts.print(prompt);
    prompts.flush();
    return readLine(new InputStreamReader(stdin, Charset.defaultCharset()));
  }

  private static Optional<char[]> readLine(Reader in) throws IOException {
    char[] buffer = new char[MAX_PIN];
    int n = 0;
    int c;
    try {
      while ((c = in.read()) != -1 && c != '\n') {
        if (c == '\r') {
          continue;
        }
        if (n == buffer.length) {
          throw new IOException("PIN longer than " + MAX_PIN + " characters");
        }
        buffer[n++] = (char) c;
      }
      if (c == -1 && n == 0) {
        return Optional.empty();
      }
      return Optional.of(Arrays.copyOf(buffer, n));
    } finally {
      Arrays.fill(buffer, '\0');
    }
  }
}
