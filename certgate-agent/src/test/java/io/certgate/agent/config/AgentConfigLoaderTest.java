package io.certgate.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.core.token.WebOrigin;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {
  @TempDir Path home;

  private AgentConfigLoader loader(Map<String, String> env) {
    return new AgentConfigLoader(env, new UserDirectories(home.resolve("cfg")));
  }

  private static WebOrigin origin(String s) {
    return WebOrigin.parse(s).orElseThrow();
  }

  @Test
  void withoutFileOrEnvironmentTheDefaultsServeTheDemo() throws Exception {
    AgentConfig config = loader(Map.of()).load();

    assertThat(config.fileExists()).isFalse();
    assertThat(config.file()).isEqualTo(home.resolve("cfg/agent.properties"));
    assertThat(config.port()).isEqualTo(27150);
    assertThat(config.origins()).containsExactly(origin("http://localhost:8080"));
    assertThat(config.pkcs11Modules()).isEmpty();
    assertThat(config.builtinModules()).isTrue();
    assertThat(config.skfLibraries()).isEmpty();
    assertThat(config.builtinSkfLibraries()).isTrue();
    assertThat(config.skfTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(config.softKeyFolder()).isEqualTo(home.resolve("cfg/softkeys"));
  }

  @Test
  void theFileSetsEveryKey() throws Exception {
    Files.createDirectories(home.resolve("cfg"));
    Files.writeString(
        home.resolve("cfg/agent.properties"),
        "port = 28000\norigins = https://www.zcygov.cn, https://zj.zcygov.cn\n"
            + "pkcs11 = /opt/a/liba.so"
            + File.pathSeparator
            + "/opt/b/libb.so\npkcs11.builtin = false\nsoftkeys = /srv/软证书\n"
            + "skf = /opt/gm/libgm3000.1.0.so"
            + File.pathSeparator
            + "/opt/ft/libes_3000gm.so.1.0.0\nskf.builtin = false\nskf.timeout = 12\n",
        StandardCharsets.UTF_8);

    AgentConfig config = loader(Map.of()).load();

    assertThat(config.fileExists()).isTrue();
    assertThat(config.port()).isEqualTo(28000);
    assertThat(config.origins())
        .containsExactlyInAnyOrder(origin("https://www.zcygov.cn"), origin("https://zj.zcygov.cn"));
    assertThat(config.pkcs11Modules())
        .containsExactly(Path.of("/opt/a/liba.so"), Path.of("/opt/b/libb.so"));
    assertThat(config.builtinModules()).isFalse();
    assertThat(config.skfLibraries())
        .containsExactly(
            Path.of("/opt/gm/libgm3000.1.0.so"), Path.of("/opt/ft/libes_3000gm.so.1.0.0"));
    assertThat(config.builtinSkfLibraries()).isFalse();
    assertThat(config.skfTimeout()).isEqualTo(java.time.Duration.ofSeconds(12));
    assertThat(config.softKeyFolder()).isEqualTo(Path.of("/srv/软证书"));
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    Files.createDirectories(home.resolve("cfg"));
    Files.writeString(
        home.resolve("cfg/agent.properties"), "port = 28000\norigins = https://a.example\n");

    AgentConfig config =
        loader(
                Map.of(
                    "CERTGATE_AGENT_PORT", "29000",
                    "CERTGATE_AGENT_ORIGINS", "https://b.example",
                    "CERTGATE_AGENT_PKCS11", "/x/liby.so",
                    "CERTGATE_AGENT_SKF", "/x/libskf.so",
                    "CERTGATE_AGENT_SKF_TIMEOUT", "5",
                    "CERTGATE_AGENT_SOFTKEYS", "/keys"))
            .load();

    assertThat(config.port()).isEqualTo(29000);
    assertThat(config.origins()).containsExactly(origin("https://b.example"));
    assertThat(config.pkcs11Modules()).containsExactly(Path.of("/x/liby.so"));
    assertThat(config.skfLibraries()).containsExactly(Path.of("/x/libskf.so"));
    assertThat(config.skfTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(config.softKeyFolder()).isEqualTo(Path.of("/keys"));
  }

  @Test
  void anotherFileCanBeNamed() throws Exception {
    Path other = home.resolve("other.properties");
    Files.writeString(other, "port = 30000\n");

    AgentConfig config = loader(Map.of(AgentConfigLoader.CONFIG_ENV, other.toString())).load();

    assertThat(config.file()).isEqualTo(other);
    assertThat(config.port()).isEqualTo(30000);
  }

  @Test
  void originsAreWrittenAsTheBrowserSendsThem() throws Exception {
    AgentConfig config =
        loader(Map.of("CERTGATE_AGENT_ORIGINS", "HTTPS://Www.ZcyGov.cn:443/, https://政府采购.cn"))
            .load();

    assertThat(config.origins())
        .containsExactlyInAnyOrder(
            origin("https://www.zcygov.cn"), origin("https://xn--mxtq1mhz1bv3d.cn"));
  }

  @Test
  void aBadOriginIsRefusedWithItsReason() {
    assertThatThrownBy(
            () -> loader(Map.of("CERTGATE_AGENT_ORIGINS", "https://a.example, a.example")).load())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("origins: \"a.example\" is not a web origin")
        .hasMessageContaining("it does not start with http(s)://");
  }

  @Test
  void badValuesAreRefusedWithTheKeyNamed() {
    for (Map<String, String> env :
        List.of(
            Map.of("CERTGATE_AGENT_PORT", "http"),
            Map.of("CERTGATE_AGENT_PORT", "70000"),
            Map.of("CERTGATE_AGENT_ORIGINS", "https://a.example/path"),
            Map.of("CERTGATE_AGENT_PKCS11_BUILTIN", "maybe"),
            Map.of("CERTGATE_AGENT_SKF_BUILTIN", "maybe"),
            Map.of("CERTGATE_AGENT_SKF_TIMEOUT", "0"),
            Map.of("CERTGATE_AGENT_SKF_TIMEOUT", "soon"))) {
      assertThatThrownBy(() -> loader(env).load())
          .as(env.toString())
          .isInstanceOf(ConfigException.class);
    }
  }

  @Test
  void userDirectoriesFollowEachOs() {
    Path h = Path.of("/home/u");
    assertThat(UserDirectories.of("Linux", h, Map.of()).configDirectory())
        .isEqualTo(Path.of("/home/u/.config/certgate"));
    assertThat(UserDirectories.of("Linux", h, Map.of("XDG_CONFIG_HOME", "/x")).configDirectory())
        .isEqualTo(Path.of("/x/certgate"));
    assertThat(UserDirectories.of("Mac OS X", h, Map.of()).configDirectory())
        .isEqualTo(Path.of("/home/u/Library/Application Support/CertGate"));
    assertThat(UserDirectories.of("Windows 10", h, Map.of("APPDATA", "/appdata")).configDirectory())
        .isEqualTo(Path.of("/appdata/CertGate"));
  }
}
