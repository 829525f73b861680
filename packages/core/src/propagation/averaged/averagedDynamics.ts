/**
 * Orbit-averaged equations of motion for mean elements y = [a, e cos ω, e sin ω, i, Ω, λ]
 * (see meanState.ts) under zonal gravity and drag.
 *
 * Gravity (secular J2, first order; Kozai 1959, AJ 64, 367; Vallado, Fundamentals of
 * Astrodynamics and Applications, 4th ed. 2013, Eq. 9-41), n = √(μ/a³), p = a(1 − e²):
 *   Ω̇ = −(3/2) n J2 (R/p)² cos i,   ω̇ = (3/4) n J2 (R/p)² (4 − 5 sin²i),
 *   Ṁ = n [1 + (3/4) J2 (R/p)² √(1 − e²) (3cos²i − 1)].
 * Long-period J3 (Lagrange's equations with the orbit-averaged J3 potential
 *   R̄₃ = (3/2) μ J3 R³ e sin i (1 − (5/4) sin²i) sin ω / (a⁴ (1 − e²)^{5/2}),
 * Kozai 1959; Vallado 2013 §9.6): e-vector, i and Ω rates written out in drag-free form below;
 * the frozen eccentricity they imply, −J3 R sin i/(2 J2 a), is SGP4's a_yN,L (checked in the
 * tests). J3 terms in λ (O(e·J3)) and J2² terms (≈ 0.1 % of Ω̇) are left out.
 *
 * Drag, averaged over one revolution: Gauss's variational equations for a purely tangential
 * acceleration T = −½ ρ v² F / B (B = m/(Cd A), kg/m²) (Vallado 2013 Eq. 9-24; Battin 1999 §10.4):
 *   ȧ = 2a²vT/μ,   d(e cos ω)/dt = 2T (e cos ω + cos u)/v,   d(e sin ω)/dt = 2T (e sin ω + sin u)/v,
 * averaged over the mean anomaly, i.e. ⟨X⟩ = (1/2π)∮ X (1 − e cos E) dF over the eccentric
 * longitude F = E + ω with a periodic quadrature rule (quadrature.ts). F = (1 − r ω⊕ cos i / v)²
 * is King-Hele's factor for the rotating atmosphere (King-Hele, Satellite Orbits in an
 * Atmosphere, Blackie 1987, §2.3 and Eq. 4.14), evaluated at each node. The density at a node is
 * the atmosphere model's at the *osculating* position there (mean elements + SGP4's first-order
 * J2 short-period terms, shortPeriod.ts), rotated to Earth-fixed by GMST (IAU 1982, UT1 = UTC;
 * precession, nutation and polar motion ignored — < 0.5° of longitude, which moves no density
 * feature that matters) at the evaluation epoch: the nodes are the orbit frozen at that instant,
 * so local solar time and latitude along the orbit are right; only the purely geographic
 * (longitude/UT) terms of a model see one epoch for the whole revolution.
 * Left out: the cross-track drag (di/dt ≈ −10⁻³ °/yr at the ISS) and drag on Ω, ω through the
 * normal component — all below 0.2 % of the terms kept.
 */
import type { AtmosphereModel, AtmosphereSpaceWeather } from '../../models/atmosphere/types.js';
import { WGS84 } from '../../foundation/bodies/earth.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import type { SpaceWeatherSource, SpaceWeatherValues } from '../../foundation/spaceWeather/types.js';
import { emptySpaceWeatherValues } from '../../foundation/spaceWeather/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { periodicRule, type PeriodicRule, type QuadratureKind } from './quadrature.js';
import { EGM96_AVERAGED_GRAVITY, type AveragedGravity } from './meanState.js';
import { OSC_COS_U, OSC_LENGTH, OSC_R_KEPLER, OSC_SIN_U, OSC_SPEED, osculatingAtEccentricLongitude } from './shortPeriod.js';

/** A space-weather source, or one fixed set of activity values for every epoch. */
export type DecaySpaceWeather = SpaceWeatherSource | AtmosphereSpaceWeather;

export interface DragSettings {
  /** Ballistic coefficient m/(Cd·A), kg/m² (the DragForce convention). */
  ballisticCoefficientKgPerM2: number;
  atmosphere: AtmosphereModel;
  spaceWeather: DecaySpaceWeather;
  /** Multiplies every density (Monte Carlo density-model error); default 1. */
  densityScale?: number;
}

export interface QuadratureSettings {
  /** Default 'trapezoid' (see quadrature.ts for why). */
  kind?: QuadratureKind;
  /**
   * Nodes per revolution; default by eccentricity: 16 (e < 0.005), 24 (< 0.02), 32 (< 0.05),
   * 48 (< 0.1), 64 beyond — density is concentrated near perigee within ~H/(ae) of E = 0.
   */
  nodes?: number;
}

