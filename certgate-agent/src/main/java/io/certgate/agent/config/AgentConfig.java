package io.certgate.agent.config;

import io.certgate.core.token.WebOrigin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's settings after the per-user file and the environment are merged.
 *
 * @param file the configuration file read, or where it would be read when absent
 * @param fileExists whether that file exists
 * @param port the loopback port (DESIGN.md §4 default 27150)
 * @param origins the allowed web origins
 * @param pkcs11Modules module paths configured by the user (the built-in list is added if {@code
 *     builtinModules})
 * @param builtinModules whether to add the well-known vendor modules of this OS
 * @param skfLibraries SKF library paths configured by the user (the built-in list is added if
 *     {@code builtinSkfLibraries})
 * @param builtinSkfLibraries whether to add the well-known vendor SKF libraries of this OS
 * @param skfTimeout how long a request may wait for an SKF library
 * @param softKeyFolder the folder of {@code *.p12} soft keys
 */
public record AgentConfig(
    Path file,
    boolean fileExists,
    int port,
    Set<WebOrigin> origins,
    List<Path> pkcs11Modules,
    boolean builtinModules,
    List<Path> skfLibraries,
    boolean builtinSkfLibraries,
    Duration skfTimeout,
    Path softKeyFolder) {

  public AgentConfig {
    origins = Set.copyOf(origins);
    pkcs11Modules = List.copyOf(pkcs11Modules);
    skfLibraries = List.copyOf(skfLibraries);
  }

  /** The file, when it exists. */
  public Optional<Path> existingFile() {
    return fileExists ? Optional.of(file) : Optional.empty();
  }
}
