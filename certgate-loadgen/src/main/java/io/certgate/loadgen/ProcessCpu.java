package io.certgate.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A process's CPU time (user + system, all its threads, including those that have ended) from
 * Linux's {@code /proc/<pid>/stat}, in clock ticks of {@code getconf CLK_TCK} (100 per second here:
 * a resolution of 10 ms, fine for phases that burn whole seconds).
 */
final class ProcessCpu {
  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private ProcessCpu() {}

  /** The machine's load averages over 1, 5 and 15 minutes, as the reports print them. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static Duration of(long pid) {
    try {
      return ticks(fields(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
  }

  /**
   * CPU time of a process and its live children: PostgreSQL's postmaster and its backends (one
   * process per connection; the server's pool keeps them for the whole run).
   */
  static Duration ofTree(long parentPid) {
    Duration total = of(parentPid);
    try (Stream<Path> all = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) all::iterator) {
        if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String[] f = fields(dir.resolve("stat"));
          // field 4 of proc(5), the parent's pid, is the 2nd after the name
          if (Long.parseLong(f[1]) == parentPid) {
            total = total.plus(ticks(f));
          }
        } catch (IOException gone) {
          // the process ended between listing and reading
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  /**
   * CPU time so far of the process's JIT compiler threads (named {@code C1/C2 CompilerThread…}):
   * while they still burn CPU, the process is not in its steady state.
   */
  static Duration jitOf(long pid) {
    Duration total = Duration.ZERO;
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.contains("CompilerThre")) {
            total = total.plus(ticks(fields(task.resolve("stat"))));
          }
        } catch (IOException gone) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  private static String[] fields(Path stat) throws IOException {
    String text = Files.readString(stat, StandardCharsets.US_ASCII);
    // the command name in parentheses may hold spaces: count fields after the last ')'
    return text.substring(text.lastIndexOf(')') + 2).split(" ");
  }

  private static Duration ticks(String[] fields) {
    // fields 14 and 15 of proc(5) (utime, stime) are the 12th and 13th after the name
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
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
