/**
 * The part of SGP4 after the long-period terms, shared by the near-Earth and deep-space kernels
 * (STR#3 §6, with AIAA 2006-6753): Kepler's equation for E + ω, the short-period periodics of
 * r, ṙ, u, Ω and i, and the TEME position (km) and velocity (km/s) written to `pos`/`vel` at
 * `3·o` with the error code at `err[o]` (4: semi-latus rectum < 0, 6: decayed; NaN state then).
 *
 * Inputs (in OSC): axnl, aynl the long-period-corrected e·cos ω and e·sin ω; u = L − Ω (rad, reduced);
 * am the mean semi-major axis (earth radii), nm the mean motion (rad/min); node, incl (rad) with
 * sinI = sin incl, cosI = cos incl; con41 = 3cos²i − 1, x1mth2 = 1 − cos²i, x7thm1 = 7cos²i − 1.
 */
import { VKM_PER_SEC, WGS72_J2, WGS72_RADIUS_KM, XKE } from './constants.js';
import { Sgp4ErrorCode } from './errors.js';

const j2Half = 0.5 * WGS72_J2;

/**
 * Inputs and outputs of the functions below, by index into a record of OSC_STRIDE doubles ({@link OSC}
 * for one state at a time; a batched caller keeps one per satellite). Passed through a typed
 * array: doubles given as arguments to a call that is not inlined are boxed, one allocation each.
 */
export const OSC_AXNL = 0, OSC_AYNL = 1, OSC_U = 2, OSC_AM = 3, OSC_NM = 4, OSC_NODE = 5, OSC_INCL = 6;
export const OSC_SINI = 7, OSC_COSI = 8, OSC_CON41 = 9, OSC_X1MTH2 = 10, OSC_X7THM1 = 11;
/** sin u and cos u, inputs of {@link solveKeplerShortPeriod} (a batched caller computes them in bulk). */
export const OSC_SIN_U = 12, OSC_COS_U = 13;
/** Outputs of {@link solveKeplerShortPeriod}: the osculating node (rad), radius (earth radii), ṙ and rḟ (earth radii/min), sin/cos of u and i. */
export const OSC_XNODE = 14, OSC_MRT = 15, OSC_MVT = 16, OSC_RVDOT = 17, OSC_SIN_SU = 18, OSC_COS_SU = 19, OSC_SIN_IK = 20, OSC_COS_IK = 21;
/** sin and cos of the osculating node, inputs of {@link writeTemeState}. */
export const OSC_SIN_NODE = 22, OSC_COS_NODE = 23;
/** Doubles of one such record. */
export const OSC_STRIDE = 24;
export const OSC = new Float64Array(OSC_STRIDE);

/** The whole step for one state: Kepler, short-period terms and the TEME state (or error) at output index `o`. */
export function writeOsculatingState(pos: Float64Array, vel: Float64Array, err: Uint8Array, o: number): void {
  const u = OSC[OSC_U];
  OSC[OSC_SIN_U] = Math.sin(u);
  OSC[OSC_COS_U] = Math.cos(u);
  const code = solveKeplerShortPeriod(OSC, 0);
  if (code !== Sgp4ErrorCode.None) {
    setError(pos, vel, err, o, code);
    return;
  }
  const xnode = OSC[OSC_XNODE];
  OSC[OSC_SIN_NODE] = Math.sin(xnode);
  OSC[OSC_COS_NODE] = Math.cos(xnode);
  writeTemeState(pos, vel, err, o, OSC, 0);
}

/**
 * Kepler's equation and the short-period periodics from the inputs in the record `osc[b …]` (with
 * sin u, cos u given); writes the outputs there and returns 0, or the error code (4: semi-latus rectum < 0, 6: decayed).
 */
