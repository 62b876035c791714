package io.certgate.core.revocation;

import io.certgate.core.revocation.Der.MalformedDerException;
import io.certgate.core.revocation.Der.Tlv;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
 * revoked entries in place into {@link SerialIndex}es.
 *
 * <p>Its issuingDistributionPoint becomes a {@link CrlScope} (partitions by distribution point,
 * reason, kind of certificate; indirect CRLs), its cRLNumber and deltaCRLIndicator are kept for
 * merging delta CRLs with their base; any other critical extension refuses the CRL.
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
      byte[] issuerDer,
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
      Optional<Tlv> entries = Optional.empty();
      Optional<Tlv> extensions = Optional.empty();
      while (p < limit) {
        Tlv tlv = Der.read(data, p, limit);
        if (tlv.is(Der.UTC_TIME) || tlv.is(Der.GENERALIZED_TIME)) {
          nextUpdate = Optional.of(time(tlv));
        } else if (tlv.is(Der.SEQUENCE)) {
          entries = Optional.of(tlv);
        } else if (tlv.is(Der.CONTEXT_0)) {
          extensions = Optional.of(Der.expect(data, tlv.valueStart(), tlv.end(), Der.SEQUENCE));
        } else {
          throw new MalformedDerException("unexpected element in tbsCertList at " + p);
        }
        p = tlv.end();
      }
      Optional<Extensions> exts =
          extensions.isPresent()
              ? Optional.of(Extensions.getInstance(asn1(extensions.get())))
              : Optional.empty();
      CrlScope scope = exts.isPresent() ? scope(exts.get()) : CrlScope.COMPLETE;
      Optional<BigInteger> deltaBase = number(exts, Extension.deltaCRLIndicator);
      // Entry extensions matter only where an entry can name another issuer (indirect CRLs) or
      // take a serial off the base (delta CRLs); a complete direct CRL is walked without them.
      boolean perEntry = scope.indirect() || deltaBase.isPresent();
      CrlEntries walked =
          entries.isPresent()
              ? CrlEntryWalker.walk(data, entries.get(), issuer, perEntry)
              : CrlEntryWalker.none(issuer);
      return new Crl(
          issuer,
          issuerDer,
          thisUpdateTime,
          nextUpdate,
          walked,
          scope,
          number(exts, Extension.cRLNumber),
          deltaBase);
    }

    private CrlScope scope(Extensions exts) throws MalformedDerException {
      CrlScope scope = CrlScope.COMPLETE;
      for (var oid : exts.getExtensionOIDs()) {
        Extension ext = exts.getExtension(oid);
        if (oid.equals(Extension.issuingDistributionPoint)) {
          try {
            scope = CrlScope.of(IssuingDistributionPoint.getInstance(ext.getParsedValue()), issuer);
          } catch (RuntimeException e) {
            throw new MalformedDerException("bad issuingDistributionPoint");
          }
        } else if (ext.isCritical() && !oid.equals(Extension.deltaCRLIndicator)) {
          throw new MalformedDerException("unsupported critical CRL extension " + oid);
        }
      }
      return scope;
    }

    private static Optional<BigInteger> number(Optional<Extensions> exts, ASN1ObjectIdentifier oid)
        throws MalformedDerException {
      Extension ext = exts.map(e -> e.getExtension(oid)).orElse(null);
      if (ext == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(ASN1Integer.getInstance(ext.getParsedValue()).getValue());
      } catch (RuntimeException e) {
        throw new MalformedDerException("bad " + oid);
      }
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
          issuer.encoded(data),
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
