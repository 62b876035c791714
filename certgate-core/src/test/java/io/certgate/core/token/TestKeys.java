package io.certgate.core.token;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Key pairs and self-signed certificates made at test time with Bouncy Castle, one per key type,
 * generated once per JVM because RSA generation is slow.
 */
final class TestKeys {
  record Credential(KeyPair keys, X509Certificate certificate) {}

  private static final Map<KeyType, Credential> CACHE = new EnumMap<>(KeyType.class);

  private TestKeys() {}

  static synchronized Credential of(KeyType type) {
    return CACHE.computeIfAbsent(type, TestKeys::create);
  }

  static KeyPair generate(KeyType type) {
    try {
      KeyPairGenerator g =
          KeyPairGenerator.getInstance(type == KeyType.RSA ? "RSA" : "EC", Providers.BC);
      switch (type) {
        case RSA -> g.initialize(2048);
        case EC_P256 -> g.initialize(new ECGenParameterSpec("secp256r1"));
        case EC_P384 -> g.initialize(new ECGenParameterSpec("secp384r1"));
        case SM2 -> g.initialize(new ECGenParameterSpec("sm2p256v1"));
      }
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Credential create(KeyType type) {
    KeyPair keys = generate(type);
    try {
      String sigAlg =
          switch (type) {
            case RSA -> "SHA256withRSA";
            case EC_P256 -> "SHA256withECDSA";
            case EC_P384 -> "SHA384withECDSA";
            case SM2 -> "SM3withSM2";
          };
      X500Name name = new X500Name("CN=CertGate test " + type);
      Instant now = Instant.now();
      var builder =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(1, ChronoUnit.HOURS)),
              Date.from(now.plus(1, ChronoUnit.DAYS)),
              name,
              keys.getPublic());
      var signer =
          new JcaContentSignerBuilder(sigAlg).setProvider(Providers.BC).build(keys.getPrivate());
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .setProvider(Providers.BC)
              .getCertificate(builder.build(signer));
      return new Credential(keys, cert);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
