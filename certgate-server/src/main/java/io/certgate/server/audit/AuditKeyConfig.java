package io.certgate.server.audit;

import io.certgate.server.api.DerivedKeys;
import io.certgate.server.api.StartupRefused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the audit keys: {@code certgate.audit.key} (base64, at least 32 bytes) with optional
 * retired keys in {@code certgate.audit.retired-keys} (comma-separated), or a key file {@code
 * certgate.audit.key-file} (current key on the first line, retired keys on the lines after it; a
 * line may start with {@code HMAC-SHA256:} or {@code HMAC-SM3:} to name its algorithm). Without
 * either the server does not start. The demo profile lets the server make its key file on first
 * start ({@code certgate.audit.generate-key-file}).
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfig {
  private static final Logger log = LoggerFactory.getLogger(AuditKeyConfig.class);

  @Bean
  AuditKeys auditKeys(
      @Value("${certgate.audit.key:}") String key,
      @Value("${certgate.audit.retired-keys:}") String retired,
      @Value("${certgate.audit.key-file:}") String keyFile,
      @Value("${certgate.audit.generate-key-file:false}") boolean generate,
      @Value("${certgate.audit.mac:HMAC-SM3}") String mac,
      SecureRandom random) {
    AuditKey.Algorithm algorithm;
    try {
      algorithm = AuditKey.Algorithm.parse(mac);
    } catch (IllegalArgumentException e) {
      throw new StartupRefused(
          "certgate.audit.mac is '" + mac + "'.",
          "Set CERTGATE_AUDIT_MAC to HMAC-SM3 or HMAC-SHA256.");
    }
    List<String> lines = new ArrayList<>();
    if (!key.isBlank()) {
      lines.add(key);
      lines.addAll(List.of(retired.split(",")));
    } else if (!keyFile.isBlank()) {
      lines.addAll(read(Path.of(keyFile), generate, random));
    } else {
      throw new StartupRefused(
          "No audit key is configured: the audit chain's MACs need a secret kept outside the database.",
          "Set CERTGATE_AUDIT_KEY to a random key (e.g. `openssl rand -base64 32`) or"
              + " CERTGATE_AUDIT_KEY_FILE to a file holding one; keep it out of the database backups.");
    }
    List<AuditKey> keys = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        keys.add(parse(line.strip(), algorithm));
      }
    }
    if (keys.isEmpty()) {
      throw new StartupRefused(
          "The audit key file holds no key.", "Put a base64 key on its first line.");
    }
    log.info("Audit chain key {} (and {} retired)", keys.get(0).id(), keys.size() - 1);
    return new AuditKeys(keys.get(0), keys.subList(1, keys.size()));
  }

  /**
   * Keys for other purposes, derived from the current audit key as HMAC(key, "derived-key" ‖ LF ‖
   * purpose): a text no chain row (it starts with 64 hex digits) or seal (its kind) can have.
   */
  @Bean
  DerivedKeys derivedKeys(AuditKeys keys) {
    AuditKey current = keys.current();
    return purpose -> HexFormat.of().parseHex(current.mac("derived-key\n" + purpose));
  }

  private static AuditKey parse(String line, AuditKey.Algorithm otherwise) {
    AuditKey.Algorithm algorithm = otherwise;
    String text = line;
    int colon = line.indexOf(':');
    if (colon > 0) {
      try {
        algorithm = AuditKey.Algorithm.parse(line.substring(0, colon));
        text = line.substring(colon + 1).strip();
      } catch (IllegalArgumentException e) {
        throw refused();
      }
    }
    try {
      return AuditKey.of(algorithm, Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw refused();
    }
  }

  private static StartupRefused refused() {
    return new StartupRefused(
        "An audit key is not base64 of at least 32 bytes (or names an unknown algorithm).",
        "Make one with `openssl rand -base64 32`.");
  }

  private static List<String> read(Path file, boolean generate, SecureRandom random) {
    try {
      if (!Files.exists(file) && generate) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n");
        log.warn("Generated a new audit key file {} (demo): keep it with the data", file);
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | UnsupportedOperationException e) {
      throw new StartupRefused(
          "The audit key file " + file + " cannot be read: " + e.getMessage(),
          "Set CERTGATE_AUDIT_KEY_FILE to a readable file holding a base64 key.");
    }
  }
}
