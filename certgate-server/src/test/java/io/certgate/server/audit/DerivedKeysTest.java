package io.certgate.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.api.DerivedKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys for other purposes come from the audit key: one per purpose, the same wherever it is. */
class DerivedKeysTest {

  private static DerivedKeys derivedFrom(AuditKey key) {
    return new AuditKeyConfig().derivedKeys(new AuditKeys(key, List.of()));
  }

  @Test
  void aPurposeGetsItsOwnKeyTheSameForTheSameAuditKey() {
    AuditKey key = AuditChains.newKey(AuditKey.Algorithm.HMAC_SM3);
    AuditKey sameOnAnotherNode = AuditKey.of(key.algorithm(), key.secret().clone());
    AuditKey other = AuditChains.newKey(AuditKey.Algorithm.HMAC_SM3);

    byte[] sms = derivedFrom(key).derive("sms-code");

    assertThat(sms).hasSize(32);
    assertThat(derivedFrom(sameOnAnotherNode).derive("sms-code")).isEqualTo(sms);
    assertThat(derivedFrom(key).derive("another-purpose")).isNotEqualTo(sms);
    assertThat(derivedFrom(other).derive("sms-code")).isNotEqualTo(sms);
    assertThat(sms).isNotEqualTo(key.secret());
  }
}
