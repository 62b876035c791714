package io.certgate.core.token;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle instance this package uses, passed explicitly to every JCA call. It is
 * never added to {@link java.security.Security}, so loading core changes nothing for other code in
 * the JVM.
 */
final class Providers {
  static final Provider BC = new BouncyCastleProvider();

  private Providers() {}
}
