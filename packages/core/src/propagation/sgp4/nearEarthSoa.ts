/**
 * Near-Earth SGP4 over satellites in structure-of-arrays form: the same equations as
 * nearEarthKernel.ts (STR#3 §6 with AIAA 2006-6753), reorganised for throughput.
 *
 * - The coefficient records of all satellites are transposed once into one array per record
 *   field (field f of satellite s at `fields[f][s]`).
 * - Satellites are taken in blocks of up to {@link SOA_LANES}; for each time the block goes through
 *   stages, each a plain loop over the block's satellites ("lanes"): secular and drag terms,
 *   long-period terms, Kepler and short-period terms, the TEME state.
 * - Between stages, every angle whose sine and cosine are needed (M, M + δM, ω, u, Ω) is sent
 *   through {@link sinCosArray} for the whole block at once: one shared argument reduction and
 *   inline polynomials instead of two calls into Math.sin/Math.cos per angle.
 *
 * Kepler's equation and the short-period terms (keplerShortPeriod.ts) are the scalar code shared
 * with the other kernels, called per lane. Results agree with nearEarthKernel.ts to the last
 * bits of the trigonometric functions (test sgp4Soa.test.ts: ≤ 1 mm, identical error codes).
 */
import { sinCosArray } from '../../foundation/math/sinCosArray.js';
import { Sgp4ErrorCode } from './errors.js';
import {
  OSC_AM,
  OSC_AXNL,
  OSC_AYNL,
  OSC_CON41,
  OSC_COS_NODE,
  OSC_COS_U,
  OSC_COSI,
  OSC_INCL,
  OSC_NM,
  OSC_NODE,
  OSC_SIN_NODE,
  OSC_SIN_U,
  OSC_SINI,
  OSC_STRIDE,
  OSC_U,
  OSC_X1MTH2,
  OSC_X7THM1,
  OSC_XNODE,
  setError,
  solveKeplerShortPeriod,
  writeTemeState,
} from './keplerShortPeriod.js';
import { NEAR_EARTH_STRIDE, Sgp4RecordIndex as I } from './nearEarthKernel.js';
import { remTwoPi } from './deepSpaceKernel.js';

/** Satellites per block: the block's lane arrays and fields stay in the first-level cache. */
export const SOA_LANES = 64;

/** Per-lane values handed from one stage to the next (one Float64Array each, SOA_LANES long). */
class Lanes {
  readonly t = new Float64Array(SOA_LANES);
  readonly angle = new Float64Array(SOA_LANES);
  readonly sin = new Float64Array(SOA_LANES);
  readonly cos = new Float64Array(SOA_LANES);
  readonly argpm = new Float64Array(SOA_LANES);
  readonly mm = new Float64Array(SOA_LANES);
  readonly tempa = new Float64Array(SOA_LANES);
  readonly tempe = new Float64Array(SOA_LANES);
  readonly templ = new Float64Array(SOA_LANES);
  readonly em = new Float64Array(SOA_LANES);
  /** Each lane's record for the shared Kepler/short-period step (OSC_STRIDE doubles, OSC_* slots). */
  readonly osc = new Float64Array(SOA_LANES * OSC_STRIDE);
  /** SGP4 error code of the lane at the current time (0 while fine). */
  readonly code = new Uint8Array(SOA_LANES);
}

/** Where one block writes: per lane, the satellite, its time base and its output/time offsets. */
export interface SoaBlock {
  /** Satellite index of each lane (near-Earth satellites only). */
  readonly sat: Int32Array;
  /** Minutes from the satellite's epoch to the reference instant (0 for relative times). */
  readonly baseMin: Float64Array;
  /** Index into `times` of the lane's first time. */
  readonly timeOffset: Int32Array;
  /** Output index (state number) of the lane's first time. */
  readonly outIndex: Int32Array;
  /** Lanes in use. */
  lanes: number;
}

export function newSoaBlock(): SoaBlock {
  return { sat: new Int32Array(SOA_LANES), baseMin: new Float64Array(SOA_LANES), timeOffset: new Int32Array(SOA_LANES), outIndex: new Int32Array(SOA_LANES), lanes: 0 };
}

export class NearEarthSoa {
  /** fields[f][s]: record field f (Sgp4RecordIndex) of satellite s. */
  private readonly fields: Float64Array[];
  private readonly lanes = new Lanes();

  /** Transpose `count` records of NEAR_EARTH_STRIDE doubles (as Sgp4Batch keeps them). */
  constructor(records: Float64Array, count: number) {
    const all = new Float64Array(NEAR_EARTH_STRIDE * count);
    this.fields = [];
    for (let f = 0; f < NEAR_EARTH_STRIDE; f++) {
      const field = all.subarray(f * count, (f + 1) * count);
      for (let s = 0; s < count; s++) field[s] = records[s * NEAR_EARTH_STRIDE + f];
      this.fields.push(field);
    }
  }

