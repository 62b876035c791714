package io.certgate.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages keep their boundaries: no cycles, no use of another module's internals, and
 * no arrow that its {@code package-info.java} does not allow ({@code @ApplicationModule(
 * allowedDependencies = …)}). The build also draws the modules and their arrows into docs/modules
 * for the next reader.
 */
class ModularityTest {
  private static final ApplicationModules MODULES = ApplicationModules.of(CertGateServer.class);

  @Test
  void verifiesModuleBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
