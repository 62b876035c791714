package io.certgate.testpki;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 6960 OCSP responder over HTTP on 127.0.0.1, answering POST {@code /ocsp} and GET {@code
 * /ocsp/<url-encoded base64 request>}, for the providers added to it.
 *
 * <p>For a provider's user certificates it signs with the issuing CA key, or with a delegated
 * responder certificate (id-kp-OCSPSigning, from {@link TestProvider#issueOcspResponder()}) given
 * to {@link #add(TestProvider, Credential)}; for the issuing CA's own status it signs with the
 * root. It echoes the request nonce, answers revoked for what the provider revoked and good
 * otherwise. thisUpdate is the provider clock's now plus {@link #thisUpdateOffset(Duration)}
 * (default zero), nextUpdate thisUpdate plus {@link #nextUpdate(Duration)} (default one hour).
 * Requests for a CA it does not know get the status {@code unauthorized}. Thread safe.
 */
public final class OcspResponder implements AutoCloseable {
  /** How the responder behaves. */
  public enum Mode {
    NORMAL,
    /** Waits {@link #delay(Duration)} (default 5 s) before answering normally. */
    SLOW,
    /** Answers HTTP 503. */
    DOWN,
    /** Stops listening: connections are refused until the mode changes back. */
    REFUSING,
    /** Answers every certificate with status unknown. */
    UNKNOWN,
    /** A well-formed response whose signature does not verify. */
    BAD_SIGNATURE,
    /** A well-signed response from a self-signed responder no provider certified. */
    UNAUTHORIZED_RESPONDER
  }

  private static final String PATH = "/ocsp";

  private final OcspAnswers answers = new OcspAnswers();
  private final LoopbackServer server;
  private volatile Mode mode = Mode.NORMAL;
  private volatile Duration thisUpdateOffset = Duration.ZERO;
  private volatile Optional<Duration> nextUpdate = Optional.of(Duration.ofHours(1));

  private OcspResponder(int port) throws IOException {
    this.server = new LoopbackServer(port, this::handle);
  }

  /** Starts on an ephemeral port. */
  public static OcspResponder start() throws IOException {
    return start(0);
  }

  /** Starts on {@code port} (0 = ephemeral), bound to 127.0.0.1 only. */
  public static OcspResponder start(int port) throws IOException {
    return new OcspResponder(port);
  }

  /** Answers for {@code provider}, its issuing CA signing; returns this. */
  public OcspResponder add(TestProvider provider) {
    Credential issuing = provider.issuing();
    return add(
        provider, new OcspAnswers.Signer(issuing.privateKey(), issuing.certificate(), List.of()));
  }

  /** Answers for {@code provider}'s user certificates signed by {@code delegate}; returns this. */
  public OcspResponder add(TestProvider provider, Credential delegate) {
    return add(
        provider,
        new OcspAnswers.Signer(
            delegate.privateKey(), delegate.certificate(), List.of(delegate.certificate())));
  }

  private OcspResponder add(TestProvider provider, OcspAnswers.Signer userSigner) {
    Credential root = provider.root();
    answers.add(
        new OcspAnswers.Authority(
            root.certificate(),
            new OcspAnswers.Signer(root.privateKey(), root.certificate(), List.of()),
            provider.clock(),
            provider::revocationTime));
    answers.add(
        new OcspAnswers.Authority(
            provider.issuingCertificate(), userSigner, provider.clock(), provider::revocationTime));
    return this;
  }

  /** The responder URL to configure or embed: {@code http://127.0.0.1:<port>/ocsp}. */
  public URI url() {
    return server.base().resolve(PATH);
  }

  public int port() {
    return server.port();
  }

  /** Switches behaviour; takes effect for the next request. */
  public void mode(Mode value) throws IOException {
    this.mode = Objects.requireNonNull(value, "mode");
    server.availability(
        switch (value) {
          case SLOW -> LoopbackServer.Availability.SLOW;
          case DOWN -> LoopbackServer.Availability.UNAVAILABLE;
          case REFUSING -> LoopbackServer.Availability.REFUSING;
          default -> LoopbackServer.Availability.UP;
        });
  }

  public Mode mode() {
    return mode;
  }

  /** How long {@link Mode#SLOW} waits. */
  public void delay(Duration value) {
    server.delay(value);
  }

  /** thisUpdate relative to now: negative for an old response, positive for one from the future. */
  public void thisUpdateOffset(Duration value) {
    this.thisUpdateOffset = Objects.requireNonNull(value, "thisUpdateOffset");
  }

  /** nextUpdate relative to thisUpdate; negative makes responses already stale. */
  public void nextUpdate(Duration value) {
    this.nextUpdate = Optional.of(value);
  }

  /** Responses without nextUpdate ("newer information is always available", RFC 6960 §4.2.2.1). */
  public void noNextUpdate() {
    this.nextUpdate = Optional.empty();
  }

  /** Requests received so far (all paths and modes except REFUSING). */
  public int requestCount() {
    return server.requestCount();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange, byte[] body) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    Optional<byte[]> request = Optional.empty();
    if ("POST".equals(exchange.getRequestMethod()) && path.equals(PATH)) {
      request = Optional.of(body);
    } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(PATH + "/")) {
      request = decodeGet(path.substring(PATH.length() + 1));
    }
    if (request.isEmpty()) {
      LoopbackServer.send(exchange, 404, "text/plain", new byte[0]);
      return;
    }
    byte[] response =
        answers.answer(request.get(), new OcspAnswers.Settings(mode, thisUpdateOffset, nextUpdate));
    LoopbackServer.send(exchange, 200, "application/ocsp-response", response);
  }

  private static Optional<byte[]> decodeGet(String encoded) {
    try {
      // Only percent-escapes are decoded: a raw "+" is base64, not a space.
      String base64 = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.US_ASCII);
      return Optional.of(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      return Optional.of(new byte[0]);
    }
  }
}
