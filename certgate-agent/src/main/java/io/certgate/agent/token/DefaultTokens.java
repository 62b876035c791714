package io.certgate.agent.token;

import io.certgate.agent.AgentError;
import io.certgate.agent.AgentException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fans out to every source; finds a certificate again before each use. */
final class DefaultTokens implements Tokens {
  private final List<KeySource> sources;
  private final List<Path> modules;
  private final List<Path> skfLibraries;
  private final List<String> configurationProblems;

  DefaultTokens(
      List<KeySource> sources,
      List<Path> modules,
      List<Path> skfLibraries,
      List<String> configurationProblems) {
    this.sources = List.copyOf(sources);
    this.modules = List.copyOf(modules);
    this.skfLibraries = List.copyOf(skfLibraries);
    this.configurationProblems = List.copyOf(configurationProblems);
  }

  @Override
  public List<TokenSnapshot> scan() {
    List<TokenSnapshot> all = new ArrayList<>();
    for (KeySource source : sources) {
      all.addAll(source.scan());
    }
    return all;
  }

  @Override
  public List<String> problems() {
    List<String> all = new ArrayList<>(configurationProblems);
    for (KeySource source : sources) {
      all.addAll(source.problems());
    }
    return all;
  }

  @Override
  public List<Path> modules() {
    return modules;
  }

  @Override
  public List<Path> skfLibraries() {
    return skfLibraries;
  }

  @Override
  public <T> T withKey(String certificateId, char[] pin, KeyOperation<T> operation)
      throws AgentException {
    String tokenId =
        TokenCertificate.tokenIdOf(certificateId).orElseThrow(DefaultTokens::certNotFound);
    KeySource source =
        sources.stream()
            .filter(s -> s.owns(tokenId))
            .findFirst()
            .orElseThrow(DefaultTokens::certNotFound);
    TokenSnapshot token =
        source.scan().stream()
            .filter(t -> t.info().id().equals(tokenId))
            .findFirst()
            .orElseThrow(
                () -> new AgentException(AgentError.TOKEN_NOT_PRESENT, "the key is not inserted"));
    TokenCertificate certificate =
        token.certificates().stream()
            .filter(c -> c.id().equals(certificateId))
            .findFirst()
            .orElseThrow(DefaultTokens::certNotFound);
    if (!certificate.signatureCapable()) {
      throw new AgentException(
          AgentError.NOT_SIGNATURE_CERT,
          "this is an encryption certificate; choose the signature one");
    }
    return source.withKey(certificate, pin, operation);
  }

  private static AgentException certNotFound() {
    return new AgentException(
        AgentError.CERT_NOT_FOUND, "no such certificate on the inserted keys");
  }
}
