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
import { cosOfStep, sinOfStep } from './smallAngle.js';

const j2Half = 0.5 * WGS72_J2;

/**
 * Inputs of {@link writeOsculatingState}, by index into {@link OSC}. Passed through a typed array:
 * doubles given as arguments to a call that is not inlined are boxed, one allocation each.
 */
export const OSC_AXNL = 0, OSC_AYNL = 1, OSC_U = 2, OSC_AM = 3, OSC_NM = 4, OSC_NODE = 5, OSC_INCL = 6;
export const OSC_SINI = 7, OSC_COSI = 8, OSC_CON41 = 9, OSC_X1MTH2 = 10, OSC_X7THM1 = 11;
export const OSC = new Float64Array(12);

export function writeOsculatingState(pos: Float64Array, vel: Float64Array, err: Uint8Array, o: number): void {
  const axnl = OSC[OSC_AXNL];
  const aynl = OSC[OSC_AYNL];
  const u = OSC[OSC_U];
  const am = OSC[OSC_AM];
  const nm = OSC[OSC_NM];
  const nodem = OSC[OSC_NODE];
  const inclo = OSC[OSC_INCL];
  const sinio = OSC[OSC_SINI];
  const cosio = OSC[OSC_COSI];
  const con41 = OSC[OSC_CON41];
  const x1mth2 = OSC[OSC_X1MTH2];
  const x7thm1 = OSC[OSC_X7THM1];
  // Kepler's equation for E + ω, Newton steps limited to 0.95 rad (AIAA 2006-6753). Once the
  // steps are small, sin/cos of the new iterate come from rotating the previous pair by the step
  // (series to 9th order, error < 1e-20 for |step| < 0.01) instead of two more trig calls.
  let eo1 = u;
  let sineo1 = Math.sin(u);
  let coseo1 = Math.cos(u);
  for (let it = 1; it <= 10; it++) {
    let step = (u - aynl * coseo1 + axnl * sineo1 - eo1) / (1 - coseo1 * axnl - sineo1 * aynl);
    if (step >= 0.95) step = 0.95;
    else if (step <= -0.95) step = -0.95;
    eo1 += step;
    // As the reference: stop once |step| < 1e-12, keeping sin/cos of the previous iterate.
    if (Math.abs(step) < 1e-12 || it === 10) break;
    if (Math.abs(step) < 0.01) {
      const sd = sinOfStep(step);
      const cd = cosOfStep(step);
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
  if (pl < 0) {
    setError(pos, vel, err, o, Sgp4ErrorCode.SemiLatusRectumBelowZero);
    return;
  }
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
    const sdu = sinOfStep(dsu);
    const cdu = cosOfStep(dsu);
    sinsu = sinu0 * cdu + cosu0 * sdu;
    cossu = cosu0 * cdu - sinu0 * sdu;
    const sdi = sinOfStep(dinc);
    const cdi = cosOfStep(dinc);
    sini = sinio * cdi + cosio * sdi;
    cosi = cosio * cdi - sinio * sdi;
  } else {
    const su = Math.atan2(sinu, cosu) + dsu;
    sinsu = Math.sin(su);
    cossu = Math.cos(su);
    sini = Math.sin(inclo + dinc);
    cosi = Math.cos(inclo + dinc);
  }
  const snod = Math.sin(xnode);
  const cnod = Math.cos(xnode);
  const xmx = -snod * cosi;
  const xmy = cnod * cosi;
  const ux = xmx * sinsu + cnod * cossu;
  const uy = xmy * sinsu + snod * cossu;
  const uz = sini * sinsu;
  const vx = xmx * cossu - cnod * sinsu;
  const vy = xmy * cossu - snod * sinsu;
  const vz = sini * cossu;

  if (mrt < 1) {
    setError(pos, vel, err, o, Sgp4ErrorCode.Decayed);
    return;
  }
  const rk = mrt * WGS72_RADIUS_KM;
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
