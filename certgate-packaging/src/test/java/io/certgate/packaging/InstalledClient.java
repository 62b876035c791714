package io.certgate.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes of the installed launcher, found through /proc as the package's prerm finds them.
 */
final class InstalledClient {
  static final Path LAUNCHER = Path.of("/opt/certgate-agent/bin/certgate-agent");

  /** The package's own java, on which the client starts one SKF host process per SKF library. */
  static final Path RUNTIME_JAVA = Path.of("/opt/certgate-agent/lib/runtime/bin/java");

  private InstalledClient() {}

  /** The pids whose executable is the installed launcher. */
  static List<Long> processes() throws IOException {
    return processesOf(LAUNCHER);
  }

  /** The pids whose executable is {@code program}. */
  static List<Long> processesOf(Path program) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> executable(p).filter(program::equals).isPresent())
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    }
  }

  /** The real user id a process runs as (/proc/PID/status, line Uid). */
  static int uid(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
        .filter(l -> l.startsWith("Uid:"))
        .map(l -> Integer.parseInt(l.split("\\s+")[1]))
        .findFirst()
        .orElseThrow();
  }

  /** The shared objects a process has mapped, e.g. to see which libjvm.so it runs on. */
  static List<String> mappedFiles(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "maps")).stream()
        .map(l -> l.split("\\s+"))
        .filter(f -> f.length >= 6 && f[5].startsWith("/"))
        .map(f -> f[5])
        .distinct()
        .toList();
  }

  private static Optional<Path> executable(Path proc) {
    try {
      return Optional.of(Files.readSymbolicLink(proc.resolve("exe")));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty(); // a process that ended, or a kernel thread
    }
  }
}
