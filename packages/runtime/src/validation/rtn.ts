/**
 * Position difference resolved in the radial / along-track / cross-track (RTN, also RSW or RIC)
 * frame of a reference orbit state: R = r̂, N = (r × v)/|r × v|, T = N × R (Vallado 2013,
 * "Fundamentals of Astrodynamics and Applications", 4th ed., §3.3 RSW). T is the along-track
 * direction (equal to v̂ for a circular orbit); errors of a propagated orbit grow mostly along it.
 * The basis is the frames' RTN builder (frames/rtn.ts).
 */
import { rtnBasis } from '@stationkeeper/core';

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
  const m = rtnBasis(rRef, vRef, new Float64Array(9));
  const dx = r[0] - rRef[0];
  const dy = r[1] - rRef[1];
  const dz = r[2] - rRef[2];
  return {
    radialM: dx * m[0] + dy * m[1] + dz * m[2],
    alongTrackM: dx * m[3] + dy * m[4] + dz * m[5],
    crossTrackM: dx * m[6] + dy * m[7] + dz * m[8],
    totalM: Math.hypot(dx, dy, dz),
  };
}
