/**
 * TEME ⇄ PEF ⇄ ITRF (Earth-fixed), following Vallado, Crawford, Hujsak & Kelso, "Revisiting
 * Spacetrack Report #3", AIAA 2006-6753, §"Coordinate systems" and Appendix C:
 *   r_PEF = ROT3(GMST₈₂) r_TEME,             v_PEF = ROT3(GMST) v_TEME − ω × r_PEF
 *   r_PEF = ROT1(y_p) ROT2(x_p) r_ITRF       (polar motion W; Vallado 4th ed. Eq. 3-77)
 * TEME's x-axis is the mean equinox measured along the true equator, so GMST (not GAST) takes it
 * to the pseudo-Earth-fixed frame. ω is LOD-corrected (see {@link EarthOrientation}); using the
 * nominal ω instead changes velocities by < 2e-5 m/s in LEO.
 *
 * Units: the rotations are linear, so positions may be in m or km; velocities must then be in the
 * same unit per second. Names use metres (`rTemeM`, `vTemeMps`) because SI is the core's rule.
 */
import type { Epoch } from '../time/epoch.js';
import type { EopSource } from '../time/eop.js';
import { earthOrientation, type EarthOrientation } from './earthOrientation.js';
import { mat3, mulMat, mulTransposeVec, mulVec, rot3, transpose, vec3, type Mat3, type Vec3 } from './mat3.js';

/** Polar-motion matrix W with r_PEF = W · r_ITRF (W = ROT1(y_p) · ROT2(x_p)). */
export function polarMotionMatrix(xpRad: number, ypRad: number, out: Mat3): Mat3 {
  const cx = Math.cos(xpRad);
  const sx = Math.sin(xpRad);
  const cy = Math.cos(ypRad);
  const sy = Math.sin(ypRad);
  out[0] = cx; out[1] = 0; out[2] = -sx;
  out[3] = sy * sx; out[4] = cy; out[5] = sy * cx;
  out[6] = cy * sx; out[7] = -sy; out[8] = cy * cx;
  return out;
}

const scratchR = mat3();
const scratchW = mat3();
const scratchV = vec3();
const scratchWt = mat3();

/** r_PEF, v_PEF from TEME (out-parameters; `vOut`/`vTeme` may be null for position only). */
export function temeToPefInto(eo: EarthOrientation, rTeme: Vec3, vTeme: Vec3 | null, rOut: Vec3, vOut: Vec3 | null): void {
  rot3(eo.gmstRad, scratchR);
  if (vTeme && vOut) mulVec(scratchR, vTeme, scratchV);
  mulVec(scratchR, rTeme, rOut);
  if (vTeme && vOut) {
    const w = eo.omegaRadPerS;
    // v_PEF = R v_TEME − ω ẑ × r_PEF,  ẑ × r = (−y, x, 0)
    vOut[0] = scratchV[0] + w * rOut[1];
    vOut[1] = scratchV[1] - w * rOut[0];
    vOut[2] = scratchV[2];
  }
}

/** Inverse of {@link temeToPefInto}. */
export function pefToTemeInto(eo: EarthOrientation, rPef: Vec3, vPef: Vec3 | null, rOut: Vec3, vOut: Vec3 | null): void {
  rot3(eo.gmstRad, scratchR);
  if (vPef && vOut) {
    const w = eo.omegaRadPerS;
    scratchV[0] = vPef[0] - w * rPef[1];
    scratchV[1] = vPef[1] + w * rPef[0];
    scratchV[2] = vPef[2];
    mulTransposeVec(scratchR, scratchV, vOut);
  }
  mulTransposeVec(scratchR, rPef, rOut);
}

/** PEF → ITRF (polar motion only; no rotation-rate term). */
export function pefToItrfInto(eo: EarthOrientation, rPef: Vec3, vPef: Vec3 | null, rOut: Vec3, vOut: Vec3 | null): void {
  polarMotionMatrix(eo.xpRad, eo.ypRad, scratchW);
  mulTransposeVec(scratchW, rPef, rOut);
  if (vPef && vOut) mulTransposeVec(scratchW, vPef, vOut);
}

