/**
 * Landing prediction: the station's elements (SGP4 → GCRF at the burn) → the deorbit burn (finite,
 * constant acceleration, retrograde unless told otherwise) → coast → module separation → entry
 * (guided, ballistic or fixed bank) → parachutes → touchdown. With an undocking time the crew
 * vehicle starts from the station's state at undocking and flies its separation (departure.ts) to
 * the burn; without one it starts from the station's state at the burn (Soyuz is 12–32 km from the
 * station then, facts §1).
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { DragForce, type DragSpaceWeatherSource } from '../../models/forces/drag.js';
import { ZonalGravityForce } from '../../models/forces/gravity.js';
import { itrfToGeodetic } from '../../foundation/frames/geodetic.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { EGM96_GM_M3_PER_S2, EGM96_ZONAL_MODEL } from '../../models/gravity/zonal.js';
import { stateFromMeanElements } from '../../propagation/numerical/initialState.js';
import { NumericalPropagator, type OrbitState } from '../../propagation/numerical/numericalPropagator.js';
import { PropagationContext } from '../../propagation/numerical/propagationContext.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { fixedBank, NO_LIFT, type BankLaw } from './aero.js';
import { ConstantAccelerationBurn } from './burn.js';
import { flyDeparture } from './departure.js';
import { ENTRY_INTERFACE_M, simulateCoast, simulateEntry, type DescentConfig, type DescentEvent, type DescentResult, type TrackPoint } from './descent.js';
import { ProfileAtmosphere } from './profileAtmosphere.js';
import { targetEntry } from './targeting.js';
import type { EntryVehicleSpec } from './vehicles.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';

/** WGS-84 equatorial radius, m: the perigee check's reference (conservative: polar heights are lower). */
const EQUATORIAL_RADIUS_M = 6378137;

export type DescentMode = 'guided' | 'ballistic' | 'fixed';

export interface LandingInput {
  elements: MeanElements;
  burnEpoch: Epoch;
  /** Undocking time: fly the vehicle's departure from the station (springs, separation burns) to the burn. */
  undockingEpoch?: Epoch;
  vehicle: EntryVehicleSpec;
  /** Default: the vehicle's nominal Δv and duration. */
  deltaVMps?: number;
  burnDurationS?: number;
  /** Burn direction in VNB (default retrograde [−1, 0, 0]). */
  burnDirectionVnb?: ArrayLike<number>;
  descent?: DescentMode;
  /** Bank angle of the fixed-bank mode, deg… */
  fixedBankDeg?: number;
  /** …or its whole bank law. */
  fixedBankLaw?: BankLaw;
  /** Aim point of the guided descent and its ground height (default the vehicle's zone). */
  target?: { latDeg: number; lonDeg: number; siteHeightM?: number };
  atmosphere: AtmosphereModel;
  spaceWeather: DragSpaceWeatherSource;
  eop?: EopSource;
  /** Largest |burn − element epoch| accepted, days (default 7: SGP4's along-track error grows ~1–3 km/day for the ISS). */
  maxElementsAgeDays?: number;
  /** Monte Carlo factors (default 1): density, L/D. */
  densityScale?: number;
  liftToDragScale?: number;
  windEastMps?: number;
  windNorthMps?: number;
  trackStepS?: number;
  /**
   * Below module separation use the atmosphere's vertical profile at the separation point
   * (default true; profileAtmosphere.ts: ~40× cheaper); false evaluates the full model everywhere.
   */
  entryProfile?: boolean;
}

export interface LandingPrediction {
  /** Set when the departure from the station was flown from this undocking time. */
  undockingEpoch?: Epoch;
  burnEpoch: Epoch;
  burnEndEpoch: Epoch;
  mode: DescentMode;
  /** Commanded bank magnitude of the guided mode, deg. */
  bankDeg?: number;
  /** Distance from the landing to the aim point, km (guided mode). */
  targetMissKm?: number;
  /** What the Monte Carlo re-uses of a guided run: the commanded cos|σ|, the state at module separation and the entry atmosphere. */
  guidance?: { cosBank: number; coastEnd: OrbitState; entryAtmosphere: AtmosphereModel };
  /** Perigee height of the post-burn osculating orbit, km. */
  perigeeAfterBurnKm: number;
  landing: DescentEvent;
  events: DescentEvent[];
  peak: DescentResult['peak'];
  track: DescentResult['track'];
  evaluations: number;
}

