/**
 * Position difference resolved in the radial / along-track / cross-track (RTN, also RSW or RIC)
 * frame of a reference orbit state: R = r̂, N = (r × v)/|r × v|, T = N × R (Vallado 2013,
 * "Fundamentals of Astrodynamics and Applications", 4th ed., §3.3 RSW). T is the along-track
 * direction (equal to v̂ for a circular orbit); errors of a propagated orbit grow mostly along it.
 */

export interface RtnDifference {
  /** Along r̂ of the reference, m (positive: higher). */
  radialM: number;
  /** Along T = N × R, m (positive: ahead of the reference). */
  alongTrackM: number;
  /** Along the orbit normal N, m. */
  crossTrackM: number;
  /** |Δr|, m. */
  totalM: number;
}

/** RTN components of r − rRef, in the frame of the reference state (rRef, vRef); any consistent units. */
export function rtnDifference(rRef: ArrayLike<number>, vRef: ArrayLike<number>, r: ArrayLike<number>): RtnDifference {
  const rx = rRef[0];
  const ry = rRef[1];
  const rz = rRef[2];
  const rn = Math.hypot(rx, ry, rz);
  if (!(rn > 0)) throw new RangeError('rtnDifference: reference position is zero');
  // N = r × v / |r × v|
  let nx = ry * vRef[2] - rz * vRef[1];
  let ny = rz * vRef[0] - rx * vRef[2];
  let nz = rx * vRef[1] - ry * vRef[0];
  const nn = Math.hypot(nx, ny, nz);
  if (!(nn > 0)) throw new RangeError('rtnDifference: reference velocity is parallel to its position (no orbit plane)');
  nx /= nn;
  ny /= nn;
  nz /= nn;
  const ux = rx / rn;
  const uy = ry / rn;
  const uz = rz / rn;
  // T = N × R
  const tx = ny * uz - nz * uy;
  const ty = nz * ux - nx * uz;
  const tz = nx * uy - ny * ux;
  const dx = r[0] - rx;
  const dy = r[1] - ry;
  const dz = r[2] - rz;
  return {
    radialM: dx * ux + dy * uy + dz * uz,
    alongTrackM: dx * tx + dy * ty + dz * tz,
    crossTrackM: dx * nx + dy * ny + dz * nz,
    totalM: Math.hypot(dx, dy, dz),
  };
}
