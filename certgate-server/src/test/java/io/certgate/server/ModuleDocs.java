package io.certgate.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps docs/modules an exact, stable copy of what Spring Modulith's {@code Documenter} generates.
 * The Documenter writes its arrows, components and event lists in hash order, which differs from
 * one JVM to the next, so a build would rewrite the checked-in files without any module having
 * changed. Each such list is put in sorted order here; nothing else of a file is touched, and the
 * files of modules that no longer exist are removed.
 */
final class ModuleDocs {
  private ModuleDocs() {}

  /** Copies every file of {@code generated}, normalised, into {@code checkedIn}, and only those. */
  static void mirror(Path generated, Path checkedIn) throws IOException {
    Files.createDirectories(checkedIn);
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(generated)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        names.add(name);
        String text = normalized(Files.readString(file, StandardCharsets.UTF_8));
        Path target = checkedIn.resolve(name);
        if (!Files.exists(target)
            || !Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
          Files.writeString(target, text, StandardCharsets.UTF_8);
        }
      }
    }
    try (Stream<Path> files = Files.list(checkedIn)) {
      for (Path stale : files.filter(f -> !names.contains(f.getFileName().toString())).toList()) {
        Files.delete(stale);
      }
    }
  }

  /**
   * The text with each run of list lines sorted: PlantUML {@code Rel(}, {@code Component(} and
   * {@code Container(} lines, and AsciiDoc list items (a table cell's list starts with {@code |*},
   * which stays on the first line).
   */
  static String normalized(String text) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    @Nullable String runKind = null;
    for (String line : text.split("\n", -1)) {
      String kind = kind(line);
      if (kind == null || !kind.equals(runKind) || line.startsWith("|* ")) {
        flush(run, out);
      }
      runKind = kind;
      if (kind == null) {
        out.add(line);
      } else {
        run.add(line);
      }
    }
    flush(run, out);
    return String.join("\n", out);
  }

  private static @Nullable String kind(String line) {
    String s = line.strip();
    for (String prefix : List.of("Rel(", "Component(", "Container(")) {
      if (s.startsWith(prefix)) {
        return prefix;
      }
    }
    return line.startsWith("* ") || line.startsWith("|* ") ? "* " : null;
  }

  private static void flush(List<String> run, List<String> out) {
    if (run.isEmpty()) {
      return;
    }
    boolean cell = run.get(0).startsWith("|");
    if (cell) {
      run.set(0, run.get(0).substring(1));
    }
    run.sort(null);
    if (cell) {
      run.set(0, "|" + run.get(0));
    }
    out.addAll(run);
    run.clear();
  }
}
