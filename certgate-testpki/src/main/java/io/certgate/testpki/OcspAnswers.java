package io.certgate.testpki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Turns a DER OCSP request into a DER OCSP response (RFC 6960), per the responder's settings. */
final class OcspAnswers {
  /** Who signs for one CA: the CA itself or its delegate, plus the certificates to include. */
  record Signer(PrivateKey key, X509Certificate certificate, List<X509Certificate> included) {}

  /** A CA this responder answers for. */
  record Authority(
      X509Certificate ca,
      Signer signer,
      Clock clock,
      Function<BigInteger, Optional<Instant>> revoked) {}

  /** Per-response settings read from the responder at request time. */
  record Settings(
      OcspResponder.Mode mode, Duration thisUpdateOffset, Optional<Duration> nextUpdate) {}

  private final List<Authority> authorities = new CopyOnWriteArrayList<>();
  private final Map<KeyKind, Signer> rogues = new ConcurrentHashMap<>();
  private final DigestCalculatorProvider digests;

  OcspAnswers() {
    try {
      digests = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  void add(Authority authority) {
    authorities.add(0, authority);
  }

  byte[] answer(byte[] der, Settings settings) throws IOException {
    OCSPReq request;
    try {
      request = new OCSPReq(der);
    } catch (IOException | RuntimeException e) {
      return status(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    Req[] items = request.getRequestList();
    if (items.length == 0) {
      return status(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    Optional<Authority> authority = authorityFor(items[0].getCertID());
    for (Req item : items) {
      if (authority.isEmpty() || !matches(item.getCertID(), authority.get().ca())) {
        return status(OCSPRespBuilder.UNAUTHORIZED);
      }
    }
    try {
      return sign(request, items, authority.get(), settings);
    } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
      throw new IOException("cannot build OCSP response", e);
    }
  }

  private byte[] sign(OCSPReq request, Req[] items, Authority authority, Settings settings)
      throws OCSPException, OperatorCreationException, CertificateEncodingException, IOException {
    Signer signer =
        settings.mode() == OcspResponder.Mode.UNAUTHORIZED_RESPONDER
            ? rogue(KeyKind.of(authority.ca().getPublicKey()), authority.clock().instant())
            : authority.signer();
    BasicOCSPRespBuilder builder =
        new JcaBasicOCSPRespBuilder(
            signer.certificate().getPublicKey(), digests.get(RespID.HASH_SHA1));
    Instant now = authority.clock().instant();
    Instant thisUpdate = now.plus(settings.thisUpdateOffset());
    Date nextUpdate = settings.nextUpdate().map(d -> Date.from(thisUpdate.plus(d))).orElse(null);
    for (Req item : items) {
      builder.addResponse(
          item.getCertID(),
          status(item.getCertID(), authority, settings),
          Date.from(thisUpdate),
          nextUpdate);
    }
    Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (nonce != null) {
      builder.setResponseExtensions(new Extensions(nonce));
    }
    X509CertificateHolder[] included = new X509CertificateHolder[signer.included().size()];
    for (int i = 0; i < included.length; i++) {
      included[i] = new JcaX509CertificateHolder(signer.included().get(i));
    }
    BasicOCSPResp basic =
        builder.build(
            Bc.signer(KeyKind.of(signer.certificate().getPublicKey()), signer.key()),
            included,
            Date.from(now));
    if (settings.mode() == OcspResponder.Mode.BAD_SIGNATURE) {
      return corrupted(basic);
    }
    return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
  }

  private CertificateStatus status(CertificateID id, Authority authority, Settings settings) {
    if (settings.mode() == OcspResponder.Mode.UNKNOWN) {
      return new UnknownStatus();
    }
    return authority
        .revoked()
        .apply(id.getSerialNumber())
        .<CertificateStatus>map(when -> new RevokedStatus(Date.from(when), CRLReason.unspecified))
        .orElse(CertificateStatus.GOOD);
  }

  private Optional<Authority> authorityFor(CertificateID id) {
    return authorities.stream().filter(a -> matches(id, a.ca())).findFirst();
  }

  private boolean matches(CertificateID id, X509Certificate ca) {
    try {
      return id.matchesIssuer(new JcaX509CertificateHolder(ca), digests);
    } catch (OCSPException | CertificateEncodingException e) {
      // An issuer hash algorithm we cannot compute: not ours.
      return false;
    }
  }

  /** A self-signed key unrelated to any provider: the "unauthorized responder". */
  private Signer rogue(KeyKind kind, Instant now) {
    return rogues.computeIfAbsent(
        kind,
        k -> {
          CertificateAuthority self =
              CertificateAuthority.root(
                  new X500Name("CN=Unrelated OCSP Responder,O=Nobody,C=CN"),
                  k,
                  now.minus(Duration.ofDays(365)),
                  now.plus(Duration.ofDays(3650)),
                  new java.security.SecureRandom());
          return new Signer(self.privateKey(), self.certificate(), List.of(self.certificate()));
        });
  }

  /** The same response with one bit of its signature flipped. */
  private static byte[] corrupted(BasicOCSPResp basic) throws IOException {
    BasicOCSPResponse asn1 = BasicOCSPResponse.getInstance(basic.getEncoded());
    byte[] signature = asn1.getSignature().getOctets();
    signature[signature.length / 2] ^= 0x01;
    BasicOCSPResponse broken =
        new BasicOCSPResponse(
            asn1.getTbsResponseData(),
            asn1.getSignatureAlgorithm(),
            new DERBitString(signature),
            asn1.getCerts());
    ResponseBytes bytes =
        new ResponseBytes(
            OCSPObjectIdentifiers.id_pkix_ocsp_basic, new DEROctetString(broken.getEncoded()));
    return new OCSPResponse(new OCSPResponseStatus(OCSPResponseStatus.SUCCESSFUL), bytes)
        .getEncoded();
  }

  private static byte[] status(int status) throws IOException {
    try {
      return new OCSPRespBuilder().build(status, null).getEncoded();
    } catch (OCSPException e) {
      throw new IOException(e);
    }
  }
}
