package io.certgate.testpki;

import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The one Bouncy Castle instance of this module, passed explicitly (never registered globally). */
final class Bc {
  static final Provider PROVIDER = new BouncyCastleProvider();

  private Bc() {}

  static ContentSigner signer(KeyKind kind, java.security.PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(kind.signatureAlgorithm())
          .setProvider(PROVIDER)
          .build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + kind, e);
    }
  }

  static X509Certificate certificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(holder);
    } catch (CertificateException e) {
      throw new IllegalStateException("cannot convert a certificate just built", e);
    }
  }

  static X509CRL crl(X509CRLHolder holder) {
    try {
      return new JcaX509CRLConverter().setProvider(PROVIDER).getCRL(holder);
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException("cannot convert a CRL just built", e);
    }
  }
}
