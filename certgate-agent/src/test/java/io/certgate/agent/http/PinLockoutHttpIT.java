package io.certgate.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.agent.PinLockoutModule;
import io.certgate.agent.SoftHsm;
import io.certgate.agent.token.Tokens;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonNull;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonValue;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a web page sees of a key that counts wrong PINs and locks (SoftHSM2 behind the test-only
 * lockout module, 3 tries): the error JSON of DESIGN §4 with {@code retriesLeft} at the final try,
 * then {@code PIN_LOCKED}, and {@code "locked":true} in {@code /v1/status}.
 */
class PinLockoutHttpIT {
  private static final String ORIGIN = "http://localhost:8080";
  private static final String PIN = "864200";
  private static final String WRONG = "111111";
  private static final String NONCE = "q".repeat(44);

  private static AgentServer server;
  private static UserCredentials user;
  private static String label;

  @BeforeAll
  static void start() throws Exception {
    Tokens tokens =
        Tokens.builder()
            .pkcs11Modules(List.of(PinLockoutModule.module()))
            .rescanInterval(Duration.ZERO)
            .build();
    assertThat(PinLockoutModule.maxTries()).as("tries the build gives the module").isEqualTo(3);
    SoftHsm.tokens(); // the configuration must exist before the module is first initialised
    user = TestProvider.create("lock-http", KeyKind.EC_P256, Instant.now()).issueUser("陈锁三");
    label = "lh-" + UUID.randomUUID().toString().substring(0, 8);
    SoftHsm.provision(label, PIN, user);
    server =
        AgentServer.builder()
            .tokens(tokens)
            .version("lockout")
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

  private static String listedId(X509Certificate cert) throws Exception {
    RawHttp.Response r = RawHttp.request(server.address(), "GET", "/v1/certificates", ORIGIN, null);
    String der = Base64.getEncoder().encodeToString(cert.getEncoded());
    for (JsonValue v : json(r).requireArray("certificates").elements()) {
      if (((JsonObject) v).requireString("certificate").equals(der)) {
        return ((JsonObject) v).requireString("id");
      }
    }
    throw new AssertionError("certificate not listed");
  }

  private static RawHttp.Response authenticate(String id, String pin) throws Exception {
    return RawHttp.request(
        server.address(),
        "POST",
        "/v1/authenticate",
        ORIGIN,
        "{\"certificateId\":\"" + id + "\",\"nonce\":\"" + NONCE + "\",\"pin\":\"" + pin + "\"}");
  }

  private static JsonObject json(RawHttp.Response r) throws Exception {
    return Json.parseObject(r.body(), JsonLimits.DEFAULT);
  }

  private static JsonObject statusOfToken() throws Exception {
    RawHttp.Response r = RawHttp.request(server.address(), "GET", "/v1/status", ORIGIN, null);
    assertThat(r.status()).isEqualTo(200);
    for (JsonValue v : json(r).requireArray("tokens").elements()) {
      if (((JsonObject) v).requireString("label").equals(label)) {
        return (JsonObject) v;
      }
    }
    throw new AssertionError("token " + label + " not in the status");
  }

  @Test
  void aPageSeesRetriesLeftAtTheFinalTryThenPinLockedAndALockedToken() throws Exception {
    String id = listedId(user.signature().certificate());
    assertThat(statusOfToken().require("pinRetriesLeft")).isEqualTo(JsonNull.INSTANCE);

    RawHttp.Response first = authenticate(id, WRONG);
    assertThat(first.status()).isEqualTo(401);
    JsonObject firstError = json(first).requireObject("error");
    assertThat(firstError.requireString("code")).isEqualTo("PIN_INCORRECT");
    assertThat(firstError.names()).containsExactlyInAnyOrder("code", "message");

    RawHttp.Response finalTry = authenticate(id, WRONG);
    assertThat(finalTry.status()).isEqualTo(401);
    assertThat(json(finalTry).names()).containsExactly("error");
    JsonObject error = json(finalTry).requireObject("error");
    assertThat(error.names()).containsExactlyInAnyOrder("code", "message", "retriesLeft");
    assertThat(error.requireString("code")).isEqualTo("PIN_INCORRECT");
    assertThat(error.requireLong("retriesLeft")).isEqualTo(1);
    assertThat(finalTry.body()).doesNotContain(WRONG);
    assertThat(statusOfToken().requireLong("pinRetriesLeft")).isEqualTo(1);
    assertThat(statusOfToken().requireBoolean("locked")).isFalse();

    RawHttp.Response locking = authenticate(id, WRONG);
    assertThat(locking.status()).isEqualTo(423);
    assertThat(json(locking).requireObject("error").requireString("code")).isEqualTo("PIN_LOCKED");

    RawHttp.Response rightPin = authenticate(id, PIN);
    assertThat(rightPin.status()).isEqualTo(423);
    assertThat(json(rightPin).requireObject("error").requireString("code")).isEqualTo("PIN_LOCKED");
    assertThat(json(rightPin).requireObject("error").names()).doesNotContain("retriesLeft");

    JsonObject token = statusOfToken();
    assertThat(token.requireBoolean("locked")).isTrue();
    assertThat(token.requireLong("pinRetriesLeft")).isZero();
    assertThat(token.requireString("kind")).isEqualTo("pkcs11");
  }
}
