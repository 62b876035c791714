package io.certgate.loadgen;

import io.certgate.core.token.TokenAlgorithm;

/**
 * One algorithm's figures and their ratios to the baselines of the same run.
 *
 * @param peak the journeys run flat out
 * @param halfRate the journeys offered at half the peak's rate
 * @param raw the bare signature verification of the same key type
 * @param trivial the trivial authenticated request at the same concurrency
 */
record AlgorithmFigures(
    TokenAlgorithm algorithm,
    CaLoginBenchmark.Run peak,
    CaLoginBenchmark.Run halfRate,
    RawVerifyBenchmark.Result raw,
    Phase trivial) {

  /** Goal ≤ 2.5: time per CA login at saturation ÷ time per trivial request at saturation. */
  double costRatio() {
    return trivial.perSecond() / peak.journeysPerSecond();
  }

  /** Median journey latency ÷ median trivial-request latency, both at saturation. */
  double latencyRatio() {
    return peak.journeyLatencies().percentileMillis(50) / trivial.latencies().percentileMillis(50);
  }

  /** Server CPU per CA login ÷ server CPU per trivial request. */
  double cpuRatioToTrivial() {
    return peak.cpuMillisPerJourney() / trivial.cpuMillisPerRequest();
  }

  /** Server CPU per CA login ÷ CPU of one bare verification. */
  double cpuRatioToRawVerify() {
    return peak.cpuMillisPerJourney() * 1000 / raw.cpuMicrosPerVerify();
  }

  double halfRateP99Millis() {
    return halfRate.journeyLatencies().percentileMillis(99);
  }
}
