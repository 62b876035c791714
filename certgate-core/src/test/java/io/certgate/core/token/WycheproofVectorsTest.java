package io.certgate.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wycheproof (C2SP) signature vectors, run through {@link RawSignatures#verifyRaw}, the primitive
 * {@link TokenSignatureVerifier} itself uses: every {@code valid} vector must verify and every
 * {@code invalid} one must be refused (or its key or signature fail to decode).
 *
 * <p>{@code acceptable} vectors are decided, not ignored. The choices:
 *
 * <ul>
 *   <li>RS256, flag {@code MissingNull} (tcId 8 of rsa_signature_2048_sha256): a PKCS#1 v1.5
 *       DigestInfo whose SHA-256 AlgorithmIdentifier omits the NULL parameters. Accepted, because
 *       Bouncy Castle's verifier accepts both encodings (RFC 8017 §9.2 note 2 permits accepting it)
 *       and the message hash is still fully checked, so no forgery follows. Asserted below, so a
 *       change of behaviour is noticed.
 * </ul>
 *
 * The ECDSA (P-256, P-384) and PSS files contain no {@code acceptable} vectors.
 */
class WycheproofVectorsTest {
  /** tcIds of acceptable vectors we accept, per file; all other acceptable ones must be refused. */
  private static final Set<String> ACCEPTED = Set.of("rsa_signature_2048_sha256_test.json#8");

  private static final JsonLimits FILE_LIMITS = new JsonLimits(64 << 20, 16, 1 << 20);

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "ecdsa_secp256r1_sha256_test.json, ES256, EC",
    "ecdsa_secp384r1_sha384_test.json, ES384, EC",
    "rsa_signature_2048_sha256_test.json, RS256, RSA",
    "rsa_pss_2048_sha256_mgf1_32_test.json, PS256, RSA"
  })
  void everyValidVectorVerifiesAndEveryInvalidOneIsRefused(
      String file, TokenAlgorithm alg, String keyAlgorithm) throws Exception {
    Path path = vectors().resolve(file);
    JsonObject root = Json.parseObject(Files.readString(path, StandardCharsets.UTF_8), FILE_LIMITS);
    KeyFactory keys = KeyFactory.getInstance(keyAlgorithm, Providers.BC);
    List<String> wrong = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (JsonValue g : root.requireArray("testGroups").elements()) {
      JsonObject group = (JsonObject) g;
      checkGroupParameters(group, alg);
      Optional<PublicKey> key = decodeKey(keys, group.requireString("publicKeyDer"));
      for (JsonValue t : group.requireArray("tests").elements()) {
        JsonObject test = (JsonObject) t;
        String id = file + "#" + test.requireLong("tcId");
        boolean verified = key.isPresent() && verify(alg, key.get(), test);
        String result = test.requireString("result");
        boolean expected =
            switch (result) {
              case "valid" -> true;
              case "invalid" -> false;
              default -> ACCEPTED.contains(id);
            };
        if (result.equals("valid")) {
          valid++;
        } else {
          invalid++;
        }
        if (verified != expected) {
          wrong.add(id + " (" + result + ", " + test.requireString("comment") + ")");
        }
      }
    }

    assertThat(wrong).as("vectors decided wrongly").isEmpty();
    assertThat(valid).as("valid vectors").isPositive();
    assertThat(invalid).as("invalid vectors").isPositive();
    assertThat(valid + invalid).isEqualTo(root.requireLong("numberOfTests"));
  }

  private static boolean verify(TokenAlgorithm alg, PublicKey key, JsonObject test)
      throws Exception {
    byte[] msg = Hex.decode(test.requireString("msg"));
    byte[] sig = Hex.decode(test.requireString("sig"));
    return RawSignatures.verifyRaw(alg, key, msg, sig);
  }

  /** The vectors must be for exactly the parameters the token algorithm fixes. */
  private static void checkGroupParameters(JsonObject group, TokenAlgorithm alg) throws Exception {
    assertThat(group.requireString("sha")).isEqualTo(alg.hashAlgorithm());
    if (alg == TokenAlgorithm.PS256) {
      assertThat(group.requireString("mgf")).isEqualTo("MGF1");
      assertThat(group.requireString("mgfSha")).isEqualTo("SHA-256");
      assertThat(group.requireLong("sLen")).isEqualTo(32);
    }
  }

  private static Optional<PublicKey> decodeKey(KeyFactory keys, String hex) {
    try {
      return Optional.of(keys.generatePublic(new X509EncodedKeySpec(Hex.decode(hex))));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Path vectors() {
    String shared = System.getProperty("certgate.shared.dir");
    Path dir = shared == null ? null : Path.of(shared, "testdata", "wycheproof");
    assumeTrue(
        dir != null && Files.isDirectory(dir),
        "Wycheproof vectors not found (certgate.shared.dir/testdata/wycheproof)");
    return dir;
  }
}
