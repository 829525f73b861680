/**
 * Linear relative motion after an impulse on a circular orbit: the Clohessy–Wiltshire (Hill)
 * equations (W. H. Clohessy & R. S. Wiltshire, "Terminal guidance system for satellite
 * rendezvous", J. Aerospace Sci. 27(9), 1960; Vallado, Fundamentals of Astrodynamics and
 * Applications, 4th ed., §6.8, Eq. 6-66). With x radial, y along-track, z cross-track, mean motion
 * n and an impulse (ẋ₀, ẏ₀, ż₀) at t = 0 from zero offset:
 *
 *   x(t) = (ẋ₀/n) sin nt + (2ẏ₀/n)(1 − cos nt)
 *   y(t) = (2ẋ₀/n)(cos nt − 1) + (ẏ₀/n)(4 sin nt − 3nt)
 *   z(t) = (ż₀/n) sin nt
 *
 * For t ≫ 1/n the along-track drift dominates: y ≈ −3 ẏ₀ t (a prograde burn raises the orbit,
 * lengthens the period, and the object falls behind). The avoidance planner does not use these
 * (it propagates numerically); they are its first-order check and the tests' reference.
 */

/** Displacement [radial, along-track, cross-track] (m) at `dtS` after an impulse [R, T, N] (m/s). */
export function cwDisplacementRtn(deltaVRtnMps: ArrayLike<number>, dtS: number, meanMotionRadPerS: number): [number, number, number] {
  const n = meanMotionRadPerS;
  if (!(n > 0)) throw new RangeError(`meanMotionRadPerS: must be > 0, got ${n}`);
  const [vr, vt, vn] = [deltaVRtnMps[0], deltaVRtnMps[1], deltaVRtnMps[2]];
  const nt = n * dtS;
  const s = Math.sin(nt);
  const c = Math.cos(nt);
  return [(vr / n) * s + ((2 * vt) / n) * (1 - c), ((2 * vr) / n) * (c - 1) + (vt / n) * (4 * s - 3 * nt), (vn / n) * s];
}

/** Secular along-track shift (m) of a tangential impulse `deltaVMps` after `dtS`: −3 Δv Δt. */
export function cwSecularAlongTrackShiftM(deltaVMps: number, dtS: number): number {
  return -3 * deltaVMps * dtS;
}
