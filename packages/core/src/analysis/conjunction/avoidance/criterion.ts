/**
 * The avoidance criterion as one number: g = max(ln(Pc/threshold), ln(minMiss/miss)), met where
 * g ≤ 0 (Pc at or below the threshold and, when asked, the miss at or above the minimum). Its
 * logarithms make it smooth enough for regula falsi across the many decades Pc spans.
 */
import { principalAxes, type EncounterPlane } from '../encounter.js';
import { pcForEncounter } from '../pc/collisionProbability.js';

export type Criterion = (pc: number, missM: number) => number;

export function avoidanceCriterion(pcThreshold: number, minMissM: number | undefined): Criterion {
  return (pc, missM) => {
    let g = Math.log(Math.max(pc, 1e-300) / pcThreshold);
    if (minMissM !== undefined) g = Math.max(g, Math.log(minMissM / Math.max(missM, 1e-9)));
    return g;
  };
}

/**
 * The criterion for a miss vector given in the nominal encounter plane's axes, the covariance kept
 * (the linear model's prediction: no propagation). The covariance is turned into the axes along
 * and across that miss, as the Pc integral takes it.
 */
export function planeMissCriterion(nominalPlane: EncounterPlane, hardBodyRadiusM: number, criterion: Criterion): (missM: [number, number]) => number {
  const [a, b, d] = nominalPlane.covarianceM2;
  return (m) => {
    const miss = Math.hypot(m[0], m[1]);
    const phi = Math.atan2(m[1], m[0]);
    const c = Math.cos(phi);
    const s = Math.sin(phi);
    const cmm = c * c * a + 2 * c * s * b + s * s * d;
    const cmc = -c * s * a + (c * c - s * s) * b + c * s * d;
    const ccc = s * s * a - 2 * c * s * b + c * c * d;
    const enc = principalAxes({ ...nominalPlane, missDistanceM: miss, covarianceM2: [cmm, cmc, ccc] }, hardBodyRadiusM);
    return criterion(pcForEncounter(enc, 'foster'), miss);
  };
}
