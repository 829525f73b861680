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
 * that meets the criteria (burnSearch.ts, criterion.ts, math/rootFinding.ts illinoisBracket). In the linear model the miss is affine in Δv and the Gaussian
 * log-concave, so Pc(Δv) is unimodal and each sign has one crossing; the planner still checks
 * five evenly spaced smaller |Δv| with full propagations and restarts below any that already
 * meets the criteria (nonlinear or non-monotone cases).
 */
import { burnDurationS, propellantForDeltaVKg } from '../../../models/maneuvers/rocket.js';
import { catalogVehicle, type VehicleSpec } from '../../../models/maneuvers/vehicles.js';
import type { Epoch } from '../../../foundation/time/epoch.js';
import { searchSide } from './burnSearch.js';
import { avoidanceCriterion, planeMissCriterion } from './criterion.js';
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
  const settings = checkedSettings(input);
  const { pcThreshold, minMissM, vehicle } = settings;
  const sim = new AvoidanceSimulator(input);
  const { nominal, burnEpoch, burnState, direction } = sim;
  const criterion = avoidanceCriterion(pcThreshold, minMissM);
  const g0 = criterion(nominal.pc, nominal.missDistanceM);
  const base = {
    direction,
    pcThreshold,
    ...(minMissM !== undefined ? { minMissM } : {}),
    hardBodyRadiusM: input.hardBodyRadiusM,
    burnEpoch,
    burnLeadTimeS: input.burnLeadTimeS,
    nominal,
    vehicle: { id: vehicle.id, name: vehicle.name, ispS: vehicle.ispS, thrustN: vehicle.reboostThrustN },
    primaryMassKg: burnState.massKg,
    assumptions: [...PLAN_ASSUMPTIONS],
  };
  if (!(g0 > 0)) return { needed: false, ...base, propagations: sim.propagations };

  const search = { sim, criterion, predicted: planeMissCriterion(sim.nominalPlane, input.hardBodyRadiusM, criterion), g0, maxDeltaVMps: settings.maxDv, absTolMps: settings.absTol };
  const solve = (sign: 1 | -1): AvoidanceBurn => {
    const r = searchSide(search, sign);
    if (!r.feasible) return infeasible(sign, sign * r.predictedMps, r.reason);
    const dv = sign * r.magnitudeMps;
    return { ...burnFigures(sim, vehicle, dv), sign, feasible: true, deltaVMps: dv, predictedDeltaVMps: sign * r.predictedMps, outcome: r.outcome, nonMonotone: r.nonMonotone };
  };
  const positive = solve(1);
  const negative = solve(-1);
  const recommended = recommend(direction, positive, negative);
  return { needed: true, ...base, positive, negative, ...(recommended ? { recommended } : {}), propagations: sim.propagations };
}

const PLAN_ASSUMPTIONS = [
  'impulsive burn (the real burn lasts minutes; its duration is given for scheduling)',
  'position covariances at TCA kept as given in the inertial frame (a small burn changes them negligibly); no burn execution error',
  '2-D short-encounter Pc (Foster 1992): straight-line relative motion through the encounter',
  'semi-major axis change from vis-viva at the burn point with GM = 3.986004415e14 m³/s² (EGM96); equal to the mean change to first order',
];

/** The input's settings with their defaults, each checked (a RangeError names the field). */
function checkedSettings(input: AvoidanceInput): { pcThreshold: number; minMissM?: number; maxDv: number; absTol: number; vehicle: VehicleSpec } {
  const pcThreshold = input.pcThreshold ?? ISS_AVOIDANCE_PC_THRESHOLD;
  if (!(pcThreshold > 0 && pcThreshold < 1)) throw new RangeError(`pcThreshold: must be in (0, 1), got ${pcThreshold}`);
  const minMissM = input.minMissM;
  if (minMissM !== undefined && !(minMissM > 0 && Number.isFinite(minMissM))) throw new RangeError(`minMissM: must be a finite number > 0, got ${minMissM}`);
  const maxDv = input.maxDeltaVMps ?? DEFAULT_MAX_AVOIDANCE_DELTA_V_MPS;
  if (!(maxDv > 0 && maxDv <= 1000)) throw new RangeError(`maxDeltaVMps: must be in (0, 1000], got ${maxDv}`);
  const absTol = input.deltaVToleranceMps ?? 1e-5;
  if (!(absTol > 0)) throw new RangeError(`deltaVToleranceMps: must be > 0, got ${absTol}`);
  const vehicle = typeof input.vehicle === 'object' ? input.vehicle : catalogVehicle(input.vehicle ?? DEFAULT_AVOIDANCE_VEHICLE);
  return { pcThreshold, minMissM, maxDv, absTol, vehicle };
}

/** Along-track prefers prograde (it is a reboost too); radial the smaller of the two. */
function recommend(direction: AvoidanceDirection, positive: AvoidanceBurn, negative: AvoidanceBurn): AvoidanceBurn | undefined {
  if (direction === 'radial' && positive.feasible && negative.feasible) return Math.abs(positive.deltaVMps) <= Math.abs(negative.deltaVMps) ? positive : negative;
  return positive.feasible ? positive : negative.feasible ? negative : undefined;
}

function burnFigures(sim: AvoidanceSimulator, vehicle: VehicleSpec, dv: number): Pick<AvoidanceBurn, 'semiMajorAxisChangeM' | 'semiMajorAxisChangeKmPerMps' | 'propellantKg' | 'burnDurationS'> {
  const da = sim.semiMajorAxisChangeM(dv);
  const propellantKg = propellantForDeltaVKg(sim.burnState.massKg, Math.abs(dv), vehicle.ispS);
  return {
    semiMajorAxisChangeM: da,
    semiMajorAxisChangeKmPerMps: dv === 0 ? NaN : da / 1e3 / Math.abs(dv),
    propellantKg,
    burnDurationS: burnDurationS(propellantKg, vehicle.reboostThrustN, vehicle.ispS),
  };
}

function infeasible(sign: 1 | -1, predictedDeltaVMps: number, reason: string): AvoidanceBurn {
  return {
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
  };
}
