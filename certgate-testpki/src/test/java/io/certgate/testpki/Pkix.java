package io.certgate.testpki;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Validates a path with Bouncy Castle's PKIX, the way certgate-core does. */
final class Pkix {
  private Pkix() {}

  static void validate(X509Certificate leaf, TestProvider provider, Instant at, List<X509CRL> crls)
      throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
    CertPath path = factory.generateCertPath(List.of(leaf, provider.issuingCertificate()));
    PKIXParameters params =
        new PKIXParameters(Set.of(new TrustAnchor(provider.rootCertificate(), null)));
    params.setDate(Date.from(at));
    params.setRevocationEnabled(!crls.isEmpty());
    List<Object> store = new ArrayList<>(crls);
    params.addCertStore(
        CertStore.getInstance("Collection", new CollectionCertStoreParameters(store), Bc.PROVIDER));
    CertPathValidator.getInstance("PKIX", Bc.PROVIDER).validate(path, params);
  }

  static String failure(X509Certificate leaf, TestProvider provider, Instant at, List<X509CRL> crls)
      throws Exception {
    try {
      validate(leaf, provider, at, crls);
      return "valid";
    } catch (CertPathValidatorException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
