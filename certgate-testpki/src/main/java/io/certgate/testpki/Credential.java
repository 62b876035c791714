package io.certgate.testpki;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate with its private key and the CA certificates above it.
 *
 * @param certificate the end certificate
 * @param privateKey its private key
 * @param issuers the CA certificates from its issuer up to the root, in that order
 */
public record Credential(
    X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {

  public Credential {
    issuers = List.copyOf(issuers);
  }

  /** The certificate's public key. */
  public PublicKey publicKey() {
    return certificate.getPublicKey();
  }

  /** The certificate followed by its issuers up to the root (the order of a PKCS#12 chain). */
  public List<X509Certificate> chain() {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuers);
    return List.copyOf(chain);
  }

  /** The certificate's serial number. */
  public java.math.BigInteger serialNumber() {
    return certificate.getSerialNumber();
  }

  @Override
  public String toString() {
    // Never print the private key.
    return "Credential[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
