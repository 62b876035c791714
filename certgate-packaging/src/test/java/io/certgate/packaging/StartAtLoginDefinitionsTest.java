package io.certgate.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The start-at-login definitions of the Windows .msi and the macOS .pkg, as the build filled them
 * in (target/jpackage-resources), checked on this Linux machine where jpackage cannot build those
 * packages: well-formed XML, pointing at the launcher where jpackage puts it (from the same Maven
 * properties as jpackage's --name and --install-dir), wired into the OS profiles' jpackage calls.
 */
class StartAtLoginDefinitionsTest {
  private static final String RUN_KEY = "Software\\Microsoft\\Windows\\CurrentVersion\\Run";
  private final Path resources = Path.of(System.getProperty("certgate.packaging.resources"));
  private final String windowsName = System.getProperty("certgate.packaging.windows-name");
  private final String macName = System.getProperty("certgate.packaging.mac-name");
  private final String macInstallDir = System.getProperty("certgate.packaging.mac-install-dir");
  private final String label = System.getProperty("certgate.packaging.mac-label");

  @Test
  void theMsiAddsAPerUserRunValueStartingTheLauncherThatUninstallingRemoves() throws Exception {
    Document wxs = parse(resources.resolve("windows/main.wxs"));

    List<Element> runValues =
        elements(wxs, "RegistryValue").stream()
            .filter(v -> v.getAttribute("Key").equals(RUN_KEY))
            .toList();
    assertThat(runValues).hasSize(1);
    Element run = runValues.get(0);
    assertThat(run.getAttribute("Root")).as("the user's own hive").isEqualTo("HKCU");
    assertThat(run.getAttribute("Name")).isEqualTo(windowsName);
    // jpackage puts <name>.exe in the installation folder, INSTALLDIR
    assertThat(run.getAttribute("Value")).isEqualTo("\"[INSTALLDIR]" + windowsName + ".exe\" run");
    assertThat(run.getAttribute("KeyPath")).isEqualTo("yes");

    // removed on uninstall: an ordinary (not permanent) component of the product's one feature
    Element component = (Element) run.getParentNode();
    assertThat(component.getLocalName()).isEqualTo("Component");
    assertThat(component.getAttribute("Permanent")).isNotEqualTo("yes");
    assertThat(component.getAttribute("Guid")).matches("[0-9a-f-]{36}");
    Element feature = elements(wxs, "Feature").get(0);
    assertThat(feature.getAttribute("Id")).isEqualTo("DefaultFeature");
    assertThat(children(feature, "ComponentRef"))
        .extracting(e -> e.getAttribute("Id"))
        .containsExactly(component.getAttribute("Id"));
    // and what jpackage generates is still installed
    assertThat(children(feature, "ComponentGroupRef"))
        .extracting(e -> e.getAttribute("Id"))
        .containsExactlyInAnyOrder("Shortcuts", "Files", "FileAssociations");
    assertThat(elements(wxs, "Package").get(0).getAttribute("InstallScope"))
        .isEqualTo("$(var.JpInstallScope)");
  }

  @Test
  void theLaunchAgentRunsTheAppBundlesLauncherAtLogin() throws Exception {
    Document plist = parse(resources.resolve("macos-app/" + label + ".plist"));

    Element dict = children(plist.getDocumentElement(), "dict").get(0);
    assertThat(value(dict, "Label").getTextContent()).isEqualTo(label);
    assertThat(value(dict, "RunAtLoad").getLocalName()).isEqualTo("true");
    // jpackage's macOS launcher: <install dir>/<name>.app/Contents/MacOS/<name>
    assertThat(children(value(dict, "ProgramArguments"), "string"))
        .extracting(Node::getTextContent)
        .containsExactly(macInstallDir + "/" + macName + ".app/Contents/MacOS/" + macName, "run");
  }

  @Test
  void thePkgPostinstallCopiesTheLaunchAgentFromTheAppIntoLibraryLaunchAgents() throws Exception {
    String postinstall = Files.readString(resources.resolve("macos/postinstall"));

    assertThat(postinstall).startsWith("#!/bin/sh\n");
    // the plist rides in the app's Contents/app (jpackage's --input folder, see the macos profile)
    assertThat(postinstall)
        .contains("\"" + macInstallDir + "/" + macName + ".app/Contents/app/" + label + ".plist\"")
        .contains("PLIST=\"/Library/LaunchAgents/" + label + ".plist\"")
        .contains("launchctl bootstrap");
    String uninstall = Files.readString(resources.resolve("macos-app/uninstall.sh"));
    assertThat(uninstall)
        .contains("rm -f \"/Library/LaunchAgents/" + label + ".plist\"")
        .contains("rm -rf \"" + macInstallDir + "/" + macName + ".app\"")
        .contains("launchctl bootout");
    for (Path script :
        List.of(
            resources.resolve("macos/postinstall"), resources.resolve("macos-app/uninstall.sh"))) {
      assertThat(Shell.run("sh", "-n", script.toString()).exit()).as(script + " parses").isZero();
    }
  }

  @Test
  void everyPlaceholderWasFilledIn() throws IOException {
    try (Stream<Path> files = Files.walk(resources)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain("${");
      }
    }
  }

  @Test
  void theWindowsAndMacProfilesHandTheseFoldersAndNamesToJpackage() throws Exception {
    Document pom = parse(Path.of(System.getProperty("certgate.packaging.basedir"), "pom.xml"));

    assertThat(jpackageArguments(pom, "windows"))
        .containsSequence("--name", "${windows.app.name}")
        .containsSequence("--resource-dir", "${jpackage.resources.dir}/windows")
        .contains("--win-per-user-install");
    assertThat(jpackageArguments(pom, "macos"))
        .containsSequence("--name", "${mac.app.name}")
        .containsSequence("--install-dir", "${mac.install.dir}")
        .containsSequence("--resource-dir", "${jpackage.resources.dir}/macos")
        .containsSequence("--input", "${input.dir}");
    Element macProfile = profile(pom, "macos");
    assertThat(elements(macProfile, "directory"))
        .extracting(Node::getTextContent)
        .contains("${jpackage.resources.dir}/macos-app");
  }

  private static List<String> jpackageArguments(Document pom, String profileId) {
    for (Element execution : elements(profile(pom, profileId), "execution")) {
      if (text(execution, "id").equals("jpackage")) {
        return elements(execution, "argument").stream().map(Node::getTextContent).toList();
      }
    }
    throw new AssertionError("no jpackage execution in profile " + profileId);
  }

  private static Element profile(Document pom, String id) {
    return elements(pom.getDocumentElement(), "profile").stream()
        .filter(p -> text(p, "id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no profile " + id));
  }

  /** The value element that follows {@code <key>name</key>} in a plist dict. */
  private static Element value(Element dict, String key) {
    List<Element> entries = children(dict, null);
    for (int i = 0; i + 1 < entries.size(); i++) {
      if (entries.get(i).getLocalName().equals("key")
          && entries.get(i).getTextContent().equals(key)) {
        return entries.get(i + 1);
      }
    }
    throw new AssertionError("no key " + key);
  }

  private static String text(Element parent, String child) {
    List<Element> found = children(parent, child);
    return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // the plist names Apple's DTD: never fetch it, a test must not need the network
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory
        .newDocumentBuilder()
        .parse(file.toFile()); // throws on XML that is not well-formed
  }

  private static List<Element> elements(Document document, String localName) {
    return elements(document.getDocumentElement(), localName);
  }

  private static List<Element> elements(Element root, String localName) {
    NodeList nodes = root.getElementsByTagNameNS("*", localName);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
        found.add(e);
      }
    }
    return found;
  }
}
