package io.certgate.server;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages keep their boundaries: no cycles, no use of another module's internals, and
 * no arrow that its {@code package-info.java} does not allow ({@code @ApplicationModule(
 * allowedDependencies = …)}). The build also draws the modules and their arrows for the next
 * reader: into target/modules, and from there, in a stable order ({@link ModuleDocs}), into the
 * checked-in docs/modules, which therefore changes only when the modules do.
 */
class ModularityTest {
  private static final ApplicationModules MODULES = ApplicationModules.of(CertGateServer.class);

  @Test
  void verifiesModuleBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() throws IOException {
    Path generated = Path.of("target/modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    ModuleDocs.mirror(generated, Path.of("../docs/modules"));
  }
}
