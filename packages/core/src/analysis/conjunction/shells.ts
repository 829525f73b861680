/**
 * Apogee/perigee ("shell") filter: two objects can only meet where their radial ranges overlap.
 * An object's range over a window is taken from the osculating perigee a(1 − e) and apogee
 * a(1 + e) of its SGP4 states at five instants spread over the window (start, quarter points,
 * end), widened by a pad (SHELL_PAD_KM + SHELL_PAD_FRACTION·r) for what osculating elements at five instants do not see: J2
 * short-period motion of the osculating a and e (≈ ±10 km in LEO), J3 long-period terms (≈ 7 km)
 * and decay between the instants. docs/screening.md gives the catalogue check of the pad.
 */
import { isSaneState, MU_KM3_S2 } from './bounds.js';
import { allocateSampleBlock, type TrajectorySet } from './trajectories.js';

/**
 * Widening of each object's radial range: SHELL_PAD_KM + SHELL_PAD_FRACTION × radius. Checked on
 * the 2022-07-15 catalogue over 7 days at 30-s samples (docs/screening.md): the largest excess of
 * the true radius over the unpadded range is 22 km for LEO orbits and 43 km at a GTO apogee
 * (35,600 km), against pads of 44 km and 101 km there.
 */
export const SHELL_PAD_KM = 30;
export const SHELL_PAD_FRACTION = 0.002;

/** Radial range of one object over a window, km from the Earth's centre. */
export interface Shell {
  readonly loKm: number;
  readonly hiKm: number;
}

/** Range for an object whose states could not all be evaluated: overlaps everything (the grid samples decide). */
export const UNKNOWN_SHELL: Shell = { loKm: 0, hiKm: Infinity };

/** Osculating perigee and apogee radii (km) of a state, written to out[0], out[1]; false for an unbound or degenerate state. */
export function osculatingApsides(s: ArrayLike<number>, off: number, out: Float64Array): boolean {
  const x = s[off], y = s[off + 1], z = s[off + 2], vx = s[off + 3], vy = s[off + 4], vz = s[off + 5];
  const r = Math.hypot(x, y, z);
  const v2 = vx * vx + vy * vy + vz * vz;
  const inv = 2 / r - v2 / MU_KM3_S2;
  if (!(inv > 0)) return false;
  const a = 1 / inv;
  const hx = y * vz - z * vy, hy = z * vx - x * vz, hz = x * vy - y * vx;
  const p = (hx * hx + hy * hy + hz * hz) / MU_KM3_S2;
  const e = Math.sqrt(Math.max(0, 1 - p / a));
  out[0] = a * (1 - e);
  out[1] = a * (1 + e);
  return true;
}

/** Shell of object i over [t0, t1] (seconds after the reference), padded. */
export function objectShell(traj: TrajectorySet, i: number, t0: number, t1: number, pad = true): Shell {
  const s = new Float64Array(6);
  const ap = new Float64Array(2);
  let lo = Infinity;
  let hi = -Infinity;
  for (let q = 0; q <= 4; q++) {
    const t = t0 + ((t1 - t0) * q) / 4;
    if (!traj.stateAt(i, t, s) || !isSaneState(s[0], s[1], s[2], s[3], s[4], s[5]) || !osculatingApsides(s, 0, ap)) return UNKNOWN_SHELL;
    lo = Math.min(lo, ap[0]);
    hi = Math.max(hi, ap[1]);
  }
  if (!pad) return { loKm: lo, hiKm: hi };
  return { loKm: lo - SHELL_PAD_KM - SHELL_PAD_FRACTION * lo, hiKm: hi + SHELL_PAD_KM + SHELL_PAD_FRACTION * hi };
}

/** The two radial ranges come within `gapKm` of each other. */
export function shellsOverlap(a: Shell, b: Shell, gapKm: number): boolean {
  return a.loKm <= b.hiKm + gapKm && b.loKm <= a.hiKm + gapKm;
}

/** Shells of many objects at once (one batched propagation at the five instants). */
export function objectShells(traj: TrajectorySet, indices: Int32Array, t0: number, t1: number): Shell[] {
  const times = Float64Array.from([0, 1, 2, 3, 4], (q) => t0 + ((t1 - t0) * q) / 4);
  const block = allocateSampleBlock(indices.length, 5);
  traj.sample(indices, times, block);
  const s = new Float64Array(6);
  const ap = new Float64Array(2);
  const out: Shell[] = new Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let q = 0; q < 5 && lo === lo; q++) {
      const k = r * 5 + q;
      for (let c = 0; c < 3; c++) {
        s[c] = block.positionKm[3 * k + c];
        s[3 + c] = block.velocityKmPerS[3 * k + c];
      }
      if (block.errors[k] !== 0 || !isSaneState(s[0], s[1], s[2], s[3], s[4], s[5]) || !osculatingApsides(s, 0, ap)) lo = NaN;
      else {
        lo = Math.min(lo, ap[0]);
        hi = Math.max(hi, ap[1]);
      }
    }
    out[r] = lo === lo ? { loKm: lo - SHELL_PAD_KM - SHELL_PAD_FRACTION * lo, hiKm: hi + SHELL_PAD_KM + SHELL_PAD_FRACTION * hi } : UNKNOWN_SHELL;
  }
  return out;
}
