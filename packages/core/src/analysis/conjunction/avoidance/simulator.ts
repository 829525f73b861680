/**
 * One trial of an avoidance burn, simulated: the primary's nominal state at the burn epoch gets an
 * impulsive Δv, the numerical propagator carries it to the window around the nominal TCA, and the
 * new TCA is the − → + zero of the relative range rate found by an event detector on the
 * integrator's dense output; miss (RTN, encounter plane) and Foster Pc follow. The planner
 * (planner.ts) searches over these trials; the CLI and tests can evaluate any Δv.
 */
import { closestApproachDetector } from '../../../propagation/events/detectors.js';
import type { EventDetector } from '../../../propagation/events/types.js';
import { applyImpulsiveDeltaV, type ThrustFrame } from '../../../models/forces/thrust.js';
import { DragForce } from '../../../models/forces/drag.js';
import { SolarRadiationPressureForce } from '../../../models/forces/srp.js';
import { EGM96_GM_M3_PER_S2 } from '../../../models/gravity/zonal.js';
import { EphemerisPropagator } from '../../../propagation/ephemerisPropagator.js';
import { NumericalPropagator, type OrbitState } from '../../../propagation/numerical/numericalPropagator.js';
import type { Propagator } from '../../../propagation/propagator.js';
import type { Epoch } from '../../../foundation/time/epoch.js';
import { encounterPlane, type EncounterPlane } from '../encounter.js';
import { collisionProbability } from '../pc/collisionProbability.js';
import { rtnToInertialCovariance } from '../pc/rtnCovariance.js';
import { rtnComponents } from '../rtn.js';

/** Secondary sampling step, s (propagation/ephemerisPropagator.ts: ~2e-5 m interpolation error in LEO). */
const SECONDARY_STEP_S = 5;
/**
 * Half-width of the central difference that gives the velocities of a secondary from another
 * propagator, s (as conjunction/tca.ts): SGP4's velocity output is not the derivative of its
 * positions (conjunction/bounds.ts), so the interpolant and the range-rate root use the positions.
 */
const SOURCE_VELOCITY_HALF_S = 0.01;

export type AvoidanceDirection = 'along-track' | 'radial';

/**
 * The secondary: a state (e.g. a CDM's) propagated by `propagator` (default: the primary's with
 * the area-to-mass forces, drag and SRP, removed: they are the primary's, not the secondary's),
 * or any propagator (e.g. SGP4), read in GCRF with velocities differenced from its positions.
 */
export type AvoidanceSecondary = { state: OrbitState; propagator?: NumericalPropagator } | { source: Propagator };

/**
 * A position covariance at TCA (m², row-major n×n, n ≥ 3; only the 3×3 position block is used):
 * in the inertial frame of the states, or in the object's own RTN frame at its nominal TCA state.
 */
export interface CovarianceAtTca {
  frame: 'inertial' | 'rtn';
  matrix: ArrayLike<number>;
}

export interface AvoidanceSimulatorInput {
  /** Propagator of the primary (and of a state-given secondary). */
  propagator: NumericalPropagator;
  /** Primary state at any epoch (e.g. a CDM's TCA state or an SGP4 state); propagated to the burn epoch. */
  primary: OrbitState;
  secondary: AvoidanceSecondary;
  primaryCovariance: CovarianceAtTca;
  secondaryCovariance: CovarianceAtTca;
  /** Combined hard-body radius, m. */
  hardBodyRadiusM: number;
  /** TCA (or an estimate within the search window of it; refined here). */
  tca: Epoch;
  /** Burn epoch = TCA − lead, s (> 0). */
  burnLeadTimeS: number;
  /** 'along-track' (VNB velocity direction; + = prograde) or 'radial' (RTN R; + = up). Default along-track. */
  direction?: AvoidanceDirection;
  /** Half-width of the window around the old TCA searched for the new one, s (default a quarter orbit). */
  tcaWindowS?: number;
}

