/**
 * Collision-avoidance burn planning: the smallest impulsive along-track (or radial) Δv at a chosen
 * lead time before the time of closest approach (TCA) that brings the collision probability (Pc)
 * to or below a threshold (default 1e-4, the ISS manoeuvre rule) and, when asked, the miss
 * distance to or above a minimum.
 *
 * Each trial Δv is simulated, not estimated: the primary's state at the burn epoch gets the impulse
 * (forces/thrust.ts applyImpulsiveDeltaV) and the numerical propagator carries it to the
 * neighbourhood of the old TCA, where the new TCA is the − → + zero of the relative range rate
 * (an event detector on the integrator's dense output); the miss there is projected into the
 * encounter plane and the Pc is Foster's 2-D integral (pc/foster.ts).
 *
 * Assumption: the two position covariances at TCA are kept as given (in the inertial frame). A
 * burn of a few tenths of a m/s turns the primary's RTN frame by ~Δv/v ≈ 1e-4 rad and moves the
 * TCA by seconds at most; the covariance's growth over that is far below its own uncertainty.
 * (The execution error of the burn itself is not added.)
 *
 * Search (per sign of Δv): a probe burn gives the linear sensitivity of the encounter-plane miss
 * to Δv; the predicted Pc(Δv) of that linear model (cheap: no propagation) locates the first
 * crossing of the criteria; true propagations then bracket it and an Illinois regula falsi on
 * g(Δv) = max(ln(Pc/threshold), ln(minMiss/miss)) shrinks the bracket, always keeping one end
 * that meets the criteria. In the linear model the miss is affine in Δv and the Gaussian
 * log-concave, so Pc(Δv) is unimodal and each sign has one crossing; the planner still checks
 * five evenly spaced smaller |Δv| with full propagations and restarts below any that already
 * meets the criteria (nonlinear or non-monotone cases).
 */
import { burnDurationS, propellantForDeltaVKg } from '../../maneuvers/rocket.js';
import { catalogVehicle, type VehicleSpec } from '../../maneuvers/vehicles.js';
import type { Epoch } from '../../time/epoch.js';
import { principalAxes } from '../encounter.js';
import { pcForEncounter } from '../pc/collisionProbability.js';
import { AvoidanceSimulator, type AvoidanceDirection, type AvoidanceSimulatorInput, type EncounterOutcome } from './simulator.js';

/**
 * Pc above which the ISS manoeuvres ("red" threshold 1e-4; 1e-5 "yellow"): SpaceNews 2014, as
 * tabulated in shared/facts/iss-operations.md §6 (grade S).
 */
export const ISS_AVOIDANCE_PC_THRESHOLD = 1e-4;
/** Default largest |Δv| searched, m/s (ten times the 0.3–0.5 m/s typical of ISS avoidance burns, facts §6, EST). */
export const DEFAULT_MAX_AVOIDANCE_DELTA_V_MPS = 5;
/** Vehicle whose thrusters burn by default: Progress MS (Progress 81 flew the 24 Oct 2022 ISS avoidance burn, facts §6). */
export const DEFAULT_AVOIDANCE_VEHICLE = 'progress-ms';

export interface AvoidanceInput extends AvoidanceSimulatorInput {
  /** Pc at or below which the event is cleared (default 1e-4). */
  pcThreshold?: number;
  /** Miss distance at or above which the event is cleared, m (optional; both criteria must hold). */
  minMissM?: number;
  /** Largest |Δv| searched, m/s (default 5). */
  maxDeltaVMps?: number;
  /** Catalogue id or spec of the vehicle whose thrusters burn (default progress-ms). */
  vehicle?: string | VehicleSpec;
  /** Absolute Δv tolerance, m/s (default 1e-5; the relative tolerance is 1e-3). */
  deltaVToleranceMps?: number;
}

