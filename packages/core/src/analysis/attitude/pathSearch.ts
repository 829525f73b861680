/**
 * The CMG-only planner's search at one duration: the harmonic coefficients (slewPath.ts) that
 * minimise the peak CMG momentum the path demands (pathMomentum.ts).
 *
 * The peak over a time grid is not smooth, so the objective is its p-norm over the grid (smooth
 * wherever |h| > 0) plus squared-hinge penalties for the CMG torque limit and an optional bound on the
 * momentum left at the end; quasi-Newton (BFGS, math/bfgs.ts, forward-difference gradients) minimises
 * it for p = 8, then 32, then 128 (continuation: a low p sees the whole momentum history, a high p
 * only the peak). Several starts: the caller's (the previous duration's answer), the straight path,
 * and seeded shapes the work bound asks for (zpm.ts, `steadyTurnMomentumBoundNms`): a path below the
 * steady-turn bound must swing its rate back and forth, so the seeds are harmonics near the orbit
 * frequency in each axis (yaw swings; pitch and roll excursions that change the gravity-gradient
 * torque), at random phases and amplitudes of a few degrees (reproducible: fixed seed).
 */
import { bfgs, forwardDifferenceGradient } from '../../foundation/math/bfgs.js';
import { Xoshiro128 } from '../decay/random.js';
import { cmgCapacityNms, cmgTorqueLimitNm } from './cmg.js';
import type { OrbitEnvironment } from './environment.js';
import type { YawPitchRoll } from './euler321.js';
import { pathGrid, pathMomentum, surfaceTorqueTrack, type PathMomentum } from './pathMomentum.js';
import { harmonicPath } from './slewPath.js';
import type { AttitudeStation } from './station.js';

export interface PathSearchSettings {
  harmonics: number;
  /** Starting CMG momentum: zero, or free (three more variables, h0 / capacity). */
  initialMomentum: 'zero' | 'free';
  /** Bound on the momentum left at the end, fraction of capacity (Infinity: none). */
  endLimit: number;
  /** Starts besides the caller's: the straight path and starts − 1 seeded shapes. */
  starts: number;
  /** BFGS iterations per continuation stage. */
  iterations: number;
  /** Planner grid step, s. */
  gridStepS: number;
  /** Frequencies the seeded starts swing at first (rad/s; e.g. the orbit rate and the yaw libration). */
  seedFrequenciesRadS: number[];
}

export interface PathTrial {
  durationS: number;
  /** Optimiser variables: 3K coefficients (rad), then h0 / capacity when the start momentum is free. */
  x: number[];
  m: PathMomentum;
}

/** (mean of (v/max)^p)^(1/p)·max: the p-norm of |h| over the grid, a smooth stand-in for the peak. */
export function softPeak(h: Float64Array, p: number): number {
  let max = 0;
  for (const v of h) max = Math.max(max, v);
  if (max === 0) return 0;
  let s = 0;
  for (const v of h) s += (v / max) ** p;
  return max * (s / h.length) ** (1 / p);
}

export function decodePathVariables(x: readonly number[], s: PathSearchSettings, capNms: number): { c: number[]; h0: number[] } {
  const k = 3 * s.harmonics;
  return { c: x.slice(0, k), h0: s.initialMomentum === 'free' ? [x[k] * capNms, x[k + 1] * capNms, x[k + 2] * capNms] : [0, 0, 0] };
}

/**
 * Seed m ≥ 1: a wave packet of harmonics around one of the frequencies the body swings at by itself
 * (k ≈ ωT/π; cycling through `seedFrequenciesRadS`, then random ones between 0.3n and 2n), random
 * phases, yaw swings of 10–45° and pitch/roll excursions of 2–10° (a swing the gravity gradient
 * carries costs the CMGs little; the optimiser then shapes it).
 */
function seedShape(m: number, durationS: number, nRadS: number, s: PathSearchSettings): number[] {
  const rng = new Xoshiro128(2006, m);
  const K = s.harmonics, f = s.seedFrequenciesRadS;
  const omega = m <= f.length ? f[m - 1] : nRadS * (0.3 + 1.7 * rng.uniform());
  const kCentre = (omega * durationS) / Math.PI;
  const x = new Array<number>(3 * K + (s.initialMomentum === 'free' ? 3 : 0)).fill(0);
  const D = Math.PI / 180;
  const amplitudeRad = [(10 + 35 * rng.uniform()) * D, (2 + 8 * rng.uniform()) * D, (2 + 8 * rng.uniform()) * D];
  for (let axis = 0; axis < 3; axis++) {
    for (let k = 1; k <= K; k++) x[axis * K + k - 1] = amplitudeRad[axis] * Math.exp(-(((k - kCentre) / 1.5) ** 2)) * rng.normal();
  }
  return x;
}

/** Minimises the peak CMG momentum at one duration from the caller's start and the seeded ones; returns the best by true peak. */
export function searchPathAtDuration(st: AttitudeStation, env: OrbitEnvironment, from: YawPitchRoll, to: YawPitchRoll, durationS: number, start: readonly number[], s: PathSearchSettings): PathTrial {
  const grid = pathGrid(env, durationS, s.gridStepS);
  const cap = cmgCapacityNms(st.cmg), tauMax = cmgTorqueLimitNm(st.cmg);
  const pathOf = (x: readonly number[]) => harmonicPath(from, to, durationS, s.harmonics, decodePathVariables(x, s, cap).c);
  const run = (x: readonly number[], surface?: Float64Array) => pathMomentum(st, pathOf(x), grid, decodePathVariables(x, s, cap).h0, surface);
  const hinge2 = (v: number) => (v > 0 ? v * v : 0);
  const score = (m: PathMomentum, p: number) => softPeak(m.momentumNms, p) / cap + 10 * hinge2(m.peakTorqueNm / tauMax - 1) + 10 * hinge2(m.endMomentumNms / cap - s.endLimit);
  const merit = (m: PathMomentum) => m.peakMomentumNms / cap + 10 * hinge2(m.peakTorqueNm / tauMax - 1) + 10 * hinge2(m.endMomentumNms / cap - s.endLimit);
  const starts = [start.slice()];
  if (start.some((v) => v !== 0)) starts.push(new Array<number>(start.length).fill(0));
  for (let m = 1; m < s.starts; m++) starts.push(seedShape(m, durationS, grid.nRadS, s));
  let best: PathTrial | null = null, bestMerit = Infinity;
  for (const x0 of starts) {
    let x = x0;
    for (const p of [8, 32, 128]) {
      const f = (v: number[]) => score(run(v), p);
      // The gradient holds the aero/solar torque track at the base point (a few N·m against tens of
      // gravity-gradient and gyroscopic: a slightly inexact gradient at a fraction of the cost; the line
      // search judges the exact objective).
      const grad = (v: number[]) => {
        const surface = surfaceTorqueTrack(st, pathOf(v), grid);
        const g = forwardDifferenceGradient((u) => score(run(u, surface), p), v);
        return { f: f(v), g: g.g };
      };
      // Steps of at most 5° (the size of the TEA offsets the torques call for).
      x = bfgs(f, grad, x, { maxIterations: s.iterations, maxFirstStep: (5 * Math.PI) / 180, fRelTol: 1e-7 }).x;
    }
    const m = run(x), v = merit(m);
    if (v < bestMerit) { bestMerit = v; best = { durationS, x, m }; }
  }
  return best!;
}
