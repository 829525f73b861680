/**
 * Descent from orbit to the ground, phase by phase, on the project's numerical propagator
 * (DOP853, GCRF, J2–J6 gravity): coast (whole vehicle, ballistic drag) → module separation →
 * entry (capsule lift and drag, bank law; entry interface 100 km and the peak deceleration
 * recorded) → each parachute stage (capsule plus canopy drag, no lift) → touchdown on the WGS-84
 * ellipsoid at the site height. Each phase is one propagation that stops on its event, so the
 * mass, area and lift changes never sit inside an integration step.
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import type { OdeEventDetector } from '../../propagation/events/types.js';
import { DragForce, type DragSpaceWeatherSource } from '../../models/forces/drag.js';
import { ZonalGravityForce } from '../../models/forces/gravity.js';
import type { ForceModel } from '../../models/forces/types.js';
import { itrfToGeodetic } from '../../foundation/frames/geodetic.js';
import { EGM96_ZONAL_MODEL } from '../../models/gravity/zonal.js';
import { EventEnvironment } from '../../propagation/numerical/eventEnvironment.js';
import { NumericalPropagator, type OrbitState, type PropagationResult } from '../../propagation/numerical/numericalPropagator.js';
import { PropagationContext } from '../../propagation/numerical/propagationContext.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { EntryAeroForce, NO_LIFT, type BankLaw } from './aero.js';
import { capsuleCdAreaM2, type EntryVehicleSpec } from './vehicles.js';
import { DEG_PER_RAD } from '../../foundation/math/angles.js';
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';
import { WGS84 } from '../../foundation/bodies/earth.js';

/** Entry interface altitude, m (CSA 99.7 km for MS-11; NASA "about 62 miles"). */
export const ENTRY_INTERFACE_M = 100_000;

export interface DescentConfig {
  vehicle: EntryVehicleSpec;
  /** Atmosphere of the coast (and of the entry unless `entryAtmosphere` is given). */
  atmosphere: AtmosphereModel;
  entryAtmosphere?: AtmosphereModel;
  spaceWeather: DragSpaceWeatherSource;
  /** Bank law of the lifting entry (NO_LIFT: ballistic descent). */
  bank: BankLaw;
  densityScale?: number;
  liftToDragScale?: number;
  windEastMps?: number;
  windNorthMps?: number;
  /** Ground height at the landing site, m (default the vehicle's zone). */
  siteHeightM?: number;
  eop?: EopSource;
  /** Track sample spacing, s (default 20). */
  trackStepS?: number;
  /** Integrator relative tolerance (default 1e-9). */
  rtol?: number;
  /** End at the first parachute (its event is then `landing`): for guidance predictions, whose downrange is set by then. */
  stopAtParachute?: boolean;
  /** End the entry phase when falling through this altitude, m (a guidance update; `landing` is then that point). */
  stopAtAltitudeM?: number;
}

export interface DescentEvent {
  name: string;
  epoch: Epoch;
  latDeg: number;
  lonDeg: number;
  altitudeKm: number;
  /** Air-relative speed, m/s. */
  speedMps: number;
}

export interface TrackPoint {
  epoch: Epoch;
  latDeg: number;
  lonDeg: number;
  altitudeKm: number;
  /** Sensed (aerodynamic) deceleration, g. */
  decelerationG: number;
}

export interface DescentResult {
  landing: DescentEvent;
  /** module separation, entry interface, each parachute, touchdown (in time order). */
  events: DescentEvent[];
  /** Largest aerodynamic deceleration of the entry (before the parachutes). */
  peak: { epoch: Epoch; decelerationG: number; altitudeKm: number };
  track: TrackPoint[];
  /** Evaluations of the force models (cost). */
  evaluations: number;
  /** State where the run ended (GCRF). */
  state: OrbitState;
}

