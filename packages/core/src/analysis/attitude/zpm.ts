/**
 * CMG-only path planner for large slews, in the manner of the ISS zero-propellant manoeuvres (ZPM:
 * 90° on 5 Nov 2006 in ≈ 2 h with 3 CMGs, 180° in 2007 from the +XVV TEA to the −XVV TEA; facts
 * §6): instead of the eigenaxis, the attitude follows a smooth path (slewPath.ts) whose harmonic
 * coefficients are chosen so that the gravity-gradient, gyroscopic and aero torques do part of the
 * turning and the CMG momentum the path demands (pathMomentum.ts) stays inside the envelope.
 *
 * For a duration T, a multi-start quasi-Newton search (pathSearch.ts) minimises the peak CMG momentum
 * over the coefficients (a penalty when the CMG torque limit is exceeded, and, if asked, when the
 * final momentum is above a bound).
 * The shortest feasible T is found by a geometric scan from the closed-form momentum bound and a
 * bisection between the last infeasible and first feasible duration (feasibility in T is not
 * guaranteed monotonic: the result is the shortest found, not a proven minimum). The scan stops early
 * at the first duration that needs 10 % more momentum than the best so far (the quick preset only).
 *
 * End points: for a station with an attitude-dependent torque (gravity gradient, aero), the slew
 * runs between the TEAs nearest the two named attitudes — the CMGs cannot rest at an attitude that
 * is not an equilibrium (the 2022 model's XVV needs ≈ 40 N·m of pitch torque, filling 3 CMGs in
 * minutes). A body with no torque there (isotropic) keeps the named attitudes.
 */
import { cmgCapacityNms, cmgTorqueLimitNm } from './cmg.js';
import type { OrbitEnvironment } from './environment.js';
import { euler321ToDcm, euler321ToQuat, type YawPitchRoll } from './euler321.js';
import { namedAttitudeYpr, type NamedAttitude } from './lvlh.js';
import { decodePathVariables, searchPathAtDuration, type PathSearchSettings, type PathTrial } from './pathSearch.js';
import { quatAngleBetween } from './quaternion.js';
import { eulerRates, harmonicPath, pathAngles, type HarmonicPath } from './slewPath.js';
import type { SlewReference } from './slew.js';
import type { AttitudeStation } from './station.js';
import { orbitAveragedTorque, sampleOrbit } from './teaOrbit.js';
import { solveTea, teaResidual } from './tea.js';

export interface PathPlanOptions {
  /** Peak CMG momentum allowed, fraction of the active array's capacity (default 0.76: ZPM practice, facts §3, W). */
  momentumLimitFraction?: number;
  /** Optional bound on the CMG momentum left at the end, fraction of capacity (default: none). */
  endMomentumLimitFraction?: number;
  /** Search preset: 'quick' (default; 8 harmonics per axis, starts 3, 40 BFGS iterations a stage, stops scanning
   * durations when longer ones get worse) or 'thorough' (12 harmonics, starts 10, 150 iterations, every duration to the longest). */
  search?: 'quick' | 'thorough';
  /** Harmonics per axis (default from the preset). */
  harmonics?: number;
  /** Longest duration tried, s (default 12 h). */
  maxDurationS?: number;
  /** Starts per duration besides the previous duration's answer: the straight path and starts − 1 seeded swinging shapes (default from the preset). */
  starts?: number;
  /** BFGS iterations per continuation stage (default from the preset). */
  iterations?: number;
  /**
   * CMG momentum at the start: 'zero' (default: an empty array), or 'free': chosen by the optimiser
   * within the envelope, as the momentum manager (or a desaturation) can leave it before the turn.
   */
  initialMomentum?: 'zero' | 'free';
}

export interface PathPlan {
  from: YawPitchRoll;
  to: YawPitchRoll;
  angleDeg: number;
  durationS: number;
  path: HarmonicPath;
  peakMomentumFraction: number;
  endMomentumFraction: number;
  peakTorqueNm: number;
  momentumLimitFraction: number;
  /** CMG momentum at the start, body axes, N·m·s. */
  initialMomentumNms: [number, number, number];
  feasible: boolean;
  /** Durations tried and the best peak momentum fraction found for each (the search's record). */
  tried: { durationS: number; peakMomentumFraction: number }[];
}

const TORQUE_FREE_NM = 1e-6;

/** The LVLH-held attitude the slew starts or ends at: the TEA nearest the named attitude (within 30°), else the named one. */
export function slewEndpoint(st: AttitudeStation, env: OrbitEnvironment, name: Exclude<NamedAttitude, 'xpop'>): YawPitchRoll {
  const named = namedAttitudeYpr(name);
  const orbit = sampleOrbit(env, 60);
  const bias = orbitAveragedTorque(st, orbit);
  const r = teaResidual(st.inertia, orbit.nRadS, named, bias);
  if (Math.hypot(r[0], r[1], r[2]) < TORQUE_FREE_NM) return named;
  try {
    const tea = solveTea(st.inertia, orbit.nRadS, bias, named).ypr;
    if (quatAngleBetween(euler321ToQuat(tea), euler321ToQuat(named)) < Math.PI / 6) return tea;
  } catch { /* no equilibrium near the named attitude: keep it */ }
  return named;
}

