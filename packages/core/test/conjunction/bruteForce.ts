/**
 * Independent reference for the screening tests: distance of two SGP4 objects sampled at a fixed
 * fine step from plain Sgp4Propagator calls, every sampled local minimum refined by golden-section
 * search on positions only (no range rate, no bounds, no grid). Shares nothing with the screening
 * code but the SGP4 propagator.
 */
import { Sgp4Propagator, type Sgp4TleLines } from '../../src/propagation/index.js';
import type { Epoch } from '../../src/foundation/time/epoch.js';

export interface ReferenceMinimum {
  readonly tcaSeconds: number;
  readonly missKm: number;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Local minima of the distance below thresholdKm in [0, duration]. Samples every stepSeconds;
 * samples below thresholdKm + v·step (v = 16 km/s) that are local minima of the samples are
 * refined over the two neighbouring intervals to 1e-4 s.
 */
export function referenceMinima(
  a: Sgp4TleLines,
  b: Sgp4TleLines,
  start: Epoch,
  durationSeconds: number,
  thresholdKm: number,
  stepSeconds = 1,
): ReferenceMinimum[] {
  const pa = Sgp4Propagator.fromTle(a.line1, a.line2);
  const pb = Sgp4Propagator.fromTle(b.line1, b.line2);
  const baseA = start.secondsSince(pa.epoch) / 60;
  const baseB = start.secondsSince(pb.epoch) / 60;
  const sa = new Float64Array(6);
  const sb = new Float64Array(6);
  const dist = (t: number): number => {
    if (pa.tryPropagateMinutes(baseA + t / 60, sa) !== 0 || pb.tryPropagateMinutes(baseB + t / 60, sb) !== 0) return NaN;
    return Math.hypot(sa[0] - sb[0], sa[1] - sb[1], sa[2] - sb[2]);
  };
  const n = Math.ceil(durationSeconds / stepSeconds);
  const out: ReferenceMinimum[] = [];
  let dPrev = NaN;
  let dCur = dist(0);
  for (let k = 0; k <= n; k++) {
    const tNext = Math.min((k + 1) * stepSeconds, durationSeconds);
    const dNext = k < n ? dist(tNext) : NaN;
    const isMin = !(dCur > dPrev) && !(dCur >= dNext) && k > 0 && k < n; // interior sampled minimum (ties: first)
    if (isMin && dCur < thresholdKm + 16 * stepSeconds) {
      let lo = (k - 1) * stepSeconds;
      let hi = tNext;
      let x1 = hi - INV_PHI * (hi - lo);
      let x2 = lo + INV_PHI * (hi - lo);
      let f1 = dist(x1);
      let f2 = dist(x2);
      while (hi - lo > 1e-4) {
        if (f1 < f2) {
          hi = x2;
          x2 = x1;
          f2 = f1;
          x1 = hi - INV_PHI * (hi - lo);
          f1 = dist(x1);
        } else {
          lo = x1;
          x1 = x2;
          f1 = f2;
          x2 = lo + INV_PHI * (hi - lo);
          f2 = dist(x2);
        }
      }
      const t = 0.5 * (lo + hi);
      const d = dist(t);
      if (d <= thresholdKm) out.push({ tcaSeconds: t, missKm: d });
    }
    dPrev = dCur;
    dCur = dNext;
  }
  return out;
}
