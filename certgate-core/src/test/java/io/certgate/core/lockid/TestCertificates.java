package io.certgate.core.lockid;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates with chosen names and extensions, made at test time. */
final class TestCertificates {
  static final Provider BC = new BouncyCastleProvider();

  private TestCertificates() {}

  static KeyPair ecKey(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  /**
   * Builds and signs a certificate, then parses it with Bouncy Castle's factory as CertGate does
   * (the JDK's factory refuses SM2 certificates: "Unknown named curve").
   */
  static X509Certificate certificate(
      KeyPair key, String subject, String issuer, BigInteger serial, Extension... extensions)
      throws Exception {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            serial,
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            new X500Name(subject),
            key.getPublic());
    for (Extension extension : extensions) {
      builder.addExtension(extension.oid(), false, extension.value());
    }
    String algorithm =
        key.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    if (isSm2(key)) {
      algorithm = "SM3withSM2";
    }
    byte[] der =
        builder
            .build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key.getPrivate()))
            .getEncoded();
    return (X509Certificate)
        CertificateFactory.getInstance("X.509", BC)
            .generateCertificate(new ByteArrayInputStream(der));
  }

  static X509Certificate withExtension(KeyPair key, String oid, ASN1Encodable value)
      throws Exception {
    return certificate(
        key,
        "CN=Lock Holder",
        "CN=Test CA",
        BigInteger.TEN,
        new Extension(new ASN1ObjectIdentifier(oid), value));
  }

  private static boolean isSm2(KeyPair key) {
    return key.getPublic() instanceof org.bouncycastle.jce.interfaces.ECPublicKey ec
        && ec.getParameters().getCurve().getFieldSize() == 256
        && ec.getParameters()
            .getCurve()
            .equals(org.bouncycastle.asn1.gm.GMNamedCurves.getByName("sm2p256v1").getCurve());
  }

  record Extension(ASN1ObjectIdentifier oid, ASN1Encodable value) {}
}
