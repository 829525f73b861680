/**
 * What the station-keeping planner needs of a long-term decay model, and a small built-in one.
 *
 * The planner only asks: "advance this mean orbit from its epoch to `to` under drag". The
 * orbit-averaged propagator (propagation/averaged) plugs in through the same interface
 * (see decayAdapter.ts); `CircularOrbitDecay` is the fallback and the reference for tests.
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { EARTH_ROTATION_RATE_IAU82_RAD_PER_S } from '../../foundation/bodies/earth.js';
import type { MeanOrbitState } from '../../propagation/averaged/meanState.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../foundation/elements/wgs72.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import { EGM96_GM_M3_PER_S2, EGM96_J, EGM96_RADIUS_M } from '../../models/gravity/zonal.js';
import { emptySpaceWeatherValues, type SpaceWeatherSource } from '../../foundation/spaceWeather/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { BallisticProperties } from '../../models/spacecraft/station.js';

export type { MeanOrbitState };

export interface DecayModel {
  readonly name: string;
  /** Mean orbit at `to` (after `state.epoch`) under drag alone. */
  advance(state: MeanOrbitState, to: Epoch, ballistic: BallisticProperties): MeanOrbitState;
  /** Orbit-averaged da/dt at a state, m/s (negative when decaying); for rates and plots. */
  semiMajorAxisRateMps(state: MeanOrbitState, ballistic: BallisticProperties): number;
}

export interface CircularOrbitDecayOptions {
  /** Points around the orbit for the density average (default 12). */
  orbitPoints?: number;
  /** Largest integration step, days (default 1; smaller automatically when decay is fast). */
  maxStepDays?: number;
}

const SECONDS_PER_DAY = 86400;

/**
 * Near-circular decay: da/dt = −√(μa)·ρ̄·F·Cd·A/m (King-Hele, Theory of Satellite Orbits in an
 * Atmosphere, 1964, ch. 4, e → 0 limit; Vallado 4th ed. §9.6, Eq. 9-41 with v = √(μ/a)), where
 * ρ̄ is the density averaged over `orbitPoints` positions around the orbit at one instant (so the
 * day/night bulge and latitude enter through the atmosphere model) and
 * F = (1 − r·ω⊕·cos i / v)² the loss of relative speed to the co-rotating atmosphere (King-Hele
 * 1964, Eq. 4.14 averaged over the orbit). The node drifts at the J2 secular rate
 * −(3/2)·n·J2·(R/a)²·cos i (Vallado Eq. 9-41a) so the orbit's local time of day follows the
 * real ~60-day cycle. Eccentricity is held (ISS e ≈ 0.0005: density at ±3.5 km averages out to
 * within 1 %). Heun steps of at most `maxStepDays`.
 */
export class CircularOrbitDecay implements DecayModel {
  readonly name = 'circular-orbit decay (built-in)';
  private readonly points: number;
  private readonly maxStepS: number;
  private readonly sw = emptySpaceWeatherValues();
  private readonly r = new Float64Array(3);

  constructor(
    readonly atmosphere: AtmosphereModel,
    readonly spaceWeather: SpaceWeatherSource,
    options: CircularOrbitDecayOptions = {},
  ) {
    this.points = options.orbitPoints ?? 12;
    this.maxStepS = (options.maxStepDays ?? 1) * SECONDS_PER_DAY;
    if (!(Number.isInteger(this.points) && this.points >= 4)) throw new RangeError(`orbitPoints: integer ≥ 4, got ${this.points}`);
    if (!(this.maxStepS > 0)) throw new RangeError(`maxStepDays: must be positive, got ${options.maxStepDays}`);
  }

  /** Density averaged around a circular orbit of radius a, node raan, at `epoch`, kg/m³. */
  meanDensity(a: number, inc: number, raan: number, epoch: Epoch): number {
    const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
    const theta = gmst82Rad(mjdDay, secondsOfDay);
    this.spaceWeather.atInto(epoch, this.sw);
    // Node in the Earth-fixed frame: the orbit plane rotated by −GMST.
    const node = raan - theta;
    const cn = Math.cos(node);
    const sn = Math.sin(node);
    const ci = Math.cos(inc);
    const si = Math.sin(inc);
    let sum = 0;
    for (let k = 0; k < this.points; k++) {
      const u = ((k + 0.5) * 2 * Math.PI) / this.points;
      const cu = Math.cos(u);
      const su = Math.sin(u);
      this.r[0] = a * (cn * cu - sn * su * ci);
      this.r[1] = a * (sn * cu + cn * su * ci);
      this.r[2] = a * su * si;
      sum += this.atmosphere.density(this.r, epoch, this.sw);
    }
    return sum / this.points;
  }

