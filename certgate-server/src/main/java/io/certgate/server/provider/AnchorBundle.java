package io.certgate.server.provider;

import io.certgate.core.CertMalformedException;
import io.certgate.core.cert.Certificates;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Reads and checks a provider's PEM bundle: only CA certificates, at least one self-signed root,
 * and every other certificate issued (signature verified) by another one of the bundle, so an
 * uploaded bundle is one coherent hierarchy and not a stray end-entity certificate.
 */
final class AnchorBundle {
  private static final Provider BC = new BouncyCastleProvider();
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");
  private static final int MAX_CERTIFICATES = 50;

  private AnchorBundle() {}

  /**
   * The certificates of a PEM bundle, checked.
   *
   * @throws IllegalArgumentException with a Chinese reason when the bundle is not acceptable
   */
  static List<X509Certificate> parse(String pem) {
    List<X509Certificate> certificates = certificates(pem);
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("根证书不能为空(PEM格式)");
    }
    if (certificates.size() > MAX_CERTIFICATES) {
      throw new IllegalArgumentException("证书过多");
    }
    for (X509Certificate c : certificates) {
      if (c.getBasicConstraints() < 0) {
        throw new IllegalArgumentException("不是CA证书: " + c.getSubjectX500Principal().getName());
      }
    }
    if (certificates.stream().noneMatch(AnchorBundle::selfSigned)) {
      throw new IllegalArgumentException("缺少自签名根证书");
    }
    for (X509Certificate c : certificates) {
      if (!selfSigned(c) && certificates.stream().noneMatch(i -> i != c && issued(i, c))) {
        throw new IllegalArgumentException("证书链不完整,缺少签发者: " + c.getIssuerX500Principal().getName());
      }
    }
    return certificates;
  }

  /** Every certificate of a PEM text, in order; any block that does not decode is refused. */
  static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> out = new ArrayList<>();
    Matcher m = PEM.matcher(pem);
    while (m.find()) {
      try {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        out.add(Certificates.decode(der));
      } catch (CertMalformedException | IllegalArgumentException e) {
        throw new IllegalArgumentException("证书无法解析(PEM格式错误)");
      }
    }
    return out;
  }

  private static boolean selfSigned(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && issued(c, c);
  }

  private static boolean issued(X509Certificate issuer, X509Certificate subject) {
    if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
      return false;
    }
    try {
      subject.verify(issuer.getPublicKey(), BC);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
