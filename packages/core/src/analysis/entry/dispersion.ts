/**
 * Landing dispersion by Monte Carlo (seeded: member k's draws depend only on (seed, k), so any
 * split over threads gives the same members). Each member draws
 *   - the burn's Δv magnitude (σ 1 %) and pointing (σ 1° in pitch and in yaw),
 *   - a density factor for the whole column (log-normal, σ 5 %: NRLMSISE-00 is within a few per
 *     cent of measured densities in the lower atmosphere, 10–15 % higher up, where the guidance
 *     senses and corrects it), an L/D factor (σ 10 %),
 *   - a constant wind, σ 8 m/s in each horizontal component (MS-13's crew was warned of 20–35 m/s
 *     at 10 km and 4–7 m/s at the ground, facts §1: ~10 m/s averaged over the canopy descent)
 * (all EST: no published Soyuz dispersion budget was found). The guidance does not know the
 * wind: under the canopies it is what spreads the landings (RussianSpaceWeb: Soyuz lands within
 * 28 km with probability 0.9997, the winds being the main reason; W).
 * The guidance corrects the bank magnitude twice, each time a few secant steps (the first with
 * the nominal's ∂range/∂cos σ) on the predicted downrange error: at module separation it knows the member's
 * state (navigation) but not its air or L/D; at 70 km (≈ 1 g) it has sensed them (the drawn
 * factors). Real entry guidance corrects continuously, so the ellipse is somewhat pessimistic.
 * The members reuse the nominal's vertical atmosphere profile (profileAtmosphere.ts), up to the
 * orbit, so that a member costs ~20 ms.
 */
import { Xoshiro128 } from '../decay/random.js';
import type { OrbitState } from '../../propagation/numerical/numericalPropagator.js';
import { NO_LIFT } from './aero.js';
import { ConstantAccelerationBurn } from './burn.js';
import { simulateCoast, simulateEntry, type DescentConfig } from './descent.js';
import { guidedBank, type GuidedBankOptions } from './guidedBank.js';
import { geodeticAt, integrateBurn, vehicleStateAtBurn, type LandingInput, type LandingPrediction } from './landing.js';
import { ProfileAtmosphere } from './profileAtmosphere.js';
import { entryVehicle } from './vehicles.js';
import { Epoch } from '../../foundation/time/epoch.js';
import { centralAngleRad, groundUnit, guidanceShape } from './targeting.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';


export interface DispersionSigmas {
  deltaVFraction: number;
  attitudeDeg: number;
  densityFraction: number;
  liftToDragFraction: number;
  /** Each horizontal component of a constant wind, m/s. */
  windMps: number;
}

export const DEFAULT_DISPERSION_SIGMAS: DispersionSigmas = Object.freeze({ deltaVFraction: 0.01, attitudeDeg: 1, densityFraction: 0.05, liftToDragFraction: 0.1, windMps: 8 });

/** Altitude of the in-flight guidance update, m: the deceleration is ≈ 1 g there and the air is sensed. */
export const GUIDANCE_UPDATE_M = 70_000;

/**
 * Everything the members share, built once from the nominal guided prediction; plain data, so it
 * can go to worker threads (@stationkeeper/runtime, workers/landingPool.ts).
 */
export interface DispersionPlan {
  vehicleId: string;
  seed: number;
  deltaVMps: number;
  burnDurationS: number;
  /** State at the burn start: TAI day + seconds, GCRF m and m/s. */
  preBurn: { taiMjdDay: number; taiSecondsOfDay: number; r: number[]; v: number[] };
  nominalLanding: { taiMjdDay: number; taiSecondsOfDay: number };
  targetUnit: number[];
  cosBank: number;
  /** ∂(downrange to the parachute)/∂cos σ from module separation and from the update altitude, rad. */
  rangePerCosBank: number;
  rangePerCosBankAtUpdate: number;
  /** Nominal landing − parachute downrange, rad (the drift under the canopies). */
  chuteDriftRad: number;
  /** ln ρ every km up to beyond the orbit (the nominal's profile at module separation). */
  logDensity: number[];
  sigmas: DispersionSigmas;
}

export interface MemberLanding {
  latDeg: number;
  lonDeg: number;
  /** Landing time minus the nominal's, s. */
  dtS: number;
  peakG: number;
}

/** The members' atmosphere covers the whole descent, so space weather is never asked for. */
const UNUSED_WEATHER = { at: () => ({ f107: 150, f107a: 150, ap: [15, 15, 15, 15, 15, 15, 15] }) };

function memberConfig(plan: DispersionPlan): DescentConfig {
  const atmosphere = new ProfileAtmosphere(Float64Array.from(plan.logDensity), 'NRLMSISE-00 vertical profile');
  return { vehicle: entryVehicle(plan.vehicleId), atmosphere, spaceWeather: UNUSED_WEATHER, bank: NO_LIFT, trackStepS: 600 };
}