  private rates(a: number, inc: number, raan: number, epoch: Epoch, invB: number, out: Float64Array): void {
    const mu = EGM96_GM_M3_PER_S2;
    const v = Math.sqrt(mu / a);
    const wind = 1 - (a * EARTH_ROTATION_RATE_IAU82_RAD_PER_S * Math.cos(inc)) / v;
    const rho = this.meanDensity(a, inc, raan, epoch);
    out[0] = -Math.sqrt(mu * a) * rho * wind * wind * invB;
    const n = v / a;
    const ra = EGM96_RADIUS_M / a;
    out[1] = -1.5 * n * EGM96_J[2] * ra * ra * Math.cos(inc);
    out[2] = n;
  }

  private readonly k1 = new Float64Array(3);
  private readonly k2 = new Float64Array(3);

  semiMajorAxisRateMps(state: MeanOrbitState, b: BallisticProperties): number {
    this.rates(state.semiMajorAxisM, state.inclinationRad, state.raanRad, state.epoch, (b.dragCoefficient * b.dragAreaM2) / b.massKg, this.k1);
    return this.k1[0];
  }

  advance(state: MeanOrbitState, to: Epoch, b: BallisticProperties): MeanOrbitState {
    const total = to.secondsSince(state.epoch);
    if (!(total >= 0)) throw new RangeError(`decay: target ${to.toIsoUtc(0)} is before the state epoch ${state.epoch.toIsoUtc(0)}`);
    const invB = (b.dragCoefficient * b.dragAreaM2) / b.massKg;
    const inc = state.inclinationRad;
    let a = state.semiMajorAxisM;
    let raan = state.raanRad;
    let lam = state.meanArgumentOfLatitudeRad;
    let epoch = state.epoch;
    let done = 0;
    while (done < total) {
      this.rates(a, inc, raan, epoch, invB, this.k1);
      // Keep a step's altitude change under 2 % of the height above 100 km (fast at the end of life).
      const height = a - WGS72_EQUATORIAL_RADIUS_M - 100e3;
      let h = Math.min(this.maxStepS, total - done);
      if (this.k1[0] < 0 && height > 0) h = Math.min(h, Math.max(60, (0.02 * height) / -this.k1[0]));
      if (height <= 0) return { ...state, epoch: to, semiMajorAxisM: a, raanRad: raan, meanArgumentOfLatitudeRad: lam };
      const next = epoch.plusSeconds(h);
      this.rates(a + h * this.k1[0], inc, raan + h * this.k1[1], next, invB, this.k2);
      a += 0.5 * h * (this.k1[0] + this.k2[0]);
      raan += 0.5 * h * (this.k1[1] + this.k2[1]);
      lam += 0.5 * h * (this.k1[2] + this.k2[2]);
      done += h;
      epoch = done >= total ? to : next;
    }
    return { ...state, epoch: to, semiMajorAxisM: a, raanRad: raan, meanArgumentOfLatitudeRad: lam };
  }
}

/** Mean altitude (a − R⊕ WGS-72 equatorial, as in the orbit history), m. */
export function meanAltitudeM(state: Pick<MeanOrbitState, 'semiMajorAxisM'>): number {
  return state.semiMajorAxisM - WGS72_EQUATORIAL_RADIUS_M;
}

/** A circular mean state at a given mean altitude (m), inclination and node (rad). */
export function circularMeanState(epoch: Epoch, meanAltitudeM_: number, inclinationRad: number, raanRad = 0): MeanOrbitState {
  return {
    epoch,
    semiMajorAxisM: WGS72_EQUATORIAL_RADIUS_M + meanAltitudeM_,
    eCosArgPerigee: 0,
    eSinArgPerigee: 0,
    inclinationRad,
    raanRad,
    meanArgumentOfLatitudeRad: 0,
  };
}