/** The encounter after a burn of `deltaVMps` (0: the nominal). */
export interface EncounterOutcome {
  /** Signed Δv, m/s (+ prograde / up). */
  deltaVMps: number;
  tca: Epoch;
  /** TCA minus the nominal TCA, s. */
  tcaShiftS: number;
  /** |r₂ − r₁| at TCA, m. */
  missDistanceM: number;
  /** r₂ − r₁ in the primary's RTN frame at TCA, m. */
  missRtnM: [number, number, number];
  /** Miss in the encounter plane, m (= missDistanceM at an exact TCA). */
  planeMissM: number;
  /** r₂ − r₁ on the nominal encounter plane's (miss, cross) axes, m. */
  planeMissNominalAxesM: [number, number];
  relativeSpeedMps: number;
  pc: number;
  primaryRGcrfM: Float64Array;
  primaryVGcrfMps: Float64Array;
  secondaryRGcrfM: Float64Array;
  secondaryVGcrfMps: Float64Array;
}

export class AvoidanceSimulator {
  readonly direction: AvoidanceDirection;
  readonly burnEpoch: Epoch;
  /** Primary at the burn epoch, before the burn. */
  readonly burnState: OrbitState;
  /** Osculating semi-major axis at the burn epoch, m (EGM96 GM). */
  readonly semiMajorAxisAtBurnM: number;
  readonly periodS: number;
  /** Half-width of the TCA search window, s. */
  readonly windowS: number;
  readonly nominal: EncounterOutcome;
  readonly nominalPlane: EncounterPlane;
  /** Numerical propagations run so far (trial, burn-epoch and secondary runs). */
  propagations = 0;

  private readonly prop: NumericalPropagator;
  private readonly windowProp: NumericalPropagator;
  private readonly detector: EventDetector;
  private readonly secondary: EphemerisPropagator;
  private readonly frame: ThrustFrame;
  private readonly rB: Float64Array;
  private readonly vB: Float64Array;
  private readonly tca0: Epoch;
  private readonly hbr: number;
  private centre: Epoch;
  private cov1?: ArrayLike<number>;
  private cov2?: ArrayLike<number>;
  private plane?: EncounterPlane;

  constructor(private readonly input: AvoidanceSimulatorInput) {
    const direction = input.direction ?? 'along-track';
    if (direction !== 'along-track' && direction !== 'radial') throw new RangeError(`direction: must be 'along-track' or 'radial', got ${JSON.stringify(direction)}`);
    this.direction = direction;
    this.frame = direction === 'along-track' ? 'VNB' : 'RTN';
    const hbr = input.hardBodyRadiusM;
    if (!(hbr >= 0 && Number.isFinite(hbr))) throw new RangeError(`hardBodyRadiusM: must be a finite number ≥ 0, got ${hbr}`);
    this.hbr = hbr;
    const lead = input.burnLeadTimeS;
    if (!(lead > 0 && Number.isFinite(lead))) throw new RangeError(`burnLeadTimeS: must be a finite number > 0, got ${lead}`);
    for (const field of ['primaryCovariance', 'secondaryCovariance'] as const) {
      const c = input[field];
      const n = Math.round(Math.sqrt(c?.matrix?.length ?? 0));
      if (n < 3 || n * n !== c.matrix.length) throw new RangeError(`${field}.matrix: must be n×n with n ≥ 3, got ${c?.matrix?.length} values`);
      if (c.frame !== 'inertial' && c.frame !== 'rtn') throw new RangeError(`${field}.frame: must be 'inertial' or 'rtn', got ${JSON.stringify(c.frame)}`);
    }
    this.prop = input.propagator;
    this.tca0 = input.tca;
    this.centre = input.tca;
    this.burnEpoch = input.tca.plusSeconds(-lead);

    let burnState: OrbitState = input.primary;
    if (Math.abs(this.burnEpoch.secondsSince(input.primary.epoch)) > 0) {
      const f = this.prop.propagate(input.primary, this.burnEpoch).final;
      this.propagations++;
      burnState = { epoch: f.epoch, rGcrfM: f.rGcrfM, vGcrfMps: f.vGcrfMps, massKg: f.massKg };
    }
    this.burnState = burnState;
    this.rB = Float64Array.from(burnState.rGcrfM);
    this.vB = Float64Array.from(burnState.vGcrfMps);
    this.semiMajorAxisAtBurnM = visVivaSemiMajorAxis(this.rB, this.vB);
    if (!(this.semiMajorAxisAtBurnM > 0)) throw new RangeError('primary: the orbit at the burn epoch is not bound');
    this.periodS = 2 * Math.PI * Math.sqrt(this.semiMajorAxisAtBurnM ** 3 / EGM96_GM_M3_PER_S2);
    const window = input.tcaWindowS ?? this.periodS / 4;
    if (!(window > 0)) throw new RangeError(`tcaWindowS: must be > 0, got ${window}`);
    if (window >= lead) throw new RangeError(`burn lead time ${lead} s must exceed the TCA search half-window ${window.toFixed(0)} s`);
    this.windowS = window;

    // Secondary around TCA: ±2 windows (trials are centred on the refined nominal TCA).
    const span = 2 * window + 2 * SECONDARY_STEP_S;
    this.secondary = this.sampleSecondary(input.secondary, this.tca0.plusSeconds(-span), this.tca0.plusSeconds(span));

    // Closest approach = − → + zero of the relative range rate (r₁ − r₂)·(v₁ − v₂), on the dense output.
    this.detector = closestApproachDetector({ other: this.secondary, maxCheckS: 20, timeToleranceS: 1e-6 });
    this.windowProp = new NumericalPropagator({ ...this.prop.options, detectors: [...(this.prop.options.detectors ?? []), this.detector] });

    const nominal = this.trial(0, this.tca0);
    this.centre = nominal.tca;
    this.nominalPlane = encounterPlane(
      { positionM: nominal.primaryRGcrfM, velocityMps: nominal.primaryVGcrfMps, covariance: this.cov1! },
      { positionM: nominal.secondaryRGcrfM, velocityMps: nominal.secondaryVGcrfMps, covariance: this.cov2! },
    );
    this.plane = this.nominalPlane;
    const d = sub(nominal.secondaryRGcrfM, nominal.primaryRGcrfM);
    nominal.planeMissNominalAxesM = [dot(d, this.nominalPlane.missAxis), dot(d, this.nominalPlane.crossAxis)];
    this.nominal = nominal;
  }

