package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.cli.OpenSslPki.Kind;
import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with OpenSSL as an outside party: every certificate, CRL, OCSP response and token
 * signature the subclasses use is made by the {@code openssl} command line (one PKI per key kind,
 * each with an {@code openssl ocsp} responder), and the real {@code certgate} checker must accept
 * or refuse it with the right code.
 */
abstract class OpenSslInteropSupport {
  static final String ORIGIN = "https://zcy.example.gov.cn";

  @TempDir static Path work;

  static final Map<Kind, OpenSslPki> PKIS = new EnumMap<>(Kind.class);
  private static final List<OpenSslOcspResponder> RESPONDERS = new ArrayList<>();

  @BeforeAll
  static void makePkisWithOpenSsl() throws Exception {
    assumeTrue(OpenSsl.available(), "the openssl 3 command line is not installed");
    for (Kind kind : Kind.values()) {
      OpenSslPki pki = OpenSslPki.create(work, kind, OpenSslOcspResponder.freePort());
      PKIS.put(kind, pki);
      RESPONDERS.add(OpenSslOcspResponder.start(pki));
    }
  }

  @AfterAll
  static void stopResponders() {
    RESPONDERS.forEach(OpenSslOcspResponder::close);
    RESPONDERS.clear();
    PKIS.clear();
  }

  static Checked verifyToken(OpenSslPki pki, String origin, String nonce, Path token) {
    return check(
        "verify-token",
        "--anchors",
        pki.file("root.crt"),
        "--origin",
        origin,
        "--nonce",
        nonce,
        token.toString());
  }

  static String nonce() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  static String[] concat(String[] first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  static Checked check(String... args) {
    CliRun run = CliRun.of(args);
    try {
      return new Checked(run, Json.parseObject(run.stdout().strip(), JsonLimits.DEFAULT));
    } catch (Exception e) {
      throw new AssertionError("stdout is not one JSON object: " + run, e);
    }
  }

  /** A run of the checker with its stdout parsed as the one JSON object it must print. */
  record Checked(CliRun run, JsonObject json) {
    void assertValid() {
      assertThat(run.exitStatus()).as(run.stdout()).isZero();
      assertThat(json.get("valid"))
          .as(run.stdout())
          .hasValue(io.certgate.core.json.JsonBoolean.TRUE);
    }

    void assertRefused(String code) {
      assertThat(string("error")).as(run.stdout()).isEqualTo(code);
      assertThat(run.exitStatus()).as(run.stdout()).isEqualTo(1);
      assertThat(json.get("valid")).hasValue(io.certgate.core.json.JsonBoolean.FALSE);
    }

    String string(String name) {
      try {
        return json.requireString(name);
      } catch (Exception e) {
        throw new AssertionError(name + " missing in " + run.stdout(), e);
      }
    }

    List<String> strings(String name) {
      try {
        List<String> values = new ArrayList<>();
        for (var value : json.requireArray(name).elements()) {
          values.add(((io.certgate.core.json.JsonString) value).value());
        }
        return values;
      } catch (Exception e) {
        throw new AssertionError(name + " missing in " + run.stdout(), e);
      }
    }
  }
}