/** Downrange (rad) from `from` (ITRF unit) to where the entry reaches the first parachute. */
function predictedRange(start: OrbitState, fromUnit: Float64Array, cosBank: number, cfg: DescentConfig, target: Float64Array, shape: GuidedBankOptions): number {
  const r = simulateEntry(start, { ...cfg, bank: guidedBank(target, cosBank, shape), stopAtParachute: true });
  return centralAngleRad(fromUnit, groundUnit(r.landing.latDeg, r.landing.lonDeg));
}

/** Finite-difference ∂range/∂cos σ around `c`. */
function rangeSlope(start: OrbitState, fromUnit: Float64Array, c: number, cfg: DescentConfig, target: Float64Array, shape: GuidedBankOptions): number {
  const lo = Math.max(-1, c - 0.05);
  const hi = Math.min(1, c + 0.05);
  return (predictedRange(start, fromUnit, hi, cfg, target, shape) - predictedRange(start, fromUnit, lo, cfg, target, shape)) / (hi - lo);
}

export function dispersionPlan(input: LandingInput, nominal: LandingPrediction, seed: number, sigmas: DispersionSigmas = DEFAULT_DISPERSION_SIGMAS): DispersionPlan {
  if (!nominal.guidance) throw new RangeError('dispersion: needs a guided nominal prediction');
  if (!Number.isInteger(seed)) throw new RangeError(`seed: must be an integer, got ${seed}`);
  const g = nominal.guidance;
  const pre = vehicleStateAtBurn(input);
  const at = geodeticAt(g.coastEnd, input.eop);
  const profile = ProfileAtmosphere.sample(input.atmosphere, at.latRad, at.lonRad, g.coastEnd.epoch, input.spaceWeather.at(g.coastEnd.epoch), 700_000);
  const zone = input.target ?? input.vehicle.zone;
  const target = groundUnit(zone.latDeg, zone.lonDeg);
  const plan: DispersionPlan = {
    vehicleId: input.vehicle.id,
    seed,
    deltaVMps: input.deltaVMps ?? input.vehicle.deorbitDeltaVMps,
    burnDurationS: input.burnDurationS ?? input.vehicle.deorbitBurnS,
    preBurn: { taiMjdDay: pre.epoch.taiMjdDay, taiSecondsOfDay: pre.epoch.taiSecondsOfDay, r: Array.from(pre.rGcrfM), v: Array.from(pre.vGcrfMps) },
    nominalLanding: { taiMjdDay: nominal.landing.epoch.taiMjdDay, taiSecondsOfDay: nominal.landing.epoch.taiSecondsOfDay },
    targetUnit: Array.from(target),
    cosBank: g.cosBank,
    rangePerCosBank: 0,
    rangePerCosBankAtUpdate: 0,
    chuteDriftRad: 0,
    logDensity: Array.from(profile.logDensity),
    sigmas,
  };
  const cfg = memberConfig(plan);
  const shape = guidanceShape(g.coastEnd, cfg);
  plan.rangePerCosBank = rangeSlope(g.coastEnd, at.unit, g.cosBank, cfg, target, shape);
  plan.chuteDriftRad = centralAngleRad(at.unit, groundUnit(nominal.landing.latDeg, nominal.landing.lonDeg)) - predictedRange(g.coastEnd, at.unit, g.cosBank, cfg, target, shape);
  const mid = simulateEntry(g.coastEnd, { ...cfg, bank: guidedBank(target, g.cosBank, shape), stopAtAltitudeM: GUIDANCE_UPDATE_M });
  plan.rangePerCosBankAtUpdate = rangeSlope(mid.state, at.unit, g.cosBank, cfg, target, shape);
  return plan;
}

/**
 * Guidance update: cos σ that zeroes `miss(c)` (rad), from `c0` with the nominal slope, then
 * secant steps: at most `predictions` trials, stopping within 0.5 km; inside the bank limits.
 */
function updateCosBank(miss: (c: number) => number, c0: number, slope: number, cMin: number, predictions = 3): number {
  const clamp = (c: number) => Math.min(1, Math.max(cMin, c));
  let ca = c0;
  let fa = miss(ca);
  let cb = clamp(ca - fa / slope);
  for (let i = 1; i < predictions && Math.abs(fa) * 6371 > 0.5 && cb !== ca; i++) {
    const fb = miss(cb);
    const s = (fb - fa) / (cb - ca);
    [ca, fa] = [cb, fb];
    cb = clamp(ca - fa / (Number.isFinite(s) && s > 0 ? s : slope));
  }
  return cb;
}