/** The smallest Δv of one sign that meets the criteria. */
export interface AvoidanceBurn {
  /** +1 (prograde / up) or −1 (retrograde / down). */
  sign: 1 | -1;
  feasible: boolean;
  /** Why not, when infeasible. */
  reason?: string;
  /** Signed Δv, m/s (NaN when infeasible). */
  deltaVMps: number;
  /** Linear-model prediction of the same, m/s (NaN when the linear model finds none). */
  predictedDeltaVMps: number;
  /** The encounter after the burn (absent when infeasible). */
  outcome?: EncounterOutcome;
  /** Change of the semi-major axis by the burn (vis-viva at the burn point), m; to first order also of the mean semi-major axis and mean altitude. */
  semiMajorAxisChangeM: number;
  /** Δa per |Δv|, km per m/s (≈ 2a/v ≈ 1.77 at the ISS for along-track; ≈ 0 for radial). */
  semiMajorAxisChangeKmPerMps: number;
  /** Propellant (rocket equation, impulsive) at the vehicle's Isp, kg. */
  propellantKg: number;
  /** Burn duration at the vehicle's effective reboost thrust, s. */
  burnDurationS: number;
  /** True when a smaller |Δv| was found to meet the criteria by the check scan (non-monotone Pc(Δv)). */
  nonMonotone: boolean;
}

export interface AvoidancePlan {
  /** False when the nominal encounter already meets the criteria (no burn). */
  needed: boolean;
  direction: AvoidanceDirection;
  pcThreshold: number;
  minMissM?: number;
  hardBodyRadiusM: number;
  burnEpoch: Epoch;
  burnLeadTimeS: number;
  nominal: EncounterOutcome;
  /** Prograde/up and retrograde/down solutions (absent when no burn is needed). */
  positive?: AvoidanceBurn;
  negative?: AvoidanceBurn;
  /** The one to fly: along-track prefers prograde (it is a reboost too), radial the smaller. */
  recommended?: AvoidanceBurn;
  vehicle: { id: string; name: string; ispS: number; thrustN: number };
  primaryMassKg: number;
  /** Numerical propagations run (each trial counts one; the burn-epoch and secondary runs count too). */
  propagations: number;
  /** Assumptions the numbers rest on, one line each. */
  assumptions: string[];
}