/** Reject a burn the elements cannot speak for; one line naming the value. */
export function checkBurnEpoch(elements: MeanElements, burnEpoch: Epoch, maxAgeDays = 7, label = 'burn time'): void {
  const days = burnEpoch.secondsSince(elements.epoch) / 86400;
  if (days < -maxAgeDays) throw new RangeError(`${label} ${burnEpoch.toIsoUtc(0)} is ${(-days).toFixed(1)} days before the elements' epoch ${elements.epoch.toIsoUtc(0)} (at most ${maxAgeDays} days)`);
  if (days > maxAgeDays) throw new RangeError(`${label} ${burnEpoch.toIsoUtc(0)} is ${days.toFixed(1)} days after the elements' epoch ${elements.epoch.toIsoUtc(0)}: the elements are too old for it (at most ${maxAgeDays} days)`);
}

/** The burn, integrated with gravity and orbital drag; throws if the perigee stays above the entry interface. */
export function burnToEntryOrbit(input: LandingInput): { state: OrbitState & { track: TrackPoint[] }; perigeeKm: number } {
  const v = input.vehicle;
  checkBurnEpoch(input.elements, input.burnEpoch, input.maxElementsAgeDays);
  const dv = input.deltaVMps ?? v.deorbitDeltaVMps;
  const burnS = input.burnDurationS ?? v.deorbitBurnS;
  const burn = new ConstantAccelerationBurn(dv, burnS, input.burnDirectionVnb);
  const start = vehicleStateAtBurn(input);
  const state = integrateBurn(start, burn, input.atmosphere, input, input.trackStepS ?? 20);
  const perigeeKm = (osculatingPerigeeRadiusM(state.rGcrfM, state.vGcrfMps) - EQUATORIAL_RADIUS_M) / 1e3;
  if (perigeeKm * 1e3 > ENTRY_INTERFACE_M) {
    throw new RangeError(`delta-v ${dv} m/s over ${burnS} s leaves the perigee at ${perigeeKm.toFixed(0)} km, above the ${ENTRY_INTERFACE_M / 1e3} km entry interface`);
  }
  return { state, perigeeKm };
}

/** The crew vehicle at the burn start: flown from undocking when given, else the station's own state. */
export function vehicleStateAtBurn(input: LandingInput): OrbitState {
  if (!input.undockingEpoch) return stateFromMeanElements(input.elements, input.vehicle.orbitalMassKg, input.eop, input.burnEpoch);
  checkBurnEpoch(input.elements, input.undockingEpoch, input.maxElementsAgeDays, 'undocking time');
  return flyDeparture({ ...input, undockingEpoch: input.undockingEpoch, untilEpoch: input.burnEpoch });
}

/** Integrate `burn` from `start` (its epoch = burn start) with J2–J6 gravity and the whole vehicle's drag. */
export function integrateBurn(start: OrbitState, burn: ConstantAccelerationBurn, atmosphere: AtmosphereModel, o: Pick<LandingInput, 'vehicle' | 'spaceWeather' | 'eop'>, trackStepS?: number): OrbitState & { track: TrackPoint[] } {
  const drag = new DragForce({ atmosphere, spaceWeather: o.spaceWeather, ballisticCoefficientKgPerM2: o.vehicle.orbitalBallisticKgPerM2 });
  const prop = new NumericalPropagator({ forces: [new ZonalGravityForce(EGM96_ZONAL_MODEL), drag, burn], rtol: 1e-9, eop: o.eop, needsSun: false, needsMoon: false });
  const run = prop.propagate(start, start.epoch.plusSeconds(burn.durationS), trackStepS ? { stepS: trackStepS } : {});
  const track: TrackPoint[] = [];
  const e = run.ephemeris;
  // The burn's samples (not its end: the coast's first sample is that point).
  for (let i = 0; e && i < e.tSeconds.length && e.tSeconds[i] < burn.durationS; i++) {
    const s = { epoch: start.epoch.plusSeconds(e.tSeconds[i]), rGcrfM: e.positionsM.subarray(3 * i, 3 * i + 3), vGcrfMps: e.velocitiesMps.subarray(3 * i, 3 * i + 3), massKg: start.massKg };
    const g = geodeticAt(s, o.eop);
    track.push({ epoch: s.epoch, latDeg: g.latRad / RAD_PER_DEG, lonDeg: g.lonRad / RAD_PER_DEG, altitudeKm: g.altM / 1e3, decelerationG: burn.accelerationMps2 / STANDARD_GRAVITY_MPS2 });
  }
  return { epoch: run.final.epoch, rGcrfM: run.final.rGcrfM, vGcrfMps: run.final.vGcrfMps, massKg: o.vehicle.orbitalMassKg, track };
}

