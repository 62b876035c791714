package io.certgate.server.binding;

import io.certgate.core.auth.ValidatedToken;
import java.util.Optional;

/** Binding lookups and the renewal carry-over, for CA login. */
public interface Bindings {

  /** The binding of a lock. */
  Optional<Binding> findByLock(String providerCode, String lockId);

  /** The binding with this id, while it exists (an open CA session ends when it does not). */
  Optional<Binding> find(long bindingId);

  /**
   * Replaces the certificate fields of a binding with those of a renewed certificate of the same
   * lock (same provider and lock ID), and publishes {@link CaRenewed}.
   */
  Binding renew(Binding binding, ValidatedToken renewed);
}
