package io.certgate.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process's CPU time (user + system, all its threads, including those that have ended) from
 * Linux's {@code /proc/<pid>/stat}, in clock ticks of {@code getconf CLK_TCK} (100 per second here:
 * a resolution of 10 ms, fine for phases that burn whole seconds).
 */
final class ProcessCpu {
  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private ProcessCpu() {}

  static Duration of(long pid) {
    String stat;
    try {
      stat =
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
    // the command name in parentheses may hold spaces: count fields after the last ')'
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields 14 and 15 of proc(5) (utime, stime) are the 12th and 13th after the name
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
  }

  /** CPU time of this JVM process. */
  static Duration self() {
    return of(ProcessHandle.current().pid());
  }

  private static long ticksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      p.waitFor();
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100; // the value of every mainstream Linux build
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