  /**
   * Propagate the block's satellites to `count` times each: tsince = baseMin + times[timeOffset + k],
   * state written at outIndex + k ([sat][time] layout of Sgp4Batch), k = 0 … count−1.
   */
  propagate(block: SoaBlock, times: Float64Array, count: number, pos: Float64Array, vel: Float64Array, err: Uint8Array): void {
    const n = block.lanes;
    const L = this.lanes;
    this.fillInclinationTerms(block);
    for (let k = 0; k < count; k++) {
      this.secular(block, times, k);
      sinCosArray(L.angle, L.sin, L.cos, 0, n); // cos M (drag term δM)
      this.drag(block);
      sinCosArray(L.angle, L.sin, L.cos, 0, n); // sin(M + δM) (drag term of e)
      this.meanElements(block);
      sinCosArray(L.angle, L.sin, L.cos, 0, n); // sin ω, cos ω
      this.longPeriod(block);
      sinCosArray(L.angle, L.sin, L.cos, 0, n); // sin u, cos u (first Kepler iterate)
      this.keplerShortPeriod(block, k, pos, vel, err);
      sinCosArray(L.angle, L.sin, L.cos, 0, n); // sin Ω, cos Ω of the osculating node
      this.writeStates(block, k, pos, vel, err);
    }
  }

  /** tsince and the secular mean anomaly M = M0 + Ṁ t of every lane. */
  private secular(block: SoaBlock, times: Float64Array, k: number): void {
    const { t: T, angle } = this.lanes;
    const mo = this.fields[I.MO];
    const mdot = this.fields[I.MDOT];
    const n = block.lanes;
    for (let i = 0; i < n; i++) {
      const s = block.sat[i];
      const t = block.baseMin[i] + times[block.timeOffset[i] + k];
      T[i] = t;
      angle[i] = mo[s] + mdot[s] * t;
    }
  }

  /** Secular gravity and drag (STR#3 §6): ω, Ω, the drag polynomials, M + δM (cos M in `cos`). */
  private drag(block: SoaBlock): void {
    const L = this.lanes;
    const f = this.fields;
    const simple = f[I.SIMPLE];
    const argpo = f[I.ARGPO];
    const argpdot = f[I.ARGPDOT];
    const nodeo = f[I.NODEO];
    const nodedot = f[I.NODEDOT];
    const nodecf = f[I.NODECF];
    const cc1 = f[I.CC1];
    const cc4 = f[I.CC4];
    const bstar = f[I.BSTAR];
    const t2cof = f[I.T2COF];
    const eta = f[I.ETA];
    const omgcof = f[I.OMGCOF];
    const xmcof = f[I.XMCOF];
    const delmo = f[I.DELMO];
    const d2 = f[I.D2];
    const d3 = f[I.D3];
    const d4 = f[I.D4];
    const t3cof = f[I.T3COF];
    const t4cof = f[I.T4COF];
    const t5cof = f[I.T5COF];
    const n = block.lanes;
    for (let i = 0; i < n; i++) {
      const s = block.sat[i];
      const t = L.t[i];
      const xmdf = L.angle[i];
      const argpdf = argpo[s] + argpdot[s] * t;
      const t2 = t * t;
      L.osc[i * OSC_STRIDE + OSC_NODE] = nodeo[s] + nodedot[s] * t + nodecf[s] * t2;
      let tempa = 1 - cc1[s] * t;
      let templ = t2cof[s] * t2;
      let mm = xmdf;
      let argpm = argpdf;
      if (simple[s] === 0) {
        const delmRoot = 1 + eta[s] * L.cos[i];
        const temp = omgcof[s] * t + xmcof[s] * (delmRoot * delmRoot * delmRoot - delmo[s]);
        mm = xmdf + temp;
        argpm = argpdf - temp;
        const t3 = t2 * t;
        const t4 = t3 * t;
        tempa = tempa - d2[s] * t2 - d3[s] * t3 - d4[s] * t4;
        templ = templ + t3cof[s] * t3 + t4 * (t4cof[s] + t * t5cof[s]);
      }
      L.tempe[i] = bstar[s] * cc4[s] * t;
      L.tempa[i] = tempa;
      L.templ[i] = templ;
      L.mm[i] = mm;
      L.argpm[i] = argpm;
      L.angle[i] = mm;
    }
  }

