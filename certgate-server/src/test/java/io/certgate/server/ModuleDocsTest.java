package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModuleDocs}: the checked-in module docs do not depend on the Documenter's hash order. */
class ModuleDocsTest {

  @Test
  void sortsEachListAndLeavesEverythingElseInPlace() {
    String oneRun =
        String.join(
            "\n",
            "@startuml",
            "  Component(B, \"B\")",
            "  Component(A, \"A\")",
            "}",
            "Rel(B, A, \"uses\")",
            "Rel(A, C, \"depends on\")",
            "",
            "SHOW_LEGEND(true)");
    String otherRun =
        String.join(
            "\n",
            "@startuml",
            "  Component(A, \"A\")",
            "  Component(B, \"B\")",
            "}",
            "Rel(A, C, \"depends on\")",
            "Rel(B, A, \"uses\")",
            "",
            "SHOW_LEGEND(true)");
    assertThat(ModuleDocs.normalized(oneRun))
        .isEqualTo(ModuleDocs.normalized(otherRun))
        .isEqualTo(otherRun);
  }

  @Test
  void keepsAnAsciiDocCellMarkerOnTheFirstItemOfItsList() {
    String generated =
        String.join(
            "\n",
            "|Bean references",
            "|* `z` (in Z)",
            "* `a` (in A)",
            "|Events listened to",
            "|* `y` ",
            "* `b` ",
            "|===");
    assertThat(ModuleDocs.normalized(generated))
        .isEqualTo(
            String.join(
                "\n",
                "|Bean references",
                "|* `a` (in A)",
                "* `z` (in Z)",
                "|Events listened to",
                "|* `b` ",
                "* `y` ",
                "|==="));
  }

  @Test
  void mirrorWritesNormalisedFilesAndRemovesThoseNoLongerGenerated(@TempDir Path dir)
      throws IOException {
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(generated.resolve("module-a.puml"), "Rel(b)\nRel(a)");
    Files.writeString(docs.resolve("module-gone.puml"), "Rel(x)");

    ModuleDocs.mirror(generated, docs);

    assertThat(Files.readString(docs.resolve("module-a.puml"))).isEqualTo("Rel(a)\nRel(b)");
    assertThat(docs.resolve("module-gone.puml")).doesNotExist();
  }
}
