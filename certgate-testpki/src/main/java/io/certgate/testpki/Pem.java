package io.certgate.testpki;

import java.io.IOException;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM text for certificates, CRLs and (unencrypted, test-only) PKCS#8 private keys. */
public final class Pem {
  private Pem() {}

  /** Concatenated {@code CERTIFICATE} blocks, in the given order. */
  public static String certificates(List<X509Certificate> certificates) {
    return write(certificates.toArray());
  }

  /** One {@code X509 CRL} block. */
  public static String crl(X509CRL crl) {
    return write(crl);
  }

  /** An unencrypted {@code PRIVATE KEY} (PKCS#8) block, for handing keys to OpenSSL in tests. */
  public static String privateKey(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null).generate());
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException("cannot encode a private key", e);
    }
  }

  private static String write(Object... objects) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM", e);
    }
    return text.toString();
  }
}
