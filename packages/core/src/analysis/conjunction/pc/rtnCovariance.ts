/**
 * Covariance rotation out of an object's radial / transverse / normal (RTN) frame, the frame in
 * which CCSDS CDMs give each object's covariance (CCSDS 508.0-B-1 §3.5 and Annex B):
 * R̂ = r/|r|, N̂ = (r × v)/|r × v|, T̂ = N̂ × R̂ (Vallado, Fundamentals of Astrodynamics and
 * Applications, 4th ed., §3.3).
 */

// The basis builder is the frames' (one RTN construction in the library); re-exported for CDM users.
import { rtnBasis } from '../../../foundation/frames/rtn.js';
export { rtnBasis };

/**
 * Rotate an n×n (n ≥ 3, row-major) covariance given in the object's RTN frame into the inertial
 * frame of `positionM`/`velocityMps`: C_inertial = T · C_rtn · Tᵀ with T = blockdiag(Mᵀ, Mᵀ, 1, …).
 * Position rows/columns 0–2 and, when n ≥ 6, velocity rows 3–5 use the same basis, as CCSDS
 * 508.0-B-1 and NASA CARA do (no ω × r term: velocity components along the frozen RTN axes);
 * drag/SRP/thrust rows are scalars and keep their place.
 */
export function rtnToInertialCovariance(covarianceRtn: ArrayLike<number>, n: number, positionM: ArrayLike<number>, velocityMps: ArrayLike<number>): Float64Array {
  if (!(n >= 3) || covarianceRtn.length !== n * n) {
    throw new RangeError(`covariance must be n×n with n ≥ 3; got ${covarianceRtn.length} values for n = ${n}`);
  }
  const m = rtnBasis(positionM, velocityMps);
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) t[i * n + i] = 1;
  for (const b of n >= 6 ? [0, 3] : [0]) {
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) t[(b + i) * n + (b + j)] = m[j * 3 + i];
  }
  const tmp = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += t[i * n + k] * covarianceRtn[k * n + j];
      tmp[i * n + j] = s;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += tmp[i * n + k] * t[j * n + k];
      out[i * n + j] = s;
    }
  }
  return out;
}