export interface AveragedDynamicsOptions extends DragSettings {
  gravity?: AveragedGravity;
  quadrature?: QuadratureSettings;
  /** Apply the J2 short-period terms to the density positions (default true). */
  shortPeriodPositions?: boolean;
  /** Earth rotation rate for the co-rotating atmosphere, rad/s (default WGS-84 7.292115e-5). */
  earthRotationRadPerS?: number;
}

const AUTO_TIERS: readonly [number, number][] = [
  [0.005, 16],
  [0.02, 24],
  [0.05, 32],
  [0.1, 48],
  [Infinity, 64],
];

/** Smallest |sin i| used in the J3 terms that divide by it (equatorial orbits). */
const MIN_SIN_I = 1e-3;

/** Lowest radius at which density is evaluated: WGS-84 polar radius + 40 km. */
const FLOOR_RADIUS_M = WGS84.bM + 40e3;

/** Count of density evaluations, for budgets and benchmarks. */
export interface DynamicsCounters {
  densityCalls: number;
  evaluations: number;
}

/** The averaged right-hand side; one instance per propagation (not re-entrant: reuses buffers). */
export class AveragedDynamics {
  readonly gravity: AveragedGravity;
  readonly inverseB: number;
  readonly counters: DynamicsCounters = { densityCalls: 0, evaluations: 0 };
  private readonly atmosphere: AtmosphereModel;
  private readonly source: SpaceWeatherSource | undefined;
  private readonly weather: AtmosphereSpaceWeather;
  private readonly weatherScratch: SpaceWeatherValues = emptySpaceWeatherValues();
  private readonly densityScale: number;
  private readonly shortPeriod: boolean;
  private readonly omegaEarth: number;
  private readonly fixedRule: PeriodicRule | undefined;
  private readonly tierRules: PeriodicRule[];
  private readonly kind: QuadratureKind;
  private readonly osc = new Float64Array(OSC_LENGTH);
  private readonly ecef = new Float64Array(3);

  constructor(
    readonly referenceEpoch: Epoch,
    options: AveragedDynamicsOptions,
  ) {
    const b = options.ballisticCoefficientKgPerM2;
    if (!(b > 0) || !Number.isFinite(b)) throw new RangeError(`ballisticCoefficientKgPerM2: must be a finite number > 0 (kg/m²), got ${b}`);
    if (!options.atmosphere || typeof options.atmosphere.density !== 'function') {
      throw new TypeError('atmosphere: must be an AtmosphereModel with density(positionEcefM, epoch, spaceWeather)');
    }
    const sw = options.spaceWeather as Partial<SpaceWeatherSource & AtmosphereSpaceWeather> | undefined;
    if (!sw) throw new TypeError('spaceWeather: give a SpaceWeatherSource or fixed { f107, f107a, ap }');
    if (typeof sw.atInto === 'function') {
      this.source = sw as SpaceWeatherSource;
      this.weather = this.weatherScratch;
    } else {
      if (!Number.isFinite(sw.f107) || !Number.isFinite(sw.f107a) || !sw.ap || sw.ap.length < 7) {
        throw new RangeError('spaceWeather: fixed values need finite f107, f107a and a 7-entry ap array');
      }
      this.source = undefined;
      this.weather = sw as AtmosphereSpaceWeather;
    }
    this.densityScale = options.densityScale ?? 1;
    if (!(this.densityScale > 0) || !Number.isFinite(this.densityScale)) {
      throw new RangeError(`densityScale: must be a finite number > 0, got ${options.densityScale}`);
    }
    this.inverseB = 1 / b;
    this.atmosphere = options.atmosphere;
    this.gravity = options.gravity ?? EGM96_AVERAGED_GRAVITY;
    this.shortPeriod = options.shortPeriodPositions ?? true;
    this.omegaEarth = options.earthRotationRadPerS ?? WGS84.omegaRadPerS;
    this.kind = options.quadrature?.kind ?? 'trapezoid';
    const nodes = options.quadrature?.nodes;
    this.fixedRule = nodes === undefined ? undefined : periodicRule(this.kind, nodes);
    this.tierRules = nodes === undefined ? AUTO_TIERS.map(([, n]) => periodicRule(this.kind, n)) : [];
  }

  private ruleFor(e: number): PeriodicRule {
    if (this.fixedRule) return this.fixedRule;
    let k = 0;
    while (e >= AUTO_TIERS[k][0]) k++;
    return this.tierRules[k];
  }

