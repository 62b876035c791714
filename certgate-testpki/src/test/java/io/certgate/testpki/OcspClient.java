package io.certgate.testpki;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A minimal OCSP client for the tests: builds a request with a nonce and sends it. */
final class OcspClient {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private OcspClient() {}

  static OCSPReq request(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(Bc.PROVIDER)
                .build()
                .get(CertificateID.HASH_SHA1),
            new JcaX509CertificateHolder(issuer),
            serial);
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
    builder.setRequestExtensions(
        new Extensions(
            new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                false,
                // RFC 8954: extnValue holds the DER of an OCTET STRING with the nonce.
                new DEROctetString(new DEROctetString(nonce).getEncoded()))));
    return builder.build();
  }

  static HttpResponse<byte[]> post(URI url, OCSPReq request) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/ocsp-request")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> get(URI url, OCSPReq request) throws Exception {
    String encoded =
        java.net.URLEncoder.encode(
            Base64.getEncoder().encodeToString(request.getEncoded()),
            java.nio.charset.StandardCharsets.US_ASCII);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url + "/" + encoded))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static OCSPResp ask(URI url, X509Certificate issuer, BigInteger serial, byte[] nonce)
      throws Exception {
    return new OCSPResp(post(url, request(issuer, serial, nonce)).body());
  }
}
