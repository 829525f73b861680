/**
 * Covariance rotation out of an object's radial / transverse / normal (RTN) frame, the frame in
 * which CCSDS CDMs give each object's covariance (CCSDS 508.0-B-1 §3.5 and Annex B):
 * R̂ = r/|r|, N̂ = (r × v)/|r × v|, T̂ = N̂ × R̂ (Vallado, Fundamentals of Astrodynamics and
 * Applications, 4th ed., §3.3).
 */

/**
 * Rows R̂, T̂, N̂ of the inertial→RTN rotation, row-major `Float64Array(9)`: x_rtn = M · x_inertial.
 * Throws when r and v are zero or parallel (no orbit plane).
 */
export function rtnBasis(positionM: ArrayLike<number>, velocityMps: ArrayLike<number>, out: Float64Array = new Float64Array(9)): Float64Array {
  const rx = positionM[0], ry = positionM[1], rz = positionM[2];
  const vx = velocityMps[0], vy = velocityMps[1], vz = velocityMps[2];
  const rn = Math.hypot(rx, ry, rz);
  let nx = ry * vz - rz * vy;
  let ny = rz * vx - rx * vz;
  let nz = rx * vy - ry * vx;
  const hn = Math.hypot(nx, ny, nz);
  if (!(rn > 0) || !(hn > 0)) {
    throw new RangeError(`RTN frame undefined: position [${rx}, ${ry}, ${rz}] and velocity [${vx}, ${vy}, ${vz}] are zero or parallel`);
  }
  const ux = rx / rn, uy = ry / rn, uz = rz / rn;
  nx /= hn; ny /= hn; nz /= hn;
  out[0] = ux; out[1] = uy; out[2] = uz;
  out[3] = ny * uz - nz * uy; out[4] = nz * ux - nx * uz; out[5] = nx * uy - ny * ux;
  out[6] = nx; out[7] = ny; out[8] = nz;
  return out;
}

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
