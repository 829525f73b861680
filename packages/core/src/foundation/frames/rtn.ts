/**
 * The radial / transverse / normal (RTN, also RSW or RIC) frame of an orbit state, the one
 * construction in the library: R̂ = r/|r|, N̂ = (r × v)/|r × v|, T̂ = N̂ × R̂ (CCSDS 508.0-B-1
 * §3.5 and Annex B; Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., §3.3 RSW).
 * T̂ is the along-track direction (v̂ for a circular orbit). Conjunction miss geometry, CDM
 * covariance rotation and propagator comparisons all use it. Components are frame-independent:
 * any inertial frame (TEME, GCRF) in, the same numbers out.
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

const scratch = new Float64Array(9);

/**
 * Components (same unit as d) of the vector d in the RTN frame of the state (r, v); written to
 * out[0..2]. Throws as {@link rtnBasis} when r and v span no orbit plane.
 */
export function rtnComponents(r: ArrayLike<number>, v: ArrayLike<number>, d: ArrayLike<number>, out: Float64Array): Float64Array {
  const m = rtnBasis(r, v, scratch);
  out[0] = d[0] * m[0] + d[1] * m[1] + d[2] * m[2];
  out[1] = d[0] * m[3] + d[1] * m[4] + d[2] * m[5];
  out[2] = d[0] * m[6] + d[1] * m[7] + d[2] * m[8];
  return out;
}
