/**
 * Runs one screening shard (shard.ts) on a set of trajectories: the filter chain
 *   shells (apogee/perigee) → time grid with the speed bound (spatial hash grid for pairs) →
 *   Taylor bound → refinement (tca.ts),
 * isomorphic (no Node APIs), allocation-free in the per-sample loops except for events.
 */
import { sgp4ErrorMessage } from '../../propagation/sgp4/errors.js';
import { ACCEL_BOUND_KM_S2, isSaneState, segmentMinDistance, taylorPadKm } from './bounds.js';
import { emptyStats, type CloseApproach, type ScreeningStats, type SkippedObject } from './events.js';
import { gridTime, type PairBlockShard, type PrimaryShard, type ScreeningShard, type ShardResult } from './shard.js';
import { objectShell, objectShells, shellsOverlap, type Shell } from './shells.js';
import { CellList } from './cellList.js';
import { PairRefiner } from './tca.js';
import { allocateSampleBlock, type SampleBlock, type TrajectorySet } from './trajectories.js';

/** Object-samples per propagated block (≈ 48 bytes each: 72 MB at most). */
const BLOCK_OBJECT_SAMPLES = 1_500_000;
/** Grid steps per propagated block in all-pairs mode: short blocks keep the sample block in cache. */
const PAIR_BLOCK_STEPS = 16;
/** Typical speed that sizes the grid cells, km/s (LEO circular ≤ 7.8; faster objects scan more cells). */
const GRID_TYPICAL_SPEED_KM_S = 7.9;

export function runShard(traj: TrajectorySet, shard: ScreeningShard): ShardResult {
  if (!(shard.thresholdKm > 0)) throw new RangeError(`screening threshold must be positive, got ${shard.thresholdKm} km`);
  if (!(shard.grid.stepSeconds > 0) || !(shard.grid.durationSeconds > 0)) {
    throw new RangeError(`screening grid needs positive step and duration, got ${shard.grid.stepSeconds} s / ${shard.grid.durationSeconds} s`);
  }
  return shard.kind === 'primary' ? runPrimary(traj, shard) : runPairs(traj, shard);
}

/** Validity, speed bound per sample, and the first unusable sample of each row. */
class BlockState {
  valid: Uint8Array = new Uint8Array(0);
  /** |v_SGP4| + mismatch + A·h: bound on |ṙ| over both intervals next to the sample. */
  vloc: Float64Array = new Float64Array(0);
  block: SampleBlock | undefined;

  prepare(traj: TrajectorySet, indices: Int32Array, times: Float64Array, stepSeconds: number): SampleBlock {
    const n = indices.length;
    const m = times.length;
    if (this.block === undefined || this.block.times !== m || this.block.objects < n) this.block = allocateSampleBlock(n, m);
    const b = this.block;
    traj.sample(indices, times, b);
    if (this.valid.length < n * m) {
      this.valid = new Uint8Array(n * m);
      this.vloc = new Float64Array(n * m);
    }
    const p = b.positionKm;
    const v = b.velocityKmPerS;
    for (let r = 0; r < n; r++) {
      const extra = traj.velocityMismatchKmS(indices[r]) + ACCEL_BOUND_KM_S2 * stepSeconds;
      for (let j = 0; j < m; j++) {
        const k = r * m + j;
        const o = 3 * k;
        const ok = b.errors[k] === 0 && isSaneState(p[o], p[o + 1], p[o + 2], v[o], v[o + 1], v[o + 2]);
        this.valid[k] = ok ? 1 : 0;
        this.vloc[k] = ok ? Math.sqrt(v[o] * v[o] + v[o + 1] * v[o + 1] + v[o + 2] * v[o + 2]) + extra : NaN;
      }
    }
    return b;
  }
}

function recordSkips(state: BlockState, b: SampleBlock, indices: Int32Array, times: Float64Array, skipped: Map<number, SkippedObject>): void {
  const m = times.length;
  for (let r = 0; r < indices.length; r++) {
    if (skipped.has(indices[r])) continue;
    for (let j = 0; j < m; j++) {
      const k = r * m + j;
      if (state.valid[k] === 1) continue;
      const code = b.errors[k];
      skipped.set(indices[r], {
        object: indices[r],
        fromSeconds: times[j],
        reason: code !== 0 ? `SGP4 error ${code}: ${sgp4ErrorMessage(code)}` : 'SGP4 state not physical (below the Earth\'s surface or faster than escape speed)',
      });
      break;
    }
  }
}

