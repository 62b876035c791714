package io.certgate.core.lockid;

import io.certgate.core.CertMalformedException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import org.bouncycastle.util.encoders.Hex;

/** {@code SPKI_SHA256}: the key itself names the lock, whatever the certificate around it. */
record SpkiSha256Rule() implements LockIdRule {

  @Override
  public String extract(X509Certificate certificate) throws CertMalformedException {
    // The SPKI is taken from the certificate's own DER rather than PublicKey.getEncoded(): the JDK
    // cannot build a PublicKey for SM2 certificates, and providers may re-encode keys differently.
    byte[] spki = CertificateParts.subjectPublicKeyInfo(certificate);
    return Hex.toHexString(sha256(spki));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "SPKI_SHA256";
  }
}
