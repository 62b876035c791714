package io.certgate.core.cert;

import io.certgate.core.CertMalformedException;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Decoding and fingerprinting of X.509 certificates with Bouncy Castle, whose certificate objects
 * understand SM2 keys (the JDK's do not).
 */
public final class Certificates {
  static final Provider BC = new BouncyCastleProvider();
  private static final byte DER_SEQUENCE = 0x30;
  private static final byte INDEFINITE_LENGTH = (byte) 0x80;

  private Certificates() {}

  /**
   * Decodes one DER certificate. Only DER: the certificate factory would also read PEM text (and
   * BER's indefinite lengths), which the token contract (DESIGN §5) does not allow.
   *
   * @throws CertMalformedException when the bytes are not exactly one DER X.509 certificate
   */
  public static X509Certificate decode(byte[] der) throws CertMalformedException {
    if (der.length < 2 || der[0] != DER_SEQUENCE || der[1] == INDEFINITE_LENGTH) {
      throw new CertMalformedException("not a DER certificate (PEM text or BER is not accepted)");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509", BC);
      ByteArrayInputStream in = new ByteArrayInputStream(der);
      X509Certificate certificate = (X509Certificate) factory.generateCertificate(in);
      if (certificate == null || in.available() > 0) {
        throw new CertMalformedException("not exactly one DER certificate");
      }
      return certificate;
    } catch (CertificateException | RuntimeException e) {
      throw new CertMalformedException("certificate does not decode: " + e.getMessage(), e);
    }
  }

  /** Re-reads a certificate from another provider as a Bouncy Castle one. */
  static X509Certificate asBouncyCastle(X509Certificate certificate) throws CertMalformedException {
    if (certificate.getClass().getName().startsWith("org.bouncycastle.")) {
      return certificate;
    }
    try {
      return decode(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new CertMalformedException("certificate does not encode", e);
    }
  }

  /** Lowercase hex SHA-256 of the certificate's DER encoding. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      return fingerprint(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a decoded certificate encodes", e);
    }
  }

  static String fingerprint(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
