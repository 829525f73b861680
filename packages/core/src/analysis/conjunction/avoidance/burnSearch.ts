/**
 * The search for the smallest |Δv| of one sign that meets the avoidance criterion (criterion.ts),
 * each trial a full propagation (simulator.ts): a probe burn gives the linear sensitivity of the
 * encounter-plane miss to Δv, whose predicted crossing starts the search; true propagations
 * bracket the crossing and an Illinois regula falsi (math/rootFinding.ts) shrinks the bracket,
 * always keeping one end that meets the criteria; five evenly spaced smaller |Δv| are checked for
 * a non-monotone Pc(Δv).
 */
import { illinoisBracket } from '../../../foundation/math/rootFinding.js';
import type { Criterion } from './criterion.js';
import type { AvoidanceSimulator, EncounterOutcome } from './simulator.js';

export interface SideSearchInput {
  sim: AvoidanceSimulator;
  criterion: Criterion;
  /** The linear model's criterion for a miss vector in the nominal plane's axes. */
  predicted: (missM: [number, number]) => number;
  /** The criterion at the nominal encounter (> 0: a burn is needed). */
  g0: number;
  maxDeltaVMps: number;
  absTolMps: number;
}

export type SideSearchResult =
  | { feasible: true; magnitudeMps: number; predictedMps: number; outcome: EncounterOutcome; nonMonotone: boolean }
  | { feasible: false; predictedMps: number; reason: string };

/** Trials of one sign, each |Δv| propagated once. */
class Trials {
  private readonly cache = new Map<number, EncounterOutcome>();
  constructor(
    private readonly input: SideSearchInput,
    private readonly sign: 1 | -1,
  ) {}
  outcome(mag: number): EncounterOutcome {
    let o = this.cache.get(mag);
    if (!o) {
      o = this.input.sim.outcome(this.sign * mag);
      this.cache.set(mag, o);
    }
    return o;
  }
  g = (mag: number): number => {
    const o = this.outcome(mag);
    return this.input.criterion(o.pc, o.missDistanceM);
  };
}

export function searchSide(input: SideSearchInput, sign: 1 | -1): SideSearchResult {
  const trials = new Trials(input, sign);
  const maxDv = input.maxDeltaVMps;
  const predictedMag = linearPrediction(input, trials);
  const startMag = Number.isFinite(predictedMag) ? Math.min(Math.max(predictedMag, 10 * input.absTolMps), maxDv) : maxDv;
  const bracket = bracketCrossing(input, trials.g, startMag);
  if (!bracket) {
    const o = trials.outcome(maxDv);
    return { feasible: false, predictedMps: predictedMag, reason: `no |Δv| ≤ ${maxDv} m/s meets the criteria (Pc ${o.pc.toExponential(3)}, miss ${o.missDistanceM.toFixed(1)} m at ${maxDv} m/s)` };
  }
  let [lo, hi] = illinoisBracket(trials.g, ...bracket, input.absTolMps);
  // Check scan below the root: a smaller |Δv| that already meets the criteria means Pc(Δv) is not monotone.
  let nonMonotone = false;
  let prevX = 0;
  let prevG = input.g0;
  for (let k = 1; k <= 5; k++) {
    const x = (hi * k) / 6;
    if (x >= lo) break;
    const gx = trials.g(x);
    if (gx <= 0) {
      nonMonotone = true;
      [lo, hi] = illinoisBracket(trials.g, prevX, prevG, x, gx, input.absTolMps);
      break;
    }
    prevX = x;
    prevG = gx;
  }
  return { feasible: true, magnitudeMps: hi, predictedMps: predictedMag, outcome: trials.outcome(hi), nonMonotone };
}

/**
 * |Δv| where the linear model m(Δv) = m₀ + Δv·slope (slope from a probe burn) first meets the
 * criteria: a 400-step scan up to the largest Δv, then bisection; NaN when it never does.
 */
function linearPrediction(input: SideSearchInput, trials: Trials): number {
  const maxDv = input.maxDeltaVMps;
  const probe = Math.min(0.05, maxDv / 10);
  const m0 = input.sim.nominal.planeMissNominalAxesM;
  const pm = trials.outcome(probe).planeMissNominalAxesM;
  const slope = [(pm[0] - m0[0]) / probe, (pm[1] - m0[1]) / probe];
  const gPred = (mag: number): number => input.predicted([m0[0] + mag * slope[0], m0[1] + mag * slope[1]]);
  const steps = 400;
  let prev = 0;
  for (let k = 1; k <= steps; k++) {
    const x = (maxDv * k) / steps;
    if (gPred(x) <= 0) {
      let lo = prev;
      let hi = x;
      for (let it = 0; it < 60 && hi - lo > 1e-9; it++) {
        const mid = 0.5 * (lo + hi);
        if (gPred(mid) <= 0) hi = mid;
        else lo = mid;
      }
      return hi;
    }
    prev = x;
  }
  return NaN;
}

/**
 * A true bracket [lo, g(lo), hi, g(hi)] with g(lo) > 0 ≥ g(hi), from `startMag`: shrinking by
 * 0.8 while it meets the criteria, else growing by 1.25 up to the largest Δv; null when none does.
 */
function bracketCrossing(input: SideSearchInput, g: (mag: number) => number, startMag: number): [number, number, number, number] | null {
  let lo = 0;
  let gLo = input.g0;
  const gs = g(startMag);
  if (gs <= 0) {
    let hi = startMag;
    let gHi = gs;
    for (let k = 0; k < 30; k++) {
      const x = hi * 0.8;
      if (x < input.absTolMps) break;
      const gx = g(x);
      if (gx > 0) return [x, gx, hi, gHi];
      hi = x;
      gHi = gx;
    }
    return [lo, gLo, hi, gHi];
  }
  lo = startMag;
  gLo = gs;
  while (lo < input.maxDeltaVMps) {
    const x = Math.min(lo * 1.25, input.maxDeltaVMps);
    const gx = g(x);
    if (gx <= 0) return [lo, gLo, x, gx];
    lo = x;
    gLo = gx;
  }
  return null;
}
