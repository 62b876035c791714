package io.certgate.cli;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away self-signed P-256 certificate with a lock-ID extension, for unit tests. */
record SelfSigned(KeyPair key, byte[] der) {
  static final String LOCK_OID = "1.2.156.10260.4.1.1";

  static SelfSigned create(String lockId) throws Exception {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = generator.generateKeyPair();
    Instant now = Instant.now();
    byte[] der =
        new JcaX509v3CertificateBuilder(
                new X500Name("CN=Unit CA"),
                BigInteger.valueOf(0xC0FFEE),
                Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)),
                new X500Name("CN=Unit User"),
                key.getPublic())
            .addExtension(new ASN1ObjectIdentifier(LOCK_OID), false, new DERUTF8String(lockId))
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(bc)
                    .build(key.getPrivate()))
            .getEncoded();
    return new SelfSigned(key, der);
  }

  String pem() {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }
}
