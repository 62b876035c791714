package io.certgate.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.agent.SoftSkf;
import io.certgate.agent.token.Tokens;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonString;
import io.certgate.core.json.JsonValue;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a web page sees of an SKF key (DESIGN §4): a token of kind {@code skf} with the device's PIN
 * count, an auth token signed through the device, wrong PINs with {@code retriesLeft}, and a broken
 * SKF library named in {@code problems} without hiding the good one.
 */
class SkfHttpIT {
  private static final String ORIGIN = "http://localhost:8080";
  private static final String PIN = "975310";
  private static final String NONCE = "k".repeat(44);

  @TempDir static Path dir;

  private static AgentServer server;
  private static UserCredentials user;

  @BeforeAll
  static void start() throws Exception {
    Path library = SoftSkf.library(SoftSkf.Variant.FULL);
    Path devices = SoftSkf.reset();
    user = TestProvider.create("skf-http", KeyKind.SM2, Instant.now()).issueUser("国密丙");
    SoftSkf.device(devices, "ePass3000GM", "FT-0042", PIN, 4, user);
    Path broken = Files.writeString(dir.resolve("libbroken.so"), "\u007fELF, but no");
    Tokens tokens =
        Tokens.builder()
            .skfLibraries(List.of(broken, library))
            .skfTimeout(Duration.ofSeconds(5))
            .build();
    server =
        AgentServer.builder()
            .tokens(tokens)
            .version("skf")
            .allowedOrigins(Set.of(WebOrigin.parse(ORIGIN).orElseThrow()))
            .port(0)
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonObject get(String path) throws Exception {
    RawHttp.Response r = RawHttp.request(server.address(), "GET", path, ORIGIN, null);
    assertThat(r.status()).isEqualTo(200);
    return Json.parseObject(r.body(), JsonLimits.DEFAULT);
  }

  private static RawHttp.Response authenticate(String id, String pin) throws Exception {
    return RawHttp.request(
        server.address(),
        "POST",
        "/v1/authenticate",
        ORIGIN,
        "{\"certificateId\":\"" + id + "\",\"nonce\":\"" + NONCE + "\",\"pin\":\"" + pin + "\"}");
  }

  @Test
  void aPageSeesTheSkfTokenSignsWithItAndReadsTheProblemsOfABrokenLibrary() throws Exception {
    JsonObject status = get("/v1/status");
    List<JsonValue> tokens = status.requireArray("tokens").elements();
    assertThat(tokens).hasSize(1);
    JsonObject token = (JsonObject) tokens.get(0);
    assertThat(token.requireString("kind")).isEqualTo("skf");
    assertThat(token.requireString("label")).isEqualTo("ePass3000GM");
    assertThat(token.requireString("serial")).isEqualTo("FT-0042");
    assertThat(token.requireLong("pinRetriesLeft")).isEqualTo(4);
    assertThat(status.requireArray("problems").elements())
        .singleElement()
        .satisfies(
            p -> assertThat(((JsonString) p).value()).contains("libbroken.so", "cannot be loaded"));

    String der = Base64.getEncoder().encodeToString(user.signature().certificate().getEncoded());
    String id = null;
    for (JsonValue v : get("/v1/certificates").requireArray("certificates").elements()) {
      JsonObject c = (JsonObject) v;
      if (c.requireString("certificate").equals(der)) {
        id = c.requireString("id");
        assertThat(c.requireString("keyAlgorithm")).isEqualTo("SM2");
        assertThat(c.requireBoolean("signatureCapable")).isTrue();
      }
    }
    assertThat(id).isNotNull();

    RawHttp.Response wrong = authenticate(id, "000000");
    assertThat(wrong.status()).isEqualTo(401);
    JsonObject error = Json.parseObject(wrong.body(), JsonLimits.DEFAULT).requireObject("error");
    assertThat(error.requireString("code")).isEqualTo("PIN_INCORRECT");
    assertThat(error.requireLong("retriesLeft")).isEqualTo(3);

    RawHttp.Response signed = authenticate(id, PIN);
    assertThat(signed.status()).isEqualTo(200);
    TokenSignatureVerifier.verify(
        AuthTokens.parse(signed.body()),
        user.signature().certificate(),
        WebOrigin.of(ORIGIN),
        NONCE);
  }
}
