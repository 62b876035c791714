package io.certgate.loadgen;

import io.certgate.core.token.TokenAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark on a seeded platform: warm-up, the trivial-request baseline, then per algorithm the
 * CA login journeys flat out and again at half that rate, and the raw-verification baseline. Every
 * answer is checked; errors are counted, never skipped.
 */
final class LoadBenchmark {
  private final SeededPlatform platform;
  private final LoadSettings settings;

  LoadBenchmark(SeededPlatform platform, LoadSettings settings) {
    this.platform = platform;
    this.settings = settings;
  }

  /** The run's figures and every error met (a report with errors is a failed run). */
  record Outcome(List<AlgorithmFigures> figures, Phase trivial, Errors errors) {}

  Outcome run() {
    Errors errors = new Errors();
    int threads = settings.concurrency();
    CaLoginBenchmark logins = new CaLoginBenchmark(platform, threads);
    TrivialBenchmark trivial = new TrivialBenchmark(platform, threads);

    warmUp(logins, trivial, errors);
    Progress.say("trivial-request baseline");
    Phase baseline = trivial.run(settings.trivialRequests(), errors);
    List<AlgorithmFigures> figures = new ArrayList<>();
    for (TokenAlgorithm alg : BenchPki.ALGORITHMS) {
      List<BenchUser> users = platform.seed().realUsers().get(alg);
      Progress.say(alg + ": journeys flat out, then at half that rate, then raw verification");
      CaLoginBenchmark.Run peak =
          collect(logins.run(users, settings.journeys(), Optional.empty()), errors);
      double[] half = {peak.challenges().perSecond() / 2, peak.logins().perSecond() / 2};
      CaLoginBenchmark.Run paced =
          collect(logins.run(users, settings.journeys(), Optional.of(half)), errors);
      RawVerifyBenchmark.Result raw =
          RawVerifyBenchmark.run(
              users.get(0), platform.server().origin(), settings.rawVerifyTime());
      figures.add(new AlgorithmFigures(alg, peak, paced, raw, baseline));
    }
    return new Outcome(figures, baseline, errors);
  }

  /**
   * Rounds of every workload (trivial requests, each algorithm's journeys: every real user's
   * certificate, the CRLs) until the server is in its steady state: the JIT compiler threads used
   * under 5% of the round's server CPU. On two shared cores the JIT takes minutes; measured
   * earlier, whichever phase came first paid for its compilations (about 0.3 ms per journey).
   */
  private void warmUp(CaLoginBenchmark logins, TrivialBenchmark trivial, Errors errors) {
    ServerProcess server = platform.server();
    for (int round = 1; round <= settings.maxWarmUpRounds(); round++) {
      long cpu = server.cpuTime().toNanos();
      long jit = server.jitCpuTime().toNanos();
      trivial.run(Math.min(settings.trivialRequests(), 5000), errors);
      for (TokenAlgorithm alg : BenchPki.ALGORITHMS) {
        List<BenchUser> users = platform.seed().realUsers().get(alg);
        int k = Math.max(users.size(), Math.min(settings.journeys(), 3000));
        collect(logins.run(users, k, Optional.empty()), errors);
      }
      double share =
          (server.jitCpuTime().toNanos() - jit) / (double) (server.cpuTime().toNanos() - cpu);
      Progress.say(
          String.format(
              java.util.Locale.ROOT,
              "warm-up round %d: JIT %.1f%% of server CPU",
              round,
              100 * share));
      if (share < 0.05) {
        return;
      }
    }
  }

  private static CaLoginBenchmark.Run collect(CaLoginBenchmark.Run run, Errors all) {
    run.errors().examples().forEach(all::add);
    for (long i = run.errors().examples().size(); i < run.errors().count(); i++) {
      all.add("(more " + run.algorithm() + " errors)");
    }
    return run;
  }
}
