/**
 * Guided descent targeting: the bank magnitude that lands the capsule on the target's downrange.
 * Downrange grows monotonically with the vertical lift fraction c = cos|σ₀| (σ₀ the bank at the
 * start, shaped after it by the vehicle's energy profile or load relief, guidedBank.ts), so Brent's method on
 * c ∈ [cos σ_max, 1] finds it, each trial one simulation from module separation to the first
 * parachute, aimed off by the drift under the canopies (a numerical predictor–corrector solved
 * once at the start of the entry, with the
 * lateral channel closed-loop through the bank reversals of guidedBank.ts). A target out of
 * reach gets the nearest end of the range (full lift up, or the largest bank) and a miss.
 */
import { greatCircleKm, MEAN_EARTH_RADIUS_KM } from '../../foundation/frames/greatCircle.js';
import { geodeticToItrf } from '../../foundation/frames/geodetic.js';
import { brentRoot } from '../../foundation/math/rootFinding.js';
import type { OrbitState } from '../../propagation/numerical/numericalPropagator.js';
import { simulateEntry, type DescentConfig, type DescentResult } from './descent.js';
import { entryEnergy, guidedBank, type GuidedBankOptions } from './guidedBank.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { WGS84 } from '../../foundation/bodies/earth.js';


/** Unit vector (ITRF) towards a geodetic point. */
export function groundUnit(latDeg: number, lonDeg: number): Float64Array {
  const p = geodeticToItrf({ latRad: latDeg * RAD_PER_DEG, lonRad: lonDeg * RAD_PER_DEG, altM: 0 });
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
  /** Commanded bank magnitude, deg, and its cosine (the vertical lift fraction). */
  bankDeg: number;
  cosBank: number;
  /** The bank law's shape (energy profile, load relief) the start bank was solved with. */
  shape: GuidedBankOptions;
  /** Great-circle distance from the landing to the target, km. */
  missKm: number;
}

/**
 * The vehicle's bank-law shape for an entry starting at `start` (module separation): its load
 * limit, and its energy profile from the start's energy (air-relative speed) to the energy at rest
 * at the first parachute's altitude (the ≈ 230 m/s left there, CSA, is 0.1 % of the span).
 */
export function guidanceShape(start: OrbitState, config: DescentConfig): GuidedBankOptions {
  const g = config.vehicle.guidance;
  if (!g) return {};
  const shape: GuidedBankOptions = { loadLimitG: g.loadLimitG };
  if (g.finalBankRad === undefined) return shape;
  const r = start.rGcrfM;
  const v = start.vGcrfMps;
  // Air-relative velocity: v − ω × r (rotation about GCRF z; the pole offset is negligible here).
  const vAir = [v[0] + WGS84.omegaRadPerS * r[1], v[1] - WGS84.omegaRadPerS * r[0], v[2]];
  const startAltM = config.vehicle.moduleSeparationAltitudeM ?? 120_000;
  const endAltM = config.vehicle.parachutes[0]?.deployAltitudeM ?? 0;
  const rEnd = Math.hypot(r[0], r[1], r[2]) - (startAltM - endAltM);
  shape.profile = { startEnergyJPerKg: entryEnergy(r, vAir), endEnergyJPerKg: entryEnergy([rEnd, 0, 0], [0, 0, 0]), finalBankRad: g.finalBankRad };
  return shape;
}

/**
 * Fly the guided entry from `start` (module separation; `startUnit` its ground point, ITRF unit)
 * to the target. `config.bank` is ignored (the guided law replaces it).
 */
export function targetEntry(start: OrbitState, startUnit: ArrayLike<number>, config: DescentConfig, target: { latDeg: number; lonDeg: number }): TargetedEntry {
  const t = groundUnit(target.latDeg, target.lonDeg);
  const rangeToTarget = centralAngleRad(startUnit, t);
  const cMin = Math.cos(config.vehicle.maxBankRad);
  const shape = guidanceShape(start, config);
  // Search on the downrange at the first parachute (set by then); aim off by the canopy drift.
  let driftRad = 0;
  let c = 1;
  let result: DescentResult | undefined;
  for (let pass = 0; pass < 2; pass++) {
    c = solveCosBank(start, startUnit, config, t, rangeToTarget - driftRad, cMin, shape);
    result = simulateEntry(start, { ...config, bank: guidedBank(t, c, shape) });
    const chute = result.events.find((e) => e.name === config.vehicle.parachutes[0]?.name) ?? result.landing;
    const drift = centralAngleRad(startUnit, groundUnit(result.landing.latDeg, result.landing.lonDeg)) - centralAngleRad(startUnit, groundUnit(chute.latDeg, chute.lonDeg));
    // Re-aim only when the canopy drift matters (winds): > 1 km.
    if (Math.abs(drift - driftRad) * MEAN_EARTH_RADIUS_KM < 1) break;
    driftRad = drift;
  }
  const l = result!.landing;
  const missKm = greatCircleKm(l.latDeg, l.lonDeg, target.latDeg, target.lonDeg);
  return { result: result!, bankDeg: Math.acos(c) / RAD_PER_DEG, cosBank: c, shape, missKm };
}

/** cos|σ| whose entry reaches the first parachute `rangeRad` downrange of `startUnit` (clamped to the bank limits). */
function solveCosBank(start: OrbitState, startUnit: ArrayLike<number>, config: DescentConfig, t: Float64Array, rangeRad: number, cMin: number, shape: GuidedBankOptions): number {
  const miss = (c: number): number => {
    const r = simulateEntry(start, { ...config, bank: guidedBank(t, c, shape), stopAtParachute: true });
    return centralAngleRad(startUnit, groundUnit(r.landing.latDeg, r.landing.lonDeg)) - rangeRad;
  };
  const fHigh = miss(1);
  if (fHigh <= 0) return 1;
  const fLow = miss(cMin);
  if (fLow >= 0) return cMin;
  return brentRoot(miss, cMin, 1, fLow, fHigh, 2e-4, 30);
}
