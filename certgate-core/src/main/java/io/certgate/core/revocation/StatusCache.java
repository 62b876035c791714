package io.certgate.core.revocation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OCSP answers kept until their nextUpdate, at most {@code capacity} of them, the least recently
 * used evicted first. Answers without nextUpdate are not kept: they are current only when fetched.
 */
final class StatusCache {
  private final Map<String, RevocationStatus> entries;

  StatusCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, RevocationStatus> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<RevocationStatus> get(String key, Instant now) {
    RevocationStatus status = entries.get(key);
    if (status == null) {
      return Optional.empty();
    }
    if (status.nextUpdate().map(now::isBefore).orElse(false)) {
      return Optional.of(status);
    }
    entries.remove(key);
    return Optional.empty();
  }

  synchronized void put(String key, RevocationStatus status) {
    if (status.nextUpdate().isPresent()) {
      entries.put(key, status);
    }
  }

  synchronized int size() {
    return entries.size();
  }
}