  /** The secondary on [start, end] every SECONDARY_STEP_S, in GCRF (one numerical run, or samples of its propagator). */
  private sampleSecondary(secondary: AvoidanceSecondary, start: Epoch, end: Epoch): EphemerisPropagator {
    if (!('state' in secondary)) {
      return EphemerisPropagator.sample(secondary.source, start, end, SECONDARY_STEP_S, {
        frame: 'GCRF',
        eop: this.prop.options.eop,
        differencedVelocityHalfS: SOURCE_VELOCITY_HALF_S,
      });
    }
    const prop = secondary.propagator ?? withoutAreaForces(this.prop);
    let state = secondary.state;
    if (Math.abs(start.secondsSince(state.epoch)) > 0) {
      const f = prop.propagate(state, start).final;
      state = { epoch: f.epoch, rGcrfM: f.rGcrfM, vGcrfMps: f.vGcrfMps, massKg: f.massKg };
    }
    const nodes = Math.ceil(end.secondsSince(start) / SECONDARY_STEP_S - 1e-9);
    this.propagations++;
    return prop.ephemerisPropagator(state, start.plusSeconds(nodes * SECONDARY_STEP_S), SECONDARY_STEP_S);
  }

  /** The encounter after a signed Δv (m/s) at the burn epoch. */
  outcome(deltaVMps: number): EncounterOutcome {
    if (!Number.isFinite(deltaVMps)) throw new RangeError(`deltaVMps: must be finite, got ${deltaVMps}`);
    if (deltaVMps === 0) return this.nominal;
    return this.trial(deltaVMps, this.nominal.tca);
  }

  /** Velocity at the burn epoch after a signed Δv (m/s). */
  velocityAfterBurn(deltaVMps: number): Float64Array {
    return applyImpulsiveDeltaV(this.rB, this.vB, [deltaVMps, 0, 0], this.frame, new Float64Array(3));
  }

  /** Change of the osculating semi-major axis by the burn, m (vis-viva at the burn point). */
  semiMajorAxisChangeM(deltaVMps: number): number {
    return visVivaSemiMajorAxis(this.rB, this.velocityAfterBurn(deltaVMps)) - this.semiMajorAxisAtBurnM;
  }