interface Phase {
  name: string;
  forces: ForceModel[];
  aero: EntryAeroForce | DragForce;
  massKg: number;
  /** Stop condition g(t, y), falling through zero, and the event's name. */
  stop: { name: string; g: (env: EventEnvironment) => (t: number, y: Float64Array) => number };
  /** Extra recorded altitude crossings. */
  marks?: { name: string; altitudeM: number }[];
  /** The stop is not an event worth reporting. */
  silentStop?: boolean;
  sampleS: number;
}

/** Simulate from `initial` (GCRF, after the deorbit burn) to touchdown: {@link simulateCoast} then {@link simulateEntry}. */
export function simulateDescent(initial: OrbitState, c: DescentConfig): DescentResult {
  const coast = simulateCoast(initial, c);
  const entry = simulateEntry(coast.state, c);
  return {
    ...entry,
    events: [...coast.events, ...entry.events],
    track: [...coast.track, ...entry.track],
    peak: coast.peak.decelerationG > entry.peak.decelerationG ? coast.peak : entry.peak,
    evaluations: coast.evaluations + entry.evaluations,
  };
}

export interface PhaseRun {
  /** State at the end (GCRF). */
  state: OrbitState;
  events: DescentEvent[];
  track: TrackPoint[];
  peak: { epoch: Epoch; decelerationG: number; altitudeKm: number };
  evaluations: number;
}

/** Coast of the whole vehicle to module separation (or to 120 km when it separated before the burn). */
export function simulateCoast(initial: OrbitState, c: DescentConfig): PhaseRun {
  return runPhases(initial, [coastPhase(c)], c);
}

/** From the coast's end (module separation) through the entry and the parachutes to touchdown. */
export function simulateEntry(start: OrbitState, c: DescentConfig): DescentResult {
  let phases = entryPhases(c);
  if (c.stopAtParachute) phases = phases.slice(0, 1);
  if (c.stopAtAltitudeM !== undefined) phases = [{ ...phases[0], stop: altitudeStop('guidance update', c.stopAtAltitudeM) }];
  const run = runPhases(start, phases, c);
  const landing = run.events[run.events.length - 1];
  run.track.push({ epoch: landing.epoch, latDeg: landing.latDeg, lonDeg: landing.lonDeg, altitudeKm: landing.altitudeKm, decelerationG: 1 });
  return { landing, events: run.events, peak: run.peak, track: run.track, evaluations: run.evaluations, state: run.state };
}

function runPhases(initial: OrbitState, phases: Phase[], c: DescentConfig): PhaseRun {
  const events: DescentEvent[] = [];
  const track: TrackPoint[] = [];
  let peak = { epoch: initial.epoch, decelerationG: 0, altitudeKm: NaN };
  let state: OrbitState = initial;
  let evaluations = 0;
  for (const phase of phases) {
    const env = new EventEnvironment(state.epoch, c.eop);
    const detectors: OdeEventDetector[] = [{ name: phase.stop.name, g: phase.stop.g(env), direction: 'decreasing', action: 'stop', maxCheckS: 10, timeToleranceS: 1e-3 }];
    for (const m of phase.marks ?? []) {
      if (env.geodeticAltitudeM(0, toY(state)) > m.altitudeM) {
        detectors.push({ name: m.name, g: (t, y) => env.geodeticAltitudeM(t, y) - m.altitudeM, direction: 'decreasing', action: 'continue', maxCheckS: 10, timeToleranceS: 1e-3 });
      }
    }
    const prop = new NumericalPropagator({ forces: phase.forces, rtol: c.rtol ?? 1e-9, events: detectors, eop: c.eop, needsSun: false, needsMoon: false });
    const run = prop.propagate({ ...state, massKg: phase.massKg }, state.epoch.plusSeconds(4 * 3600), { stepS: phase.sampleS });
    evaluations += run.stats.evaluations;
    if (!run.stopped) throw new Error(`descent: the ${phase.name} phase did not reach its end (${phase.stop.name}) within 4 hours`);
    const sampled = sampleTrack(run, phase, c, track, (c.trackStepS ?? 20) / phase.sampleS);
    // The peak is the entry's: the canopies' opening loads depend on their (estimated) fill times.
    if (phase.name === 'entry' && sampled.decelerationG > peak.decelerationG) peak = sampled;
    for (const e of run.events) if (phase.silentStop !== true || e.name !== phase.stop.name) events.push(describeEvent(e.name, e.epoch, e.rGcrfM, e.vGcrfMps, phase, c));
    state = { epoch: run.final.epoch, rGcrfM: run.final.rGcrfM, vGcrfMps: run.final.vGcrfMps, massKg: phase.massKg };
  }
  return { state, events, track, peak, evaluations };
}

