package io.certgate.core.token;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;

/**
 * Signs {@link SignedData} for the local client, with a key held by any JCA provider (SunPKCS11 for
 * USB keys, Bouncy Castle or the JDK for soft keys). The result is always in the token's encoding:
 * DER for ECDSA and SM2, whatever the provider returned.
 */
public final class TokenSigner {
  private TokenSigner() {}

  /**
   * Signs {@code H(origin) ‖ H(nonce)}.
   *
   * @param alg the token algorithm; it must fit the key (see {@link TokenAlgorithm#forKey})
   * @param key the private key, e.g. a PKCS#11 handle already logged in with the PIN
   * @param provider the provider that holds or can use the key
   * @param origin the origin the signature is for, as the agent read it from the request
   * @param nonce the challenge nonce
   * @return the signature as it goes into the token
   * @throws GeneralSecurityException if the provider cannot sign (no such mechanism, key refused,
   *     device error)
   */
  public static byte[] sign(
      TokenAlgorithm alg, PrivateKey key, Provider provider, WebOrigin origin, String nonce)
      throws GeneralSecurityException {
    byte[] data = SignedData.of(alg, origin, nonce);
    return switch (alg) {
      case RS256, PS256, SM2SM3 ->
          finish(alg, sign(JcaSignatures.newSignature(alg, provider), key, data));
      case ES256, ES384 -> DsaSignatureEncoding.toDer(alg, signEcdsa(alg, key, provider, data));
    };
  }

  private static byte[] finish(TokenAlgorithm alg, byte[] signature)
      throws GeneralSecurityException {
    return alg == TokenAlgorithm.SM2SM3 ? DsaSignatureEncoding.toDer(alg, signature) : signature;
  }

  /**
   * Some PKCS#11 tokens offer only {@code CKM_ECDSA} (SunPKCS11 "NONEwithECDSA"): then the message
   * hash is computed here and the device signs it.
   */
  private static byte[] signEcdsa(
      TokenAlgorithm alg, PrivateKey key, Provider provider, byte[] data)
      throws GeneralSecurityException {
    Signature signer;
    try {
      signer = JcaSignatures.newSignature(alg, provider);
    } catch (NoSuchAlgorithmException e) {
      Digest digest = alg == TokenAlgorithm.ES384 ? new SHA384Digest() : new SHA256Digest();
      byte[] hash = new byte[digest.getDigestSize()];
      digest.update(data, 0, data.length);
      digest.doFinal(hash, 0);
      return sign(Signature.getInstance("NONEwithECDSA", provider), key, hash);
    }
    return sign(signer, key, data);
  }

  private static byte[] sign(Signature signer, PrivateKey key, byte[] data)
      throws GeneralSecurityException {
    signer.initSign(key);
    signer.update(data);
    return signer.sign();
  }
}
