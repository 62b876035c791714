package io.certgate.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.agent.config.AgentConfigLoader;
import io.certgate.agent.config.UserDirectories;
import io.certgate.agent.pin.TerminalPin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path home;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putIfAbsent("CERTGATE_AGENT_PKCS11_BUILTIN", "false");
    all.putIfAbsent("CERTGATE_AGENT_SOFTKEYS", home.resolve("none").toString());
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new Cli(
            new AgentConfigLoader(all, new UserDirectories(home)),
            new TerminalPin(Optional.empty(), new ByteArrayInputStream(new byte[0]), e),
            o,
            e)
        .execute(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheVersionAndBuildDateTheBuildWroteIn() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip())
        .matches(
            "certgate-agent \\d+\\.\\d+\\.\\d+\\S* \\(built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
  }

  @Test
  void unknownCommandsAndMissingOptionsAreUsageErrors() {
    assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
    assertThat(run(Map.of(), "sign", "--origin", "https://a.example")).isEqualTo(2);
    assertThat(
            run(Map.of(), "sign", "--origin", "https://a.example/path", "--nonce", "n".repeat(44)))
        .isEqualTo(2);
    assertThat(err()).contains("is not a web origin: it has a path");
  }

  @Test
  void aShortNonceIsRefusedBeforeAnyPinIsAsked() {
    assertThat(run(Map.of(), "sign", "--origin", "https://a.example", "--nonce", "short"))
        .isEqualTo(1);
    assertThat(err()).contains("BAD_REQUEST").doesNotContain("PIN for");
  }

  @Test
  void everyCommandSaysWhereTheConfigurationIsRead() {
    run(Map.of(), "list");
    assertThat(err()).contains("configuration: " + home.resolve("agent.properties"), "not found");
  }

  @Test
  void listWithNothingFoundSaysWhatToDo() {
    assertThat(run(Map.of(), "list")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no key or certificate found");
  }

  @Test
  void aConfiguredModuleThatDoesNotExistIsReportedAsAProblem() {
    assertThat(run(Map.of("CERTGATE_AGENT_PKCS11", "/nonexistent/libvendor.so"), "list")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("problem: PKCS#11 module not found: /nonexistent/libvendor.so");
  }

  @Test
  void aBadConfigurationIsAUsageError() {
    assertThat(run(Map.of("CERTGATE_AGENT_PORT", "x"), "list")).isEqualTo(2);
    assertThat(err()).contains("port");
  }
}