function toY(s: OrbitState): Float64Array {
  return Float64Array.of(s.rGcrfM[0], s.rGcrfM[1], s.rGcrfM[2], s.vGcrfMps[0], s.vGcrfMps[1], s.vGcrfMps[2]);
}

function altitudeStop(name: string, altitudeM: number): Phase['stop'] {
  return { name, g: (env) => (t, y) => env.geodeticAltitudeM(t, y) - altitudeM };
}

/** Air-relative speed falling through `speedMps` (Earth rotation about GCRF z: the ≈ 0.3° pole offset changes it by < 0.5 %). */
function speedStop(name: string, speedMps: number, omega: number): Phase['stop'] {
  return {
    name,
    g: () => (_t, y) => Math.hypot(y[3] + omega * y[1], y[4] - omega * y[0], y[5]) - speedMps,
  };
}

/** Where the coast ends when the modules separated before the burn, m. */
const COAST_END_M = 120_000;

function coastPhase(c: DescentConfig): Phase {
  const v = c.vehicle;
  const drag = new DragForce({ atmosphere: c.atmosphere, spaceWeather: c.spaceWeather, ballisticCoefficientKgPerM2: v.orbitalBallisticKgPerM2 });
  const sep = v.moduleSeparationAltitudeM;
  return {
    name: 'coast',
    forces: [new ZonalGravityForce(EGM96_ZONAL_MODEL), drag],
    aero: drag,
    massKg: v.orbitalMassKg,
    stop: altitudeStop(sep !== undefined ? 'module separation' : 'coast end', sep ?? COAST_END_M),
    silentStop: sep === undefined,
    sampleS: 20,
  };
}

function entryPhases(c: DescentConfig): Phase[] {
  const v = c.vehicle;
  const gravity = new ZonalGravityForce(EGM96_ZONAL_MODEL);
  const site = c.siteHeightM ?? v.zone.siteHeightM;
  const entryAtm = c.entryAtmosphere ?? c.atmosphere;
  const aero = (cdAreaM2: number, bank: BankLaw, liftToDrag: number): EntryAeroForce =>
    new EntryAeroForce({ atmosphere: entryAtm, spaceWeather: c.spaceWeather, cdAreaM2, liftToDrag, bank, densityScale: c.densityScale, windEastMps: c.windEastMps, windNorthMps: c.windNorthMps });
  const phases: Phase[] = [];
  const chutes = v.parachutes;
  const lift = c.bank === NO_LIFT ? 0 : v.liftToDrag * (c.liftToDragScale ?? 1);
  const entryAero = aero(capsuleCdAreaM2(v), c.bank, lift);
  phases.push({
    name: 'entry',
    forces: [gravity, entryAero],
    aero: entryAero,
    massKg: v.capsuleMassKg,
    stop: chuteStop(chutes[0]?.name ?? 'touchdown', chutes[0], site),
    marks: [{ name: 'entry interface', altitudeM: ENTRY_INTERFACE_M }],
    sampleS: 1,
  });
  const omega = WGS84.omegaRadPerS;
  let cdArea = capsuleCdAreaM2(v);
  for (let i = 0; i < chutes.length; i++) {
    const before = cdArea;
    cdArea += chutes[i].cdAreaM2;
    const next = chutes[i + 1];
    const stop = next ? (next.deployAltitudeM !== undefined ? altitudeStop(next.name, next.deployAltitudeM) : speedStop(next.name, next.deploySpeedMps ?? 0, omega)) : altitudeStop('touchdown', site);
    const a = new EntryAeroForce({ atmosphere: entryAtm, spaceWeather: c.spaceWeather, cdAreaM2: cdArea, liftToDrag: 0, bank: NO_LIFT, densityScale: c.densityScale, windEastMps: c.windEastMps, windNorthMps: c.windNorthMps, fill: { fromCdAreaM2: before, durationS: chutes[i].fillTimeS } });
    phases.push({ name: chutes[i].name, forces: [gravity, a], aero: a, massKg: v.capsuleMassKg, stop, sampleS: 5 });
  }
  return phases;
}

