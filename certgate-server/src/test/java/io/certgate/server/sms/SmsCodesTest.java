package io.certgate.server.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.server.api.StartupRefused;
import io.certgate.server.limit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SMS codes are kept only as a keyed hash (ASVS 2.7.5), in the single-node memory store. */
class SmsCodesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);

  /** What SmsCodes hands the store, kept beside the real memory store. */
  private final Map<String, String> stored = new HashMap<>();

  private final SmsCodeStore memory = new InMemorySmsCodeStore();
  private final SmsCodeStore recording =
      new SmsCodeStore() {
        @Override
        public void put(String key, String digest, Instant expiresAt) {
          stored.put(key, digest);
          memory.put(key, digest, expiresAt);
        }

        @Override
        public SmsCodes.Check check(String key, String given, Instant now, int maxTries) {
          return memory.check(key, given, now, maxTries);
        }
      };

  private final List<String> messages = new ArrayList<>();

  /** The sending limits are not what this test is about: every send passes. */
  private final RateLimiter noLimits =
      new RateLimiter() {
        @Override
        public boolean tryAcquire(String key, int max, Duration window) {
          return true;
        }

        @Override
        public boolean tryAcquireAll(List<Limit> limits) {
          return true;
        }

        @Override
        public boolean isExhausted(String key, int max, Duration window) {
          return false;
        }

        @Override
        public void record(String key) {}

        @Override
        public int count(String key, Duration window) {
          return 0;
        }
      };

  private SmsCodes codes(SmsCodeDigest digest) {
    return new SmsCodes(
        (mobile, message) -> messages.add(message),
        noLimits,
        new SecureRandom(),
        CLOCK,
        recording,
        digest,
        "验证码{code}",
        100,
        100);
  }

  private String lastCode() {
    Matcher m = Pattern.compile("(\\d{6})").matcher(messages.get(messages.size() - 1));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theStoreGetsAKeyedHashNeverTheCodeAndTheCodeStillChecks() {
    SmsCodeDigest digest = SmsCodeDigest.random(new SecureRandom());
    SmsCodes codes = codes(digest);
    codes.send("13900000001", SmsPurpose.LOGIN, "192.0.2.1", true);
    String code = lastCode();
    String kept = stored.get("LOGIN:13900000001");

    assertThat(kept)
        .hasSize(44)
        .doesNotContain(code)
        .isEqualTo(digest.of("LOGIN:13900000001", code));
    assertThat(kept)
        .isNotEqualTo(SmsCodeDigest.random(new SecureRandom()).of("LOGIN:13900000001", code));
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertThat(codes.check("13900000001", SmsPurpose.LOGIN, wrong)).isEqualTo(SmsCodes.Check.WRONG);
    assertThat(codes.check("13900000001", SmsPurpose.RESET_PASSWORD, code))
        .as("bound to its purpose")
        .isEqualTo(SmsCodes.Check.NONE);
    assertThat(codes.check("13900000001", SmsPurpose.LOGIN, code))
        .isEqualTo(SmsCodes.Check.ACCEPTED);
    assertThat(codes.check("13900000001", SmsPurpose.LOGIN, code))
        .as("single use")
        .isEqualTo(SmsCodes.Check.NONE);
  }

  @Test
  void nodesWithOneConfiguredKeyAcceptEachOthersCodes() {
    String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    codes(SmsCodeDigest.of(key)).send("13900000002", SmsPurpose.LOGIN, "192.0.2.2", true);
    SmsCodes other = codes(SmsCodeDigest.of(key));
    assertThat(other.check("13900000002", SmsPurpose.LOGIN, lastCode()))
        .isEqualTo(SmsCodes.Check.ACCEPTED);
  }

  @Test
  void aShortOrMalformedKeyRefusesToStart() {
    for (String bad : new String[] {"c2hvcnQ=", "not base64!"}) {
      assertThatThrownBy(() -> SmsCodeDigest.of(bad))
          .isInstanceOf(StartupRefused.class)
          .hasMessageContaining("certgate.sms.code-key");
    }
  }
}
