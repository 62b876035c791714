package io.certgate.core.revocation;

import io.certgate.core.revocation.Der.MalformedDerException;
import io.certgate.core.revocation.Der.Tlv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Reads an X.509 CRL (RFC 5280 §5) in two steps: {@link #open} locates the signed part and the
 * issuer, so that the caller can check the signature before {@link Envelope#index} walks the
 * revoked entries in place into a {@link SerialIndex}.
 *
 * <p>Deliberately refused, because treating them as complete CRLs would hide revocations: delta
 * CRLs, indirect CRLs, CRLs partitioned by reason, and any other critical extension.
 */
final class CrlParser {
  private static final String PEM_BEGIN = "-----BEGIN X509 CRL-----";
  private static final String PEM_END = "-----END X509 CRL-----";

  private CrlParser() {}

  /** A CRL whose envelope was read but whose entries were not yet walked. */
  record Envelope(
      byte[] data,
      Tlv tbs,
      AlgorithmIdentifier signatureAlgorithm,
      byte[] signature,
      X500Name issuer,
      int afterIssuer) {

    /** Whether the CRL was signed by the private key of {@code issuerKey}. */
    boolean signedBy(PublicKey issuerKey) {
      try {
        ContentVerifierProvider provider =
            new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(issuerKey);
        ContentVerifier verifier = provider.get(signatureAlgorithm);
        try (OutputStream out = verifier.getOutputStream()) {
          out.write(data, tbs.start(), tbs.end() - tbs.start());
        }
        return verifier.verify(signature);
      } catch (Exception wrongKeyOrAlgorithm) {
        return false;
      }
    }

    /** Walks the rest of the signed part; call only after {@link #signedBy} returned true. */
    Crl index() throws MalformedDerException {
      int limit = tbs.end();
      Tlv thisUpdate = Der.read(data, afterIssuer, limit);
      Instant thisUpdateTime = time(thisUpdate);
      int p = thisUpdate.end();
      Optional<Instant> nextUpdate = Optional.empty();
      SerialIndex.Builder serials = new SerialIndex.Builder();
      Scope scope = Scope.ALL;
      while (p < limit) {
        Tlv tlv = Der.read(data, p, limit);
        if (tlv.is(Der.UTC_TIME) || tlv.is(Der.GENERALIZED_TIME)) {
          nextUpdate = Optional.of(time(tlv));
        } else if (tlv.is(Der.SEQUENCE)) {
          addEntries(tlv, serials);
        } else if (tlv.is(Der.CONTEXT_0)) {
          scope = scope(Der.expect(data, tlv.valueStart(), tlv.end(), Der.SEQUENCE));
        } else {
          throw new MalformedDerException("unexpected element in tbsCertList at " + p);
        }
        p = tlv.end();
      }
      return new Crl(issuer, thisUpdateTime, nextUpdate, serials.build(), scope);
    }

    private void addEntries(Tlv list, SerialIndex.Builder serials) throws MalformedDerException {
      for (int p = list.valueStart(); p < list.end(); ) {
        Tlv entry = Der.expect(data, p, list.end(), Der.SEQUENCE);
        Tlv serial = Der.expect(data, entry.valueStart(), entry.end(), Der.INTEGER);
        if (serial.valueLength() == 0) {
          throw new MalformedDerException("empty serial number at " + p);
        }
        serials.add(data, serial.valueStart(), serial.end());
        p = entry.end();
      }
    }

    private Scope scope(Tlv extensions) throws MalformedDerException {
      Extensions exts = Extensions.getInstance(asn1(extensions));
      Scope scope = Scope.ALL;
      for (var oid : exts.getExtensionOIDs()) {
        Extension ext = exts.getExtension(oid);
        if (oid.equals(Extension.deltaCRLIndicator)) {
          throw new MalformedDerException("delta CRLs are not supported");
        } else if (oid.equals(Extension.issuingDistributionPoint)) {
          scope = scopeOf(IssuingDistributionPoint.getInstance(ext.getParsedValue()));
        } else if (ext.isCritical()) {
          throw new MalformedDerException("unsupported critical CRL extension " + oid);
        }
      }
      return scope;
    }

    private static Scope scopeOf(IssuingDistributionPoint idp) throws MalformedDerException {
      if (idp.isIndirectCRL()
          || idp.getOnlySomeReasons() != null
          || idp.onlyContainsAttributeCerts()) {
        throw new MalformedDerException("partitioned or indirect CRLs are not supported");
      }
      if (idp.onlyContainsUserCerts()) {
        return Scope.END_ENTITIES;
      }
      return idp.onlyContainsCACerts() ? Scope.CAS : Scope.ALL;
    }

    private Instant time(Tlv tlv) throws MalformedDerException {
      if (!tlv.is(Der.UTC_TIME) && !tlv.is(Der.GENERALIZED_TIME)) {
        throw new MalformedDerException("expected a time at " + tlv.start());
      }
      try {
        return Time.getInstance(asn1(tlv)).getDate().toInstant();
      } catch (RuntimeException e) {
        throw new MalformedDerException("bad time at " + tlv.start());
      }
    }

    private ASN1Primitive asn1(Tlv tlv) throws MalformedDerException {
      try {
        return ASN1Primitive.fromByteArray(tlv.encoded(data));
      } catch (IOException | RuntimeException e) {
        throw new MalformedDerException("bad ASN.1 at " + tlv.start());
      }
    }
  }

  /** Which certificates a CRL speaks for (its issuingDistributionPoint). */
  enum Scope {
    ALL,
    END_ENTITIES,
    CAS;

    boolean covers(boolean isCa) {
      return this == ALL || (isCa ? this == CAS : this == END_ENTITIES);
    }
  }

  /** Reads the envelope of a DER or PEM encoded CRL. */
  static Envelope open(byte[] input) throws MalformedDerException {
    byte[] data = unPem(input);
    Tlv outer = Der.expect(data, 0, data.length, Der.SEQUENCE);
    if (outer.end() != data.length) {
      throw new MalformedDerException("trailing bytes after the CRL");
    }
    Tlv tbs = Der.expect(data, outer.valueStart(), outer.end(), Der.SEQUENCE);
    Tlv algorithm = Der.expect(data, tbs.end(), outer.end(), Der.SEQUENCE);
    Tlv signature = Der.expect(data, algorithm.end(), outer.end(), Der.BIT_STRING);
    if (signature.end() != outer.end()
        || signature.valueLength() < 2
        || data[signature.valueStart()] != 0) {
      throw new MalformedDerException("bad signature value");
    }
    int p = tbs.valueStart();
    Tlv first = Der.read(data, p, tbs.end());
    if (first.is(Der.INTEGER)) { // version v2
      first = Der.read(data, first.end(), tbs.end());
    }
    // RFC 5280 §5.1.1.2: the inner algorithm must equal the outer one.
    if (!first.is(Der.SEQUENCE)
        || !Arrays.equals(
            data, first.start(), first.end(), data, algorithm.start(), algorithm.end())) {
      throw new MalformedDerException("signature algorithms differ");
    }
    Tlv issuer = Der.expect(data, first.end(), tbs.end(), Der.SEQUENCE);
    try {
      return new Envelope(
          data,
          tbs,
          AlgorithmIdentifier.getInstance(ASN1Primitive.fromByteArray(algorithm.encoded(data))),
          Arrays.copyOfRange(data, signature.valueStart() + 1, signature.end()),
          X500Name.getInstance(ASN1Primitive.fromByteArray(issuer.encoded(data))),
          issuer.end());
    } catch (IOException | RuntimeException e) {
      throw new MalformedDerException("bad algorithm or issuer name");
    }
  }

  private static byte[] unPem(byte[] input) throws MalformedDerException {
    if (input.length == 0 || input[0] == Der.SEQUENCE) {
      return input;
    }
    String text = new String(input, StandardCharsets.US_ASCII);
    int begin = text.indexOf(PEM_BEGIN);
    int end = text.indexOf(PEM_END);
    if (begin < 0 || end < begin) {
      throw new MalformedDerException("neither DER nor a PEM X509 CRL");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new MalformedDerException("bad base64 in PEM CRL");
    }
  }
}
