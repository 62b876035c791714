package io.certgate.cli;

import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.revocation.RevocationPolicy;
import io.certgate.core.revocation.RevocationPolicy.Failure;
import io.certgate.core.revocation.RevocationPolicy.Mode;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The options shared by {@code verify-chain} and {@code verify-token}, turned into the one-provider
 * configuration the server would hold for a CA provider: its CA certificates, its revocation
 * policy, and the clock to validate at.
 *
 * <p>Only {@code --anchors} are the provider's CA certificates (DESIGN §7). {@code --intermediates}
 * are offered for path building like a token's {@code chain}: never trust anchors, even when
 * self-signed, and never a reason for a certificate to belong to the provider; a CRL they signed
 * counts once a validated path names them as issuer. {@code --revocation} defaults to {@code CRL}
 * when {@code --crls} is given and to {@code NONE} otherwise; {@code --failure} defaults to {@code
 * HARD}.
 */
record ValidationOptions(
    List<X509Certificate> caCertificates,
    List<X509Certificate> intermediates,
    List<URI> crls,
    Mode mode,
    Failure failure,
    Clock clock) {

  static final Set<String> MULTI = Set.of("--anchors", "--intermediates", "--crls");
  static final Set<String> SINGLE = Set.of("--at", "--revocation", "--failure");

  /** The provider code the checker's one provider gets. */
  static final String PROVIDER = "cli";

  static ValidationOptions from(CommandLine line) throws UsageException {
    List<X509Certificate> anchors =
        InputFiles.supportingCertificates(line.requiredValues("--anchors"));
    List<X509Certificate> intermediates =
        InputFiles.supportingCertificates(line.values("--intermediates"));
    List<URI> crls = new ArrayList<>();
    InputFiles.crls(line.values("--crls")); // decodes each file now, so a bad one is exit 2
    for (String file : line.values("--crls")) {
      crls.add(Path.of(file).toAbsolutePath().toUri());
    }
    Mode mode =
        choice(Mode.class, "--revocation", line.value("--revocation"))
            .orElse(crls.isEmpty() ? Mode.NONE : Mode.CRL);
    Failure failure =
        choice(Failure.class, "--failure", line.value("--failure")).orElse(Failure.HARD);
    Clock clock = Clock.systemUTC();
    if (line.value("--at").isPresent()) {
      clock = Clock.fixed(instant(line.value("--at").get()), ZoneOffset.UTC);
    }
    return new ValidationOptions(anchors, intermediates, crls, mode, failure, clock);
  }

  /** The validator the server would build for this one provider. */
  CertificateValidator validator() throws UsageException {
    RevocationPolicy policy =
        RevocationPolicy.builder().mode(mode).failure(failure).crlUrls(crls).build();
    ProviderTrust provider;
    try {
      provider =
          ProviderTrust.builder(PROVIDER)
              .name("certgate checker")
              .anchors(caCertificates)
              .revocation(policy)
              .build();
    } catch (IllegalArgumentException e) {
      throw UsageException.usage("--anchors: " + e.getMessage());
    }
    CertificateValidator validator =
        CertificateValidator.builder()
            .clock(clock)
            .secureRandom(new SecureRandom())
            .provider(provider)
            .cacheSize(0)
            .build();
    return new WithIntermediates(validator, intermediates);
  }

  private static <E extends Enum<E>> Optional<E> choice(
      Class<E> type, String option, Optional<String> value) throws UsageException {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw UsageException.usage(
          option + " must be one of " + List.of(type.getEnumConstants()) + ", not " + value.get());
    }
  }

  /** RFC 3339 date-time, e.g. {@code 2030-01-01T00:00:00Z} or {@code 2030-01-01T08:00:00+08:00}. */
  private static Instant instant(String text) throws UsageException {
    try {
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      throw UsageException.usage("--at must be an RFC 3339 date-time, not " + text);
    }
  }
}