/** Kepler perigee radius of a GCRF state, m. */
export function osculatingPerigeeRadiusM(r: ArrayLike<number>, v: ArrayLike<number>): number {
  const mu = EGM96_GM_M3_PER_S2;
  const rn = Math.hypot(r[0], r[1], r[2]);
  const v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
  const a = 1 / (2 / rn - v2 / mu);
  const hx = r[1] * v[2] - r[2] * v[1];
  const hy = r[2] * v[0] - r[0] * v[2];
  const hz = r[0] * v[1] - r[1] * v[0];
  const p = (hx * hx + hy * hy + hz * hz) / mu;
  const e = Math.sqrt(Math.max(0, 1 - p / a));
  return a * (1 - e);
}

/** Predict the landing of one descent. */
export function predictLanding(input: LandingInput): LandingPrediction {
  const burned = burnToEntryOrbit(input);
  const p = predictFromBurnEnd(input, burned.state, burned.perigeeKm);
  return { ...p, undockingEpoch: input.undockingEpoch, track: [...burned.state.track, ...p.track] };
}

/** The descent from the end of the burn (shared by the Monte Carlo, which perturbs the burn itself). */
export function predictFromBurnEnd(input: LandingInput, afterBurn: OrbitState, perigeeKm: number): LandingPrediction {
  const mode = input.descent ?? 'guided';
  const base: DescentConfig = {
    vehicle: input.vehicle,
    atmosphere: input.atmosphere,
    spaceWeather: input.spaceWeather,
    bank: NO_LIFT,
    densityScale: input.densityScale,
    liftToDragScale: input.liftToDragScale,
    windEastMps: input.windEastMps,
    windNorthMps: input.windNorthMps,
    eop: input.eop,
    trackStepS: input.trackStepS,
    siteHeightM: input.target?.siteHeightM,
  };
  const coast = simulateCoast(afterBurn, base);
  const startGeo = geodeticAt(coast.state, input.eop);
  const cfg: DescentConfig = {
    ...base,
    entryAtmosphere:
      input.entryProfile === false ? input.atmosphere : ProfileAtmosphere.sample(input.atmosphere, startGeo.latRad, startGeo.lonRad, coast.state.epoch, input.spaceWeather.at(coast.state.epoch)),
  };
  let entry: DescentResult;
  let bankDeg: number | undefined;
  let targetMissKm: number | undefined;
  let cosBank: number | undefined;
  if (mode === 'guided') {
    const target = input.target ?? input.vehicle.zone;
    const t = targetEntry(coast.state, startGeo.unit, cfg, target);
    entry = t.result;
    bankDeg = t.bankDeg;
    cosBank = t.cosBank;
    targetMissKm = t.missKm;
  } else if (mode === 'ballistic') {
    entry = simulateEntry(coast.state, { ...cfg, bank: NO_LIFT });
  } else {
    if (input.fixedBankDeg === undefined && !input.fixedBankLaw) throw new RangeError('fixed-bank descent: the bank angle is required');
    entry = simulateEntry(coast.state, { ...cfg, bank: input.fixedBankLaw ?? fixedBank(input.fixedBankDeg! * RAD_PER_DEG) });
  }
  return {
    burnEpoch: input.burnEpoch,
    burnEndEpoch: afterBurn.epoch,
    mode,
    bankDeg,
    targetMissKm,
    guidance: cosBank === undefined ? undefined : { cosBank, coastEnd: coast.state, entryAtmosphere: cfg.entryAtmosphere! },
    perigeeAfterBurnKm: perigeeKm,
    landing: entry.landing,
    events: [...coast.events, ...entry.events],
    peak: entry.peak.decelerationG >= coast.peak.decelerationG ? entry.peak : coast.peak,
    track: [...coast.track, ...entry.track],
    evaluations: coast.evaluations + entry.evaluations,
  };
}

export function geodeticAt(s: OrbitState, eop?: EopSource): { latRad: number; lonRad: number; altM: number; unit: Float64Array } {
  const ctx = new PropagationContext(s.epoch, { eop, sun: false, moon: false });
  ctx.update(0, Float64Array.of(s.rGcrfM[0], s.rGcrfM[1], s.rGcrfM[2], s.vGcrfMps[0], s.vGcrfMps[1], s.vGcrfMps[2]), s.massKg);
  const g = itrfToGeodetic(ctx.rItrfM);
  const r = ctx.rItrfM;
  const n = Math.hypot(r[0], r[1], r[2]);
  return { latRad: g.latRad, lonRad: g.lonRad, altM: g.altM, unit: Float64Array.of(r[0] / n, r[1] / n, r[2] / n) };
}
