/**
 * Numerical orbit propagation in GCRF: Cowell's method (r̈ = Σ forces) integrated by DOP853
 * (default), Dormand–Prince 5(4) or fixed-step RK4, with event detection and an ephemeris sampled
 * from the integrator's dense output (no extra force evaluations for output points).
 *
 * State vector: [x, y, z (m), vx, vy, vz (m/s)] in GCRF, plus the mass (kg) as a 7th component
 * when a force model has a mass flow (thrust); event detectors see exactly that array, with t in
 * seconds since the initial epoch.
 *
 * Every derivative evaluation refills one {@link PropagationContext} (GCRF→ITRF from the node
 * cache, Sun/Moon from theirs; see those modules for the approximation errors) and sums the force
 * models into one buffer: nothing is allocated per evaluation.
 */
import { odeEventDetector } from '../events/odeAdapter.js';
import type { EventDetector, EventOccurrence, OdeEventDetector } from '../events/types.js';
import type { ForceModel } from '../../models/forces/types.js';
import { ClassicalRungeKutta4 } from '../integrators/rk4.js';
import { DormandPrince54 } from '../integrators/dormandPrince54.js';
import { DormandPrince853 } from '../integrators/dormandPrince853.js';
import type { IntegrationStats, OdeIntegrator, StepInterpolator } from '../integrators/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { EphemerisPropagator } from '../ephemerisPropagator.js';
import { PropagationContext } from './propagationContext.js';

export type IntegratorName = 'dop853' | 'dp54' | 'rk4';

export interface NumericalPropagatorOptions {
  /** Force models summed at each evaluation (include a central-body gravity model). */
  forces: readonly ForceModel[];
  /** Integration method (default 'dop853'). */
  integrator?: IntegratorName;
  /** Relative tolerance of the adaptive methods (default 1e-10). */
  rtol?: number;
  /**
   * Absolute tolerance: one number for every component, or [position m, velocity m/s] (and mass
   * kg). Default rtol × [1e6 m, 1e3 m/s, 1e6 kg] (1e-4 m, 1e-7 m/s at rtol = 1e-10): about 1/7 of
   * rtol·|y| for an LEO state, so the relative tolerance governs at any rtol.
   */
  atol?: number | readonly number[];
  /** RK4 step, s (default 30). */
  fixedStepS?: number;
  /** Largest step of the adaptive methods, s (default unbounded). */
  maxStepS?: number;
  /** Step-size controller settings of the adaptive methods (integrators/adaptive.ts defaults). */
  controller?: { safety?: number; beta?: number; minFactor?: number; maxFactor?: number };
  /** Limit on attempted steps (default 10,000,000). */
  maxSteps?: number;
  /** Earth orientation parameters for GCRF→ITRF (without: UT1 = UTC, no polar motion; warns). */
  eop?: EopSource;
  /**
   * Orbit event detectors on the GCRF state (events/detectors.ts; the same detectors run on any
   * propagator through events/eventSearch.ts).
   */
  detectors?: readonly EventDetector[];
  /**
   * Integrator-level detectors on the raw ODE variables: g(t, y) receives t = seconds since the
   * initial epoch and y = [r (m), v (m/s), (mass kg)] in GCRF. They run before `detectors`.
   */
  events?: readonly OdeEventDetector[];
  /** Spacing of exact GCRF→ITRF nodes, s (default 300). */
  frameNodeSpacingS?: number;
  /** Spacing of exact Sun/Moon nodes, s (default 1800). */
  bodyNodeSpacingS?: number;
  /**
   * Whether force models read ctx.sunGcrfM / ctx.moonGcrfM (default true; pass
   * buildForceModels' needsSun/needsMoon to skip the ephemeris for force sets without them).
   */
  needsSun?: boolean;
  needsMoon?: boolean;
}

export interface OrbitState {
  epoch: Epoch;
  /** GCRF position, m. */
  rGcrfM: ArrayLike<number>;
  /** GCRF velocity, m/s. */
  vGcrfMps: ArrayLike<number>;
  massKg: number;
}

