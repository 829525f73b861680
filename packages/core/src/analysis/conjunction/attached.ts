/**
 * Attached objects: vehicles docked to a station are catalogued with the station's own (often a
 * day older) element set, so they "approach" it all the time. Rule: two objects are attached when
 * their distance stays at or below ATTACHED_DISTANCE_KM at every ATTACHED_SAMPLE_S sample through
 * one orbital period (the longer of the two) from the window start. They are reported once and
 * their pair is not screened. A free flyer that close for a full orbit is co-orbital with the
 * station to the accuracy of TLEs (1–10 km), which TLE screening cannot tell from docked.
 *
 * Chosen from the 2022-07-15 catalogue: the five vehicles carrying the ISS's 2022-07-14 elements
 * (Nauka, Progress MS-19/-20, Soyuz MS-21, Dragon Freedom) stay within 2.3–6.2 km of the ISS's
 * own set through the first day and drift to 63 km by day 7 (the two sets' drag terms differ),
 * while the nearest free flyer sharing the orbit never comes within 17 km.
 */
import { isSaneState, MU_KM3_S2 } from './bounds.js';
import type { AttachedPair } from './events.js';
import { SpatialHashGrid } from './spatialGrid.js';
import { allocateSampleBlock, type TrajectorySet } from './trajectories.js';

export const ATTACHED_DISTANCE_KM = 25;
export const ATTACHED_SAMPLE_S = 60;

function periodSeconds(s: Float64Array): number {
  const r = Math.hypot(s[0], s[1], s[2]);
  const v2 = s[3] * s[3] + s[4] * s[4] + s[5] * s[5];
  const a = 1 / (2 / r - v2 / MU_KM3_S2);
  return a > 0 ? 2 * Math.PI * Math.sqrt((a * a * a) / MU_KM3_S2) : Infinity;
}

/** The attached record of objects i < j from t0 on, or undefined when they are not attached. */
export function attachedPair(traj: TrajectorySet, i: number, j: number, t0: number): AttachedPair | undefined {
  const a = new Float64Array(6);
  const b = new Float64Array(6);
  if (!traj.stateAt(i, t0, a) || !traj.stateAt(j, t0, b)) return undefined;
  const period = Math.max(periodSeconds(a), periodSeconds(b));
  if (!Number.isFinite(period)) return undefined;
  let max = 0;
  let min = Infinity;
  const samples = Math.ceil(period / ATTACHED_SAMPLE_S);
  for (let k = 0; k <= samples; k++) {
    const t = t0 + k * ATTACHED_SAMPLE_S;
    if (!traj.stateAt(i, t, a) || !traj.stateAt(j, t, b)) return undefined;
    const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    if (!(d <= ATTACHED_DISTANCE_KM)) return undefined;
    if (d > max) max = d;
    if (d < min) min = d;
  }
  return { object1: Math.min(i, j), object2: Math.max(i, j), maxDistanceKm: max, minDistanceKm: min };
}

/** Objects attached to `primary` (checked: those within the distance at t0). */
export function findAttachedToPrimary(traj: TrajectorySet, primary: number, t0: number): AttachedPair[] {
  const n = traj.count;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const block = allocateSampleBlock(n, 1);
  traj.sample(idx, Float64Array.of(t0), block);
  const p = block.positionKm;
  const out: AttachedPair[] = [];
  if (block.errors[primary] !== 0) return out;
  const o = 3 * primary;
  for (let i = 0; i < n; i++) {
    if (i === primary || block.errors[i] !== 0) continue;
    const dx = p[3 * i] - p[o], dy = p[3 * i + 1] - p[o + 1], dz = p[3 * i + 2] - p[o + 2];
    if (!(dx * dx + dy * dy + dz * dz <= ATTACHED_DISTANCE_KM * ATTACHED_DISTANCE_KM)) continue;
    const pair = attachedPair(traj, primary, i, t0);
    if (pair) out.push(pair);
  }
  return out;
}

/** All attached pairs of the catalogue (candidates: pairs within the distance at t0, found on a grid). */
export function findAttachedPairs(traj: TrajectorySet, t0: number): AttachedPair[] {
  const n = traj.count;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const block = allocateSampleBlock(n, 1);
  traj.sample(idx, Float64Array.of(t0), block);
  const valid = new Uint8Array(n);
  const p = block.positionKm;
  const v = block.velocityKmPerS;
  for (let i = 0; i < n; i++) {
    valid[i] = block.errors[i] === 0 && isSaneState(p[3 * i], p[3 * i + 1], p[3 * i + 2], v[3 * i], v[3 * i + 1], v[3 * i + 2]) ? 1 : 0;
  }
  const grid = new SpatialHashGrid();
  grid.build(p, 3, 0, n, valid, ATTACHED_DISTANCE_KM);
  const out: AttachedPair[] = [];
  for (let i = 0; i < n; i++) {
    if (valid[i] === 0) continue;
    grid.forNeighbours(i, 1, (j) => {
      if (j <= i) return;
      const d = Math.hypot(p[3 * j] - p[3 * i], p[3 * j + 1] - p[3 * i + 1], p[3 * j + 2] - p[3 * i + 2]);
      if (d > ATTACHED_DISTANCE_KM) return;
      const pair = attachedPair(traj, i, j, t0);
      if (pair) out.push(pair);
    });
  }
  return out;
}
