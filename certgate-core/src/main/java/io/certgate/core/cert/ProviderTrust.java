package io.certgate.core.cert;

import io.certgate.core.lockid.LockIdRule;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.token.TokenAlgorithm;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What CertGate trusts of one CA provider (CA服务商): its CA certificates, how lock IDs are read from
 * its certificates and how their revocation is checked. Immutable; build with {@link
 * #builder(String)}.
 *
 * @param code stable identifier, e.g. {@code zjhx}
 * @param name display name, e.g. 浙江汇信CA
 * @param enabled whether certificates of this provider are accepted at all
 * @param anchors the provider's CA certificates: self-signed roots become trust anchors, the others
 *     are intermediates available for path building (held as Bouncy Castle certificates)
 * @param lockIdRule how the lock ID (CA锁ID) is read
 * @param revocation how revocation is checked
 * @param allowedAlgorithms the token signature algorithms accepted from this provider's keys
 * @param relaxedRules certificate profile rules not enforced for this provider's paths (none by
 *     default); a certificate they let through reports them, for the audit
 */
public record ProviderTrust(
    String code,
    String name,
    boolean enabled,
    List<X509Certificate> anchors,
    LockIdRule lockIdRule,
    RevocationPolicy revocation,
    Set<TokenAlgorithm> allowedAlgorithms,
    Set<ProfileRule> relaxedRules) {

  public ProviderTrust {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    anchors = anchors.stream().map(ProviderTrust::asBouncyCastle).toList();
    Objects.requireNonNull(lockIdRule, "lockIdRule");
    Objects.requireNonNull(revocation, "revocation");
    allowedAlgorithms = Set.copyOf(allowedAlgorithms);
    relaxedRules = Set.copyOf(relaxedRules);
    if (allowedAlgorithms.isEmpty()) {
      throw new IllegalArgumentException("provider " + code + " allows no algorithm");
    }
    if (code.isBlank()) {
      throw new IllegalArgumentException("provider code must not be blank");
    }
    if (anchors.stream().noneMatch(Anchors::selfSigned)) {
      throw new IllegalArgumentException(
          "provider " + code + " needs at least one root certificate");
    }
    for (X509Certificate anchor : anchors) {
      if (anchor.getBasicConstraints() < 0) {
        throw new IllegalArgumentException(
            "provider " + code + ": not a CA certificate: " + anchor.getSubjectX500Principal());
      }
    }
  }

  /** Anchors are held as Bouncy Castle certificates, whose keys include SM2 ones. */
  private static X509Certificate asBouncyCastle(X509Certificate certificate) {
    try {
      return Certificates.asBouncyCastle(certificate);
    } catch (io.certgate.core.CertMalformedException e) {
      throw new IllegalArgumentException("anchor does not decode: " + e.getMessage(), e);
    }
  }

  /**
   * Whether some certificate could belong both to this provider and to {@code other} (DESIGN §3):
   * they list one issuing CA, or one root while either lists no issuing CA. Such a pair is a
   * configuration error and is refused wherever providers are configured.
   */
  public boolean clashesWith(ProviderTrust other) {
    return ProviderScope.of(this).clashesWith(ProviderScope.of(other));
  }

  public static Builder builder(String code) {
    return new Builder(code);
  }

  /**
   * Builds a {@link ProviderTrust}; defaults: enabled, rule SPKI_SHA256, no revocation checking.
   */
  public static final class Builder {
    private final String code;
    private String name;
    private boolean enabled = true;
    private final List<X509Certificate> anchors = new ArrayList<>();
    private LockIdRule lockIdRule = LockIdRule.DEFAULT;
    private RevocationPolicy revocation = RevocationPolicy.none();
    private Set<TokenAlgorithm> allowedAlgorithms = EnumSet.allOf(TokenAlgorithm.class);
    private final Set<ProfileRule> relaxedRules = EnumSet.noneOf(ProfileRule.class);

    private Builder(String code) {
      this.code = code;
      this.name = code;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder anchor(X509Certificate certificate) {
      anchors.add(certificate);
      return this;
    }

    public Builder anchors(List<X509Certificate> certificates) {
      anchors.addAll(certificates);
      return this;
    }

    public Builder lockIdRule(LockIdRule rule) {
      this.lockIdRule = rule;
      return this;
    }

    public Builder revocation(RevocationPolicy policy) {
      this.revocation = policy;
      return this;
    }

    public Builder allowedAlgorithms(Set<TokenAlgorithm> algorithms) {
      this.allowedAlgorithms = Set.copyOf(algorithms);
      return this;
    }

    /**
     * Does not enforce these profile rules on this provider's paths: for a real CA whose
     * certificates break them. Off by default; each certificate let through by a relaxed rule
     * reports it ({@link ValidatedCertificate#relaxed()}).
     */
    public Builder relax(ProfileRule... rules) {
      relaxedRules.addAll(List.of(rules));
      return this;
    }

    /**
     * @throws IllegalArgumentException when the code is blank, no algorithm is allowed, there is no
     *     self-signed root, or an anchor is not a CA certificate (basicConstraints cA)
     */
    public ProviderTrust build() {
      return new ProviderTrust(
          code, name, enabled, anchors, lockIdRule, revocation, allowedAlgorithms, relaxedRules);
    }
  }
}
