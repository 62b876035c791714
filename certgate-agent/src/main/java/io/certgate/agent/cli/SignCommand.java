package io.certgate.agent.cli;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import io.certgate.agent.AgentVersion;
import io.certgate.agent.config.AgentConfig;
import io.certgate.agent.pin.TerminalPin;
import io.certgate.agent.signing.Authenticator;
import io.certgate.agent.token.TokenCertificate;
import io.certgate.agent.token.Tokens;
import io.certgate.core.token.WebOrigin;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code certgate-agent sign}: the same token the API makes, for an operator (the origin is typed
 * by the person, who sees it). The PIN is asked on the terminal.
 */
final class SignCommand {
  private final TerminalPin pinReader;
  private final PrintStream out;
  private final PrintStream err;

  SignCommand(TerminalPin pinReader, PrintStream out, PrintStream err) {
    this.pinReader = pinReader;
    this.out = out;
    this.err = err;
  }

  record Options(WebOrigin origin, String nonce, Optional<String> certificateId) {
    static Options parse(String[] args) {
      String origin = null;
      String nonce = null;
      String certificate = null;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--origin" -> origin = value;
          case "--nonce" -> nonce = value;
          case "--certificate" -> certificate = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        if (value == null) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        i++;
      }
      if (origin == null || nonce == null) {
        throw new IllegalArgumentException("sign needs --origin and --nonce");
      }
      return new Options(WebOrigin.of(origin), nonce, Optional.ofNullable(certificate));
    }
  }

  int run(AgentConfig config, Options options) throws AgentException, IOException {
    Authenticator.checkNonce(options.nonce());
    Tokens tokens = AgentSetup.tokens(config);
    String certificateId =
        options.certificateId().isPresent()
            ? options.certificateId().get()
            : onlySignatureCertificate(tokens);
    char[] pin =
        pinReader
            .read("PIN for " + certificateId + ": ")
            .orElseThrow(() -> new IllegalArgumentException("no PIN given"));
    out.println(
        new Authenticator(tokens, AgentVersion.get())
            .authenticate(certificateId, options.origin(), options.nonce(), pin));
    return Cli.OK;
  }

  private String onlySignatureCertificate(Tokens tokens) throws AgentException {
    List<TokenCertificate> candidates =
        tokens.scan().stream()
            .flatMap(t -> t.certificates().stream())
            .filter(TokenCertificate::signatureCapable)
            .toList();
    if (candidates.size() == 1) {
      return candidates.get(0).id();
    }
    if (candidates.isEmpty()) {
      throw new AgentException(AgentError.CERT_NOT_FOUND, "no signature certificate found");
    }
    candidates.forEach(
        c ->
            err.println(
                "  " + c.id() + "  " + c.certificate().getSubjectX500Principal().getName()));
    throw new IllegalArgumentException(
        "several signature certificates: choose one with --certificate ID");
  }
}
