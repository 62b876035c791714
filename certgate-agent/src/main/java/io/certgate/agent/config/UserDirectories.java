package io.certgate.agent.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a user's configuration lives on each OS: {@code %APPDATA%\CertGate} on Windows, {@code
 * ~/Library/Application Support/CertGate} on macOS, {@code $XDG_CONFIG_HOME/certgate} (default
 * {@code ~/.config/certgate}) elsewhere.
 */
public record UserDirectories(Path configDirectory) {

  public static UserDirectories forThisProcess() {
    return of(
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home")),
        System.getenv());
  }

  static UserDirectories of(String osName, Path home, Map<String, String> env) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base = appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
      return new UserDirectories(base.resolve("CertGate"));
    }
    if (os.startsWith("mac")) {
      return new UserDirectories(home.resolve("Library/Application Support/CertGate"));
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    return new UserDirectories(base.resolve("certgate"));
  }
}