function blockTimesFor(shard: ScreeningShard, kb: number, ke: number, times: Float64Array): Float64Array {
  const m = ke - kb + 1;
  const t = times.length === m ? times : new Float64Array(m);
  for (let j = 0; j < m; j++) t[j] = gridTime(shard.grid, kb + j);
  return t;
}

/** Squared relative distance between rows r1, r2 at sample j (Math.hypot is slow in V8). */
function distance2(p: Float64Array, m: number, r1: number, r2: number, j: number): number {
  const a = 3 * (r1 * m + j);
  const b = 3 * (r2 * m + j);
  const x = p[b] - p[a];
  const y = p[b + 1] - p[a + 1];
  const z = p[b + 2] - p[a + 2];
  return x * x + y * y + z * z;
}

function distance(p: Float64Array, m: number, r1: number, r2: number, j: number): number {
  return Math.sqrt(distance2(p, m, r1, r2, j));
}

/**
 * Bound on the relative speed |ṙ₂ − ṙ₁| over either interval next to sample j of rows r1, r2:
 * the sampled relative SGP4 velocity, plus both velocity mismatches, plus 2A·h (each object's
 * velocity changes by at most A per second). Never larger than the sum of the two speed bounds
 * (triangle inequality), and much smaller for objects flying together.
 */
function relativeSpeedBound(traj: TrajectorySet, v: Float64Array, m: number, r1: number, r2: number, g1: number, g2: number, j: number, step: number): number {
  const a = 3 * (r1 * m + j);
  const b = 3 * (r2 * m + j);
  const x = v[b] - v[a];
  const y = v[b + 1] - v[a + 1];
  const z = v[b + 2] - v[a + 2];
  return Math.sqrt(x * x + y * y + z * z) + traj.velocityMismatchKmS(g1) + traj.velocityMismatchKmS(g2) + 2 * ACCEL_BOUND_KM_S2 * step;
}

/**
 * Coarse (speed) and Taylor tests of the interval [j, j+1] for rows r1, r2, then refinement.
 * vPair bounds |ṙ| of the pair over the interval.
 */
function testInterval(
  traj: TrajectorySet,
  b: SampleBlock,
  m: number,
  r1: number,
  r2: number,
  g1: number,
  g2: number,
  j: number,
  times: Float64Array,
  vPair: number,
  dj: number,
  dj1: number,
  thr: number,
  step: number,
  stats: ScreeningStats,
  refiner: PairRefiner,
  out: CloseApproach[],
): void {
  const len = times[j + 1] - times[j];
  if (dj + dj1 > 2 * thr + vPair * len) return;
  stats.coarseCandidates++;
  const half = 0.5 * len;
  const pad = taylorPadKm(half, traj.velocityMismatchKmS(g1) + traj.velocityMismatchKmS(g2));
  const p = b.positionKm;
  const v = b.velocityKmPerS;
  const a0 = 3 * (r1 * m + j);
  const b0 = 3 * (r2 * m + j);
  const dA = segmentMinDistance(p[b0] - p[a0], p[b0 + 1] - p[a0 + 1], p[b0 + 2] - p[a0 + 2], v[b0] - v[a0], v[b0 + 1] - v[a0 + 1], v[b0 + 2] - v[a0 + 2], half);
  if (dA > thr + pad) {
    const a1 = a0 + 3;
    const b1 = b0 + 3;
    const dB = segmentMinDistance(p[b1] - p[a1], p[b1 + 1] - p[a1 + 1], p[b1 + 2] - p[a1 + 2], v[b1] - v[a1], v[b1 + 1] - v[a1 + 1], v[b1 + 2] - v[a1 + 2], -half);
    if (dB > thr + pad) return;
  }
  stats.refinedIntervals++;
  refiner.refine(g1, g2, times[j], times[j + 1], thr, step, out);
}

