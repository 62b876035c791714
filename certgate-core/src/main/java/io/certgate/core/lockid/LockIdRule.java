package io.certgate.core.lockid;

import io.certgate.core.CertMalformedException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * How a provider derives the lock ID (CA锁ID) from its certificates. A rule is an immutable value
 * parsed from its text form; {@link #toString()} gives that text back in canonical form, so a rule
 * round-trips through configuration and databases unchanged.
 *
 * <table>
 *   <caption>Rules and the lock IDs they produce</caption>
 *   <tr><th>rule text</th><th>lock ID</th></tr>
 *   <tr><td>{@code SPKI_SHA256} (default)</td>
 *       <td>lowercase hex SHA-256 of the certificate's SubjectPublicKeyInfo DER (64 chars)</td></tr>
 *   <tr><td>{@code ISSUER_SERIAL}</td>
 *       <td>the issuer DN in RFC 2253/4514 form as Java's {@code X500Principal.getName("RFC2253")}
 *       prints it, a colon, then the serial number as lowercase hex without leading zeros, e.g.
 *       {@code CN=Demo Issuing CA,O=Demo:1a2b}</td></tr>
 *   <tr><td>{@code SUBJECT_ATTRIBUTE:<oid>}</td>
 *       <td>the string value of the first subject attribute of that type, in DN encoding order</td></tr>
 *   <tr><td>{@code EXTENSION:<oid>}</td>
 *       <td>the extension's value unwrapped from its ASN.1 string type (see below)</td></tr>
 * </table>
 *
 * <p>Extension values are unwrapped as follows: any ASN.1 string type (UTF8String, PrintableString,
 * IA5String, BMPString, VisibleString, TeletexString, NumericString, UniversalString) gives its
 * text; an OCTET STRING, a SEQUENCE of exactly one element or an explicitly tagged value is
 * unwrapped once more; an OCTET STRING whose content is not itself DER gives its content as UTF-8
 * text when it is printable text, otherwise as lowercase hex. Text values of every rule are
 * stripped of surrounding white space; an empty result counts as missing.
 *
 * <p>A certificate that does not carry what the rule reads (no such attribute or extension, or a
 * value that is not a string) fails with {@link CertMalformedException} ({@code CERT_MALFORMED}):
 * it does not have the form the provider promised.
 */
public sealed interface LockIdRule
    permits SpkiSha256Rule, IssuerSerialRule, SubjectAttributeRule, ExtensionRule {

  /** The default rule, {@code SPKI_SHA256}. */
  LockIdRule DEFAULT = new SpkiSha256Rule();

  /**
   * Parses a rule text. Keywords are case-insensitive; surrounding white space is ignored.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms when the text is not
   *     a rule or the OID is not a dotted-decimal object identifier
   */
  static LockIdRule parse(String text) {
    String trimmed = text.strip();
    int colon = trimmed.indexOf(':');
    String keyword = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toUpperCase(Locale.ROOT);
    String argument = colon < 0 ? null : trimmed.substring(colon + 1).strip();
    switch (keyword) {
      case "SPKI_SHA256":
        requireNoArgument(text, argument);
        return DEFAULT;
      case "ISSUER_SERIAL":
        requireNoArgument(text, argument);
        return new IssuerSerialRule();
      case "SUBJECT_ATTRIBUTE":
        return new SubjectAttributeRule(oid(text, argument));
      case "EXTENSION":
        return new ExtensionRule(oid(text, argument));
      default:
        throw invalid(text, "unknown rule");
    }
  }

  /**
   * Reads the lock ID of a certificate.
   *
   * @throws CertMalformedException when the certificate lacks the value this rule reads
   */
  String extract(X509Certificate certificate) throws CertMalformedException;

  /** The canonical rule text, which {@link #parse(String)} accepts. */
  @Override
  String toString();

  private static void requireNoArgument(String text, String argument) {
    if (argument != null) {
      throw invalid(text, "this rule takes no argument");
    }
  }

  private static ASN1ObjectIdentifier oid(String text, String argument) {
    if (argument == null || argument.isEmpty()) {
      throw invalid(text, "an OID is required after the colon");
    }
    if (!argument.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
      throw invalid(text, "'" + argument + "' is not a dotted-decimal OID");
    }
    try {
      return new ASN1ObjectIdentifier(argument);
    } catch (IllegalArgumentException e) {
      throw invalid(text, "'" + argument + "' is not a valid OID");
    }
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "invalid lock-ID rule '"
            + text
            + "': "
            + reason
            + " (expected SPKI_SHA256, ISSUER_SERIAL, SUBJECT_ATTRIBUTE:<oid> or EXTENSION:<oid>)");
  }
}
