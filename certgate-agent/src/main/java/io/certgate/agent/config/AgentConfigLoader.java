package io.certgate.agent.config;

import io.certgate.core.token.WebOrigin;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@link AgentConfig}: defaults, then the per-user file, then environment variables (each
 * file key has one). The file is a UTF-8 properties file:
 *
 * <pre>
 * port = 27150
 * origins = https://www.zcygov.cn, http://localhost:8080
 * pkcs11 = /opt/vendor/libvendorpkcs11.so      (OS path separator between several)
 * pkcs11.builtin = true
 * skf = /opt/vendor/libvendorskf.so            (OS path separator between several)
 * skf.builtin = true
 * skf.timeout = 30                             (seconds)
 * softkeys = /home/me/.config/certgate/softkeys
 * </pre>
 */
public final class AgentConfigLoader {
  /** Environment variable naming another configuration file. */
  public static final String CONFIG_ENV = "CERTGATE_AGENT_CONFIG";

  static final String DEMO_ORIGIN = "http://localhost:8080";

  private enum Key {
    PORT("port", "CERTGATE_AGENT_PORT"),
    ORIGINS("origins", "CERTGATE_AGENT_ORIGINS"),
    PKCS11("pkcs11", "CERTGATE_AGENT_PKCS11"),
    PKCS11_BUILTIN("pkcs11.builtin", "CERTGATE_AGENT_PKCS11_BUILTIN"),
    SKF("skf", "CERTGATE_AGENT_SKF"),
    SKF_BUILTIN("skf.builtin", "CERTGATE_AGENT_SKF_BUILTIN"),
    SKF_TIMEOUT("skf.timeout", "CERTGATE_AGENT_SKF_TIMEOUT"),
    SOFTKEYS("softkeys", "CERTGATE_AGENT_SOFTKEYS");

    final String property;
    final String env;

    Key(String property, String env) {
      this.property = property;
      this.env = env;
    }
  }

  private final Map<String, String> env;
  private final UserDirectories dirs;

  /** A loader over an environment and the user's directories (injected so tests need neither). */
  public AgentConfigLoader(Map<String, String> env, UserDirectories dirs) {
    this.env = Map.copyOf(env);
    this.dirs = dirs;
  }

  /** The loader of this process: its environment, its user, its OS. */
  public static AgentConfigLoader forThisProcess() {
    return new AgentConfigLoader(System.getenv(), UserDirectories.forThisProcess());
  }

  public AgentConfig load() throws ConfigException {
    Path file =
        Optional.ofNullable(env.get(CONFIG_ENV))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElse(dirs.configDirectory().resolve("agent.properties"));
    Properties props = new Properties();
    boolean exists = Files.isRegularFile(file);
    if (exists) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(in);
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("cannot read " + file + ": " + e.getMessage());
      }
    }
    return new AgentConfig(
        file,
        exists,
        port(value(props, Key.PORT).orElse("27150")),
        origins(value(props, Key.ORIGINS).orElse(DEMO_ORIGIN)),
        paths(value(props, Key.PKCS11).orElse("")),
        bool(Key.PKCS11_BUILTIN, value(props, Key.PKCS11_BUILTIN).orElse("true")),
        paths(value(props, Key.SKF).orElse("")),
        bool(Key.SKF_BUILTIN, value(props, Key.SKF_BUILTIN).orElse("true")),
        seconds(Key.SKF_TIMEOUT, value(props, Key.SKF_TIMEOUT).orElse("30")),
        value(props, Key.SOFTKEYS)
            .map(Path::of)
            .orElse(dirs.configDirectory().resolve("softkeys")));
  }

  private Optional<String> value(Properties props, Key key) {
    String fromEnv = env.get(key.env);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.strip());
    }
    return Optional.ofNullable(props.getProperty(key.property)).map(String::strip);
  }

  private static int port(String text) throws ConfigException {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new ConfigException("port must be 1 to 65535, not " + text);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException("port must be a number, not \"" + text + "\"");
    }
  }

  private static Set<WebOrigin> origins(String text) throws ConfigException {
    Set<WebOrigin> origins = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      String candidate = part.strip();
      if (candidate.isEmpty()) {
        continue;
      }
      try {
        origins.add(WebOrigin.of(candidate));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(Key.ORIGINS.property + ": " + e.getMessage());
      }
    }
    return origins;
  }

  private static List<Path> paths(String text) {
    List<Path> paths = new ArrayList<>();
    for (String part : text.split(Pattern.quote(File.pathSeparator))) {
      if (!part.isBlank()) {
        paths.add(Path.of(part.strip()));
      }
    }
    return paths;
  }

  private static Duration seconds(Key key, String text) throws ConfigException {
    try {
      int seconds = Integer.parseInt(text);
      if (seconds < 1 || seconds > 600) {
        throw new ConfigException(key.property + " must be 1 to 600 seconds, not " + text);
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new ConfigException(
          key.property + " must be a number of seconds, not \"" + text + "\"");
    }
  }

  private static boolean bool(Key key, String text) throws ConfigException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new ConfigException(key.property + " must be true or false");
    };
  }
}