/** Members [from, to) of the ensemble: pure, so any split over threads gives the same members. */
export function runDispersionMembers(plan: DispersionPlan, from: number, to: number): MemberLanding[] {
  const out: MemberLanding[] = [];
  const s = plan.sigmas;
  const cfg = memberConfig(plan);
  const target = Float64Array.from(plan.targetUnit);
  const cMin = Math.cos(cfg.vehicle.maxBankRad);
  const preBurn: OrbitState = { epoch: Epoch.fromTai(plan.preBurn.taiMjdDay, plan.preBurn.taiSecondsOfDay), rGcrfM: plan.preBurn.r, vGcrfMps: plan.preBurn.v, massKg: cfg.vehicle.orbitalMassKg };
  const nominalLanding = Epoch.fromTai(plan.nominalLanding.taiMjdDay, plan.nominalLanding.taiSecondsOfDay);
  for (let k = from; k < to; k++) {
    const rng = new Xoshiro128(plan.seed, k);
    const dv = plan.deltaVMps * (1 + s.deltaVFraction * rng.normal());
    const pitch = s.attitudeDeg * RAD_PER_DEG * rng.normal();
    const yaw = s.attitudeDeg * RAD_PER_DEG * rng.normal();
    const air = { densityScale: Math.exp(s.densityFraction * rng.normal()), liftToDragScale: Math.max(0, 1 + s.liftToDragFraction * rng.normal()) };
    const wind = { windEastMps: s.windMps * rng.normal(), windNorthMps: s.windMps * rng.normal() };
    const burn = new ConstantAccelerationBurn(dv, plan.burnDurationS, [-Math.cos(pitch) * Math.cos(yaw), Math.cos(pitch) * Math.sin(yaw), Math.sin(pitch)]);
    const coast = simulateCoast(integrateBurn(preBurn, burn, cfg.atmosphere, { vehicle: cfg.vehicle, spaceWeather: UNUSED_WEATHER }), cfg);
    const fromUnit = geodeticAt(coast.state).unit;
    const toGo = centralAngleRad(fromUnit, target) - plan.chuteDriftRad;
    // The bank law's shape (the catalogue vehicle's: members know the vehicle by id) is anchored at this member's module separation.
    const shape = guidanceShape(coast.state, cfg);
    // Update 1 at module separation: the state is known, the air and L/D are not.
    const c1 = updateCosBank((c) => predictedRange(coast.state, fromUnit, c, cfg, target, shape) - toGo, plan.cosBank, plan.rangePerCosBank, cMin, 2);
    const first = simulateEntry(coast.state, { ...cfg, ...air, ...wind, bank: guidedBank(target, c1, shape), stopAtAltitudeM: GUIDANCE_UPDATE_M });
    // Update 2 at ≈ 1 g: the accelerometers have sensed the air and the lift (the drawn factors).
    const c2 = updateCosBank((c) => predictedRange(first.state, fromUnit, c, { ...cfg, ...air }, target, shape) - toGo, c1, plan.rangePerCosBankAtUpdate, cMin, 3);
    const flown = simulateEntry(first.state, { ...cfg, ...air, ...wind, bank: guidedBank(target, c2, shape) });
    out.push({ latDeg: flown.landing.latDeg, lonDeg: flown.landing.lonDeg, dtS: flown.landing.epoch.secondsSince(nominalLanding), peakG: Math.max(first.peak.decelerationG, flown.peak.decelerationG) });
  }
  return out;
}

export interface DispersionEllipse {
  centreLatDeg: number;
  centreLonDeg: number;
  semiMajorKm: number;
  semiMinorKm: number;
  /** Direction of the major axis, degrees clockwise from north, [0, 180). */
  azimuthDeg: number;
  confidence: number;
}

/**
 * Ellipse holding `confidence` of a 2-D normal fitted to the points (sample mean and covariance
 * on the local east/north plane, spherical Earth of mean radius 6371 km): semi-axes k√λ with
 * k = √(−2 ln(1 − p)) (the χ² quantile with 2 degrees of freedom).
 */
export function dispersionEllipse(points: readonly { latDeg: number; lonDeg: number }[], confidence = 0.95): DispersionEllipse {
  if (points.length < 3) throw new RangeError(`dispersion: at least 3 members are needed for an ellipse, got ${points.length}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence: must be in (0, 1), got ${confidence}`);
  const n = points.length;
  const lat0 = points.reduce((a, p) => a + p.latDeg, 0) / n;
  const lonRef = points[0].lonDeg;
  const wrap = (d: number) => ((((d + 180) % 360) + 360) % 360) - 180;
  const lon0 = lonRef + points.reduce((a, p) => a + wrap(p.lonDeg - lonRef), 0) / n;
  const kmPerDeg = (6371 * Math.PI) / 180;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    const x = wrap(p.lonDeg - lon0) * kmPerDeg * Math.cos(lat0 * RAD_PER_DEG);
    const y = (p.latDeg - lat0) * kmPerDeg;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  sxx /= n - 1;
  syy /= n - 1;
  sxy /= n - 1;
  const mean = (sxx + syy) / 2;
  const diff = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy * sxy);
  const k = Math.sqrt(-2 * Math.log(1 - confidence));
  // Major-axis angle from east (counter-clockwise), turned into an azimuth from north.
  const thetaEast = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const azimuth = (((90 - thetaEast / RAD_PER_DEG) % 180) + 180) % 180;
  return { centreLatDeg: lat0, centreLonDeg: wrap(lon0), semiMajorKm: k * Math.sqrt(mean + diff), semiMinorKm: k * Math.sqrt(Math.max(0, mean - diff)), azimuthDeg: azimuth, confidence };
}
