/**
 * GCRF → ITRF rotation for many evaluations along one propagation, without paying for the full
 * FK5 chain (106-term IAU-1980 nutation, precession, EOP lookup, UTC conversion) each time.
 *
 * The rotation factors as M(t) = Wᵀ(t) · R3(θ(t)) · N(t) (module fk5.ts / earthFixed.ts):
 *   N  = (temeToGcrf)ᵀ, GCRF → TEME: precession + nutation, periods ≥ 5 days;
 *   θ  = GMST (IAU-82) with UT1 from the EOP: one turn a sidereal day;
 *   Wᵀ = polar motion, ~0.3″ over ~430 days.
 * Nodes every `nodeSpacingS` seconds hold N, Wᵀ and θ computed exactly; between two nodes N and
 * Wᵀ are interpolated linearly element by element and θ linearly as an unwrapped angle, and the
 * Earth rotation R3(θ) is then applied exactly.
 *
 * Error of the interpolation (h = node spacing): linear interpolation errs by at most h²/8 · |f″|.
 *  - N: the largest second derivatives of the IAU-1980 nutation come from the 13.66-day term
 *    (0.227″ in Δψ: 1.1e-6 rad × (2π/13.66 d)² = 3.1e-17 rad/s²), the 9.13-day and 182.6-day
 *    terms add ~1e-17; |N″| ≲ 5e-17 rad/s². h = 300 s: ≤ 5.6e-13 rad, i.e. ≤ 4 µm at ISS radius
 *    (6.8e6 m); h = 3600 s would still give ≤ 0.6 mm. Precession (linear at this scale) is exact.
 *  - θ: GMST is linear in UT1 apart from the 0.093 s·T² term (|θ″| ~ 1e-22 rad/s²) and UT1−UTC
 *    is linear between the daily EOP rows, so interpolating θ is exact to ~1e-15 rad except in the
 *    interval that straddles 0 h UTC, where the LOD change between two days (≲ 1 ms/day) bends
 *    UT1 by ≲ h/4 · ΔLOD/86400 s ≈ 1e-7 s at h = 300 s: ≤ 3e-5 m at the equator.
 *  - Wᵀ: piecewise linear already in the EOP table; same kink argument, < 1e-12 rad.
 * Total: a few µm at the ISS for the default h = 300 s; test/propagation/numerical checks < 1 mm
 * against the exact chain ({@link gcrfToItrfInto}) along an ISS orbit.
 *
 * Nodes live in a small ring keyed by node index, so the cache serves forward and backward
 * integration and the trial steps of an adaptive integrator without recomputation.
 */
import { emptyEarthOrientation, earthOrientation } from '../../foundation/frames/earthOrientation.js';
import { polarMotionMatrix } from '../../foundation/frames/earthFixed.js';
import { emptyFk5Matrices, fk5Matrices } from '../../foundation/frames/fk5.js';
import { mat3, transpose, type Mat3 } from '../../foundation/frames/mat3.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';

/** Default spacing of the exactly computed rotation nodes, s. */
export const DEFAULT_FRAME_NODE_SPACING_S = 300;

const SLOTS = 4;
const TWO_PI = 2 * Math.PI;

export class EarthRotationCache {
  /** Earth rotation rate (LOD-corrected) at the most recent query, rad/s. */
  omegaRadPerS = 0;
  /** Number of exactly computed nodes so far (for tests and statistics). */
  nodesComputed = 0;

  private readonly keys = new Float64Array(SLOTS).fill(NaN);
  /** Per slot: N (9), Wᵀ (9), θ, ω. */
  private readonly data = new Float64Array(SLOTS * 20);
  private readonly eo = emptyEarthOrientation();
  private readonly fk5 = emptyFk5Matrices();
  private readonly w = mat3();
  private readonly n = mat3();
  private readonly wt = mat3();
  private readonly rn = mat3();

  constructor(
    /** Epoch of t = 0. */
    readonly referenceEpoch: Epoch,
    readonly eop: EopSource | undefined,
    readonly nodeSpacingS: number = DEFAULT_FRAME_NODE_SPACING_S,
  ) {
    if (!(nodeSpacingS > 0) || nodeSpacingS > 21600) {
      throw new RangeError(`frame node spacing must be in (0, 21600] s, got ${nodeSpacingS}`);
    }
  }

  /** Writes M with r_ITRF = M · r_GCRF at `tSeconds` after the reference epoch into `out`. */
  matrixAt(tSeconds: number, out: Mat3): Mat3 {
    const x = tSeconds / this.nodeSpacingS;
    const k = Math.floor(x);
    const f = x - k;
    const a = this.slot(k) * 20;
    const b = this.slot(k + 1) * 20;
    const d = this.data;
    const n = this.n;
    const wt = this.wt;
    for (let i = 0; i < 9; i++) {
      n[i] = d[a + i] + f * (d[b + i] - d[a + i]);
      wt[i] = d[a + 9 + i] + f * (d[b + 9 + i] - d[a + 9 + i]);
    }
    let dTheta = d[b + 18] - d[a + 18];
    if (dTheta < 0) dTheta += TWO_PI;
    const theta = d[a + 18] + f * dTheta;
    this.omegaRadPerS = d[a + 19];
    // R3(θ)·N: rows 0 and 1 mix, row 2 stays (passive rotation, mat3.ts convention).
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const rn = this.rn;
    for (let j = 0; j < 3; j++) {
      const n0 = n[j];
      const n1 = n[3 + j];
      rn[j] = c * n0 + s * n1;
      rn[3 + j] = -s * n0 + c * n1;
      rn[6 + j] = n[6 + j];
    }
    // out = Wᵀ · (R3 N)
    for (let i = 0; i < 3; i++) {
      const w0 = wt[3 * i];
      const w1 = wt[3 * i + 1];
      const w2 = wt[3 * i + 2];
      out[3 * i] = w0 * rn[0] + w1 * rn[3] + w2 * rn[6];
      out[3 * i + 1] = w0 * rn[1] + w1 * rn[4] + w2 * rn[7];
      out[3 * i + 2] = w0 * rn[2] + w1 * rn[5] + w2 * rn[8];
    }
    return out;
  }

  /** Slot index holding node k, computing the node when absent. */
  private slot(k: number): number {
    const s = ((k % SLOTS) + SLOTS) % SLOTS;
    if (this.keys[s] !== k) {
      this.computeNode(k, s * 20);
      this.keys[s] = k;
    }
    return s;
  }

  private computeNode(k: number, offset: number): void {
    const epoch = this.referenceEpoch.plusSeconds(k * this.nodeSpacingS);
    const eo = earthOrientation(epoch, this.eop, this.eo);
    const temeToGcrf = fk5Matrices(eo, this.fk5).temeToGcrf;
    const d = this.data;
    // N = temeToGcrfᵀ
    transpose(temeToGcrf, this.n);
    d.set(this.n, offset);
    transpose(polarMotionMatrix(eo.xpRad, eo.ypRad, this.w), this.wt);
    d.set(this.wt, offset + 9);
    d[offset + 18] = eo.gmstRad;
    d[offset + 19] = eo.omegaRadPerS;
    this.nodesComputed++;
  }
}