  /** dy/dt at t seconds after the reference epoch (the OdeFunction of the integrators). */
  readonly rates = (t: number, y: Float64Array, dy: Float64Array): void => {
    this.counters.evaluations++;
    const g = this.gravity;
    const mu = g.gmM3PerS2;
    const a = y[0];
    const ex = y[1];
    const ey = y[2];
    const inc = y[3];
    const raan = y[4];
    const e2 = ex * ex + ey * ey;
    if (!(a > 0 && e2 < 1) || !Number.isFinite(a + ex + ey + inc + raan + y[5])) {
      // A trial stage of a long step left the elements' domain (a ≤ 0, e ≥ 1, NaN): NaN rates
      // make the integrator reject the step and retry shorter, instead of feeding NaN to the
      // atmosphere (which refuses it).
      dy.fill(Number.NaN);
      return;
    }
    const eta2 = 1 - e2;
    const eta = Math.sqrt(eta2);
    const n = Math.sqrt(mu / (a * a * a));
    const p = a * eta2;
    const sinI = Math.sin(inc);
    const cosI = Math.cos(inc);
    const s2 = sinI * sinI;
    const rp = g.radiusM / p;
    const j2f = n * g.j2 * rp * rp;
    const raanDot = -1.5 * j2f * cosI;
    const argpDot = 0.75 * j2f * (4 - 5 * s2);
    const meanAnomalyDot = n + 0.75 * j2f * eta * (3 * cosI * cosI - 1);

    // Secular J2: rotation of the e-vector at ω̇, node regression, λ = M + ω.
    let dex = -ey * argpDot;
    let dey = ex * argpDot;
    let di = 0;
    let dRaan = raanDot;
    if (g.j3 !== 0) {
      const ra = g.radiusM / a;
      const k3 = 1.5 * n * g.j3 * ra * ra * ra;
      const sinIc = Math.abs(sinI) < MIN_SIN_I ? (sinI < 0 ? -MIN_SIN_I : MIN_SIN_I) : sinI;
      const f = sinI * (1 - 1.25 * s2);
      const gI = (cosI * cosI * (1 - 3.75 * s2)) / sinIc;
      const eta4 = eta2 * eta2;
      const eta6 = eta4 * eta2;
      dex -= (k3 / eta4) * (f * (1 + (5 * ey * ey) / eta2) - (ey * ey * gI) / eta2);
      dey += ((k3 * ex * ey) / eta6) * (5 * f - gI);
      di += ((k3 * ex) / eta6) * cosI * (1 - 1.25 * s2);
      dRaan += ((k3 * ey) / eta6) * ((cosI * (1 - 3.75 * s2)) / sinIc);
    }

    // Drag averaged over the revolution.
    const epoch = this.referenceEpoch.plusSeconds(t);
    const weather = this.source ? this.source.atInto(epoch, this.weatherScratch) : this.weather;
    const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
    const theta = gmst82Rad(mjdDay, secondsOfDay);
    const cT = Math.cos(theta);
    const sT = Math.sin(theta);
    const rule = this.ruleFor(Math.sqrt(e2));
    const nodes = rule.nodesRad;
    const weights = rule.weights;
    const osc = this.osc;
    const ecef = this.ecef;
    const wE = this.omegaEarth * cosI;
    let sumA = 0;
    let sumEx = 0;
    let sumEy = 0;
    for (let k = 0; k < nodes.length; k++) {
      const F = nodes[k];
      osculatingAtEccentricLongitude(a, ex, ey, inc, raan, F, g, this.shortPeriod, osc);
      ecef[0] = cT * osc[0] + sT * osc[1];
      ecef[1] = -sT * osc[0] + cT * osc[1];
      ecef[2] = osc[2];
      // Trial steps of the integrator near re-entry can overshoot below the ground: keep the
      // density finite (that of 40 km above the polar radius) so the step is rejected, not fatal.
      // (Squared radius first: Math.hypot is slow in V8, and the floor is rarely reached.)
      if (osc[0] * osc[0] + osc[1] * osc[1] + osc[2] * osc[2] < FLOOR_RADIUS_M * FLOOR_RADIUS_M) {
        const s = FLOOR_RADIUS_M / Math.hypot(osc[0], osc[1], osc[2]);
        ecef[0] *= s;
        ecef[1] *= s;
        ecef[2] *= s;
      }
      const rho = this.atmosphere.density(ecef, epoch, weather);
      const r = osc[OSC_R_KEPLER];
      const v = osc[OSC_SPEED];
      const rot = 1 - (r * wE) / v;
      // Time weight dM/dF = 1 − e cos E = r/a.
      const q = weights[k] * (r / a) * rho * v * rot * rot;
      sumA += q * v * v;
      sumEx += q * (ex + osc[OSC_COS_U]);
      sumEy += q * (ey + osc[OSC_SIN_U]);
    }
    this.counters.densityCalls += nodes.length;
    const kd = this.densityScale * this.inverseB;
    dy[0] = -((a * a) / mu) * kd * sumA;
    dy[1] = dex - kd * sumEx;
    dy[2] = dey - kd * sumEy;
    dy[3] = di;
    dy[4] = dRaan;
    dy[5] = meanAnomalyDot + argpDot;
  };
}
