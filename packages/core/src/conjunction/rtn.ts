/**
 * Miss geometry in the primary's RTN frame (radial R = r/|r|, cross-track N = r×v/|r×v|,
 * in-track T = N×R; CCSDS 508.0-B-1 "RTN"/"RSW"). Components are frame-independent, so TEME
 * inputs give the same numbers as any other inertial frame.
 */

/** Components (same unit as d) of the vector d in the RTN frame of the state (r, v); written to out[0..2]. */
export function rtnComponents(
  r: ArrayLike<number>,
  v: ArrayLike<number>,
  d: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const rn = Math.hypot(r[0], r[1], r[2]);
  const rx = r[0] / rn;
  const ry = r[1] / rn;
  const rz = r[2] / rn;
  let nx = r[1] * v[2] - r[2] * v[1];
  let ny = r[2] * v[0] - r[0] * v[2];
  let nz = r[0] * v[1] - r[1] * v[0];
  const nn = Math.hypot(nx, ny, nz);
  nx /= nn;
  ny /= nn;
  nz /= nn;
  const tx = ny * rz - nz * ry;
  const ty = nz * rx - nx * rz;
  const tz = nx * ry - ny * rx;
  out[0] = d[0] * rx + d[1] * ry + d[2] * rz;
  out[1] = d[0] * tx + d[1] * ty + d[2] * tz;
  out[2] = d[0] * nx + d[1] * ny + d[2] * nz;
  return out;
}