type Settings = Required<Omit<PathPlanOptions, 'endMomentumLimitFraction' | 'search'>> & { endLimit: number };

/** The two search presets: 'quick' for the CLI default (seconds to tens of seconds), 'thorough' for a longer hunt. */
const PRESETS = {
  quick: { harmonics: 8, starts: 3, iterations: 40, maxDurationS: 12 * 3600, earlyStop: true },
  thorough: { harmonics: 12, starts: 10, iterations: 150, maxDurationS: 12 * 3600, earlyStop: false },
} as const;

function checkOptions(o: Settings): void {
  const bad = (field: string, v: unknown, want: string) => { throw new RangeError(`${field}: must be ${want}, got ${JSON.stringify(v)}`); };
  if (!(o.momentumLimitFraction > 0 && o.momentumLimitFraction <= 1)) bad('momentumLimitFraction', o.momentumLimitFraction, 'in (0, 1]');
  if (!(Number.isInteger(o.harmonics) && o.harmonics >= 0 && o.harmonics <= 16)) bad('harmonics', o.harmonics, 'a whole number 0–16');
  if (!(o.maxDurationS >= 600 && o.maxDurationS <= 7 * 86400)) bad('maxDurationS', o.maxDurationS, 'between 600 s and 7 days');
  if (!(Number.isInteger(o.starts) && o.starts >= 1 && o.starts <= 64)) bad('starts', o.starts, 'a whole number 1–64');
  if (!(Number.isInteger(o.iterations) && o.iterations >= 1)) bad('iterations', o.iterations, 'a whole number ≥ 1');
  if (!(o.endLimit >= 0)) bad('endMomentumLimitFraction', o.endLimit, '≥ 0');
}

export function planCmgPath(st: AttitudeStation, env: OrbitEnvironment, from: YawPitchRoll, to: YawPitchRoll, options: PathPlanOptions = {}): PathPlan {
  const preset = PRESETS[options.search ?? 'quick'];
  if (!preset) throw new RangeError(`search: must be "quick" or "thorough", got ${JSON.stringify(options.search)}`);
  const o: Settings = {
    momentumLimitFraction: options.momentumLimitFraction ?? 0.76, harmonics: options.harmonics ?? preset.harmonics,
    maxDurationS: options.maxDurationS ?? preset.maxDurationS, starts: options.starts ?? preset.starts, iterations: options.iterations ?? preset.iterations,
    endLimit: options.endMomentumLimitFraction ?? Infinity, initialMomentum: options.initialMomentum ?? 'zero',
  };
  checkOptions(o);
  const limit = o.momentumLimitFraction;
  const cap = cmgCapacityNms(st.cmg);
  if (!(cap > 0)) throw new RangeError('cmgs_active: a CMG-only slew needs at least one active CMG');
  const search: PathSearchSettings = { harmonics: o.harmonics, initialMomentum: o.initialMomentum, endLimit: o.endLimit, starts: o.starts, iterations: o.iterations, gridStepS: 120, seedFrequenciesRadS: swingFrequenciesRadS(st, env, from) };
  const optimise = (durationS: number, x0: readonly number[]) => searchPathAtDuration(st, env, from, to, durationS, x0, search);
  const angle = quatAngleBetween(euler321ToQuat(from), euler321ToQuat(to));
  const jMax = Math.max(st.inertia[0], st.inertia[4], st.inertia[8]);
  // Scan up from a quarter of the largest-axis momentum bound (a path may turn about a smaller axis).
  let tS = Math.max(600, (0.25 * angle * jMax) / (limit * cap));
  const tried: PathPlan['tried'] = [];
  let x0 = new Array<number>(3 * o.harmonics + (o.initialMomentum === 'free' ? 3 : 0)).fill(0);
  let lastBad: PathTrial | null = null, best: PathTrial | null = null, lowest: PathTrial | null = null;
  const tauMax = cmgTorqueLimitNm(st.cmg);
  const ok = (t: PathTrial) => t.m.peakMomentumNms <= limit * cap && t.m.peakTorqueNm <= tauMax && t.m.endMomentumNms <= o.endLimit * cap;
  for (; tS <= o.maxDurationS * 1.0001; tS = Math.min(tS * 1.5, tS < o.maxDurationS ? o.maxDurationS : Infinity)) {
    const t = optimise(tS, x0);
    tried.push({ durationS: tS, peakMomentumFraction: t.m.peakMomentumNms / cap });
    if (!lowest || t.m.peakMomentumNms < lowest.m.peakMomentumNms) lowest = t;
    if (ok(t)) { best = t; break; }
    // A duration 10 % worse than the best so far: longer ones collect secular aero momentum (heuristic; quick search only).
    if (preset.earlyStop && t.m.peakMomentumNms > 1.1 * lowest.m.peakMomentumNms) break;
    lastBad = t; x0 = t.x;
    if (tS >= o.maxDurationS) break;
  }
  if (best && lastBad) {
    // Bisection between the last infeasible and the first feasible duration (to 3 %).
    let lo = lastBad.durationS, hi = best.durationS;
    while (hi / lo > 1.03) {
      const mid = Math.sqrt(lo * hi);
      const t = optimise(mid, best.x);
      tried.push({ durationS: mid, peakMomentumFraction: t.m.peakMomentumNms / cap });
      if (ok(t)) { best = t; hi = mid; } else lo = mid;
    }
  }
  const pick = best ?? lowest!;
  const d = decodePathVariables(pick.x, search, cap);
  return {
    from, to, angleDeg: (angle * 180) / Math.PI, durationS: pick.durationS,
    path: harmonicPath(from, to, pick.durationS, o.harmonics, d.c),
    peakMomentumFraction: pick.m.peakMomentumNms / cap, endMomentumFraction: pick.m.endMomentumNms / cap,
    peakTorqueNm: pick.m.peakTorqueNm, momentumLimitFraction: limit, initialMomentumNms: [d.h0[0], d.h0[1], d.h0[2]], feasible: best !== null, tried,
  };
}