function runPrimary(traj: TrajectorySet, shard: PrimaryShard): ShardResult {
  const stats = emptyStats();
  const { grid, thresholdKm: thr, primary } = shard;
  const t0 = gridTime(grid, shard.fromStep);
  const t1 = gridTime(grid, shard.toStep);
  const excluded = new Set(shard.excluded);
  const pShell = objectShell(traj, primary, t0, t1);
  const rows: number[] = [primary];
  const others: number[] = [];
  for (let i = shard.secondaryFrom; i < shard.secondaryTo; i++) if (i !== primary && !excluded.has(i)) others.push(i);
  const otherShells = objectShells(traj, Int32Array.from(others), t0, t1);
  others.forEach((i, q) => {
    if (shellsOverlap(pShell, otherShells[q], thr)) rows.push(i);
  });
  stats.shellSurvivors = rows.length - 1;
  const indices = Int32Array.from(rows);
  const n = indices.length;
  const approaches: CloseApproach[] = [];
  const skipped = new Map<number, SkippedObject>();
  const refiner = new PairRefiner(traj);
  const state = new BlockState();
  const perBlock = Math.max(8, Math.floor(BLOCK_OBJECT_SAMPLES / n) - 1);
  let times: Float64Array = new Float64Array(0);
  for (let kb = shard.fromStep; kb < shard.toStep; kb += perBlock) {
    const ke = Math.min(kb + perBlock, shard.toStep);
    times = blockTimesFor(shard, kb, ke, times);
    const m = times.length;
    const b = state.prepare(traj, indices, times, grid.stepSeconds);
    stats.gridPropagations += n * m;
    recordSkips(state, b, indices, times, skipped);
    const valid = state.valid;
    const vloc = state.vloc;
    for (let r = 1; r < n; r++) {
      const g = indices[r];
      let dPrev = valid[r * m] === 1 && valid[0] === 1 ? distance(b.positionKm, m, 0, r, 0) : NaN;
      for (let j = 0; j + 1 < m; j++) {
        const dNext = valid[r * m + j + 1] === 1 && valid[j + 1] === 1 ? distance(b.positionKm, m, 0, r, j + 1) : NaN;
        if (dPrev === dPrev && dNext === dNext) {
          const vPair = relativeSpeedBound(traj, b.velocityKmPerS, m, 0, r, primary, g, j, grid.stepSeconds);
          testInterval(traj, b, m, 0, r, primary, g, j, times, vPair, dPrev, dNext, thr, kb + j, stats, refiner, approaches);
        }
        dPrev = dNext;
      }
    }
  }
  stats.refinementEvaluations = refiner.evaluations;
  return { approaches, skipped: [...skipped.values()], stats };
}

/** The pair blocks' objects whose shells meet another one's (sorted by perigee: an object meets an earlier one iff it meets the one reaching highest). */
function pairShellSurvivors(traj: TrajectorySet, shard: PairBlockShard, t0: number, t1: number): { indices: Int32Array; lo: Float64Array; hi: Float64Array } {
  const { thresholdKm: thr } = shard;
  const all: number[] = [];
  for (let i = Math.min(shard.aFrom, shard.bFrom); i < Math.max(shard.aTo, shard.bTo); i++) if (inRange(i, shard.aFrom, shard.aTo) || inRange(i, shard.bFrom, shard.bTo)) all.push(i);
  const shellOf = new Map<number, Shell>();
  const allShells = objectShells(traj, Int32Array.from(all), t0, t1);
  all.forEach((i, q) => shellOf.set(i, allShells[q]));
  const byLo = [...all].sort((x, y) => (shellOf.get(x) as Shell).loKm - (shellOf.get(y) as Shell).loKm);
  const keep = new Set<number>();
  let maxHi = -Infinity;
  let maxHiObj = -1;
  for (const i of byLo) {
    const s = shellOf.get(i) as Shell;
    if (maxHiObj >= 0 && maxHi + thr >= s.loKm) {
      keep.add(i);
      keep.add(maxHiObj);
    }
    if (s.hiKm > maxHi) {
      maxHi = s.hiKm;
      maxHiObj = i;
    }
  }
  const indices = Int32Array.from(all.filter((i) => keep.has(i)));
  const lo = Float64Array.from(indices, (i) => (shellOf.get(i) as Shell).loKm);
  const hi = Float64Array.from(indices, (i) => (shellOf.get(i) as Shell).hiKm);
  return { indices, lo, hi };
}

function inRange(i: number, from: number, to: number): boolean {
  return i >= from && i < to;
}

/** Per-step positions and speed bounds, gathered from a sample block into contiguous arrays. */
class StepArrays {
  x = new Float64Array(0);
  y = new Float64Array(0);
  z = new Float64Array(0);
  w = new Float64Array(0);
  valid = new Uint8Array(0);

  gather(b: SampleBlock, state: BlockState, n: number, m: number, j: number): void {
    if (this.x.length < n) {
      this.x = new Float64Array(n);
      this.y = new Float64Array(n);
      this.z = new Float64Array(n);
      this.w = new Float64Array(n);
      this.valid = new Uint8Array(n);
    }
    const p = b.positionKm;
    for (let q = 0; q < n; q++) {
      const k = q * m + j;
      this.valid[q] = state.valid[k];
      this.x[q] = p[3 * k];
      this.y[q] = p[3 * k + 1];
      this.z[q] = p[3 * k + 2];
      this.w[q] = state.vloc[k];
    }
  }
}

