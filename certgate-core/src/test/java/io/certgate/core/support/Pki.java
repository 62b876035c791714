package io.certgate.core.support;

import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.lockid.LockIdRule;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestOids;
import io.certgate.testpki.TestProvider;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Test providers from certgate-testpki and their {@link ProviderTrust}. */
public final class Pki {
  private Pki() {}

  public static TestProvider provider(String code, KeyKind kind, Clock clock) {
    return TestProvider.builder().code(code).keyKind(kind).clock(clock).build();
  }

  public static TestProvider provider(String code, KeyKind kind, Clock clock, Optional<URI> crlDp) {
    TestProvider.Builder builder = TestProvider.builder().code(code).keyKind(kind).clock(clock);
    crlDp.ifPresent(builder::crlDistributionPoint);
    return builder.build();
  }

  public static ProviderTrust trust(TestProvider provider, RevocationPolicy policy) {
    return ProviderTrust.builder(provider.code())
        .name(provider.code().toUpperCase(Locale.ROOT))
        .anchors(provider.anchors())
        .lockIdRule(LockIdRule.parse(TestOids.LOCK_ID_EXTENSION_RULE))
        .revocation(policy)
        .build();
  }
}
