package io.certgate.agent.token;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A JCA provider whose signatures run on an SKF device (DESIGN.md §4), so that the agent signs with
 * SKF keys through the same {@code TokenSigner} as with PKCS#11 and soft keys. Only used with
 * {@link SkfPrivateKey}s, never registered with {@link java.security.Security}.
 *
 * <ul>
 *   <li>{@code SM3withSM2}: e = SM3(Z ‖ M) is computed here (GB/T 32918.2 §6.1, Z from the
 *       certificate's public key and the ID 1234567812345678), the device signs the 32 bytes of e
 *       with {@code SKF_ECCSignData}, and r and s — right-aligned in the 64-byte fields of {@code
 *       ECCSIGNATUREBLOB} — are returned as DER.
 *   <li>{@code SHA256withRSA}: the device signs the DER DigestInfo of SHA-256(M) with {@code
 *       SKF_RSASignData} (PKCS#1 v1.5 padding is the device's).
 * </ul>
 */
final class SkfProvider extends Provider {
  private static final long serialVersionUID = 1L;

  static final SkfProvider INSTANCE = new SkfProvider();

  private static final X9ECParameters SM2 = GMNamedCurves.getByName("sm2p256v1");
  private static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  /** RFC 8017 §9.2 note 1: the DER prefix of a SHA-256 DigestInfo. */
  private static final byte[] SHA256_DIGEST_INFO =
      HexFormat.of().parseHex("3031300d060960864801650304020105000420");

  private SkfProvider() {
    super("CertGate-SKF", "1.0", "signatures on GM/T 0016 SKF devices");
    service("SM3withSM2", Sm2Signature::new);
    service("SHA256withRSA", RsaSignature::new);
  }

  private void service(String algorithm, Supplier<SignatureSpi> spi) {
    putService(
        new Service(
            this, "Signature", algorithm, spi.get().getClass().getName(), List.of(), Map.of()) {
          @Override
          public Object newInstance(Object constructorParameter) {
            return spi.get();
          }
        });
  }

  /** Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) for the default ID. */
  static byte[] z(PublicKey publicKey) throws InvalidKeyException {
    ECPoint q;
    try {
      byte[] point =
          SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData().getBytes();
      q = SM2.getCurve().decodePoint(point).normalize();
    } catch (RuntimeException e) {
      throw new InvalidKeyException("not an SM2 public key", e);
    }
    SM3Digest sm3 = new SM3Digest();
    int bits = DEFAULT_ID.length * 8;
    sm3.update((byte) (bits >> 8));
    sm3.update((byte) bits);
    sm3.update(DEFAULT_ID, 0, DEFAULT_ID.length);
    ECPoint g = SM2.getG().normalize();
    for (var element :
        List.of(
            SM2.getCurve().getA(),
            SM2.getCurve().getB(),
            g.getAffineXCoord(),
            g.getAffineYCoord(),
            q.getAffineXCoord(),
            q.getAffineYCoord())) {
      byte[] bytes = element.getEncoded();
      sm3.update(bytes, 0, bytes.length);
    }
    byte[] z = new byte[32];
    sm3.doFinal(z, 0);
    return z;
  }

  /** Collects the message; subclasses sign it on the device. */
  private abstract static class DeviceSignature extends SignatureSpi {
    final ByteArrayOutputStream message = new ByteArrayOutputStream();
    SkfPrivateKey key;

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
      if (!(privateKey instanceof SkfPrivateKey k)) {
        throw new InvalidKeyException("only keys of SKF devices");
      }
      key = k;
      message.reset();
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
      throw new InvalidKeyException("this provider only signs");
    }

    @Override
    protected void engineUpdate(byte b) {
      message.write(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {
      message.write(b, off, len);
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
      throw new SignatureException("this provider only signs");
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new InvalidParameterException("no parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new InvalidParameterException("no parameters");
    }

    byte[] onDevice(byte[] input) throws SignatureException {
      try {
        return key.sign(input);
      } catch (SkfException | io.certgate.agent.AgentException e) {
        throw new SignatureException(e.getMessage(), e);
      } finally {
        message.reset();
      }
    }
  }

  static final class Sm2Signature extends DeviceSignature {
    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params)
        throws InvalidAlgorithmParameterException {
      if (!(params instanceof SM2ParameterSpec spec) || !Arrays.equals(spec.getID(), DEFAULT_ID)) {
        throw new InvalidAlgorithmParameterException("SKF signing uses the ID 1234567812345678");
      }
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
      SM3Digest sm3 = new SM3Digest();
      try {
        byte[] z = z(key.publicKey());
        sm3.update(z, 0, z.length);
      } catch (InvalidKeyException e) {
        throw new SignatureException(e.getMessage(), e);
      }
      byte[] m = message.toByteArray();
      sm3.update(m, 0, m.length);
      byte[] e = new byte[32];
      sm3.doFinal(e, 0);
      byte[] blob = onDevice(e);
      if (blob.length != 128) {
        throw new SignatureException("ECCSIGNATUREBLOB of " + blob.length + " bytes");
      }
      BigInteger r = new BigInteger(1, Arrays.copyOfRange(blob, 0, 64));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(blob, 64, 128));
      BigInteger n = SM2.getN();
      if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
        throw new SignatureException("the device returned r or s out of range");
      }
      try {
        return StandardDSAEncoding.INSTANCE.encode(n, r, s);
      } catch (java.io.IOException ex) {
        throw new SignatureException("cannot encode the signature", ex);
      }
    }
  }

  static final class RsaSignature extends DeviceSignature {
    @Override
    protected byte[] engineSign() throws SignatureException {
      SHA256Digest sha256 = new SHA256Digest();
      byte[] m = message.toByteArray();
      sha256.update(m, 0, m.length);
      byte[] digestInfo = Arrays.copyOf(SHA256_DIGEST_INFO, SHA256_DIGEST_INFO.length + 32);
      sha256.doFinal(digestInfo, SHA256_DIGEST_INFO.length);
      return onDevice(digestInfo);
    }
  }
}
