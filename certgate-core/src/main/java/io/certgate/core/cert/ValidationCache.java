package io.certgate.core.cert;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Results of steps 6–7 per certificate fingerprint (DESIGN §8, last paragraph), each reused only
 * until its {@link ValidatedCertificate#validUntil()} and only while no CRL has been installed
 * since (the caller's revocation generation). Bounded; least recently used evicted first.
 */
final class ValidationCache {
  /**
   * The latest notBefore on the path is kept as an instant (certificate dates parse slowly), and
   * the purposes the certificate passed, since the same bytes always give the same answer.
   */
  private record Entry(
      ValidatedCertificate validated, Instant validFrom, Set<Purpose> purposes, long generation) {}

  private final Map<String, Entry> entries;

  ValidationCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * A current result for the certificate with this fingerprint that passed {@code purpose}, cached
   * under the same revocation {@code generation}.
   */
  synchronized Optional<ValidatedCertificate> get(
      String fingerprint, Instant now, Purpose purpose, long generation) {
    return get(fingerprint, now)
        .filter(
            v -> {
              Entry hit = entries.get(fingerprint);
              return hit.generation() == generation && hit.purposes().contains(purpose);
            });
  }

  synchronized Optional<ValidatedCertificate> get(String fingerprint, Instant now) {
    Entry hit = entries.get(fingerprint);
    if (hit == null) {
      return Optional.empty();
    }
    // The path was valid when cached; a clock before the latest notBefore must validate afresh.
    if (!now.isBefore(hit.validated().validUntil()) || now.isBefore(hit.validFrom())) {
      entries.remove(fingerprint);
      return Optional.empty();
    }
    return Optional.of(hit.validated());
  }

  synchronized void put(ValidatedCertificate validated, Purpose purpose, long generation) {
    Instant validFrom =
        validated.path().stream()
            .map(c -> c.getNotBefore().toInstant())
            .max(Instant::compareTo)
            .orElseThrow();
    // LOGIN is the stricter purpose: a certificate that passed it passes ANY as well.
    Set<Purpose> purposes =
        purpose == Purpose.LOGIN ? EnumSet.allOf(Purpose.class) : Set.of(purpose);
    entries.put(validated.fingerprint(), new Entry(validated, validFrom, purposes, generation));
  }

  synchronized int size() {
    return entries.size();
  }
}
