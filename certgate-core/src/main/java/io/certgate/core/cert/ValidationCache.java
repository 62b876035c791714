package io.certgate.core.cert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Results of steps 6–7 per certificate fingerprint (DESIGN §8, last paragraph), each reused only
 * until its {@link ValidatedCertificate#validUntil()}. Bounded; least recently used evicted first.
 */
final class ValidationCache {
  private final Map<String, ValidatedCertificate> entries;

  ValidationCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ValidatedCertificate> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<ValidatedCertificate> get(String fingerprint, Instant now) {
    ValidatedCertificate hit = entries.get(fingerprint);
    if (hit == null) {
      return Optional.empty();
    }
    // The path was valid when cached; a clock before the latest notBefore must validate afresh.
    boolean usable =
        now.isBefore(hit.validUntil())
            && hit.path().stream().noneMatch(c -> now.isBefore(c.getNotBefore().toInstant()));
    if (!usable) {
      entries.remove(fingerprint);
      return Optional.empty();
    }
    return Optional.of(hit);
  }

  synchronized void put(ValidatedCertificate validated) {
    entries.put(validated.fingerprint(), validated);
  }

  synchronized int size() {
    return entries.size();
  }
}
