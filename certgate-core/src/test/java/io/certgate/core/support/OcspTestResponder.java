package io.certgate.core.support;

import com.sun.net.httpserver.HttpServer;
import io.certgate.testpki.Credential;
import io.certgate.testpki.TestProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder over real HTTP on loopback for one test provider, answering from the provider's
 * revocation records, with the faults the client must detect switchable per test.
 */
public final class OcspTestResponder implements AutoCloseable {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  /** What the next answers get wrong. */
  public enum Fault {
    NONE,
    DOWN,
    WRONG_NONCE,
    NO_NONCE,
    BAD_SIGNATURE,
    STATUS_UNKNOWN,
    EXPIRED_ANSWER
  }

  private volatile TestProvider provider;
  private final Clock clock;
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Fault fault = Fault.NONE;
  private volatile Optional<Credential> signer = Optional.empty();

  public OcspTestResponder(TestProvider provider, Clock clock) {
    this(clock);
    serve(provider);
  }

  /** A responder whose URL is known before its provider exists (to put it into certificates). */
  public OcspTestResponder(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try {
            if (fault == Fault.DOWN) {
              exchange.sendResponseHeaders(503, -1);
              return;
            }
            byte[] body = answer(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  public void serve(TestProvider provider) {
    this.provider = provider;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
  }

  public void fault(Fault fault) {
    this.fault = fault;
  }

  /**
   * Signs answers about end certificates with this credential (a delegate, or an unauthorised one)
   * instead of the issuing CA; answers about the issuing CA stay signed by the root.
   */
  public void signWith(Credential credential) {
    this.signer = Optional.of(credential);
  }

  public int requests() {
    return requests.get();
  }

  private byte[] answer(byte[] request) throws Exception {
    OCSPReq req = new OCSPReq(request);
    Instant now = clock.instant();
    Credential signedBy = signer.orElse(provider.issuing());
    BasicOCSPRespBuilder builder =
        new BasicOCSPRespBuilder(
            new RespID(new JcaX509CertificateHolder(signedBy.certificate()).getSubject()));
    for (Req one : req.getRequestList()) {
      CertificateID id = one.getCertID();
      Instant thisUpdate = fault == Fault.EXPIRED_ANSWER ? now.minus(Duration.ofDays(2)) : now;
      builder.addResponse(
          id,
          status(id.getSerialNumber()),
          Date.from(thisUpdate),
          Date.from(thisUpdate.plus(Duration.ofHours(1))),
          null);
      if (issuedByRoot(id)) {
        signedBy = provider.root(); // the issuing CA's own status comes from the root
      }
    }
    builder.setResponseExtensions(new Extensions(nonce(req)));
    BasicOCSPResp basic =
        builder.build(
            new JcaContentSignerBuilder(provider.keyKind().signatureAlgorithm())
                .setProvider(BC)
                .build(signedBy.privateKey()),
            new X509CertificateHolder[] {new JcaX509CertificateHolder(signedBy.certificate())},
            Date.from(now));
    if (fault == Fault.BAD_SIGNATURE) {
      basic = corrupt(basic);
    }
    return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
  }

  private boolean issuedByRoot(CertificateID id) throws Exception {
    return id.matchesIssuer(
        new JcaX509CertificateHolder(provider.rootCertificate()),
        new JcaDigestCalculatorProviderBuilder().setProvider(BC).build());
  }

  private CertificateStatus status(BigInteger serial) {
    if (fault == Fault.STATUS_UNKNOWN) {
      return new UnknownStatus();
    }
    return provider
        .revocationTime(serial)
        .<CertificateStatus>map(t -> new RevokedStatus(Date.from(t), CRLReason.keyCompromise))
        .orElse(CertificateStatus.GOOD);
  }

  private Extension nonce(OCSPReq req) {
    Extension asked = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (fault == Fault.WRONG_NONCE || asked == null) {
      return new Extension(
          OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new byte[16]));
    }
    if (fault == Fault.NO_NONCE) {
      return new Extension(
          OCSPObjectIdentifiers.id_pkix_ocsp_crl, false, new DEROctetString(new byte[] {1}));
    }
    return asked;
  }

  private static BasicOCSPResp corrupt(BasicOCSPResp basic) throws IOException {
    BasicOCSPResponse structure = BasicOCSPResponse.getInstance(basic.getEncoded());
    byte[] signature = structure.getSignature().getBytes();
    signature[signature.length / 2] ^= 0x01;
    return new BasicOCSPResp(
        new BasicOCSPResponse(
            structure.getTbsResponseData(),
            structure.getSignatureAlgorithm(),
            new DERBitString(signature),
            structure.getCerts()));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
