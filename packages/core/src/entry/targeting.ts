/**
 * Guided descent targeting: the bank magnitude that lands the capsule on the target's downrange.
 * Downrange grows monotonically with the vertical lift fraction c = cos|σ|, so Brent's method on
 * c ∈ [cos σ_max, 1] finds it, each trial one full simulation from module separation to
 * touchdown (a numerical predictor–corrector solved once at the start of the entry, with the
 * lateral channel closed-loop through the bank reversals of guidedBank.ts). A target out of
 * reach gets the nearest end of the range (full lift up, or the largest bank) and a miss.
 */
import { greatCircleKm } from '../deorbit/zone.js';
import { geodeticToItrf } from '../frames/geodetic.js';
import { brentRoot } from '../math/rootFinding.js';
import type { OrbitState } from '../propagation/numerical/numericalPropagator.js';
import { simulateEntry, type DescentConfig, type DescentResult } from './descent.js';
import { guidedBank } from './guidedBank.js';

const DEG = Math.PI / 180;

/** Unit vector (ITRF) towards a geodetic point. */
export function groundUnit(latDeg: number, lonDeg: number): Float64Array {
  const p = geodeticToItrf({ latRad: latDeg * DEG, lonRad: lonDeg * DEG, altM: 0 });
  const n = Math.hypot(p[0], p[1], p[2]);
  return Float64Array.of(p[0] / n, p[1] / n, p[2] / n);
}

/** Central angle between two unit vectors, rad. */
export function centralAngleRad(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const cx = a[1] * b[2] - a[2] * b[1];
  const cy = a[2] * b[0] - a[0] * b[2];
  const cz = a[0] * b[1] - a[1] * b[0];
  return Math.atan2(Math.hypot(cx, cy, cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
}

export interface TargetedEntry {
  result: DescentResult;
  /** Commanded bank magnitude, deg. */
  bankDeg: number;
  /** Great-circle distance from the landing to the target, km. */
  missKm: number;
}

/**
 * Fly the guided entry from `start` (module separation; `startUnit` its ground point, ITRF unit)
 * to the target. `config.bank` is ignored (the guided law replaces it).
 */
export function targetEntry(start: OrbitState, startUnit: ArrayLike<number>, config: DescentConfig, target: { latDeg: number; lonDeg: number }): TargetedEntry {
  const t = groundUnit(target.latDeg, target.lonDeg);
  const rangeToTarget = centralAngleRad(startUnit, t);
  const runs = new Map<number, DescentResult>();
  const fly = (c: number): DescentResult => {
    let r = runs.get(c);
    if (!r) {
      r = simulateEntry(start, { ...config, bank: guidedBank(t, c) });
      runs.set(c, r);
    }
    return r;
  };
  const miss = (c: number): number => {
    const l = fly(c).landing;
    return centralAngleRad(startUnit, groundUnit(l.latDeg, l.lonDeg)) - rangeToTarget;
  };
  const cMin = Math.cos(config.vehicle.maxBankRad);
  const fHigh = miss(1);
  const fLow = miss(cMin);
  let c: number;
  if (fHigh <= 0) c = 1;
  else if (fLow >= 0) c = cMin;
  else c = brentRoot(miss, cMin, 1, fLow, fHigh, 2e-4, 30);
  const result = fly(c);
  const l = result.landing;
  const missKm = greatCircleKm(l.latDeg, l.lonDeg, target.latDeg, target.lonDeg);
  return { result, bankDeg: Math.acos(c) / DEG, missKm };
}
