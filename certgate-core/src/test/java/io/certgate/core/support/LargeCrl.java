package io.certgate.core.support;

import io.certgate.testpki.TestProvider;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CRL of the provider's issuing CA listing {@code count} random 128-bit serials (as modern CAs
 * assign them), every fourth with a reason code, plus any extra serials given, signed with Bouncy
 * Castle. Deterministic for a given seed.
 *
 * @param der the encoded CRL
 * @param sample every 1000th listed random serial, for membership checks
 */
public record LargeCrl(byte[] der, List<BigInteger> sample) {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  public static LargeCrl generate(
      TestProvider provider,
      int count,
      long seed,
      Instant thisUpdate,
      Instant nextUpdate,
      List<BigInteger> extra) {
    try {
      X509Certificate issuer = provider.issuingCertificate();
      X509v2CRLBuilder builder =
          new X509v2CRLBuilder(
              new JcaX509CertificateHolder(issuer).getSubject(), Date.from(thisUpdate));
      builder.setNextUpdate(Date.from(nextUpdate));
      Random random = new Random(seed);
      Date revoked = Date.from(thisUpdate.minusSeconds(3600));
      List<BigInteger> sample = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        BigInteger serial = new BigInteger(128, random).setBit(127);
        builder.addCRLEntry(serial, revoked, i % 4 == 0 ? CRLReason.keyCompromise : 0);
        if (i % 1000 == 0) {
          sample.add(serial);
        }
      }
      for (BigInteger serial : extra) {
        builder.addCRLEntry(serial, revoked, CRLReason.superseded);
      }
      byte[] der =
          builder
              .build(
                  new JcaContentSignerBuilder(provider.keyKind().signatureAlgorithm())
                      .setProvider(BC)
                      .build(provider.issuing().privateKey()))
              .getEncoded();
      return new LargeCrl(der, List.copyOf(sample));
    } catch (Exception e) {
      throw new IllegalStateException("cannot generate the large CRL", e);
    }
  }

  /**
   * Random serials of the same shape that the CRL does not list (with overwhelming probability).
   */
  public static List<BigInteger> unlisted(int count, long seed) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    List<BigInteger> serials = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      serials.add(new BigInteger(128, random).setBit(127));
    }
    return serials;
  }
}