/**
 * Frequencies a swinging path may pump at: the orbit rate and the small-angle yaw libration about the
 * start, √(|∂²U/∂ψ²| / J_zz) (U the rotational potential below; the gravity gradient carries such a
 * swing, so it costs the CMGs little).
 */
export function swingFrequenciesRadS(st: AttitudeStation, env: OrbitEnvironment, from: YawPitchRoll): number[] {
  const n = sampleOrbit(env, 60).nRadS, d = 1e-3;
  const u = (dy: number) => rotationalPotentialJ(st.inertia, n, { ...from, yawRad: from.yawRad + dy });
  const uYawYaw = Math.abs(u(d) - 2 * u(0) + u(-d)) / (d * d);
  const yaw = Math.sqrt(uYawYaw / st.inertia[8]);
  return yaw > 0.05 * n ? [n, yaw] : [n];
}

/**
 * The simulation flying a planned path tracks it with a PD loop on top of the feed-forward, and
 * integrates at seconds where the planner sums minutes: it may need slightly more momentum than the
 * plan. A plan counts as verified when the simulated peak stays within 2 % of the limit (EST).
 */
export const PATH_VERIFY_SLACK = 1.02;

/** The path as a reference for flySlew (the independent check: the full dynamics fly it). */
export function pathReference(path: HarmonicPath): SlewReference {
  const a = new Float64Array(9);
  return {
    durationS: path.durationS,
    at(tS, qBL, w, wDot) {
      pathAngles(path, tS, a);
      euler321ToQuat({ yawRad: a[0], pitchRad: a[1], rollRad: a[2] }, qBL);
      eulerRates(a, w, wDot);
    },
  };
}

/**
 * The orbital rotational potential (Beletskii; the Jacobi integral of a rigid body on a circular
 * orbit is ½ w·Jw + U): U = (n²/2)(3 ĉ·Jĉ − ô·Jô), ĉ the nadir and ô the orbit normal in body axes,
 * J. Its stationary points are the torque-free attitudes (TEAs without a bias).
 */
export function rotationalPotentialJ(j: ArrayLike<number>, nRadS: number, ypr: YawPitchRoll): number {
  const c = euler321ToDcm(ypr);
  const quad = (k: number) => {
    const v = [c[k], c[3 + k], c[6 + k]];
    return v[0] * (j[0] * v[0] + j[1] * v[1] + j[2] * v[2]) + v[1] * (j[3] * v[0] + j[4] * v[1] + j[5] * v[2]) + v[2] * (j[6] * v[0] + j[7] * v[1] + j[8] * v[2]);
  };
  return 0.5 * nRadS * nRadS * (3 * quad(2) - quad(1));
}

/**
 * Work bound on any rest-to-rest CMG path. Along a path the Jacobi integral changes only by the CMG
 * torque's work, and with τ_c = −(ḣ + ω × h) that work is ∫ h·ω̇ dt (by parts, rest at both ends).
 * So |ΔU| ≤ h_peak ∫|ω̇| dt: a path that turns steadily (∫|ω̇| dt ≈ n·φ, the LVLH rate turning with
 * the body) needs h_peak ≥ |ΔU|/(n·φ); less momentum needs a path whose rate swings back and forth.
 * Returns that steady-turn momentum, N·m·s (gravity gradient and gyroscopic torques only).
 */
export function steadyTurnMomentumBoundNms(j: ArrayLike<number>, nRadS: number, from: YawPitchRoll, to: YawPitchRoll): number {
  const dU = rotationalPotentialJ(j, nRadS, to) - rotationalPotentialJ(j, nRadS, from);
  const angle = quatAngleBetween(euler321ToQuat(from), euler321ToQuat(to));
  return angle > 0 ? Math.abs(dU) / (nRadS * angle) : 0;
}
