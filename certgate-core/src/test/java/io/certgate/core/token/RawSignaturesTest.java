package io.certgate.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RawSignaturesTest {

  /** Random bytes, and random bytes under a DER SEQUENCE header: never true, never an exception. */
  @ParameterizedTest
  @EnumSource(TokenAlgorithm.class)
  void refusesRandomSignatureBytesWithoutThrowing(TokenAlgorithm alg) throws Exception {
    var key = TestKeys.of(alg.keyType()).keys().getPublic();
    byte[] data = SignedData.of(alg, WebOrigin.of("https://o.example"), "n");
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] sig = new byte[random.nextInt(300)];
      random.nextBytes(sig);
      if (i % 2 == 0 && sig.length > 2) {
        sig[0] = 0x30;
        sig[1] = (byte) (sig.length - 2);
      }
      assertThat(RawSignatures.verifyRaw(alg, key, data, sig)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TokenAlgorithm.class,
      names = {"ES256", "ES384", "SM2SM3"})
  void signerOutputThatIsNeitherDerNorRawIsAnError(TokenAlgorithm alg) {
    assertThatThrownBy(() -> DsaSignatureEncoding.toDer(alg, new byte[17]))
        .isInstanceOf(SignatureException.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = TokenAlgorithm.class,
      names = {"ES256", "ES384", "SM2SM3"})
  void rawZeroSignatureIsOutOfRange(TokenAlgorithm alg) {
    int width = alg == TokenAlgorithm.ES384 ? 96 : 64;
    assertThatThrownBy(() -> DsaSignatureEncoding.toDer(alg, new byte[width]))
        .isInstanceOf(SignatureException.class);
  }
}