/** ITRF → PEF. */
export function itrfToPefInto(eo: EarthOrientation, rItrf: Vec3, vItrf: Vec3 | null, rOut: Vec3, vOut: Vec3 | null): void {
  polarMotionMatrix(eo.xpRad, eo.ypRad, scratchW);
  mulVec(scratchW, rItrf, rOut);
  if (vItrf && vOut) mulVec(scratchW, vItrf, vOut);
}

/** TEME → ITRF with precomputed Earth orientation; no allocation. */
export function temeToItrfInto(eo: EarthOrientation, rTeme: Vec3, vTeme: Vec3 | null, rOut: Vec3, vOut: Vec3 | null): void {
  temeToPefInto(eo, rTeme, vTeme, rOut, vOut);
  pefToItrfInto(eo, rOut, vOut, rOut, vOut);
}

/** ITRF → TEME with precomputed Earth orientation; no allocation. */
export function itrfToTemeInto(eo: EarthOrientation, rItrf: Vec3, vItrf: Vec3 | null, rOut: Vec3, vOut: Vec3 | null): void {
  itrfToPefInto(eo, rItrf, vItrf, rOut, vOut);
  pefToTemeInto(eo, rOut, vOut, rOut, vOut);
}

/** Rotation matrix M with r_ITRF = M · r_TEME (position part only). */
export function temeToItrfMatrix(eo: EarthOrientation, out: Mat3): Mat3 {
  rot3(eo.gmstRad, scratchR);
  polarMotionMatrix(eo.xpRad, eo.ypRad, scratchW);
  // M = Wᵀ · R
  return mulMat(transpose(scratchW, scratchWt), scratchR, out);
}

/** A position and (optional) velocity. */
export interface StateVectors {
  r: Float64Array;
  v?: Float64Array;
}

function convert(
  f: (eo: EarthOrientation, r: Vec3, v: Vec3 | null, rOut: Vec3, vOut: Vec3 | null) => void,
  epoch: Epoch,
  r: Vec3,
  v: Vec3 | undefined,
  eop: EopSource | undefined,
): StateVectors {
  const eo = earthOrientation(epoch, eop);
  const rOut = vec3();
  const vOut = v ? vec3() : undefined;
  f(eo, r, v ?? null, rOut, vOut ?? null);
  return vOut ? { r: rOut, v: vOut } : { r: rOut };
}

/**
 * TEME (SGP4 output) → ITRF. Allocating convenience wrapper; positions in m (or km), velocities
 * in the same unit per second. Without `eop`, UT1 = UTC and no polar motion (warns once).
 */
export function temeToItrf(epoch: Epoch, rTemeM: Vec3, vTemeMps?: Vec3, eop?: EopSource): StateVectors {
  return convert(temeToItrfInto, epoch, rTemeM, vTemeMps, eop);
}

/** ITRF → TEME (allocating). */
export function itrfToTeme(epoch: Epoch, rItrfM: Vec3, vItrfMps?: Vec3, eop?: EopSource): StateVectors {
  return convert(itrfToTemeInto, epoch, rItrfM, vItrfMps, eop);
}

/** TEME → PEF (allocating). */
export function temeToPef(epoch: Epoch, rTemeM: Vec3, vTemeMps?: Vec3, eop?: EopSource): StateVectors {
  return convert(temeToPefInto, epoch, rTemeM, vTemeMps, eop);
}

/** PEF → TEME (allocating). */
export function pefToTeme(epoch: Epoch, rPefM: Vec3, vPefMps?: Vec3, eop?: EopSource): StateVectors {
  return convert(pefToTemeInto, epoch, rPefM, vPefMps, eop);
}

/** PEF → ITRF (allocating). */
export function pefToItrf(epoch: Epoch, rPefM: Vec3, vPefMps?: Vec3, eop?: EopSource): StateVectors {
  return convert(pefToItrfInto, epoch, rPefM, vPefMps, eop);
}

/** ITRF → PEF (allocating). */
export function itrfToPef(epoch: Epoch, rItrfM: Vec3, vItrfMps?: Vec3, eop?: EopSource): StateVectors {
  return convert(itrfToPefInto, epoch, rItrfM, vItrfMps, eop);
}
