/**
 * Units of screening work. A shard is (objects or pair block, time window) → events, and holds
 * only plain numbers so that it can be posted to a worker thread or a job queue as JSON. Every
 * shard of one screening shares the same time grid t_k = min(k·h, duration) from the same start,
 * and owns the grid intervals [t_k, t_{k+1}] with fromStep ≤ k < toStep; an approach belongs to
 * the interval whose range-rate sign change brackets it, so it is found by exactly one shard and
 * merging is concatenation (plus a key check).
 */
import { compareApproaches, type AttachedPair, type CloseApproach, type ScreeningStats, type SkippedObject, addStats, emptyStats } from './events.js';

/** The common time grid. */
export interface ScreeningGrid {
  /** Start of the screening (t = 0) as TAI MJD day and seconds of that day. */
  readonly startTai: { readonly mjdDay: number; readonly secondsOfDay: number };
  readonly durationSeconds: number;
  readonly stepSeconds: number;
}

interface ShardCommon {
  readonly grid: ScreeningGrid;
  readonly thresholdKm: number;
  /** Owned grid intervals: fromStep ≤ k < toStep. */
  readonly fromStep: number;
  readonly toStep: number;
}

/** One object against a range of the catalogue. */
export interface PrimaryShard extends ShardCommon {
  readonly kind: 'primary';
  readonly primary: number;
  /** Catalogue indices [from, to) screened against the primary (the primary itself is skipped). */
  readonly secondaryFrom: number;
  readonly secondaryTo: number;
  /** Catalogue indices not screened (attached to the primary). */
  readonly excluded: readonly number[];
}

/** All pairs (i < j) with i in block A and j in block B (A = B: the pairs inside one block). */
export interface PairBlockShard extends ShardCommon {
  readonly kind: 'pairs';
  readonly aFrom: number;
  readonly aTo: number;
  readonly bFrom: number;
  readonly bTo: number;
  /** Pairs [i, j] (i < j) not screened (attached). */
  readonly excludedPairs: readonly (readonly [number, number])[];
}

export type ScreeningShard = PrimaryShard | PairBlockShard;

export interface ShardResult {
  readonly approaches: CloseApproach[];
  readonly skipped: SkippedObject[];
  readonly stats: ScreeningStats;
}

/** A whole screening's result. */
export interface ScreeningResult extends ShardResult {
  readonly attached: AttachedPair[];
}

/** Number of grid intervals. */
export function gridIntervals(grid: ScreeningGrid): number {
  return Math.max(1, Math.ceil(grid.durationSeconds / grid.stepSeconds - 1e-9));
}

/** t_k, seconds after the start. */
export function gridTime(grid: ScreeningGrid, k: number): number {
  return Math.min(k * grid.stepSeconds, grid.durationSeconds);
}

/** Split [0, n) into `parts` contiguous ranges as equal as possible. */
export function splitRange(n: number, parts: number): [number, number][] {
  const p = Math.max(1, Math.min(parts, n));
  const out: [number, number][] = [];
  for (let q = 0; q < p; q++) out.push([Math.floor((n * q) / p), Math.floor((n * (q + 1)) / p)]);
  return out;
}

/** Primary against the whole catalogue (count objects), cut into time slices × object chunks. */
export function planPrimaryShards(
  base: Omit<PrimaryShard, 'kind' | 'fromStep' | 'toStep' | 'secondaryFrom' | 'secondaryTo'>,
  count: number,
  timeSlices: number,
  objectChunks = 1,
): PrimaryShard[] {
  const shards: PrimaryShard[] = [];
  for (const [fromStep, toStep] of splitRange(gridIntervals(base.grid), timeSlices)) {
    for (const [secondaryFrom, secondaryTo] of splitRange(count, objectChunks)) {
      shards.push({ ...base, kind: 'primary', fromStep, toStep, secondaryFrom, secondaryTo });
    }
  }
  return shards;
}

/** All pairs of the catalogue, cut into time slices × pair blocks (objectBlocks·(objectBlocks+1)/2 per slice). */
export function planPairShards(
  base: Omit<PairBlockShard, 'kind' | 'fromStep' | 'toStep' | 'aFrom' | 'aTo' | 'bFrom' | 'bTo'>,
  count: number,
  timeSlices: number,
  objectBlocks = 1,
): PairBlockShard[] {
  const shards: PairBlockShard[] = [];
  const blocks = splitRange(count, objectBlocks);
  for (const [fromStep, toStep] of splitRange(gridIntervals(base.grid), timeSlices)) {
    for (let a = 0; a < blocks.length; a++) {
      for (let b = a; b < blocks.length; b++) {
        shards.push({ ...base, kind: 'pairs', fromStep, toStep, aFrom: blocks[a][0], aTo: blocks[a][1], bFrom: blocks[b][0], bTo: blocks[b][1] });
      }
    }
  }
  return shards;
}

/**
 * Merge shard results: approaches sorted by TCA and pair, one per (pair, grid interval, TCA) key
 * (shards own disjoint intervals, so a duplicate means the same shard was run twice); skipped
 * objects once each, with the earliest time.
 */
export function mergeShardResults(results: readonly ShardResult[], attached: AttachedPair[] = []): ScreeningResult {
  const seen = new Set<string>();
  const approaches: CloseApproach[] = [];
  const stats = emptyStats();
  const skipped = new Map<number, SkippedObject>();
  for (const r of results) {
    addStats(stats, r.stats);
    for (const a of r.approaches) {
      const key = `${a.object1}:${a.object2}:${a.step}:${a.tcaSeconds}`;
      if (seen.has(key)) continue;
      seen.add(key);
      approaches.push(a);
    }
    for (const s of r.skipped) {
      const prev = skipped.get(s.object);
      if (prev === undefined || s.fromSeconds < prev.fromSeconds) skipped.set(s.object, s);
    }
  }
  approaches.sort(compareApproaches);
  return {
    approaches,
    skipped: [...skipped.values()].sort((a, b) => a.object - b.object),
    stats,
    attached: [...attached].sort((a, b) => a.object1 - b.object1 || a.object2 - b.object2),
  };
}
