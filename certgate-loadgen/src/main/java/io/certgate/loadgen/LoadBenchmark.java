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
    CaLoginBenchmark logins = new CaLoginBenchmark(platform.server(), threads);
    TrivialBenchmark trivial = new TrivialBenchmark(platform, threads);

    // warm-up: JIT, connection pools, the CRLs, and every benchmark user's certificate once
    trivial.run(Math.min(settings.trivialRequests(), 3000), errors);
    for (TokenAlgorithm alg : BenchPki.ALGORITHMS) {
      List<BenchUser> users = platform.seed().realUsers().get(alg);
      collect(
          logins.run(
              users, Math.max(users.size(), Math.min(settings.journeys(), 1000)), Optional.empty()),
          errors);
    }

    Phase baseline = trivial.run(settings.trivialRequests(), errors);
    List<AlgorithmFigures> figures = new ArrayList<>();
    for (TokenAlgorithm alg : BenchPki.ALGORITHMS) {
      List<BenchUser> users = platform.seed().realUsers().get(alg);
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

  private static CaLoginBenchmark.Run collect(CaLoginBenchmark.Run run, Errors all) {
    run.errors().examples().forEach(all::add);
    for (long i = run.errors().examples().size(); i < run.errors().count(); i++) {
      all.add("(more " + run.algorithm() + " errors)");
    }
    return run;
  }
}