export interface PropagateOptions {
  /** Output an ephemeris every `stepS` seconds from the initial epoch (and at the end). */
  stepS?: number;
  /** Called with the fraction done (0…1), at most ~1000 times per run. */
  onProgress?(fraction: number, tSeconds: number): void;
}

/** Sampled states: sample i is at `startEpoch` + tSeconds[i]. */
export interface Ephemeris {
  startEpoch: Epoch;
  tSeconds: Float64Array;
  /** GCRF positions, m, 3 per sample. */
  positionsM: Float64Array;
  /** GCRF velocities, m/s, 3 per sample. */
  velocitiesMps: Float64Array;
  /** Mass, kg, per sample. */
  massKg: Float64Array;
}

export interface PropagationEvent {
  /** Detector name. */
  name: string;
  /** The detector as given (a state detector from `detectors`, or an integrator detector from `events`). */
  detector: EventDetector | OdeEventDetector;
  epoch: Epoch;
  tSeconds: number;
  /** State at the event (before any reset): GCRF m, m/s. */
  rGcrfM: Float64Array;
  vGcrfMps: Float64Array;
  massKg: number;
  increasing: boolean;
  action: EventOccurrence['action'];
}

export interface PropagationResult {
  /** State at the end epoch, or where a 'stop' event ended the run. */
  final: { epoch: Epoch; rGcrfM: Float64Array; vGcrfMps: Float64Array; massKg: number };
  /** True when a 'stop' event ended the run before the end epoch. */
  stopped: boolean;
  ephemeris?: Ephemeris;
  events: PropagationEvent[];
  stats: IntegrationStats & { frameNodes: number; bodyNodes: number; wallSeconds: number };
}

/** Default atol per unit rtol: position m, velocity m/s, mass kg. */
const DEFAULT_ATOL_SCALE = [1e6, 1e3, 1e6];

export class NumericalPropagator {
  readonly forces: readonly ForceModel[];
  readonly integratorName: IntegratorName;
  private readonly hasMassFlow: boolean;
  private readonly integrators = new Map<string, OdeIntegrator>();

  constructor(readonly options: NumericalPropagatorOptions) {
    if (!options.forces || options.forces.length === 0) throw new RangeError('forces: at least one force model is required');
    this.forces = options.forces;
    this.integratorName = options.integrator ?? 'dop853';
    if (!['dop853', 'dp54', 'rk4'].includes(this.integratorName)) {
      throw new RangeError(`integrator: must be dop853, dp54 or rk4, got ${JSON.stringify(this.integratorName)}`);
    }
    this.hasMassFlow = options.forces.some((f) => typeof f.massRateKgPerS === 'function');
  }