export function solveKeplerShortPeriod(osc: Float64Array, b: number): number {
  const axnl = osc[b + OSC_AXNL];
  const aynl = osc[b + OSC_AYNL];
  const u = osc[b + OSC_U];
  const am = osc[b + OSC_AM];
  const nm = osc[b + OSC_NM];
  const nodem = osc[b + OSC_NODE];
  const inclo = osc[b + OSC_INCL];
  const sinio = osc[b + OSC_SINI];
  const cosio = osc[b + OSC_COSI];
  const con41 = osc[b + OSC_CON41];
  const x1mth2 = osc[b + OSC_X1MTH2];
  const x7thm1 = osc[b + OSC_X7THM1];
  // Kepler's equation for E + ω, Newton steps limited to 0.95 rad (AIAA 2006-6753). Once the
  // steps are small, sin/cos of the new iterate come from rotating the previous pair by the step
  // (series to 9th order, error < 1e-20 for |step| < 0.01) instead of two more trig calls.
  let eo1 = u;
  let sineo1 = osc[b + OSC_SIN_U];
  let coseo1 = osc[b + OSC_COS_U];
  for (let it = 1; it <= 10; it++) {
    let step = (u - aynl * coseo1 + axnl * sineo1 - eo1) / (1 - coseo1 * axnl - sineo1 * aynl);
    if (step >= 0.95) step = 0.95;
    else if (step <= -0.95) step = -0.95;
    eo1 += step;
    // As the reference: stop once |step| < 1e-12, keeping sin/cos of the previous iterate.
    if (Math.abs(step) < 1e-12 || it === 10) break;
    if (Math.abs(step) < 0.01) {
      const s2 = step * step;
      const sd = step * (1 - (s2 / 6) * (1 - (s2 / 20) * (1 - (s2 / 42) * (1 - s2 / 72))));
      const cd = 1 - (s2 / 2) * (1 - (s2 / 12) * (1 - (s2 / 30) * (1 - s2 / 56)));
      const sNew = sineo1 * cd + coseo1 * sd;
      coseo1 = coseo1 * cd - sineo1 * sd;
      sineo1 = sNew;
    } else {
      sineo1 = Math.sin(eo1);
      coseo1 = Math.cos(eo1);
    }
  }

  // Short-period preliminary quantities.
  const ecose = axnl * coseo1 + aynl * sineo1;
  const esine = axnl * sineo1 - aynl * coseo1;
  const el2 = axnl * axnl + aynl * aynl;
  const pl = am * (1 - el2);
  if (pl < 0) return Sgp4ErrorCode.SemiLatusRectumBelowZero;
  const rl = am * (1 - ecose);
  const rdotl = (Math.sqrt(am) * esine) / rl;
  const rvdotl = Math.sqrt(pl) / rl;
  const betal = Math.sqrt(1 - el2);
  const ebeta = esine / (1 + betal);
  const aOverR = am / rl;
  const sinu = aOverR * (sineo1 - aynl - axnl * ebeta);
  const cosu = aOverR * (coseo1 - axnl + aynl * ebeta);
  const sin2u = (cosu + cosu) * sinu;
  const cos2u = 1 - 2 * sinu * sinu;
  const invPl = 1 / pl;
  const temp1 = j2Half * invPl;
  const temp2 = temp1 * invPl;

  // Short-period periodics (STR#3 §6).
  const mrt = rl * (1 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
  const dsu = -0.25 * temp2 * x7thm1 * sin2u;
  const xnode = nodem + 1.5 * temp2 * cosio * sin2u;
  const dinc = 1.5 * temp2 * cosio * sinio * cos2u;
  const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / XKE;
  const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / XKE;

  // Orientation vectors (STR#3 §6, U and V). u and i get small short-period corrections
  // (|Δ| ~ J2 ~ 1e-3 rad): sin/cos of the corrected angles by rotation, not by new trig calls.
  const invH = 1 / Math.sqrt(sinu * sinu + cosu * cosu);
  const sinu0 = sinu * invH;
  const cosu0 = cosu * invH;
  let sinsu: number;
  let cossu: number;
  let sini: number;
  let cosi: number;
  if (Math.abs(dsu) < 0.01 && Math.abs(dinc) < 0.01) {
    let d2 = dsu * dsu;
    let sd = dsu * (1 - (d2 / 6) * (1 - (d2 / 20) * (1 - (d2 / 42) * (1 - d2 / 72))));
    let cd = 1 - (d2 / 2) * (1 - (d2 / 12) * (1 - (d2 / 30) * (1 - d2 / 56)));
    sinsu = sinu0 * cd + cosu0 * sd;
    cossu = cosu0 * cd - sinu0 * sd;
    d2 = dinc * dinc;
    sd = dinc * (1 - (d2 / 6) * (1 - (d2 / 20) * (1 - (d2 / 42) * (1 - d2 / 72))));
    cd = 1 - (d2 / 2) * (1 - (d2 / 12) * (1 - (d2 / 30) * (1 - d2 / 56)));
    sini = sinio * cd + cosio * sd;
    cosi = cosio * cd - sinio * sd;
  } else {
    const su = Math.atan2(sinu, cosu) + dsu;
    sinsu = Math.sin(su);
    cossu = Math.cos(su);
    sini = Math.sin(inclo + dinc);
    cosi = Math.cos(inclo + dinc);
  }
  if (mrt < 1) return Sgp4ErrorCode.Decayed;
  osc[b + OSC_XNODE] = xnode;
  osc[b + OSC_MRT] = mrt;
  osc[b + OSC_MVT] = mvt;
  osc[b + OSC_RVDOT] = rvdot;
  osc[b + OSC_SIN_SU] = sinsu;
  osc[b + OSC_COS_SU] = cossu;
  osc[b + OSC_SIN_IK] = sini;
  osc[b + OSC_COS_IK] = cosi;
  return Sgp4ErrorCode.None;
}

/** TEME position (km) and velocity (km/s) at output index `o` from the outputs of {@link solveKeplerShortPeriod} and sin/cos of the node (STR#3 §6, U and V). */
export function writeTemeState(pos: Float64Array, vel: Float64Array, err: Uint8Array, o: number, osc: Float64Array, b: number): void {
  const snod = osc[b + OSC_SIN_NODE];
  const cnod = osc[b + OSC_COS_NODE];
  const sinsu = osc[b + OSC_SIN_SU];
  const cossu = osc[b + OSC_COS_SU];
  const sini = osc[b + OSC_SIN_IK];
  const cosi = osc[b + OSC_COS_IK];
  const mvt = osc[b + OSC_MVT];
  const rvdot = osc[b + OSC_RVDOT];
  const xmx = -snod * cosi;
  const xmy = cnod * cosi;
  const ux = xmx * sinsu + cnod * cossu;
  const uy = xmy * sinsu + snod * cossu;
  const uz = sini * sinsu;
  const vx = xmx * cossu - cnod * sinsu;
  const vy = xmy * cossu - snod * sinsu;
  const vz = sini * cossu;
  const rk = osc[b + OSC_MRT] * WGS72_RADIUS_KM;
  const p = 3 * o;
  pos[p] = rk * ux;
  pos[p + 1] = rk * uy;
  pos[p + 2] = rk * uz;
  vel[p] = (mvt * ux + rvdot * vx) * VKM_PER_SEC;
  vel[p + 1] = (mvt * uy + rvdot * vy) * VKM_PER_SEC;
  vel[p + 2] = (mvt * uz + rvdot * vz) * VKM_PER_SEC;
  err[o] = 0;
}

/** NaN state and `code` at output index `o`. */
export function setError(pos: Float64Array, vel: Float64Array, err: Uint8Array, o: number, code: number): void {
  const p = 3 * o;
  pos[p] = pos[p + 1] = pos[p + 2] = NaN;
  vel[p] = vel[p + 1] = vel[p + 2] = NaN;
  err[o] = code;
}
