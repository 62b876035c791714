package io.certgate.server.provider;

import io.certgate.core.cert.ProfileRule;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.lockid.LockIdRule;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.token.TokenAlgorithm;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a stored {@link Provider} into core's {@link ProviderTrust}, checking every field. The same
 * checks run when an administrator saves a provider and when the directory loader reads one, so
 * nothing that would fail later at login can be stored.
 */
final class ProviderSpec {
  static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private ProviderSpec() {}

  /**
   * @throws IllegalArgumentException with a Chinese reason for the first bad field
   */
  static ProviderTrust trust(Provider p, Duration timeout) {
    if (!CODE.matcher(p.code()).matches()) {
      throw new IllegalArgumentException("服务商代码须为1-32位小写字母、数字、_ 或 -");
    }
    if (p.name().isBlank() || p.name().length() > 100) {
      throw new IllegalArgumentException("服务商名称无效");
    }
    LockIdRule rule;
    try {
      rule = LockIdRule.parse(p.lockId());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CA锁ID规则无效: " + p.lockId());
    }
    if (p.applicationUrl() != null
        && !url(p.applicationUrl(), "applicationUrl").getScheme().startsWith("http")) {
      // shown to users as a link: a web address only
      throw new IllegalArgumentException("地址无效: applicationUrl");
    }
    return ProviderTrust.builder(p.code())
        .name(p.name())
        .enabled(p.enabled())
        .anchors(AnchorBundle.parse(p.anchors()))
        .lockIdRule(rule)
        .revocation(revocation(p.revocation(), timeout))
        .allowedAlgorithms(algorithms(p.algorithms()))
        .relax(relaxed(p.relaxProfileRules()))
        .build();
  }

  /** The canonical lock-ID rule text, or {@code IllegalArgumentException}. */
  static String canonicalRule(String text) {
    try {
      return LockIdRule.parse(text).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CA锁ID规则无效: " + text);
    }
  }

  private static RevocationPolicy revocation(Provider.Revocation r, Duration timeout) {
    RevocationPolicy.Builder b = RevocationPolicy.builder().timeout(timeout);
    b.mode(choice(RevocationPolicy.Mode.class, r.mode(), "revocation.mode"));
    b.failure(choice(RevocationPolicy.Failure.class, r.failure(), "revocation.failure"));
    for (String crl : r.crlUrls()) {
      b.crlUrl(url(crl, "revocation.crlUrls"));
    }
    if (r.ocspUrl() != null) {
      b.ocspUrl(url(r.ocspUrl(), "revocation.ocspUrl"));
    }
    if (r.ocspResponderCertificate() != null) {
      List<X509Certificate> responder = AnchorBundle.certificates(r.ocspResponderCertificate());
      if (responder.size() != 1) {
        throw new IllegalArgumentException("OCSP响应者证书须为一个PEM证书");
      }
      b.ocspResponderCertificate(responder.get(0));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("吊销检查配置无效");
    }
  }

  private static Set<TokenAlgorithm> algorithms(List<String> names) {
    if (names.isEmpty()) {
      return EnumSet.allOf(TokenAlgorithm.class);
    }
    EnumSet<TokenAlgorithm> set = EnumSet.noneOf(TokenAlgorithm.class);
    names.forEach(n -> set.add(choice(TokenAlgorithm.class, n, "algorithms")));
    return set;
  }

  /** Names of core's ProfileRule; an unknown name is refused rather than silently ignored. */
  private static ProfileRule[] relaxed(List<String> names) {
    return names.stream()
        .map(n -> choice(ProfileRule.class, n, "relaxProfileRules"))
        .toArray(ProfileRule[]::new);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("字段无效: " + field);
    }
  }

  private static URI url(String text, String field) {
    try {
      URI uri = new URI(text.strip());
      String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
      // fetched by the server: a web address only (file: would read the server's own disk)
      if (!Set.of("http", "https").contains(scheme)
          || uri.getHost() == null
          || text.length() > 1000) {
        throw new IllegalArgumentException(field);
      }
      return uri;
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("地址无效: " + field);
    }
  }
}
