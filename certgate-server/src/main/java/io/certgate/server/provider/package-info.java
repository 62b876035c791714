/**
 * CA providers (CA服务商): what the platform trusts of each (anchors, lock-ID rule, revocation policy,
 * algorithms), which regions enable which providers (inherited by child regions), loading providers
 * from a directory at start-up, and the {@link io.certgate.server.provider.TrustRegistry} that
 * validates auth tokens against the current configuration. It knows nothing of users or bindings:
 * it answers "is this token valid, and which provider and lock is it", and ({@link
 * io.certgate.server.provider.ProviderAvailability}) "may this provider be used in that region",
 * the region rule that binding and CA login both apply.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api", "region"})
package io.certgate.server.provider;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