  /** a, n, e from the drag polynomials (sin(M + δM) in `sin`); error 1 when e leaves its range. */
  private meanElements(block: SoaBlock): void {
    const L = this.lanes;
    const f = this.fields;
    const simple = f[I.SIMPLE];
    const bstar = f[I.BSTAR];
    const cc5 = f[I.CC5];
    const sinmao = f[I.SINMAO];
    const ao = f[I.AO];
    const no = f[I.NO];
    const ecco = f[I.ECCO];
    const n = block.lanes;
    for (let i = 0; i < n; i++) {
      const s = block.sat[i];
      let tempe = L.tempe[i];
      if (simple[s] === 0) tempe = tempe + bstar[s] * cc5[s] * (L.sin[i] - sinmao[s]);
      const tempa = L.tempa[i];
      // a = a0'' (1 − C1 t − …)², n = ke / a^1.5 = n0'' / |tempa|³.
      const am = ao[s] * tempa * tempa;
      const absTempa = Math.abs(tempa);
      const r = i * OSC_STRIDE;
      L.osc[r + OSC_NM] = no[s] / (absTempa * absTempa * absTempa);
      let em = ecco[s] - tempe;
      L.code[i] = em >= 1 || em < -0.001 || !(am > 0) ? Sgp4ErrorCode.MeanEccentricityOutOfRange : Sgp4ErrorCode.None;
      if (em < 1e-6) em = 1e-6;
      L.osc[r + OSC_AM] = am;
      L.em[i] = em;
      L.mm[i] = L.mm[i] + no[s] * L.templ[i];
      L.angle[i] = L.argpm[i];
    }
  }

  /** Long-period periodics (STR#3 §6, sin ω and cos ω in `sin`/`cos`): axnl, aynl and u = L − Ω reduced. */
  private longPeriod(block: SoaBlock): void {
    const L = this.lanes;
    const xlcof = this.fields[I.XLCOF];
    const aycof = this.fields[I.AYCOF];
    const n = block.lanes;
    for (let i = 0; i < n; i++) {
      const s = block.sat[i];
      const r = i * OSC_STRIDE;
      const em = L.em[i];
      const am = L.osc[r + OSC_AM];
      const axnl = em * L.cos[i];
      const invAmOneMinusE2 = 1 / (am * (1 - em * em));
      L.osc[r + OSC_AXNL] = axnl;
      L.osc[r + OSC_AYNL] = em * L.sin[i] + invAmOneMinusE2 * aycof[s];
      // (x mod 2π inline, not the fmod library call behind `%`: the same to a few ulps of 2π·k.)
      const u = remTwoPi(L.mm[i] + L.argpm[i] + invAmOneMinusE2 * xlcof[s] * axnl);
      L.osc[r + OSC_U] = u;
      // A lane already in error gets a harmless angle (its state is not written).
      L.angle[i] = L.code[i] === 0 ? u : 0;
    }
  }

  /** The inclination terms of each lane's Kepler/short-period record: constant over the block's times. */
  private fillInclinationTerms(block: SoaBlock): void {
    const f = this.fields;
    const osc = this.lanes.osc;
    for (let i = 0; i < block.lanes; i++) {
      const s = block.sat[i];
      const r = i * OSC_STRIDE;
      osc[r + OSC_INCL] = f[I.INCLO][s];
      osc[r + OSC_SINI] = f[I.SINIO][s];
      osc[r + OSC_COSI] = f[I.COSIO][s];
      osc[r + OSC_CON41] = f[I.CON41][s];
      osc[r + OSC_X1MTH2] = f[I.X1MTH2][s];
      osc[r + OSC_X7THM1] = f[I.X7THM1][s];
    }
  }

  /** Kepler and short-period terms per lane (shared scalar code, sin u and cos u given); the osculating node into `angle`. */
  private keplerShortPeriod(block: SoaBlock, k: number, pos: Float64Array, vel: Float64Array, err: Uint8Array): void {
    const L = this.lanes;
    const osc = L.osc;
    const n = block.lanes;
    for (let i = 0; i < n; i++) {
      let code = L.code[i];
      if (code === 0) {
        const r = i * OSC_STRIDE;
        osc[r + OSC_SIN_U] = L.sin[i];
        osc[r + OSC_COS_U] = L.cos[i];
        code = solveKeplerShortPeriod(osc, r);
        L.code[i] = code;
        L.angle[i] = osc[r + OSC_XNODE];
      }
      if (code !== 0) {
        setError(pos, vel, err, block.outIndex[i] + k, code);
        L.angle[i] = 0;
      }
    }
  }

  /** TEME state of every lane not in error (sin Ω, cos Ω in `sin`/`cos`). */
  private writeStates(block: SoaBlock, k: number, pos: Float64Array, vel: Float64Array, err: Uint8Array): void {
    const L = this.lanes;
    const osc = L.osc;
    const n = block.lanes;
    for (let i = 0; i < n; i++) {
      if (L.code[i] !== 0) continue;
      const r = i * OSC_STRIDE;
      osc[r + OSC_SIN_NODE] = L.sin[i];
      osc[r + OSC_COS_NODE] = L.cos[i];
      writeTemeState(pos, vel, err, block.outIndex[i] + k, osc, r);
    }
  }
}
