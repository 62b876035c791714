package io.certgate.server.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client packages the 驱动下载 page offers: the files found in {@code certgate.ca.agent-packages}
 * (never built here), plus the configured client jar as an any-OS package. Each file's size and
 * SHA-256 are computed once per path, modification time and size.
 */
@Component
class ClientPackages {
  /** The operating systems a package is for, and a visitor can be on. */
  enum Os {
    WINDOWS("Windows"),
    MAC("macOS"),
    LINUX("Linux"),
    ANY("任意系统(需Java 17+)"),
    UNKNOWN("未识别的系统");

    final String label;

    Os(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The visitor's system from a browser's User-Agent; UOS and Kylin desktops say Linux. */
    static Os fromUserAgent(@Nullable String userAgent) {
      if (userAgent == null) {
        return UNKNOWN;
      }
      String ua = userAgent.toLowerCase(Locale.ROOT);
      if (ua.contains("windows")) {
        return WINDOWS;
      }
      if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("android")) {
        return UNKNOWN;
      }
      if (ua.contains("mac os x") || ua.contains("macintosh")) {
        return MAC;
      }
      if (ua.contains("linux") || ua.contains("uos") || ua.contains("kylin")) {
        return LINUX;
      }
      return UNKNOWN;
    }

    /** The system a package file is for, from its extension; empty for files not offered. */
    static Optional<Os> ofFile(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.endsWith(".deb")) {
        return Optional.of(LINUX);
      }
      if (n.endsWith(".msi") || n.endsWith(".exe")) {
        return Optional.of(WINDOWS);
      }
      if (n.endsWith(".pkg") || n.endsWith(".dmg")) {
        return Optional.of(MAC);
      }
      if (n.endsWith(".jar") || n.endsWith(".zip")) {
        return Optional.of(ANY);
      }
      return Optional.empty();
    }
  }

  /** One downloadable package. */
  record Package(String name, Os os, long size, String sha256, Path path) {
    public String sizeText() {
      if (size < 1024) {
        return size + " B";
      }
      if (size < 1024 * 1024) {
        return String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
      }
      return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
  }

  private record Stamp(long modified, long size, String sha256) {}

  private final @Nullable Path folder;
  private final @Nullable Path agentJar;
  private final Map<Path, Stamp> hashes = new ConcurrentHashMap<>();

  ClientPackages(
      @Value("${certgate.ca.agent-packages:}") String folder,
      @Value("${certgate.ca.agent-jar:}") String agentJar) {
    this.folder = folder.isBlank() ? null : Path.of(folder);
    this.agentJar = agentJar.isBlank() ? defaultJar() : Path.of(agentJar);
  }

  /** The client jar the build left beside the server, when none is configured. */
  private static @Nullable Path defaultJar() {
    return Stream.of(
            Path.of("certgate-agent", "target", ProviderPages.CLIENT_FILE),
            Path.of("..", "certgate-agent", "target", ProviderPages.CLIENT_FILE))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElse(null);
  }

  /**
   * The packages offered now: the folder's, by name, then the client jar unless the folder has one
   * of that name.
   */
  List<Package> all() {
    List<Package> list = new ArrayList<>();
    if (folder != null && Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files
            .filter(Files::isRegularFile)
            .sorted(Comparator.comparing(p -> p.getFileName().toString()))
            .forEach(
                p ->
                    Os.ofFile(p.getFileName().toString())
                        .flatMap(os -> describe(p, p.getFileName().toString(), os))
                        .ifPresent(list::add));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (agentJar != null
        && Files.isRegularFile(agentJar)
        && list.stream().noneMatch(p -> p.name().equals(ProviderPages.CLIENT_FILE))) {
      describe(agentJar, ProviderPages.CLIENT_FILE, Os.ANY).ifPresent(list::add);
    }
    return list;
  }

  /** A package by its listed name only: any other name (a path, {@code ..}) finds nothing. */
  Optional<Package> find(String name) {
    return all().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private Optional<Package> describe(Path file, String name, Os os) {
    try {
      long size = Files.size(file);
      long modified = Files.getLastModifiedTime(file).toMillis();
      Path key = file.toAbsolutePath().normalize();
      Stamp stamp = hashes.get(key);
      if (stamp == null || stamp.modified() != modified || stamp.size() != size) {
        stamp = new Stamp(modified, size, sha256(file));
        hashes.put(key, stamp);
      }
      return Optional.of(new Package(name, os, size, stamp.sha256(), file));
    } catch (IOException e) {
      return Optional.empty(); // removed while listing: not offered
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
