package io.certgate.core.revocation;

import io.certgate.core.revocation.OcspOutcome.Reason;
import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** The checks of one OCSP response against the request that asked for it (RFC 6960 §3.2). */
final class OcspResponseCheck {
  private final X509Certificate issuer;
  private final Optional<X509Certificate> trustedResponder;
  private final Instant now;
  private final Duration skew;

  OcspResponseCheck(
      X509Certificate issuer,
      Optional<X509Certificate> trustedResponder,
      Instant now,
      Duration skew) {
    this.issuer = issuer;
    this.trustedResponder = trustedResponder;
    this.now = now;
    this.skew = skew;
  }

  OcspOutcome check(byte[] encoded, CertificateID id, Extension nonce, String source) {
    BasicOCSPResp basic;
    try {
      OCSPResp response = new OCSPResp(encoded);
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        return OcspOutcome.failed(Reason.NOT_SUCCESSFUL);
      }
      if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
        return OcspOutcome.failed(Reason.MALFORMED);
      }
      basic = b;
    } catch (IOException | OCSPException | RuntimeException e) {
      return OcspOutcome.failed(Reason.MALFORMED);
    }
    Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (echoed == null || !echoed.getExtnValue().equals(nonce.getExtnValue())) {
      return OcspOutcome.failed(Reason.NONCE_MISMATCH); // a replayed or pre-produced answer
    }
    Reason signer = signerAuthorised(basic);
    if (signer != Reason.ESTABLISHED) {
      return OcspOutcome.failed(signer);
    }
    for (SingleResp single : basic.getResponses()) {
      if (single.getCertID().equals(id)) {
        return statusOf(single, source);
      }
    }
    return OcspOutcome.failed(Reason.NO_MATCHING_RESPONSE);
  }

  private OcspOutcome statusOf(SingleResp single, String source) {
    Instant thisUpdate = single.getThisUpdate().toInstant();
    Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
    boolean current =
        !thisUpdate.isAfter(now.plus(skew))
            && nextUpdate
                .map(n -> !n.isBefore(now.minus(skew)))
                // Without nextUpdate the answer is only as good as its freshness (RFC 6960
                // §4.2.2.1).
                .orElse(!thisUpdate.isBefore(now.minus(skew)));
    if (!current) {
      return OcspOutcome.failed(Reason.NOT_CURRENT);
    }
    CertificateStatus status = single.getCertStatus();
    if (status == CertificateStatus.GOOD) {
      return OcspOutcome.established(RevocationStatus.good(nextUpdate, source));
    }
    if (status instanceof RevokedStatus) {
      return OcspOutcome.established(RevocationStatus.revoked(nextUpdate, source));
    }
    return OcspOutcome.failed(
        status instanceof UnknownStatus ? Reason.STATUS_UNKNOWN : Reason.MALFORMED);
  }

  /**
   * RFC 6960 §4.2.2.2: the signer is the issuer itself, a locally trusted responder, or a
   * certificate the issuer signed that carries id-kp-OCSPSigning and is valid now.
   */
  private Reason signerAuthorised(BasicOCSPResp basic) {
    if (signedBy(basic, issuer.getPublicKey())
        || trustedResponder.map(r -> signedBy(basic, r.getPublicKey())).orElse(false)) {
      return Reason.ESTABLISHED;
    }
    boolean signedByIncluded = false;
    for (X509CertificateHolder included : included(basic)) {
      PublicKey key;
      try {
        key = BouncyCastle.converter().getCertificate(included).getPublicKey();
      } catch (Exception e) {
        continue;
      }
      if (signedBy(basic, key)) {
        signedByIncluded = true;
        if (delegatedByIssuer(included)) {
          return Reason.ESTABLISHED;
        }
      }
    }
    return signedByIncluded ? Reason.UNAUTHORIZED_RESPONDER : Reason.BAD_SIGNATURE;
  }

  private boolean delegatedByIssuer(X509CertificateHolder delegate) {
    try {
      JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
      ContentVerifierProvider issuerKey =
          new JcaContentVerifierProviderBuilder()
              .setProvider(BouncyCastle.PROVIDER)
              .build(issuer.getPublicKey());
      return delegate.getIssuer().equals(issuerHolder.getSubject())
          && delegate.isSignatureValid(issuerKey)
          && delegate.isValidOn(Date.from(now))
          && hasOcspSigning(delegate);
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean hasOcspSigning(X509CertificateHolder holder) {
    var eku = org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(holder.getExtensions());
    return eku != null && eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
  }

  private static List<X509CertificateHolder> included(BasicOCSPResp basic) {
    X509CertificateHolder[] certs = basic.getCerts();
    return certs == null ? List.of() : new ArrayList<>(List.of(certs));
  }

  private static boolean signedBy(BasicOCSPResp basic, PublicKey key) {
    try {
      return basic.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(key));
    } catch (Exception e) {
      return false;
    }
  }
}