function runPairs(traj: TrajectorySet, shard: PairBlockShard): ShardResult {
  const stats = emptyStats();
  const { grid, thresholdKm: thr } = shard;
  const t0 = gridTime(grid, shard.fromStep);
  const t1 = gridTime(grid, shard.toStep);
  const { indices, lo: shellLo, hi: shellHi } = pairShellSurvivors(traj, shard, t0, t1);
  const n = indices.length;
  stats.shellSurvivors = n;
  const count = traj.count;
  const excluded = new Set<number>();
  for (const [i, j] of shard.excludedPairs) excluded.add(Math.min(i, j) * count + Math.max(i, j));
  const crossBlocks = (lo: number, hi: number): boolean =>
    (inRange(lo, shard.aFrom, shard.aTo) && inRange(hi, shard.bFrom, shard.bTo)) || (inRange(hi, shard.aFrom, shard.aTo) && inRange(lo, shard.bFrom, shard.bTo));

  const approaches: CloseApproach[] = [];
  const skipped = new Map<number, SkippedObject>();
  const refiner = new PairRefiner(traj);
  const state = new BlockState();
  const cells = new CellList();
  const step = new StepArrays();
  const found = new Int32Array(Math.max(1, n));
  const foundD2 = new Float64Array(Math.max(1, n));
  const h = grid.stepSeconds;
  const cellKm = thr + (GRID_TYPICAL_SPEED_KM_S + 0.05 + ACCEL_BOUND_KM_S2 * h) * h;
  const perBlock = Math.max(2, Math.min(PAIR_BLOCK_STEPS, Math.floor(BLOCK_OBJECT_SAMPLES / Math.max(1, n)) - 1));
  let times: Float64Array = new Float64Array(0);
  for (let kb = shard.fromStep; kb < shard.toStep; kb += perBlock) {
    const ke = Math.min(kb + perBlock, shard.toStep);
    times = blockTimesFor(shard, kb, ke, times);
    const m = times.length;
    const b = state.prepare(traj, indices, times, h);
    stats.gridPropagations += n * m;
    recordSkips(state, b, indices, times, skipped);
    const valid = state.valid;
    const pos = b.positionKm;
    for (let j = 0; j < m; j++) {
      step.gather(b, state, n, m, j);
      cells.build(step.x, step.y, step.z, step.w, step.valid, n, cellKm);
      for (let e = 0; e < cells.count; e++) {
        const r = cells.item[e];
        const reach = cells.w[e] * h + thr;
        const k = cells.ownedNeighbours(e, reach, found, foundD2);
        const gr = indices[r];
        for (let t = 0; t < k; t++) {
          const q = cells.item[found[t]];
          const gq = indices[q];
          const lo = gr < gq ? gr : gq;
          const hi = gr < gq ? gq : gr;
          if (!crossBlocks(lo, hi)) continue;
          if (shellLo[r] > shellHi[q] + thr || shellLo[q] > shellHi[r] + thr) continue;
          if (excluded.size > 0 && excluded.has(lo * count + hi)) continue;
          const r1 = gr < gq ? r : q;
          const r2 = gr < gq ? q : r;
          const d = Math.sqrt(foundD2[t]);
          // Each interval is tested from its nearer end (ties: the left end).
          if (j + 1 < m && valid[r * m + j + 1] === 1 && valid[q * m + j + 1] === 1) {
            const dn = distance(pos, m, r, q, j + 1);
            if (d <= dn) {
              const vPair = relativeSpeedBound(traj, b.velocityKmPerS, m, r1, r2, lo, hi, j, h);
              testInterval(traj, b, m, r1, r2, lo, hi, j, times, vPair, d, dn, thr, kb + j, stats, refiner, approaches);
            }
          }
          if (j > 0 && valid[r * m + j - 1] === 1 && valid[q * m + j - 1] === 1) {
            const dp = distance(pos, m, r, q, j - 1);
            if (d < dp) {
              const vPair = relativeSpeedBound(traj, b.velocityKmPerS, m, r1, r2, lo, hi, j, h);
              testInterval(traj, b, m, r1, r2, lo, hi, j - 1, times, vPair, dp, d, thr, kb + j - 1, stats, refiner, approaches);
            }
          }
        }
      }
    }
  }
  stats.refinementEvaluations = refiner.evaluations;
  return { approaches, skipped: [...skipped.values()], stats };
}
