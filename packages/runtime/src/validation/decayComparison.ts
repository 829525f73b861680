/**
 * Drag validation against real tracking: the decay rate of the mean semi-major axis between two
 * manoeuvres, observed in a TLE series and modelled by numerical propagation, on the same
 * mean-element footing (see meanSemiMajorAxis.ts).
 *
 * Observed: least-squares slope of the TLE mean a (Brouwer, un-Kozai'd as SGP4 does; orbitHistory)
 * against time over the window's element sets, with a Theil–Sen slope beside it as a check
 * against outlying sets. Modelled: the orbit started from SGP4 of the first set in the window
 * (TEME → GCRF), propagated to the last one, averaged over each revolution, and fitted the same way.
 */
import type { MeanElements } from '@stationkeeper/core';
import type { OrbitHistoryPoint } from '@stationkeeper/core';
import { theilSenSlopeSubsampled } from '@stationkeeper/core';
import type { NumericalPropagator, PropagationResult } from '@stationkeeper/core';
import { stateFromMeanElements } from '@stationkeeper/core';
import type { Epoch } from '@stationkeeper/core';
import type { EopSource } from '@stationkeeper/core';
import { fitLine } from '@stationkeeper/core';
import { revolutionMeanSemiMajorAxis } from './meanSemiMajorAxis.js';

const DAY_S = 86400;

export interface DecayComparisonInput {
  /** The object's history (orbitHistory of `elements`): sorted, de-duplicated. */
  history: readonly OrbitHistoryPoint[];
  /** The element sets the history was built from (history[i].sourceIndex indexes them). */
  elements: readonly MeanElements[];
  /** Window: element sets with start ≤ epoch ≤ end are used; it must hold no manoeuvre. */
  start: Epoch;
  end: Epoch;
  propagator: NumericalPropagator;
  massKg: number;
  eop?: EopSource;
  /** Ephemeris sampling for the revolution averages, s (default 30). */
  sampleStepS?: number;
}

export interface DecayComparison {
  /** First and last element-set epochs in the window (the compared span). */
  start: Epoch;
  end: Epoch;
  days: number;
  tlePoints: number;
  /** Median TLE mean altitude over the window, km (a − 6378.135 km). */
  meanAltitudeKm: number;
  /** Observed decay rate, m/day (positive = losing altitude): least squares, its 1σ, Theil–Sen. */
  observedRateMPerDay: number;
  observedSigmaMPerDay: number;
  observedTheilSenMPerDay: number;
  /** Scatter of the TLE a about the fitted line, m (1σ). */
  observedResidualM: number;
  /** Modelled decay rate of the revolution-mean a, m/day, and its fit 1σ. */
  modelledRateMPerDay: number;
  modelledSigmaMPerDay: number;
  revolutions: number;
  /** modelled / observed. */
  ratio: number;
  stats: PropagationResult['stats'];
}

export function compareDecayRate(input: DecayComparisonInput): DecayComparison {
  const points = input.history.filter((p) => !p.epoch.isBefore(input.start) && !p.epoch.isAfter(input.end));
  if (points.length < 5) {
    throw new RangeError(`compareDecayRate: ${points.length} element sets between ${input.start.toIsoUtc(0)} and ${input.end.toIsoUtc(0)}; need ≥ 5`);
  }
  const first = points[0];
  const last = points[points.length - 1];
  const days = last.epoch.secondsSince(first.epoch) / DAY_S;
  const tDays = Float64Array.from(points, (p) => p.epoch.secondsSince(first.epoch) / DAY_S);
  const aObs = Float64Array.from(points, (p) => p.semiMajorAxisM);
  const obs = fitLine(tDays, aObs);
  const theilSen = theilSenSlopeSubsampled(tDays, aObs, 0, points.length - 1);

  const initial = stateFromMeanElements(input.elements[first.sourceIndex], input.massKg, input.eop);
  const result = input.propagator.propagate(initial, last.epoch, { stepS: input.sampleStepS ?? 30 });
  const means = revolutionMeanSemiMajorAxis(result.ephemeris!);
  if (means.tSeconds.length < 3) throw new RangeError(`compareDecayRate: window of ${days.toFixed(2)} days holds fewer than 3 revolutions`);
  const model = fitLine(
    means.tSeconds.map((t) => t / DAY_S),
    means.semiMajorAxisM,
  );
  const altitudes = points.map((p) => p.meanAltitudeM).sort((x, y) => x - y);
  return {
    start: first.epoch,
    end: last.epoch,
    days,
    tlePoints: points.length,
    meanAltitudeKm: altitudes[altitudes.length >> 1] / 1000,
    observedRateMPerDay: -obs.slope,
    observedSigmaMPerDay: obs.slopeSigma,
    observedTheilSenMPerDay: -theilSen,
    observedResidualM: obs.residualRms,
    modelledRateMPerDay: -model.slope,
    modelledSigmaMPerDay: model.slopeSigma,
    revolutions: means.tSeconds.length,
    ratio: model.slope / obs.slope,
    stats: result.stats,
  };
}