/** Plan the avoidance burn; see the module comment for the method. */
export function planAvoidanceBurn(input: AvoidanceInput): AvoidancePlan {
  const pcThreshold = input.pcThreshold ?? ISS_AVOIDANCE_PC_THRESHOLD;
  if (!(pcThreshold > 0 && pcThreshold < 1)) throw new RangeError(`pcThreshold: must be in (0, 1), got ${pcThreshold}`);
  const minMissM = input.minMissM;
  if (minMissM !== undefined && !(minMissM > 0 && Number.isFinite(minMissM))) throw new RangeError(`minMissM: must be a finite number > 0, got ${minMissM}`);
  const maxDv = input.maxDeltaVMps ?? DEFAULT_MAX_AVOIDANCE_DELTA_V_MPS;
  if (!(maxDv > 0 && maxDv <= 1000)) throw new RangeError(`maxDeltaVMps: must be in (0, 1000], got ${maxDv}`);
  const absTol = input.deltaVToleranceMps ?? 1e-5;
  if (!(absTol > 0)) throw new RangeError(`deltaVToleranceMps: must be > 0, got ${absTol}`);
  const vehicle = typeof input.vehicle === 'object' ? input.vehicle : catalogVehicle(input.vehicle ?? DEFAULT_AVOIDANCE_VEHICLE);

  const sim = new AvoidanceSimulator(input);
  const { nominal, burnEpoch, burnState, direction } = sim;
  const hbr = input.hardBodyRadiusM;
  const lead = input.burnLeadTimeS;
  const nominalPlane = sim.nominalPlane;

  const criterion = (pc: number, miss: number): number => {
    let g = Math.log(Math.max(pc, 1e-300) / pcThreshold);
    if (minMissM !== undefined) g = Math.max(g, Math.log(minMissM / Math.max(miss, 1e-9)));
    return g;
  };
  const g0 = criterion(nominal.pc, nominal.missDistanceM);

  const base = {
    direction,
    pcThreshold,
    ...(minMissM !== undefined ? { minMissM } : {}),
    hardBodyRadiusM: hbr,
    burnEpoch,
    burnLeadTimeS: lead,
    nominal,
    vehicle: { id: vehicle.id, name: vehicle.name, ispS: vehicle.ispS, thrustN: vehicle.reboostThrustN },
    primaryMassKg: burnState.massKg,
    assumptions: [
      'impulsive burn (the real burn lasts minutes; its duration is given for scheduling)',
      'position covariances at TCA kept as given in the inertial frame (a small burn changes them negligibly); no burn execution error',
      '2-D short-encounter Pc (Foster 1992): straight-line relative motion through the encounter',
      'semi-major axis change from vis-viva at the burn point with GM = 3.986004415e14 m³/s² (EGM96); equal to the mean change to first order',
    ],
  };
  if (!(g0 > 0)) {
    return { needed: false, ...base, propagations: sim.propagations };
  }

  const nominalPlaneCov = nominalPlane.covarianceM2;
  /** Pc and miss of the linear model m(Δv) = m₀ + Δv·slope (nominal plane axes). */
  const predicted = (m: [number, number]): number => {
    const miss = Math.hypot(m[0], m[1]);
    const phi = Math.atan2(m[1], m[0]);
    const c = Math.cos(phi);
    const s = Math.sin(phi);
    const [a, b, d] = nominalPlaneCov;
    const cmm = c * c * a + 2 * c * s * b + s * s * d;
    const cmc = -c * s * a + (c * c - s * s) * b + c * s * d;
    const ccc = s * s * a - 2 * c * s * b + c * c * d;
    const enc = principalAxes({ ...nominalPlane, missDistanceM: miss, covarianceM2: [cmm, cmc, ccc] }, hbr);
    return criterion(pcForEncounter(enc, 'foster'), miss);
  };

  const solveSide = (sign: 1 | -1): AvoidanceBurn => {
    const cache = new Map<number, EncounterOutcome>();
    const evalAt = (mag: number): EncounterOutcome => {
      let o = cache.get(mag);
      if (!o) {
        o = sim.outcome(sign * mag);
        cache.set(mag, o);
      }
      return o;
    };
    const gAt = (mag: number): number => {
      const o = evalAt(mag);
      return criterion(o.pc, o.missDistanceM);
    };
    // Linear sensitivity from a probe burn.
    const probe = Math.min(0.05, maxDv / 10);
    const po = evalAt(probe);
    const slope: [number, number] = [
      (po.planeMissNominalAxesM[0] - nominal.planeMissNominalAxesM[0]) / probe,
      (po.planeMissNominalAxesM[1] - nominal.planeMissNominalAxesM[1]) / probe,
    ];
    const m0 = nominal.planeMissNominalAxesM;
    const gPred = (mag: number): number => predicted([m0[0] + mag * slope[0], m0[1] + mag * slope[1]]);
    let predictedMag = NaN;
    const steps = 400;
    let prev = 0;
    for (let k = 1; k <= steps; k++) {
      const x = (maxDv * k) / steps;
      if (gPred(x) <= 0) {
        let lo = prev;
        let hi = x;
        for (let it = 0; it < 60 && hi - lo > 1e-9; it++) {
          const mid = 0.5 * (lo + hi);
          if (gPred(mid) <= 0) hi = mid;
          else lo = mid;
        }
        predictedMag = hi;
        break;
      }
      prev = x;
    }

    // True bracket [lo, hi]: g(lo) > 0 ≥ g(hi).
    let lo = 0;
    let gLo = g0;
    let hi = NaN;
    let gHi = NaN;
    const startMag = Number.isFinite(predictedMag) ? Math.min(Math.max(predictedMag, 10 * absTol), maxDv) : maxDv;
    const gs = gAt(startMag);
    if (gs <= 0) {
      hi = startMag;
      gHi = gs;
      for (let k = 0; k < 30; k++) {
        const x = hi * 0.8;
        if (x < absTol) break;
        const gx = gAt(x);
        if (gx > 0) {
          lo = x;
          gLo = gx;
          break;
        }
        hi = x;
        gHi = gx;
      }
    } else {
      lo = startMag;
      gLo = gs;
      while (lo < maxDv) {
        const x = Math.min(lo * 1.25, maxDv);
        const gx = gAt(x);
        if (gx <= 0) {
          hi = x;
          gHi = gx;
          break;
        }
        lo = x;
        gLo = gx;
      }
    }
    const predictedDeltaVMps = sign * predictedMag;
    if (!Number.isFinite(hi)) {
      return infeasible(sign, predictedDeltaVMps, `no |Δv| ≤ ${maxDv} m/s meets the criteria (Pc ${evalAt(maxDv).pc.toExponential(3)}, miss ${evalAt(maxDv).missDistanceM.toFixed(1)} m at ${maxDv} m/s)`);
    }
    [lo, hi] = illinois(gAt, lo, gLo, hi, gHi, absTol);

    // Check scan below the root: a smaller |Δv| that already meets the criteria means Pc(Δv) is not monotone.
    let nonMonotone = false;
    let prevX = 0;
    let prevG = g0;
    for (let k = 1; k <= 5; k++) {
      const x = (hi * k) / 6;
      if (x >= lo) break;
      const gx = gAt(x);
      if (gx <= 0) {
        nonMonotone = true;
        [lo, hi] = illinois(gAt, prevX, prevG, x, gx, absTol);
        break;
      }
      prevX = x;
      prevG = gx;
    }
    const outcome = evalAt(hi);
    return { ...burnFigures(sign * hi), sign, feasible: true, deltaVMps: sign * hi, predictedDeltaVMps, outcome, nonMonotone };
  };

  const burnFigures = (dv: number): Pick<AvoidanceBurn, 'semiMajorAxisChangeM' | 'semiMajorAxisChangeKmPerMps' | 'propellantKg' | 'burnDurationS'> => {
    const da = sim.semiMajorAxisChangeM(dv);
    const propellantKg = propellantForDeltaVKg(burnState.massKg, Math.abs(dv), vehicle.ispS);
    return {
      semiMajorAxisChangeM: da,
      semiMajorAxisChangeKmPerMps: dv === 0 ? NaN : da / 1e3 / Math.abs(dv),
      propellantKg,
      burnDurationS: burnDurationS(propellantKg, vehicle.reboostThrustN, vehicle.ispS),
    };
  };

  const infeasible = (sign: 1 | -1, predictedDeltaVMps: number, reason: string): AvoidanceBurn => ({
    sign,
    feasible: false,
    reason,
    deltaVMps: NaN,
    predictedDeltaVMps,
    semiMajorAxisChangeM: NaN,
    semiMajorAxisChangeKmPerMps: NaN,
    propellantKg: NaN,
    burnDurationS: NaN,
    nonMonotone: false,
  });

  const positive = solveSide(1);
  const negative = solveSide(-1);
  let recommended: AvoidanceBurn | undefined;
  if (direction === 'along-track') {
    recommended = positive.feasible ? positive : negative.feasible ? negative : undefined;
  } else if (positive.feasible && negative.feasible) {
    recommended = Math.abs(positive.deltaVMps) <= Math.abs(negative.deltaVMps) ? positive : negative;
  } else {
    recommended = positive.feasible ? positive : negative.feasible ? negative : undefined;
  }
  return { needed: true, ...base, positive, negative, ...(recommended ? { recommended } : {}), propagations: sim.propagations };
}

/**
 * Illinois regula falsi on a bracket with g(lo) > 0 ≥ g(hi); returns the final [lo, hi] with
 * hi − lo ≤ max(absTol, 1e-3·hi), hi still meeting the criteria.
 */
function illinois(g: (x: number) => number, lo: number, gLo: number, hi: number, gHi: number, absTol: number): [number, number] {
  let fa = gLo;
  let fb = gHi;
  let last = 0;
  for (let it = 0; it < 80 && hi - lo > Math.max(absTol, 1e-3 * hi); it++) {
    const width = hi - lo;
    let x = Number.isFinite(fa) && Number.isFinite(fb) && fa !== fb ? (lo * fb - hi * fa) / (fb - fa) : 0.5 * (lo + hi);
    // Keep clear of the ends so that every step shrinks the bracket.
    const margin = 0.05 * width;
    x = Math.min(Math.max(x, lo + margin), hi - margin);
    const gx = g(x);
    if (gx > 0) {
      lo = x;
      fa = gx;
      if (last === -1) fb *= 0.5;
      last = -1;
    } else {
      hi = x;
      fb = gx;
      if (last === 1) fa *= 0.5;
      last = 1;
    }
  }
  return [lo, hi];
}