  /** Propagate `initial` to `endEpoch` (before or after it). */
  propagate(initial: OrbitState, endEpoch: Epoch, options: PropagateOptions = {}): PropagationResult {
    checkState(initial);
    const started = performance.now();
    const n = this.hasMassFlow ? 7 : 6;
    const ctx = new PropagationContext(initial.epoch, {
      eop: this.options.eop,
      frameNodeSpacingS: this.options.frameNodeSpacingS,
      bodyNodeSpacingS: this.options.bodyNodeSpacingS,
      sun: this.options.needsSun ?? true,
      moon: this.options.needsMoon ?? true,
    });
    const forces = this.forces;
    const nForces = forces.length;
    const acc = new Float64Array(3);
    const initialMass = initial.massKg;
    const hasMassFlow = this.hasMassFlow;
    const rhs = (t: number, y: Float64Array, dy: Float64Array): void => {
      ctx.update(t, y, initialMass);
      acc[0] = 0;
      acc[1] = 0;
      acc[2] = 0;
      for (let i = 0; i < nForces; i++) forces[i].addAcceleration(ctx, acc);
      dy[0] = y[3];
      dy[1] = y[4];
      dy[2] = y[5];
      dy[3] = acc[0];
      dy[4] = acc[1];
      dy[5] = acc[2];
      if (hasMassFlow) {
        let mdot = 0;
        for (let i = 0; i < nForces; i++) {
          const f = forces[i];
          if (f.massRateKgPerS) mdot += f.massRateKgPerS(ctx);
        }
        dy[6] = mdot;
      }
    };

    const y0 = new Float64Array(n);
    for (let i = 0; i < 3; i++) {
      y0[i] = initial.rGcrfM[i];
      y0[3 + i] = initial.vGcrfMps[i];
    }
    if (n === 7) y0[6] = initialMass;
    const tEnd = endEpoch.secondsSince(initial.epoch);

    // Ephemeris sampling on the dense output.
    const stepS = options.stepS;
    if (stepS !== undefined && !(stepS > 0 && Number.isFinite(stepS))) throw new RangeError(`stepS: must be a finite number > 0, got ${stepS}`);
    const sampler = stepS !== undefined ? new EphemerisSampler(stepS, tEnd, n, initialMass) : undefined;
    sampler?.add(0, y0);
    const progress = options.onProgress;
    let nextProgress = 0;
    const span = Math.abs(tEnd);
    const onStep =
      sampler || progress
        ? (step: StepInterpolator): void => {
            sampler?.fromStep(step);
            if (progress && span > 0) {
              const fraction = Math.min(1, Math.abs(step.tCurr) / span);
              if (fraction >= nextProgress) {
                progress(fraction, step.tCurr);
                nextProgress = fraction + 0.001;
              }
            }
          }
        : undefined;

    const integrator = this.integratorFor(n);
    const adapted = (this.options.detectors ?? []).map((d) => odeEventDetector(d, initial.epoch, 'GCRF'));
    const result = integrator.integrate(rhs, 0, y0, tEnd, {
      onStep,
      events: [...(this.options.events ?? []), ...adapted],
      maxSteps: this.options.maxSteps ?? 10_000_000,
    });
    if (sampler && (sampler.count === 0 || sampler.lastT() !== result.t)) sampler.add(result.t, result.y);
    progress?.(1, result.t);

    const events: PropagationEvent[] = result.events.map((e) => ({
      name: e.detector.name,
      detector: adapted.find((a) => a === e.detector)?.source ?? e.detector,
      epoch: initial.epoch.plusSeconds(e.t),
      tSeconds: e.t,
      rGcrfM: e.y.slice(0, 3),
      vGcrfMps: e.y.slice(3, 6),
      massKg: n === 7 ? e.y[6] : initialMass,
      increasing: e.increasing,
      action: e.action,
    }));
    return {
      final: {
        epoch: initial.epoch.plusSeconds(result.t),
        rGcrfM: result.y.slice(0, 3),
        vGcrfMps: result.y.slice(3, 6),
        massKg: n === 7 ? result.y[6] : initialMass,
      },
      stopped: result.stopped,
      ephemeris: sampler?.build(initial.epoch),
      events,
      stats: {
        ...result.stats,
        frameNodes: ctx.rotation.nodesComputed,
        bodyNodes: ctx.bodies.nodesComputed,
        wallSeconds: (performance.now() - started) / 1000,
      },
    };
  }

  /**
   * The Propagator form: one run from `initial` to `endEpoch` sampled every `stepS` on the
   * integrator's dense output, read anywhere in the
   * span as GCRF states. Default 5 s: ~2e-5 m Hermite error in LEO (ephemerisPropagator.ts; it
   * grows as stepS⁴). Throws when a 'stop' event ends the run early (the span would be short).
   */
  ephemerisPropagator(initial: OrbitState, endEpoch: Epoch, stepS = 5): EphemerisPropagator {
    const run = this.propagate(initial, endEpoch, { stepS });
    if (run.stopped) throw new RangeError(`ephemerisPropagator: a stop event ended the run at ${run.final.epoch.toIsoUtc(3)}, before ${endEpoch.toIsoUtc(3)}`);
    return new EphemerisPropagator(run.ephemeris!, 'GCRF');
  }

