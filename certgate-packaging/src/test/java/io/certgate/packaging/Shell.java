package io.certgate.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's own tools (dpkg, useradd, runuser) as a person installing the package would.
 */
final class Shell {
  record Result(int exit, String output) {
    Result orFail() {
      if (exit != 0) {
        throw new IllegalStateException("exit " + exit + ": " + output);
      }
      return this;
    }
  }

  private Shell() {}

  static Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", command));
    }
    return new Result(p.exitValue(), out);
  }
}
