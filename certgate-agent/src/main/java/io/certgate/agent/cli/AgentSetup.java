package io.certgate.agent.cli;

import io.certgate.agent.config.AgentConfig;
import io.certgate.agent.status.StatusPage;
import io.certgate.agent.token.Tokens;
import io.certgate.agent.token.WellKnownModules;
import io.certgate.agent.token.WellKnownSkfLibraries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a configuration into the agent's parts. */
final class AgentSetup {
  private AgentSetup() {}

  static Tokens tokens(AgentConfig config) {
    List<Path> modules = new ArrayList<>(config.pkcs11Modules());
    if (config.builtinModules()) {
      modules.addAll(WellKnownModules.present());
    }
    List<Path> skf = new ArrayList<>(config.skfLibraries());
    if (config.builtinSkfLibraries()) {
      skf.addAll(WellKnownSkfLibraries.present());
    }
    return Tokens.builder()
        .pkcs11Modules(modules)
        .skfLibraries(skf)
        .skfTimeout(config.skfTimeout())
        .softKeyFolder(config.softKeyFolder())
        .build();
  }

  static StatusPage statusPage(AgentConfig config, Tokens tokens, String version) {
    return new StatusPage(
        version,
        tokens.modules(),
        tokens.skfLibraries(),
        Optional.of(config.softKeyFolder()),
        Optional.of(config.file()));
  }

  /** One line saying where the configuration comes from, printed by every command. */
  static String configLine(AgentConfig config) {
    return config.fileExists()
        ? "configuration: " + config.file()
        : "configuration: " + config.file() + " (not found: defaults and environment variables)";
  }
}
