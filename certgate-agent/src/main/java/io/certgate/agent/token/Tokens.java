package io.certgate.agent.token;

import io.certgate.agent.AgentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every key the agent can see: the tokens of its PKCS#11 modules and SKF libraries, and the
 * soft-key folder. Each call looks again (no restart is needed after inserting or removing a key);
 * nothing read is kept.
 */
public interface Tokens {

  /** The tokens present now, each with the certificates it shows without a PIN. */
  List<TokenSnapshot> scan();

  /** Problems of the last scan (a module that failed to load, an unreadable file), for people. */
  List<String> problems();

  /** The PKCS#11 modules in use, after removing duplicates and files that do not exist. */
  List<Path> modules();

  /** The SKF libraries in use, after removing duplicates and files that do not exist. */
  List<Path> skfLibraries();

  /**
   * Finds the certificate again, checks it may sign, logs in with the PIN, runs the operation with
   * its private key and logs out. The caller clears the PIN afterwards.
   *
   * @throws AgentException {@code TOKEN_NOT_PRESENT} when its token was removed, {@code
   *     CERT_NOT_FOUND}, {@code NOT_SIGNATURE_CERT}, {@code PIN_INCORRECT}, {@code PIN_LOCKED}, or
   *     {@code INTERNAL}
   */
  <T> T withKey(String certificateId, char[] pin, KeyOperation<T> operation) throws AgentException;

  static Builder builder() {
    return new Builder();
  }

  /** Configures the key sources. */
  final class Builder {
    private final List<Path> modules = new ArrayList<>();
    private final List<Path> skfLibraries = new ArrayList<>();
    private Duration skfTimeout = Duration.ofSeconds(30);
    private Optional<Path> softKeys = Optional.empty();
    private Duration rescanInterval = Duration.ofSeconds(1);

    private Builder() {}

    /** Adds PKCS#11 modules; paths that are not files are skipped and reported as problems. */
    public Builder pkcs11Modules(List<Path> paths) {
      modules.addAll(paths);
      return this;
    }

    /**
     * Adds SKF libraries (GM/T 0016); paths that are not files are skipped and reported as
     * problems.
     */
    public Builder skfLibraries(List<Path> paths) {
      skfLibraries.addAll(paths);
      return this;
    }

    /**
     * How long one request may wait for an SKF library (default 30 s): a library that does not
     * answer in time fails the request instead of hanging the client.
     */
    public Builder skfTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("SKF timeout must be positive");
      }
      skfTimeout = timeout;
      return this;
    }

    /** The folder of {@code *.p12} soft keys. */
    public Builder softKeyFolder(Path folder) {
      softKeys = Optional.of(folder);
      return this;
    }

    /**
     * How long a module's slot list may be reused before the module is re-initialised to see
     * inserted keys (default 1 s; zero re-initialises at every request).
     */
    public Builder rescanInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("rescan interval must not be negative");
      }
      rescanInterval = interval;
      return this;
    }

    public Tokens build() {
      List<KeySource> sources = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (Path p : modules) {
        if (!Files.isRegularFile(p)) {
          missing.add("PKCS#11 module not found: " + p);
        }
      }
      for (Path p : skfLibraries) {
        if (!Files.isRegularFile(p)) {
          missing.add("SKF library not found: " + p);
        }
      }
      List<Path> used = distinctFiles(modules);
      for (Path module : used) {
        sources.add(new Pkcs11Module(module, rescanInterval));
      }
      List<Path> skf = distinctFiles(skfLibraries);
      for (Path library : skf) {
        sources.add(new SkfLibrary(library, skfTimeout));
      }
      softKeys.ifPresent(folder -> sources.add(new SoftKeyFolder(folder)));
      return new DefaultTokens(sources, used, skf, missing);
    }

    /** Real paths, so that a symlink and its target are loaded once. */
    private static List<Path> distinctFiles(List<Path> paths) {
      Set<Path> seen = new LinkedHashSet<>();
      for (Path p : paths) {
        Objects.requireNonNull(p);
        if (Files.isRegularFile(p)) {
          try {
            seen.add(p.toRealPath());
          } catch (IOException e) {
            // vanished between the two checks: not a module then
          }
        }
      }
      return List.copyOf(seen);
    }
  }
}