  private trial(dv: number, nominalTca: Epoch): EncounterOutcome {
    const window = this.windowS;
    const start: OrbitState = { epoch: this.burnEpoch, rGcrfM: this.rB, vGcrfMps: this.velocityAfterBurn(dv), massKg: this.burnState.massKg };
    const windowStart = this.centre.plusSeconds(-window);
    const atWindow = this.prop.propagate(start, windowStart).final;
    const run = this.windowProp.propagate(
      { epoch: windowStart, rGcrfM: atWindow.rGcrfM, vGcrfMps: atWindow.vGcrfMps, massKg: atWindow.massKg },
      this.centre.plusSeconds(window),
    );
    this.propagations++;
    const events = run.events.filter((e) => e.detector === this.detector);
    if (events.length === 0) {
      throw new RangeError(`no closest approach within ±${window.toFixed(0)} s of ${this.centre.toIsoUtc(3)} after a ${dv} m/s burn`);
    }
    // The minimum nearest the window centre (the old TCA).
    let best = events[0];
    for (const e of events) if (Math.abs(e.tSeconds - window) < Math.abs(best.tSeconds - window)) best = e;
    const r1 = best.rGcrfM;
    const v1 = best.vGcrfMps;
    const { positionM: rs, velocityMps: vs } = this.secondary.stateAt(best.epoch);
    if (this.cov1 === undefined || this.cov2 === undefined) {
      // Fixed once, at the nominal TCA (RTN covariances rotated with the nominal states).
      this.cov1 = toInertial(this.input.primaryCovariance, r1, v1);
      this.cov2 = toInertial(this.input.secondaryCovariance, rs, vs);
    }
    const cp = collisionProbability({ positionM: r1, velocityMps: v1, covariance: this.cov1 }, { positionM: rs, velocityMps: vs, covariance: this.cov2 }, this.hbr, {
      method: 'foster',
    });
    const d = sub(rs, r1);
    const rtn = rtnComponents(r1, v1, d, new Float64Array(3));
    const plane = this.plane ?? cp.plane;
    return {
      deltaVMps: dv,
      tca: best.epoch,
      tcaShiftS: best.epoch.secondsSince(nominalTca),
      missDistanceM: Math.hypot(d[0], d[1], d[2]),
      missRtnM: [rtn[0], rtn[1], rtn[2]],
      planeMissM: cp.plane.missDistanceM,
      planeMissNominalAxesM: [dot(d, plane.missAxis), dot(d, plane.crossAxis)],
      relativeSpeedMps: cp.plane.relativeSpeedMps,
      pc: cp.pc,
      primaryRGcrfM: r1,
      primaryVGcrfMps: v1,
      secondaryRGcrfM: rs,
      secondaryVGcrfMps: vs,
    };
  }
}

/**
 * The propagator without drag and SRP (they depend on the object's area, mass and coefficients).
 * Their real values for the secondary are unknown, and the new TCA lies within seconds of the
 * state's epoch (the CDM's TCA), where they move it by millimetres; gravity and third bodies stay.
 */
function withoutAreaForces(prop: NumericalPropagator): NumericalPropagator {
  const forces = prop.forces.filter((f) => !(f instanceof DragForce) && !(f instanceof SolarRadiationPressureForce));
  if (forces.length === prop.forces.length) return prop;
  return new NumericalPropagator({ ...prop.options, forces });
}

/** Osculating a = 1/(2/r − v²/μ), μ = GM of EGM96 (3.986004415e14 m³/s², Lemoine et al. 1998). */
function visVivaSemiMajorAxis(r: ArrayLike<number>, v: ArrayLike<number>): number {
  return 1 / (2 / Math.hypot(r[0], r[1], r[2]) - dot(v, v) / EGM96_GM_M3_PER_S2);
}

function toInertial(c: CovarianceAtTca, r: ArrayLike<number>, v: ArrayLike<number>): ArrayLike<number> {
  if (c.frame === 'inertial') return c.matrix;
  return rtnToInertialCovariance(c.matrix, Math.round(Math.sqrt(c.matrix.length)), r, v);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function sub(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  return new Float64Array([a[0] - b[0], a[1] - b[1], a[2] - b[2]]);
}
