package io.certgate.loadgen;

import io.certgate.core.json.JsonException;
import io.certgate.core.json.JsonObject;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenAlgorithm;
import io.certgate.core.token.TokenSigner;
import io.certgate.core.token.WebOrigin;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The CA login journey, K times, in three phases so that signing is not timed: A (timed) K
 * challenges, each in a fresh cookie session; B (untimed) the K tokens signed with the users' keys,
 * as the local client would; C (timed) the K logins. A journey's latency is its challenge's plus
 * its login's; the journey rate is K over the time of A plus C; server CPU is read over A and C
 * only. Before A, each session loads {@code GET /api/session} once, untimed, for its XSRF cookie:
 * the page load a browser does before the user clicks 登录.
 */
final class CaLoginBenchmark {
  private static final Provider BC = new BouncyCastleProvider();
  private static final String LOGIN_CHALLENGE = "{\"purpose\":\"LOGIN\"}";

  private final SeededPlatform platform;
  private final ServerProcess server;
  private final int threads;

  CaLoginBenchmark(SeededPlatform platform, int threads) {
    this.platform = platform;
    this.server = platform.server();
    this.threads = threads;
  }

  /** The figures of one run of K journeys. */
  record Run(TokenAlgorithm algorithm, Phase challenges, Phase logins, Errors errors) {
    int journeys() {
      return challenges.requests();
    }

    Duration wall() {
      return challenges.wall().plus(logins.wall());
    }

    double journeysPerSecond() {
      return journeys() / Phase.seconds(wall());
    }

    double cpuMillisPerJourney() {
      return challenges.serverCpu().plus(logins.serverCpu()).toNanos() / 1e6 / journeys();
    }

    double databaseCpuMillisPerJourney() {
      return challenges.databaseCpu().plus(logins.databaseCpu()).toNanos() / 1e6 / journeys();
    }

    Latencies journeyLatencies() {
      return challenges.latencies().plus(logins.latencies());
    }
  }

  /**
   * Runs K journeys over {@code users} (round robin).
   *
   * @param pace for the second pass: the rates (per second) to offer challenges and logins at;
   *     empty runs each phase flat out
   */
  Run run(List<BenchUser> users, int k, Optional<double[]> pace) {
    TokenAlgorithm alg = users.get(0).algorithm();
    Errors errors = new Errors();
    WebSession[] sessions = new WebSession[k];
    Workers.run(
        k,
        threads,
        Optional.empty(),
        i -> {
          sessions[i] = new WebSession(server.origin());
          sessions[i].ensureCsrfCookie();
        });

    String[] challengeIds = new String[k];
    String[] nonces = new String[k];
    Latencies challengeTimes = new Latencies(k);
    Phase a =
        timed(
            k,
            pace.map(p -> p[0]),
            challengeTimes,
            errors,
            i -> {
              WebSession.Response r = sessions[i].post("/api/ca/challenges", LOGIN_CHALLENGE);
              if (r.status() != 200 && r.status() != 201) {
                errors.add("challenge " + r.status() + " " + r.body());
                return;
              }
              JsonObject body = r.json();
              challengeIds[i] = string(body, "challengeId");
              nonces[i] = string(body, "nonce");
            });

    String[] bodies = new String[k];
    for (int i = 0; i < k; i++) {
      if (challengeIds[i] != null) {
        BenchUser u = users.get(i % users.size());
        bodies[i] =
            JsonObject.builder()
                .put("challengeId", challengeIds[i])
                .put("token", token(u, server.origin(), nonces[i]))
                .build()
                .toJson();
      }
    }

    Latencies loginTimes = new Latencies(k);
    Phase c =
        timed(
            k,
            pace.map(p -> p[1]),
            loginTimes,
            errors,
            i -> {
              if (bodies[i] == null) {
                return; // its challenge failed: counted already
              }
              WebSession.Response r = sessions[i].post("/api/auth/ca", bodies[i]);
              long expected = users.get(i % users.size()).userId();
              if (r.status() != 200) {
                errors.add("login " + r.status() + " " + r.body());
              } else if (!r.body().contains("\"id\":" + expected + ",")) {
                errors.add("login as the wrong user (expected " + expected + "): " + r.body());
              }
            });
    return new Run(alg, a, c, errors);
  }

  private Phase timed(
      int count,
      Optional<Double> rate,
      Latencies latencies,
      Errors errors,
      java.util.function.IntConsumer request) {
    long cpuBefore = server.cpuTime().toNanos();
    long databaseBefore = platform.postgres().cpuTime().toNanos();
    Duration wall =
        Workers.run(
            count,
            threads,
            rate,
            i -> {
              long start = System.nanoTime();
              try {
                request.accept(i);
              } catch (RuntimeException e) {
                errors.add(e.toString());
              }
              latencies.set(i, System.nanoTime() - start);
            });
    Duration cpu = Duration.ofNanos(server.cpuTime().toNanos() - cpuBefore);
    Duration database = Duration.ofNanos(platform.postgres().cpuTime().toNanos() - databaseBefore);
    return new Phase(count, wall, cpu, database, latencies);
  }

  /** The auth token of DESIGN §5 the local client would send, signed now (outside any timing). */
  static String token(BenchUser u, String origin, String nonce) {
    try {
      byte[] signature =
          TokenSigner.sign(u.algorithm(), u.privateKey(), BC, WebOrigin.of(origin), nonce);
      return AuthTokens.toJson(
          AuthToken.of(
              u.certificate().getEncoded(), List.of(), u.algorithm(), signature, "loadgen"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign for " + u, e);
    }
  }

  private static String string(JsonObject body, String name) {
    try {
      return body.requireString(name);
    } catch (JsonException e) {
      throw new IllegalStateException("no " + name + " in " + body.toJson(), e);
    }
  }
}
