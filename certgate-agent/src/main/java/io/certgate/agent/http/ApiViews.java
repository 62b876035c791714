package io.certgate.agent.http;

import io.certgate.agent.token.TokenCertificate;
import io.certgate.agent.token.TokenInfo;
import io.certgate.agent.token.TokenSnapshot;
import io.certgate.core.AlgorithmMismatchException;
import io.certgate.core.json.JsonArray;
import io.certgate.core.json.JsonNull;
import io.certgate.core.json.JsonNumber;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonValue;
import io.certgate.core.token.TokenAlgorithm;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The JSON bodies of {@code GET /v1/status} and {@code GET /v1/certificates} (DESIGN.md §4). */
public final class ApiViews {
  private static final List<String> KEY_USAGES =
      List.of(
          "digitalSignature",
          "nonRepudiation",
          "keyEncipherment",
          "dataEncipherment",
          "keyAgreement",
          "keyCertSign",
          "cRLSign",
          "encipherOnly",
          "decipherOnly");

  private ApiViews() {}

  /**
   * {@code {"agent","version","tokens":[…],"problems":[…]}}: {@code problems} (an addition to
   * DESIGN.md §4) says in words what the last scan could not use — a driver that failed to load or
   * did not answer — so that support sees it without the log.
   */
  public static JsonObject status(
      String version, List<TokenSnapshot> tokens, List<String> problems) {
    List<JsonValue> list = new ArrayList<>();
    for (TokenSnapshot t : tokens) {
      list.add(token(t.info()));
    }
    return JsonObject.builder()
        .put("agent", "certgate-agent")
        .put("version", version)
        .put("tokens", new JsonArray(list))
        .put("problems", JsonArray.ofStrings(problems))
        .build();
  }

  /** {@code {"certificates":[…]}}, every certificate of every token. */
  public static JsonObject certificates(List<TokenSnapshot> tokens) {
    List<JsonValue> list = new ArrayList<>();
    for (TokenSnapshot t : tokens) {
      for (TokenCertificate c : t.certificates()) {
        list.add(certificate(c));
      }
    }
    return JsonObject.builder().put("certificates", new JsonArray(list)).build();
  }

  /** The fields a person reads out on a support call. */
  public record Summary(
      String subject, String issuer, String notBefore, String notAfter, String keyAlgorithm) {}

  public static Summary certificateSummary(TokenCertificate entry) {
    X509Certificate c = entry.certificate();
    return new Summary(
        c.getSubjectX500Principal().getName(X500Principal.RFC2253),
        c.getIssuerX500Principal().getName(X500Principal.RFC2253),
        c.getNotBefore().toInstant().toString(),
        c.getNotAfter().toInstant().toString(),
        keyAlgorithm(c));
  }

  private static JsonObject token(TokenInfo info) {
    return JsonObject.builder()
        .put("id", info.id())
        .put("label", info.label())
        .put("manufacturer", info.manufacturer())
        .put("serial", info.serial())
        .put("kind", info.kind().wireName())
        .put(
            "pinRetriesLeft",
            info.pinRetriesLeft().<JsonValue>map(n -> JsonNumber.of(n)).orElse(JsonNull.INSTANCE))
        .put("locked", info.locked())
        .build();
  }

  static JsonObject certificate(TokenCertificate entry) {
    X509Certificate c = entry.certificate();
    X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
    X500Name issuer = X500Name.getInstance(c.getIssuerX500Principal().getEncoded());
    return JsonObject.builder()
        .put("id", entry.id())
        .put("tokenId", entry.tokenId())
        .put("commonName", attribute(subject, BCStyle.CN))
        .put("organization", attribute(subject, BCStyle.O))
        .put("subject", c.getSubjectX500Principal().getName(X500Principal.RFC2253))
        .put("issuer", c.getIssuerX500Principal().getName(X500Principal.RFC2253))
        .put("issuerCommonName", attribute(issuer, BCStyle.CN))
        .put("serialNumber", c.getSerialNumber().toString(16))
        .put("notBefore", c.getNotBefore().toInstant().toString())
        .put("notAfter", c.getNotAfter().toInstant().toString())
        .put("keyAlgorithm", keyAlgorithm(c))
        .put("keyUsage", JsonArray.ofStrings(keyUsage(c)))
        .put("signatureCapable", entry.signatureCapable())
        .put("certificate", base64(c))
        .build();
  }

  /** "RSA", "EC" or "SM2": SM2 keys are EC keys to most providers, so the curve decides. */
  static String keyAlgorithm(X509Certificate c) {
    try {
      return switch (TokenAlgorithm.forKey(c.getPublicKey())) {
        case RS256, PS256 -> "RSA";
        case ES256, ES384 -> "EC";
        case SM2SM3 -> "SM2";
      };
    } catch (AlgorithmMismatchException e) {
      return c.getPublicKey().getAlgorithm();
    }
  }

  private static List<String> keyUsage(X509Certificate c) {
    boolean[] bits = c.getKeyUsage();
    List<String> names = new ArrayList<>();
    if (bits != null) {
      for (int i = 0; i < Math.min(bits.length, KEY_USAGES.size()); i++) {
        if (bits[i]) {
          names.add(KEY_USAGES.get(i));
        }
      }
    }
    return names;
  }

  private static String attribute(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0 || rdns[0].getFirst() == null) {
      return "";
    }
    return rdns[0].getFirst().getValue() instanceof ASN1String s
        ? s.getString()
        : rdns[0].getFirst().getValue().toString();
  }

  private static String base64(X509Certificate c) {
    try {
      return Base64.getEncoder().encodeToString(c.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate re-encodes", e);
    }
  }
}
