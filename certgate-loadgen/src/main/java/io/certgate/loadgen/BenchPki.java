package io.certgate.loadgen;

import io.certgate.core.token.TokenAlgorithm;
import io.certgate.testpki.CrlServer;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import io.certgate.testpki.UserSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The three test CA providers of the benchmark, one per token algorithm (RSA-2048 → RS256, P-256 →
 * ES256, SM2 → SM2SM3), their CRLs served by a {@link CrlServer} of this process, and the user
 * certificates they issue.
 */
final class BenchPki {
  /** Each provider's key kind and the token algorithm its users sign with. */
  static final Map<TokenAlgorithm, KeyKind> KINDS =
      Map.of(
          TokenAlgorithm.ES256, KeyKind.EC_P256,
          TokenAlgorithm.RS256, KeyKind.RSA_2048,
          TokenAlgorithm.SM2SM3, KeyKind.SM2);

  /** The benchmark's algorithms in report order. */
  static final List<TokenAlgorithm> ALGORITHMS =
      List.of(TokenAlgorithm.ES256, TokenAlgorithm.RS256, TokenAlgorithm.SM2SM3);

  private final Map<TokenAlgorithm, TestProvider> providers;

  private BenchPki(Map<TokenAlgorithm, TestProvider> providers) {
    this.providers = providers;
  }

  static BenchPki create(CrlServer crls) {
    Map<TokenAlgorithm, TestProvider> providers = new java.util.EnumMap<>(TokenAlgorithm.class);
    for (TokenAlgorithm alg : ALGORITHMS) {
      providers.put(
          alg,
          TestProvider.builder()
              .code(code(alg))
              .name("压测" + alg.name() + " CA")
              .keyKind(KINDS.get(alg))
              .crlServer(crls)
              .build());
    }
    return new BenchPki(providers);
  }

  static String code(TokenAlgorithm alg) {
    return "bench-" + alg.name().toLowerCase(java.util.Locale.ROOT);
  }

  TestProvider provider(TokenAlgorithm alg) {
    return providers.get(alg);
  }

  /**
   * Issues {@code count} users per algorithm, in parallel (RSA key generation dominates: two keys
   * per user, as a real lock carries a signature and an encryption certificate).
   */
  Map<TokenAlgorithm, List<UserCredentials>> issue(int count) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Map<TokenAlgorithm, List<Future<UserCredentials>>> pending =
          new java.util.EnumMap<>(TokenAlgorithm.class);
      for (TokenAlgorithm alg : ALGORITHMS) {
        List<Future<UserCredentials>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          String name = "压测" + alg.name() + "用户" + i;
          futures.add(
              pool.submit(
                  () ->
                      providers
                          .get(alg)
                          .issueUser(UserSpec.builder(name).organisation("压测单位").build())));
        }
        pending.put(alg, futures);
      }
      Map<TokenAlgorithm, List<UserCredentials>> issued =
          new java.util.EnumMap<>(TokenAlgorithm.class);
      for (Map.Entry<TokenAlgorithm, List<Future<UserCredentials>>> e : pending.entrySet()) {
        List<UserCredentials> list = new ArrayList<>();
        for (Future<UserCredentials> f : e.getValue()) {
          list.add(f.get());
        }
        issued.put(e.getKey(), list);
      }
      return issued;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot issue the benchmark users", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