function chuteStop(name: string, chute: EntryVehicleSpec['parachutes'][number] | undefined, siteM: number): Phase['stop'] {
  if (!chute) return altitudeStop('touchdown', siteM);
  if (chute.deployAltitudeM === undefined) throw new RangeError(`parachutes: the first stage (${chute.name}) must deploy by altitude`);
  return altitudeStop(name, chute.deployAltitudeM);
}

/** Samples of a phase → track points (every `every`-th) and the phase's peak deceleration. */
function sampleTrack(run: PropagationResult, phase: Phase, c: DescentConfig, track: TrackPoint[], every: number): { epoch: Epoch; decelerationG: number; altitudeKm: number } {
  const eph = run.ephemeris!;
  const start = eph.startEpoch;
  const ctx = new PropagationContext(start, { eop: c.eop, sun: false, moon: false });
  const y = new Float64Array(6);
  const acc = new Float64Array(3);
  const stride = Math.max(1, Math.round(every));
  const n = eph.tSeconds.length;
  let best = { epoch: start, decelerationG: 0, altitudeKm: NaN };
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      y[k] = eph.positionsM[3 * i + k];
      y[3 + k] = eph.velocitiesMps[3 * i + k];
    }
    ctx.update(eph.tSeconds[i], y, phase.massKg);
    acc.fill(0);
    phase.aero.addAcceleration(ctx, acc);
    const g = Math.hypot(acc[0], acc[1], acc[2]) / STANDARD_GRAVITY_MPS2;
    const geo = itrfToGeodetic(ctx.rItrfM);
    if (g > best.decelerationG) best = { epoch: start.plusSeconds(eph.tSeconds[i]), decelerationG: g, altitudeKm: geo.altM / 1e3 };
    if (i % stride === 0) track.push({ epoch: start.plusSeconds(eph.tSeconds[i]), latDeg: geo.latRad * DEG_PER_RAD, lonDeg: geo.lonRad * DEG_PER_RAD, altitudeKm: geo.altM / 1e3, decelerationG: g });
  }
  return best;
}

function describeEvent(name: string, epoch: Epoch, r: Float64Array, v: Float64Array, phase: Phase, c: DescentConfig): DescentEvent {
  const ctx = new PropagationContext(epoch, { eop: c.eop, sun: false, moon: false });
  ctx.update(0, Float64Array.of(r[0], r[1], r[2], v[0], v[1], v[2]), phase.massKg);
  const geo = itrfToGeodetic(ctx.rItrfM);
  const w = ctx.earthRotationRadPerS;
  const m = ctx.gcrfToItrf;
  const speed = Math.hypot(v[0] - w * (m[7] * r[2] - m[8] * r[1]), v[1] - w * (m[8] * r[0] - m[6] * r[2]), v[2] - w * (m[6] * r[1] - m[7] * r[0]));
  return { name, epoch, latDeg: geo.latRad * DEG_PER_RAD, lonDeg: geo.lonRad * DEG_PER_RAD, altitudeKm: geo.altM / 1e3, speedMps: speed };
}
