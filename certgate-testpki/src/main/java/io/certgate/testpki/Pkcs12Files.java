package io.certgate.testpki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes PKCS#12 soft keys the way OpenSSL 3 and JDK 17 do by default: PBES2 (PBKDF2 with
 * HMAC-SHA256, AES-256-CBC) for keys and certificates, and an HMAC-SHA256 integrity MAC.
 *
 * <p>The JDK's {@code KeyStore.getInstance("PKCS12")} reads RSA and P-256 files. SM2 files must be
 * read with Bouncy Castle's keystore, {@code KeyStore.getInstance("PKCS12", bcProvider)}: JDK 17's
 * {@code load} fails on them with a misleading "keystore password was incorrect" because it cannot
 * decode the SM2 certificate. OpenSSL 3 reads all three.
 */
public final class Pkcs12Files {
  /**
   * Alias of the single entry written by {@link #write(Path, char[], PrivateKey,
   * X509Certificate...)}.
   */
  public static final String DEFAULT_ALIAS = "signature";

  private static final int ITERATIONS = 10_000;

  /**
   * One private key entry.
   *
   * @param alias its friendly name
   * @param privateKey the key
   * @param chain its certificate first, then the CA certificates
   */
  public record Entry(String alias, PrivateKey privateKey, List<X509Certificate> chain) {
    public Entry {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(privateKey, "privateKey");
      chain = List.copyOf(chain);
      if (alias.isBlank() || chain.isEmpty()) {
        throw new IllegalArgumentException("an entry needs an alias and at least its certificate");
      }
    }

    /** An entry from a credential: its certificate, key and issuers. */
    public static Entry of(String alias, Credential credential) {
      return new Entry(alias, credential.privateKey(), credential.chain());
    }
  }

  private Pkcs12Files() {}

  /** Writes one key with its chain (certificate first) under {@link #DEFAULT_ALIAS}. */
  public static void write(
      Path file, char[] password, PrivateKey privateKey, X509Certificate... chain)
      throws IOException {
    write(file, password, List.of(new Entry(DEFAULT_ALIAS, privateKey, List.of(chain))));
  }

  /** Writes a user's dual keys as the entries {@code signature} and {@code encryption}. */
  public static void write(Path file, char[] password, UserCredentials user) throws IOException {
    write(
        file,
        password,
        List.of(
            Entry.of("signature", user.signature()), Entry.of("encryption", user.encryption())));
  }

  /** Writes several key entries; CA certificates shared between entries are stored once. */
  public static void write(Path file, char[] password, List<Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a PKCS#12 file needs at least one entry");
    }
    try {
      OutputEncryptor encryptor = encryptor(password);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      List<PKCS12SafeBag> certificateBags = new ArrayList<>();
      List<PKCS12SafeBag> keyBags = new ArrayList<>();
      Set<X509Certificate> caCertificates = new LinkedHashSet<>();
      for (Entry entry : entries) {
        X509Certificate leaf = entry.chain().get(0);
        SubjectKeyIdentifier localKeyId = utils.createSubjectKeyIdentifier(leaf.getPublicKey());
        DERBMPString friendlyName = new DERBMPString(entry.alias());
        certificateBags.add(tagged(new JcaPKCS12SafeBagBuilder(leaf), friendlyName, localKeyId));
        keyBags.add(
            tagged(
                new JcaPKCS12SafeBagBuilder(entry.privateKey(), encryptor),
                friendlyName,
                localKeyId));
        caCertificates.addAll(entry.chain().subList(1, entry.chain().size()));
      }
      for (X509Certificate ca : caCertificates) {
        certificateBags.add(new JcaPKCS12SafeBagBuilder(ca).build());
      }
      PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
      pfx.addEncryptedData(encryptor, certificateBags.toArray(PKCS12SafeBag[]::new));
      for (PKCS12SafeBag keyBag : keyBags) {
        pfx.addData(keyBag);
      }
      byte[] der =
          pfx.build(
                  new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                      .setProvider(Bc.PROVIDER)
                      .setIterationCount(ITERATIONS),
                  password)
              .getEncoded(ASN1Encoding.DER);
      Files.write(file, der);
    } catch (OperatorCreationException | PKCSException | NoSuchAlgorithmException e) {
      throw new IOException("cannot build PKCS#12 file " + file, e);
    }
  }

  private static PKCS12SafeBag tagged(
      JcaPKCS12SafeBagBuilder bag, DERBMPString friendlyName, SubjectKeyIdentifier localKeyId) {
    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
    return bag.build();
  }

  private static OutputEncryptor encryptor(char[] password) throws OperatorCreationException {
    return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
        .setProvider(Bc.PROVIDER)
        .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
        .setIterationCount(ITERATIONS)
        .build(password);
  }
}
