package io.certgate.core.revocation;

import io.certgate.core.revocation.OcspOutcome.Reason;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** The {@link OcspClient}: one POST per uncached question, answers cached until nextUpdate. */
final class HttpOcspClient implements OcspClient {
  private static final System.Logger LOG = System.getLogger(HttpOcspClient.class.getName());
  private static final int NONCE_BYTES = 16;

  private final Clock clock;
  private final SecureRandom random;
  private final Optional<URI> responderUrl;
  private final Optional<X509Certificate> trustedResponder;
  private final Duration clockSkew;
  private final Fetcher fetcher;
  private final StatusCache cache;
  private final long holdDownNanos;
  private final Consumer<OcspFailure> onFailure;

  /** Per responder, the System.nanoTime() before which it is not asked again (after a timeout). */
  private final ConcurrentHashMap<URI, Long> quietUntil = new ConcurrentHashMap<>();

  HttpOcspClient(OcspClient.Builder b) {
    this.clock = b.clock;
    this.random = b.random;
    this.responderUrl = b.responderUrl;
    this.trustedResponder = b.trustedResponder;
    this.clockSkew = b.clockSkew;
    this.fetcher =
        new Fetcher(
            b.httpClient.orElseGet(() -> Fetcher.defaultClient(b.timeout)),
            b.timeout,
            b.timeout, // a validation waits for this exchange: the timeout bounds all of it
            1 << 20);
    this.cache = new StatusCache(b.cacheSize);
    this.holdDownNanos = b.holdDown.toNanos();
    this.onFailure = b.onFailure;
  }

  @Override
  public Optional<RevocationStatus> status(X509Certificate certificate, X509Certificate issuer) {
    return ask(certificate, issuer).status();
  }

  /** The whole exchange, with the reason when nothing was established (tests assert on it). */
  OcspOutcome ask(X509Certificate certificate, X509Certificate issuer) {
    CertificateID id;
    try {
      id =
          new CertificateID(
              new JcaDigestCalculatorProviderBuilder()
                  .setProvider(BouncyCastle.PROVIDER)
                  .build()
                  .get(CertificateID.HASH_SHA1),
              new JcaX509CertificateHolder(issuer),
              certificate.getSerialNumber());
    } catch (Exception e) {
      return OcspOutcome.failed(Reason.MALFORMED);
    }
    String key = HexFormat.of().formatHex(id.getIssuerKeyHash()) + ":" + id.getSerialNumber();
    Optional<RevocationStatus> cached = cache.get(key, clock.instant());
    if (cached.isPresent()) {
      return new OcspOutcome(Reason.ESTABLISHED, cached);
    }
    OcspOutcome outcome = exchange(certificate, issuer, id);
    outcome.status().ifPresent(status -> cache.put(key, status));
    if (outcome.status().isEmpty()) {
      LOG.log(
          Level.WARNING,
          "OCSP gave no status for serial {0}: {1}",
          id.getSerialNumber(),
          outcome.reason());
      notify(OcspFailure.of(outcome.reason()));
    }
    return outcome;
  }

  private OcspOutcome exchange(
      X509Certificate certificate, X509Certificate issuer, CertificateID id) {
    Optional<URI> url =
        responderUrl.or(() -> DistributionPoints.ocsp(certificate).stream().findFirst());
    if (url.isEmpty()) {
      return OcspOutcome.failed(Reason.NO_RESPONDER);
    }
    if (quiet(url.get())) {
      return OcspOutcome.failed(Reason.TIMEOUT); // timed out moments ago: not worth a thread
    }
    byte[] nonceBytes = new byte[NONCE_BYTES];
    random.nextBytes(nonceBytes);
    Extension nonce =
        new Extension(
            OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonceBytes));
    byte[] response;
    try {
      byte[] request =
          new OCSPReqBuilder()
              .addRequest(id)
              .setRequestExtensions(new Extensions(nonce))
              .build()
              .getEncoded();
      response = fetcher.post(url.get(), "application/ocsp-request", request);
    } catch (HttpTimeoutException e) {
      if (holdDownNanos > 0) {
        quietUntil.put(url.get(), System.nanoTime() + holdDownNanos);
      }
      return OcspOutcome.failed(Reason.TIMEOUT);
    } catch (Fetcher.HttpStatusException e) {
      return OcspOutcome.failed(Reason.HTTP_ERROR);
    } catch (IOException | org.bouncycastle.cert.ocsp.OCSPException e) {
      return OcspOutcome.failed(Reason.UNAVAILABLE);
    }
    return new OcspResponseCheck(issuer, trustedResponder, clock.instant(), clockSkew)
        .check(response, id, nonce, "OCSP " + url.get());
  }

  private boolean quiet(URI url) {
    Long until = quietUntil.get(url);
    if (until == null) {
      return false;
    }
    if (System.nanoTime() - until < 0) {
      return true;
    }
    quietUntil.remove(url, until);
    return false;
  }

  private void notify(OcspFailure failure) {
    try {
      onFailure.accept(failure);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "OCSP failure listener failed", e);
    }
  }
}
