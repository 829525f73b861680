/**
 * A dispenser releasing N satellites from an upper stage in a circular orbit, in separation events
 * of `perEvent` satellites. Event k (0-based) adds an along-track Δv of (k + 1)·δ to every satellite
 * it releases (the stage backs away between events), and the dispenser pushes the satellites of one
 * event apart with `spreadDeltaVMps` in a ring of directions in the radial/cross-track plane.
 *
 * The new mean elements follow from Gauss's variational equations for a near-circular orbit, to
 * first order in Δv/v (Vallado 4th ed. §9.3; Battin §10.4):
 *   Δa = 2aΔv_T/v,  Δ(e cos ω) = (2Δv_T cos u + Δv_R sin u)/v,  Δ(e sin ω) = (2Δv_T sin u − Δv_R cos u)/v,
 *   Δi = Δv_N cos u / v,  ΔΩ = Δv_N sin u / (v sin i),  Δλ = −2Δv_R / v (mean longitude).
 * The stage itself follows its mean elements with the secular J2 rates between events.
 */
import { brouwerFromKozaiMeanMotion } from '../../foundation/elements/meanMotion.js';
import { WGS72_EQUATORIAL_RADIUS_M, WGS72_MU_M3_PER_S2 } from '../../foundation/elements/wgs72.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { secularJ2Rates } from './secularJ2.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';

const RAD_PER_S_TO_REV_PER_DAY = 86400 / (2 * Math.PI);

export interface DispenserConfig {
  /** First separation event. */
  releaseEpoch: Epoch;
  /** Mean altitude of the stage's circular orbit, km above the WGS-72 radius. */
  altitudeKm: number;
  inclinationDeg: number;
  raanDeg: number;
  /** Mean argument of latitude of the stage at the first event, deg. */
  argLatitudeDeg: number;
  satellites: number;
  perEvent: number;
  eventIntervalS: number;
  /** δ: along-track Δv step between events, m/s. */
  deltaVStepMps: number;
  /** Ring push of the dispenser inside one event, m/s. */
  spreadDeltaVMps: number;
  /** SGP4 drag term of each satellite, 1/earth radii. */
  bstar: number;
  /** Name prefix; satellites become PREFIX-1 … PREFIX-N. */
  namePrefix?: string;
  /** First catalogue number given to the simulated satellites (default 90001). */
  firstNorad?: number;
}

export interface ReleasedSatellite {
  elements: MeanElements;
  event: number;
  /** Applied Δv in the stage's RTN frame at release, m/s. */
  deltaVRtnMps: [number, number, number];
}

/** Kozai mean motion (rad/s) whose Brouwer axis is `semiMajorAxisM` (fixed-point inversion). */
function kozaiMeanMotionForAxis(semiMajorAxisM: number, eccentricity: number, inclinationRad: number): number {
  const target = Math.sqrt(WGS72_MU_M3_PER_S2 / semiMajorAxisM ** 3);
  let n = target;
  for (let k = 0; k < 8; k++) n *= target / brouwerFromKozaiMeanMotion(n, eccentricity, inclinationRad).meanMotionRadPerS;
  return n;
}

function wrap360(deg: number): number {
  const w = deg % 360;
  return w < 0 ? w + 360 : w;
}

function checkConfig(c: DispenserConfig): void {
  if (!Number.isInteger(c.satellites) || c.satellites < 1 || c.satellites > 500) throw new RangeError(`satellites must be a whole number from 1 to 500, got ${c.satellites}`);
  if (!Number.isInteger(c.perEvent) || c.perEvent < 1) throw new RangeError(`per_event must be a whole number of at least 1, got ${c.perEvent}`);
  if (!(c.altitudeKm >= 150 && c.altitudeKm <= 3000)) throw new RangeError(`altitude_km must be between 150 and 3000, got ${c.altitudeKm}`);
  if (!(c.inclinationDeg > 0 && c.inclinationDeg < 180)) throw new RangeError(`inclination_deg must be between 0 and 180 (exclusive), got ${c.inclinationDeg}`);
  if (!(c.eventIntervalS >= 0)) throw new RangeError(`event_interval_s must not be negative, got ${c.eventIntervalS}`);
  for (const [name, v] of [['delta_v_step_m_s', c.deltaVStepMps], ['spread_delta_v_m_s', c.spreadDeltaVMps]] as const) {
    if (!(Math.abs(v) <= 50)) throw new RangeError(`${name} must be a small Δv (|Δv| ≤ 50 m/s), got ${v}`);
  }
}

/** The released satellites' mean elements, each at its own release instant. */
export function releaseSatellites(c: DispenserConfig): ReleasedSatellite[] {
  checkConfig(c);
  const i0 = c.inclinationDeg * RAD_PER_DEG;
  const a0 = WGS72_EQUATORIAL_RADIUS_M + c.altitudeKm * 1e3;
  const v = Math.sqrt(WGS72_MU_M3_PER_S2 / a0);
  const rates = secularJ2Rates(a0, 0, i0);
  const out: ReleasedSatellite[] = [];
  for (let j = 0; j < c.satellites; j++) {
    const event = Math.floor(j / c.perEvent);
    const slot = j % c.perEvent;
    const dtS = event * c.eventIntervalS;
    const u = (c.argLatitudeDeg * RAD_PER_DEG + (rates.argPerigeeRadPerS + rates.meanAnomalyRadPerS) * dtS) % (2 * Math.PI);
    const raan = c.raanDeg * RAD_PER_DEG + rates.raanRadPerS * dtS;
    const phase = (2 * Math.PI * slot) / c.perEvent;
    const dvT = (event + 1) * c.deltaVStepMps;
    const dvR = c.spreadDeltaVMps * Math.cos(phase);
    const dvN = c.spreadDeltaVMps * Math.sin(phase);
    const a = a0 + (2 * a0 * dvT) / v;
    const ex = (2 * dvT * Math.cos(u) + dvR * Math.sin(u)) / v;
    const ey = (2 * dvT * Math.sin(u) - dvR * Math.cos(u)) / v;
    const e = Math.hypot(ex, ey);
    const omega = Math.atan2(ey, ex);
    const inc = i0 + (dvN * Math.cos(u)) / v;
    const lambda = u - (2 * dvR) / v;
    const n = kozaiMeanMotionForAxis(a, e, inc);
    const elements: MeanElements = {
      objectName: `${c.namePrefix ?? 'SAT'}-${j + 1}`,
      noradId: (c.firstNorad ?? 90001) + j,
      intlDesignator: '',
      classification: 'U',
      epoch: c.releaseEpoch.plusSeconds(dtS),
      meanMotionRevPerDay: n * RAD_PER_S_TO_REV_PER_DAY,
      eccentricity: e,
      inclinationDeg: inc / RAD_PER_DEG,
      raanDeg: wrap360((raan + (dvN * Math.sin(u)) / (v * Math.sin(i0))) / RAD_PER_DEG),
      argPerigeeDeg: wrap360(omega / RAD_PER_DEG),
      meanAnomalyDeg: wrap360((lambda - omega) / RAD_PER_DEG),
      meanMotionDot: 0,
      meanMotionDdot: 0,
      bstar: c.bstar,
      ephemerisType: 0,
      elementSetNo: 1,
      revAtEpoch: 0,
    };
    out.push({ elements, event, deltaVRtnMps: [dvR, dvT, dvN] });
  }
  return out;
}

