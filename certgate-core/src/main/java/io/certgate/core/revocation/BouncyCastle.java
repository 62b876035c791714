package io.certgate.core.revocation;

import java.security.Provider;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance of this package, passed explicitly, never registered. */
final class BouncyCastle {
  static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}

  static JcaX509CertificateConverter converter() {
    return new JcaX509CertificateConverter().setProvider(PROVIDER);
  }
}
