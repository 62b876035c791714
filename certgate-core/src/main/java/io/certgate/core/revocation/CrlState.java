package io.certgate.core.revocation;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link CrlStore} holds for one CRL URL, for monitoring. A snapshot: it does not change
 * when the store refreshes.
 *
 * @param url where the CRL is downloaded from
 * @param thisUpdate the held CRL's thisUpdate; empty when no CRL has been loaded yet
 * @param nextUpdate the held CRL's nextUpdate; empty when none is held or it names none (such a CRL
 *     is never current, RFC 5280 §5.1.2.5 as applied here)
 * @param loadedAt when the held CRL was installed, at the store's clock
 * @param failedDownloads downloads that failed (unreachable, HTTP error, garbage, bad signature,
 *     older than the one held) since the last one that succeeded
 */
public record CrlState(
    URI url,
    Optional<Instant> thisUpdate,
    Optional<Instant> nextUpdate,
    Optional<Instant> loadedAt,
    int failedDownloads) {

  /** Whether a CRL is held and may be relied on at {@code now}. */
  public boolean currentAt(Instant now) {
    return thisUpdate.map(t -> !now.isBefore(t)).orElse(false)
        && nextUpdate.map(now::isBefore).orElse(false);
  }
}
