package io.certgate.testpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The key types the test PKI issues, each with the signature algorithm its CAs sign with. */
public enum KeyKind {
  /** RSA 2048-bit, certificates signed with SHA256withRSA (PKCS#1 v1.5). */
  RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(65537)), "SHA256withRSA"),
  /** ECDSA on NIST P-256 (secp256r1), signed with SHA256withECDSA. */
  EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA"),
  /**
   * SM2 on sm2p256v1 (GB/T 32918), signed with SM3withSM2 using the default user ID
   * 1234567812345678.
   */
  SM2("EC", new ECGenParameterSpec("sm2p256v1"), "SM3withSM2");

  private final String keyAlgorithm;
  private final AlgorithmParameterSpec parameters;
  private final String signatureAlgorithm;

  KeyKind(String keyAlgorithm, AlgorithmParameterSpec parameters, String signatureAlgorithm) {
    this.keyAlgorithm = keyAlgorithm;
    this.parameters = parameters;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** JCA key algorithm name: {@code RSA} or {@code EC} (SM2 keys are EC keys on the SM2 curve). */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /** JCA signature algorithm a certificate or CRL issued by a key of this kind is signed with. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** Whether an encryption certificate of this kind uses keyAgreement (EC, SM2) or not (RSA). */
  public boolean usesKeyAgreement() {
    return this != RSA_2048;
  }

  /**
   * The kind of an existing public key: RSA (any size) is {@code RSA_2048}, an EC key on the SM2
   * curve is {@code SM2}, any other EC key {@code EC_P256}.
   */
  public static KeyKind of(PublicKey key) {
    if ("RSA".equals(key.getAlgorithm())) {
      return RSA_2048;
    }
    ASN1Encodable parameters =
        SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
    return GMObjectIdentifiers.sm2p256v1.equals(parameters) ? SM2 : EC_P256;
  }

  /** Generates a fresh key pair with Bouncy Castle. */
  public KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, Bc.PROVIDER);
      generator.initialize(parameters, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + this + " key", e);
    }
  }
}