  private integratorFor(n: number): OdeIntegrator {
    const cached = this.integrators.get(`${n}`);
    if (cached) return cached;
    const o = this.options;
    let integrator: OdeIntegrator;
    if (this.integratorName === 'rk4') {
      integrator = new ClassicalRungeKutta4({ n, stepS: o.fixedStepS ?? 30 });
    } else {
      const rtol = o.rtol ?? 1e-10;
      const atol = expandAtol(o.atol ?? DEFAULT_ATOL_SCALE.map((x) => x * rtol), n);
      const opts = { n, rtol, atol, ...(o.maxStepS !== undefined ? { maxStepS: o.maxStepS } : {}), ...(o.controller ?? {}) };
      integrator = this.integratorName === 'dop853' ? new DormandPrince853(opts) : new DormandPrince54(opts);
    }
    this.integrators.set(`${n}`, integrator);
    return integrator;
  }
}

function expandAtol(atol: number | readonly number[], n: number): number | number[] {
  if (typeof atol === 'number') return atol;
  const [p, v, m] = atol;
  if (p === undefined || v === undefined) throw new RangeError('atol: give one number or [position m, velocity m/s, (mass kg)]');
  const out = [p, p, p, v, v, v];
  if (n === 7) out.push(m ?? 1e-6);
  return out;
}

function checkState(s: OrbitState): void {
  const vec = (name: string, v: ArrayLike<number> | undefined): void => {
    if (!v || v.length !== 3) throw new RangeError(`initial.${name}: must have 3 components, got ${v?.length}`);
    for (let i = 0; i < 3; i++) if (!Number.isFinite(v[i])) throw new RangeError(`initial.${name}[${i}]: must be finite, got ${v[i]}`);
  };
  vec('rGcrfM', s.rGcrfM);
  vec('vGcrfMps', s.vGcrfMps);
  if (!(s.massKg > 0) || !Number.isFinite(s.massKg)) throw new RangeError(`initial.massKg: must be a finite number > 0, got ${s.massKg}`);
  const r = Math.hypot(s.rGcrfM[0], s.rGcrfM[1], s.rGcrfM[2]);
  if (r < 6.0e6) throw new RangeError(`initial.rGcrfM: ${(r / 1e3).toFixed(1)} km from the geocentre is inside the Earth`);
}

/** Collects samples at t = 0, ±stepS, ±2·stepS … from each step's dense output. */
class EphemerisSampler {
  count = 0;
  private t: Float64Array;
  private y: Float64Array;
  private readonly scratch: Float64Array;
  private nextIndex = 1;

  constructor(
    private readonly stepS: number,
    private readonly tEnd: number,
    private readonly n: number,
    private readonly massKg: number,
  ) {
    const expected = Math.min(Math.floor(Math.abs(tEnd) / stepS) + 2, 1 << 22);
    this.t = new Float64Array(expected);
    this.y = new Float64Array(expected * 7);
    this.scratch = new Float64Array(n);
  }

  add(t: number, y: Float64Array): void {
    if (this.count === this.t.length) this.grow();
    this.t[this.count] = t;
    const o = 7 * this.count;
    for (let i = 0; i < 6; i++) this.y[o + i] = y[i];
    this.y[o + 6] = this.n === 7 ? y[6] : this.massKg;
    this.count++;
  }

  lastT(): number {
    return this.t[this.count - 1];
  }

  fromStep(step: StepInterpolator): void {
    const dir = step.forward ? 1 : -1;
    for (;;) {
      const t = dir * this.nextIndex * this.stepS;
      // Inside the step (closed at its end); never past tEnd.
      if (dir * (t - step.tCurr) > 0 || dir * (t - this.tEnd) > 0) return;
      this.add(t, step.interpolate(t, this.scratch));
      this.nextIndex++;
    }
  }

  build(startEpoch: Epoch): Ephemeris {
    const m = this.count;
    const positionsM = new Float64Array(3 * m);
    const velocitiesMps = new Float64Array(3 * m);
    const massKg = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < 3; k++) {
        positionsM[3 * i + k] = this.y[7 * i + k];
        velocitiesMps[3 * i + k] = this.y[7 * i + 3 + k];
      }
      massKg[i] = this.y[7 * i + 6];
    }
    return { startEpoch, tSeconds: this.t.slice(0, m), positionsM, velocitiesMps, massKg };
  }

  private grow(): void {
    const t = new Float64Array(this.t.length * 2);
    t.set(this.t);
    const y = new Float64Array(this.y.length * 2);
    y.set(this.y);
    this.t = t;
    this.y = y;
  }
}
