package io.certgate.agent.token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for finding vendor libraries (PKCS#11 modules and SKF libraries) on a machine: each
 * OS has its list of candidate files, in order; a candidate is used when it is a regular file
 * there; a file reached twice (through a symbolic link such as {@code /lib -> /usr/lib}) is used
 * once. Candidates are looked up under a filesystem root, {@code /} (or the Windows system drive)
 * in the agent and a temporary folder in tests.
 */
public final class LibrarySearch {
  /**
   * The library folders of Debian-family systems (Debian, Ubuntu, 统信UOS, 银河麒麟) and of RPM-family
   * ones, for the CPUs 信创 desktops use: x86-64, ARM64 (Kunpeng, Phytium), LoongArch and MIPS
   * (Loongson).
   */
  public static final List<String> LINUX_LIBRARY_DIRS =
      List.of(
          "/usr/lib",
          "/usr/lib64",
          "/usr/local/lib",
          "/usr/lib/x86_64-linux-gnu",
          "/usr/lib/aarch64-linux-gnu",
          "/usr/lib/loongarch64-linux-gnu",
          "/usr/lib/mips64el-linux-gnu");

  /** Where Windows drivers put their DLLs (64-bit ones, for a 64-bit agent). */
  public static final String WINDOWS_SYSTEM32 = "C:\\Windows\\System32";

  /** The operating systems the agent tells apart when looking for libraries. */
  public enum Os {
    WINDOWS,
    MACOS,
    LINUX;

    /** The OS for a name as in {@code os.name}; anything neither Windows nor macOS is Unix-like. */
    public static Os named(String osName) {
      String os = osName.toLowerCase(Locale.ROOT);
      if (os.startsWith("windows")) {
        return WINDOWS;
      }
      return os.startsWith("mac") ? MACOS : LINUX;
    }

    /** The OS this JVM runs on. */
    public static Os current() {
      return named(System.getProperty("os.name", ""));
    }

    String separator() {
      return this == WINDOWS ? "\\" : "/";
    }
  }

  private final Map<Os, List<String>> candidates;

  private LibrarySearch(Map<Os, List<String>> candidates) {
    this.candidates = candidates;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The candidate paths of an OS, in the order they are tried. */
  public List<String> candidates(Os os) {
    return candidates.get(os);
  }

  /** The candidates of this machine's OS that exist on it. */
  public List<Path> present() {
    Os os = Os.current();
    return present(os, Path.of(os == Os.WINDOWS ? "C:\\" : "/"));
  }

  /**
   * The candidates of {@code os} that are regular files under {@code root} (each candidate's
   * absolute path taken as relative to it), in candidate order, each file once.
   */
  public List<Path> present(Os os, Path root) {
    List<Path> found = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (String candidate : candidates(os)) {
      Path file = underRoot(root, candidate);
      if (Files.isRegularFile(file) && seen.add(realPath(file))) {
        found.add(file);
      }
    }
    return List.copyOf(found);
  }

  private static Path underRoot(Path root, String candidate) {
    // "C:\Windows\System32\x.dll" and "/usr/lib/x.so" alike: drop the drive and leading separator
    String relative = candidate.replaceFirst("^[A-Za-z]:", "").replaceFirst("^[\\\\/]+", "");
    Path file = root;
    for (String segment : relative.split("[\\\\/]+")) {
      file = file.resolve(segment);
    }
    return file;
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize(); // vanished between the two looks: keep it by name
    }
  }

  /** Collects the candidates, per OS, as folders times file names. */
  public static final class Builder {
    private final Map<Os, Set<String>> candidates = new EnumMap<>(Os.class);

    private Builder() {
      for (Os os : Os.values()) {
        candidates.put(os, new LinkedHashSet<>());
      }
    }

    /**
     * Adds each of {@code names} in each of {@code dirs} (names first, so a vendor stays together).
     */
    public Builder add(Os os, List<String> dirs, String... names) {
      for (String name : names) {
        if (name.contains("/") || name.contains("\\")) {
          throw new IllegalArgumentException("a file name, not a path: " + name);
        }
        for (String dir : dirs) {
          candidates.get(os).add(dir + os.separator() + name);
        }
      }
      return this;
    }

    /** Adds each of {@code names} in one folder. */
    public Builder add(Os os, String dir, String... names) {
      return add(os, List.of(dir), names);
    }

    public LibrarySearch build() {
      Map<Os, List<String>> lists = new EnumMap<>(Os.class);
      candidates.forEach((os, paths) -> lists.put(os, List.copyOf(paths)));
      return new LibrarySearch(lists);
    }
  }
}
