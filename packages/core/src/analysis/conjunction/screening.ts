/**
 * The screening entry points (single thread; the Node worker-thread runner is in
 * node/screeningParallel.ts and runs the same shards).
 *
 *   const result = screenCatalog(tles, { start, durationSeconds: 7 * 86400, thresholdKm: 5, primary: issIndex });
 *
 * Finds every local minimum of the distance below the threshold between the primary (or, without
 * one, every pair) and the catalogue, each object propagated by SGP4 from its own element set.
 */
import type { Sgp4Source } from '../../propagation/index.js';
import { Epoch } from '../../foundation/time/epoch.js';
import { findAttachedPairs, findAttachedToPrimary } from './attached.js';
import type { AttachedPair } from './events.js';
import { mergeShardResults, planPairShards, planPrimaryShards, type ScreeningGrid, type ScreeningResult, type ScreeningShard } from './shard.js';
import { runShard } from './screenShard.js';
import { Sgp4Trajectories, type TrajectorySet } from './trajectories.js';

/**
 * Grid steps, s. Primary mode has no grid cost, so a long step (fewer propagations) wins until
 * refinement dominates: on the ISS against the 2022-07-15 catalogue, 600 s takes a third of the
 * CPU time of 120 s (docs/screening.md). All-vs-all balances propagation (∝ 1/h) against grid
 * neighbours and refinement (they grow with h): on the same catalogue 30–40 s is the minimum,
 * 17 % below 20 s and 60 s.
 */
export const DEFAULT_PRIMARY_STEP_S = 600;
export const DEFAULT_PAIRS_STEP_S = 30;
/**
 * Longest step allowed. The bounds hold at any step (the speed margin is A·h and the Taylor pad
 * A·(h/2)² for the step in use); past 600 s the Taylor pad exceeds 1,000 km and filters little.
 */
export const MAX_STEP_S = 600;

export interface ScreeningOptions {
  readonly start: Epoch;
  readonly durationSeconds: number;
  readonly thresholdKm: number;
  /** Catalogue index of the primary; absent: all pairs. */
  readonly primary?: number;
  /** Grid step, s (default 120 with a primary, 20 for all pairs; at most 120). */
  readonly stepSeconds?: number;
}

export interface ScreeningPlan {
  readonly shards: ScreeningShard[];
  readonly attached: AttachedPair[];
}

export function screeningGrid(options: ScreeningOptions): ScreeningGrid {
  const step = options.stepSeconds ?? (options.primary === undefined ? DEFAULT_PAIRS_STEP_S : DEFAULT_PRIMARY_STEP_S);
  if (!(step > 0 && step <= MAX_STEP_S)) throw new RangeError(`screening step must be in (0, ${MAX_STEP_S}] s, got ${step}`);
  if (!(options.durationSeconds > 0) || !Number.isFinite(options.durationSeconds)) {
    throw new RangeError(`screening duration must be positive, got ${options.durationSeconds} s`);
  }
  if (!(options.thresholdKm > 0) || !Number.isFinite(options.thresholdKm)) {
    throw new RangeError(`screening threshold must be positive, got ${options.thresholdKm} km`);
  }
  return {
    startTai: { mjdDay: options.start.taiMjdDay, secondsOfDay: options.start.taiSecondsOfDay },
    durationSeconds: options.durationSeconds,
    stepSeconds: step,
  };
}

export function gridStart(grid: ScreeningGrid): Epoch {
  return Epoch.fromTai(grid.startTai.mjdDay, grid.startTai.secondsOfDay);
}

/**
 * Find attached objects and cut the work into shards (`timeSlices` time windows × `objectChunks`
 * catalogue ranges, or pair blocks without a primary). `traj` must be relative to options.start.
 */
export function planScreening(traj: TrajectorySet, options: ScreeningOptions, timeSlices = 1, objectChunks = 1): ScreeningPlan {
  const grid = screeningGrid(options);
  if (options.primary !== undefined) {
    const p = options.primary;
    if (!Number.isInteger(p) || p < 0 || p >= traj.count) throw new RangeError(`primary index ${p} is not in the catalogue (0…${traj.count - 1})`);
    const attached = findAttachedToPrimary(traj, p, 0);
    const excluded = attached.map((a) => (a.object1 === p ? a.object2 : a.object1));
    const shards = planPrimaryShards({ grid, thresholdKm: options.thresholdKm, primary: p, excluded }, traj.count, timeSlices, objectChunks);
    return { shards, attached };
  }
  const attached = findAttachedPairs(traj, 0);
  const excludedPairs = attached.map((a) => [a.object1, a.object2] as const);
  return { shards: planPairShards({ grid, thresholdKm: options.thresholdKm, excludedPairs }, traj.count, timeSlices, objectChunks), attached };
}

/** Screen trajectories given relative to options.start, on this thread. */
export function screenTrajectories(traj: TrajectorySet, options: ScreeningOptions): ScreeningResult {
  const plan = planScreening(traj, options);
  return mergeShardResults(plan.shards.map((s) => runShard(traj, s)), plan.attached);
}

/** Screen a catalogue of element sets (TLE lines or mean elements), on this thread. */
export function screenCatalog(sources: readonly Sgp4Source[], options: ScreeningOptions): ScreeningResult {
  return screenTrajectories(new Sgp4Trajectories(sources, options.start), options);
}
