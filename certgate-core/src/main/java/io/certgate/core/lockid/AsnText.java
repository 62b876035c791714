package io.certgate.core.lockid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.util.encoders.Hex;

/**
 * Turns an ASN.1 value into lock-ID text, following the unwrapping rules documented on {@link
 * LockIdRule}. Every result is stripped; a blank result is absent.
 */
final class AsnText {
  /** Vendors nest at most a couple of wrappers; the bound stops hostile deep nesting. */
  private static final int MAX_DEPTH = 4;

  private AsnText() {}

  /** The text of a value, unwrapping string types, OCTET STRINGs and one-element wrappers. */
  static Optional<String> of(ASN1Encodable value) {
    return of(value, 0);
  }

  /** The text of an extension's extnValue, which must be DER. */
  static Optional<String> ofExtensionValue(byte[] extnValue) {
    return parse(extnValue).flatMap(value -> of(value, 0));
  }

  private static Optional<String> of(ASN1Encodable value, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    ASN1Primitive primitive = value.toASN1Primitive();
    if (primitive instanceof ASN1UniversalString universal) {
      // BC renders UniversalString as "#hex"; it is UCS-4, i.e. UTF-32BE.
      return nonBlank(new String(universal.getOctets(), Charset.forName("UTF-32BE")));
    }
    if (primitive instanceof ASN1String string && !(primitive instanceof ASN1BitString)) {
      return nonBlank(string.getString());
    }
    if (primitive instanceof ASN1OctetString octets) {
      return ofOctets(octets.getOctets(), depth + 1);
    }
    if (primitive instanceof ASN1Sequence sequence && sequence.size() == 1) {
      return of(sequence.getObjectAt(0), depth + 1);
    }
    if (primitive instanceof ASN1TaggedObject tagged && tagged.isExplicit()) {
      return of(tagged.getExplicitBaseObject(), depth + 1);
    }
    return Optional.empty();
  }

  /** OCTET STRING content: a nested DER string if it is one, else UTF-8 text, else hex. */
  private static Optional<String> ofOctets(byte[] content, int depth) {
    Optional<String> nested = parse(content).flatMap(value -> of(value, depth));
    if (nested.isPresent()) {
      return nested;
    }
    Optional<String> text = printableUtf8(content);
    if (text.isPresent()) {
      return text;
    }
    return content.length == 0 ? Optional.empty() : Optional.of(Hex.toHexString(content));
  }

  private static Optional<ASN1Primitive> parse(byte[] der) {
    if (der.length == 0) {
      return Optional.empty();
    }
    try {
      // fromByteArray refuses trailing bytes, so raw text rarely passes for DER by accident.
      return Optional.of(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> printableUtf8(byte[] content) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    boolean printable = text.codePoints().noneMatch(Character::isISOControl);
    return printable ? nonBlank(text) : Optional.empty();
  }

  private static Optional<String> nonBlank(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
  }
}
