package io.certgate.server.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The single-node {@link SmsCodeStore}: a map of digests updated per key atomically. */
@Component
final class InMemorySmsCodeStore implements SmsCodeStore {
  private final Map<String, Issued> codes = new ConcurrentHashMap<>();

  private record Issued(String digest, Instant expiresAt, int tries) {}

  @Override
  public void put(String key, String digest, Instant expiresAt) {
    codes.put(key, new Issued(digest, expiresAt, 0));
  }

  @Override
  public SmsCodes.Check check(String key, String given, Instant now, int maxTries) {
    SmsCodes.Check[] result = {SmsCodes.Check.NONE};
    codes.computeIfPresent(
        key,
        (k, issued) -> {
          if (!now.isBefore(issued.expiresAt())) {
            result[0] = SmsCodes.Check.EXPIRED;
            return null;
          }
          if (equal(issued.digest(), given)) {
            result[0] = SmsCodes.Check.ACCEPTED;
            return null;
          }
          result[0] = SmsCodes.Check.WRONG;
          int tries = issued.tries() + 1;
          return tries >= maxTries ? null : new Issued(issued.digest(), issued.expiresAt(), tries);
        });
    return result[0];
  }

  private static boolean equal(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
