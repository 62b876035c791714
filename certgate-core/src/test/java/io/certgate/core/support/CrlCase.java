package io.certgate.core.support;

import io.certgate.core.CertGateException;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.cert.Purpose;
import io.certgate.core.lockid.LockIdRule;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.testpki.Credential;
import io.certgate.testpki.OpenSslReference;
import io.certgate.testpki.Pem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One revocation case judged twice: by CertGate's validator (one provider, policy CRL, HARD, the
 * CRLs as files) and by {@code openssl verify -x509_strict -crl_check_all -extended_crl
 * -use_deltas} on the same files.
 */
public final class CrlCase {
  private final Path dir;
  private final Instant now;
  private final List<X509Certificate> listed = new ArrayList<>();
  private final List<X509CRL> crls = new ArrayList<>();

  public CrlCase(Path dir, Instant now) {
    this.dir = dir;
    this.now = now;
  }

  /** The provider's CA certificates (self-signed ones are the roots). */
  public CrlCase listing(X509Certificate... cas) {
    listed.addAll(List.of(cas));
    return this;
  }

  public CrlCase crls(X509CRL... list) {
    crls.addAll(List.of(list));
    return this;
  }

  /** CertGate's verdict: "OK" or the error code. */
  public String certgate(Credential user) throws IOException {
    List<URI> urls = new ArrayList<>();
    for (int i = 0; i < crls.size(); i++) {
      urls.add(Files.writeString(dir.resolve("crl" + i + ".pem"), Pem.crl(crls.get(i))).toUri());
    }
    ProviderTrust trust =
        ProviderTrust.builder("crl-case")
            .anchors(listed)
            .lockIdRule(LockIdRule.DEFAULT)
            .revocation(
                RevocationPolicy.builder()
                    .mode(RevocationPolicy.Mode.CRL)
                    .failure(RevocationPolicy.Failure.HARD)
                    .crlUrls(urls)
                    .build())
            .build();
    try (CertificateValidator validator =
        CertificateValidator.builder()
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .secureRandom(new SecureRandom())
            .provider(trust)
            .cacheSize(0)
            .build()) {
      validator.validate(user.certificate(), user.issuers(), Purpose.LOGIN);
      return "OK";
    } catch (CertGateException e) {
      return e.code().name();
    }
  }

  /** OpenSSL's verdict on the same files, the user's issuers given as untrusted. */
  public OpenSslReference.Verdict openssl(Credential user) throws IOException {
    OpenSslReference reference =
        OpenSslReference.in(dir.resolve("openssl"))
            .anchors(listed.toArray(X509Certificate[]::new))
            .untrusted(user.issuers().toArray(X509Certificate[]::new))
            .crls(crls.toArray(X509CRL[]::new))
            .at(now);
    return reference.verify(user.certificate());
  }
}
